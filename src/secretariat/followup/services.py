"""Following up adopted decisions: give instructions, receive reports, complete them.

Each act is one service: who may act is checked, the input is validated with a message
naming the field, the write is one transaction, and the audit log gets an entry. Sending
the same form twice changes nothing: an instruction or a report identical to one already
there is that one, not a second.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, acting_user_id, is_secretariat, states_headed
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.documents.access import visible_documents
from secretariat.documents.models import Document, DocumentStatus
from secretariat.documents.services import audit_target
from secretariat.followup.models import Instruction, InstructionStatus, Plan, Report
from secretariat.organizations.models import Body, MemberState
from secretariat.rules.paragraphs import Paragraph, find, split

#: Only what was decided is followed up.
FOLLOWED_UP_STATUSES = frozenset({DocumentStatus.ADOPTED, DocumentStatus.PUBLISHED})


class FollowUpError(Exception):
    """The step cannot be taken; the message says why, translated, and ``field`` names the
    form field at fault (None: the form as a whole)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def operative_paragraphs(document: Document) -> list[Paragraph]:
    """The operative paragraphs of the decision, from its first text that has any.

    Authentic texts come first, then the others in their language order: the paragraphs of a
    decision are numbered alike in every language.
    """
    texts = sorted(
        document.texts.all(),
        key=lambda text: (text.language not in document.authentic_languages, text.language),
    )
    for text in texts:
        paragraphs = [paragraph for paragraph in split(text.body) if paragraph.is_operative]
        if paragraphs:
            return paragraphs
    return []


def _operative_paragraph(document: Document, number: int) -> Paragraph:
    found = [find(text.body, number) for text in document.texts.all()]
    operative = [paragraph for paragraph in found if paragraph and paragraph.is_operative]
    if operative:
        return operative[0]
    if any(found):
        raise FollowUpError(
            _(
                "Paragraph: paragraph %(number)s of the decision is not operative (it has no "
                "number of its own); instructions come from operative paragraphs."
            )
            % {"number": number},
            field="paragraph",
        )
    raise FollowUpError(
        _("Paragraph: the decision has no paragraph %(number)s.") % {"number": number},
        field="paragraph",
    )


def _party(
    document: Document,
    body: Body | None,
    state: MemberState | None,
    secretariat: bool,
    *,
    field: str,
) -> None:
    """Check that one body, state or the secretariat of the organization is named."""
    if sum([body is not None, state is not None, secretariat]) != 1:
        raise FollowUpError(
            _("Addressee: name one addressee, a body, a member state or the secretariat.")
            if field == "addressee"
            else _("From: name one sender, a body, a member state or the secretariat."),
            field=field,
        )
    for named in (body, state):
        if named is not None and named.organization_id != document.organization_id:
            raise FollowUpError(
                _("%(field)s: %(name)s is not part of this organization.")
                % {"field": _("Addressee") if field == "addressee" else _("From"), "name": named},
                field=field,
            )


def do_give_instruction(
    user: AnyUser,
    document: Document,
    *,
    paragraph: int,
    action: str,
    due_on: date | None = None,
    body: Body | None = None,
    state: MemberState | None = None,
    to_secretariat: bool = False,
) -> Instruction:
    """The secretariat records what an operative paragraph of an adopted decision tells one
    addressee to do, and by when.

    The same instruction given twice (a form sent again) is the one already recorded.
    """
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    if document.status not in FOLLOWED_UP_STATUSES:
        raise FollowUpError(
            _("Only an adopted decision gives instructions; this document is %(status)s.")
            % {"status": document.get_status_display()}
        )
    found = _operative_paragraph(document, paragraph)
    _party(document, body, state, to_secretariat, field="addressee")
    action = action.strip()
    if not action:
        raise FollowUpError(_("What must be done: say what the addressee must do."), field="action")
    if due_on is not None and document.adopted_on is not None and due_on < document.adopted_on:
        raise FollowUpError(
            _("Due on: the deadline cannot fall before the decision was adopted, on %(day)s.")
            % {"day": date_format(document.adopted_on)},
            field="due_on",
        )
    with transaction.atomic():
        # The document row is the lock: two identical forms sent at once make one instruction.
        list(
            visible_documents(
                user, Document.objects.select_for_update().filter(pk=document.pk)
            ).values_list("pk", flat=True)
        )
        same = Instruction.objects.filter(
            document=document,
            paragraph=paragraph,
            body=body,
            state=state,
            is_for_secretariat=to_secretariat,
            action=action,
            due_on=due_on,
        ).first()
        if same is not None:
            return same
        instruction = Instruction.objects.create(
            document=document,
            paragraph=paragraph,
            paragraph_label=found.label,
            body=body,
            state=state,
            is_for_secretariat=to_secretariat,
            action=action,
            due_on=due_on,
            created_by_id=acting_user_id(user),
        )
        _record(
            user,
            instruction,
            EventType.INSTRUCTION_GIVEN,
            {
                "paragraph": paragraph,
                "addressee": _code(body, state),
                "due_on": due_on.isoformat() if due_on else None,
            },
        )
    return instruction


