"""The document list and document pages: only documents the user may see, others are 404."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from secretariat.accounts.access import is_secretariat
from secretariat.documents.access import access_document_by_code, may_decide_amendments
from secretariat.documents.diff import word_diff
from secretariat.documents.models import (
    Amendment,
    AmendmentKind,
    Classification,
    DocumentKind,
    DocumentText,
    RelationKind,
    Sponsorship,
)
from secretariat.documents.querysets import document_page_queryset, documents_for_list
from secretariat.documents.services import (
    EDITABLE_STATUSES,
    AmendmentError,
    DistributionError,
    LifecycleError,
    SponsorshipError,
    SymbolError,
    TextError,
    amending_states,
    do_assign_symbol,
    do_change_status,
    do_create_draft,
    do_decide_amendment,
    do_distribute,
    do_propose_amendment,
    do_record_accession,
    do_save_text,
    do_set_sponsorship,
    do_sponsor,
    may_edit_texts,
    secretariat_actions,
    series_for,
    sponsoring_states,
    text_languages,
)
from secretariat.organizations.access import (
    access_organization_by_code,
    bodies_by_code,
    states_by_code,
)
from secretariat.organizations.models import MemberState, Organization

DOCUMENTS_PER_PAGE = 50

#: How a relation reads from its target's page: "the Concept *is implemented by* the Plan".
INVERSE_RELATION_LABELS = {
    RelationKind.SUPERSEDES: _("is superseded by"),
    RelationKind.AMENDS: _("is amended by"),
    RelationKind.IMPLEMENTS: _("is implemented by"),
    RelationKind.CONTINUES: _("is continued by"),
    RelationKind.REFERS_TO: _("is referred to by"),
}


def document_list(request: HttpRequest, organization_code: str) -> HttpResponse:
    organization = access_organization_by_code(organization_code)
    paginator = Paginator(documents_for_list(request.user, organization), DOCUMENTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "documents/document_list.html",
        {
            "organization": organization,
            "page": page,
            "documents": page.object_list,
            "may_create": is_secretariat(request.user, organization),
        },
    )


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    bodies = forms.MultipleChoiceField(label=_("For the bodies"))
    classification = forms.ChoiceField(
        label=_("Classification"), choices=Classification.choices, initial=Classification.RESTRICTED
    )
    language = forms.ChoiceField(label=_("Language of this text"))
    title = forms.CharField(label=_("Title"), widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 16})
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bodies = self.fields["bodies"]
        assert isinstance(bodies, forms.MultipleChoiceField)  # noqa: S101 - declared above
        bodies.choices = [(body.code, body.name) for body in organization.bodies.all()]
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)  # noqa: S101 - declared above
        language.choices = [
            (code, get_language_info(code)["name_translated"])
            for code in text_languages(organization)
        ]


@login_required
def document_new(request: HttpRequest, organization_code: str) -> HttpResponse:
    """The secretariat starts a draft with its first text; other languages follow."""
    organization = access_organization_by_code(organization_code)
    if not is_secretariat(request.user, organization):
        raise PermissionDenied
    form = DraftForm(request.POST or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = do_create_draft(
                request.user,
                organization,
                kind=data["kind"],
                bodies=bodies_by_code(organization, data["bodies"]),
                classification=data["classification"],
                language=data["language"],
                title=data["title"],
                body=data["body"],
            )
        except TextError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, gettext("The draft is created."))
            return redirect(document)
    return render(
        request, "documents/document_new.html", {"organization": organization, "form": form}
    )


@require_POST
@login_required
def document_assign_symbol(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """Give the document its official symbol (the secretariat only; others 403, or 404)."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    try:
        symbol = do_assign_symbol(request.user, document)
    except SymbolError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("Symbol %(symbol)s assigned.") % {"symbol": symbol})
    return redirect(document)


