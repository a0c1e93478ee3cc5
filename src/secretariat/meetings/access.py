"""Fetching sessions. Sessions are public; what they show of documents is not (see
:mod:`secretariat.documents.access`)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from secretariat.meetings.models import Attendance, Session
from secretariat.organizations.models import Organization


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
