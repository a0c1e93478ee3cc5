"""Who chairs when: rotations in the alphabetical order of the members' names.

A rotation passes the chair to the next member in the alphabetical order of
their names in one language, wrapping from the last name to the first. Names
are compared with the Unicode Collation Algorithm (pyuca), not by code point,
so that "Côte d'Ivoire" sorts among the C's and Russian names sort as a Russian
reader expects. A member that does not take part in decisions on the term's
first day is passed over, and the order goes on across a change of membership
from the name after the previous chair, whether or not that state is still a
member (the Security Council's presidency in January 2024 went from Ecuador to
France, passing over Algeria, a new member; rules-facts §1.2).

Terms last a month, a calendar year, or run from one session to the next (their
dates are then unknown until the sessions are held). The record of who actually
chaired always wins over the rule, and recorded *overrides* say where practice
left the order, with their reason:

- a **skip**: the state loses its turn; the next one takes it and the rotation
  carries on after the substitute (ASEAN 2006 and 2026);
- a **swap**: two states exchange turns, the rest of the order unchanged (ASEAN
  2011/2013);
- an **assign**: a state chairs out of order and the rotation carries on after it.

>>> from secretariat.rules.participation import ParticipationStatus, Period
>>> names = {"ARM": "Армения", "BLR": "Беларусь", "KAZ": "Казахстан", "RUS": "Россия"}
>>> always = [Period(ParticipationStatus.MEMBER, date(2003, 9, 18))]
>>> rotation = Rotation(names, dict.fromkeys(names, always), TermLength.CALENDAR_YEAR)
>>> [(term.start_on.year, term.chair) for term in rotation.terms(date(2024, 1, 1), 3, after="BLR")]
[(2024, 'KAZ'), (2025, 'RUS'), (2026, 'ARM')]
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, cast

from pyuca import Collator

from secretariat.rules.errors import RuleError
from secretariat.rules.participation import Period, is_participating


class TermLength(StrEnum):
    MONTH = "month"
    CALENDAR_YEAR = "calendar-year"
    SESSION_TO_SESSION = "session-to-session"
    #: The order is fixed by a decision, not by a rule the engine can follow.
    FIXED = "fixed"


@dataclass(frozen=True, slots=True)
class Skip:
    on: date
    state: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Swap:
    #: ``states[0]`` chairs the term containing ``on[0]``; ``states[1]``, that of ``on[1]``.
    on: tuple[date, date]
    states: tuple[str, str]
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Assign:
    on: date
    state: str
    reason: str = ""


Override = Skip | Swap | Assign


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RuleError("bad-date", f"'{value}' is not a date written YYYY-MM-DD") from None


def override_from_data(data: Mapping[str, Any], reason: str = "") -> Override:
    """An override as a charter writes it (dates as dates or ISO text), with its reason.

    >>> swap = override_from_data(
    ...     {"kind": "swap", "on": ["2011-01-01", "2013-01-01"], "states": ["IDN", "BRN"]})
    >>> swap.on[1], swap.states
    (datetime.date(2013, 1, 1), ('IDN', 'BRN'))
    """
    kind = data.get("kind")
    if kind == "skip":
        return Skip(_as_date(data["on"]), str(data["state"]), reason)
    if kind == "assign":
        return Assign(_as_date(data["on"]), str(data["state"]), reason)
    if kind == "swap":
        first_on, second_on = data["on"]
        first, second = data["states"]
        return Swap((_as_date(first_on), _as_date(second_on)), (str(first), str(second)), reason)
    raise RuleError("unknown-override", f"'{kind}' is not a kind of override", kind=kind)


@dataclass(frozen=True, slots=True)
class RecordedTerm:
    """A chairmanship that took place (or is decided), from the record."""

    state: str
    start_on: date
    end_on: date | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """One chair's term; dates are None where they are not known yet."""

    chair: str
    start_on: date | None
    end_on: date | None
    recorded: bool = False
    #: Why this term departs from the order (an override's reason), or "".
    reason: str = ""


