"""Bad input to `outcome` and `rotation`: refused with a message naming the file, line and problem.

Through ``call_command`` a refusal is a ``CommandError`` whose text is what the console shows;
through the console script a refusal exits with status 1 and a usage error with status 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CHARTERS = ROOT / "charters"
SCRIPT = Path(sys.executable).parent / "secretariat"

# The Security Council on 22 March 2024 (S/2024/239, rules-facts §1.3), a valid ballot.
COUNCIL_2024 = (
    "CHN", "FRA", "RUS", "GBR", "USA", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE",
    "SVN", "CHE",
)  # fmt: skip
EU_27 = (
    "BEL", "BGR", "CZE", "DNK", "DEU", "EST", "IRL", "GRC", "ESP", "FRA", "HRV", "ITA", "CYP",
    "LVA", "LTU", "LUX", "HUN", "MLT", "NLD", "AUT", "POL", "PRT", "ROU", "SVN", "SVK", "FIN",
    "SWE",
)  # fmt: skip


def csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def council_csv(tmp_path: Path, *extra_lines: str, header: str = "state,position") -> Path:
    """A valid UNSC ballot of 22 March 2024 followed by ``extra_lines``."""
    lines = [header, *(f"{state},yes" for state in COUNCIL_2024), *extra_lines]
    return csv(tmp_path / "positions.csv", "\n".join(lines) + "\n")


def outcome(positions: Path, *args: str, charter: str = "unsc") -> str:
    """Run `outcome`; return its output, or let its CommandError through."""
    defaults = {
        "unsc": ["--body", "security-council", "--matter", "substantive"],
        "eu-council": ["--body", "council", "--matter", "unanimity"],
        "csto": ["--body", "csc", "--matter", "default"],
        "osce": ["--body", "permanent-council", "--matter", "default"],
    }[charter]
    if "--body" in args:
        defaults = []
    if "--at" not in args:
        args = (*args, "--at", "2024-03-22")
    out = StringIO()
    call_command(
        "outcome",
        str(CHARTERS / f"{charter}.yaml"),
        *defaults,
        "--positions",
        str(positions),
        *args,
        stdout=out,
    )
    return out.getvalue()


def refusal(positions: Path, *args: str, charter: str = "unsc") -> str:
    with pytest.raises(CommandError) as caught:
        outcome(positions, *args, charter=charter)
    return str(caught.value)


def console(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "SECRET_KEY": "tests-only-not-secret"},
        check=False,
        timeout=120,
    )


# ------------------------------------------------------------------------ the positions file


def test_a_valid_ballot_is_decided(tmp_path):
    # given: the baseline the other tests break
    positions = council_csv(tmp_path)

    # when
    out = outcome(positions)

    # then
    assert "Adopted." in out


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param("XYZ,yes", "XYZ is not a state this charter knows", id="unknown-state"),
        pytest.param(
            "RUSSIA,no",
            "'RUSSIA' is not an ISO 3166-1 alpha-3 code (three capital letters, such as RUS)",
            id="not-an-alpha-3-code",
        ),
        pytest.param(
            "AFG,maybe",
            "'maybe' is not a position; use one of yes, no, abstain, absent, not-participating, "
            "reservation, objection",
            id="unknown-position-word",
        ),
        pytest.param("RUS,no", "RUS is listed twice (first on line 4)", id="state-twice"),
        pytest.param(
            "DEU,yes",
            "DEU does not take part in decisions on 2024-03-22, so it cannot answer 'yes' "
            "(only absent or not-participating)",
            id="non-member-voting",
        ),
        pytest.param(
            "RUS,no,veto,loudly",
            "expected 3 columns (state,position,note), found 4",
            id="too-many-columns",
        ),
        pytest.param(
            "RUS",
            "expected 3 columns (state,position,note), found 1",
            id="too-few-columns",
        ),
    ],
)
def test_a_bad_line_is_refused_naming_the_file_and_its_line(tmp_path, line, message):
    # given: the valid ballot (lines 2-16), then the bad line 17
    positions = council_csv(tmp_path, line, header="state,position,note")

    # when
    text = refusal(positions)

    # then
    assert text == f"{positions}:17: {message}"


def test_a_non_member_may_be_listed_as_absent(tmp_path):
    # given: Germany, not on the Council in 2024, written as absent
    positions = council_csv(tmp_path, "DEU,absent")

    # when
    out = outcome(positions)

    # then
    assert "Adopted." in out


def test_every_problem_is_reported_at_once_in_line_order(tmp_path):
    # given
    positions = council_csv(tmp_path, "DEU,yes", "XYZ,no", "RUS,maybe")

    # when
    lines = refusal(positions).splitlines()

    # then
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{positions}:17",
        f"{positions}:18",
        f"{positions}:19",
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param(
            "country,vote\nRUS,no\n",
            1,
            "the first line must be state,position or state,position,note",
            id="bad-header",
        ),
        pytest.param(
            "RUS,no\nCHN,no\n",
            1,
            "the first line must be state,position or state,position,note",
            id="no-header",
        ),
        pytest.param(
            "",
            1,
            "the first line must be state,position or state,position,note",
            id="empty-file",
        ),
        pytest.param(
            "\n\nstate;position\n",
            3,
            "the first line must be state,position or state,position,note",
            id="semicolons-after-blank-lines",
        ),
    ],
)
def test_a_bad_header_is_refused(tmp_path, text, line, message):
    # given
    positions = csv(tmp_path / "positions.csv", text)

    # when / then
    assert refusal(positions) == f"{positions}:{line}: {message}"


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    # given: Latin-1 bytes (a note "Côte d'Ivoire" saved by an old spreadsheet)
    positions = tmp_path / "positions.csv"
    positions.write_bytes("state,position,note\nCIV,yes,Côte d'Ivoire\n".encode("latin-1"))

    # when / then
    assert refusal(positions) == f"{positions}:1: is not UTF-8 text"


def test_a_missing_positions_file_is_refused(tmp_path):
    # when
    text = refusal(tmp_path / "nowhere.csv")

    # then
    assert text.startswith(f"{tmp_path / 'nowhere.csv'}:1: cannot be read:")


def test_a_header_with_a_byte_order_mark_and_capitals_is_accepted(tmp_path):
    # given: what a spreadsheet saves as "CSV UTF-8"
    positions = tmp_path / "positions.csv"
    lines = ["State,Position", *(f"{state},yes" for state in COUNCIL_2024)]
    positions.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")

    # when / then
    assert "Adopted." in outcome(positions)


def test_missing_positions_under_eu_unanimity_are_named(tmp_path):
    # given: two Member States left out of a unanimity vote
    lines = ["state,position", *(f"{state},yes" for state in EU_27 if state not in {"HUN", "SVK"})]
    positions = csv(tmp_path / "positions.csv", "\n".join(lines) + "\n")

    # when
    text = refusal(positions, "--at", "2025-03-03", charter="eu-council")

    # then
    assert text == (
        f"{positions}:1: no position is given for HUN, SVK; this rule needs every member's "
        "(write absent for a member that is away)"
    )


def test_eu_unanimity_with_every_member_listed_is_decided(tmp_path):
    # given: the same file with the two written as absent
    lines = ["state,position", *(f"{state},yes" for state in EU_27 if state not in {"HUN", "SVK"})]
    positions = csv(tmp_path / "positions.csv", "\n".join([*lines, "HUN,absent", "SVK,absent"]))

    # when
    out = outcome(positions, "--at", "2025-03-03", charter="eu-council")

    # then: absence withholds unanimity
    assert "Not adopted." in out


def test_a_suspended_member_cannot_vote(tmp_path):
    # given: Uzbekistan, suspended since December 2012 (csto-facts [S135]), at Dushanbe 2021
    positions = csv(tmp_path / "positions.csv", "state,position\nTJK,yes\nUZB,yes\n")

    # when
    text = refusal(positions, "--at", "2021-09-16", charter="csto")

    # then
    assert text == (
        f"{positions}:3: UZB does not take part in decisions on 2021-09-16, so it cannot answer "
        "'yes' (only absent or not-participating)"
    )


def test_an_excluded_members_vote_is_recorded_but_not_counted(tmp_path):
    # given: a party to a dispute excluded under Art. 27(3), voting against all the same
    positions = council_csv(tmp_path)
    positions.write_text(positions.read_text().replace("RUS,yes", "RUS,no"))

    # when
    text = outcome(positions, "--exclude", "RUS")

    # then: no veto, and the explanation says whose position was set aside
    assert "\nAdopted.\n" in text
    assert "Excluded from this decision, not counted whatever they said: RUS" in text


# ------------------------------------------------------------------------ the command line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("--body", "general-assembly", "--matter", "substantive"),
            "no body 'general-assembly' in this charter; its bodies: security-council",
            id="unknown-body",
        ),
        pytest.param(
            ("--body", "security-council", "--matter", "important"),
            "security-council has no matter 'important'; its matters: procedural, substantive",
            id="unknown-matter",
        ),
        pytest.param(
            ("--exclude", "DEU,RUS"),
            "--exclude names DEU, not members on 2024-03-22",
            id="exclude-non-member",
        ),
        pytest.param(
            ("--procedure", "silence"),
            "this matter is not decided by the silence procedure; it allows: in-session",
            id="procedure-not-allowed",
        ),
    ],
)
def test_a_bad_option_is_refused_with_what_exists(tmp_path, args, message):
    # given
    positions = council_csv(tmp_path)

    # when / then
    assert refusal(positions, *args) == message


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("--at", "2024-13-01"),
            "argument --at: '2024-13-01' is not a date written YYYY-MM-DD",
            id="bad-at-date",
        ),
        pytest.param(
            ("--at", "22/03/2024"),
            "argument --at: '22/03/2024' is not a date written YYYY-MM-DD",
            id="at-in-another-format",
        ),
        pytest.param(
            ("--procedure", "telepathy"),
            "argument --procedure: invalid choice: 'telepathy'",
            id="unknown-procedure",
        ),
    ],
)
def test_a_usage_error_is_refused_by_the_parser(tmp_path, args, message):
    # given
    positions = council_csv(tmp_path)

    # when / then
    assert message in refusal(positions, *args)


@pytest.mark.parametrize(
    ("members", "line", "message"),
    [
        pytest.param(
            "from,to,state\n2004-01-01,2006-01-01,DZA\n2004-13-01,2006-01-01,BEN\n",
            3,
            "from: '2004-13-01' is not a date written YYYY-MM-DD",
            id="bad-from-date",
        ),
        pytest.param(
            "from,to,state\n2004-01-01,next year,BEN\n",
            2,
            "to: 'next year' is not a date written YYYY-MM-DD",
            id="bad-to-date",
        ),
        pytest.param(
            "from,to,state\n2004-01-01,2006-01-01,Benin\n",
            2,
            "'Benin' is not an ISO 3166-1 alpha-3 code (three capital letters, such as RUS)",
            id="bad-state-code",
        ),
        pytest.param(
            "from,to,state\n2006-01-01,2004-01-01,BEN\n",
            2,
            "this period ends before it starts",
            id="period-ends-before-start",
        ),
        pytest.param(
            "from,to,state\n2004-01-01,BEN\n",
            2,
            "expected 3 columns (from,to,state), found 2",
            id="wrong-column-count",
        ),
        pytest.param(
            "state,from,to\nBEN,2004-01-01,2006-01-01\n",
            1,
            "the first line must be from,to,state",
            id="bad-header",
        ),
    ],
)
def test_a_bad_members_file_is_refused_naming_its_line(tmp_path, members, line, message):
    # given: res. 1559's Council (rules-facts §1.3) with a broken --members file
    positions = council_csv(tmp_path)
    members_file = csv(tmp_path / "members.csv", members)

    # when
    text = refusal(positions, "--at", "2004-09-02", "--members", str(members_file))

    # then
    assert text == f"{members_file}:{line}: {message}"


def test_a_refusal_leaves_the_next_run_unharmed(tmp_path):
    # given: a refused run, then a good one in the same process
    refusal(council_csv(tmp_path, "XYZ,yes"))

    # when
    out = outcome(council_csv(tmp_path))

    # then
    assert "Adopted." in out


def test_a_refusal_is_explained_in_russian(tmp_path):
    # given
    positions = council_csv(tmp_path, "XYZ,yes")

    # when
    with translation.override("ru"):
        text = refusal(positions)

    # then: the place is the same; the words are Russian where translated
    assert text.startswith(f"{positions}:17: ")
    assert "XYZ" in text


# ------------------------------------------------------------------------ rotation


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("unga.yaml", "--body", "general-assembly", "--from", "2025-01-01", "--count", "1"),
            "the chair of general-assembly is elected; no rotation says who it will be",
            id="elected-chair",
        ),
        pytest.param(
            ("unsc.yaml", "--from", "2019-01-01", "--count", "1"),
            "the record does not say who chaired before 2019-01-01; name that chair with --after",
            id="before-the-record-without-after",
        ),
        pytest.param(
            ("unsc.yaml", "--from", "2019-01-01", "--after", "XYZ", "--count", "1"),
            "XYZ is not a state this charter knows",
            id="after-unknown-state",
        ),
        pytest.param(
            ("csto.yaml", "--body", "politburo", "--from", "2025-01-01", "--count", "1"),
            "no body 'politburo' in this charter; its bodies: csc, cfm, cdm, cssc, "
            "permanent-council",
            id="unknown-body",
        ),
    ],
)
def test_rotation_refusals_say_what_is_wrong(args, message):
    # given
    charter, *rest = args

    # when
    with pytest.raises(CommandError) as caught:
        call_command("rotation", str(CHARTERS / charter), *rest, stdout=StringIO())

    # then
    assert str(caught.value) == message


@pytest.mark.parametrize("count", ["0", "-3", "many"])
def test_rotation_count_must_be_a_positive_whole_number(count):
    with pytest.raises(CommandError, match=f"'{count}' is not a whole number of at least 1"):
        call_command(
            "rotation",
            str(CHARTERS / "asean.yaml"),
            "--from",
            "2025-01-01",
            f"--count={count}",
            stdout=StringIO(),
        )


# ------------------------------------------------------------------------ exit statuses


def test_console_script_exits_1_with_file_and_line_on_bad_positions(tmp_path):
    # given
    positions = council_csv(tmp_path, "XYZ,yes")

    # when
    result = console(
        "outcome",
        str(CHARTERS / "unsc.yaml"),
        "--body",
        "security-council",
        "--matter",
        "substantive",
        "--positions",
        str(positions),
        "--at",
        "2024-03-22",
    )

    # then
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{positions}:17: XYZ is not a state this charter knows" in result.stderr
    assert "Traceback" not in result.stderr


def test_console_script_exits_2_with_usage_on_a_bad_date(tmp_path):
    # given
    positions = council_csv(tmp_path)

    # when
    result = console(
        "outcome",
        str(CHARTERS / "unsc.yaml"),
        "--body",
        "security-council",
        "--matter",
        "substantive",
        "--positions",
        str(positions),
        "--at",
        "2024-02-30",
    )

    # then
    assert result.returncode == 2
    assert result.stderr.startswith("usage:")
    assert "'2024-02-30' is not a date written YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_console_script_exits_2_when_a_required_option_is_missing(tmp_path):
    # when: no --matter
    result = console(
        "outcome",
        str(CHARTERS / "unsc.yaml"),
        "--body",
        "security-council",
        "--positions",
        str(council_csv(tmp_path)),
    )

    # then
    assert result.returncode == 2
    assert "the following arguments are required: --matter" in result.stderr


def test_console_script_exits_0_on_a_decision_whatever_the_verdict(tmp_path):
    # given: a vetoed draft (the decision was taken: it is not adopted)
    positions = council_csv(tmp_path)
    positions.write_text(positions.read_text().replace("RUS,yes", "RUS,no"), encoding="utf-8")

    # when
    result = console(
        "outcome",
        str(CHARTERS / "unsc.yaml"),
        "--body",
        "security-council",
        "--matter",
        "substantive",
        "--positions",
        str(positions),
        "--at",
        "2024-03-22",
    )

    # then
    assert result.returncode == 0, result.stderr
    assert "Not adopted." in result.stdout
    assert "RUS voted against: veto" in result.stdout


def test_state_codes_in_lower_case_are_read_as_codes(tmp_path):
    # given: a ballot written with lower-case codes
    positions = csv(
        tmp_path / "positions.csv",
        "state,position\n" + "".join(f"{state.lower()},yes\n" for state in COUNCIL_2024),
    )

    # when
    text = outcome(positions)

    # then
    assert "\nAdopted.\n" in text


def test_a_rotation_refuses_a_members_file_naming_a_state_it_cannot_place(tmp_path):
    # given: a state the Security Council's charter does not name (no name, no place in the order)
    members = csv(tmp_path / "members.csv", "from,to,state\n2027-01-01,2029-01-01,XKX\n")

    # when
    with pytest.raises(CommandError) as refused:
        call_command(
            "rotation",
            str(CHARTERS / "unsc.yaml"),
            "--from", "2027-01-01", "--count", "2", "--after", "USA", "--members", str(members),
        )  # fmt: skip

    # then
    assert str(refused.value) == f"{members}:2: XKX is not a state this charter knows"
