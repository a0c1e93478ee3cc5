"""Follow-up pages: the overview, an instruction with its reports, a decision's instructions,
and a plan's progress. Whoever may not see the decision finds nothing: lists leave it out,
its pages are 404."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from secretariat.accounts.access import is_secretariat
from secretariat.followup.access import (
    access_decision_by_code,
    access_instruction,
    access_plan_by_code,
    addressable,
    instructions_of,
    is_late,
    overview,
    plan_progress,
    visible_plans,
)
from secretariat.followup.forms import InstructionForm, PlanForm, ReportForm
from secretariat.followup.models import Instruction
from secretariat.followup.services import (
    FOLLOWED_UP_STATUSES,
    FollowUpError,
    do_complete_instruction,
    do_give_instruction,
    do_record_report,
    do_set_plan,
    may_report,
    operative_paragraphs,
    reporting_states,
)
from secretariat.organizations.access import access_organization_by_code


@dataclass
class Group:
    """The instructions to one addressee, overdue ones first."""

    title: str
    kind: str
    instructions: list[Instruction] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for instruction in self.instructions if is_late(instruction))

    @property
    def open(self) -> int:
        return sum(1 for instruction in self.instructions if not instruction.is_completed)


def _groups(instructions: list[Instruction]) -> list[Group]:
    """Group by addressee: states by code, then bodies in the charter's order, then the
    secretariat; the order of the instructions within each group is kept."""
    groups: dict[tuple[int, int, str], Group] = {}
    for instruction in instructions:
        if instruction.state is not None:
            key = (0, 0, instruction.state.code)
            title, kind = instruction.state.short_name, "state"
        elif instruction.body is not None:
            key = (1, instruction.body.position, instruction.body.code)
            title, kind = instruction.body.name, "body"
        else:
            key, title, kind = (2, 0, ""), gettext("The secretariat"), "secretariat"
        groups.setdefault(key, Group(title, kind)).instructions.append(instruction)
    return [groups[key] for key in sorted(groups)]


def _add_error(form: Form, error: FollowUpError) -> None:
    form.add_error(error.field if error.field in form.fields else None, str(error))


def instruction_list(request: HttpRequest, organization_code: str) -> HttpResponse:
    """The overview: every instruction the user may see, by state and body, overdue first."""
    organization = access_organization_by_code(organization_code)
    today = timezone.localdate()
    state, body = request.GET.get("state", ""), request.GET.get("body", "")
    instructions = list(overview(request.user, organization, on=today, state=state, body=body))
    plans = list(visible_plans(request.user, organization, on=today))
    states, bodies = addressable(organization)
    return render(
        request,
        "followup/instruction_list.html",
        {
            "organization": organization,
            "groups": _groups(instructions),
            "total": len(instructions),
            "overdue": sum(1 for instruction in instructions if is_late(instruction)),
            "plans": [(plan, plan_progress(plan, on=today)) for plan in plans],
            "states": states,
            "bodies": bodies,
            "chosen_state": state,
            "chosen_body": body,
        },
    )


def instruction_detail(request: HttpRequest, organization_code: str, pk: int) -> HttpResponse:
    """An instruction and its reports; the secretariat or the addressed state's head reports."""
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organization = access_organization_by_code(organization_code)
    instruction = access_instruction(request.user, organization, pk)
    secretariat = is_secretariat(request.user, organization)
    form = None
    if may_report(request.user, instruction):
        if secretariat:
            states, bodies = addressable(organization)
        else:
            states, bodies = reporting_states(request.user, instruction), []
        form = ReportForm(
            request.POST or None,
            states=states,
            bodies=bodies,
            secretariat=secretariat,
            initial={
                "received_on": timezone.localdate(),
                "sender": f"state:{instruction.state.code}" if instruction.state else "",
            },
        )
    if request.method == "POST":
        if form is None:
            if instruction.is_completed:
                messages.error(request, gettext("This instruction is completed."))
                return redirect(instruction)
            raise PermissionDenied
        if form.is_valid():
            body, state, from_secretariat = form.chosen_sender()
            try:
                do_record_report(
                    request.user,
                    instruction,
                    summary=form.cleaned_data["summary"],
                    received_on=form.cleaned_data["received_on"],
                    state=state,
                    body=body,
                    from_secretariat=from_secretariat,
                    completes=form.cleaned_data.get("completes", False),
                )
            except FollowUpError as error:
                _add_error(form, error)
            else:
                messages.success(request, gettext("The report is recorded."))
                return redirect(instruction)
    return render(
        request,
        "followup/instruction_detail.html",
        {
            "organization": organization,
            "document": instruction.document,
            "instruction": instruction,
            "reports": instruction.reports.all(),
            "form": form,
            "may_complete": secretariat and not instruction.is_completed,
        },
    )


