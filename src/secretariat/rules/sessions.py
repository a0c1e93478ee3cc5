"""When bodies meet: the chairmanship's handover, the next regular sessions, urgent paths.

Three questions a secretariat asks at the end of a session and when a member state calls
for help, answered from the charter's settings and the rotation (:mod:`.rotation`), with
no clock: every function takes the day or moment it is asked about.

- **Who takes over the chairmanship** at a session: the next chair by the rotation (the
  record winning over the rule), or the state a recorded decision names instead.
- **Which regular sessions to propose** for the new chair's term: each body that meets
  regularly, in the chairing state, in the months of the year the charter sets.
- **Where an urgent path stands**: the ordered steps a charter defines for a request
  (consultations, a decision without a session, the extraordinary session), each
  recorded in order, with an optional time limit.

>>> rule = RegularSessionRule(("csc",), from_month=9, to_month=12)
>>> [(s.host, s.start_on, s.end_on) for s in propose_regular_sessions(
...     [rule], "BLR", term_start=date(2023, 1, 1), term_end=date(2024, 1, 1))]
[('BLR', datetime.date(2023, 9, 1), datetime.date(2023, 12, 31))]
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from secretariat.rules.errors import RuleError
from secretariat.rules.rotation import Rotation

# ----------------------------------------------------------------------------- handover


@dataclass(frozen=True, slots=True)
class Handover:
    """The chairmanship passing from one state to the next, and the term that begins."""

    #: The chair in force on the day of the session (None when nobody is recorded).
    outgoing: str | None
    incoming: str
    start_on: date
    #: The end of the incoming term where the rule fixes it (a calendar year), else None.
    end_on: date | None
    #: True when the incoming chair is the rotation's (or the record's), False when a
    #: decision named another state.
    by_rule: bool = True
    #: True when the record already says who chairs next: the handover only confirms it.
    recorded: bool = False


def next_chair(rotation: Rotation, on: date, decided: str | None = None) -> Handover:
    """Return the handover decided at a session held on ``on``.

    The incoming chair is the rotation's next one (a recorded term wins over the rule),
    unless a decision of the body names ``decided``. The incoming term begins when the rule
    says (1 January for calendar-year terms) or, from one session to the next, on the day
    of the session itself. The incoming chair must take part in decisions on its first day
    and cannot be the outgoing one.

    >>> from secretariat.rules.participation import ParticipationStatus, Period
    >>> from secretariat.rules.rotation import RecordedTerm, TermLength
    >>> names = {"ARM": "Армения", "BLR": "Беларусь", "KAZ": "Казахстан"}
    >>> always = [Period(ParticipationStatus.MEMBER, date(2003, 9, 18))]
    >>> rotation = Rotation(names, dict.fromkeys(names, always), TermLength.CALENDAR_YEAR,
    ...                     history=[RecordedTerm("ARM", date(2022, 1, 1), date(2023, 1, 1))])
    >>> handover = next_chair(rotation, date(2022, 11, 23))
    >>> handover.outgoing, handover.incoming, handover.start_on
    ('ARM', 'BLR', datetime.date(2023, 1, 1))

    Where the record has the incoming term begin on the session's day itself (the CSTO's
    2022 handover took effect at the Yerevan session), that is the term handed over.

    >>> rotation = Rotation(names, dict.fromkeys(names, always), TermLength.CALENDAR_YEAR,
    ...     history=[RecordedTerm("ARM", date(2021, 9, 16), date(2022, 11, 23)),
    ...              RecordedTerm("BLR", date(2022, 11, 23), date(2024, 1, 1))])
    >>> handover = next_chair(rotation, date(2022, 11, 23))
    >>> handover.outgoing, handover.incoming, handover.start_on
    ('ARM', 'BLR', datetime.date(2022, 11, 23))
    """
    current, following = rotation.terms(on, 2)
    if current.start_on == on and current.recorded:
        with suppress(RuleError):  # no term recorded before it: it is the outgoing one
            current, following = rotation.terms(on - timedelta(days=1), 2)
    start_on = following.start_on or on
    incoming = following.chair if decided is None else decided
    if incoming == current.chair:
        raise RuleError(
            "same-chair",
            f"{incoming} already chairs: the chairmanship passes to another state",
            state=incoming,
        )
    if incoming not in rotation.order_on(start_on):
        raise RuleError(
            "chair-not-a-member",
            f"{incoming} does not take part in decisions on {start_on} and cannot chair",
            state=incoming,
            on=start_on,
        )
    by_rule = decided is None or decided == following.chair
    return Handover(
        outgoing=current.chair,
        incoming=incoming,
        start_on=start_on,
        end_on=following.end_on,
        by_rule=by_rule,
        recorded=following.recorded and by_rule,
    )


# ----------------------------------------------------------------------------- regular sessions


@dataclass(frozen=True, slots=True)
class RegularSessionRule:
    """Bodies that hold a regular session once in each chairmanship, in the chairing state.

    The session falls between the first day of ``from_month`` and the last day of
    ``to_month`` of a year, both months included.
    """

    bodies: tuple[str, ...]
    from_month: int = 1
    to_month: int = 12

    def __post_init__(self) -> None:
        """Refuse an empty list of bodies and months out of order."""
        if not self.bodies:
            raise RuleError("no-bodies", "a regular session needs at least one body")
        if not 1 <= self.from_month <= self.to_month <= 12:
            raise RuleError(
                "bad-months",
                f"months run from 1 to 12, the first not after the last "
                f"(here {self.from_month} to {self.to_month})",
                from_month=self.from_month,
                to_month=self.to_month,
            )

    def window(self, year: int) -> tuple[date, date]:
        """Return the first and last days of the months in ``year`` (both included)."""
        last_day = calendar.monthrange(year, self.to_month)[1]
        return date(year, self.from_month, 1), date(year, self.to_month, last_day)


@dataclass(frozen=True, slots=True)
class ProposedSession:
    """A regular session to propose: its bodies, the host state, and the days it may fall on."""

    bodies: tuple[str, ...]
    host: str
    start_on: date
    #: The last day it may fall on (included).
    end_on: date


def propose_regular_sessions(
    rules: Sequence[RegularSessionRule], chair: str, *, term_start: date, term_end: date | None
) -> list[ProposedSession]:
    """Return one session per rule for a chair's term, hosted by the chair.

    Each falls in the first of the rule's yearly windows that opens on or after the term's
    first day, cut short at the term's end (``term_end`` excluded). A window that opens only
    after the term has ended proposes nothing: the next chair will hold that session.

    >>> rule = RegularSessionRule(("csc",), from_month=9, to_month=12)
    >>> [(s.start_on, s.end_on) for s in propose_regular_sessions(
    ...     [rule], "ARM", term_start=date(2022, 11, 23), term_end=None)]
    [(datetime.date(2023, 9, 1), datetime.date(2023, 12, 31))]
    """
    proposals: list[ProposedSession] = []
    for rule in rules:
        first, last = rule.window(term_start.year)
        if first < term_start:
            first, last = rule.window(term_start.year + 1)
        if term_end is not None:
            if first >= term_end:
                continue
            last = min(last, term_end - timedelta(days=1))
        proposals.append(ProposedSession(rule.bodies, chair, first, last))
    return proposals


# ----------------------------------------------------------------------------- urgent paths


class StepKind(StrEnum):
    #: The chair consults every member state.
    CONSULTATIONS = "consultations"
    #: A decision taken without a session (by written procedure).
    DECISION = "decision"
    #: The extraordinary session convened on the request: always the last step.
    SESSION = "session"


@dataclass(frozen=True, slots=True)
class UrgentStepRule:
    """One step of an urgent path, with the time it should take from its start, if any."""

    code: str
    kind: StepKind
    within: timedelta | None = None


@dataclass(frozen=True, slots=True)
class UrgentPath:
    """The ordered steps a charter sets for a request, ending with an extraordinary session."""

    code: str
    steps: tuple[UrgentStepRule, ...]

    def __post_init__(self) -> None:
        """Refuse a path without steps, with a step twice, or not ending with the session."""
        if not self.steps:
            raise RuleError("no-steps", f"the urgent path {self.code} has no steps")
        codes = [step.code for step in self.steps]
        for index, code in enumerate(codes):
            if code in codes[:index]:
                raise RuleError("duplicate-step", f"step {code} appears twice", index=index)
        kinds = [step.kind for step in self.steps]
        if kinds[-1] is not StepKind.SESSION or kinds.count(StepKind.SESSION) != 1:
            raise RuleError(
                "session-not-last",
                "an urgent path ends with the extraordinary session, and has only one",
            )

    def step(self, code: str) -> UrgentStepRule:
        """Return the step with that code."""
        for step in self.steps:
            if step.code == code:
                return step
        raise RuleError("unknown-step", f"the urgent path has no step {code}", step=code)


@dataclass(frozen=True, slots=True)
class StepRecord:
    """A step as recorded: when it started and when it was completed."""

    code: str
    started_at: datetime
    completed_at: datetime


def next_step(path: UrgentPath, done: Sequence[StepRecord]) -> UrgentStepRule | None:
    """Return the first step not recorded yet, or None when the path is complete."""
    recorded = {record.code for record in done}
    return next((step for step in path.steps if step.code not in recorded), None)


def check_step(
    path: UrgentPath,
    done: Sequence[StepRecord],
    code: str,
    *,
    started_at: datetime,
    completed_at: datetime,
) -> UrgentStepRule:
    """Check that the step may be recorded now, after those ``done``, and return it.

    Steps are recorded one after the other, in the charter's order: a step starts no
    earlier than the previous one was completed, and is completed no earlier than it
    started. A time limit is not enforced here: what happened is recorded, and
    :func:`is_late` says whether the limit was kept.

    >>> path = UrgentPath("assistance", (UrgentStepRule("consult", StepKind.CONSULTATIONS),
    ...                                  UrgentStepRule("session", StepKind.SESSION)))
    >>> check_step(path, [], "session", started_at=datetime(2022, 1, 6),
    ...            completed_at=datetime(2022, 1, 10))
    Traceback (most recent call last):
    ...
    secretariat.rules.errors.RuleError: step consult comes first
    """
    step = path.step(code)
    expected = next_step(path, done)
    if expected is None or code in {record.code for record in done}:
        raise RuleError("step-already-recorded", f"step {code} is already recorded", step=code)
    if expected.code != code:
        raise RuleError(
            "step-out-of-order", f"step {expected.code} comes first", step=expected.code
        )
    if completed_at < started_at:
        raise RuleError(
            "completed-before-started", f"step {code} cannot end before it starts", step=code
        )
    if done:
        previous = max(done, key=lambda record: record.completed_at)
        if started_at < previous.completed_at:
            raise RuleError(
                "before-previous-step",
                f"step {code} cannot start before step {previous.code} was completed",
                step=code,
                previous=previous.code,
            )
    return step


def due_at(step: UrgentStepRule, started_at: datetime) -> datetime | None:
    """Return when the step should be completed, or None when the charter sets no limit."""
    return None if step.within is None else started_at + step.within


def is_late(step: UrgentStepRule, started_at: datetime, completed_at: datetime) -> bool:
    """Tell whether the step took longer than its time limit.

    >>> step = UrgentStepRule("decide", StepKind.DECISION, within=timedelta(hours=24))
    >>> is_late(step, datetime(2022, 1, 5, 20), datetime(2022, 1, 6, 2))
    False
    """
    due = due_at(step, started_at)
    return due is not None and completed_at > due
