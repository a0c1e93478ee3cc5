"""When an instruction is overdue, and a plan's progress against its horizon."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from secretariat.rules.followup import elapsed, is_overdue, progress


@pytest.mark.parametrize(
    ("due_on", "completed", "on", "expected"),
    [
        (date(2025, 1, 31), False, date(2025, 1, 30), False),
        (date(2025, 1, 31), False, date(2025, 1, 31), False),  # due by the end of the day
        (date(2025, 1, 31), False, date(2025, 2, 1), True),
        (date(2025, 1, 31), True, date(2026, 1, 1), False),  # completed: never overdue
        (None, False, date(2099, 1, 1), False),  # no deadline: never overdue
    ],
)
def test_is_overdue(due_on, completed, on, expected):
    assert is_overdue(due_on, is_completed=completed, on=on) is expected


@pytest.mark.parametrize(
    ("on", "share"),
    [
        (date(2020, 6, 1), Fraction(0)),  # before the start
        (date(2021, 1, 1), Fraction(0)),
        (date(2021, 1, 6), Fraction(1, 2)),
        (date(2021, 1, 11), Fraction(1)),  # the horizon
        (date(2030, 1, 1), Fraction(1)),  # after it
    ],
)
def test_elapsed_share_stays_between_nothing_and_all(on, share):
    assert elapsed(date(2021, 1, 1), date(2021, 1, 11), on=on) == share


def test_progress_figures():
    # given: the CSTO's plan until 2025, five measures, two done, one late
    figures = progress(5, 2, 1, start_on=date(2021, 1, 1), horizon_on=date(2026, 1, 1),
                       on=date(2026, 1, 1))  # fmt: skip

    # then
    assert (figures.open, figures.completed_percent, figures.elapsed_percent) == (3, 40, 100)
    assert figures.completed_share == Fraction(2, 5)
