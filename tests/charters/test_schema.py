"""The charter schema: every rule kind parses, and bad rules are refused (no database)."""

import typing

import pytest
from pydantic import TypeAdapter, ValidationError

from secretariat.charters import schema

RULE = TypeAdapter(schema.DecisionRule)

EXAMPLES = {
    "consensus": {"kind": "consensus", "absentees": "block"},
    "unanimity": {"kind": "unanimity", "abstention_blocks": True},
    "threshold": {"kind": "threshold", "share": "2/3", "of": "present-and-voting"},
    "veto": {"kind": "veto", "members": ["CHN", "FRA", "GBR", "RUS", "USA"]},
    "weighted-threshold": {
        "kind": "weighted-threshold",
        "share": "65/100",
        "weights": {"DEU": 83.1, "MLT": 0.5},
        "weight": "population",
        "reference_year": 2024,
    },
    "blocking-minority": {"kind": "blocking-minority", "count": 4},
    "all-of": {
        "kind": "all-of",
        "rules": [{"kind": "threshold", "count": 9}, {"kind": "veto", "members": ["USA"]}],
    },
    "any-of": {"kind": "any-of", "rules": [{"kind": "consensus"}]},
    "none-of": {
        "kind": "none-of",
        "rules": [{"kind": "threshold", "share": "55/100", "counting": "against"}],
    },
}


def registered_kinds() -> set[str]:
    members = typing.get_args(typing.get_args(schema.DecisionRule)[0])
    return {typing.get_args(member.model_fields["kind"].annotation)[0] for member in members}


def test_every_registered_rule_kind_has_an_example():
    assert registered_kinds() == set(EXAMPLES)


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_every_rule_kind_parses_and_round_trips(kind):
    # when
    rule = RULE.validate_python(EXAMPLES[kind])
    # then
    assert rule.kind == kind
    assert RULE.validate_python(rule.model_dump(mode="json")) == rule


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "majority"},
        {"kind": "threshold", "share": "3/2"},
        {"kind": "threshold", "share": "1/0"},
        {"kind": "threshold", "share": "two thirds"},
        {"kind": "veto", "members": []},
        {"kind": "veto", "members": ["us"]},
        {"kind": "all-of", "rules": []},
        {"kind": "consensus", "quorum": 3},
        {"kind": "blocking-minority", "count": 0},
    ],
)
def test_malformed_rules_are_refused(data):
    with pytest.raises(ValidationError):
        RULE.validate_python(data)
