"""Signing the adopted declaration: keys, verified signatures, ad referendum, the demo key."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from secretariat.accounts.models import Role, RoleAssignment
from secretariat.audit.models import AuditEvent, EventType
from secretariat.documents.models import Document, DocumentText
from secretariat.signatures import keys
from secretariat.signatures.models import Signature, SigningKey
from secretariat.signatures.services import (
    SignatureError,
    current_digest,
    do_confirm,
    do_create_server_key,
    do_register_key,
    do_sign,
    do_sign_with_server_key,
)


def test_a_head_of_delegation_signs_with_a_registered_key(dushanbe, adopted, armenia_key):
    # given
    head = dushanbe.users["armenia_head"]
    digest = current_digest(adopted)

    # when
    signature = do_sign(head, adopted, signature_b64=keys.sign(armenia_key, digest))

    # then
    assert signature.state == dushanbe.states["ARM"]
    assert signature.digest == digest
    assert not signature.is_ad_referendum
    assert AuditEvent.objects.filter(event_type=EventType.SIGNATURE_GIVEN).count() == 1


def test_the_same_signature_twice_returns_the_first(dushanbe, adopted, armenia_key):
    head = dushanbe.users["armenia_head"]
    signed = keys.sign(armenia_key, current_digest(adopted))
    first = do_sign(head, adopted, signature_b64=signed)
    assert do_sign(head, adopted, signature_b64=signed) == first
    assert Signature.objects.count() == 1


def test_a_signature_on_another_digest_or_by_another_key_is_refused(dushanbe, adopted, armenia_key):
    head = dushanbe.users["armenia_head"]
    with pytest.raises(SignatureError, match="does not verify"):
        do_sign(head, adopted, signature_b64=keys.sign(armenia_key, "00" * 32))
    with pytest.raises(SignatureError, match="does not verify"):
        do_sign(head, adopted, signature_b64=keys.sign(keys.generate(), current_digest(adopted)))
    with pytest.raises(SignatureError, match="does not verify"):
        do_sign(head, adopted, signature_b64="not base64!")
    assert not Signature.objects.exists()


def test_a_text_not_adopted_is_not_signed(dushanbe, armenia_key):
    # given: the declaration still a draft
    draft = Document.objects.get(code="2021-csc-declaration-draft")

    # then
    with pytest.raises(SignatureError, match="Only an adopted text"):
        do_sign(dushanbe.users["armenia_head"], draft, signature_b64="")


@pytest.mark.parametrize(
    "persona", ["armenia_delegate", "kazakhstan_delegate", "secretariat_officer", "no_role"]
)
def test_only_a_head_of_delegation_signs_or_registers_a_key(dushanbe, adopted, persona):
    user = dushanbe.users[persona]
    with pytest.raises(PermissionDenied):
        do_register_key(user, dushanbe.organization, keys.public_hex(keys.generate()))
    with pytest.raises(PermissionDenied):
        do_sign(user, adopted, signature_b64="")


def test_a_head_signs_only_for_its_own_state(dushanbe, adopted, armenia_key):
    with pytest.raises(PermissionDenied):
        do_sign(
            dushanbe.users["armenia_head"],
            adopted,
            signature_b64="",
            state=dushanbe.states["RUS"],
        )


def test_a_malformed_or_reused_public_key_is_refused(dushanbe, armenia_key):
    head = dushanbe.users["armenia_head"]
    with pytest.raises(SignatureError, match="not an Ed25519 public key"):
        do_register_key(head, dushanbe.organization, "abc")
    with pytest.raises(SignatureError, match="already registered"):
        do_register_key(head, dushanbe.organization, keys.public_hex(armenia_key))


def test_a_new_key_replaces_the_old_one(dushanbe, armenia_key):
    head = dushanbe.users["armenia_head"]
    new = do_register_key(head, dushanbe.organization, keys.public_hex(keys.generate()))
    assert SigningKey.objects.filter(revoked_at__isnull=True).get() == new
    assert SigningKey.objects.count() == 2


def test_a_signature_ad_referendum_is_confirmed_later(dushanbe, adopted, armenia_key):
    # given
    head = dushanbe.users["armenia_head"]
    signature = do_sign(
        head,
        adopted,
        signature_b64=keys.sign(armenia_key, current_digest(adopted)),
        is_ad_referendum=True,
        reservation="Subject to ratification.",
    )
    with pytest.raises(PermissionDenied):
        do_confirm(dushanbe.users["armenia_delegate"], signature)

    # when
    confirmed = do_confirm(head, signature)

    # then
    assert confirmed.confirmed_at is not None
    assert confirmed.reservation == "Subject to ratification."
    assert AuditEvent.objects.filter(event_type=EventType.SIGNATURE_CONFIRMED).count() == 1


def test_a_signature_on_a_changed_text_is_not_confirmed(dushanbe, adopted, armenia_key):
    head = dushanbe.users["armenia_head"]
    signature = do_sign(
        head,
        adopted,
        signature_b64=keys.sign(armenia_key, current_digest(adopted)),
        is_ad_referendum=True,
    )
    DocumentText.objects.filter(document=adopted, language="ru").update(body="Изменено.")
    with pytest.raises(SignatureError, match="text changed"):
        do_confirm(head, signature)


def test_the_demo_key_held_on_the_server_signs_with_its_password(dushanbe, adopted):
    # given
    head = dushanbe.users["armenia_head"]
    key = do_create_server_key(head, dushanbe.organization, "correct horse")
    assert key.encrypted_private_key.startswith("scrypt$")

    # when: a wrong password, then the right one
    with pytest.raises(SignatureError, match="does not unlock"):
        do_sign_with_server_key(head, adopted, "wrong password")
    signature = do_sign_with_server_key(head, adopted, "correct horse")

    # then
    assert keys.verifies(key.public_key, current_digest(adopted), signature.signature)


def test_a_state_not_taking_part_on_the_day_has_nothing_to_sign(dushanbe, adopted):
    # given: the Armenian head also heads Uzbekistan's delegation (a test shortcut);
    # Uzbekistan, suspended, was not among the members taking part on the day
    head = dushanbe.users["armenia_head"]
    RoleAssignment.objects.create(
        user=head,
        organization=dushanbe.organization,
        role=Role.HEAD_OF_DELEGATION,
        state=dushanbe.states["UZB"],
    )

    # then
    with pytest.raises(SignatureError, match="did not take part"):
        do_sign(head, adopted, signature_b64="", state=dushanbe.states["UZB"])
