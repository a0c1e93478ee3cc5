"""Rotations: every member once per cycle, alphabetical by collation, overrides and records."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.rules.errors import RuleError
from secretariat.rules.participation import ParticipationStatus, Period
from secretariat.rules.rotation import (
    Assign,
    RecordedTerm,
    Rotation,
    Skip,
    Swap,
    TermLength,
    collation_key,
)

ALWAYS = [Period(ParticipationStatus.MEMBER, date(1945, 10, 24))]
NAMES = [
    "Albania", "Algeria", "Côte d'Ivoire", "Cuba", "Czechia", "Ecuador", "Éire", "France",
    "Guyana", "Japan", "Malta", "Mozambique", "Republic of Korea", "Russian Federation",
    "Sierra Leone", "Slovenia", "Switzerland", "Türkiye", "United Kingdom", "Viet Nam",
]  # fmt: skip
CODES = [f"S{index:02d}" for index in range(len(NAMES))]
NAME_OF = dict(zip(CODES, NAMES, strict=True))

members = st.lists(st.sampled_from(CODES), min_size=1, max_size=len(CODES), unique=True)
lengths = st.sampled_from([TermLength.MONTH, TermLength.CALENDAR_YEAR])
starts = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1))


def rotation(codes, length=TermLength.CALENDAR_YEAR, **extra):
    return Rotation(
        {code: NAME_OF[code] for code in codes}, dict.fromkeys(codes, ALWAYS), length, **extra
    )


@given(members, lengths, starts, st.data())
def test_a_rotation_visits_every_participating_member_once_per_cycle(codes, length, start, data):
    # given
    after = data.draw(st.sampled_from(codes))

    # when
    terms = rotation(codes, length).terms(start, len(codes) * 2, after=after)

    # then: each cycle is a permutation of the members, and the two cycles are the same
    chairs = [term.chair for term in terms]
    assert sorted(chairs[: len(codes)]) == sorted(codes)
    assert chairs[: len(codes)] == chairs[len(codes) :]


@given(members, starts, st.data())
def test_chairs_follow_the_alphabetical_order_of_their_names(codes, start, data):
    # given
    after = data.draw(st.sampled_from(codes))
    ordered = sorted(codes, key=lambda code: collation_key(NAME_OF[code]))

    # when
    chairs = [term.chair for term in rotation(codes).terms(start, len(codes), after=after)]

    # then: the order rotated to begin after the previous chair
    position = ordered.index(after)
    assert chairs == ordered[position + 1 :] + ordered[: position + 1]


@given(members, starts)
def test_terms_follow_one_another_without_gap(codes, start):
    # when
    terms = rotation(codes, TermLength.MONTH).terms(start, 14, after=codes[0])

    # then
    assert terms[0].start_on == start.replace(day=1)
    for before, after in itertools.pairwise(terms):
        assert before.end_on == after.start_on


def test_collation_sorts_accents_with_their_letter_not_after_z():
    # Code point order would put "Côte d'Ivoire" after "Czechia" and "Éire" after "Viet Nam".
    assert sorted(["Czechia", "Viet Nam", "Éire", "Côte d'Ivoire", "Cuba"], key=collation_key) == [
        "Côte d'Ivoire", "Cuba", "Czechia", "Éire", "Viet Nam",
    ]  # fmt: skip


def test_russian_names_sort_in_russian_alphabetical_order():
    names = ["Таджикистан", "Армения", "Россия", "Кыргызстан", "Беларусь", "Казахстан"]
    assert sorted(names, key=collation_key) == [
        "Армения", "Беларусь", "Казахстан", "Кыргызстан", "Россия", "Таджикистан",
    ]  # fmt: skip


def test_a_member_not_participating_on_the_term_is_passed_over():
    # given: B is suspended from 2022
    membership = {
        "A": ALWAYS,
        "B": [
            Period(ParticipationStatus.MEMBER, date(2000, 1, 1), date(2022, 1, 1)),
            Period(ParticipationStatus.SUSPENDED, date(2022, 1, 1)),
        ],
        "C": ALWAYS,
    }
    rotation = Rotation({"A": "A", "B": "B", "C": "C"}, membership, TermLength.CALENDAR_YEAR)

    # when
    chairs = [term.chair for term in rotation.terms(date(2021, 1, 1), 4, after="A")]

    # then
    assert chairs == ["B", "C", "A", "C"]


def test_the_order_continues_after_a_chair_that_left():
    # given: X chaired last and is no longer a member; the new members are A and Z
    names = {"X": "Xanadu", "A": "Arcadia", "Z": "Zembla"}
    rotation = Rotation(names, {"A": ALWAYS, "Z": ALWAYS}, TermLength.MONTH)

    # when
    chairs = [term.chair for term in rotation.terms(date(2024, 1, 1), 3, after="X")]

    # then: the list goes on after "Xanadu", then wraps to A
    assert chairs == ["Z", "A", "Z"]


def test_overrides_skip_swap_and_assign_turns():
    # given: A B C D E, one term a year
    codes = ["A", "B", "C", "D", "E"]
    rules = Rotation(
        dict(zip(codes, codes, strict=True)),
        dict.fromkeys(codes, ALWAYS),
        TermLength.CALENDAR_YEAR,
        overrides=[
            Skip(date(2001, 1, 1), "B", "B gave up its turn"),
            # 2003 was E's turn and 2005 B's: they exchange them
            Swap((date(2003, 6, 1), date(2005, 1, 1)), ("B", "E"), "exchanged"),
            Assign(date(2007, 1, 1), "A", "out of order"),
        ],
    )

    # when
    terms = rules.terms(date(2001, 1, 1), 8, after="A")

    # then
    assert [term.chair for term in terms] == ["C", "D", "B", "A", "E", "C", "A", "B"]
    assert terms[0].reason == "B gave up its turn"
    assert terms[2].reason == terms[4].reason == "exchanged"


def test_a_swap_before_the_first_term_is_taken_into_account():
    # given: 2003 was A's turn and 2005 C's; C chaired 2003 and A 2005
    codes = ["A", "B", "C", "D", "E"]
    rules = Rotation(
        dict(zip(codes, codes, strict=True)),
        dict.fromkeys(codes, ALWAYS),
        TermLength.CALENDAR_YEAR,
        overrides=[Swap((date(2003, 1, 1), date(2005, 1, 1)), ("C", "A"), "exchanged")],
    )

    # when: the listing starts in 2004, after C
    chairs = [term.chair for term in rules.terms(date(2004, 1, 1), 3, after="C")]

    # then: the order goes on from A's turn (2003), not from C's
    assert chairs == ["B", "A", "D"]


def test_the_record_wins_over_the_rule_and_the_projection_continues_from_it():
    # given: the rule would give B in 2020, but C chaired, recorded
    codes = ["A", "B", "C", "D"]
    rules = Rotation(
        dict(zip(codes, codes, strict=True)),
        dict.fromkeys(codes, ALWAYS),
        TermLength.CALENDAR_YEAR,
        history=[RecordedTerm("A", date(2019, 1, 1)), RecordedTerm("C", date(2020, 1, 1))],
    )

    # when
    terms = rules.terms(date(2019, 6, 1), 4)

    # then
    assert [(term.chair, term.recorded) for term in terms] == [
        ("A", True), ("C", True), ("D", False), ("A", False),
    ]  # fmt: skip


def test_without_a_record_or_a_previous_chair_the_rotation_cannot_start():
    with pytest.raises(RuleError) as raised:
        rotation(["S00", "S01"]).terms(date(2024, 1, 1), 2)
    assert raised.value.code == "no-previous-chair"


def test_an_unknown_previous_chair_is_refused():
    with pytest.raises(RuleError) as raised:
        rotation(["S00", "S01"]).terms(date(2024, 1, 1), 2, after="XYZ")
    assert raised.value.code == "unknown-state"


def test_a_rotation_that_is_not_a_rule_stops_with_the_record():
    # given: chairs elected, with a record up to 2025
    rules = Rotation(
        {"A": "A", "B": "B"},
        {"A": ALWAYS, "B": ALWAYS},
        TermLength.CALENDAR_YEAR,
        history=[RecordedTerm("B", date(2025, 1, 1), date(2026, 1, 1))],
        projectable=False,
    )

    # then
    assert [term.chair for term in rules.terms(date(2025, 1, 1), 1)] == ["B"]
    with pytest.raises(RuleError) as raised:
        rules.terms(date(2025, 1, 1), 2)
    assert raised.value.code == "not-a-rotation"


def test_a_recorded_term_in_force_on_the_first_day_wins_over_the_previous_chair_given():
    # given: the record says B chairs all of 2020
    codes = ["A", "B", "C"]
    rules = Rotation(
        dict(zip(codes, codes, strict=True)),
        dict.fromkeys(codes, ALWAYS),
        TermLength.CALENDAR_YEAR,
        history=[RecordedTerm("B", date(2020, 1, 1), date(2021, 1, 1))],
    )

    # when: asked from mid-2020 "after C", which the record contradicts
    terms = rules.terms(date(2020, 6, 1), 2, after="C")

    # then
    assert [(term.chair, term.recorded) for term in terms] == [("B", True), ("C", False)]
