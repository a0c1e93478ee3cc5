"""Fetching organizations and bodies for a page. Both are public: anybody may see them."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import Http404

from secretariat.organizations.models import Body, MemberState, Organization


def access_organization_by_code(code: str) -> Organization:
    """Return the organization with that code, or raise ``Http404``."""
    try:
        return Organization.objects.get(code=code)
    except Organization.DoesNotExist:
        raise Http404 from None


def access_body_by_code(organization: Organization, code: str) -> Body:
    """Return the organization's body with that code (and whom it reports to), or ``Http404``."""
    try:
        return Body.objects.select_related("reports_to").get(organization=organization, code=code)
    except Body.DoesNotExist:
        raise Http404 from None


def states_by_code(organization: Organization, codes: Iterable[str]) -> list[MemberState]:
    """The organization's states with those codes, in code order; unknown codes are left out."""
    return list(
        MemberState.objects.filter(organization=organization, code__in=list(codes)).order_by("code")
    )


def bodies_by_code(organization: Organization, codes: Iterable[str]) -> list[Body]:
    """The organization's bodies with those codes, in their order; unknown codes are left out."""
    return list(Body.objects.filter(organization=organization, code__in=list(codes)))
