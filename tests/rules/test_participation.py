"""Properties and real cases of ``secretariat.rules.participation``.

Periods are generated already valid (ordered, disjoint, only the last one
open-ended) and then broken on purpose, so each property says what holds for
*any* membership history rather than for a few hand-picked ones.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.rules.errors import RuleError
from secretariat.rules.participation import (
    ParticipationStatus,
    Period,
    check_periods,
    is_participating,
    participating_on,
    status_on,
)

FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2100, 12, 31)
ONE_DAY = timedelta(days=1)

statuses = st.sampled_from(ParticipationStatus)


@st.composite
def histories(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 6) -> list[Period]:
    """Draw a valid history: ordered, disjoint periods, the last one possibly open-ended.

    Gaps of zero days are common on purpose: one status usually ends on the very day
    the next one begins.
    """
    count = draw(st.integers(min_value=min_size, max_value=max_size))
    periods: list[Period] = []
    start_on = draw(st.dates(min_value=FIRST_DAY, max_value=date(2000, 1, 1)))
    for index in range(count):
        length = draw(st.integers(min_value=1, max_value=2000))
        is_last = index == count - 1
        end_on = None if is_last and draw(st.booleans()) else start_on + timedelta(days=length)
        periods.append(Period(draw(statuses), start_on, end_on))
        if end_on is not None:
            start_on = end_on + timedelta(days=draw(st.sampled_from([0, 0, 1, 30, 400])))
    return periods


def boundaries(periods: list[Period]) -> list[date]:
    """Return each start and end day with its neighbours, where off-by-one errors live."""
    days = {p.start_on for p in periods} | {p.end_on for p in periods if p.end_on is not None}
    return sorted({day + shift for day in days for shift in (-ONE_DAY, timedelta(0), ONE_DAY)})


def days_around(data: st.DataObject, periods: list[Period]) -> date:
    """Draw a day: a boundary of the history half of the time, any day otherwise."""
    anywhere = st.dates(min_value=FIRST_DAY - ONE_DAY, max_value=LAST_DAY)
    if not periods:
        return data.draw(anywhere)
    return data.draw(st.one_of(st.sampled_from(boundaries(periods)), anywhere))


# ---------------------------------------------------------------- check_periods


@given(histories())
def test_valid_histories_are_accepted(periods: list[Period]) -> None:
    # given a generated valid history / when / then
    check_periods(periods)


@given(histories(min_size=1), st.data())
def test_period_ending_on_or_before_its_start_is_rejected(
    periods: list[Period], data: st.DataObject
) -> None:
    # given a history whose period i ends on or before it starts
    index = data.draw(st.integers(min_value=0, max_value=len(periods) - 1))
    back = timedelta(days=data.draw(st.integers(min_value=0, max_value=400)))
    periods[index] = replace(periods[index], end_on=periods[index].start_on - back)

    # when
    with pytest.raises(RuleError) as raised:
        check_periods(periods)

    # then
    assert raised.value.code == "period-ends-before-start"
    assert raised.value.index == index


@given(histories(min_size=2), st.data())
def test_period_starting_before_the_previous_one_ends_is_rejected(
    periods: list[Period], data: st.DataObject
) -> None:
    # given a history whose period i starts inside period i - 1
    index = data.draw(st.integers(min_value=1, max_value=len(periods) - 1))
    previous = periods[index - 1]
    assert previous.end_on is not None  # only the last period may be open-ended
    start_on = data.draw(st.dates(min_value=previous.start_on, max_value=previous.end_on - ONE_DAY))
    periods[index] = replace(periods[index], start_on=start_on)

    # when
    with pytest.raises(RuleError) as raised:
        check_periods(periods)

    # then
    assert raised.value.code == "periods-overlap"
    assert raised.value.index == index


@given(histories(min_size=2), st.data())
def test_period_after_an_open_ended_one_is_rejected(
    periods: list[Period], data: st.DataObject
) -> None:
    # given a history where period i - 1 never ends
    index = data.draw(st.integers(min_value=1, max_value=len(periods) - 1))
    periods[index - 1] = replace(periods[index - 1], end_on=None)

    # when
    with pytest.raises(RuleError) as raised:
        check_periods(periods)

    # then
    assert raised.value.code == "period-after-open-period"
    assert raised.value.index == index


# ---------------------------------------------------------------- status_on


@given(histories(), st.data())
def test_status_is_that_of_the_one_period_covering_the_day(
    periods: list[Period], data: st.DataObject
) -> None:
    # given a valid history and any day
    on = days_around(data, periods)
    covering = [p for p in periods if p.start_on <= on and (p.end_on is None or on < p.end_on)]

    # when
    status = status_on(periods, on)

    # then
    assert len(covering) <= 1
    assert status == (covering[0].status if covering else None)
    assert is_participating(periods, on) is (status == ParticipationStatus.MEMBER)


@given(histories(min_size=1))
def test_start_day_is_included_and_end_day_excluded(periods: list[Period]) -> None:
    for index, period in enumerate(periods):
        # the first day counts
        assert status_on(periods, period.start_on) == period.status
        if period.end_on is None:
            assert status_on(periods, LAST_DAY) == period.status
            continue
        # the last day is the one before end_on ...
        assert status_on(periods, period.end_on - ONE_DAY) == period.status
        # ... and on end_on the next period holds, if it starts then, or nothing does
        following = periods[index + 1] if index + 1 < len(periods) else None
        expected = (
            following.status
            if following is not None and following.start_on == period.end_on
            else None
        )
        assert status_on(periods, period.end_on) == expected


@given(histories(), st.data())
def test_no_status_before_the_first_period(periods: list[Period], data: st.DataObject) -> None:
    # given a day before the history starts
    first = periods[0].start_on if periods else LAST_DAY
    on = data.draw(st.dates(min_value=FIRST_DAY - ONE_DAY, max_value=first - ONE_DAY))

    # when / then
    assert status_on(periods, on) is None


# ---------------------------------------------------------------- participating_on


state_codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)


@given(st.dictionaries(state_codes, histories(), max_size=6), st.data())
def test_participating_states_are_the_members_of_the_day(
    history: dict[str, list[Period]], data: st.DataObject
) -> None:
    # given several states' histories and a day around one of them
    all_periods = [p for periods in history.values() for p in periods]
    on = days_around(data, all_periods)

    # when
    participating = participating_on(history, on)

    # then
    assert participating == {
        code
        for code, periods in history.items()
        if status_on(periods, on) == ParticipationStatus.MEMBER
    }


# ---------------------------------------------------------------- the CSTO

# Sources, as numbered in shared/reference/csto-facts.md: the Charter entered into force on
# 18 September 2003 [S14][S9]; Uzbekistan restored its membership on 23 June 2006 [S127], and the
# Collective Security Council suspended it at Uzbekistan's request in December 2012 [S29]; Armenia
# froze its participation in February 2024 [S152]. The exact days are those of the module's own
# examples.
CHARTER_IN_FORCE = date(2003, 9, 18)
DUSHANBE_CSC = date(2021, 9, 16)

UZBEKISTAN = [
    Period(ParticipationStatus.MEMBER, date(2006, 6, 23), date(2012, 12, 19)),
    Period(ParticipationStatus.SUSPENDED, date(2012, 12, 19)),
]
ARMENIA = [
    Period(ParticipationStatus.MEMBER, CHARTER_IN_FORCE, date(2024, 2, 22)),
    Period(ParticipationStatus.FROZEN, date(2024, 2, 22)),
]
RUSSIA = [Period(ParticipationStatus.MEMBER, CHARTER_IN_FORCE)]


@pytest.mark.parametrize(
    ("periods", "on", "expected"),
    [
        (UZBEKISTAN, date(2006, 6, 22), None),
        (UZBEKISTAN, date(2006, 6, 23), ParticipationStatus.MEMBER),
        (UZBEKISTAN, date(2012, 12, 18), ParticipationStatus.MEMBER),
        (UZBEKISTAN, date(2012, 12, 19), ParticipationStatus.SUSPENDED),
        (UZBEKISTAN, DUSHANBE_CSC, ParticipationStatus.SUSPENDED),
        (ARMENIA, date(2003, 9, 17), None),
        (ARMENIA, CHARTER_IN_FORCE, ParticipationStatus.MEMBER),
        (ARMENIA, DUSHANBE_CSC, ParticipationStatus.MEMBER),
        (ARMENIA, date(2024, 2, 21), ParticipationStatus.MEMBER),
        (ARMENIA, date(2024, 2, 22), ParticipationStatus.FROZEN),
    ],
)
def test_csto_statuses(
    periods: list[Period], on: date, expected: ParticipationStatus | None
) -> None:
    check_periods(periods)
    assert status_on(periods, on) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2010, 1, 1), {"ARM", "RUS", "UZB"}),
        (DUSHANBE_CSC, {"ARM", "RUS"}),
        (date(2024, 2, 21), {"ARM", "RUS"}),
        (date(2024, 2, 22), {"RUS"}),
    ],
)
def test_csto_participating_states(on: date, expected: set[str]) -> None:
    # given
    history = {"ARM": ARMENIA, "RUS": RUSSIA, "UZB": UZBEKISTAN}

    # when / then
    assert participating_on(history, on) == expected