@functools.cache
def _collator() -> Collator:
    return Collator()


@functools.lru_cache(maxsize=4096)
def collation_key(name: str) -> tuple[int, ...]:
    """The Unicode Collation Algorithm's sort key for a name.

    >>> sorted(["Zambia", "Côte d'Ivoire", "Cuba", "Czechia"], key=collation_key)
    ["Côte d'Ivoire", 'Cuba', 'Czechia', 'Zambia']
    """
    return cast(tuple[int, ...], _collator().sort_key(name))


def _term_start(length: TermLength, on: date) -> date | None:
    if length is TermLength.MONTH:
        return on.replace(day=1)
    if length is TermLength.CALENDAR_YEAR:
        return date(on.year, 1, 1)
    return None


def _following(length: TermLength, start: date | None) -> date | None:
    """The first day of the term after the one beginning on ``start``, where the rule fixes it."""
    if start is None:
        return None
    if length is TermLength.MONTH:
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    if length is TermLength.CALENDAR_YEAR:
        return date(start.year + 1, 1, 1)
    return None


def _preceding(length: TermLength, start: date) -> date | None:
    if length is TermLength.MONTH:
        return (start - timedelta(days=1)).replace(day=1)
    if length is TermLength.CALENDAR_YEAR:
        return date(start.year - 1, 1, 1)
    return None


def _latest(day: date, *terms: Term) -> date:
    """The latest of the day and of the known dates of the terms."""
    return max([day, *(known for term in terms for known in (term.start_on, term.end_on) if known)])


def _within(on: date, start: date | None, end: date | None) -> bool:
    return start is not None and start <= on and (end is None or on < end)


