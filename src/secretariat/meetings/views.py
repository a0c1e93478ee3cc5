"""The session page; handing over the chairmanship, proposed sessions, requests for sessions."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from secretariat.accounts.access import is_secretariat
from secretariat.documents.access import access_document_by_code
from secretariat.meetings.access import (
    access_agenda,
    access_attendance,
    access_request,
    access_session_by_code,
    agenda_items_shown,
    documents_to_put_on_agenda,
    latest_chairmanship,
    proposed_sessions,
    sees_all_requests,
    sessions_approving_agendas,
    states_taking_part,
    visible_requests,
)
from secretariat.meetings.models import (
    Credentials,
    RequestKind,
    SessionMode,
    SessionRequest,
    SessionStatus,
    StepKind,
)
from secretariat.meetings.querysets import session_page, session_page_queryset
from secretariat.meetings.services import (
    NEXT_SESSION_STATUS,
    do_approve_agenda,
    do_confirm_session,
    do_convene_session,
    do_hand_over_chairmanship,
    do_move_session_on,
    do_propose_next_sessions,
    do_put_on_agenda,
    do_record_urgent_step,
    do_request_session,
    do_set_credentials,
    may_request_for,
)
from secretariat.organizations.access import (
    access_body_by_code,
    access_organization_by_code,
    bodies_by_code,
    states_by_code,
)
from secretariat.organizations.models import Organization

#: How the forms' fields are named in error messages.
FIELD_LABELS = {
    "session": gettext_lazy("Session"),
    "state": gettext_lazy("State"),
    "states": gettext_lazy("Requesting states"),
    "decision": gettext_lazy("Decision"),
    "organization": gettext_lazy("Organization"),
    "start_on": gettext_lazy("Opens on"),
    "end_on": gettext_lazy("Closes on"),
    "requested_on": gettext_lazy("Requested on"),
    "kind": gettext_lazy("Kind"),
    "body": gettext_lazy("Body"),
    "mode": gettext_lazy("Mode"),
    "request": gettext_lazy("Request"),
    "step": gettext_lazy("Step"),
    "completed_at": gettext_lazy("Completed at"),
    "started_at": gettext_lazy("Started at"),
}


def _report(request: HttpRequest, error: ValidationError) -> None:
    """Show a service's refusal, each message after the name of the field it concerns."""
    if not hasattr(error, "error_dict"):
        messages.error(request, " ".join(error.messages))
        return
    for field, errors in error.message_dict.items():
        for message in errors:
            messages.error(request, f"{FIELD_LABELS.get(field, field)}: {message}")


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _moment(value: str, organization: Organization) -> datetime | None:
    """A date and time typed in a form, at the organization's seat."""
    try:
        moment = datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(organization.timezone))
    return moment


def session_detail(request: HttpRequest, organization_code: str, session_code: str) -> HttpResponse:
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code, queryset=session_page_queryset())
    page = session_page(request.user, session)
    secretariat = is_secretariat(request.user, organization)
    hands_over = (
        secretariat
        and session.chairmanship_handover_id is None
        and session.status in {SessionStatus.OPEN, SessionStatus.CLOSED}
    )
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
            "records_credentials": secretariat,
            # The form costs the secretariat one query: the states that may take the chair.
            "hands_over": hands_over,
            "next_status": NEXT_SESSION_STATUS.get(SessionStatus(session.status))
            if secretariat
            else None,
            "handover_states": states_taking_part(organization, session.end_on)
            if hands_over
            else [],
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


@require_POST
@login_required
def session_status(request: HttpRequest, organization_code: str, session_code: str) -> HttpResponse:
    """The secretariat records that the session is convened, opened or closed."""
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code)
    try:
        do_move_session_on(request.user, session, request.POST.get("status", ""))
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request,
            gettext("The session is %(status)s.") % {"status": session.get_status_display()},
        )
    return redirect(session)


