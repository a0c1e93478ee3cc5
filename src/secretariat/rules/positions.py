"""The positions a state can take on a decision, and the ballot they make up.

A *ballot* is what a body decides on: the members entitled to take part on the
day, the members excluded from this decision (a party to a dispute under UN
Charter Art. 27(3), a state in arrears under Art. 19), and the position each
member took. A member that gave no position counts as absent.

>>> ballot = Ballot(("CHN", "FRA", "RUS"), {"CHN": Position.YES, "RUS": Position.NO})
>>> ballot.in_favour, ballot.against, ballot.absent
(('CHN',), ('RUS',), ('FRA',))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


def gettext_noop(message: str) -> str:
    """Mark a message for translation without translating it (``makemessages`` finds it).

    The rules core knows no language: it returns these English templates and the
    shell translates them with the user's language (:mod:`secretariat.rules.explanations`).
    """
    return message


class Position(StrEnum):
    """What a state says on a decision; the values are the words used in files."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"
    #: The state declares itself not concerned: the decision does not apply to it.
    NOT_PARTICIPATING = "not-participating"
    #: In favour, with a reservation whose text is kept.
    RESERVATION = "reservation"
    #: Against; under a silence procedure, the objection that breaks the silence.
    OBJECTION = "objection"


IN_FAVOUR = frozenset({Position.YES, Position.RESERVATION})
AGAINST = frozenset({Position.NO, Position.OBJECTION})


@dataclass(frozen=True, slots=True)
class Ballot:
    """The members entitled to decide, who among them is excluded, and their positions."""

    #: Members taking part in the organization's decisions on the day, in a stable order.
    members: Sequence[str]
    positions: Mapping[str, Position]
    #: Members excluded from this decision: they are not counted and cannot block.
    excluded: frozenset[str] = frozenset()
    #: The text of each reservation or statement, by state.
    notes: Mapping[str, str] = field(default_factory=dict)

    def position(self, state: str) -> Position:
        return self.positions.get(state, Position.ABSENT)

    def _with(self, positions: frozenset[Position]) -> tuple[str, ...]:
        return tuple(state for state in self.electorate if self.position(state) in positions)

    @property
    def electorate(self) -> tuple[str, ...]:
        """The members whose position counts: every member not excluded."""
        return tuple(state for state in self.members if state not in self.excluded)

    @property
    def participating(self) -> tuple[str, ...]:
        """The electorate without the members that declared themselves not concerned."""
        return tuple(
            state
            for state in self.electorate
            if self.position(state) is not Position.NOT_PARTICIPATING
        )

    @property
    def in_favour(self) -> tuple[str, ...]:
        return self._with(IN_FAVOUR)

    @property
    def against(self) -> tuple[str, ...]:
        return self._with(AGAINST)

    @property
    def abstaining(self) -> tuple[str, ...]:
        return self._with(frozenset({Position.ABSTAIN}))

    @property
    def absent(self) -> tuple[str, ...]:
        return self._with(frozenset({Position.ABSENT}))

    @property
    def not_participating(self) -> tuple[str, ...]:
        return self._with(frozenset({Position.NOT_PARTICIPATING}))

    @property
    def present_and_voting(self) -> tuple[str, ...]:
        """Members casting a vote in favour or against; abstentions do not count (UNGA rule 86)."""
        return self._with(IN_FAVOUR | AGAINST)

    @property
    def reservations(self) -> tuple[tuple[str, str], ...]:
        """Each state in favour with a reservation, and the reservation's text."""
        return tuple(
            (state, self.notes.get(state, ""))
            for state in self.electorate
            if self.position(state) is Position.RESERVATION
        )
