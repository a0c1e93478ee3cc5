"""Signing adopted texts: register a key, sign, confirm a signature made ad referendum.

Each act is one service: who may act is checked, the input is validated with a message the
signer can act on, the write is one transaction, and the audit log gets an entry. A
signature is verified against the signer's registered key and the signed form of the text
*as it is now* before it is stored: nothing unverifiable enters the register.

A head of delegation signs for its state; where the charter says so
(``organization.secretary_general_signs``), the Secretary General signs too, for the
organization: the key and the signature then name no state (``as_secretary_general``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from secretariat.accounts.access import AnyUser, acting_user_id, states_headed
from secretariat.audit.models import EventType
from secretariat.audit.services import record_event
from secretariat.decisions.models import Procedure
from secretariat.decisions.services import members_of
from secretariat.documents.access import visible_documents
from secretariat.documents.models import Document, DocumentStatus
from secretariat.documents.services import audit_target
from secretariat.organizations.models import MemberState, Organization
from secretariat.signatures import canonical, keys
from secretariat.signatures.access import signers
from secretariat.signatures.models import Signature, SigningKey

#: A document in these statuses has been adopted: its text can be signed.
SIGNABLE_STATUSES = (DocumentStatus.ADOPTED, DocumentStatus.PUBLISHED)


class SignatureError(Exception):
    """The signature or key cannot be taken; the message says why, translated."""


# ------------------------------------------------------------------------ the signed form


def adopting_procedure(document: Document) -> Procedure | None:
    """The procedure that adopted the document (the latest one, if there were several)."""
    return (
        Procedure.objects.filter(document=document, closed_at__isnull=False, adopted=True)
        .select_related("body")
        .order_by("-closed_at", "-pk")
        .first()
    )


def signed_form_of(document: Document, procedure: Procedure | None) -> dict[str, Any]:
    """The document's signed form as it is now: its authentic texts, identity and outcome.

    Uses the document's texts as prefetched (``document.texts.all()``); raises
    ``SignatureError`` when an authentic text is missing or nothing adopted the text.
    """
    if document.status not in SIGNABLE_STATUSES or procedure is None:
        raise SignatureError(_("Only an adopted text is signed."))
    texts = {text.language: text for text in document.texts.all()}
    languages = sorted(document.authentic_languages)
    if not languages:
        raise SignatureError(_("The document has no authentic language to sign."))
    missing = [language for language in languages if language not in texts]
    if missing:
        raise SignatureError(
            _("The authentic text in %(languages)s is missing.") % {"languages": ", ".join(missing)}
        )
    assert procedure.closed_at is not None  # noqa: S101 - filtered by adopting_procedure
    return canonical.signed_form(
        organization=document.organization.code,
        document=document.code,
        symbol=document.symbol,
        kind=document.kind,
        adopted_on=document.adopted_on,
        outcome=canonical.outcome_data(
            body=procedure.body.code,
            matter=procedure.matter,
            procedure=procedure.kind,
            adopted=bool(procedure.adopted),
            closed_at=procedure.closed_at,
        ),
        texts=[(language, texts[language].title, texts[language].body) for language in languages],
    )


def current_digest(document: Document) -> str:
    """The digest of the document's signed form now (raises ``SignatureError`` as above)."""
    return canonical.digest(signed_form_of(document, adopting_procedure(document)))


# ------------------------------------------------------------------------ keys


def active_key(
    user: AnyUser, organization: Organization, state: MemberState | None
) -> SigningKey | None:
    """The user's key in use for the state, or (``state`` None) as the Secretary General."""
    return SigningKey.objects.filter(
        user_id=acting_user_id(user),
        organization=organization,
        state=state,
        revoked_at__isnull=True,
    ).first()


def signer_name(state: MemberState | None) -> str:
    """Who signs, as a message names it: the state, or the Secretary General."""
    return state.short_name if state is not None else _("The Secretary General")


