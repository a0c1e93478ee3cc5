"""State changes of sessions, each one service: permission, validation, one transaction, audit."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, is_secretariat
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.meetings.models import Attendance, Credentials


def do_set_credentials(user: AnyUser, attendance: Attendance, credentials: str) -> None:
    """The secretariat records what it received or accepted of a delegation's full powers."""
    session = attendance.session
    if not is_secretariat(user, session.organization):
        raise PermissionDenied
    if credentials not in Credentials.values:
        raise ValidationError(_("Unknown state of credentials."))
    with transaction.atomic():
        Attendance.objects.filter(pk=attendance.pk).update(credentials=credentials)
        record_event(
            EventType.CREDENTIALS_RECORDED,
            target=f"{session.organization.code}/sessions/{session.code}",
            actor=user,
            extra={"state": attendance.state.code, "credentials": credentials},
        )
    attendance.credentials = credentials
