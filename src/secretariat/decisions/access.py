"""Fetching procedures: whoever may see the document sees its procedures and positions."""

from __future__ import annotations

from django.http import Http404

from secretariat.decisions.models import Procedure
from secretariat.documents.models import Document


def access_procedure(document: Document, pk: int) -> Procedure:
    """Return the document's procedure with that id, or raise ``Http404``."""
    try:
        return Procedure.objects.select_related("body", "session", "document__organization").get(
            document=document, pk=pk
        )
    except Procedure.DoesNotExist:
        raise Http404 from None


def procedures_of(document: Document) -> list[Procedure]:
    return list(Procedure.objects.filter(document=document).select_related("body"))
