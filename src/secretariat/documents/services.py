"""State changes of documents, each one service: permission, validation, one transaction, audit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, is_secretariat
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.documents.models import Document, SymbolCounter
from secretariat.organizations.models import Body
from secretariat.rules.symbols import format_symbol


class SymbolError(Exception):
    """The document cannot get an official symbol; the message says why, translated."""


@dataclass(frozen=True)
class Series:
    body: Body
    code: str
    pattern: str


def series_for(document: Document) -> Series | None:
    """The series of the first issuing body that numbers documents of this kind, if any."""
    for body in sorted(document.issuing_bodies.all(), key=lambda body: (body.position, body.code)):
        for series in body.symbol_series:
            if document.kind in series.get("kinds", []):
                return Series(body, str(series["code"]), str(series["pattern"]))
    return None


def do_assign_symbol(user: AnyUser, document: Document) -> str:
    """Give the document the next symbol of its series, for its year, once and for good.

    The year is that of the adoption, or this year for a document not adopted yet. A number
    already taken (a symbol a record file gave by hand) is passed over.
    """
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    if document.symbol:
        raise SymbolError(
            _("This document already has its symbol, %(symbol)s; a symbol never changes.")
            % {"symbol": document.symbol}
        )
    series = series_for(document)
    if series is None:
        raise SymbolError(_("The charter defines no series of symbols for this kind of document."))
    year = (document.adopted_on or timezone.localdate()).year
    with transaction.atomic():
        counter, _created = SymbolCounter.objects.select_for_update().get_or_create(
            body=series.body, series=series.code, year=year
        )
        taken = set(
            Document.objects.filter(organization=document.organization)
            .exclude(symbol="")
            .values_list("symbol", flat=True)
        )
        number = counter.last_number + 1
        while format_symbol(series.pattern, year=year, number=number) in taken:
            number += 1
        symbol = format_symbol(series.pattern, year=year, number=number)
        counter.last_number = number
        counter.save(update_fields=["last_number"])
        updated = Document.objects.filter(pk=document.pk, symbol="").update(symbol=symbol)
        if not updated:
            # Another request gave it a symbol first: leaving the block undoes this number.
            raise SymbolError(_("This document has just been given its symbol by someone else."))
        extra: dict[str, Any] = {"symbol": symbol, "series": series.code, "year": year}
        record_event(
            EventType.SYMBOL_ASSIGNED,
            target=f"{document.organization.code}/documents/{document.code}",
            actor=user,
            extra=extra,
        )
    document.symbol = symbol
    return symbol