@require_POST
@login_required
def session_handover(
    request: HttpRequest, organization_code: str, session_code: str
) -> HttpResponse:
    """The secretariat records the handover of the chairmanship, then proposes its sessions."""
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code)
    code = request.POST.get("state", "")
    state = next(iter(states_by_code(organization, [code])), None) if code else None
    try:
        chairmanship = do_hand_over_chairmanship(
            request.user, session, state=state, decision=request.POST.get("decision", "")
        )
    except ValidationError as error:
        _report(request, error)
        return redirect(session)
    messages.success(
        request,
        gettext("The chairmanship passes to %(state)s from %(date)s.")
        % {"state": chairmanship.state.short_name, "date": date_format(chairmanship.start_on)},
    )
    try:
        proposed = do_propose_next_sessions(request.user, chairmanship)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request,
            gettext("Sessions proposed for confirmation: %(count)s.") % {"count": len(proposed)},
        )
    return redirect(session)


@login_required
def session_proposed(request: HttpRequest, organization_code: str) -> HttpResponse:
    """The sessions Secretariat proposed, for the secretariat to confirm (or to propose)."""
    organization = access_organization_by_code(organization_code)
    if not is_secretariat(request.user, organization):
        raise PermissionDenied
    chairmanship = latest_chairmanship(organization)
    if request.method == "POST":
        if chairmanship is None:
            messages.error(request, gettext("No chairmanship is recorded."))
        else:
            try:
                proposed = do_propose_next_sessions(request.user, chairmanship)
            except ValidationError as error:
                _report(request, error)
            else:
                messages.success(
                    request,
                    gettext("Sessions proposed for confirmation: %(count)s.")
                    % {"count": len(proposed)},
                )
        return redirect("meetings:session-proposed", organization.code)
    return render(
        request,
        "meetings/session_proposed.html",
        {
            "organization": organization,
            "sessions": proposed_sessions(organization),
            "chairmanship": chairmanship,
        },
    )


@require_POST
@login_required
def session_confirm(
    request: HttpRequest, organization_code: str, session_code: str
) -> HttpResponse:
    """The secretariat confirms a proposed session, with its days and venue."""
    organization = access_organization_by_code(organization_code)
    session = access_session_by_code(organization, session_code)
    start_on = _date(request.POST.get("start_on", ""))
    if start_on is None:
        if not is_secretariat(request.user, organization):
            raise PermissionDenied
        messages.error(
            request, f"{FIELD_LABELS['start_on']}: {gettext('Give a date written YYYY-MM-DD.')}"
        )
        return redirect("meetings:session-proposed", organization.code)
    try:
        do_confirm_session(
            request.user,
            session,
            start_on=start_on,
            end_on=_date(request.POST.get("end_on", "")),
            venue={
                language: request.POST.get(f"venue_{language}", "").strip()
                for language in ("en", "ru")
            },
        )
    except ValidationError as error:
        _report(request, error)
        return redirect("meetings:session-proposed", organization.code)
    messages.success(request, gettext("Session confirmed."))
    return redirect(session)


# ----------------------------------------------------------------------------- requests


def request_list(request: HttpRequest, organization_code: str) -> HttpResponse:
    """Requests for sessions the user may see; the form to make one, for those who may."""
    organization = access_organization_by_code(organization_code)
    allowed = may_request_for(request.user, organization)
    if request.method == "POST":
        return _request_create(request, organization, allowed)
    may_request = allowed is None or bool(allowed)
    states = states_taking_part(organization, timezone.localdate()) if may_request else []
    if allowed is not None:
        states = [state for state in states if state.pk in allowed]
    return render(
        request,
        "meetings/request_list.html",
        {
            "organization": organization,
            "requests": visible_requests(request.user, organization),
            "sees_all": sees_all_requests(request.user, organization),
            "may_request": may_request,
            "states": states,
            "bodies": organization.bodies.order_by("position", "code") if may_request else [],
            "kinds": RequestKind.choices,
            "today": timezone.localdate(),
        },
    )


