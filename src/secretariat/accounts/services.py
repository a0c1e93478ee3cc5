"""Writes to users and roles."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db import transaction

from secretariat.accounts.models import Role, RoleAssignment, User
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.organizations.models import Organization

DEMO_PASSWORD = "demo"  # noqa: S105 -- the published password of the demo accounts, by design

#: Apps whose records the secretariat officer keeps through the Django admin.
OFFICER_APPS = ("organizations", "meetings", "documents")


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    state_code: str = ""


def demo_accounts(organization: Organization) -> list[DemoAccount]:
    """One account per role: ``admin``, ``officer``, ``sg`` (where the Secretary General
    signs), and a head and a delegate per state."""
    accounts = [
        DemoAccount("admin", Role.ADMINISTRATOR),
        DemoAccount("officer", Role.OFFICER),
    ]
    if organization.secretary_general_signs:
        accounts.append(DemoAccount("sg", Role.SECRETARY_GENERAL))
    for state in organization.states.order_by("code"):
        code = state.code.lower()
        accounts += [
            DemoAccount(f"{code}-head", Role.HEAD_OF_DELEGATION, state.code),
            DemoAccount(f"{code}-delegate", Role.DELEGATE, state.code),
        ]
    return accounts


@transaction.atomic(durable=True)
def do_create_demo_users(organization: Organization) -> list[DemoAccount]:
    """Create (or reset) the demo accounts, all with the password ``demo``.

    Only for demonstration databases: the accounts and their password are public.
    """
    accounts = demo_accounts(organization)
    states = {state.code: state for state in organization.states.all()}
    officer_permissions = list(Permission.objects.filter(content_type__app_label__in=OFFICER_APPS))
    for account in accounts:
        user, _created = User.objects.get_or_create(username=account.username)
        user.is_staff = account.role in {Role.ADMINISTRATOR, Role.OFFICER}
        user.is_superuser = account.role == Role.ADMINISTRATOR
        user.set_password(DEMO_PASSWORD)
        user.save()
        if account.role == Role.OFFICER:
            user.user_permissions.set(officer_permissions)
        RoleAssignment.objects.get_or_create(
            user=user,
            organization=organization,
            role=account.role,
            state=states.get(account.state_code),
        )
    record_event(
        EventType.DEMO_USERS_CREATED,
        target=f"organization:{organization.code}",
        actor_label="demo",
        extra={"usernames": [account.username for account in accounts]},
    )
    return accounts
