"""The Secretary General signs the adopted declaration where the charter says so."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from secretariat.accounts.models import Role, RoleAssignment
from secretariat.audit.models import AuditEvent, EventType
from secretariat.documents.models import DocumentText
from secretariat.signatures import keys
from secretariat.signatures.integrity import check_signatures
from secretariat.signatures.models import Signature, SigningKey
from secretariat.signatures.services import (
    SignatureError,
    current_digest,
    do_create_server_key,
    do_register_key,
    do_sign,
    do_sign_with_server_key,
)

PAGE = "/csto/documents/2021-csc-declaration-draft/signatures/"


@pytest.fixture
def sg_key(dushanbe, secretary_general):
    private = keys.generate()
    do_register_key(
        secretary_general,
        dushanbe.organization,
        keys.public_hex(private),
        as_secretary_general=True,
    )
    return private


def test_the_secretary_general_signs_for_the_organization(
    dushanbe, adopted, secretary_general, sg_key
):
    # given
    digest = current_digest(adopted)
    signature_b64 = keys.sign(sg_key, digest)

    # when
    signature = do_sign(
        secretary_general, adopted, signature_b64=signature_b64, as_secretary_general=True
    )
    again = do_sign(
        secretary_general, adopted, signature_b64=signature_b64, as_secretary_general=True
    )

    # then: no state, verified, logged once; the same signature twice is the first
    assert signature.state is None
    assert signature.digest == digest
    assert again.pk == signature.pk
    assert SigningKey.objects.get(user=secretary_general).state is None
    event = AuditEvent.objects.get(event_type=EventType.SIGNATURE_GIVEN)
    assert event.extra["state"] is None
    assert event.extra["signer"] == "secretary-general"
    assert check_signatures().problem is None


def test_the_secretary_general_signs_with_the_demo_key(dushanbe, adopted, secretary_general):
    do_create_server_key(
        secretary_general, dushanbe.organization, "correct horse", as_secretary_general=True
    )
    signature = do_sign_with_server_key(
        secretary_general, adopted, "correct horse", as_secretary_general=True
    )
    assert signature.state is None
    assert signature.signed_by == secretary_general


def test_the_secretary_general_does_not_sign_when_the_charter_does_not_say_so(
    dushanbe, adopted, secretary_general, sg_key
):
    # given: the charter is back to the CSTO's reference
    dushanbe.organization.secretary_general_signs = False
    dushanbe.organization.save(update_fields=["secretary_general_signs"])
    adopted.organization.refresh_from_db()
    signature_b64 = keys.sign(sg_key, current_digest(adopted))

    # then
    with pytest.raises(PermissionDenied):
        do_sign(secretary_general, adopted, signature_b64=signature_b64, as_secretary_general=True)
    with pytest.raises(PermissionDenied):
        do_register_key(
            secretary_general,
            dushanbe.organization,
            keys.public_hex(keys.generate()),
            as_secretary_general=True,
        )
    assert not Signature.objects.exists()


def test_a_head_of_delegation_does_not_sign_as_the_secretary_general(
    dushanbe, adopted, secretary_general, armenia_key
):
    head = dushanbe.users["armenia_head"]
    with pytest.raises(PermissionDenied):
        do_register_key(
            head,
            dushanbe.organization,
            keys.public_hex(keys.generate()),
            as_secretary_general=True,
        )
    with pytest.raises(PermissionDenied):
        do_sign(
            head,
            adopted,
            signature_b64=keys.sign(armenia_key, current_digest(adopted)),
            as_secretary_general=True,
        )


def test_the_secretary_general_does_not_sign_for_a_state(
    dushanbe, adopted, secretary_general, sg_key
):
    signature_b64 = keys.sign(sg_key, current_digest(adopted))
    with pytest.raises(PermissionDenied):
        do_sign(secretary_general, adopted, signature_b64=signature_b64)
    with pytest.raises(PermissionDenied):
        do_sign(
            secretary_general,
            adopted,
            signature_b64=signature_b64,
            state=dushanbe.states["ARM"],
        )
    with pytest.raises(PermissionDenied):
        do_sign(
            secretary_general,
            adopted,
            signature_b64=signature_b64,
            state=dushanbe.states["ARM"],
            as_secretary_general=True,
        )


def test_the_secretary_general_does_not_sign_ad_referendum(
    dushanbe, adopted, secretary_general, sg_key
):
    with pytest.raises(SignatureError, match="ad referendum"):
        do_sign(
            secretary_general,
            adopted,
            signature_b64=keys.sign(sg_key, current_digest(adopted)),
            is_ad_referendum=True,
            as_secretary_general=True,
        )


def test_the_page_has_a_secretary_general_row_only_where_the_charter_says_so(
    fetch, dushanbe, adopted
):
    assert "Secretary General" not in fetch(PAGE, "secretariat_officer").content.decode()
    dushanbe.organization.secretary_general_signs = True
    dushanbe.organization.save(update_fields=["secretary_general_signs"])
    html = fetch(PAGE, "secretariat_officer").content.decode()
    assert "<td>Secretary General</td>" in html
    assert "not signed" in html


def test_the_secretary_general_signs_in_the_browser(client, dushanbe, adopted, secretary_general):
    # given
    client.force_login(secretary_general)
    html = client.get(PAGE).content.decode()
    assert "Sign as the Secretary General" in html
    client.post(PAGE + "keys/", {"signer": "secretary-general", "password": "correct horse"})
    assert SigningKey.objects.get(user=secretary_general).is_held_on_server

    # when
    response = client.post(
        PAGE + "sign/", {"signer": "secretary-general", "password": "correct horse"}
    )

    # then
    assert response.status_code == 302
    assert Signature.objects.get().state is None
    html = client.get(PAGE).content.decode()
    assert ">valid<" in html
    assert "Tasmagambetov" in html
    # the key is published under the office it signs for
    assert "<td>The Secretary General: " in html


def test_verify_names_the_secretary_generals_signature_on_a_changed_text(
    dushanbe, adopted, secretary_general, sg_key
):
    # given
    do_sign(
        secretary_general,
        adopted,
        signature_b64=keys.sign(sg_key, current_digest(adopted)),
        as_secretary_general=True,
    )

    # when: the authentic text changes behind the application's back
    DocumentText.objects.filter(document=adopted).update(body="Another text")

    # then
    report = check_signatures()
    assert report.problem is not None
    assert "the Secretary General" in report.problem.where


def test_a_secretary_general_role_names_no_state(dushanbe):
    role = RoleAssignment(
        user=dushanbe.users["no_role"],
        organization=dushanbe.organization,
        role=Role.SECRETARY_GENERAL,
    )
    role.save()
    assert role.state is None