@dataclass(frozen=True)
class Rotation:
    """A rotation rule with the facts it needs: names, membership, overrides and history."""

    #: The name of every state the rotation may meet, in the rotation's language.
    names: Mapping[str, str]
    #: The participation periods of the members.
    membership: Mapping[str, Sequence[Period]]
    length: TermLength
    overrides: Sequence[Override] = ()
    history: Sequence[RecordedTerm] = ()
    #: False where chairs are elected or fixed by decision: only the record says who chairs.
    projectable: bool = True

    def __post_init__(self) -> None:
        unnamed = sorted(set(self.membership) - set(self.names))
        if unnamed:
            raise RuleError(
                "unnamed-state",
                f"no name is known for {', '.join(unnamed)}",
                states=", ".join(unnamed),
            )

    def _key(self, state: str) -> tuple[tuple[int, ...], str]:
        try:
            return collation_key(self.names[state]), state
        except KeyError:
            raise RuleError(
                "unknown-state", f"{state} is not a state this charter knows", state=state
            ) from None

    def order_on(self, on: date) -> list[str]:
        """The members taking part on the day, in alphabetical order of their names."""
        participating = [
            state for state, periods in self.membership.items() if is_participating(periods, on)
        ]
        return sorted(participating, key=self._key)

    def next_after(self, previous: str, on: date) -> str:
        """The member that follows ``previous`` in the order, among those taking part on the day."""
        order = self.order_on(on)
        if not order:
            raise RuleError("no-members", f"no member takes part in decisions on {on}", on=on)
        key = self._key(previous)
        return next((state for state in order if self._key(state) > key), order[0])

    def terms(self, start_on: date, count: int, after: str | None = None) -> list[Term]:
        """``count`` terms, beginning with the one in force on ``start_on``.

        ``after`` names the chair of the term before, for when the record does not say
        it: a recorded term in force on ``start_on`` wins over it.
        """
        if count < 1:
            raise RuleError("count-not-positive", "ask for at least one term")
        history = sorted(self.history, key=lambda term: term.start_on)
        terms: list[Term] = []
        if after is None or self._recorded_on(history, start_on):
            cursor, pointer, current = self._from_history(history, start_on)
            if current is not None:
                terms.append(current)
        else:
            self._key(after)
            cursor = _term_start(self.length, start_on) or start_on
            pointer = self._base_of(after, _preceding(self.length, cursor))
        # Terms whose dates are not known yet (from one session to the next) take the
        # membership of the last day known, not that of ``start_on``.
        last_known = _latest(start_on, *terms)
        while len(terms) < count:
            term, pointer = self._next_term(cursor, pointer, history, last_known)
            if term.end_on is None or term.end_on > start_on:
                terms.append(term)
            last_known = _latest(last_known, term)
            cursor = term.end_on
        return terms

    def _recorded_on(self, history: Sequence[RecordedTerm], on: date) -> bool:
        """Tell whether the record says who chairs on the day."""
        return any(
            _within(on, term.start_on, term.end_on or _following(self.length, term.start_on))
            for term in history
        )

    def _from_history(
        self, history: Sequence[RecordedTerm], start_on: date
    ) -> tuple[date | None, str, Term | None]:
        """Where the projection starts: after the last recorded term begun by ``start_on``."""
        begun = [term for term in history if term.start_on <= start_on]
        if not begun:
            raise RuleError(
                "no-previous-chair",
                f"the record does not say who chaired before {start_on}; name that chair",
                on=start_on,
            )
        last = begun[-1]
        end = last.end_on or _following(self.length, last.start_on)
        pointer = self._base_of(last.state, last.start_on)
        in_force = end is None or end > start_on
        term = self._recorded(last) if in_force else None
        return end, pointer, term

    def _recorded(self, recorded: RecordedTerm) -> Term:
        """A recorded term, with the reason of any override that explains it."""
        end = recorded.end_on or _following(self.length, recorded.start_on)
        reasons = [
            override.reason
            for override in self.overrides
            if any(
                _within(on, recorded.start_on, end)
                for on in (override.on if isinstance(override, Swap) else (override.on,))
            )
        ]
        return Term(recorded.state, recorded.start_on, end, True, "; ".join(filter(None, reasons)))

    def _base_of(self, chair: str, start: date | None) -> str:
        """The state whose turn a term was: the chair, unless it chaired in a swapped turn."""
        if start is None:
            return chair
        for override in self.overrides:
            if isinstance(override, Swap):
                for on, state, other in zip(
                    override.on, override.states, reversed(override.states), strict=True
                ):
                    if state == chair and _within(on, start, _following(self.length, start)):
                        return other
        return chair

    def _next_term(
        self,
        start: date | None,
        pointer: str,
        history: Sequence[RecordedTerm],
        fallback_day: date,
    ) -> tuple[Term, str]:
        recorded = next((term for term in history if term.start_on == start), None)
        if recorded is not None:
            return self._recorded(recorded), self._base_of(recorded.state, recorded.start_on)
        if not self.projectable or self.length is TermLength.FIXED:
            raise RuleError(
                "not-a-rotation",
                "no rule of rotation says who chairs after the record's last term "
                f"(which ends on {start})",
                on=start,
            )
        end = _following(self.length, start)
        if start is not None and end is not None:
            # A recorded term that begins inside this one cuts it short.
            end = min(
                (term.start_on for term in history if start < term.start_on < end), default=end
            )
        day = start or fallback_day
        for override in self.overrides:
            if isinstance(override, Assign) and _within(override.on, start, end):
                return Term(override.state, start, end, reason=override.reason), override.state
        candidate = self.next_after(pointer, day)
        reasons: list[str] = []
        for override in self.overrides:
            if (
                isinstance(override, Skip)
                and _within(override.on, start, end)
                and override.state == candidate
            ):
                candidate = self.next_after(candidate, day)
                reasons.append(override.reason)
        chair = candidate
        for override in self.overrides:
            if isinstance(override, Swap):
                for on, state in zip(override.on, override.states, strict=True):
                    if _within(on, start, end):
                        chair = state
                        reasons.append(override.reason)
        return Term(chair, start, end, reason="; ".join(filter(None, reasons))), candidate
