"""State changes of sessions, each one service: permission, validation, one transaction, audit."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, is_secretariat
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.documents.models import Classification, Document
from secretariat.meetings.models import (
    Agenda,
    AgendaItem,
    AgendaStatus,
    Attendance,
    Credentials,
    Session,
    SessionStatus,
)
from secretariat.organizations.models import Body


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


def do_put_on_agenda(
    user: AnyUser, session: Session, document: Document, *, titles: dict[str, str] | None = None
) -> AgendaItem:
    """The secretariat submits a document to a session: a new item of its draft agenda.

    The item is titled after a public document unless titles are given; the title of a
    restricted one would give it away on the public agenda, so its item needs its own. The
    agenda is created when the session has none yet. An approved agenda takes no new item,
    and a document is on an agenda once.
    """
    organization = session.organization
    if not is_secretariat(user, organization):
        raise PermissionDenied
    if document.organization_id != organization.pk:
        raise PermissionDenied
    if session.status == SessionStatus.CLOSED:
        raise ValidationError(_("This session is closed: its agenda no longer changes."))
    titles = {
        language: title.strip() for language, title in (titles or {}).items() if title.strip()
    }
    if not titles and document.classification != Classification.PUBLIC:
        raise ValidationError(_("Give the item a title: the document's own title is not public."))
    with transaction.atomic():
        agenda, _created = Agenda.objects.select_for_update().get_or_create(session=session)
        if agenda.status == AgendaStatus.APPROVED:
            raise ValidationError(_("The agenda is approved: it takes no new item."))
        if agenda.items.filter(documents=document).exists():
            raise ValidationError(_("This document is already on the agenda."))
        number = (agenda.items.aggregate(last=Max("number"))["last"] or 0) + 1
        item = AgendaItem.objects.create(
            agenda=agenda,
            number=number,
            titles=titles or {text.language: text.title for text in document.texts.all()},
        )
        item.documents.add(document)
        record_event(
            EventType.AGENDA_ITEM_ADDED,
            target=f"{organization.code}/sessions/{session.code}",
            actor=user,
            extra={"item": number, "document": document.code},
        )
    return item


def do_approve_agenda(
    user: AnyUser, agenda: Agenda, *, at: Session, bodies: list[Body], on: date
) -> None:
    """Record that bodies meeting at a session approved the agenda (of the same or a later
    session: in Dushanbe the ministers approved the next day's agenda of the CSC)."""
    organization = agenda.session.organization
    if not is_secretariat(user, organization):
        raise PermissionDenied
    if at.organization_id != organization.pk:
        raise PermissionDenied
    if agenda.status == AgendaStatus.APPROVED:
        raise ValidationError(_("The agenda is already approved."))
    if not bodies:
        raise ValidationError(_("Name the body or bodies that approved the agenda."))
    meeting = {body.pk for body in at.bodies.all()}
    strangers = [body.acronym for body in bodies if body.pk not in meeting]
    if strangers:
        raise ValidationError(
            _("%(bodies)s did not meet at %(session)s.")
            % {"bodies": ", ".join(strangers), "session": at.title}
        )
    if not at.start_on <= on <= at.end_on:
        raise ValidationError(
            _("%(session)s met from %(start)s to %(end)s: the approval falls in those days.")
            % {"session": at.title, "start": at.start_on, "end": at.end_on}
        )
    with transaction.atomic():
        Agenda.objects.filter(pk=agenda.pk).update(
            status=AgendaStatus.APPROVED, approved_at=at, approved_on=on
        )
        agenda.approved_by.set(bodies)
        record_event(
            EventType.AGENDA_APPROVED,
            target=f"{organization.code}/sessions/{agenda.session.code}",
            actor=user,
            extra={
                "at": at.code,
                "bodies": sorted(body.code for body in bodies),
                "on": on.isoformat(),
            },
        )
    agenda.status, agenda.approved_at, agenda.approved_on = AgendaStatus.APPROVED, at, on
