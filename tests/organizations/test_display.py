"""Decision and chair rules made readable."""

from __future__ import annotations

import pytest
from django.utils import translation

from secretariat.organizations.display import matters_display, rule_display


@pytest.mark.parametrize(
    ("rule", "kind", "parameters"),
    [
        ({"kind": "consensus"}, "consensus", []),
        (
            {"kind": "consensus", "absentees": "block"},
            "consensus",
            [("absent members", "block the decision")],
        ),
        (
            {"kind": "threshold", "share": "2/3", "of": "present-and-voting"},
            "threshold",
            [("share", "2/3"), ("counted among", "members present and voting")],
        ),
        (
            {"kind": "veto", "members": ["RUS", "KAZ"]},
            "veto",
            [("members", "RUS, KAZ")],
        ),
        (
            {
                "kind": "weighted-threshold",
                "share": "1/2",
                "weights": {"RUS": 2, "ARM": 1},
                "weight": "population",
            },
            "weighted threshold",
            [("share", "1/2"), ("weights", "RUS: 2, ARM: 1"), ("weighted by", "population")],
        ),
        (
            {
                "kind": "rotation",
                "order": "alphabetical",
                "language": "ru",
                "term": "calendar-year",
            },
            "rotation among the member states",
            [("order", "alphabetical"), ("language", "Russian"), ("term", "a calendar year")],
        ),
        ({"kind": "a-new-kind", "odd": 3}, "a-new-kind", [("odd", "3")]),
    ],
)
def test_rules_read_as_a_kind_and_labelled_parameters(rule, kind, parameters):
    # when
    with translation.override("en"):
        shown = rule_display(rule)

    # then
    assert shown.kind == kind
    assert [(parameter.label, parameter.value) for parameter in shown.parameters] == parameters


def test_combined_rules_show_each_part():
    # given
    rule = {
        "kind": "all-of",
        "rules": [{"kind": "consensus"}, {"kind": "veto", "members": ["RUS"]}],
    }

    # when
    with translation.override("en"):
        shown = rule_display(rule)

    # then
    assert shown.kind == "all of the following"
    assert [part.kind for part in shown.rules] == ["consensus", "veto"]


@pytest.mark.parametrize(("language", "name"), [("en", "Decisions"), ("ru", "Решения")])
def test_matters_are_named_in_the_active_language(language, name):
    # given
    rules = {
        "decision": {
            "names": {"en": "Decisions", "ru": "Решения"},
            "rule": {"kind": "consensus"},
            "procedures": ["in-session", "silence"],
            "source": "Charter, Art. 12",
        },
        "default": {"rule": {"kind": "unanimity"}},
    }

    # when
    with translation.override(language):
        matters = matters_display(rules)

    # then
    assert [matter.code for matter in matters] == ["decision", "default"]
    assert matters[0].name == name
    assert matters[0].source == "Charter, Art. 12"
    # an unnamed default matter covers everything the body decides
    assert matters[1].name == {"en": "all matters", "ru": "все вопросы"}[language]
    assert matters[1].rule.kind


def test_a_procedure_with_settings_shows_its_deadline_and_the_meaning_of_no_answer():
    # given: the procedures as the loader stores them (a word, or a mapping with settings)
    rules = {
        "default": {
            "rule": {"kind": "consensus"},
            "procedures": [
                {"kind": "in-session"},
                {"kind": "silence", "days": 3, "at": "12:00"},
                {"kind": "written", "no_answer": "absent"},
            ],
        }
    }

    # when
    (matter,) = matters_display(rules)

    # then
    assert matter.procedures == (
        "in session, silence procedure (3 days, at 12:00), in writing (no answer counts as: absent)"
    )