def _signer(
    user: AnyUser,
    organization: Organization,
    state: MemberState | None,
    *,
    as_secretary_general: bool = False,
) -> MemberState | None:
    """Whom the user signs for: a state, or ``None`` for the organization.

    As the Secretary General (``as_secretary_general``): ``None``, when the user holds that
    role and the charter wants the Secretary General's signature. Otherwise the state given,
    or the only one the user heads the delegation of. Anything else is ``PermissionDenied``.
    """
    if as_secretary_general:
        if state is not None or None not in signers(user, organization):
            raise PermissionDenied
        return None
    headed = states_headed(user, organization)
    if state is not None:
        if state.pk not in headed or state.organization_id != organization.pk:
            raise PermissionDenied
        return state
    if len(headed) != 1:
        raise PermissionDenied
    return MemberState.objects.get(pk=next(iter(headed)))


def do_register_key(
    user: AnyUser,
    organization: Organization,
    public_key_text: str,
    *,
    state: MemberState | None = None,
    as_secretary_general: bool = False,
    encrypted_private_key: str = "",
) -> SigningKey:
    """Register the public key a head of delegation signs with for its state (or the
    Secretary General for the organization, ``as_secretary_general``).

    The key replaces (revokes) the signer's previous key; signatures made with the old one
    keep verifying against it. The public key is given as 64 hexadecimal characters.
    """
    state = _signer(user, organization, state, as_secretary_general=as_secretary_general)
    try:
        public_key = keys.public_hex(keys.parse_public(public_key_text))
    except keys.BadKeyError:
        raise SignatureError(
            _("This is not an Ed25519 public key: give its 64 hexadecimal characters.")
        ) from None
    fingerprint = keys.fingerprint(public_key)
    if SigningKey.objects.filter(fingerprint=fingerprint).exists():
        raise SignatureError(_("This key is already registered."))
    now = timezone.now()
    with transaction.atomic():
        SigningKey.objects.filter(
            user_id=acting_user_id(user),
            organization=organization,
            state=state,
            revoked_at__isnull=True,
        ).update(revoked_at=now)
        key = SigningKey.objects.create(
            user_id=acting_user_id(user),
            organization=organization,
            state=state,
            public_key=public_key,
            fingerprint=fingerprint,
            registered_at=now,
            encrypted_private_key=encrypted_private_key,
        )
        record_event(
            EventType.KEY_REGISTERED,
            actor=user,
            target=f"{organization.code}/keys/{fingerprint}",
            extra={
                "state": state.code if state is not None else None,
                "signer": "state" if state is not None else "secretary-general",
                "fingerprint": fingerprint,
                "held_on_server": bool(encrypted_private_key),
            },
        )
    return key


def do_create_server_key(
    user: AnyUser,
    organization: Organization,
    password: str,
    *,
    state: MemberState | None = None,
    as_secretary_general: bool = False,
) -> SigningKey:
    """Demo fallback: make a key on the server, kept encrypted with the signer's password."""
    if len(password) < 8:
        raise SignatureError(_("Choose a password of at least 8 characters for the key."))
    private = keys.generate()
    return do_register_key(
        user,
        organization,
        keys.public_hex(private),
        state=state,
        as_secretary_general=as_secretary_general,
        encrypted_private_key=keys.encrypt_private(private, password),
    )


# ------------------------------------------------------------------------ signing


