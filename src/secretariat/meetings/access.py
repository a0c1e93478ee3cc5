"""Fetching sessions. Sessions are public; what they show of documents is not (see
:mod:`secretariat.documents.access`)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from secretariat.accounts.access import AnyUser
from secretariat.documents.access import visible_documents
from secretariat.documents.models import Document, DocumentStatus
from secretariat.meetings.models import Agenda, AgendaItem, Attendance, Session
from secretariat.organizations.models import Organization

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
    drafts = Document.objects.filter(
        organization=session.organization, status__in=sorted(DRAFT_STATUSES)
    ).exclude(agenda_items__agenda__session=session)
    return list(visible_documents(user, drafts.prefetch_related("texts")).order_by("code"))


def sessions_approving_agendas(session: Session) -> list[Session]:
    """Sessions of the organization that may have approved the session's agenda: up to it."""
    return list(
        Session.objects.filter(
            organization=session.organization, start_on__lte=session.end_on
        ).order_by("-start_on", "code")[:20]
    )
