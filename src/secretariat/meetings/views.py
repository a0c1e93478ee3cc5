"""The session page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from secretariat.accounts.access import is_secretariat
from secretariat.meetings.access import access_attendance, access_session_by_code
from secretariat.meetings.models import Credentials
from secretariat.meetings.querysets import session_page, session_page_queryset
from secretariat.meetings.services import do_set_credentials
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
            "page": page,
            "credentials": Credentials.choices,
            "records_credentials": is_secretariat(request.user, organization),
        },
    )


@require_POST
@login_required
def session_credentials(
    request: HttpRequest, organization_code: str, session_code: str
) -> HttpResponse:
    """The secretariat records the state of one delegation's credentials."""
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code)
    attendance = access_attendance(session, request.POST.get("state", ""))
    try:
        do_set_credentials(request.user, attendance, request.POST.get("credentials", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            gettext("Credentials of %(state)s: %(credentials)s.")
            % {
                "state": attendance.state.short_name,
                "credentials": attendance.get_credentials_display(),
            },
        )
    return redirect("meetings:session-detail", organization.code, session.code)
