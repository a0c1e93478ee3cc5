"""Membership and participation of states over time.

A state's history in an organization is a sequence of periods, each with one
status. A period runs from ``start_on`` (included) to ``end_on`` (excluded, or
open-ended when ``None``), so that one status ends on the very day the next one
begins. Only a *member* takes part in decisions: observers and partners attend,
a suspended member or one whose participation is frozen does not take part, and
a state that withdrew is gone.

>>> from datetime import date
>>> uzbekistan = [
...     Period(ParticipationStatus.MEMBER, date(2006, 6, 23), date(2012, 12, 19)),
...     Period(ParticipationStatus.SUSPENDED, date(2012, 12, 19), None),
... ]
>>> status_on(uzbekistan, date(2010, 1, 1))
<ParticipationStatus.MEMBER: 'member'>
>>> is_participating(uzbekistan, date(2021, 9, 15))
False
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from secretariat.rules.errors import RuleError


class ParticipationStatus(StrEnum):
    """How a state stands towards the organization during a period."""

    MEMBER = "member"
    OBSERVER = "observer"
    PARTNER = "partner"
    SUSPENDED = "suspended"
    FROZEN = "participation-frozen"
    WITHDRAWN = "withdrawn"


#: Statuses under which a state takes part in the organization's decisions.
PARTICIPATING_STATUSES = frozenset({ParticipationStatus.MEMBER})

#: Statuses that keep a state on the list of members, participating or not.
MEMBERSHIP_STATUSES = frozenset(
    {ParticipationStatus.MEMBER, ParticipationStatus.SUSPENDED, ParticipationStatus.FROZEN}
)


@dataclass(frozen=True, slots=True)
class Period:
    """One status held from ``start_on`` (included) until ``end_on`` (excluded)."""

    status: ParticipationStatus
    start_on: date
    end_on: date | None = None

    def covers(self, on: date) -> bool:
        """Tell whether the period is in force on the given day.

        >>> Period(ParticipationStatus.MEMBER, date(2003, 9, 18), date(2024, 2, 22)).covers(
        ...     date(2024, 2, 22))
        False
        """
        return self.start_on <= on and (self.end_on is None or on < self.end_on)


def check_periods(periods: Sequence[Period]) -> None:
    """Raise :class:`RuleError` unless the periods are ordered, non-empty and disjoint.

    >>> check_periods([Period(ParticipationStatus.MEMBER, date(2020, 1, 1), date(2019, 1, 1))])
    Traceback (most recent call last):
    ...
    secretariat.rules.errors.RuleError: period 1 ends on 2019-01-01, before it starts on 2020-01-01
    """
    previous: Period | None = None
    for index, period in enumerate(periods):
        if period.end_on is not None and period.end_on <= period.start_on:
            raise RuleError(
                "period-ends-before-start",
                f"period {index + 1} ends on {period.end_on}, before it starts on "
                f"{period.start_on}",
                index=index,
            )
        if previous is not None:
            if previous.end_on is None:
                raise RuleError(
                    "period-after-open-period",
                    f"period {index + 1} starts after period {index}, which never ends",
                    index=index,
                )
            if period.start_on < previous.end_on:
                raise RuleError(
                    "periods-overlap",
                    f"period {index + 1} starts on {period.start_on}, before period {index} "
                    f"ends on {previous.end_on}",
                    index=index,
                )
        previous = period


def status_on(periods: Sequence[Period], on: date) -> ParticipationStatus | None:
    """Return the status in force on the day, or ``None`` outside every period."""
    for period in periods:
        if period.covers(on):
            return period.status
    return None


def is_participating(periods: Sequence[Period], on: date) -> bool:
    """Tell whether the state takes part in the organization's decisions on the day."""
    return status_on(periods, on) in PARTICIPATING_STATUSES


def participating_on(history: Mapping[str, Sequence[Period]], on: date) -> frozenset[str]:
    """Return the codes of the states that take part in decisions on the day.

    >>> armenia = [Period(ParticipationStatus.MEMBER, date(2003, 9, 18), date(2024, 2, 22)),
    ...            Period(ParticipationStatus.FROZEN, date(2024, 2, 22))]
    >>> sorted(participating_on({"ARM": armenia}, date(2021, 9, 15)))
    ['ARM']
    >>> sorted(participating_on({"ARM": armenia}, date(2025, 1, 1)))
    []
    """
    return frozenset(code for code, periods in history.items() if is_participating(periods, on))
