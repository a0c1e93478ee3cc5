"""The session page and its agenda."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from secretariat.accounts.access import is_secretariat
from secretariat.documents.access import access_document_by_code
from secretariat.meetings.access import (
    access_agenda,
    access_attendance,
    access_session_by_code,
    agenda_items_shown,
    documents_to_put_on_agenda,
    sessions_approving_agendas,
)
from secretariat.meetings.models import Credentials
from secretariat.meetings.querysets import session_page, session_page_queryset
from secretariat.meetings.services import do_approve_agenda, do_put_on_agenda, do_set_credentials
from secretariat.organizations.access import access_organization_by_code, bodies_by_code


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


def session_agenda(request: HttpRequest, organization_code: str, session_code: str) -> HttpResponse:
    """The agenda of a session; the secretariat drafts it here and records its approval."""
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code, queryset=session_page_queryset())
    drafting = is_secretariat(request.user, organization)
    agenda = getattr(session, "agenda", None)
    return render(
        request,
        "meetings/session_agenda.html",
        {
            "organization": organization,
            "session": session,
            "agenda": agenda,
            "items": agenda_items_shown(request.user, session),
            "drafting": drafting,
            "candidates": documents_to_put_on_agenda(request.user, session) if drafting else [],
            "approving_sessions": sessions_approving_agendas(session) if drafting else [],
            "languages": settings.LANGUAGES,
        },
    )


@require_POST
@login_required
def agenda_item_add(
    request: HttpRequest, organization_code: str, session_code: str
) -> HttpResponse:
    """The secretariat submits a draft to the session: a new agenda item."""
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code)
    document = access_document_by_code(request.user, organization, request.POST.get("document", ""))
    try:
        item = do_put_on_agenda(
            request.user,
            session,
            document,
            titles={
                code: request.POST.get(f"title_{code}", "") for code, _name in settings.LANGUAGES
            },
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, gettext("Item %(number)s is on the agenda.") % {"number": item.number}
        )
    return redirect("meetings:session-agenda", organization.code, session.code)


@require_POST
@login_required
def agenda_approve(request: HttpRequest, organization_code: str, session_code: str) -> HttpResponse:
    """The secretariat records who approved the agenda, where and when."""
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code)
    agenda = access_agenda(session)
    at = access_session_by_code(organization, request.POST.get("at", ""))
    bodies = bodies_by_code(organization, request.POST.getlist("bodies"))
    try:
        on = date.fromisoformat(request.POST.get("on", ""))
    except ValueError:
        messages.error(request, gettext("Give the day of the approval as a date."))
        return redirect("meetings:session-agenda", organization.code, session.code)
    try:
        do_approve_agenda(request.user, agenda, at=at, bodies=bodies, on=on)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("The agenda is approved."))
    return redirect("meetings:session-agenda", organization.code, session.code)
