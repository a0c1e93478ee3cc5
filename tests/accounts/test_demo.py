"""The demo: one command prepares a database with the CSTO, the record and demo accounts."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from secretariat.accounts.models import Role, RoleAssignment, User
from secretariat.documents.models import Document
from secretariat.meetings.models import Session

pytestmark = pytest.mark.django_db


def test_demo_without_serving_prepares_everything_and_says_so_loudly(capsys):
    # when
    call_command("demo", "--no-serve")
    # then
    out = capsys.readouterr().out
    assert "DEMO ACCOUNTS" in out
    assert "Never" in out
    assert Session.objects.filter(code="cfm-cdm-cssc-2021-09-15").exists()
    assert Document.objects.count() == 12
    usernames = set(User.objects.values_list("username", flat=True))
    assert {"admin", "officer", "arm-head", "arm-delegate", "rus-head", "rus-delegate"} <= usernames
    assert len(usernames) == 2 + 2 * 7


def test_demo_accounts_log_in_with_the_password_demo_and_hold_their_roles():
    call_command("demo", "--no-serve")
    assert authenticate(username="arm-head", password="demo") is not None
    assert authenticate(username="admin", password="demo").is_superuser
    assert RoleAssignment.objects.get(user__username="arm-head").role == Role.HEAD_OF_DELEGATION
    assert RoleAssignment.objects.get(user__username="rus-delegate").state.code == "RUS"
    assert RoleAssignment.objects.get(user__username="officer").state is None
    assert User.objects.get(username="officer").is_staff


def test_demo_twice_keeps_one_account_per_role():
    call_command("demo", "--no-serve")
    call_command("demo", "--no-serve")
    assert RoleAssignment.objects.filter(user__username="arm-head").count() == 1


@pytest.mark.parametrize("port", ["0", "70000"])
def test_demo_refuses_an_impossible_port(port):
    with pytest.raises(CommandError, match="--port"):
        call_command("demo", "--no-serve", "--port", port)
