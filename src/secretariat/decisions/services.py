"""Adoption procedures: open, record positions, close with the rules engine's outcome.

Each act is one service: who may act is checked, the write is one transaction, and the
audit log gets an entry. Positions lose nothing when delegations answer at the same moment:
one row per state and procedure (a database constraint), taken under a row lock, every
change kept in ``PositionChange``; the same answer sent twice changes nothing.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, acting_user_id, is_secretariat, states_headed
from secretariat.accounts.models import RoleAssignment
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.decisions.models import Position, PositionChange, Procedure, ProcedureKind
from secretariat.documents.models import Document, DocumentStatus
from secretariat.documents.services import apply_status, audit_target
from secretariat.meetings.models import AgendaItem, ItemResult, Session, SessionStatus
from secretariat.organizations.models import Body, MemberState
from secretariat.rules import paragraphs
from secretariat.rules.decisions import evaluate, rule_from_data
from secretariat.rules.explanations import explain
from secretariat.rules.positions import Ballot
from secretariat.rules.positions import Position as PositionWord
from secretariat.rules.procedures import Procedure as RulesProcedure
from secretariat.rules.procedures import ProcedureKind as RulesProcedureKind
from secretariat.rules.procedures import deadline

#: A session in these states can still take decisions.
OPEN_SESSION_STATUSES = (SessionStatus.PLANNED, SessionStatus.CONVENED, SessionStatus.OPEN)


class ProcedureError(Exception):
    """The procedure cannot take that step; the message says why, translated."""


def members_of(procedure: Procedure) -> list[MemberState]:
    """The states taking part in the decision: members participating on the day."""
    return list(
        MemberState.objects.filter(organization_id=procedure.document.organization_id)
        .participating_on(procedure.decided_on)
        .order_by("code")
    )


def _procedure_settings(body: Body, matter: str, kind: str) -> dict[str, Any] | None:
    """The matter's settings for the kind of procedure, or None when it does not allow it."""
    for spec in body.decision_rules[matter].get("procedures", [{"kind": "in-session"}]):
        data = {"kind": spec} if isinstance(spec, str) else spec
        if data.get("kind") == kind:
            return dict(data)
    return None


def do_open_procedure(
    user: AnyUser,
    document: Document,
    body: Body,
    matter: str,
    *,
    kind: str = ProcedureKind.IN_SESSION,
    session: Session | None = None,
    closes_at: datetime | None = None,
) -> Procedure:
    """Put an agreed draft to a body's decision under the rule of one matter.

    In session, the secretariat closes the vote. A written or silence procedure closes at
    its deadline: the one given (the chair states the exact time), or the one the charter's
    settings give (so many days later, at a local time of the seat).
    """
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    if body.organization_id != document.organization_id:
        raise PermissionDenied
    if document.status != DocumentStatus.AGREED:
        raise ProcedureError(_("Only an agreed draft is put to a decision."))
    if matter not in body.decision_rules:
        raise ProcedureError(
            _("%(body)s has no rule for %(matter)s.") % {"body": body.acronym, "matter": matter}
        )
    if Procedure.objects.filter(document=document, closed_at__isnull=True).exists():
        raise ProcedureError(_("A procedure on this draft is already open."))
    settings = _procedure_settings(body, matter, kind)
    if settings is None:
        raise ProcedureError(
            _("This matter is not decided by the %(procedure)s.")
            % {"procedure": ProcedureKind(kind).label if kind in ProcedureKind.values else kind}
        )
    if kind == ProcedureKind.IN_SESSION and session is None:
        session = session_considering(document, body)
    now = timezone.now()
    if kind != ProcedureKind.IN_SESSION and closes_at is None:
        if settings.get("days") is None:
            raise ProcedureError(_("Give the deadline: the charter sets none for this matter."))
        at = settings.get("at")
        closes_at = deadline(
            now,
            days=int(settings["days"]),
            at=time.fromisoformat(at) if at else None,
            zone=ZoneInfo(document.organization.timezone),
        )
    if closes_at is not None and closes_at <= now:
        raise ProcedureError(_("The deadline must be in the future."))
    with transaction.atomic():
        procedure = Procedure.objects.create(
            document=document,
            body=body,
            matter=matter,
            kind=kind,
            session=session,
            closes_at=closes_at if kind != ProcedureKind.IN_SESSION else None,
            decided_on=session.start_on if session is not None else timezone.localdate(),
            opened_by_id=acting_user_id(user),
        )
        _record(user, procedure, EventType.PROCEDURE_OPENED, {"matter": matter})
        if procedure.closes_at is not None:
            # Only once the opening is committed: a rolled-back opening schedules nothing.
            transaction.on_commit(
                lambda: schedule_closing(procedure.pk, procedure.closes_at), robust=True
            )
    return procedure


