"""Tampering with the record behind the application's back, and `secretariat verify` finding it.

The declaration is adopted (positions given, outcome logged with the digests of its texts) and
signed by Armenia. Each test then changes one thing directly in the database, as somebody with
rights on it could, and `verify` names it with status 1. (A changed log entry: tests/audit.)
"""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from secretariat.decisions.models import Position, Procedure
from secretariat.documents.models import DocumentText
from secretariat.signatures import keys
from secretariat.signatures.models import Signature
from secretariat.signatures.services import current_digest, do_sign


@pytest.fixture
def signed(dushanbe, adopted, armenia_key):
    signature = keys.sign(armenia_key, current_digest(adopted))
    do_sign(dushanbe.users["armenia_head"], adopted, signature_b64=signature)
    return adopted


def verify() -> tuple[str, str | None]:
    """Run `secretariat verify`: its report, and the problem it failed on (or None)."""
    output: list[str] = []

    class Out:
        def write(self, text: str) -> None:
            output.append(text)

    try:
        call_command("verify", stdout=Out())
    except CommandError as error:
        return "".join(output), str(error)
    return "".join(output), None


def test_the_adopted_and_signed_record_verifies(signed):
    report, problem = verify()
    assert problem is None
    assert "adopted texts: 1 adopted texts as adopted" in report
    assert "positions: 6 positions and 1 outcomes as logged" in report
    assert "signatures: 1 signatures verify on the texts as they are" in report


def test_an_adopted_text_changed_in_the_database_is_found(signed):
    # when
    DocumentText.objects.filter(document=signed, language="ru").update(body="Иной текст.")

    # then: the text no longer is the one adopted, and Armenia's signature is void for it
    report, problem = verify()
    assert f"document {signed.code}" in problem
    assert "its text in ru is not the text adopted" in problem
    assert "signatures: 0 signatures verify, then one does not" in report


def test_a_position_changed_in_the_database_is_found(signed):
    # when: Kazakhstan's "not taking part" becomes an objection
    Position.objects.filter(state__code="KAZ").update(position="objection")

    # then
    _report, message = verify()
    assert "position of KAZ in csto/documents/2021-csc-declaration-draft/procedures/" in message
    assert "it is 'objection', the log says 'not-participating'" in message


def test_an_outcome_changed_in_the_database_is_found(signed):
    Procedure.objects.filter(document=signed).update(adopted=False)
    _report, message = verify()
    assert "adopted is False, the log says True" in message


def test_a_signature_changed_in_the_database_is_found(signed, armenia_key):
    # when: the stored signature is replaced by one on another digest
    forged = keys.sign(armenia_key, "0" * 64)
    Signature.objects.filter(document=signed).update(signature=forged)

    # then
    _report, message = verify()
    assert "of ARM on 2021-csc-declaration-draft" in message
    assert "the signature does not verify with its key" in message
