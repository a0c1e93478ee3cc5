"""State changes of documents, each one service: permission, validation, one transaction, audit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, is_secretariat
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.documents.models import (
    Document,
    DocumentStatus,
    DocumentText,
    SymbolCounter,
    TextOrigin,
    TextVersion,
)
from secretariat.organizations.models import Body, Organization
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


class TextError(Exception):
    """The text cannot be saved; the message says why, translated."""


#: While a document is in one of these states its texts may change; afterwards they are fixed.
EDITABLE_STATUSES = frozenset({DocumentStatus.DRAFT, DocumentStatus.UNDER_NEGOTIATION})


def text_languages(organization: Organization) -> list[str]:
    """The languages a document may have a text in: the organization's and the site's."""
    site = [code for code, _name in settings.LANGUAGES]
    return list(
        dict.fromkeys([*organization.official_languages, *organization.working_languages, *site])
    )


def may_edit_texts(user: AnyUser, document: Document) -> bool:
    return document.status in EDITABLE_STATUSES and is_secretariat(user, document.organization)


def do_save_text(
    user: AnyUser, document: Document, language: str, title: str, body: str
) -> TextVersion | None:
    """Save the document's text in a language as its next version; None when nothing changed.

    The first edit of a text loaded from a record keeps the loaded text as version 1, so
    that every version can be compared with the one before.
    """
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    if document.status not in EDITABLE_STATUSES:
        raise TextError(
            _("The text of a document that is %(status)s no longer changes.")
            % {"status": document.get_status_display()}
        )
    if (
        language not in text_languages(document.organization)
        and not document.texts.filter(language=language).exists()
    ):
        raise TextError(
            _("%(language)s is not a language of this organization.") % {"language": language}
        )
    title, body = title.strip(), body.strip()
    if not title:
        raise TextError(_("A text needs a title."))
    with transaction.atomic():
        text = (
            DocumentText.objects.select_for_update()
            .filter(document=document, language=language)
            .first()
        )
        if text is None:
            text = DocumentText.objects.create(
                document=document,
                language=language,
                title=title,
                body=body,
                is_translation=language not in document.authentic_languages,
            )
        else:
            if not text.versions.exists():
                TextVersion.objects.create(
                    text=text,
                    number=1,
                    title=text.title,
                    body=text.body,
                    origin=TextOrigin.RECORDED,
                )
            if (text.title, text.body) == (title, body):
                return None
            text.title, text.body = title, body
            text.save(update_fields=["title", "body"])
        last = text.versions.order_by("-number").values_list("number", flat=True).first() or 0
        version = TextVersion.objects.create(
            text=text, number=last + 1, title=title, body=body, saved_by_id=user.pk
        )
        record_event(
            EventType.TEXT_SAVED,
            target=f"{document.organization.code}/documents/{document.code}/texts/{language}",
            actor=user,
            extra={"version": version.number},
        )
    return version
