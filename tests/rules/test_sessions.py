"""Handovers, proposed regular sessions and urgent paths, as pure functions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.rules.errors import RuleError
from secretariat.rules.participation import ParticipationStatus, Period
from secretariat.rules.rotation import RecordedTerm, Rotation, TermLength
from secretariat.rules.sessions import (
    RegularSessionRule,
    StepKind,
    StepRecord,
    UrgentPath,
    UrgentStepRule,
    check_step,
    is_late,
    next_chair,
    next_step,
    propose_regular_sessions,
)

ALWAYS = [Period(ParticipationStatus.MEMBER, date(2003, 9, 18))]
# The Russian alphabetical order of the CSTO (csto-facts §1.6).
NAMES = {
    "ARM": "Армения",
    "BLR": "Беларусь",
    "KAZ": "Казахстан",
    "KGZ": "Кыргызстан",
    "RUS": "Россия",
    "TJK": "Таджикистан",
}


def csto_rotation(length=TermLength.CALENDAR_YEAR, history=(), membership=None):
    return Rotation(
        NAMES, membership or dict.fromkeys(NAMES, ALWAYS), length, history=list(history)
    )


# ----------------------------------------------------------------------------- handover


def test_the_rule_passes_the_chair_from_armenia_to_belarus_at_the_yerevan_session():
    # given: Armenia's chairmanship of 2022 on record
    rotation = csto_rotation(history=[RecordedTerm("ARM", date(2022, 1, 1), date(2023, 1, 1))])

    # when
    handover = next_chair(rotation, date(2022, 11, 23))

    # then: Belarus, from 1 January (a calendar-year term)
    assert (handover.outgoing, handover.incoming) == ("ARM", "BLR")
    assert (handover.start_on, handover.end_on) == (date(2023, 1, 1), date(2024, 1, 1))
    assert handover.by_rule
    assert not handover.recorded


def test_from_one_session_to_the_next_the_new_chair_takes_over_on_the_day():
    # given: Russia chairing since the Moscow session of 2013 (csto-facts §1.6, [S76])
    rotation = csto_rotation(
        TermLength.SESSION_TO_SESSION, [RecordedTerm("RUS", date(2013, 9, 23))]
    )

    # when
    handover = next_chair(rotation, date(2014, 12, 23))

    # then: "from this day"
    assert (handover.incoming, handover.start_on, handover.end_on) == (
        "TJK",
        date(2014, 12, 23),
        None,
    )


def test_a_decision_names_another_state_than_the_rule():
    # given: Belarus next in line in 2009, Russia chairing by decision ([S36])
    rotation = csto_rotation(TermLength.SESSION_TO_SESSION, [RecordedTerm("ARM", date(2008, 9, 5))])

    # when
    handover = next_chair(rotation, date(2009, 6, 14), decided="RUS")

    # then
    assert handover.incoming == "RUS"
    assert not handover.by_rule


@pytest.mark.parametrize(
    ("decided", "code"), [("ARM", "same-chair"), ("UZB", "chair-not-a-member")]
)
def test_a_handover_to_the_current_chair_or_a_stranger_is_refused(decided, code):
    rotation = csto_rotation(history=[RecordedTerm("ARM", date(2022, 1, 1), date(2023, 1, 1))])
    with pytest.raises(RuleError) as error:
        next_chair(rotation, date(2022, 11, 23), decided=decided)
    assert error.value.code == code


def test_a_state_not_taking_part_in_decisions_cannot_chair():
    # given: Armenia's participation frozen from February 2024 ([S150])
    membership = dict.fromkeys(NAMES, ALWAYS) | {
        "ARM": [
            Period(ParticipationStatus.MEMBER, date(2003, 9, 18), date(2024, 2, 22)),
            Period(ParticipationStatus.FROZEN, date(2024, 2, 22)),
        ]
    }
    rotation = csto_rotation(
        history=[RecordedTerm("KGZ", date(2025, 1, 1), date(2026, 1, 1))], membership=membership
    )

    # when / then
    with pytest.raises(RuleError) as error:
        next_chair(rotation, date(2025, 11, 27), decided="ARM")
    assert error.value.code == "chair-not-a-member"


@given(
    st.sampled_from(sorted(NAMES)),
    st.dates(min_value=date(2004, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from([TermLength.CALENDAR_YEAR, TermLength.SESSION_TO_SESSION]),
)
def test_the_rule_always_hands_over_to_another_member_no_earlier_than_the_session(
    chair, on, length
):
    # given: a chair recorded from the start of the session's year
    rotation = csto_rotation(length, [RecordedTerm(chair, date(on.year, 1, 1))])

    # when
    handover = next_chair(rotation, on)

    # then: the next in the order, never the same, never before the session
    assert handover.outgoing == chair
    assert handover.incoming == rotation.next_after(chair, handover.start_on)
    assert handover.incoming != chair
    assert handover.start_on >= on


# ----------------------------------------------------------------------------- regular sessions


def test_bad_months_are_refused():
    with pytest.raises(RuleError) as error:
        RegularSessionRule(("csc",), from_month=12, to_month=9)
    assert error.value.code == "bad-months"


def test_a_window_after_the_end_of_the_term_proposes_nothing():
    rule = RegularSessionRule(("csc",), from_month=9, to_month=12)
    assert (
        propose_regular_sessions(
            [rule], "TJK", term_start=date(2020, 12, 2), term_end=date(2021, 9, 1)
        )
        == []
    )


def test_a_term_ending_inside_the_window_cuts_it_short():
    # given: Tajikistan from 2 December 2020 to the Dushanbe session of 16 September 2021
    rule = RegularSessionRule(("csc",), from_month=9, to_month=12)

    # when
    [proposal] = propose_regular_sessions(
        [rule], "TJK", term_start=date(2020, 12, 2), term_end=date(2021, 9, 17)
    )

    # then
    assert (proposal.start_on, proposal.end_on) == (date(2021, 9, 1), date(2021, 9, 16))


months = st.integers(1, 12)


@given(
    st.lists(st.tuples(months, months), min_size=1, max_size=3),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.one_of(st.none(), st.integers(1, 800)),
    st.sampled_from(sorted(NAMES)),
)
def test_proposals_fall_in_the_term_in_the_charters_months_in_the_chairs_country(
    month_pairs, term_start, days, chair
):
    # given
    rules = [
        RegularSessionRule((f"body-{index}",), min(pair), max(pair))
        for index, pair in enumerate(month_pairs)
    ]
    term_end = None if days is None else term_start + timedelta(days=days)

    # when
    proposals = propose_regular_sessions(rules, chair, term_start=term_start, term_end=term_end)

    # then
    assert len(proposals) <= len(rules)
    if term_end is None:
        assert len(proposals) == len(rules)
    for proposal in proposals:
        rule = next(rule for rule in rules if rule.bodies == proposal.bodies)
        assert proposal.host == chair
        assert term_start <= proposal.start_on <= proposal.end_on
        assert term_end is None or proposal.end_on < term_end
        assert rule.from_month <= proposal.start_on.month <= rule.to_month
        assert rule.from_month <= proposal.end_on.month <= rule.to_month
        assert proposal.end_on.year == proposal.start_on.year


# ----------------------------------------------------------------------------- urgent paths

PATH = UrgentPath(
    "collective-assistance",
    (
        UrgentStepRule("consultations", StepKind.CONSULTATIONS),
        UrgentStepRule("decision", StepKind.DECISION, within=timedelta(hours=24)),
        UrgentStepRule("session", StepKind.SESSION),
    ),
)


@pytest.mark.parametrize(
    ("steps", "code"),
    [
        ((), "no-steps"),
        ((UrgentStepRule("a", StepKind.SESSION), UrgentStepRule("a", StepKind.DECISION)),
         "duplicate-step"),
        ((UrgentStepRule("a", StepKind.CONSULTATIONS),), "session-not-last"),
        ((UrgentStepRule("a", StepKind.SESSION), UrgentStepRule("b", StepKind.SESSION)),
         "session-not-last"),
    ],
)  # fmt: skip
def test_a_path_is_checked_when_made(steps, code):
    with pytest.raises(RuleError) as error:
        UrgentPath("path", steps)
    assert error.value.code == code


def test_the_january_2022_timeline_keeps_the_order_and_the_limit():
    # given: Tokayev's appeal on the evening of 5 January, the decision that night, the
    # session by videoconference on 10 January (csto-facts §5, [S175][S176][S53])
    consulted = StepRecord(
        "consultations", datetime(2022, 1, 5, 20, tzinfo=UTC), datetime(2022, 1, 5, 23, tzinfo=UTC)
    )
    decided = StepRecord(
        "decision", datetime(2022, 1, 5, 23, tzinfo=UTC), datetime(2022, 1, 6, 2, tzinfo=UTC)
    )

    # when / then
    check_step(PATH, [], "consultations", started_at=consulted.started_at,
               completed_at=consulted.completed_at)  # fmt: skip
    step = check_step(PATH, [consulted], "decision", started_at=decided.started_at,
                      completed_at=decided.completed_at)  # fmt: skip
    assert not is_late(step, decided.started_at, decided.completed_at)
    assert next_step(PATH, [consulted, decided]).code == "session"
    session = StepRecord("session", decided.completed_at, datetime(2022, 1, 10, tzinfo=UTC))
    assert next_step(PATH, [consulted, decided, session]) is None


@pytest.mark.parametrize(
    ("done", "code", "start", "end", "error"),
    [
        ([], "decision", 1, 2, "step-out-of-order"),
        ([], "nothing", 1, 2, "unknown-step"),
        ([], "consultations", 2, 1, "completed-before-started"),
        ([("consultations", 1, 5)], "decision", 4, 6, "before-previous-step"),
        ([("consultations", 1, 5)], "consultations", 6, 7, "step-already-recorded"),
    ],
)
def test_steps_out_of_order_or_time_are_refused(done, code, start, end, error):
    base = datetime(2022, 1, 5, tzinfo=UTC)
    records = [
        StepRecord(name, base + timedelta(hours=s), base + timedelta(hours=e))
        for name, s, e in done
    ]
    with pytest.raises(RuleError) as raised:
        check_step(
            PATH,
            records,
            code,
            started_at=base + timedelta(hours=start),
            completed_at=base + timedelta(hours=end),
        )
    assert raised.value.code == error


@given(st.lists(st.integers(0, 72), min_size=6, max_size=6))
def test_steps_recorded_in_order_with_time_moving_forward_are_always_accepted(hours):
    # given: three steps whose start and end times never go back
    base = datetime(2022, 1, 5, tzinfo=UTC)
    moments = [base + timedelta(hours=total) for total in _running_sum(hours)]
    done: list[StepRecord] = []

    # when / then
    for index, step in enumerate(PATH.steps):
        started, completed = moments[2 * index], moments[2 * index + 1]
        check_step(PATH, done, step.code, started_at=started, completed_at=completed)
        done.append(StepRecord(step.code, started, completed))
        assert is_late(step, started, completed) is (
            step.within is not None and completed - started > step.within
        )
    assert next_step(PATH, done) is None


@given(st.permutations([step.code for step in PATH.steps]))
def test_only_the_charters_order_is_accepted(order):
    base = datetime(2022, 1, 5, tzinfo=UTC)
    done: list[StepRecord] = []
    accepted = []
    for hour, code in enumerate(order):
        try:
            check_step(PATH, done, code, started_at=base + timedelta(hours=hour),
                       completed_at=base + timedelta(hours=hour))  # fmt: skip
        except RuleError:
            break
        done.append(StepRecord(code, base, base + timedelta(hours=hour)))
        accepted.append(code)
    expected = [step.code for step in PATH.steps]
    assert accepted == expected[: len(accepted)]
    assert (accepted == expected) is (list(order) == expected)


def _running_sum(values):
    total = 0
    for value in values:
        total += value
        yield total