def reporting_states(user: AnyUser, instruction: Instruction) -> list[MemberState]:
    """The addressed state, when the user heads its delegation and sees the decision."""
    state = instruction.state
    document = instruction.document
    if state is None or state.pk not in states_headed(user, document.organization):
        return []
    if not visible_documents(user).filter(pk=document.pk).exists():
        return []
    return [state]


def may_report(user: AnyUser, instruction: Instruction) -> bool:
    """Whether the user may record a report on the (open) instruction."""
    if instruction.is_completed:
        return False
    return is_secretariat(user, instruction.document.organization) or bool(
        reporting_states(user, instruction)
    )


def do_record_report(
    user: AnyUser,
    instruction: Instruction,
    *,
    summary: str,
    received_on: date | None = None,
    state: MemberState | None = None,
    body: Body | None = None,
    from_secretariat: bool = False,
    completes: bool = False,
) -> Report:
    """Record a report received on an open instruction; it may complete the instruction.

    The secretariat records any report, and decides whether it completes the instruction.
    The head of delegation of the state addressed submits its state's report.
    The same report sent twice is the one already recorded.
    """
    document = instruction.document
    if not is_secretariat(user, document.organization):
        if completes or body is not None or from_secretariat:
            raise PermissionDenied
        if state is None or state not in reporting_states(user, instruction):
            raise PermissionDenied
    _party(document, body, state, from_secretariat, field="sender")
    summary = summary.strip()
    if not summary:
        raise FollowUpError(_("Summary: say what the report says."), field="summary")
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise FollowUpError(
            _("Received on: a report cannot be received after today."), field="received_on"
        )
    with transaction.atomic():
        locked = Instruction.objects.select_for_update().get(pk=instruction.pk)
        if locked.is_completed:
            raise FollowUpError(_completed_message(locked))
        same = Report.objects.filter(
            instruction=locked,
            state=state,
            body=body,
            is_from_secretariat=from_secretariat,
            received_on=received_on,
            summary=summary,
        ).first()
        if same is not None:
            return same
        report = Report.objects.create(
            instruction=locked,
            state=state,
            body=body,
            is_from_secretariat=from_secretariat,
            received_on=received_on,
            summary=summary,
            is_final=completes,
            recorded_by_id=acting_user_id(user),
        )
        _record(
            user,
            locked,
            EventType.INSTRUCTION_REPORTED,
            {
                "report": report.pk,
                "from": _code(body, state),
                "received_on": received_on.isoformat(),
            },
        )
        if completes:
            _complete(user, locked, report=report)
    instruction.status, instruction.completed_at = locked.status, locked.completed_at
    return report


def do_complete_instruction(user: AnyUser, instruction: Instruction) -> Instruction:
    """The secretariat records that the instruction is carried out."""
    if not is_secretariat(user, instruction.document.organization):
        raise PermissionDenied
    with transaction.atomic():
        locked = Instruction.objects.select_for_update().get(pk=instruction.pk)
        if locked.is_completed:
            raise FollowUpError(_completed_message(locked))
        _complete(user, locked, report=None)
    instruction.status, instruction.completed_at = locked.status, locked.completed_at
    return instruction


def _complete(user: AnyUser, instruction: Instruction, *, report: Report | None) -> None:
    instruction.status = InstructionStatus.COMPLETED
    instruction.completed_at = timezone.now()
    instruction.save(update_fields=["status", "completed_at"])
    _record(
        user,
        instruction,
        EventType.INSTRUCTION_COMPLETED,
        {"report": report.pk if report is not None else None},
    )


def do_set_plan(
    user: AnyUser, document: Document, *, horizon_on: date, start_on: date | None = None
) -> Plan:
    """The secretariat records that an adopted decision is a plan, running until its horizon
    (from ``start_on``, or from its adoption): its page then measures the progress."""
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    if document.status not in FOLLOWED_UP_STATUSES:
        raise FollowUpError(_("Only an adopted decision is a plan to follow up."))
    start = start_on or document.adopted_on
    if start is not None and horizon_on <= start:
        raise FollowUpError(
            _("The horizon must come after the start of the plan, %(day)s.")
            % {"day": date_format(start)},
            field="horizon_on",
        )
    with transaction.atomic():
        plan, _created = Plan.objects.update_or_create(
            document=document, defaults={"horizon_on": horizon_on, "start_on": start_on}
        )
        record_event(
            EventType.PLAN_SET,
            target=audit_target(document, "plan"),
            actor=user,
            extra={
                "horizon_on": horizon_on.isoformat(),
                "start_on": start_on.isoformat() if start_on else None,
            },
        )
    return plan


def _completed_message(instruction: Instruction) -> str:
    assert instruction.completed_at is not None  # noqa: S101 - a constraint says so
    return _("This instruction was completed on %(day)s; it takes no more reports.") % {
        "day": date_format(timezone.localdate(instruction.completed_at))
    }


def _code(body: Body | None, state: MemberState | None) -> str:
    """How the audit log names an addressee or a sender."""
    if state is not None:
        return f"state:{state.code}"
    if body is not None:
        return f"body:{body.code}"
    return "secretariat"


def _record(
    user: AnyUser, instruction: Instruction, event: EventType, extra: dict[str, object]
) -> None:
    record_event(
        event,
        target=audit_target(instruction.document, "instructions", instruction.pk),
        actor=user,
        extra=extra,
    )
