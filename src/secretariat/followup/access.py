"""Who sees which instruction, report and plan: exactly who sees the document they come from.

Visibility is not decided here but by ``documents.access.visible_documents``: an instruction
of a decision the user may not see is left out of every list and count, and its page is the
ordinary 404, as the document's own page is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from secretariat.accounts.access import AnyUser
from secretariat.documents.access import access_document_by_code, visible_documents
from secretariat.documents.models import Document
from secretariat.followup.models import Instruction, InstructionStatus, Plan, Report
from secretariat.organizations.models import Body, MemberState, Organization
from secretariat.rules.followup import Progress, progress


def _visible_document_ids(user: AnyUser, organization: Organization) -> QuerySet[Document, Any]:
    return visible_documents(user).filter(organization=organization).values("pk")


def visible_instructions(user: AnyUser, organization: Organization) -> QuerySet[Instruction]:
    """The organization's instructions whose decision the user may see."""
    return Instruction.objects.filter(document__in=_visible_document_ids(user, organization))


def overdue(on: date) -> Q:
    """The instructions still open after their due date (``rules.followup.is_overdue``)."""
    return Q(status=InstructionStatus.OPEN, due_on__lt=on)


def overview(
    user: AnyUser, organization: Organization, *, on: date, state: str = "", body: str = ""
) -> QuerySet[Instruction]:
    """The instructions the user may see, overdue ones first, then by due date (none last).

    ``state`` and ``body`` narrow it to one addressee, by code.
    """
    instructions = visible_instructions(user, organization)
    if state:
        instructions = instructions.filter(state__code=state)
    if body:
        instructions = instructions.filter(body__code=body)
    return (
        instructions.select_related("document__organization", "state", "body")
        .prefetch_related("document__texts")
        .annotate(
            # 1 when overdue, else 0 (an instruction with no due date too, never NULL).
            is_late=Case(
                When(overdue(on), then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by(
            "-is_late",
            F("due_on").asc(nulls_last=True),
            "document__code",
            "paragraph",
            "pk",
        )
    )


def addressable(organization: Organization) -> tuple[list[MemberState], list[Body]]:
    """The organization's states and bodies, which instructions and reports may name: the
    states taking part in the organization today (not one that withdrew, as Uzbekistan did)."""
    return (
        list(organization.states.participating_on(timezone.localdate()).order_by("code")),
        list(organization.bodies.order_by("position", "code")),
    )


def access_decision_by_code(user: AnyUser, organization: Organization, code: str) -> Document:
    """Return the document with its texts, whose operative paragraphs instructions come from,
    or raise ``Http404`` if the user may not see it."""
    return access_document_by_code(
        user, organization, code, queryset=Document.objects.prefetch_related("texts")
    )


def instructions_of(document: Document) -> QuerySet[Instruction]:
    """The instructions from a decision, fetched by the caller through ``access_document_*``."""
    return (
        Instruction.objects.filter(document=document)
        .select_related("state", "body")
        .annotate(report_count=Count("reports"))
        .order_by("paragraph", "pk")
    )


def access_instruction(user: AnyUser, organization: Organization, pk: int) -> Instruction:
    """Return the instruction with its reports, or raise ``Http404`` if the user may not see it."""
    try:
        return (
            visible_instructions(user, organization)
            .select_related("document__organization", "state", "body", "created_by")
            .prefetch_related(
                "document__texts",
                Prefetch(
                    "reports",
                    queryset=Report.objects.select_related("state", "body", "recorded_by"),
                ),
            )
            .get(pk=pk)
        )
    except Instruction.DoesNotExist:
        raise Http404 from None


def _with_counts(plans: QuerySet[Plan], on: date) -> QuerySet[Plan]:
    instructions = "document__instructions"
    return plans.annotate(
        total=Count(instructions),
        completed=Count(
            instructions, filter=Q(document__instructions__status=InstructionStatus.COMPLETED)
        ),
        overdue=Count(
            instructions,
            filter=Q(
                document__instructions__status=InstructionStatus.OPEN,
                document__instructions__due_on__lt=on,
            ),
        ),
    )


def visible_plans(user: AnyUser, organization: Organization, *, on: date) -> QuerySet[Plan]:
    """The plans the user may see, with the counts of their instructions on the day."""
    plans = Plan.objects.filter(document__in=_visible_document_ids(user, organization))
    return (
        _with_counts(plans, on)
        .select_related("document__organization")
        .prefetch_related("document__texts")
    )


def plan_progress(plan: Plan, *, on: date) -> Progress:
    """The progress of a plan fetched by :func:`visible_plans` or :func:`access_plan_by_code`."""
    return progress(
        getattr(plan, "total", 0),
        getattr(plan, "completed", 0),
        getattr(plan, "overdue", 0),
        start_on=plan.period_start_on,
        horizon_on=plan.horizon_on,
        on=on,
    )


def is_late(instruction: Instruction) -> bool:
    """Whether an instruction fetched by :func:`overview` was overdue on its day."""
    return bool(getattr(instruction, "is_late", 0))


def access_plan_by_code(
    user: AnyUser, organization: Organization, document_code: str, *, on: date
) -> Plan:
    """Return the plan of the document with that code, with its counts, or raise ``Http404``."""
    try:
        return visible_plans(user, organization, on=on).get(document__code=document_code)
    except Plan.DoesNotExist:
        raise Http404 from None