@require_POST
@login_required
def instruction_complete(request: HttpRequest, organization_code: str, pk: int) -> HttpResponse:
    """The secretariat records that the instruction is carried out."""
    organization = access_organization_by_code(organization_code)
    instruction = access_instruction(request.user, organization, pk)
    try:
        do_complete_instruction(request.user, instruction)
    except FollowUpError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("The instruction is completed."))
    return redirect(instruction)


def document_instructions(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """The instructions from a decision's operative paragraphs; the secretariat gives them."""
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organization = access_organization_by_code(organization_code)
    document = access_decision_by_code(request.user, organization, document_code)
    paragraphs = operative_paragraphs(document)
    form = None
    if (
        is_secretariat(request.user, organization)
        and document.status in FOLLOWED_UP_STATUSES
        and paragraphs
    ):
        states, bodies = addressable(organization)
        form = InstructionForm(
            request.POST or None, paragraphs=paragraphs, states=states, bodies=bodies
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            body, state, to_secretariat = form.chosen_addressee()
            try:
                do_give_instruction(
                    request.user,
                    document,
                    paragraph=form.cleaned_data["paragraph"],
                    action=form.cleaned_data["action"],
                    due_on=form.cleaned_data["due_on"],
                    body=body,
                    state=state,
                    to_secretariat=to_secretariat,
                )
            except FollowUpError as error:
                _add_error(form, error)
            else:
                messages.success(request, gettext("The instruction is recorded."))
                return redirect("followup:document-instructions", organization.code, document.code)
    return render(
        request,
        "followup/document_instructions.html",
        {
            "organization": organization,
            "document": document,
            "instructions": instructions_of(document),
            "paragraphs": {paragraph.number: paragraph for paragraph in paragraphs},
            "form": form,
            "is_followed_up": document.status in FOLLOWED_UP_STATUSES,
            "plan_form": PlanForm(
                initial={"horizon_on": getattr(getattr(document, "plan", None), "horizon_on", None)}
            )
            if form is not None
            else None,
        },
    )


def plan_detail(request: HttpRequest, organization_code: str, document_code: str) -> HttpResponse:
    """A plan's progress: instructions completed, overdue, and the time gone by to its horizon."""
    organization = access_organization_by_code(organization_code)
    today = timezone.localdate()
    plan = access_plan_by_code(request.user, organization, document_code, on=today)
    instructions = overview(request.user, organization, on=today).filter(document=plan.document)
    return render(
        request,
        "followup/plan_detail.html",
        {
            "organization": organization,
            "plan": plan,
            "document": plan.document,
            "progress": plan_progress(plan, on=today),
            "instructions": instructions,
        },
    )


@require_POST
@login_required
def document_plan(request: HttpRequest, organization_code: str, document_code: str) -> HttpResponse:
    """The secretariat records the decision as a plan with its horizon."""
    organization = access_organization_by_code(organization_code)
    document = access_decision_by_code(request.user, organization, document_code)
    form = PlanForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label}: {' '.join(map(str, errors))}")
        return redirect("followup:document-instructions", organization.code, document.code)
    try:
        plan = do_set_plan(
            request.user,
            document,
            horizon_on=form.cleaned_data["horizon_on"],
            start_on=form.cleaned_data["start_on"],
        )
    except FollowUpError as error:
        messages.error(request, str(error))
        return redirect("followup:document-instructions", organization.code, document.code)
    return redirect(plan)
