"""Properties of the decision rules, for any ballot hypothesis can think of.

Rules and ballots are generated: a rule is a primitive or a combination of
them, a ballot any set of members with any positions. Real cases live in
``tests/charters/test_real_outcomes.py``; here is what must hold for all.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from secretariat.rules.decisions import (
    AllOf,
    AnyOf,
    Base,
    BlockingMinority,
    Consensus,
    Counting,
    NoneOf,
    Rule,
    Threshold,
    Unanimity,
    Veto,
    WeightedThreshold,
    evaluate,
    needs_every_position,
    share_needed,
)
from secretariat.rules.errors import RuleError
from secretariat.rules.explanations import explain
from secretariat.rules.positions import IN_FAVOUR, Ballot, Position

CODES = [f"S{index:02d}" for index in range(20)]
PERMANENT = ("S00", "S01", "S02", "S03", "S04")

shares = st.fractions(min_value=Fraction(1, 100), max_value=1, max_denominator=100)


def thresholds(counting: Counting = Counting.IN_FAVOUR) -> st.SearchStrategy[Threshold]:
    return st.builds(
        Threshold,
        count=st.none() | st.integers(1, 20),
        share=shares,
        of=st.sampled_from(Base),
        above=st.booleans(),
        counting=st.just(counting),
    )


weighted = st.builds(
    WeightedThreshold,
    share=shares,
    weights=st.fixed_dictionaries(
        {code: st.fractions(min_value=Fraction(1, 100), max_value=100) for code in CODES}
    ),
    weight=st.just("population"),
    of=st.sampled_from([Base.MEMBERS, Base.PARTICIPATING]),
)

#: Rules where one more vote in favour can only help.
primitives = st.one_of(
    st.builds(Consensus, absentees_block=st.booleans()),
    st.builds(Unanimity, abstention_blocks=st.booleans()),
    thresholds(),
    st.builds(Veto, st.just(PERMANENT), abstention_is_veto=st.booleans()),
    weighted,
    st.builds(BlockingMinority, st.integers(1, 10)),
)
monotone_rules: st.SearchStrategy[Rule] = st.recursive(
    primitives,
    lambda inner: st.one_of(
        st.builds(AllOf, st.lists(inner, min_size=1, max_size=3).map(tuple)),
        st.builds(AnyOf, st.lists(inner, min_size=1, max_size=3).map(tuple)),
    ),
    max_leaves=6,
)
any_rules: st.SearchStrategy[Rule] = st.recursive(
    st.one_of(primitives, thresholds(Counting.AGAINST)),
    lambda inner: st.one_of(
        st.builds(AllOf, st.lists(inner, min_size=1, max_size=3).map(tuple)),
        st.builds(AnyOf, st.lists(inner, min_size=1, max_size=3).map(tuple)),
        st.builds(NoneOf, st.lists(inner, min_size=1, max_size=2).map(tuple)),
    ),
    max_leaves=6,
)


@st.composite
def ballots(draw: st.DrawFn) -> Ballot:
    members = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=20, unique=True))
    # A member left out of the positions counts as absent, as on the command line.
    given = draw(st.lists(st.sampled_from(members), unique=True))
    positions = {state: draw(st.sampled_from(Position)) for state in given}
    excluded = draw(st.frozensets(st.sampled_from(members), max_size=2))
    return Ballot(tuple(members), positions, excluded)


def with_position(ballot: Ballot, state: str, position: Position) -> Ballot:
    return Ballot(ballot.members, {**ballot.positions, state: position}, ballot.excluded)


@given(monotone_rules, ballots(), st.data())
def test_one_more_vote_in_favour_never_turns_an_adoption_into_a_rejection(rule, ballot, data):
    # given: an adopted draft and a member of the electorate not yet in favour
    assume(evaluate(rule, ballot).adopted)
    others = [state for state in ballot.electorate if ballot.position(state) not in IN_FAVOUR]
    assume(others)
    state = data.draw(st.sampled_from(others))

    # when it votes in favour
    after = evaluate(rule, with_position(ballot, state, Position.YES))

    # then
    assert after.adopted


@given(ballots(), st.sampled_from(PERMANENT))
def test_a_permanent_member_voting_against_always_rejects_a_substantive_matter(ballot, member):
    # given: the Security Council's substantive rule (UN Charter Art. 27(3))
    substantive = AllOf((Threshold(count=9), Veto(PERMANENT)))
    members = tuple(dict.fromkeys((*PERMANENT, *ballot.members)))
    ballot = Ballot(members, {**ballot.positions, member: Position.NO})

    # when
    outcome = evaluate(substantive, ballot)

    # then: rejected; and it is a veto only when the nine votes were there
    assert not outcome.adopted
    assert (member in outcome.vetoed_by) == (len(ballot.in_favour) >= 9)


@given(any_rules, ballots(), st.randoms())
def test_the_outcome_does_not_depend_on_the_order_of_the_members(rule, ballot, random):
    # given
    shuffled = list(ballot.members)
    random.shuffle(shuffled)

    # when
    outcome = evaluate(rule, ballot)
    reordered = evaluate(rule, Ballot(tuple(shuffled), dict(ballot.positions), ballot.excluded))

    # then
    assert outcome.adopted == reordered.adopted
    assert set(outcome.vetoed_by) == set(reordered.vetoed_by)


@given(any_rules, ballots())
def test_none_of_is_the_opposite_of_the_rule(rule, ballot):
    assert evaluate(NoneOf((rule,)), ballot).adopted != evaluate(rule, ballot).adopted


@given(ballots())
def test_consensus_is_exactly_the_absence_of_an_objection(ballot):
    # when
    outcome = evaluate(Consensus(), ballot)

    # then: abstentions, absences and declarations of non-participation never block it
    assert outcome.adopted == (not ballot.against)


@given(ballots())
def test_excluded_members_neither_count_nor_block(ballot):
    # given: every excluded member votes against
    voting = {**ballot.positions, **dict.fromkeys(ballot.excluded, Position.NO)}

    # when
    outcome = evaluate(Consensus(), Ballot(ballot.members, voting, ballot.excluded))

    # then: the result is the one of the others alone
    others = Ballot(
        tuple(state for state in ballot.members if state not in ballot.excluded),
        {state: position for state, position in voting.items() if state not in ballot.excluded},
    )
    assert outcome.adopted == evaluate(Consensus(), others).adopted


@given(st.integers(1, 30), st.integers(0, 30))
def test_a_count_threshold_is_met_at_exactly_the_count(count, in_favour):
    # given
    members = tuple(f"M{index:02d}" for index in range(max(count, in_favour)))
    ballot = Ballot(members, dict.fromkeys(members[:in_favour], Position.YES))

    # then
    assert evaluate(Threshold(count=count), ballot).adopted == (in_favour >= count)


@given(shares, st.integers(0, 500), st.booleans())
def test_share_needed_is_the_least_number_reaching_the_share(share, base, above):
    # when
    needed = share_needed(share, base, above=above)

    # then
    reaches = (
        (lambda votes: votes > share * base) if above else (lambda votes: votes >= share * base)
    )
    assert reaches(needed)
    assert needed == 0 or not reaches(needed - 1)


def test_a_tie_fails_a_simple_majority_of_those_present_and_voting():
    # given: 50 in favour, 50 against (UN Charter Art. 18(3): a majority)
    members = tuple(f"M{index:03d}" for index in range(100))
    positions = {state: Position.YES if i < 50 else Position.NO for i, state in enumerate(members)}
    majority = Threshold(share=Fraction(1, 2), of=Base.PRESENT_AND_VOTING, above=True)

    # then
    assert not evaluate(majority, Ballot(members, positions)).adopted


def test_a_share_of_those_present_and_voting_needs_at_least_one_vote():
    # given: every member abstains
    ballot = Ballot(("A", "B"), {"A": Position.ABSTAIN, "B": Position.ABSTAIN})

    # then: two thirds of nobody is not an adoption
    assert not evaluate(Threshold(share=Fraction(2, 3), of=Base.PRESENT_AND_VOTING), ballot).adopted


@pytest.mark.parametrize(
    ("rule", "needs"),
    [
        (Consensus(), False),
        (Consensus(absentees_block=True), True),
        (Unanimity(), True),
        (Threshold(count=9), False),
        (AllOf((Threshold(count=9), Unanimity())), True),
    ],
)
def test_only_rules_where_a_missing_position_decides_need_every_position(rule, needs):
    assert needs_every_position(rule) is needs


def test_a_weighted_rule_without_a_members_weight_is_refused():
    # given
    rule = WeightedThreshold(Fraction(65, 100), {"DEU": Fraction(18)}, "population")

    # then
    with pytest.raises(RuleError) as raised:
        evaluate(rule, Ballot(("DEU", "FRA"), {"DEU": Position.YES}))
    assert raised.value.code == "missing-weight"
    assert raised.value.params["states"] == "FRA"


@given(any_rules, ballots())
def test_every_outcome_explains_itself_in_full(rule, ballot):
    # when
    lines = explain(evaluate(rule, ballot))

    # then: a verdict, then at least one line per clause, every template filled in
    assert lines[0] in {"Adopted.", "Not adopted."}
    assert len(lines) >= 2
    assert not any("{" in line for line in lines)
