"""Adoption procedures in the browser: open, answer, close; the outcome with its explanation."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from secretariat.decisions.access import access_procedure
from secretariat.decisions.models import PositionChoice, ProcedureKind
from secretariat.decisions.services import (
    ProcedureError,
    do_close_procedure,
    do_give_position,
    do_open_procedure,
    may_answer_for,
    may_close,
    members_of,
)
from secretariat.documents.access import access_document_by_code
from secretariat.organizations.access import (
    access_body_by_code,
    access_organization_by_code,
    states_by_code,
)
from secretariat.rules.paragraphs import split


@require_POST
@login_required
def procedure_open(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """The secretariat puts the agreed draft to a body's decision, under one matter's rule."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    body_code, _separator, matter = request.POST.get("rule", "").partition(":")
    body = access_body_by_code(organization, body_code)
    kind = request.POST.get("kind", ProcedureKind.IN_SESSION)
    closes_at = None
    if request.POST.get("closes_at"):
        try:
            closes_at = datetime.fromisoformat(request.POST["closes_at"]).replace(
                tzinfo=ZoneInfo(organization.timezone)
            )
        except ValueError:
            messages.error(request, gettext("Give the deadline as a date and a time."))
            return redirect(document)
    try:
        procedure = do_open_procedure(
            request.user, document, body, matter, kind=kind, closes_at=closes_at
        )
    except ProcedureError as error:
        messages.error(request, str(error))
        return redirect(document)
    return redirect(procedure)


def procedure_detail(
    request: HttpRequest, organization_code: str, document_code: str, procedure_id: int
) -> HttpResponse:
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    procedure = access_procedure(document, procedure_id)
    positions = {position.state_id: position for position in procedure.positions.all()}
    members = members_of(procedure)
    language = (get_language() or "en").split("-")[0]
    return render(
        request,
        "decisions/procedure_detail.html",
        {
            "organization": organization,
            "document": document,
            "procedure": procedure,
            "rows": [(state, positions.get(state.pk)) for state in members],
            "answerable": may_answer_for(request.user, procedure) if procedure.is_open else [],
            "choices": PositionChoice.choices,
            "may_close": procedure.is_open and may_close(request.user, procedure),
            "explanation": procedure.explanation.get(language)
            or procedure.explanation.get("en", []),
        },
    )


@require_POST
@login_required
def procedure_position(
    request: HttpRequest, organization_code: str, document_code: str, procedure_id: int
) -> HttpResponse:
    """A head of delegation (or the secretariat) gives a state's position."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    procedure = access_procedure(document, procedure_id)
    states = states_by_code(organization, [request.POST.get("state", "")])
    if not states:
        raise Http404
    paragraph = request.POST.get("paragraph", "").strip()
    if paragraph and not paragraph.isdigit():
        messages.error(request, gettext("Give the paragraph as its number, e.g. 3."))
        return redirect(procedure)
    try:
        do_give_position(
            request.user,
            procedure,
            states[0],
            request.POST.get("position", ""),
            request.POST.get("note", ""),
            paragraph=int(paragraph) if paragraph else None,
        )
    except ProcedureError as error:
        messages.error(request, str(error))
    return redirect(procedure)


@require_POST
@login_required
def procedure_close(
    request: HttpRequest, organization_code: str, document_code: str, procedure_id: int
) -> HttpResponse:
    """The secretariat closes the procedure; the rules engine gives the outcome."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    procedure = access_procedure(document, procedure_id)
    try:
        do_close_procedure(request.user, procedure)
    except ProcedureError as error:
        messages.error(request, str(error))
    return redirect(procedure)


def adopted_text(
    request: HttpRequest, organization_code: str, document_code: str, procedure_id: int
) -> HttpResponse:
    """The text as adopted, with the reservations and statements printed where they belong.

    Each one is a numbered note at the paragraph it concerns (or at the end of the text when
    it concerns the whole), and all of them are listed again in an annex, as IGOs publish them.
    """
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    procedure = access_procedure(document, procedure_id)
    if not procedure.adopted:
        raise Http404
    notes = [position for position in procedure.positions.select_related("state") if position.note]
    # In the order of the text; notes on the text as a whole come last.
    notes.sort(key=lambda note: (note.paragraph is None, note.paragraph or 0, note.state.code))
    numbered = {position.pk: number for number, position in enumerate(notes, start=1)}
    texts = []
    for text in document.texts.all():
        paragraphs = [
            (paragraph, [(numbered[p.pk], p) for p in notes if p.paragraph == paragraph.number])
            for paragraph in split(text.body)
        ]
        texts.append((text, paragraphs))
    return render(
        request,
        "decisions/adopted_text.html",
        {
            "organization": organization,
            "document": document,
            "procedure": procedure,
            "texts": texts,
            "general_notes": [(numbered[p.pk], p) for p in notes if p.paragraph is None],
            "annex": [(numbered[p.pk], p) for p in notes],
        },
    )
