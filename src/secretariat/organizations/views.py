"""The organization and body pages. Anybody may see them; documents are not shown here."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from secretariat.organizations.access import access_body_by_code, access_organization_by_code
from secretariat.organizations.display import matters_display, rule_display
from secretariat.organizations.querysets import (
    bodies_of,
    body_tree,
    current_chairmanship,
    next_chairmanships,
    recent_sessions,
    sessions_of_body,
    states_by_status,
)


def organization_default(request: HttpRequest) -> HttpResponse:
    """Send the site root to the page of the default organization."""
    return redirect("organizations:organization-detail", settings.SECRETARIAT_DEFAULT_ORGANIZATION)


def organization_detail(request: HttpRequest, organization_code: str) -> HttpResponse:
    organization = access_organization_by_code(organization_code)
    today = timezone.localdate()
    rule = organization.chairmanship_rule
    return render(
        request,
        "organizations/organization_detail.html",
        {
            "organization": organization,
            "today": today,
            "states": states_by_status(organization, today),
            "body_tree": body_tree(bodies_of(organization)),
            "chairmanship": current_chairmanship(organization, today),
            "next_chairmanships": next_chairmanships(organization, today),
            "chairmanship_rule": rule_display(rule) if rule else None,
            "sessions": recent_sessions(organization),
        },
    )


def body_detail(request: HttpRequest, organization_code: str, body_code: str) -> HttpResponse:
    organization = access_organization_by_code(organization_code)
    body = access_body_by_code(organization, body_code)
    return render(
        request,
        "organizations/body_detail.html",
        {
            "organization": organization,
            "body": body,
            "matters": matters_display(body.decision_rules),
            "chair_rule": rule_display(body.chair_rule) if body.chair_rule else None,
            "sessions": sessions_of_body(body),
        },
    )
