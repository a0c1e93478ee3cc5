"""Loading charter and record files into the database, in one transaction, idempotently."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.charters.files import read, refuse
from secretariat.charters.schema import (
    AttendanceSpec,
    Charter,
    DocumentSpec,
    PersonSpec,
    Problem,
    Record,
    SessionSpec,
    SessionsSpec,
    check_charter,
    check_record,
)
from secretariat.charters.sync import Changes
from secretariat.documents.models import Document, DocumentRelation, DocumentText
from secretariat.meetings.models import (
    Agenda,
    AgendaItem,
    Attendance,
    DelegationMember,
    Session,
    SessionRules,
)
from secretariat.organizations.models import (
    Body,
    Chairmanship,
    MembershipPeriod,
    MemberState,
    Office,
    Organization,
    Person,
)

ACTOR_LABEL = "command line"


@dataclass(frozen=True)
class LoadReport:
    organization: Organization
    changes: Changes


def check_charter_file(path: Path) -> Charter:
    """Read and check a charter file without touching the database."""
    return read(path, Charter, check_charter)


@transaction.atomic(durable=True)
def do_load_charter(path: Path, *, actor_label: str = ACTOR_LABEL) -> LoadReport:
    """Make the database hold what a charter file says about its organization.

    Loading the same file twice changes nothing the second time. The file is
    checked completely before anything is written, and the whole load is one
    transaction: a refused file leaves the database as it was.
    """
    charter = check_charter_file(path)
    changes = Changes()
    spec = charter.organization
    organization = changes.upsert(
        Organization,
        {"code": spec.code},
        {
            "names": spec.names,
            "acronyms": spec.acronyms,
            "official_languages": spec.official_languages,
            "timezone": spec.timezone,
            "is_distributed_to_observers": spec.observers.receive_documents,
            "is_distributed_to_partners": spec.partners.receive_documents,
            "secretary_general_signs": spec.secretary_general_signs,
            "working_languages": spec.working_languages,
            "chairmanship_rule": spec.chairmanship.model_dump(mode="json", exclude_none=True),
        },
    )
    states: dict[str, MemberState] = {}
    for member in charter.members:
        state = changes.upsert(
            MemberState,
            {"organization": organization, "code": member.code},
            {"names": member.names, "short_names": member.short_names or {}},
        )
        states[member.code] = state
        periods = [
            changes.upsert(
                MembershipPeriod,
                {"state": state, "start_on": period.start_on},
                {
                    "status": str(period.status),
                    "end_on": period.end_on,
                    "source": period.source or "",
                },
            )
            for period in member.periods
        ]
        changes.prune(MembershipPeriod.objects.filter(state=state), periods)
    changes.prune(MemberState.objects.filter(organization=organization), states.values())

    bodies: dict[str, Body] = {}
    for position, body_spec in enumerate(charter.bodies):
        bodies[body_spec.code] = changes.upsert(
            Body,
            {"organization": organization, "code": body_spec.code},
            {
                "names": body_spec.names,
                "acronyms": body_spec.acronyms or {},
                "level": body_spec.level,
                "member_role": body_spec.members,
                "composition": body_spec.composition,
                "decision_rules": {
                    matter: {
                        **spec.model_dump(mode="json", exclude_none=True),
                        # A rule's defaults go without saying on the body's page.
                        "rule": spec.rule.model_dump(
                            mode="json", exclude_none=True, exclude_defaults=True
                        ),
                    }
                    for matter, spec in body_spec.decisions.items()
                },
                "chair_rule": body_spec.chair.model_dump(mode="json", exclude_none=True),
                "quorum": body_spec.quorum.model_dump(mode="json", exclude_none=True)
                if body_spec.quorum
                else {},
                "symbol_series": [
                    series.model_dump(mode="json", exclude_none=True)
                    for series in body_spec.symbols
                ],
                "position": position,
            },
        )
    # Hierarchy second: a body may report to one listed after it.
    for body_spec in charter.bodies:
        changes.upsert(
            Body,
            {"pk": bodies[body_spec.code].pk},
            {"reports_to": bodies[body_spec.reports_to] if body_spec.reports_to else None},
        )
    changes.prune(Body.objects.filter(organization=organization), bodies.values())

    chairmanships = [
        changes.upsert(
            Chairmanship,
            {"organization": organization, "start_on": chairmanship.start_on},
            {
                "state": states[chairmanship.state],
                "end_on": chairmanship.end_on,
                "source": chairmanship.source or "",
                **({"priorities": chairmanship.priorities} if chairmanship.priorities else {}),
            },
        )
        for chairmanship in charter.chairmanships
    ]
    # Chairmanships a record added (with priorities), or handed over at a session through
    # Secretariat, are not the charter's to delete.
    changes.prune(
        Chairmanship.objects.filter(
            organization=organization, priorities={}, announced_at__isnull=True
        ),
        chairmanships,
    )
    if charter.sessions is not None:
        changes.upsert(
            SessionRules,
            {"organization": organization},
            session_rules_data(charter.sessions),
        )
    else:
        changes.prune(SessionRules.objects.filter(organization=organization), [])
    if changes.total:
        record_event(
            EventType.CHARTER_LOADED,
            target=f"organization:{organization.code}",
            actor_label=actor_label,
            extra={"file": str(path), **changes.as_data()},
        )
    return LoadReport(organization, changes)


def session_rules_data(spec: SessionsSpec) -> dict[str, object]:
    """The charter's ``sessions`` section as ``meetings.SessionRules`` stores it."""
    return {
        "regular": [regular.model_dump(mode="json", exclude_none=True) for regular in spec.regular],
        "urgent_paths": {
            kind: path.model_dump(mode="json", exclude_none=True)
            for kind, path in spec.urgent_paths.items()
        },
    }


