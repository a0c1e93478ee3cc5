"""The bridge from charter files to the rules engine (no Django).

The schema (:mod:`secretariat.charters.schema`) says what a file may contain;
the engine (:mod:`secretariat.rules`) knows nothing of files. The functions here
turn a charter's specs into the engine's rules, rotations and ballots.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from secretariat.charters.schema import (
    BodySpec,
    Charter,
    DecisionRule,
    InSessionProcedure,
    SilenceProcedure,
    WrittenProcedure,
)
from secretariat.rules import decisions
from secretariat.rules.errors import RuleError
from secretariat.rules.participation import ParticipationStatus, Period, is_participating
from secretariat.rules.positions import Position
from secretariat.rules.procedures import Procedure, ProcedureKind, deadline
from secretariat.rules.rotation import RecordedTerm, Rotation, TermLength, override_from_data


def _in_language(text: str | Mapping[str, str], language: str) -> str:
    if isinstance(text, str):
        return text
    return text.get(language) or next(iter(text.values()))


def decision_rule(spec: DecisionRule, language: str = "en") -> decisions.Rule:
    """The engine's rule for a rule written in a charter; texts in ``language`` where given."""
    return decisions.rule_from_data(spec.model_dump(mode="json"), language)


def procedure(spec: InSessionProcedure | WrittenProcedure | SilenceProcedure) -> Procedure:
    if isinstance(spec, WrittenProcedure):
        return Procedure(ProcedureKind.WRITTEN, Position(spec.no_answer))
    return Procedure(ProcedureKind(spec.kind))


def procedure_deadline(
    charter: Charter, spec: WrittenProcedure | SilenceProcedure, launched_at: datetime
) -> datetime:
    """When a procedure launched at ``launched_at`` closes, in the organization's time zone."""
    at = time.fromisoformat(spec.at) if spec.at else None
    zone = ZoneInfo(charter.organization.timezone)
    return deadline(launched_at, days=spec.days or 0, at=at, zone=zone)


@dataclass(frozen=True, slots=True)
class MemberPeriod:
    """A period of membership given outside the charter (a ``--members`` file)."""

    state: str
    start_on: date
    end_on: date | None


def membership(charter: Charter, extra: Iterable[MemberPeriod] = ()) -> dict[str, list[Period]]:
    """Each state's periods, the charter's and those of a ``--members`` file.

    The file gives the membership the charter leaves open (the Security Council's elected
    members): over the days it covers, its periods replace the charter's fixed-term ones,
    while the charter's open-ended periods (a permanent seat) stay.
    """
    extra = list(extra)
    covered = _merged([(period.start_on, period.end_on) for period in extra])
    history: dict[str, list[Period]] = {}
    for given in extra:
        history.setdefault(given.state, []).append(
            Period(ParticipationStatus.MEMBER, given.start_on, given.end_on)
        )
    for member in charter.members:
        for spec in member.periods:
            period = spec.as_period()
            pieces = [period] if period.end_on is None else _outside(period, covered)
            history.setdefault(member.code, []).extend(pieces)
    return history


Span = tuple[date, date | None]


def _merged(spans: Iterable[Span]) -> list[Span]:
    """The spans joined where they touch or overlap, in order; None is open-ended."""
    merged: list[Span] = []
    for start, end in sorted(spans, key=lambda span: span[0]):
        if merged and (merged[-1][1] is None or start <= merged[-1][1]):
            last_start, last_end = merged[-1]
            merged[-1] = (
                last_start,
                None if end is None or last_end is None else max(end, last_end),
            )
        else:
            merged.append((start, end))
    return merged


def _outside(period: Period, covered: Sequence[Span]) -> list[Period]:
    """The parts of a period that no covered span overlaps."""
    pieces: list[Period] = []
    start, end = period.start_on, period.end_on or date.max
    for covered_start, covered_end in covered:
        if covered_end is not None and covered_end <= start:
            continue
        if covered_start >= end:
            break
        if covered_start > start:
            pieces.append(Period(period.status, start, covered_start))
        if covered_end is None or covered_end >= end:
            return pieces
        start = covered_end
    pieces.append(Period(period.status, start, period.end_on and end))
    return pieces


def known_states(charter: Charter) -> list[str]:
    """Every state the charter names, members first, in the order of the file."""
    return [state.code for state in charter.named_states]


def state_names(charter: Charter, language: str, *, short: bool = True) -> dict[str, str]:
    """The name of each state in a language (its short name if any, when ``short``)."""
    names: dict[str, str] = {}
    for state in charter.named_states:
        texts: Mapping[str, str] = (short and state.short_names) or state.names
        name = texts.get(language) or state.names.get(language)
        if name is not None:
            names[state.code] = name
    return names


def find_body(charter: Charter, code: str) -> BodySpec:
    bodies = [body.code for body in charter.bodies]
    for body in charter.bodies:
        if body.code == code:
            return body
    raise RuleError(
        "unknown-body",
        f"no body '{code}' in this charter; its bodies: {', '.join(bodies)}",
        body=code,
        bodies=", ".join(bodies),
    )


def rotation(
    charter: Charter,
    body_code: str | None = None,
    extra: Iterable[MemberPeriod] = (),
    reader_language: str = "en",
) -> Rotation:
    """The rotation that says who chairs the organization, or one of its bodies.

    Names are compared in the rule's language; the overrides' reasons are given in the
    reader's.
    """
    chair = find_body(charter, body_code).chair if body_code is not None else None
    if chair is not None and chair.kind == "elected":
        raise RuleError(
            "chair-elected",
            f"the chair of {body_code} is elected; no rotation says who it will be",
            body=body_code,
        )
    if chair is not None and chair.kind == "rotation":
        # The body's own rotation, apart from the organization's chairmanship.
        return Rotation(
            state_names(charter, chair.language),
            membership(charter, extra),
            TermLength(chair.term),
        )
    rule = charter.organization.chairmanship
    language = rule.language or charter.organization.working_languages[0]
    overrides = [
        override_from_data(spec.model_dump(), _in_language(spec.reason, reader_language))
        for spec in rule.overrides
    ]
    return Rotation(
        state_names(charter, language),
        membership(charter, extra),
        TermLength(rule.term),
        overrides=overrides,
        history=[
            RecordedTerm(term.state, term.start_on, term.end_on) for term in charter.chairmanships
        ],
        projectable=rule.kind == "rotation",
    )


def members_on(history: Mapping[str, Sequence[Period]], on: date) -> list[str]:
    """The states taking part in decisions on the day, in the order of ``history``."""
    return [state for state, periods in history.items() if is_participating(periods, on)]
