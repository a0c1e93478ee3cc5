"""The charter's ``sessions`` section: regular sessions and urgent paths, checked and loaded."""

from __future__ import annotations

import pytest

from secretariat.charters.files import InvalidFileError, read
from secretariat.charters.loaders import do_load_charter
from secretariat.charters.schema import Charter, check_charter
from secretariat.meetings.models import SessionRules
from tests.charters.conftest import CSTO_CHARTER


def refused(path):
    with pytest.raises(InvalidFileError) as caught:
        read(path, Charter, check_charter)
    return caught.value.problems


def test_the_csto_charter_says_when_its_councils_meet_and_what_a_request_for_assistance_starts():
    # when
    sessions = read(CSTO_CHARTER, Charter, check_charter).sessions

    # then
    assert sessions is not None
    regular = [(spec.bodies, spec.from_month, spec.to_month) for spec in sessions.regular]
    assert regular == [(["csc"], 9, 12), (["cfm", "cdm", "cssc"], 9, 12)]
    path = sessions.urgent_paths["collective-assistance"]
    assert path.body == "csc"
    assert [(step.code, step.kind) for step in path.steps] == [
        ("consultations", "consultations"),
        ("decision", "decision"),
        ("session", "session"),
    ]
    # The sources set no time limit (csto-facts §5): none is invented.
    assert all(step.within_hours is None for step in path.steps)


@pytest.mark.parametrize(
    ("old", "new", "field", "code"),
    [
        ("from_month: 9\n      to_month: 12\n      source: \"Practice",
         "from_month: 12\n      to_month: 9\n      source: \"Practice",
         "sessions.regular[0].to_month", "months-out-of-order"),
        ("    - bodies: [csc]\n      host", "    - bodies: [cs]\n      host",
         "sessions.regular[0].bodies[0]", "unknown-body"),
        ("      to_month: 12\n      source: \"Practice",
         "      to_month: 13\n      source: \"Practice",
         "sessions.regular[0].to_month", "less_than_equal"),
        ("      body: csc\n", "      body: council\n",
         "sessions.urgent_paths.collective-assistance.body", "unknown-body"),
        ("        - code: session\n          kind: session",
         "        - code: session\n          kind: decision",
         "sessions.urgent_paths.collective-assistance.steps", "session-not-last"),
        ("        - code: session\n", "        - code: decision\n",
         "sessions.urgent_paths.collective-assistance.steps[2].code", "duplicate"),
        ("    collective-assistance:\n", "    assistance:\n",
         "sessions.urgent_paths.assistance.[key]", "literal_error"),
        ("          kind: consultations\n",
         "          kind: consultations\n          within_hours: 0\n",
         "sessions.urgent_paths.collective-assistance.steps[0].within_hours", "greater_than_equal"),
    ],
)  # fmt: skip
def test_a_bad_sessions_section_is_refused_naming_the_field(broken, old, new, field, code):
    # given
    path = broken(CSTO_CHARTER, old, new)

    # when
    problems = refused(path)

    # then
    assert any(problem.field == field and problem.code == code for problem in problems), [
        (problem.field, problem.code) for problem in problems
    ]


def test_loading_the_charter_stores_its_sessions_section_once(db):
    # when
    first = do_load_charter(CSTO_CHARTER)
    second = do_load_charter(CSTO_CHARTER)

    # then
    rules = SessionRules.objects.get(organization__code="csto")
    assert rules.regular[0]["bodies"] == ["csc"]
    assert [step["code"] for step in rules.urgent_paths["collective-assistance"]["steps"]] == [
        "consultations",
        "decision",
        "session",
    ]
    assert first.changes.created["meetings.SessionRules"] == 1
    assert second.changes.total == 0


def test_a_charter_without_the_section_has_no_rules_on_sessions(db, broken):
    # given: loaded with the section, then without it
    do_load_charter(CSTO_CHARTER)
    text = CSTO_CHARTER.read_text(encoding="utf-8")
    start = text.index("sessions:\n  regular:")
    end = text.index("# Who chaired the organization when.")
    path = broken(CSTO_CHARTER, text[start:end], "")

    # when
    do_load_charter(path)

    # then
    assert not SessionRules.objects.exists()