def check_record_file(path: Path) -> tuple[Record, Organization]:
    """Read a record file and check it against the organization already loaded."""
    record = read(path, Record)
    organization = Organization.objects.filter(code=record.organization).first()
    if organization is None:
        raise refuse(
            path,
            [
                Problem(
                    ("organization",),
                    "unknown-organization",
                    f"no organization has the code '{record.organization}'; load its charter first",
                    {"code": record.organization},
                )
            ],
        )
    problems = check_record(
        record,
        states=set(organization.states.values_list("code", flat=True)),
        bodies=set(organization.bodies.values_list("code", flat=True)),
        known_people=set(organization.people.values_list("code", flat=True)),
        known_sessions=set(organization.sessions.values_list("code", flat=True)),
        known_documents=set(organization.documents.values_list("code", flat=True)),
    )
    problems += _handover_problems(record, organization)
    if problems:
        raise refuse(path, problems)
    return record, organization


def _handover_problems(record: Record, organization: Organization) -> list[Problem]:
    problems = []
    for index, session in enumerate(record.sessions):
        if session.chairmanship_handover is None:
            continue
        declared = [
            chairmanship.start_on
            for chairmanship in record.chairmanships
            if chairmanship.state == session.chairmanship_handover
        ]
        if not declared and _handover_of(organization, session) is None:
            problems.append(
                Problem(
                    ("sessions", index, "chairmanship_handover"),
                    "unknown-chairmanship",
                    f"no chairmanship of {session.chairmanship_handover} begins on or after "
                    f"{session.start_on}; list it under chairmanships",
                    {"code": session.chairmanship_handover, "date": str(session.start_on)},
                )
            )
    return problems


def _handover_of(organization: Organization, session: SessionSpec) -> Chairmanship | None:
    """The chairmanship a session announced: the state's first one from the session on."""
    return (
        Chairmanship.objects.filter(
            organization=organization,
            state__code=session.chairmanship_handover,
            start_on__gte=session.start_on,
        )
        .order_by("start_on")
        .first()
    )


