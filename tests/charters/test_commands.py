"""The `charter` and `record` commands, through call_command and the console script."""

import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from secretariat.organizations.models import Organization
from tests.charters.conftest import CSTO_CHARTER, DUSHANBE_RECORD


def run(*args: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    return subprocess.run(
        [sys.executable, "-m", "secretariat", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )


def test_charter_check_of_the_shipped_charter_exits_0_without_a_secret_key():
    # when
    result = run("charter", "check", str(CSTO_CHARTER))
    # then
    assert result.returncode == 0, result.stderr
    assert "members: 7, bodies: 5" in result.stdout


def test_charter_check_of_a_broken_charter_exits_1_naming_file_line_and_field(broken):
    # given
    path = broken(CSTO_CHARTER, "level: supreme", "level: supremo")
    # when
    result = run("charter", "check", str(path))
    # then
    assert result.returncode == 1
    line = next(
        number for number, text in enumerate(path.read_text().splitlines(), 1) if "supremo" in text
    )
    assert f"{path}:{line}: bodies[0].level: expected one of" in result.stderr


@pytest.mark.django_db
def test_charter_load_refuses_a_broken_charter_and_loads_nothing(broken):
    path = broken(CSTO_CHARTER, "code: csto", "code: CSTO!")
    with pytest.raises(CommandError, match=r"organization\.code: does not have the expected form"):
        call_command("charter", "load", str(path))
    assert not Organization.objects.exists()


@pytest.mark.django_db
def test_errors_are_explained_in_russian(broken):
    path = broken(CSTO_CHARTER, "level: supreme", "level: supremo")
    with translation.override("ru"), pytest.raises(CommandError) as caught:
        call_command("charter", "check", str(path))
    assert "bodies[0].level: ожидается одно из значений" in str(caught.value)


@pytest.mark.django_db
def test_charter_and_record_load_report_what_they_did(capsys):
    # when
    call_command("charter", "load", str(CSTO_CHARTER))
    call_command("record", "load", str(DUSHANBE_RECORD))
    call_command("record", "load", str(DUSHANBE_RECORD))
    # then
    out = capsys.readouterr().out
    assert "created: organizations.MemberState × 7" in out
    assert "created: meetings.Session × 3" in out
    assert out.rstrip().endswith("nothing changed")


@pytest.mark.django_db
def test_record_check_reports_counts(capsys):
    call_command("charter", "load", str(CSTO_CHARTER))
    call_command("record", "check", str(DUSHANBE_RECORD))
    assert "sessions: 3, documents: 12" in capsys.readouterr().out


def test_unknown_action_is_refused():
    result = run("charter", "burn", str(CSTO_CHARTER))
    assert result.returncode != 0
    assert "invalid choice" in result.stderr


@pytest.mark.django_db
def test_a_charter_cannot_drop_a_state_that_records_refer_to(broken):
    # given: the record's sessions refer to Uzbekistan, and a new charter leaves it out
    call_command("charter", "load", str(CSTO_CHARTER))
    call_command("record", "load", str(DUSHANBE_RECORD))
    text = CSTO_CHARTER.read_text(encoding="utf-8")
    start = text.index("  - code: UZB")
    end = text.index("\n\n", start)
    path = broken(CSTO_CHARTER, text[start:end], "")
    # when
    with pytest.raises(CommandError) as caught:
        call_command("charter", "load", str(path))
    # then
    message = str(caught.value)
    assert "Uzbekistan can no longer be removed" in message
    assert "attendance" in message
    assert Organization.objects.get().states.filter(code="UZB").exists()
