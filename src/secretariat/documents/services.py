"""State changes of documents, each one service: permission, validation, one transaction, audit."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from secretariat.accounts.access import (
    AnyUser,
    acting_user_id,
    is_secretariat,
    states_represented,
)
from secretariat.accounts.models import Role
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.documents.access import may_decide_amendments
from secretariat.documents.amending import PassageError, amended
from secretariat.documents.models import (
    Accession,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Classification,
    Document,
    DocumentKind,
    DocumentStatus,
    DocumentText,
    Sponsor,
    Sponsorship,
    StatusChange,
    SymbolCounter,
    TextOrigin,
    TextVersion,
)
from secretariat.organizations.models import (
    Body,
    MemberState,
    Organization,
    receives_documents_on,
)
from secretariat.rules import lifecycle
from secretariat.rules.symbols import format_symbol


def audit_target(document: Document, *parts: object) -> str:
    """How the audit log names a document, or a part of it: ``csto/documents/<code>/texts/en``."""
    return "/".join([document.organization.code, "documents", document.code, *map(str, parts)])


def _keep_recorded(text: DocumentText) -> None:
    """Before the first change made here, keep the text as recorded as version 1.

    So every version can be compared with the one before it.
    """
    if not text.versions.exists():
        TextVersion.objects.create(
            text=text, number=1, title=text.title, body=text.body, origin=TextOrigin.RECORDED
        )


def _new_version(
    text: DocumentText,
    *,
    title: str,
    body: str,
    user: AnyUser,
    origin: str = TextOrigin.EDITED,
    amendment: Amendment | None = None,
) -> TextVersion:
    """Make the text read so, as its next version."""
    last = text.versions.order_by("-number").values_list("number", flat=True).first() or 0
    text.title, text.body = title, body
    text.save(update_fields=["title", "body"])
    return TextVersion.objects.create(
        text=text,
        number=last + 1,
        title=title,
        body=body,
        saved_by_id=user.pk,
        origin=origin,
        amendment=amendment,
    )


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
            target=audit_target(document),
            actor=user,
            extra=extra,
        )
    document.symbol = symbol
    return symbol


class TextError(Exception):
    """The text cannot be saved; the message says why, translated."""


def _free_code(organization: Organization, year: int, title: str, kind: str) -> str:
    """A code for a new document: its year and title as a slug, numbered when taken."""
    base = f"{year}-{slugify(title)[:80].strip('-') or kind}"
    taken = set(
        Document.objects.filter(organization=organization, code__startswith=base).values_list(
            "code", flat=True
        )
    )
    code, number = base, 1
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return code


def do_create_draft(
    user: AnyUser,
    organization: Organization,
    *,
    kind: str,
    bodies: list[Body],
    classification: str,
    language: str,
    title: str,
    body: str,
) -> Document:
    """The secretariat starts a draft: its first text, in one language, is version 1.

    The draft goes to nobody yet (distribution is a step of its own); its authentic languages
    are the organization's official ones, and the texts in other languages are translations.
    """
    if not is_secretariat(user, organization):
        raise PermissionDenied
    if kind not in DocumentKind.values:
        raise TextError(_("Unknown kind of document."))
    if classification not in Classification.values:
        raise TextError(_("Unknown classification."))
    if not bodies:
        raise TextError(_("Name the body or bodies the draft is for."))
    if any(body_.organization_id != organization.pk for body_ in bodies):
        raise PermissionDenied
    # The text's language and title are checked by do_save_text: its refusal undoes the draft.
    with transaction.atomic():
        document = Document.objects.create(
            organization=organization,
            code=_free_code(organization, timezone.localdate().year, title, kind),
            kind=kind,
            authentic_languages=list(organization.official_languages),
            classification=classification,
            status=DocumentStatus.DRAFT,
        )
        document.issuing_bodies.set(bodies)
        record_event(
            EventType.DRAFT_CREATED,
            target=audit_target(document),
            actor=user,
            extra={"kind": kind, "classification": classification},
        )
        do_save_text(user, document, language, title, body)
    return document


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
            _keep_recorded(text)
            if (text.title, text.body) == (title, body):
                return None
        version = _new_version(text, title=title, body=body, user=user)
        record_event(
            EventType.TEXT_SAVED,
            target=audit_target(document, "texts", language),
            actor=user,
            extra={"version": version.number},
        )
    return version


class AmendmentError(Exception):
    """The amendment cannot be proposed or applied; the message says why, translated."""


def _passage_problem(error: PassageError) -> str:
    if error.count == 0:
        return _("The passage does not stand in the current text; copy it exactly.")
    return _(
        "The passage stands %(count)s times in the text; quote enough words to make it unique."
    ) % {"count": error.count}


def amending_states(user: AnyUser, document: Document) -> list[MemberState]:
    """The states on whose behalf the user may propose amendments to the document."""
    if document.status not in EDITABLE_STATUSES:
        return []
    represented = states_represented(user, document.organization)
    return list(document.distributed_to.filter(pk__in=represented).order_by("code"))


def do_propose_amendment(
    user: AnyUser,
    document: Document,
    language: str,
    state: MemberState,
    kind: str,
    passage: str,
    wording: str,
    justification: str,
) -> Amendment:
    """A delegation proposes, on behalf of its state, to change a passage of a draft."""
    represented = states_represented(user, document.organization)
    if state.pk not in represented or not document.distributed_to.filter(pk=state.pk).exists():
        raise PermissionDenied
    if document.status not in EDITABLE_STATUSES:
        raise AmendmentError(
            _("A document that is %(status)s can no longer be amended.")
            % {"status": document.get_status_display()}
        )
    text = document.texts.filter(language=language).first()
    if text is None:
        raise AmendmentError(_("The document has no text in this language."))
    if kind not in AmendmentKind.values:
        raise AmendmentError(_("Choose what the amendment does."))
    if kind != AmendmentKind.DELETE and not wording.strip():
        raise AmendmentError(_("Give the new wording."))
    if not justification.strip():
        raise AmendmentError(_("Say why the amendment is proposed."))
    try:
        amended(text.body, kind, passage, wording)
    except PassageError as error:
        raise AmendmentError(_passage_problem(error)) from None
    with transaction.atomic():
        amendment = Amendment.objects.create(
            text=text,
            state=state,
            kind=kind,
            passage=passage,
            wording=wording if kind != AmendmentKind.DELETE else "",
            justification=justification.strip(),
            proposed_by_id=acting_user_id(user),
        )
        record_event(
            EventType.AMENDMENT_PROPOSED,
            target=audit_target(document, "texts", language),
            actor=user,
            extra={"amendment": amendment.pk, "state": state.code, "kind": kind},
        )
    return amendment


def do_decide_amendment(
    user: AnyUser, amendment: Amendment, *, accept: bool, wording: str | None = None
) -> TextVersion | None:
    """Accept (in the proposed or in other words) or reject an amendment.

    Accepting applies it to the current text, which becomes a new version recording the
    amendment it came from. Returns that version, or None for a rejection.
    """
    document = amendment.text.document
    if not may_decide_amendments(user, document):
        raise PermissionDenied
    with transaction.atomic():
        amendment = (
            Amendment.objects.select_for_update().select_related("text").get(pk=amendment.pk)
        )
        if amendment.status != AmendmentStatus.PROPOSED:
            raise AmendmentError(
                _("This amendment has already been %(status)s.")
                % {"status": amendment.get_status_display()}
            )
        amendment.decided_by_id = user.pk
        amendment.decided_at = timezone.now()
        if not accept:
            amendment.status = AmendmentStatus.REJECTED
            amendment.save(update_fields=["status", "decided_by", "decided_at"])
            _record_decision(user, amendment)
            return None
        if document.status not in EDITABLE_STATUSES:
            raise AmendmentError(
                _("A document that is %(status)s can no longer be amended.")
                % {"status": document.get_status_display()}
            )
        final = amendment.wording if wording is None else wording
        text = DocumentText.objects.select_for_update().get(pk=amendment.text_id)
        try:
            body = amended(text.body, amendment.kind, amendment.passage, final)
        except PassageError as error:
            raise AmendmentError(_passage_problem(error)) from None
        amendment.status = (
            AmendmentStatus.ACCEPTED if final == amendment.wording else AmendmentStatus.MERGED
        )
        amendment.save(update_fields=["status", "decided_by", "decided_at"])
        _keep_recorded(text)
        version = _new_version(
            text,
            title=text.title,
            body=body,
            user=user,
            origin=TextOrigin.AMENDMENT,
            amendment=amendment,
        )
        _record_decision(user, amendment)
    return version


def _record_decision(user: AnyUser, amendment: Amendment) -> None:
    document = amendment.text.document
    record_event(
        EventType.AMENDMENT_DECIDED,
        target=audit_target(document, "texts", amendment.text.language),
        actor=user,
        extra={"amendment": amendment.pk, "status": amendment.status},
    )


class SponsorshipError(Exception):
    """The list of sponsors cannot change so; the message says why, translated."""


def do_set_sponsorship(user: AnyUser, document: Document, sponsorship: str) -> None:
    """The secretariat opens the list of sponsors of a draft, or closes it."""
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    if sponsorship not in {Sponsorship.OPEN, Sponsorship.CLOSED}:
        raise SponsorshipError(_("A list of sponsors is opened or closed."))
    if sponsorship == Sponsorship.OPEN and document.status not in EDITABLE_STATUSES:
        raise SponsorshipError(_("Only a draft has a list of sponsors to open."))
    with transaction.atomic():
        Document.objects.filter(pk=document.pk).update(sponsorship=sponsorship)
        record_event(
            EventType.SPONSORSHIP_CHANGED,
            target=audit_target(document),
            actor=user,
            extra={"sponsorship": sponsorship},
        )
    document.sponsorship = sponsorship


def sponsoring_states(user: AnyUser, document: Document) -> list[MemberState]:
    """The states whose head of delegation the user is and that received the draft.

    Only states taking part in decisions today: sponsoring is a member's position, so an
    observer or a partner does not sponsor, even a draft distributed to it.
    """
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return []
    return list(
        document.distributed_to.filter(roles__user_id=user.pk, roles__role=Role.HEAD_OF_DELEGATION)
        .participating_on(timezone.localdate())
        .order_by("code")
    )


def do_sponsor(user: AnyUser, document: Document, state: MemberState, *, joining: bool) -> None:
    """A head of delegation puts the state on the list of sponsors, or takes it off.

    Sponsoring is a position of the state, so only its head of delegation may take it.
    A state already on the list stays on it once (joining twice changes nothing).
    """
    if state not in sponsoring_states(user, document):
        raise PermissionDenied
    if document.sponsorship != Sponsorship.OPEN:
        raise SponsorshipError(_("The list of sponsors of this document is not open."))
    with transaction.atomic():
        if joining:
            _sponsor, created = Sponsor.objects.get_or_create(
                document=document, state=state, defaults={"joined_by_id": acting_user_id(user)}
            )
            changed = created
        else:
            changed = bool(Sponsor.objects.filter(document=document, state=state).delete()[0])
        if changed:
            record_event(
                EventType.SPONSORSHIP_CHANGED,
                target=audit_target(document),
                actor=user,
                extra={"state": state.code, "joined": joining},
            )


class LifecycleError(Exception):
    """The document cannot take that step; the message says why, translated."""


def do_change_status(
    user: AnyUser,
    document: Document,
    status: str,
    *,
    requested_by: MemberState | None = None,
    note: str = "",
) -> StatusChange:
    """Move the document to the next step of its life, keeping the step in its history."""
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    return apply_status(document, status, user=user, requested_by=requested_by, note=note)


def text_digests(document: Document) -> dict[str, str]:
    """The SHA-256 of each text of the document, by language: what an adoption fixes.

    Logged with the adoption, so that ``secretariat verify`` finds an adopted text changed
    afterwards (``documents.integrity``).
    """
    return {
        text.language: hashlib.sha256(f"{text.title}\n\n{text.body}".encode()).hexdigest()
        for text in DocumentText.objects.filter(document=document).order_by("language")
    }


def apply_status(
    document: Document,
    status: str,
    *,
    user: AnyUser | None,
    requested_by: MemberState | None = None,
    note: str = "",
    actor_label: str = "",
    on: date | None = None,
) -> StatusChange:
    """Take the step, checked against the lifecycle; the caller has checked who may.

    ``user`` is None when the system takes the step (a procedure closing at its deadline).
    ``on`` dates an adoption: the day of the session that took it, when the secretariat
    records the vote after the sitting; today by default.
    """
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        if not lifecycle.can_follow(current.status, status):
            raise LifecycleError(
                _("A document that is %(current)s cannot become %(next)s.")
                % {
                    "current": current.get_status_display(),
                    "next": DocumentStatus(status).label
                    if status in DocumentStatus.values
                    else status,
                }
            )
        if status in lifecycle.NEEDS_REQUESTING_STATE and requested_by is None:
            raise LifecycleError(_("Say which state asked for the withdrawal."))
        if status == DocumentStatus.PUBLISHED and current.classification != Classification.PUBLIC:
            raise LifecycleError(_("Only a public document is published."))
        change = StatusChange.objects.create(
            document=current,
            from_status=current.status,
            to_status=status,
            changed_by_id=user.pk if user is not None else None,
            requested_by=requested_by,
            note=note.strip(),
        )
        current.status = status
        fields = ["status"]
        if status == DocumentStatus.ADOPTED and current.adopted_on is None:
            current.adopted_on = on or timezone.localdate()
            fields.append("adopted_on")
        if status == DocumentStatus.PUBLISHED and current.published_on is None:
            current.published_on = timezone.localdate()
            fields.append("published_on")
        current.save(update_fields=fields)
        record_event(
            EventType.STATUS_CHANGED,
            target=audit_target(document),
            actor=user,
            actor_label=actor_label,
            extra={"from": change.from_status, "to": status}
            | ({"texts": text_digests(current)} if status == DocumentStatus.ADOPTED else {}),
        )
    document.status = status
    return change


class DistributionError(Exception):
    """The document cannot go to that state; the message says why, translated."""


def do_distribute(user: AnyUser, document: Document, states: list[MemberState]) -> int:
    """Distribute the document to more states; returns how many received it now.

    Only to states that receive documents today (``receives_documents_on``): members, and
    observers or partners where the charter lets them receive documents. Distributing to
    another state would give its delegation nothing (the visibility policy follows the same
    rule), so it is refused rather than recorded.
    """
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    if any(state.organization_id != document.organization_id for state in states):
        raise PermissionDenied
    receiving = set(
        MemberState.objects.filter(pk__in=[state.pk for state in states])
        .receiving_documents_on(timezone.localdate())
        .values_list("pk", flat=True)
    )
    refused = [state for state in states if state.pk not in receiving]
    if refused:
        raise DistributionError(
            _(
                "%(states)s cannot receive documents: they go to members, and to observers "
                "or partners only where the charter says so."
            )
            % {"states": ", ".join(state.short_name for state in refused)}
        )
    with transaction.atomic():
        already = set(document.distributed_to.values_list("pk", flat=True))
        new = [state for state in states if state.pk not in already]
        document.distributed_to.add(*new)
        if new:
            record_event(
                EventType.DOCUMENT_DISTRIBUTED,
                target=audit_target(document),
                actor=user,
                extra={"states": sorted(state.code for state in new)},
            )
    return len(new)


def do_record_accession(
    user: AnyUser, document: Document, state: MemberState, joined_on: date
) -> Accession:
    """Record that a state joined an adopted decision later, and when."""
    if not is_secretariat(user, document.organization):
        raise PermissionDenied
    if document.status not in {DocumentStatus.ADOPTED, DocumentStatus.PUBLISHED}:
        raise LifecycleError(_("Only an adopted decision can be joined later."))
    if document.adopted_on is not None and joined_on < document.adopted_on:
        raise LifecycleError(_("A state joins a decision after its adoption, not before."))
    with transaction.atomic():
        accession, created = Accession.objects.get_or_create(
            document=document,
            state=state,
            defaults={"joined_on": joined_on, "recorded_by_id": acting_user_id(user)},
        )
        if not created:
            raise LifecycleError(
                _("%(state)s already joined this decision.") % {"state": state.short_name}
            )
        record_event(
            EventType.ACCESSION_RECORDED,
            target=audit_target(document),
            actor=user,
            extra={"state": state.code, "joined_on": joined_on.isoformat()},
        )
    return accession


@dataclass(frozen=True)
class SecretariatActions:
    """What the document page offers the secretariat: next statuses and states to act for."""

    next_statuses: list[tuple[str, str]]
    undistributed: list[MemberState]
    members: list[MemberState]
    may_record_accession: bool
    #: Languages the draft has no text in yet, which the secretariat may add.
    missing_languages: list[str]


def secretariat_actions(user: AnyUser, document: Document) -> SecretariatActions | None:
    """The secretariat's actions on the document, or None for anybody else."""
    if not is_secretariat(user, document.organization):
        return None
    today = timezone.localdate()
    members = list(
        document.organization.states.annotate(
            receives_documents=Exists(
                MemberState.objects.filter(receives_documents_on(today), pk=OuterRef("pk"))
            )
        ).order_by("code")
    )
    distributed = {state.pk for state in document.distributed_to.all()}
    return SecretariatActions(
        next_statuses=[
            (status, str(DocumentStatus(status).label))
            for status in DocumentStatus.values
            if lifecycle.can_follow(document.status, status)
        ],
        undistributed=[
            state
            for state in members
            if state.pk not in distributed and getattr(state, "receives_documents", False)
        ],
        members=members,
        may_record_accession=document.status in {DocumentStatus.ADOPTED, DocumentStatus.PUBLISHED},
        missing_languages=[
            language
            for language in text_languages(document.organization)
            if language not in {text.language for text in document.texts.all()}
        ]
        if document.status in EDITABLE_STATUSES
        else [],
    )