@transaction.atomic(durable=True)
def do_load_record(path: Path, *, actor_label: str = ACTOR_LABEL) -> LoadReport:
    """Make the database hold what a record file says: people, sessions, documents.

    Like :func:`do_load_charter`: checked whole first, one transaction, and a
    second load of the same file changes nothing. A record adds to what other
    records hold: it only removes the children (texts, items, attendance, ...)
    of the sessions and documents it lists.
    """
    record, organization = check_record_file(path)
    writer = _RecordWriter(organization, Changes())
    writer.write(record)
    if writer.changes.total:
        record_event(
            EventType.RECORD_LOADED,
            target=f"organization:{organization.code}",
            actor_label=actor_label,
            extra={"file": str(path), **writer.changes.as_data()},
        )
    return LoadReport(organization, writer.changes)


class _RecordWriter:
    """Writes one checked record; references are resolved against the organization."""

    def __init__(self, organization: Organization, changes: Changes) -> None:
        self.organization = organization
        self.changes = changes
        self.states = {state.code: state for state in organization.states.all()}
        self.bodies = {body.code: body for body in organization.bodies.all()}

    def write(self, record: Record) -> None:
        self.people = {person.code: person for person in self.organization.people.all()}
        for person in record.people:
            self.write_person(person)
        for chairmanship in record.chairmanships:
            lookup = {"organization": self.organization, "start_on": chairmanship.start_on}
            values: dict[str, object] = {
                "state": self.states[chairmanship.state],
                "end_on": chairmanship.end_on,
                "priorities": chairmanship.priorities or {},
            }
            # The charter cites the sources of the chairmanships it lists; a record only names
            # its own for one the charter does not have.
            if not Chairmanship.objects.filter(**lookup).exists():
                values["source"] = chairmanship.source or ""
            self.changes.upsert(Chairmanship, lookup, values)
        sessions = [self.write_session(session) for session in record.sessions]
        self.sessions = {session.code: session for session in self.organization.sessions.all()}
        documents = [self.write_document(document) for document in record.documents]
        self.documents = {document.code: document for document in self.organization.documents.all()}
        for session_spec, session in zip(record.sessions, sessions, strict=True):
            self.write_agenda(session_spec, session)
        for document_spec, document in zip(record.documents, documents, strict=True):
            self.link_document(document_spec, document)

    def state(self, code: str | None) -> MemberState | None:
        return self.states[code] if code is not None else None

    def write_person(self, spec: PersonSpec) -> None:
        person = self.changes.upsert(
            Person,
            {"organization": self.organization, "code": spec.code},
            {"names": spec.names, "state": self.state(spec.state)},
        )
        offices = [
            self.changes.upsert(
                Office,
                {"person": person, "role": office.role, "start_on": office.start_on},
                {
                    "titles": office.titles,
                    "state": self.state(office.state),
                    "end_on": office.end_on,
                },
            )
            for office in spec.offices
        ]
        self.changes.prune(Office.objects.filter(person=person), offices)
        self.people[spec.code] = person

    def write_session(self, spec: SessionSpec) -> Session:
        handover = _handover_of(self.organization, spec) if spec.chairmanship_handover else None
        session = self.changes.upsert(
            Session,
            {"organization": self.organization, "code": spec.code},
            {
                "titles": spec.titles,
                "number": spec.number,
                "kind": spec.kind,
                "mode": spec.mode,
                "venue": spec.venue or {},
                "host_state": self.state(spec.host),
                "start_on": spec.start_on,
                "end_on": spec.end_on or spec.start_on,
                "chair_state": self.state(spec.chair_state),
                "chair_person": self.people[spec.chair_person] if spec.chair_person else None,
                "status": spec.status,
                "chairmanship_handover": handover,
                "summary": spec.summary or {},
            },
        )
        self.changes.set_related(session, "bodies", [self.bodies[code] for code in spec.bodies])
        self.changes.set_related(
            session, "requested_by", [self.states[code] for code in spec.requested_by]
        )
        self.changes.set_related(
            session, "officials", [self.people[code] for code in spec.officials]
        )
        attendances = [self.write_attendance(session, attendance) for attendance in spec.attendance]
        self.changes.prune(Attendance.objects.filter(session=session), attendances)
        return session

    def write_attendance(self, session: Session, spec: AttendanceSpec) -> Attendance:
        attendance = self.changes.upsert(
            Attendance,
            {"session": session, "state": self.states[spec.state]},
            {
                "presence": spec.presence,
                "head": self.people[spec.head] if spec.head else None,
                "note": spec.note or {},
                "credentials": spec.credentials,
            },
        )
        members = [
            self.changes.upsert(
                DelegationMember,
                {"attendance": attendance, "person": self.people[member.person]},
                {"role": member.role},
            )
            for member in spec.delegation
        ]
        self.changes.prune(DelegationMember.objects.filter(attendance=attendance), members)
        return attendance

    def write_agenda(self, spec: SessionSpec, session: Session) -> None:
        if spec.agenda is None:
            self.changes.prune(Agenda.objects.filter(session=session), [])
            return
        agenda_spec = spec.agenda
        agenda = self.changes.upsert(
            Agenda,
            {"session": session},
            {
                "status": agenda_spec.status,
                "approved_at": (
                    self.sessions[agenda_spec.approved_at] if agenda_spec.approved_at else None
                ),
                "approved_on": agenda_spec.approved_on,
            },
        )
        self.changes.set_related(
            agenda, "approved_by", [self.bodies[code] for code in agenda_spec.approved_by]
        )
        items = []
        for item_spec in agenda_spec.items:
            item = self.changes.upsert(
                AgendaItem,
                {"agenda": agenda, "number": item_spec.number},
                {
                    "titles": item_spec.titles,
                    "result": item_spec.result,
                    "result_note": item_spec.result_note or {},
                },
            )
            self.changes.set_related(
                item, "documents", [self.documents[code] for code in item_spec.documents]
            )
            items.append(item)
        self.changes.prune(AgendaItem.objects.filter(agenda=agenda), items)

    def write_document(self, spec: DocumentSpec) -> Document:
        document = self.changes.upsert(
            Document,
            {"organization": self.organization, "code": spec.code},
            {
                "symbol": spec.symbol,
                "kind": spec.kind,
                "authentic_languages": spec.authentic_languages,
                "classification": spec.classification,
                "status": spec.status,
                "adopted_on": spec.adopted_on,
                "published_on": spec.published_on,
                "derestricted_on": spec.derestricted_on,
            },
        )
        self.changes.set_related(
            document, "issuing_bodies", [self.bodies[code] for code in spec.issued_by]
        )
        self.changes.set_related(document, "distributed_to", self.recipients(spec))
        texts = [
            self.changes.upsert(
                DocumentText,
                {"document": document, "language": language},
                {
                    "title": text.title,
                    "body": text.body.strip(),
                    "is_summary": text.summary,
                    "is_translation": text.translation,
                    "source": text.source or "",
                },
            )
            for language, text in spec.texts.items()
        ]
        self.changes.prune(DocumentText.objects.filter(document=document), texts)
        return document

    def recipients(self, spec: DocumentSpec) -> Iterable[MemberState]:
        """The states a document goes to; ``all`` means the participating members on the day."""
        if spec.distributed_to != "all":
            return [self.states[code] for code in spec.distributed_to]
        on = (
            spec.distributed_on
            or spec.adopted_on
            or self.session_date(spec.adopted_at)
            or timezone.localdate()
        )
        return self.organization.states.participating_on(on)

    def session_date(self, code: str | None) -> date | None:
        session = self.organization.sessions.filter(code=code).first() if code else None
        return session.start_on if session is not None else None

    def link_document(self, spec: DocumentSpec, document: Document) -> None:
        session = self.sessions[spec.adopted_at] if spec.adopted_at else None
        item = (
            AgendaItem.objects.get(agenda__session=session, number=spec.adopted_under_item)
            if session is not None and spec.adopted_under_item is not None
            else None
        )
        self.changes.upsert(
            Document, {"pk": document.pk}, {"adopted_at": session, "adopted_at_item": item}
        )
        relations = [
            self.changes.upsert(
                DocumentRelation,
                {
                    "source": document,
                    "kind": relation.kind,
                    "target": self.documents[relation.target],
                },
                {},
            )
            for relation in spec.relations
        ]
        self.changes.prune(DocumentRelation.objects.filter(source=document), relations)