def session_considering(document: Document, body: Body) -> Session | None:
    """The body's session, not yet closed, that has the draft on its agenda (the latest)."""
    return (
        Session.objects.filter(
            bodies=body, agenda__items__documents=document, status__in=OPEN_SESSION_STATUSES
        )
        .select_related("organization")
        .order_by("-start_on")
        .first()
    )


def schedule_closing(procedure_id: int, closes_at: datetime | None) -> None:
    """Enqueue the procedure's closing, to run at its deadline (the ``TASKS`` backend).

    Called after the opening commits, ``robust``: a queue that refuses the task is logged and
    does not undo the opening, since ``secretariat tick`` closes the procedure all the same.
    """
    # Imported here: the task module imports this one, to close procedures as tick does.
    from secretariat.decisions.tasks import close_procedure_at_deadline

    if not close_procedure_at_deadline.get_backend().supports_defer:
        return  # a backend that cannot wait for the deadline: the tick alone closes it
    close_procedure_at_deadline.using(run_after=closes_at).enqueue(procedure_id)


def may_answer_for(user: AnyUser, procedure: Procedure) -> list[MemberState]:
    """The states whose position the user may give: all for the secretariat, else the head's."""
    members = members_of(procedure)
    if is_secretariat(user, procedure.document.organization):
        return members
    headed = states_headed(user, procedure.document.organization)
    return [state for state in members if state.pk in headed]


def do_give_position(
    user: AnyUser,
    procedure: Procedure,
    state: MemberState,
    position: str,
    note: str = "",
    *,
    paragraph: int | None = None,
) -> Position:
    """Record the state's position (its head of delegation, or the secretariat).

    A reservation or interpretative statement may name the paragraph of the text it
    concerns: it is printed there, with the adopted text.
    """
    if state not in may_answer_for(user, procedure):
        raise PermissionDenied
    if position not in {word.value for word in PositionWord}:
        raise ProcedureError(_("Unknown position."))
    note = note.strip()
    if paragraph is not None:
        if not note:
            raise ProcedureError(_("Only a reservation or statement concerns a paragraph."))
        _check_paragraph(procedure.document, paragraph)
    if position == PositionWord.RESERVATION and not note:
        raise ProcedureError(_("A reservation needs its text."))
    if procedure.kind == ProcedureKind.SILENCE and position != PositionWord.OBJECTION:
        raise ProcedureError(_("Under a silence procedure a state only breaks the silence."))
    if position == PositionWord.OBJECTION and procedure.kind == ProcedureKind.SILENCE and not note:
        raise ProcedureError(_("Say why the silence is broken."))
    with transaction.atomic():
        locked = Procedure.objects.select_for_update().get(pk=procedure.pk)
        ended = locked.closed_at or (
            locked.closes_at if locked.closes_at and locked.closes_at <= timezone.now() else None
        )
        if ended is not None:
            raise ProcedureError(
                _("This procedure closed at %(time)s; positions are no longer taken.")
                % {"time": timezone.localtime(ended).strftime("%Y-%m-%d %H:%M")}
            )
        current = Position.objects.select_for_update().filter(procedure=locked, state=state).first()
        answer = (position, note, paragraph)
        if current is not None and (current.position, current.note, current.paragraph) == answer:
            return current  # the same answer sent twice
        now = timezone.now()
        current, _created = Position.objects.update_or_create(
            procedure=locked,
            state=state,
            defaults={
                "position": position,
                "note": note,
                "paragraph": paragraph,
                "given_at": now,
                "given_by_id": acting_user_id(user),
            },
        )
        PositionChange.objects.create(
            procedure=locked, state=state, position=position, note=note, paragraph=paragraph,
            given_at=now, given_by_id=acting_user_id(user),
        )  # fmt: skip
        _record(user, locked, EventType.POSITION_GIVEN, {"state": state.code, "position": position})
    return current


def _check_paragraph(document: Document, number: int) -> None:
    """Refuse a paragraph number that some language's text of the document does not have."""
    bodies = [text.body for text in document.texts.all() if text.body.strip()]
    if not bodies or any(paragraphs.find(body, number) is None for body in bodies):
        raise ProcedureError(_("The text has no paragraph %(number)s.") % {"number": number})


def chairs(user: AnyUser, session: Session | None) -> bool:
    """Whether the user chairs the session: heads the delegation of the state in the chair."""
    if session is None or session.chair_state_id is None:
        return False
    return session.chair_state_id in states_headed(user, session.organization)


def may_close(user: AnyUser, procedure: Procedure) -> bool:
    """The secretariat closes a procedure, and so does the chair of the session it is held in."""
    return is_secretariat(user, procedure.document.organization) or chairs(user, procedure.session)


