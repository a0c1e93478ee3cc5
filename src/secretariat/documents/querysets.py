"""Read-side queries for the document pages; every one goes through the visibility policy."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from secretariat.accounts.access import AnyUser
from secretariat.documents.access import visible_documents
from secretariat.documents.models import (
    Accession,
    Document,
    DocumentRelation,
    Sponsor,
    StatusChange,
)
from secretariat.organizations.models import Organization


def documents_for_list(user: AnyUser, organization: Organization) -> QuerySet[Document]:
    """The organization's documents the user may see, latest adopted first."""
    return (
        visible_documents(user, Document.objects.filter(organization=organization))
        .prefetch_related("texts", "issuing_bodies")
        .order_by(F("adopted_on").desc(nulls_last=True), "code")
    )


def document_page_queryset(user: AnyUser) -> QuerySet[Document]:
    """Documents with what their page shows, related documents narrowed to the visible ones.

    ``visible_relations`` holds the relations from the document to others, and
    ``visible_inverse_relations`` those from others to it.
    """
    visible = visible_documents(user).values("pk")
    return Document.objects.select_related(
        "organization", "adopted_at", "adopted_at_item"
    ).prefetch_related(
        "texts",
        "issuing_bodies",
        "distributed_to",
        Prefetch("sponsors", queryset=Sponsor.objects.select_related("state")),
        Prefetch("status_changes", queryset=StatusChange.objects.select_related("requested_by")),
        Prefetch("accessions", queryset=Accession.objects.select_related("state")),
        # By name: the decisions app sits above this one (docs/architecture.md).
        Prefetch("procedures", to_attr="all_procedures"),
        Prefetch(
            "relations",
            queryset=DocumentRelation.objects.filter(target__in=visible)
            .select_related("target")
            .prefetch_related("target__texts")
            .order_by("kind", "target__code"),
            to_attr="visible_relations",
        ),
        Prefetch(
            "inverse_relations",
            queryset=DocumentRelation.objects.filter(source__in=visible)
            .select_related("source")
            .prefetch_related("source__texts")
            .order_by("kind", "source__code"),
            to_attr="visible_inverse_relations",
        ),
    )
