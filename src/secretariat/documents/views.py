"""The document list and document pages: only documents the user may see, others are 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from secretariat.accounts.access import is_secretariat
from secretariat.documents.access import access_document_by_code
from secretariat.documents.models import RelationKind
from secretariat.documents.querysets import document_page_queryset, documents_for_list
from secretariat.documents.services import SymbolError, do_assign_symbol, series_for
from secretariat.organizations.access import access_organization_by_code

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
        {"organization": organization, "page": page, "documents": page.object_list},
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
            "may_assign_symbol": not document.symbol
            and series_for(document) is not None
            and is_secretariat(request.user, organization),
        },
    )
