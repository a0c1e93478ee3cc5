"""Template tags about the user who is logged in."""

from __future__ import annotations

from django import template

from secretariat.accounts.access import AnyUser, roles_of
from secretariat.accounts.models import RoleAssignment

register = template.Library()


@register.simple_tag
def user_roles(user: AnyUser) -> list[RoleAssignment]:
    """Return the user's roles, for the page header (one query, none when logged out)."""
    return list(roles_of(user))
