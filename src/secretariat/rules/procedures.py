"""Adoption procedures: in session, written procedure and silence procedure.

In session, the positions are those recorded when the chair closes the vote.
A *written procedure* runs until a deadline; a member that has not answered by
then counts as the procedure says (``no_answer``). A *silence procedure* adopts
the draft at the deadline unless a participating member breaks the silence
before it (OSCE Rules of Procedure, Annex 1 A: only an objection made before
expiry counts; rules-facts §3).

Deadlines are aware datetimes computed in the organization's time zone, so that
"three days, at noon Vienna time" stays noon in Vienna across a change of clock.

>>> from datetime import datetime, time
>>> from zoneinfo import ZoneInfo
>>> launched = datetime(2024, 3, 29, 15, 0, tzinfo=ZoneInfo("UTC"))
>>> deadline(launched, days=3, at=time(12), zone=ZoneInfo("Europe/Vienna")).isoformat()
'2024-04-01T12:00:00+02:00'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from secretariat.rules.errors import RuleError
from secretariat.rules.positions import Ballot, Position


class ProcedureKind(StrEnum):
    IN_SESSION = "in-session"
    WRITTEN = "written"
    SILENCE = "silence"


@dataclass(frozen=True, slots=True)
class Procedure:
    """How positions are gathered; ``no_answer`` is what silence means in a written procedure."""

    kind: ProcedureKind = ProcedureKind.IN_SESSION
    no_answer: Position = Position.ABSENT

    def fill(
        self, members: Iterable[str], positions: Mapping[str, Position]
    ) -> dict[str, Position]:
        """Give each member without a position the one this procedure implies.

        >>> silence = Procedure(ProcedureKind.SILENCE)
        >>> silence.fill(["ARM", "BLR"], {"BLR": Position.OBJECTION})
        {'ARM': <Position.YES: 'yes'>, 'BLR': <Position.OBJECTION: 'objection'>}
        """
        if self.kind is ProcedureKind.SILENCE:
            # Silence is consent: only an objection (or a vote against) breaks it.
            implied = Position.YES
        elif self.kind is ProcedureKind.WRITTEN:
            implied = self.no_answer
        else:
            implied = Position.ABSENT
        return {state: positions.get(state, implied) for state in members}


@dataclass(frozen=True, slots=True)
class Answer:
    """A position given at a moment (an aware datetime)."""

    state: str
    position: Position
    given_at: datetime
    note: str = ""


def deadline(launched_at: datetime, *, days: int, at: time | None, zone: ZoneInfo) -> datetime:
    """The moment a procedure launched at ``launched_at`` closes.

    ``days`` calendar days later, at the local time ``at`` in ``zone`` (or at the same
    local time of day when ``at`` is None).
    """
    if launched_at.tzinfo is None:
        raise RuleError("naive-datetime", "a procedure's launch time must carry its time zone")
    if days < 0:
        raise RuleError("negative-days", "a procedure cannot close before it is launched")
    local = launched_at.astimezone(zone)
    day = local.date() + timedelta(days=days)
    closes = datetime.combine(day, at or local.time().replace(tzinfo=None), tzinfo=zone)
    if closes <= launched_at:
        raise RuleError(
            "deadline-not-after-launch",
            f"the deadline {closes.isoformat()} is not after the launch {launched_at.isoformat()}",
        )
    return closes


def positions_at_deadline(
    answers: Iterable[Answer], closes_at: datetime
) -> tuple[dict[str, Position], dict[str, str]]:
    """The last position of each state given strictly before the deadline, and its note.

    A state may change its answer until the procedure closes; an answer at or after
    the deadline does not count.
    """
    positions: dict[str, Position] = {}
    notes: dict[str, str] = {}
    for answer in sorted(answers, key=lambda answer: answer.given_at):
        if answer.given_at >= closes_at:
            continue
        positions[answer.state] = answer.position
        notes[answer.state] = answer.note
    return positions, notes


def closing_ballot(
    procedure: Procedure,
    members: tuple[str, ...],
    answers: Iterable[Answer],
    closes_at: datetime,
    *,
    excluded: frozenset[str] = frozenset(),
) -> Ballot:
    """The ballot a written or silence procedure yields when it closes at ``closes_at``."""
    positions, notes = positions_at_deadline(answers, closes_at)
    return Ballot(members, procedure.fill(members, positions), excluded, notes)
