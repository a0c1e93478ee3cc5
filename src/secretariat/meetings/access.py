"""Fetching sessions and requests for sessions.

Sessions are public, proposed ones included (their page says they await confirmation);
what they show of documents is not (see :mod:`secretariat.documents.access`).

Requests for sessions (an extraordinary session, collective assistance under Article 4)
and their urgent paths: the secretariat and the delegations of the member states see them
all; the public, and users with no role, see a request only once the session convened
from it is public (convened, not a proposal). See :func:`visible_requests`.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from secretariat.accounts.access import AnyUser, is_secretariat, states_represented
from secretariat.documents.access import visible_documents
from secretariat.documents.models import Document, DocumentStatus
from secretariat.meetings.models import (
    Agenda,
    AgendaItem,
    Attendance,
    Session,
    SessionRequest,
    SessionStatus,
    UrgentStep,
)
from secretariat.organizations.models import (
    Chairmanship,
    MemberState,
    Organization,
    in_force_on,
)
from secretariat.rules.participation import MEMBERSHIP_STATUSES

#: Documents still to be decided on, which a session can take up.
DRAFT_STATUSES = frozenset(
    {DocumentStatus.DRAFT, DocumentStatus.UNDER_NEGOTIATION, DocumentStatus.AGREED}
)


def access_session_by_code(
    organization: Organization, code: str, *, queryset: QuerySet[Session] | None = None
) -> Session:
    """Return the organization's session with that code, or raise ``Http404``."""
    sessions = Session.objects.all() if queryset is None else queryset
    try:
        return sessions.get(organization=organization, code=code)
    except Session.DoesNotExist:
        raise Http404 from None


def access_attendance(session: Session, state_code: str) -> Attendance:
    """Return the session's attendance of the state with that code, or raise ``Http404``."""
    try:
        return Attendance.objects.select_related("state", "session__organization").get(
            session=session, state__code=state_code
        )
    except Attendance.DoesNotExist:
        raise Http404 from None


# ----------------------------------------------------------------------------- requests


def sees_all_requests(user: AnyUser, organization: Organization) -> bool:
    """Tell whether the user sees every request: the secretariat and the delegations of the
    organization's members today do (suspended or frozen included; an observer's or a
    partner's do not)."""
    if is_secretariat(user, organization):
        return True
    represented = states_represented(user, organization)
    return bool(represented) and (
        MemberState.objects.filter(
            in_force_on(timezone.localdate(), prefix="periods__"),
            pk__in=represented,
            periods__status__in=sorted(MEMBERSHIP_STATUSES),
        ).exists()
    )


def visible_requests(user: AnyUser, organization: Organization) -> QuerySet[SessionRequest]:
    """The organization's requests for sessions that the user may see, newest first.

    The secretariat and the delegations of the member states see every request, with its
    urgent path. Anybody else (the public, a user with no role) sees a request only once
    the session convened from it is public: convened, and no longer a mere proposal.
    """
    requests = SessionRequest.objects.filter(organization=organization)
    if not sees_all_requests(user, organization):
        requests = requests.filter(session__isnull=False, session__is_proposed=False).exclude(
            session__status=SessionStatus.PLANNED
        )
    return requests.select_related("body", "session").prefetch_related("requested_by")


def access_request(user: AnyUser, organization: Organization, request_id: int) -> SessionRequest:
    """Return the request if the user may see it, with its steps; otherwise raise ``Http404``."""
    try:
        return (
            visible_requests(user, organization)
            .prefetch_related(
                Prefetch("steps", queryset=UrgentStep.objects.select_related("session"))
            )
            .get(pk=request_id)
        )
    except SessionRequest.DoesNotExist:
        raise Http404 from None


def proposed_sessions(organization: Organization) -> QuerySet[Session]:
    """The sessions Secretariat proposed that await the secretariat's confirmation."""
    return (
        Session.objects.filter(organization=organization, is_proposed=True)
        .select_related("host_state")
        .prefetch_related("bodies")
        .order_by("start_on", "code")
    )


def latest_chairmanship(organization: Organization) -> Chairmanship | None:
    """The chairmanship that begins last: the one whose sessions are proposed next."""
    return (
        Chairmanship.objects.filter(organization=organization)
        .select_related("state", "organization")
        .order_by("-start_on")
        .first()
    )


def states_taking_part(organization: Organization, on: date) -> list[MemberState]:
    """The member states taking part in decisions on the day, in code order (for forms)."""
    return list(
        MemberState.objects.filter(organization=organization).participating_on(on).order_by("code")
    )


def access_agenda(session: Session) -> Agenda:
    """Return the session's agenda, or raise ``Http404`` when it has none yet."""
    try:
        return Agenda.objects.select_related("session__organization").get(session=session)
    except Agenda.DoesNotExist:
        raise Http404 from None


def agenda_items_shown(user: AnyUser, session: Session) -> list[AgendaItem]:
    """The session's agenda items, each with only the documents the user may see."""
    documents = visible_documents(user, Document.objects.prefetch_related("texts"))
    return list(
        AgendaItem.objects.filter(agenda__session=session)
        .prefetch_related(Prefetch("documents", queryset=documents))
        .order_by("number")
    )


def documents_to_put_on_agenda(user: AnyUser, session: Session) -> list[Document]:
    """Drafts the user may see that the session could consider, not on its agenda yet."""
    drafts = visible_documents(user, Document.objects.prefetch_related("texts"))
    return list(
        drafts.filter(organization=session.organization, status__in=sorted(DRAFT_STATUSES))
        .exclude(agenda_items__agenda__session=session)
        .order_by("code")
    )


def sessions_approving_agendas(session: Session) -> list[Session]:
    """Sessions of the organization that may have approved the session's agenda: up to it."""
    return list(
        Session.objects.filter(
            organization=session.organization, start_on__lte=session.end_on
        ).order_by("-start_on", "code")[:20]
    )
