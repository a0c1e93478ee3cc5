"""Who a user is in an organization: the secretariat, or the delegation of some states.

The helpers that return expressions (``Exists``) let callers fold the role check into
their own query, so a permission check costs no query of its own.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from secretariat.accounts.models import STATE_ROLES, Role, RoleAssignment
from secretariat.organizations.models import Organization

#: Roles held on behalf of the organization's secretariat: they see all of its documents.
#: The Secretary General heads the secretariat.
SECRETARIAT_ROLES = frozenset({Role.ADMINISTRATOR, Role.OFFICER, Role.SECRETARY_GENERAL})

AnyUser = AbstractBaseUser | AnonymousUser


def acting_user_id(user: AnyUser) -> int:
    """The id of the logged-in user taking an action; nobody else acts."""
    if user.pk is None:
        raise PermissionDenied
    return int(user.pk)


def roles_of(user: AnyUser) -> QuerySet[RoleAssignment]:
    """Return the roles the user holds, in every organization, ready to be listed."""
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return RoleAssignment.objects.none()
    return RoleAssignment.objects.filter(user_id=user.pk).select_related("organization", "state")


def holds_secretariat_role(user: AbstractBaseUser, organization: Organization | OuterRef) -> Exists:
    """Match when the (logged-in) user is an administrator or officer of the organization."""
    # A Q object, as django-stubs types the ``organization`` lookup without expressions.
    return Exists(
        RoleAssignment.objects.filter(
            Q(organization=organization), user_id=user.pk, role__in=sorted(SECRETARIAT_ROLES)
        )
    )


def is_secretariat(user: AnyUser, organization: Organization) -> bool:
    """Tell whether the user works for the organization's secretariat.

    One query at most per user object and organization: a page asks several times (may it
    edit, assign a symbol, manage sponsors...), and the answer is kept on the request's user.
    """
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False):
        return True
    answers: dict[int, bool] = user.__dict__.setdefault("_secretariat_of", {})
    if organization.pk not in answers:
        answers[organization.pk] = RoleAssignment.objects.filter(
            user_id=user.pk, organization=organization, role__in=sorted(SECRETARIAT_ROLES)
        ).exists()
    return answers[organization.pk]


def states_represented(user: AnyUser, organization: Organization) -> set[int]:
    """Return the ids of the states whose delegation the user belongs to (one query at most)."""
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return set()
    return set(
        RoleAssignment.objects.filter(
            user_id=user.pk, organization=organization, role__in=sorted(STATE_ROLES)
        ).values_list("state_id", flat=True)
    )


def states_headed(user: AnyUser, organization: Organization) -> set[int]:
    """Return the ids of the states whose head of delegation the user is (one query at most).

    What a state says or does (its position, a report on an instruction) is its head's to give.
    """
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return set()
    return set(
        RoleAssignment.objects.filter(
            user_id=user.pk, organization=organization, role=Role.HEAD_OF_DELEGATION
        ).values_list("state_id", flat=True)
    )
