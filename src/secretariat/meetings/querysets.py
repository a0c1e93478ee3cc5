"""Read-side queries for the session page."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from secretariat.accounts.access import AnyUser
from secretariat.documents.access import visible_documents
from secretariat.documents.models import Document
from secretariat.meetings.models import (
    Agenda,
    AgendaItem,
    Attendance,
    DelegationMember,
    Presence,
    Session,
)
from secretariat.organizations.models import Body, MemberState, Office, in_force_on
from secretariat.rules.quorum import quorum_needed


def session_page_queryset() -> QuerySet[Session]:
    """Sessions with what their page shows through foreign keys, in the same query."""
    return Session.objects.select_related(
        "host_state",
        "chair_state",
        "chair_person",
        "chairmanship_handover__state",
        "agenda__approved_at",
    )


@dataclass(frozen=True, slots=True)
class Quorum:
    """A body's quorum at a session: states needed, and whether the states present make it."""

    body: Body
    needed: int
    met: bool


@dataclass(frozen=True, slots=True)
class SessionPage:
    """A session with everything its page shows loaded, and its agenda if it has one."""

    session: Session
    agenda: Agenda | None
    documents_adopted: list[Document]
    #: Member states taking part in decisions on the session's day, and those present.
    members: int = 0
    present: int = 0
    quorums: tuple[Quorum, ...] = ()


def session_page(user: AnyUser, session: Session) -> SessionPage:
    """Load what the session page shows, in a fixed number of queries.

    People's offices are those held on the session's opening day, as ``offices_on_date``;
    documents are only those the user may see, as ``visible_documents`` on agenda items.
    """
    offices = Office.objects.filter(in_force_on(session.start_on)).order_by("start_on")
    documents = visible_documents(user, Document.objects.prefetch_related("texts"))
    prefetch_related_objects(
        [session],
        "bodies",
        "requested_by",
        Prefetch("officials__offices", queryset=offices, to_attr="offices_on_date"),
        Prefetch("chair_person__offices", queryset=offices, to_attr="offices_on_date"),
        Prefetch(
            "attendances",
            queryset=Attendance.objects.select_related("state", "head").order_by("state__code"),
        ),
        Prefetch(
            "attendances__members",
            queryset=DelegationMember.objects.select_related("person").order_by("role", "pk"),
        ),
        Prefetch("attendances__head__offices", queryset=offices, to_attr="offices_on_date"),
        "agenda__approved_by",
        Prefetch("agenda__items", queryset=AgendaItem.objects.order_by("number")),
        Prefetch(
            "agenda__items__documents",
            queryset=documents.order_by("code"),
            to_attr="visible_documents",
        ),
        Prefetch(
            "agendas_approved",
            # Its own agenda, if approved at the session itself, is shown as the agenda.
            queryset=Agenda.objects.exclude(session=session)
            .select_related("session")
            .order_by("session__start_on", "session__code"),
        ),
        Prefetch(
            "documents_adopted",
            queryset=documents.select_related("adopted_at_item").order_by("code"),
            to_attr="visible_documents_adopted",
        ),
    )
    agenda: Agenda | None = getattr(session, "agenda", None)
    adopted: list[Document] = getattr(session, "visible_documents_adopted", [])
    members = set(
        MemberState.objects.filter(organization_id=session.organization_id)
        .participating_on(session.start_on)
        .values_list("pk", flat=True)
    )
    # One state is present once, whatever the size of its delegation.
    present = len(
        {
            attendance.state_id
            for attendance in session.attendances.all()
            if attendance.presence != Presence.ABSENT and attendance.state_id in members
        }
    )
    quorums = []
    for body in session.bodies.all():
        if body.quorum:
            share = body.quorum.get("share")
            needed = quorum_needed(
                len(members),
                count=body.quorum.get("count"),
                share=Fraction(share) if share else None,
            )
            quorums.append(Quorum(body, needed, present >= needed))
    return SessionPage(
        session=session,
        agenda=agenda,
        documents_adopted=adopted,
        members=len(members),
        present=present,
        quorums=tuple(quorums),
    )
