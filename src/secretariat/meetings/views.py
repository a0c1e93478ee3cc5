"""The session page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from secretariat.meetings.access import access_session_by_code
from secretariat.meetings.querysets import session_page, session_page_queryset
from secretariat.organizations.access import access_organization_by_code


def session_detail(request: HttpRequest, organization_code: str, session_code: str) -> HttpResponse:
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code, queryset=session_page_queryset())
    page = session_page(request.user, session)
    return render(
        request,
        "meetings/session_detail.html",
        {
            "organization": organization,
            "session": session,
            "agenda": page.agenda,
            "documents_adopted": page.documents_adopted,
        },
    )