def do_close_procedure(user: AnyUser, procedure: Procedure) -> Procedure:
    """Close the vote in session: the rules engine decides, the draft is adopted or rejected."""
    if not may_close(user, procedure):
        raise PermissionDenied
    if procedure.closes_at is not None and procedure.closes_at > timezone.now():
        raise ProcedureError(_("This procedure closes by itself at its deadline."))
    return _close(procedure, user=user)


def close_due_procedures(now: datetime, *, procedure_id: int | None = None) -> list[Procedure]:
    """Close every written or silence procedure whose deadline has come; return those closed.

    Run by ``secretariat tick`` for all of them, and by the task enqueued at the opening
    (``decisions.tasks``) for its ``procedure_id`` only. A procedure the other one closed in
    the meantime is passed over: each procedure is closed, and its outcome mailed, once.
    """
    due = Procedure.objects.filter(closed_at__isnull=True, closes_at__lte=now)
    if procedure_id is not None:
        due = due.filter(pk=procedure_id)
    closed = []
    for procedure in due.select_related("document__organization", "body"):
        try:
            closed.append(_close(procedure, user=None))
        except ProcedureAlreadyClosedError:
            continue
    return closed


class ProcedureAlreadyClosedError(ProcedureError):
    """Another closing (in session, the tick or the task) came first."""


def _close(procedure: Procedure, *, user: AnyUser | None) -> Procedure:
    """Decide the procedure with the rules engine, store the outcome, move the draft on."""
    document = procedure.document
    with transaction.atomic():
        locked = Procedure.objects.select_for_update().get(pk=procedure.pk)
        if not locked.is_open:
            raise ProcedureAlreadyClosedError(_("This procedure is already closed."))
        members = members_of(locked)
        given = {
            position.state.code: PositionWord(position.position)
            for position in locked.positions.select_related("state")
        }
        settings = _procedure_settings(locked.body, locked.matter, locked.kind) or {}
        gathering = RulesProcedure(
            RulesProcedureKind(locked.kind), PositionWord(settings.get("no_answer", "absent"))
        )
        positions = gathering.fill([state.code for state in members], given)
        notes = {
            position.state.code: position.note
            for position in locked.positions.select_related("state")
            if position.note
        }
        ballot = Ballot(tuple(state.code for state in members), positions, notes=notes)
        matter = locked.body.decision_rules[locked.matter]
        explanation: dict[str, list[str]] = {}
        outcome = None
        for language in ("en", "ru"):
            with translation.override(language):
                outcome = evaluate(rule_from_data(matter["rule"], language), ballot)
                explanation[language] = explain(outcome, _)
        assert outcome is not None  # noqa: S101 - the loop ran
        locked.closed_at = timezone.now()
        locked.closed_by_id = user.pk if user is not None else None
        locked.adopted = outcome.adopted
        locked.explanation = explanation
        locked.vetoed_by = list(outcome.vetoed_by)
        locked.save(update_fields=["closed_at", "closed_by", "adopted", "explanation", "vetoed_by"])
        _record(user, locked, EventType.PROCEDURE_CLOSED, {"adopted": outcome.adopted})
        if locked.session_id is not None:
            AgendaItem.objects.filter(
                agenda__session_id=locked.session_id, documents=document
            ).update(result=ItemResult.ADOPTED if outcome.adopted else ItemResult.REJECTED)
        apply_status(
            document,
            DocumentStatus.ADOPTED if outcome.adopted else DocumentStatus.REJECTED,
            user=user,
            note=str(locked),
            actor_label="" if user is not None else TICK,
            on=locked.decided_on if locked.session_id is not None else None,
        )
        transaction.on_commit(lambda: notify_outcome(locked))
    return locked


def notify_outcome(procedure: Procedure) -> int:
    """Mail the outcome to the delegations of the member states and to the secretariat.

    Each person gets it in English and Russian, as the outcome was stored; returns how many
    messages went out.
    """
    document = procedure.document
    recipients = sorted(
        set(
            RoleAssignment.objects.filter(organization_id=document.organization_id)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    if not recipients:
        return 0
    verdict = "\n\n".join(
        "\n".join(procedure.explanation.get(language, [])) for language in ("en", "ru")
    )
    subject = f"{document.organization.code.upper()}: {document.title}"
    messages = [(subject, verdict, None, [address]) for address in recipients]
    return send_mass_mail(messages, fail_silently=False)


#: Who closed a procedure at its deadline, in the audit log.
TICK = "deadline (secretariat tick)"


def _record(
    user: AnyUser | None, procedure: Procedure, event: EventType, extra: dict[str, object]
) -> None:
    document = procedure.document
    record_event(
        event,
        target=audit_target(document, "procedures", procedure.pk),
        actor=user,
        actor_label="" if user is not None else TICK,
        extra=extra,
    )