@require_POST
@login_required
def document_sponsors(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """Open or close the list of sponsors (the secretariat), or join or leave it (a head)."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    action = request.POST.get("action", "")
    try:
        if action in {"open", "close"}:
            sponsorship = Sponsorship.OPEN if action == "open" else Sponsorship.CLOSED
            do_set_sponsorship(request.user, document, sponsorship)
        elif action in {"join", "leave"}:
            states = states_by_code(organization, [request.POST.get("state", "")])
            if not states:
                raise Http404
            do_sponsor(request.user, document, states[0], joining=action == "join")
        else:
            raise Http404
    except SponsorshipError as error:
        messages.error(request, str(error))
    return redirect(document)


@require_POST
@login_required
def document_status(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """The secretariat moves the document to its next status (withdrawn at a state's request)."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    requesting = states_by_code(organization, [request.POST.get("requested_by", "")])
    try:
        do_change_status(
            request.user,
            document,
            request.POST.get("status", ""),
            requested_by=requesting[0] if requesting else None,
            note=request.POST.get("note", ""),
        )
    except LifecycleError as error:
        messages.error(request, str(error))
    return redirect(document)


@require_POST
@login_required
def document_distribution(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """The secretariat distributes the document to more member states."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    try:
        count = do_distribute(
            request.user, document, states_by_code(organization, request.POST.getlist("states"))
        )
    except DistributionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, gettext("Distributed to %(count)s more states.") % {"count": count}
        )
    return redirect(document)


@require_POST
@login_required
def document_accession(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """The secretariat records that a state joined the adopted decision later."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    states = states_by_code(organization, [request.POST.get("state", "")])
    try:
        joined_on = date.fromisoformat(request.POST.get("joined_on", ""))
    except ValueError:
        messages.error(request, gettext("Give the date the state joined, as YYYY-MM-DD."))
        return redirect(document)
    if not states:
        raise Http404
    try:
        do_record_accession(request.user, document, states[0], joined_on)
    except LifecycleError as error:
        messages.error(request, str(error))
    return redirect(document)


def document_detail(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(
        request.user, organization, document_code, queryset=document_page_queryset(request.user)
    )
    inverse_relations = [
        (INVERSE_RELATION_LABELS.get(relation.kind, relation.kind), relation.source)
        for relation in getattr(document, "visible_inverse_relations", [])
    ]
    return render(
        request,
        "documents/document_detail.html",
        {
            "organization": organization,
            "document": document,
            "relations": [
                (relation.get_kind_display(), relation.target)
                for relation in getattr(document, "visible_relations", [])
            ],
            "inverse_relations": inverse_relations,
            "may_edit_texts": may_edit_texts(request.user, document),
            "sponsoring_states": sponsoring_states(request.user, document)
            if document.sponsorship == Sponsorship.OPEN
            else [],
            "sponsor_codes": {sponsor.state.code for sponsor in document.sponsors.all()},
            "manages_sponsors": document.status in EDITABLE_STATUSES
            and is_secretariat(request.user, organization),
            "secretariat": secretariat_actions(request.user, document),
            "may_assign_symbol": not document.symbol
            and series_for(document) is not None
            and is_secretariat(request.user, organization),
        },
    )


class TextForm(forms.Form):
    title = forms.CharField(label=_("Title"), widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 20})
    )


@login_required
def text_edit(
    request: HttpRequest, organization_code: str, document_code: str, language: str
) -> HttpResponse:
    """Edit the text in one language; each save that changes it is a new version."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    if not may_edit_texts(request.user, document):
        raise PermissionDenied
    text = document.texts.filter(language=language).first()
    if text is None and language not in text_languages(organization):
        raise Http404
    form = TextForm(
        request.POST or None,
        initial={"title": text.title, "body": text.body} if text is not None else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            version = do_save_text(request.user, document, language, data["title"], data["body"])
        except TextError as error:
            form.add_error(None, str(error))
        else:
            if version is None:
                messages.info(request, gettext("Nothing changed: no new version."))
            else:
                messages.success(
                    request, gettext("Version %(number)s saved.") % {"number": version.number}
                )
            return redirect("documents:text-versions", organization.code, document.code, language)
    return render(
        request,
        "documents/text_edit.html",
        {"organization": organization, "document": document, "language": language, "form": form},
    )


def text_versions(
    request: HttpRequest, organization_code: str, document_code: str, language: str
) -> HttpResponse:
    """The versions of a text, and two of them side by side with their differences marked."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    text = get_object_or_404(DocumentText, document=document, language=language)
    versions = list(text.versions.select_related("saved_by", "amendment__state"))
    numbers = [version.number for version in versions]
    older, newer = _chosen_pair(request, numbers)
    by_number = {version.number: version for version in versions}
    comparison = None
    if older in by_number and newer in by_number:
        comparison = {
            "older": by_number[older],
            "newer": by_number[newer],
            "title": word_diff(by_number[older].title, by_number[newer].title),
            "body": word_diff(by_number[older].body, by_number[newer].body),
        }
    return render(
        request,
        "documents/text_versions.html",
        {
            "organization": organization,
            "document": document,
            "text": text,
            "versions": versions,
            "older": older,
            "newer": newer,
            "comparison": comparison,
            "may_edit": may_edit_texts(request.user, document),
        },
    )


def _chosen_pair(request: HttpRequest, numbers: list[int]) -> tuple[int | None, int | None]:
    """The two versions asked for (``?older=1&newer=3``), by default the last two."""
    default_newer = numbers[-1] if numbers else None
    default_older = numbers[-2] if len(numbers) > 1 else None

    def number(name: str, default: int | None) -> int | None:
        try:
            return int(request.GET[name])
        except (KeyError, ValueError):
            return default

    return number("older", default_older), number("newer", default_newer)


class AmendmentForm(forms.Form):
    state = forms.ChoiceField(label=_("On behalf of"))
    kind = forms.ChoiceField(label=_("The amendment"), choices=AmendmentKind.choices)
    passage = forms.CharField(
        label=_("Passage (copied exactly from the text)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wording = forms.CharField(
        label=_("New wording"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    justification = forms.CharField(
        label=_("Justification"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, states: list[MemberState], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["state"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared just above
        field.choices = [(state.code, state.short_name) for state in states]


def text_amendments(
    request: HttpRequest, organization_code: str, document_code: str, language: str
) -> HttpResponse:
    """The amendments to a text, for whoever sees it; a delegation proposes one here."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    text = get_object_or_404(DocumentText, document=document, language=language)
    states = amending_states(request.user, document)
    form = AmendmentForm(request.POST or None, states=states) if states else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            state = next(state for state in states if state.code == data["state"])
            try:
                do_propose_amendment(
                    request.user,
                    document,
                    language,
                    state,
                    data["kind"],
                    data["passage"],
                    data["wording"],
                    data["justification"],
                )
            except AmendmentError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, gettext("The amendment is proposed."))
                return redirect(
                    "documents:text-amendments", organization.code, document.code, language
                )
    return render(
        request,
        "documents/text_amendments.html",
        {
            "organization": organization,
            "document": document,
            "text": text,
            "amendments": text.amendments.select_related("state", "proposed_by", "version"),
            "form": form,
            "may_decide": document.status in EDITABLE_STATUSES
            and may_decide_amendments(request.user, document),
        },
    )


@require_POST
@login_required
def amendment_decision(
    request: HttpRequest,
    organization_code: str,
    document_code: str,
    language: str,
    amendment_id: int,
) -> HttpResponse:
    """The secretariat accepts (as proposed, or in other words) or rejects an amendment."""
    organization = access_organization_by_code(organization_code)
    document = access_document_by_code(request.user, organization, document_code)
    amendment = get_object_or_404(
        Amendment, pk=amendment_id, text__document=document, text__language=language
    )
    accept = request.POST.get("decision") == "accept"
    wording = request.POST.get("wording")
    try:
        version = do_decide_amendment(request.user, amendment, accept=accept, wording=wording)
    except AmendmentError as error:
        messages.error(request, str(error))
    else:
        if version is None:
            messages.success(request, gettext("The amendment is rejected."))
        else:
            messages.success(
                request,
                gettext("The amendment is accepted: version %(number)s.")
                % {"number": version.number},
            )
    return redirect("documents:text-amendments", organization.code, document.code, language)
