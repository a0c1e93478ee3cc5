"""Written and silence procedures: deadlines in the organization's time zone, late answers."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.rules.decisions import Consensus, evaluate
from secretariat.rules.errors import RuleError
from secretariat.rules.positions import Position
from secretariat.rules.procedures import (
    Answer,
    Procedure,
    ProcedureKind,
    closing_ballot,
    deadline,
    positions_at_deadline,
)

ZONES = ["Europe/Vienna", "Europe/Moscow", "America/New_York", "Asia/Jakarta", "UTC"]
moments = st.datetimes(
    # hypothesis draws naive bounds and attaches the zone itself
    min_value=datetime(2000, 1, 1),  # noqa: DTZ001
    max_value=datetime(2040, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)
MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
SILENCE = Procedure(ProcedureKind.SILENCE)


@given(moments, st.integers(1, 30), st.times(), st.sampled_from(ZONES))
def test_a_deadline_falls_on_the_local_time_of_day_in_the_organizations_zone(
    launched, days, at, zone_name
):
    # given
    zone = ZoneInfo(zone_name)

    # when
    closes = deadline(launched, days=days, at=at, zone=zone)

    # then: after the launch, the given number of local days later, at the local time asked
    assert closes > launched
    local = closes.astimezone(zone)
    assert local.date() == launched.astimezone(zone).date() + timedelta(days=days)
    assert (local.hour, local.minute) == (at.hour, at.minute)


def test_noon_in_vienna_stays_noon_across_the_change_to_summer_time():
    # given: launched on Friday 29 March 2024; clocks go forward on Sunday 31 March
    launched = datetime(2024, 3, 29, 15, 0, tzinfo=UTC)

    # when
    closes = deadline(launched, days=3, at=time(12), zone=ZoneInfo("Europe/Vienna"))

    # then: 12:00 local is 10:00 UTC after the change, not 11:00
    assert closes.astimezone(UTC) == datetime(2024, 4, 1, 10, 0, tzinfo=UTC)


def test_a_naive_launch_time_is_refused():
    with pytest.raises(RuleError) as raised:
        deadline(datetime(2024, 1, 1), days=1, at=None, zone=ZoneInfo("UTC"))  # noqa: DTZ001
    assert raised.value.code == "naive-datetime"


def test_a_deadline_on_the_launch_day_before_the_launch_is_refused():
    # given: launched at 15:00, closing "today at 12:00"
    launched = datetime(2024, 1, 1, 15, 0, tzinfo=UTC)

    with pytest.raises(RuleError) as raised:
        deadline(launched, days=0, at=time(12), zone=ZoneInfo("UTC"))
    assert raised.value.code == "deadline-not-after-launch"


@given(
    st.lists(
        st.tuples(st.sampled_from(MEMBERS), st.sampled_from(Position), st.integers(-100, 100)),
        max_size=20,
    )
)
def test_only_the_last_answer_before_the_deadline_counts(raw_answers):
    # given: answers up to 100 minutes either side of the deadline
    closes = datetime(2022, 1, 6, 12, 0, tzinfo=UTC)
    answers = [
        Answer(state, position, closes + timedelta(minutes=offset))
        for state, position, offset in raw_answers
    ]

    # when
    positions, _ = positions_at_deadline(answers, closes)

    # then
    for state in MEMBERS:
        on_time = [
            answer for answer in answers if answer.state == state and answer.given_at < closes
        ]
        if on_time:
            # at the same moment, the one received last wins
            latest = sorted(on_time, key=lambda answer: answer.given_at)[-1]
            assert positions[state] == latest.position
        else:
            assert state not in positions


@given(st.frozensets(st.sampled_from(MEMBERS)), st.integers(-60, 60))
def test_silence_is_broken_only_by_an_objection_before_the_deadline(objecting, minutes):
    # given: the objections all arrive `minutes` after the deadline (before it when negative)
    closes = datetime(2024, 4, 1, 10, 0, tzinfo=UTC)
    answers = [
        Answer(state, Position.OBJECTION, closes + timedelta(minutes=minutes))
        for state in objecting
    ]

    # when
    outcome = evaluate(Consensus(), closing_ballot(SILENCE, MEMBERS, answers, closes))

    # then: an objection at the deadline itself is too late (rules-facts §3: "before")
    assert outcome.adopted == (not objecting or minutes >= 0)


def test_a_written_procedure_counts_no_answer_as_the_charter_says():
    # given: a written procedure where no answer counts as consent
    written = Procedure(ProcedureKind.WRITTEN, no_answer=Position.YES)

    # when
    filled = written.fill(MEMBERS, {"ARM": Position.NO})

    # then
    assert filled["ARM"] is Position.NO
    assert {filled[state] for state in MEMBERS if state != "ARM"} == {Position.YES}
