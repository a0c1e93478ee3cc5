"""The signature page of a document, its signed form for outside verification, and signing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from secretariat.documents.models import Document
from secretariat.organizations.access import access_organization_by_code, states_by_code
from secretariat.organizations.models import MemberState, Organization
from secretariat.signatures import canonical
from secretariat.signatures.access import (
    access_signature,
    access_signed_document,
    keys_of,
    signable_states,
    signature_rows,
)
from secretariat.signatures.services import (
    SignatureError,
    adopting_procedure,
    do_confirm,
    do_create_server_key,
    do_register_key,
    do_sign,
    do_sign_with_server_key,
    signed_form_of,
)


def _page(organization: Organization, document: Document) -> HttpResponse:
    return redirect(reverse("signatures:signature-list", args=[organization.code, document.code]))


def _state(request: HttpRequest, organization: Organization) -> MemberState | None:
    code = request.POST.get("state", "")
    if not code:
        return None
    states = states_by_code(organization, [code])
    if not states:
        raise Http404
    return states[0]


#: The form's ``signer`` value of the Secretary General signing for the organization.
SECRETARY_GENERAL = "secretary-general"


def _as_secretary_general(request: HttpRequest) -> bool:
    return request.POST.get("signer") == SECRETARY_GENERAL


def signature_list(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """Every state that took part in the decision: its signature, or why there is none."""
    organization = access_organization_by_code(organization_code)
    document = access_signed_document(request.user, organization, document_code)
    procedure = adopting_procedure(document)
    digest = problem = None
    try:
        digest = canonical.digest(signed_form_of(document, procedure))
    except SignatureError as error:
        problem = str(error)
    rows = signature_rows(document, procedure, digest)
    signable = signable_states(request.user, organization, rows) if digest else []
    all_keys = keys_of(organization)
    own_keys = {
        key.state_id: key
        for key in all_keys
        if key.user_id == request.user.pk and key.revoked_at is None
    }
    return render(
        request,
        "signatures/signature_list.html",
        {
            "organization": organization,
            "document": document,
            "procedure": procedure,
            "digest": digest,
            "problem": problem,
            "rows": rows,
            "keys": all_keys,
            "signable": [
                (state, own_keys.get(state.pk if state is not None else None)) for state in signable
            ],
        },
    )


def signed_form_json(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """The signed form's canonical bytes: what a signature covers, to check it elsewhere."""
    organization = access_organization_by_code(organization_code)
    document = access_signed_document(request.user, organization, document_code)
    try:
        form = signed_form_of(document, adopting_procedure(document))
    except SignatureError:
        raise Http404 from None
    response = HttpResponse(canonical.canonical_bytes(form), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{document.code}.signed-form.json"'
    return response


@require_POST
@login_required
def signature_sign(
    request: HttpRequest, organization_code: str, document_code: str
) -> HttpResponse:
    """A head of delegation signs: with a signature made offline, or the demo's server key."""
    organization = access_organization_by_code(organization_code)
    document = access_signed_document(request.user, organization, document_code)
    state = _state(request, organization)
    as_secretary_general = _as_secretary_general(request)
    is_ad_referendum = request.POST.get("ad_referendum") == "on"
    reservation = request.POST.get("reservation", "")
    try:
        if request.POST.get("password"):
            do_sign_with_server_key(
                request.user,
                document,
                request.POST["password"],
                is_ad_referendum=is_ad_referendum,
                reservation=reservation,
                state=state,
                as_secretary_general=as_secretary_general,
            )
        else:
            do_sign(
                request.user,
                document,
                signature_b64=request.POST.get("signature", ""),
                is_ad_referendum=is_ad_referendum,
                reservation=reservation,
                state=state,
                as_secretary_general=as_secretary_general,
            )
    except SignatureError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("Signed."))
    return _page(organization, document)


@require_POST
@login_required
def key_register(request: HttpRequest, organization_code: str, document_code: str) -> HttpResponse:
    """Register a public key made offline, or (demo) have a key made and held on the server."""
    organization = access_organization_by_code(organization_code)
    document = access_signed_document(request.user, organization, document_code)
    state = _state(request, organization)
    as_secretary_general = _as_secretary_general(request)
    try:
        if request.POST.get("password"):
            do_create_server_key(
                request.user,
                organization,
                request.POST["password"],
                state=state,
                as_secretary_general=as_secretary_general,
            )
        else:
            do_register_key(
                request.user,
                organization,
                request.POST.get("public_key", ""),
                state=state,
                as_secretary_general=as_secretary_general,
            )
    except SignatureError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("Your signing key is registered."))
    return _page(organization, document)


@require_POST
@login_required
def signature_confirm(
    request: HttpRequest, organization_code: str, document_code: str, signature_id: int
) -> HttpResponse:
    """The head of delegation confirms a signature made ad referendum."""
    organization = access_organization_by_code(organization_code)
    document = access_signed_document(request.user, organization, document_code)
    try:
        do_confirm(request.user, access_signature(document, signature_id))
    except SignatureError as error:
        messages.error(request, str(error))
    return _page(organization, document)