def do_sign(
    user: AnyUser,
    document: Document,
    *,
    signature_b64: str,
    is_ad_referendum: bool = False,
    reservation: str = "",
    state: MemberState | None = None,
    as_secretary_general: bool = False,
) -> Signature:
    """Sign the adopted text for the state the user heads the delegation of (or, with
    ``as_secretary_general``, as the organization's Secretary General).

    The signature must be the user's registered key's on the digest of the text's signed
    form now. The same signature sent twice returns the first; another one on the same
    text is refused: a state (or the Secretary General) signs a text once.
    """
    if not visible_documents(user, Document.objects.filter(pk=document.pk)).exists():
        raise PermissionDenied
    state = _signer(user, document.organization, state, as_secretary_general=as_secretary_general)
    if state is None and is_ad_referendum:
        raise SignatureError(_("The Secretary General does not sign ad referendum."))
    procedure = adopting_procedure(document)
    digest = canonical.digest(signed_form_of(document, procedure))
    assert procedure is not None  # noqa: S101 - signed_form_of refuses a text not adopted
    if state is not None and state.pk not in {member.pk for member in members_of(procedure)}:
        raise SignatureError(
            _("%(state)s did not take part in the decision: it has no signature to give.")
            % {"state": state.short_name}
        )
    key = active_key(user, document.organization, state)
    if key is None:
        raise SignatureError(_("Register your signing key first."))
    if not keys.verifies(key.public_key, digest, signature_b64):
        raise SignatureError(
            _(
                "The signature does not verify with your key %(fingerprint)s on the digest "
                "%(digest)s: sign that digest with that key."
            )
            % {"fingerprint": key.fingerprint[:16], "digest": digest}
        )
    existing = Signature.objects.filter(document=document, state=state, digest=digest).first()
    if existing is not None:
        if existing.signature == signature_b64.strip():
            return existing
        raise SignatureError(
            _("%(state)s has already signed this text.") % {"state": signer_name(state)}
        )
    with transaction.atomic():
        signature = Signature.objects.create(
            document=document,
            state=state,
            key=key,
            digest=digest,
            signature=signature_b64.strip(),
            signed_by_id=acting_user_id(user),
            is_ad_referendum=is_ad_referendum,
            reservation=reservation.strip(),
        )
        record_event(
            EventType.SIGNATURE_GIVEN,
            actor=user,
            target=audit_target(document, "signatures", signature.pk),
            extra={
                "state": state.code if state is not None else None,
                "signer": "state" if state is not None else "secretary-general",
                "digest": digest,
                "fingerprint": key.fingerprint,
                "ad_referendum": is_ad_referendum,
                "reservation": signature.reservation,
            },
        )
    return signature


def do_sign_with_server_key(
    user: AnyUser,
    document: Document,
    password: str,
    *,
    is_ad_referendum: bool = False,
    reservation: str = "",
    state: MemberState | None = None,
    as_secretary_general: bool = False,
) -> Signature:
    """Demo fallback: sign with the key held on the server, unlocked by the signer's password."""
    state = _signer(user, document.organization, state, as_secretary_general=as_secretary_general)
    key = active_key(user, document.organization, state)
    if key is None or not key.is_held_on_server:
        raise SignatureError(_("You have no signing key held on the server."))
    try:
        private = keys.decrypt_private(key.encrypted_private_key, password)
    except keys.BadKeyError:
        raise SignatureError(_("The password does not unlock your signing key.")) from None
    return do_sign(
        user,
        document,
        signature_b64=keys.sign(private, current_digest(document)),
        is_ad_referendum=is_ad_referendum,
        reservation=reservation,
        state=state,
        as_secretary_general=as_secretary_general,
    )


def do_confirm(user: AnyUser, signature: Signature) -> Signature:
    """Confirm a signature made ad referendum: the state's head, on the text as signed."""
    if signature.state_id is None or signature.state_id not in states_headed(
        user, signature.document.organization
    ):
        raise PermissionDenied
    if not signature.is_ad_referendum:
        raise SignatureError(_("This signature was not made ad referendum."))
    if signature.confirmed_at is not None:
        return signature
    if signature.digest != current_digest(signature.document):
        raise SignatureError(_("The text changed after it was signed: sign the new text instead."))
    with transaction.atomic():
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["confirmed_at"])
        record_event(
            EventType.SIGNATURE_CONFIRMED,
            actor=user,
            target=audit_target(signature.document, "signatures", signature.pk),
            extra={"digest": signature.digest},
        )
    return signature
