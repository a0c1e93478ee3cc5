"""Adoption procedures: open, record positions, close with the rules engine's outcome.

Each act is one service: who may act is checked, the write is one transaction, and the
audit log gets an entry. Positions lose nothing when delegations answer at the same moment:
one row per state and procedure (a database constraint), taken under a row lock, every
change kept in ``PositionChange``; the same answer sent twice changes nothing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, is_secretariat
from secretariat.accounts.models import Role, RoleAssignment
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.decisions.models import Position, PositionChange, Procedure, ProcedureKind
from secretariat.documents.models import Document, DocumentStatus
from secretariat.documents.services import do_change_status
from secretariat.meetings.models import Session
from secretariat.organizations.models import Body, MemberState
from secretariat.rules.decisions import evaluate, rule_from_data
from secretariat.rules.explanations import explain
from secretariat.rules.positions import Ballot
from secretariat.rules.positions import Position as PositionWord


class ProcedureError(Exception):
    """The procedure cannot take that step; the message says why, translated."""


def _user_id(user: AnyUser) -> int:
    if user.pk is None:
        raise PermissionDenied
    return int(user.pk)


def members_of(procedure: Procedure) -> list[MemberState]:
    """The states taking part in the decision: members participating on the day."""
    return list(
        MemberState.objects.filter(organization_id=procedure.document.organization_id)
        .participating_on(procedure.decided_on)
        .order_by("code")
    )


def do_open_procedure(
    user: AnyUser,
    document: Document,
    body: Body,
    matter: str,
    *,
    session: Session | None = None,
) -> Procedure:
    """Put an agreed draft to a body's decision in session, under the rule of one matter."""
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
    with transaction.atomic():
        procedure = Procedure.objects.create(
            document=document,
            body=body,
            matter=matter,
            kind=ProcedureKind.IN_SESSION,
            session=session,
            decided_on=session.start_on if session is not None else timezone.localdate(),
            opened_by_id=_user_id(user),
        )
        _record(user, procedure, EventType.PROCEDURE_OPENED, {"matter": matter})
    return procedure


def may_answer_for(user: AnyUser, procedure: Procedure) -> list[MemberState]:
    """The states whose position the user may give: all for the secretariat, else the head's."""
    members = members_of(procedure)
    if is_secretariat(user, procedure.document.organization):
        return members
    if user.pk is None:
        return []
    headed = set(
        RoleAssignment.objects.filter(
            user_id=user.pk,
            organization_id=procedure.document.organization_id,
            role=Role.HEAD_OF_DELEGATION,
        ).values_list("state_id", flat=True)
    )
    return [state for state in members if state.pk in headed]


def do_give_position(
    user: AnyUser, procedure: Procedure, state: MemberState, position: str, note: str = ""
) -> Position:
    """Record the state's position (its head of delegation, or the secretariat)."""
    if state not in may_answer_for(user, procedure):
        raise PermissionDenied
    if position not in {word.value for word in PositionWord}:
        raise ProcedureError(_("Unknown position."))
    note = note.strip()
    if position == PositionWord.RESERVATION and not note:
        raise ProcedureError(_("A reservation needs its text."))
    with transaction.atomic():
        locked = Procedure.objects.select_for_update().get(pk=procedure.pk)
        if not locked.is_open:
            raise ProcedureError(
                _("This procedure closed at %(time)s; positions are no longer taken.")
                % {"time": timezone.localtime(locked.closed_at).strftime("%Y-%m-%d %H:%M")}
            )
        current = Position.objects.select_for_update().filter(procedure=locked, state=state).first()
        if current is not None and (current.position, current.note) == (position, note):
            return current  # the same answer sent twice
        now = timezone.now()
        current, _created = Position.objects.update_or_create(
            procedure=locked,
            state=state,
            defaults={
                "position": position,
                "note": note,
                "given_at": now,
                "given_by_id": _user_id(user),
            },
        )
        PositionChange.objects.create(
            procedure=locked, state=state, position=position, note=note, given_at=now,
            given_by_id=_user_id(user),
        )  # fmt: skip
        _record(user, locked, EventType.POSITION_GIVEN, {"state": state.code, "position": position})
    return current


def do_close_procedure(user: AnyUser, procedure: Procedure) -> Procedure:
    """Close the procedure: the rules engine decides, and the draft is adopted or rejected."""
    document = procedure.document
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    with transaction.atomic():
        locked = Procedure.objects.select_for_update().get(pk=procedure.pk)
        if not locked.is_open:
            raise ProcedureError(_("This procedure is already closed."))
        members = members_of(locked)
        positions = {
            position.state.code: PositionWord(position.position)
            for position in locked.positions.select_related("state")
        }
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
        locked.closed_by_id = _user_id(user)
        locked.adopted = outcome.adopted
        locked.explanation = explanation
        locked.vetoed_by = list(outcome.vetoed_by)
        locked.save(update_fields=["closed_at", "closed_by", "adopted", "explanation", "vetoed_by"])
        _record(user, locked, EventType.PROCEDURE_CLOSED, {"adopted": outcome.adopted})
        do_change_status(
            user,
            document,
            DocumentStatus.ADOPTED if outcome.adopted else DocumentStatus.REJECTED,
            note=str(locked),
        )
    return locked


def _record(
    user: AnyUser, procedure: Procedure, event: EventType, extra: dict[str, object]
) -> None:
    document = procedure.document
    record_event(
        event,
        target=f"{document.organization.code}/documents/{document.code}/procedures/{procedure.pk}",
        actor=user,
        extra=extra,
    )
