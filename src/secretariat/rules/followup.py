"""Following up decisions: when an instruction is overdue, and how far a plan has come.

An instruction is overdue when it is still open after its due date; one with no due date
never is. A plan runs from its start to its horizon (the "Plan ... until 2025"): its progress
is the share of its instructions completed, set against the share of the period elapsed.

>>> from datetime import date
>>> is_overdue(date(2025, 1, 31), is_completed=False, on=date(2025, 2, 1))
True
>>> p = progress(4, 1, 2, start_on=date(2021, 1, 1), horizon_on=date(2026, 1, 1),
...              on=date(2023, 7, 2))
>>> (p.completed_percent, p.elapsed_percent, p.open)
(25, 50, 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction


def is_overdue(due_on: date | None, *, is_completed: bool, on: date) -> bool:
    """Tell whether an instruction due on ``due_on`` is overdue on the day ``on``.

    It is due by the end of its due date, so it is overdue from the next day.

    >>> is_overdue(date(2025, 1, 31), is_completed=False, on=date(2025, 1, 31))
    False
    >>> is_overdue(None, is_completed=False, on=date(2099, 1, 1))
    False
    """
    return not is_completed and due_on is not None and due_on < on


@dataclass(frozen=True, slots=True)
class Progress:
    total: int
    completed: int
    overdue: int
    #: Completed instructions out of all of them; 0 when there are none.
    completed_share: Fraction
    #: The part of the period from the start to the horizon gone by, between 0 and 1;
    #: None when the start is not known.
    elapsed_share: Fraction | None

    @property
    def open(self) -> int:
        return self.total - self.completed

    @property
    def completed_percent(self) -> int:
        return round(self.completed_share * 100)

    @property
    def elapsed_percent(self) -> int | None:
        return None if self.elapsed_share is None else round(self.elapsed_share * 100)


def elapsed(start_on: date, horizon_on: date, *, on: date) -> Fraction:
    """Return the share of the period ``[start_on, horizon_on)`` gone by on the day ``on``.

    >>> elapsed(date(2021, 1, 1), date(2021, 1, 11), on=date(2021, 1, 3))
    Fraction(1, 5)
    >>> elapsed(date(2021, 1, 1), date(2021, 1, 11), on=date(2030, 1, 1))
    Fraction(1, 1)
    """
    length = (horizon_on - start_on).days
    if length <= 0:
        return Fraction(1)
    gone = (on - start_on).days
    return min(Fraction(1), max(Fraction(0), Fraction(gone, length)))


def progress(
    total: int, completed: int, overdue: int, *, start_on: date | None, horizon_on: date, on: date
) -> Progress:
    """Return a plan's progress on the day ``on`` from its instructions' counts.

    >>> progress(0, 0, 0, start_on=None, horizon_on=date(2025, 1, 1), on=date(2024, 1, 1))
    Progress(total=0, completed=0, overdue=0, completed_share=Fraction(0, 1), elapsed_share=None)
    """
    return Progress(
        total=total,
        completed=completed,
        overdue=overdue,
        completed_share=Fraction(completed, total) if total else Fraction(0),
        elapsed_share=None if start_on is None else elapsed(start_on, horizon_on, on=on),
    )
