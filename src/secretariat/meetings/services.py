"""State changes of sessions, each one service: permission, validation, one transaction, audit."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, acting_user_id, is_secretariat
from secretariat.accounts.models import Role, RoleAssignment
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.documents.models import Classification, Document
from secretariat.meetings.models import (
    Agenda,
    AgendaItem,
    AgendaStatus,
    Attendance,
    Credentials,
    RequestKind,
    Session,
    SessionKind,
    SessionMode,
    SessionRequest,
    SessionRules,
    SessionStatus,
    StepKind,
    UrgentStep,
)
from secretariat.organizations.models import (
    Body,
    Chairmanship,
    MemberState,
    Organization,
    in_force_on,
)
from secretariat.organizations.querysets import organization_rotation
from secretariat.rules.errors import RuleError
from secretariat.rules.sessions import (
    RegularSessionRule,
    StepRecord,
    UrgentPath,
    UrgentStepRule,
    check_step,
    next_chair,
    propose_regular_sessions,
)
from secretariat.rules.sessions import StepKind as RulesStepKind


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
            target=_session_target(session),
            actor=user,
            extra={"state": attendance.state.code, "credentials": credentials},
        )
    attendance.credentials = credentials


# ----------------------------------------------------------------------------- a session's steps


#: A session moves on one step at a time: convened, opened, closed.
NEXT_SESSION_STATUS = {
    SessionStatus.PLANNED: SessionStatus.CONVENED,
    SessionStatus.CONVENED: SessionStatus.OPEN,
    SessionStatus.OPEN: SessionStatus.CLOSED,
}


def do_move_session_on(user: AnyUser, session: Session, status: str) -> None:
    """The secretariat records that a session is convened, opened or closed."""
    if not is_secretariat(user, session.organization):
        raise PermissionDenied
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        if NEXT_SESSION_STATUS.get(SessionStatus(locked.status)) != status:
            raise ValidationError(
                {
                    "status": [
                        _("A session that is %(current)s does not become %(next)s.")
                        % {
                            "current": locked.get_status_display(),
                            "next": SessionStatus(status).label
                            if status in SessionStatus.values
                            else status,
                        }
                    ]
                }
            )
        Session.objects.filter(pk=session.pk).update(status=status)
        record_event(
            EventType.SESSION_STATUS_CHANGED,
            target=_session_target(session),
            actor=user,
            extra={"from": locked.status, "to": status},
        )
    session.status = status


# ----------------------------------------------------------------------------- chairmanship


def _session_target(session: Session) -> str:
    return f"{session.organization.code}/sessions/{session.code}"


def _request_target(request: SessionRequest) -> str:
    return f"{request.organization.code}/sessions/requests/{request.pk}"


def _refusal(field: str, error: RuleError, names: dict[str, str] | None = None) -> ValidationError:
    """The rules core's refusal as a translated message on the field it concerns.

    States are named by ``names`` (code to name) where given, days in the reader's format.
    """
    params = {
        key: date_format(value)
        if isinstance(value, date)
        else (names or {}).get(str(value), str(value))
        for key, value in error.params.items()
    }
    messages = {
        "same-chair": _("%(state)s already chairs: the chairmanship passes to another state."),
        "chair-not-a-member": _(
            "%(state)s does not take part in decisions on %(on)s and cannot chair."
        ),
        "no-previous-chair": _(
            "Nobody is recorded as chairing on %(on)s: record the chairmanship in force first."
        ),
        "step-out-of-order": _("Record the step %(step)s first: steps follow the charter's order."),
        "step-already-recorded": _("The step %(step)s is already recorded."),
        "completed-before-started": _("A step cannot be completed before it started."),
        "before-previous-step": _(
            "A step cannot start before the previous step (%(previous)s) was completed."
        ),
        "unknown-step": _("This request's urgent path has no step %(step)s."),
    }
    try:
        message = messages[error.code] % params
    except (KeyError, ValueError):
        message = str(error)
    return ValidationError({field: [message]})


def do_hand_over_chairmanship(
    user: AnyUser, session: Session, *, state: MemberState | None = None, decision: str = ""
) -> Chairmanship:
    """Record the handover of the organization's chairmanship at a session that was held.

    The incoming chair is the rotation's next one (the record winning over the rule), or
    ``state`` where a recorded ``decision`` names it instead. The outgoing chairmanship ends
    the day the incoming one begins: the day the rule says (1 January for calendar-year
    terms), or the session's last day from one session to the next.
    """
    organization = session.organization
    if not is_secretariat(user, organization):
        raise PermissionDenied
    if session.chairmanship_handover_id is not None:
        raise ValidationError(
            {"session": [_("The chairmanship was already handed over at this session.")]}
        )
    if session.status not in {SessionStatus.OPEN, SessionStatus.CLOSED}:
        raise ValidationError(
            {"session": [_("The chairmanship is handed over at a session being held or held.")]}
        )
    decision = decision.strip()
    if state is not None and not decision:
        raise ValidationError(
            {"decision": [_("Name the decision that gives the chairmanship to this state.")]}
        )
    if state is not None and state.organization_id != organization.pk:
        raise ValidationError({"state": [_("This state is not a member of the organization.")]})
    rotation = organization_rotation(organization)
    if rotation is None:
        raise ValidationError(
            {"state": [_("The charter sets no rotation of the chairmanship to follow.")]}
        )
    try:
        handover = next_chair(rotation, session.end_on, state.code if state else None)
    except RuleError as error:
        raise _refusal("state", error, {state.code: state.short_name} if state else {}) from None
    with transaction.atomic():
        incoming = MemberState.objects.get(organization=organization, code=handover.incoming)
        chairmanship = Chairmanship.objects.filter(
            organization=organization, start_on=handover.start_on
        ).first()
        if chairmanship is not None and chairmanship.state_id != incoming.pk:
            raise ValidationError(
                {
                    "state": [
                        _("The record already says who chairs from %(date)s: %(state)s.")
                        % {
                            "date": date_format(handover.start_on),
                            "state": chairmanship.state.short_name,
                        }
                    ]
                }
            )
        outgoing = Chairmanship.objects.select_for_update().filter(
            Q(end_on__isnull=True) | Q(end_on__gt=handover.start_on),
            organization=organization,
            start_on__lt=handover.start_on,
        )
        for row in outgoing:
            row.end_on = handover.start_on
            row.save(update_fields=["end_on"])
        if chairmanship is None:
            end_on = handover.end_on
            later = (
                Chairmanship.objects.filter(
                    organization=organization, start_on__gt=handover.start_on
                )
                .order_by("start_on")
                .first()
            )
            if later is not None and (end_on is None or end_on > later.start_on):
                end_on = later.start_on
            chairmanship = Chairmanship.objects.create(
                organization=organization,
                state=incoming,
                start_on=handover.start_on,
                end_on=end_on,
                source=decision or f"{session.code}: {_('handed over by the rotation rule')}",
            )
        session.chairmanship_handover = chairmanship
        session.save(update_fields=["chairmanship_handover"])
        record_event(
            EventType.CHAIRMANSHIP_HANDED_OVER,
            target=_session_target(session),
            actor=user,
            extra={
                "outgoing": handover.outgoing,
                "incoming": handover.incoming,
                "start_on": handover.start_on.isoformat(),
                "by_rule": handover.by_rule,
                "decision": decision,
            },
        )
    return chairmanship


# ----------------------------------------------------------------------------- regular sessions


def _titles(bodies: list[Body]) -> dict[str, str]:
    """A session's titles: its bodies' names in every language they have, joined."""
    languages = sorted({language for body in bodies for language in body.names})
    return {
        language: " + ".join(body.names.get(language) or body.name for body in bodies)
        for language in languages
    }


def do_propose_next_sessions(user: AnyUser, chairmanship: Chairmanship) -> list[Session]:
    """Propose the regular sessions of a chairmanship's term, in the chairing state.

    One per regular session the charter lists, in its months, during the term. A session
    already proposed, or a regular session of the same bodies already in that period (one a
    record loaded), is not proposed again: a second call proposes nothing new.
    """
    organization = chairmanship.organization
    if not is_secretariat(user, organization):
        raise PermissionDenied
    settings = SessionRules.objects.filter(organization=organization).first()
    if settings is None or not settings.regular:
        raise ValidationError(
            {"organization": [_("The charter sets no regular sessions to propose.")]}
        )
    rules = [
        RegularSessionRule(tuple(data["bodies"]), data["from_month"], data["to_month"])
        for data in settings.regular
    ]
    proposals = propose_regular_sessions(
        rules,
        chairmanship.state.code,
        term_start=chairmanship.start_on,
        term_end=chairmanship.end_on,
    )
    bodies = {body.code: body for body in Body.objects.filter(organization=organization)}
    created: list[Session] = []
    with transaction.atomic():
        for proposal in proposals:
            code = f"{proposal.start_on.year}-{'-'.join(proposal.bodies)}-regular"
            held = Session.objects.filter(
                organization=organization,
                kind=SessionKind.REGULAR,
                start_on__gte=proposal.start_on,
                start_on__lte=proposal.end_on,
                bodies__code=proposal.bodies[0],
            )
            if held.exists() or Session.objects.filter(organization=organization, code=code):
                continue
            members = [bodies[body] for body in proposal.bodies if body in bodies]
            session = Session.objects.create(
                organization=organization,
                code=code,
                titles=_titles(members),
                kind=SessionKind.REGULAR,
                mode=SessionMode.IN_PERSON,
                host_state=chairmanship.state,
                chair_state=chairmanship.state,
                start_on=proposal.start_on,
                end_on=proposal.end_on,
                status=SessionStatus.PLANNED,
                is_proposed=True,
            )
            session.bodies.set(members)
            record_event(
                EventType.SESSION_PROPOSED,
                target=_session_target(session),
                actor=user,
                extra={
                    "bodies": list(proposal.bodies),
                    "host": proposal.host,
                    "from": proposal.start_on.isoformat(),
                    "to": proposal.end_on.isoformat(),
                },
            )
            created.append(session)
    return created


def do_confirm_session(
    user: AnyUser,
    session: Session,
    *,
    start_on: date,
    end_on: date | None = None,
    venue: dict[str, str] | None = None,
) -> None:
    """The secretariat confirms a proposed session: its days in the period, and its venue."""
    if not is_secretariat(user, session.organization):
        raise PermissionDenied
    if not session.is_proposed:
        raise ValidationError({"session": [_("This session is not awaiting confirmation.")]})
    end_on = end_on or start_on
    if end_on < start_on:
        raise ValidationError({"end_on": [_("The session cannot close before it opens.")]})
    if start_on < session.start_on or end_on > session.end_on:
        raise ValidationError(
            {
                "start_on": [
                    _("Choose days from %(first)s to %(last)s, the period the charter sets.")
                    % {"first": date_format(session.start_on), "last": date_format(session.end_on)}
                ]
            }
        )
    with transaction.atomic():
        session.start_on, session.end_on = start_on, end_on
        session.venue = {**session.venue, **{k: v for k, v in (venue or {}).items() if v}}
        session.is_proposed = False
        session.status = SessionStatus.CONVENED
        session.save(update_fields=["start_on", "end_on", "venue", "is_proposed", "status"])
        record_event(
            EventType.SESSION_CONFIRMED,
            target=_session_target(session),
            actor=user,
            extra={"from": start_on.isoformat(), "to": end_on.isoformat(), "venue": session.venue},
        )


# ----------------------------------------------------------------------------- requests


def may_request_for(user: AnyUser, organization: Organization) -> set[int] | None:
    """The states whose requests the user may submit: None for the secretariat (any state).

    A head of delegation submits its own state's requests.
    """
    if is_secretariat(user, organization):
        return None
    if user.pk is None:
        return set()
    return set(
        RoleAssignment.objects.filter(
            user_id=user.pk, organization=organization, role=Role.HEAD_OF_DELEGATION
        ).values_list("state_id", flat=True)
    )


def _urgent_path(organization: Organization, kind: str) -> dict[str, Any] | None:
    settings = SessionRules.objects.filter(organization=organization).first()
    if settings is None:
        return None
    path = settings.urgent_paths.get(kind)
    return dict(path) if path else None


def do_request_session(
    user: AnyUser,
    organization: Organization,
    *,
    states: list[MemberState],
    requested_on: date,
    reason: str = "",
    kind: str = RequestKind.EXTRAORDINARY_SESSION,
    body: Body | None = None,
) -> SessionRequest:
    """Record a member state's request for a session (or for collective assistance).

    The secretariat records any request; a head of delegation submits its own state's.
    Where the charter sets an urgent path for the kind of request, its steps are opened,
    and the body is the path's. The 1992 rule that an extraordinary session needs the
    request of two members (csto-facts §1.5) is not enforced: whether the CSTO keeps it is
    unverified.
    """
    allowed = may_request_for(user, organization)
    if allowed is not None and (not allowed or not {state.pk for state in states} <= allowed):
        raise PermissionDenied
    if kind not in RequestKind.values:
        raise ValidationError({"kind": [_("Unknown kind of request.")]})
    if not states:
        raise ValidationError({"states": [_("Name the state or states making the request.")]})
    if requested_on > timezone.localdate():
        raise ValidationError({"requested_on": [_("A request cannot be dated in the future.")]})
    participating = set(
        MemberState.objects.filter(organization=organization)
        .participating_on(requested_on)
        .values_list("pk", flat=True)
    )
    for state in states:
        if state.pk not in participating:
            raise ValidationError(
                {
                    "states": [
                        _("%(state)s does not take part in decisions on %(date)s.")
                        % {"state": state.short_name, "date": date_format(requested_on)}
                    ]
                }
            )
    path = _urgent_path(organization, kind)
    if path is not None:
        body = Body.objects.filter(organization=organization, code=path["body"]).first()
    if body is None or body.organization_id != organization.pk:
        raise ValidationError({"body": [_("Choose the body asked to meet.")]})
    with transaction.atomic():
        request = SessionRequest.objects.create(
            organization=organization,
            kind=kind,
            body=body,
            requested_on=requested_on,
            reason=reason.strip(),
            recorded_by_id=acting_user_id(user),
        )
        request.requested_by.set(states)
        for number, step in enumerate((path or {}).get("steps", []), start=1):
            UrgentStep.objects.create(
                request=request,
                number=number,
                code=step["code"],
                kind=step["kind"],
                names=step.get("names", {}),
                within_hours=step.get("within_hours"),
            )
        record_event(
            EventType.SESSION_REQUESTED,
            target=_request_target(request),
            actor=user,
            extra={
                "kind": kind,
                "states": sorted(state.code for state in states),
                "requested_on": requested_on.isoformat(),
                "body": body.code,
                "urgent_path": [step["code"] for step in (path or {}).get("steps", [])],
            },
        )
    return request


def do_request_assistance(
    user: AnyUser,
    organization: Organization,
    *,
    states: list[MemberState],
    requested_on: date,
    reason: str = "",
) -> SessionRequest:
    """Record a request for collective assistance (Collective Security Treaty, Article 4).

    It starts the urgent path the charter sets for such requests; without one, it is refused.
    """
    if _urgent_path(organization, RequestKind.COLLECTIVE_ASSISTANCE) is None:
        raise ValidationError(
            {"kind": [_("The charter sets no urgent path for a request for assistance.")]}
        )
    return do_request_session(
        user,
        organization,
        states=states,
        requested_on=requested_on,
        reason=reason,
        kind=RequestKind.COLLECTIVE_ASSISTANCE,
    )


def _urgent_path_rules(request: SessionRequest, steps: list[UrgentStep]) -> UrgentPath:
    return UrgentPath(
        request.kind,
        tuple(
            UrgentStepRule(
                step.code,
                RulesStepKind(step.kind),
                timedelta(hours=step.within_hours) if step.within_hours else None,
            )
            for step in steps
        ),
    )


def _done(steps: list[UrgentStep]) -> list[StepRecord]:
    return [
        StepRecord(step.code, step.started_at, step.completed_at)
        for step in steps
        if step.started_at is not None and step.completed_at is not None
    ]


def do_record_urgent_step(
    user: AnyUser,
    request: SessionRequest,
    code: str,
    *,
    completed_at: datetime,
    started_at: datetime | None = None,
    note: str = "",
    reference: str = "",
) -> UrgentStep:
    """Timestamp one step of a request's urgent path, in the charter's order.

    A step starts, unless told otherwise, when the previous one was completed (the first,
    when it is completed). The last step, the session, is recorded by convening it.
    """
    if not is_secretariat(user, request.organization):
        raise PermissionDenied
    steps = list(request.steps.order_by("number"))
    step = next((step for step in steps if step.code == code), None)
    if step is None:
        raise ValidationError(
            {"step": [_("This request's urgent path has no step %(step)s.") % {"step": code}]}
        )
    if step.kind == StepKind.SESSION:
        raise ValidationError(
            {"step": [_("The last step is recorded by convening the extraordinary session.")]}
        )
    if completed_at > timezone.now():
        raise ValidationError({"completed_at": [_("A step cannot be completed in the future.")]})
    done = _done(steps)
    if started_at is None:
        started_at = max((record.completed_at for record in done), default=completed_at)
    try:
        check_step(
            _urgent_path_rules(request, steps),
            done,
            code,
            started_at=started_at,
            completed_at=completed_at,
        )
    except RuleError as error:
        raise _refusal("step", error) from None
    with transaction.atomic():
        step.started_at, step.completed_at = started_at, completed_at
        step.note, step.reference = note.strip(), reference.strip()
        step.save(update_fields=["started_at", "completed_at", "note", "reference"])
        record_event(
            EventType.URGENT_STEP_RECORDED,
            target=_request_target(request),
            actor=user,
            extra={
                "step": code,
                "started_at": started_at.isoformat(),
                "completed_at": completed_at.isoformat(),
                "late": step.is_late,
                "reference": step.reference,
            },
        )
    return step


def do_convene_session(
    user: AnyUser,
    request: SessionRequest,
    *,
    start_on: date,
    end_on: date | None = None,
    mode: str = SessionMode.IN_PERSON,
    convened_at: datetime | None = None,
) -> Session:
    """Convene the extraordinary session a request asked for, chaired by the chairing state.

    On an urgent path it is the last step, recorded as completed when the session is
    convened (``convened_at``; by default the start of its opening day at the seat).
    """
    organization = request.organization
    if not is_secretariat(user, organization):
        raise PermissionDenied
    if request.session_id is not None:
        raise ValidationError(
            {"request": [_("A session has already been convened on this request.")]}
        )
    if mode not in SessionMode.values:
        raise ValidationError({"mode": [_("Unknown mode of meeting.")]})
    end_on = end_on or start_on
    if start_on < request.requested_on:
        raise ValidationError(
            {"start_on": [_("The session cannot open before the day of the request.")]}
        )
    if end_on < start_on:
        raise ValidationError({"end_on": [_("The session cannot close before it opens.")]})
    if convened_at is None:
        convened_at = datetime.combine(start_on, time(0), tzinfo=ZoneInfo(organization.timezone))
    steps = list(request.steps.order_by("number"))
    done = _done(steps)
    session_step = next((step for step in steps if step.kind == StepKind.SESSION), None)
    started_at = max((record.completed_at for record in done), default=convened_at)
    if session_step is not None:
        try:
            check_step(
                _urgent_path_rules(request, steps),
                done,
                session_step.code,
                started_at=started_at,
                completed_at=convened_at,
            )
        except RuleError as error:
            raise _refusal("request", error) from None
    chairmanship = (
        Chairmanship.objects.filter(in_force_on(start_on), organization=organization)
        .select_related("state")
        .first()
    )
    chair = chairmanship.state if chairmanship is not None else None
    body = request.body
    code = f"{start_on.isoformat()}-{body.code}-extraordinary"
    taken = set(
        Session.objects.filter(organization=organization, code__startswith=code).values_list(
            "code", flat=True
        )
    )
    suffix = 2
    unique = code
    while unique in taken:
        unique, suffix = f"{code}-{suffix}", suffix + 1
    with transaction.atomic():
        session = Session.objects.create(
            organization=organization,
            code=unique,
            titles=_titles([body]),
            kind=SessionKind.EXTRAORDINARY,
            mode=mode,
            host_state=chair if mode != SessionMode.VIDEOCONFERENCE else None,
            chair_state=chair,
            start_on=start_on,
            end_on=end_on,
            status=SessionStatus.CONVENED,
        )
        session.bodies.set([body])
        session.requested_by.set(request.requested_by.all())
        request.session = session
        request.save(update_fields=["session"])
        record_event(
            EventType.SESSION_CONVENED,
            target=_session_target(session),
            actor=user,
            extra={
                "request": request.pk,
                "mode": mode,
                "from": start_on.isoformat(),
                "to": end_on.isoformat(),
            },
        )
        if session_step is not None:
            session_step.started_at, session_step.completed_at = started_at, convened_at
            session_step.session = session
            session_step.save(update_fields=["started_at", "completed_at", "session"])
            record_event(
                EventType.URGENT_STEP_RECORDED,
                target=_request_target(request),
                actor=user,
                extra={
                    "step": session_step.code,
                    "started_at": started_at.isoformat(),
                    "completed_at": convened_at.isoformat(),
                    "session": session.code,
                },
            )
    return session


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
            target=_session_target(session),
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
            target=_session_target(agenda.session),
            actor=user,
            extra={
                "at": at.code,
                "bodies": sorted(body.code for body in bodies),
                "on": on.isoformat(),
            },
        )
    agenda.status, agenda.approved_at, agenda.approved_on = AgendaStatus.APPROVED, at, on
