"""Reading charter files: every problem comes with its file, line and field."""

from pathlib import Path

import pytest

from secretariat.charters.files import InvalidFileError, field_path, read
from secretariat.charters.schema import Charter, check_charter
from tests.charters.conftest import CSTO_CHARTER


def line_number(path: Path, needle: str, occurrence: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [number for number, line in enumerate(lines, start=1) if needle in line]
    return hits[occurrence - 1]


def refused(path: Path) -> list:
    with pytest.raises(InvalidFileError) as caught:
        read(path, Charter, check_charter)
    return caught.value.problems


def test_the_shipped_csto_charter_is_valid():
    # when
    charter = read(CSTO_CHARTER, Charter, check_charter)
    # then
    assert charter.organization.code == "csto"
    assert {member.code for member in charter.members} == {
        "ARM",
        "BLR",
        "KAZ",
        "KGZ",
        "RUS",
        "TJK",
        "UZB",
    }
    assert [body.code for body in charter.bodies] == [
        "csc",
        "cfm",
        "cdm",
        "cssc",
        "permanent-council",
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "code"),
    [
        (
            "status: suspended, from: 2012",
            "status: suspendd, from: 2012",
            "members[6].periods[1].status",
            "enum",
        ),
        ("level: supreme", "level: supremo", "bodies[0].level", "literal_error"),
        ("code: KGZ", "code: KG", "members[3].code", "string_pattern_mismatch"),
        (
            "    level: ministerial\n    reports_to: csc",
            "    level: ministerial\n    reports_to: cms",
            "bodies[1].reports_to",
            "unknown-body",
        ),
        ("from: 2006-06-23", "from: 2006-06-31", "members[6].periods[0].from", "date_parsing"),
        (
            "  - code: BLR\n",
            "  - code: BLR\n    colour: blue\n",
            "members[1].colour",
            "extra_forbidden",
        ),
    ],
)
def test_a_bad_value_is_reported_at_its_line_and_field(broken, old, new, field, code):
    # given
    path = broken(CSTO_CHARTER, old, new)
    # when
    problems = refused(path)
    # then
    problem = next(problem for problem in problems if problem.field == field)
    assert problem.code.startswith(code.split("_")[0]) or problem.code == code
    assert problem.path == str(path)
    assert problem.line == line_number(path, new.strip().splitlines()[-1].strip())
    assert str(problem).startswith(f"{path}:{problem.line}: {field}: ")


def test_a_missing_key_is_reported_at_the_mapping_that_lacks_it(broken):
    # given: the Permanent Council loses its level
    path = broken(CSTO_CHARTER, "    level: permanent\n", "")
    # when
    problems = refused(path)
    # then
    (problem,) = problems
    assert problem.field == "bodies[4].level"
    assert problem.code == "missing"
    assert problem.line == line_number(path, "- code: permanent-council")


def test_overlapping_membership_periods_are_refused(broken):
    # given: Armenia's membership now ends after its frozen participation begins
    path = broken(CSTO_CHARTER, "to: 2024-02-22, source", "to: 2024-03-01, source")
    # when
    (problem,) = refused(path)
    # then
    assert problem.code == "periods-overlap"
    assert problem.field == "members[0].periods[1]"
    assert problem.line == line_number(path, "status: participation-frozen")


def test_a_reporting_cycle_is_refused(broken):
    # given: the Collective Security Council reports to the Permanent Council, which reports to it
    path = broken(
        CSTO_CHARTER,
        "    level: supreme\n",
        "    level: supreme\n    reports_to: permanent-council\n",
    )
    # when
    problems = refused(path)
    # then
    assert {problem.code for problem in problems} == {"reporting-cycle"}
    assert "bodies[0].reports_to" in {problem.field for problem in problems}


def test_a_veto_by_a_state_that_is_not_a_member_is_refused(broken):
    # given
    path = broken(
        CSTO_CHARTER,
        "rule: {kind: consensus, absentees: ignored}",
        "rule: {kind: veto, members: [FRA]}",
    )
    # when
    (problem,) = refused(path)
    # then
    assert problem.code == "unknown-state"
    assert problem.field == "bodies[0].decisions.default.rule.members[0]"


def test_yaml_syntax_errors_name_the_line(tmp_path):
    # given
    path = tmp_path / "charter.yaml"
    path.write_text("organization:\n  code: csto\n  names: {en: [\n", encoding="utf-8")
    # when
    (problem,) = refused(path)
    # then
    assert problem.code == "yaml-syntax"
    assert problem.line == 4


@pytest.mark.parametrize("content", ["", "- a list\n", "just text\n"])
def test_a_file_that_is_not_a_mapping_is_refused(tmp_path, content):
    path = tmp_path / "charter.yaml"
    path.write_text(content, encoding="utf-8")
    (problem,) = refused(path)
    assert problem.code == "not-a-mapping"


def test_a_missing_file_is_refused(tmp_path):
    (problem,) = refused(tmp_path / "nowhere.yaml")
    assert problem.code == "unreadable"


def test_field_paths_read_like_the_file():
    assert (
        field_path(("bodies", 0, "decisions", "default", "rule"))
        == "bodies[0].decisions.default.rule"
    )
    assert field_path(()) == ""
