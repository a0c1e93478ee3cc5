"""Who a user is in an organization, ``secretariat.accounts.access``."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from secretariat.accounts.access import is_secretariat, roles_of, states_represented
from tests.factories import make_organization


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("secretariat_administrator", True),
        ("secretariat_officer", True),
        ("superuser", True),
        ("armenia_head", False),
        ("kazakhstan_delegate", False),
        ("no_role", False),
    ],
)
def test_is_secretariat(dushanbe, persona, expected):
    # when / then
    assert is_secretariat(dushanbe.users[persona], dushanbe.organization) is expected


def test_the_public_is_not_the_secretariat_and_represents_no_state(dushanbe):
    # given
    public = AnonymousUser()

    # when / then
    assert is_secretariat(public, dushanbe.organization) is False
    assert states_represented(public, dushanbe.organization) == set()
    assert list(roles_of(public)) == []


@pytest.mark.parametrize(
    ("persona", "codes"),
    [
        ("armenia_head", {"ARM"}),
        ("armenia_delegate", {"ARM"}),
        ("kazakhstan_delegate", {"KAZ"}),
        ("secretariat_officer", set()),
    ],
)
def test_states_represented(dushanbe, persona, codes):
    # when
    state_ids = states_represented(dushanbe.users[persona], dushanbe.organization)

    # then
    assert state_ids == {dushanbe.states[code].pk for code in codes}


def test_roles_count_only_in_their_own_organization(dushanbe):
    # given
    other = make_organization("other")

    # when / then
    assert is_secretariat(dushanbe.users["secretariat_officer"], other) is False
    assert states_represented(dushanbe.users["armenia_head"], other) == set()


def test_roles_of_lists_the_users_roles_in_one_query(dushanbe, django_assert_num_queries):
    # given
    user = dushanbe.users["armenia_head"]

    # when
    with django_assert_num_queries(1):
        roles = [(role.role, role.state.code, role.organization.code) for role in roles_of(user)]

    # then
    assert roles == [("head-of-delegation", "ARM", "csto")]
