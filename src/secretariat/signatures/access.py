"""Reading the signatures of a document: whoever may see the document sees them all.

The signature page is treaty practice's list of signatures: every state that took part in
the decision, with its signature or why there is none, and whether each signature verifies
on the text as it is now; where the charter says so, the Secretary General's row follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.access import AnyUser
from secretariat.accounts.models import Role, RoleAssignment
from secretariat.decisions.models import PositionChoice, Procedure
from secretariat.decisions.services import members_of
from secretariat.documents.access import access_document_by_code
from secretariat.documents.models import Document
from secretariat.organizations.models import MemberState, Organization
from secretariat.signatures import keys
from secretariat.signatures.models import Signature, SigningKey


class Verdict(StrEnum):
    VALID = "valid"
    VOID = "void"
    INVALID = "invalid"


VERDICT_LABELS: dict[Verdict, Promise] = {
    Verdict.VALID: _("valid"),
    Verdict.VOID: _("void: the text changed after signing"),
    Verdict.INVALID: _("invalid signature"),
}

#: Why a state that took part has not signed, from its position in the procedure.
NOT_SIGNED_REASONS: dict[str, Promise] = {
    PositionChoice.ABSENT: _("absent on the day of the decision"),
    PositionChoice.NOT_PARTICIPATING: _("did not take part in the decision"),
    PositionChoice.NO: _("voted against"),
    PositionChoice.OBJECTION: _("objected"),
}


def verdict(signature: Signature, digest: str | None) -> Verdict:
    """Whether the signature verifies, and on the text as it is now."""
    if not keys.verifies(signature.key.public_key, signature.digest, signature.signature):
        return Verdict.INVALID
    return Verdict.VALID if signature.digest == digest else Verdict.VOID


@dataclass
class CheckedSignature:
    signature: Signature
    verdict: Verdict

    @property
    def label(self) -> Promise:
        return VERDICT_LABELS[self.verdict]


@dataclass
class StateRow:
    """A state's signatures; with no state, the Secretary General's."""

    state: MemberState | None
    signatures: list[CheckedSignature] = field(default_factory=list)
    reason: Promise | None = None

    @property
    def has_valid(self) -> bool:
        return any(checked.verdict == Verdict.VALID for checked in self.signatures)


def signature_rows(
    document: Document, procedure: Procedure | None, digest: str | None
) -> list[StateRow]:
    """One row per state that took part in the decision, with all its signatures checked."""
    if procedure is None:
        return []
    positions = dict(procedure.positions.values_list("state_id", "position"))
    signed: dict[int | None, list[Signature]] = {}
    for signature in Signature.objects.filter(document=document).select_related("key", "signed_by"):
        signed.setdefault(signature.state_id, []).append(signature)
    procedure.document = document  # members_of reads its organization: no query for it
    rows = []
    for state in members_of(procedure):
        row = StateRow(
            state, [CheckedSignature(s, verdict(s, digest)) for s in signed.get(state.pk, [])]
        )
        if not row.signatures:
            row.reason = NOT_SIGNED_REASONS.get(positions.get(state.pk, ""))
        rows.append(row)
    if document.organization.secretary_general_signs:
        rows.append(
            StateRow(None, [CheckedSignature(s, verdict(s, digest)) for s in signed.get(None, [])])
        )
    return rows


def signers(user: AnyUser, organization: Organization) -> set[int | None]:
    """Whom the user signs for: the ids of the states it heads the delegation of, and
    ``None`` for the organization when it is its Secretary General and the charter wants the
    Secretary General's signature (one query at most)."""
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return set()
    roles = [Role.HEAD_OF_DELEGATION]
    if organization.secretary_general_signs:
        roles.append(Role.SECRETARY_GENERAL)
    return set(
        RoleAssignment.objects.filter(
            user_id=user.pk, organization=organization, role__in=roles
        ).values_list("state_id", flat=True)
    )


def keys_of(organization: Organization) -> list[SigningKey]:
    """The organization's registered keys, revoked ones included (old signatures use them)."""
    return list(
        SigningKey.objects.filter(organization=organization).select_related("state", "user")
    )


def signable_states(
    user: AnyUser, organization: Organization, rows: list[StateRow]
) -> list[MemberState | None]:
    """The states on the page whose head of delegation the user is; ``None`` for the
    Secretary General's row when the user signs it."""
    if not rows:
        return []
    signing_for = signers(user, organization)
    return [row.state for row in rows if (row.state.pk if row.state else None) in signing_for]


def access_signature(document: Document, pk: int) -> Signature:
    """Return the document's signature with that id, or raise ``Http404``."""
    try:
        return Signature.objects.select_related("document__organization", "key").get(
            document=document, pk=pk
        )
    except Signature.DoesNotExist:
        raise Http404 from None


def access_signed_document(user: AnyUser, organization: Organization, code: str) -> Document:
    """The document, as ``access_document_by_code`` gives it, with its texts prefetched."""
    return access_document_by_code(
        user,
        organization,
        code,
        queryset=Document.objects.select_related("organization").prefetch_related("texts"),
    )