def _request_create(
    request: HttpRequest, organization: Organization, allowed: set[int] | None
) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if allowed is not None and not allowed:
        raise PermissionDenied
    requested_on = _date(request.POST.get("requested_on", ""))
    if requested_on is None:
        messages.error(
            request,
            f"{FIELD_LABELS['requested_on']}: {gettext('Give a date written YYYY-MM-DD.')}",
        )
        return redirect("meetings:request-list", organization.code)
    body_code = request.POST.get("body", "")
    try:
        created = do_request_session(
            request.user,
            organization,
            states=states_by_code(organization, request.POST.getlist("states")),
            requested_on=requested_on,
            reason=request.POST.get("reason", ""),
            kind=request.POST.get("kind", RequestKind.EXTRAORDINARY_SESSION),
            body=access_body_by_code(organization, body_code) if body_code else None,
        )
    except ValidationError as error:
        _report(request, error)
        return redirect("meetings:request-list", organization.code)
    messages.success(request, gettext("The request is recorded."))
    return redirect(created)


def request_detail(request: HttpRequest, organization_code: str, request_id: int) -> HttpResponse:
    """A request with the steps of its urgent path and their timestamps."""
    organization = access_organization_by_code(organization_code)
    session_request = access_request(request.user, organization, request_id)
    steps = list(session_request.steps.all())
    pending = next((step for step in steps if not step.is_recorded), None)
    return render(
        request,
        "meetings/request_detail.html",
        {
            "organization": organization,
            "session_request": session_request,
            "steps": steps,
            "pending": pending,
            "records_steps": is_secretariat(request.user, organization),
            "step_kind_session": StepKind.SESSION,
            "modes": SessionMode.choices,
        },
    )


def _own_request(request: HttpRequest, organization_code: str, request_id: int) -> SessionRequest:
    """The request, for the secretariat's forms: 404 to those who may not see it."""
    organization = access_organization_by_code(organization_code)
    return access_request(request.user, organization, request_id)


@require_POST
@login_required
def request_step(request: HttpRequest, organization_code: str, request_id: int) -> HttpResponse:
    """The secretariat timestamps one step of the request's urgent path."""
    session_request = _own_request(request, organization_code, request_id)
    organization = session_request.organization
    if not is_secretariat(request.user, organization):
        raise PermissionDenied
    completed_at = _moment(request.POST.get("completed_at", ""), organization)
    if completed_at is None:
        messages.error(
            request,
            f"{FIELD_LABELS['completed_at']}: {gettext('Give a date and a time.')}",
        )
        return redirect(session_request)
    try:
        do_record_urgent_step(
            request.user,
            session_request,
            request.POST.get("step", ""),
            completed_at=completed_at,
            started_at=_moment(request.POST.get("started_at", ""), organization),
            note=request.POST.get("note", ""),
            reference=request.POST.get("reference", ""),
        )
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, gettext("Step recorded."))
    return redirect(session_request)


@require_POST
@login_required
def request_convene(request: HttpRequest, organization_code: str, request_id: int) -> HttpResponse:
    """The secretariat convenes the extraordinary session the request asked for."""
    session_request = _own_request(request, organization_code, request_id)
    if not is_secretariat(request.user, session_request.organization):
        raise PermissionDenied
    start_on = _date(request.POST.get("start_on", ""))
    if start_on is None:
        messages.error(
            request, f"{FIELD_LABELS['start_on']}: {gettext('Give a date written YYYY-MM-DD.')}"
        )
        return redirect(session_request)
    try:
        session = do_convene_session(
            request.user,
            session_request,
            start_on=start_on,
            end_on=_date(request.POST.get("end_on", "")),
            mode=request.POST.get("mode", SessionMode.IN_PERSON),
        )
    except ValidationError as error:
        _report(request, error)
        return redirect(session_request)
    messages.success(request, gettext("Session convened."))
    return redirect(session)


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
