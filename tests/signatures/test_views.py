"""The signature page, the signed form for download, and checking a signature from outside."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from secretariat.documents.models import DocumentText
from secretariat.signatures import keys
from secretariat.signatures.models import SigningKey
from secretariat.signatures.services import (
    current_digest,
    do_create_server_key,
    do_register_key,
    do_sign,
)

PAGE = "/csto/documents/2021-csc-declaration-draft/signatures/"
FORM = PAGE + "signed-form.json"
SCRIPT = Path(__file__).parents[2] / "docs" / "verify_signature.py"


def test_the_page_lists_every_state_of_the_day_signed_or_not_and_why(
    fetch, dushanbe, adopted, armenia_key
):
    # given: Armenia signs ad referendum with a reservation
    do_sign(
        dushanbe.users["armenia_head"],
        adopted,
        signature_b64=keys.sign(armenia_key, current_digest(adopted)),
        is_ad_referendum=True,
        reservation="Subject to ratification by the National Assembly.",
    )

    # when
    html = fetch(PAGE, "armenia_delegate").content.decode()

    # then
    assert ">valid<" in html
    assert "ad referendum, not yet confirmed" in html
    assert "Subject to ratification by the National Assembly." in html
    assert html.count("not signed") == 5  # BLR, KAZ, KGZ, RUS, TJK
    assert "did not take part in the decision" in html  # Kazakhstan
    assert current_digest(adopted) in html
    assert keys.public_hex(armenia_key) in html


def test_a_signature_on_a_text_changed_afterwards_is_shown_void(
    fetch, dushanbe, adopted, armenia_key
):
    # given: signed, then the Russian text changed directly in the database
    do_sign(
        dushanbe.users["armenia_head"],
        adopted,
        signature_b64=keys.sign(armenia_key, current_digest(adopted)),
    )
    DocumentText.objects.filter(document=adopted, language="ru").update(body="Другой текст.")

    # when
    html = fetch(PAGE, "secretariat_officer").content.decode()

    # then
    assert "void: the text changed after signing" in html
    assert ">valid<" not in html


def test_a_signature_that_does_not_verify_is_shown_invalid(fetch, dushanbe, adopted, armenia_key):
    signature = do_sign(
        dushanbe.users["armenia_head"],
        adopted,
        signature_b64=keys.sign(armenia_key, current_digest(adopted)),
    )
    signature.signature = keys.sign(keys.generate(), signature.digest)
    signature.save(update_fields=["signature"])
    assert "invalid signature" in fetch(PAGE, "armenia_head").content.decode()


def test_the_head_signs_in_the_browser_with_the_demo_key(client, dushanbe, adopted):
    # given
    head = dushanbe.users["armenia_head"]
    client.force_login(head)
    client.post(PAGE + "keys/", {"state": "ARM", "password": "correct horse"})
    assert SigningKey.objects.get(user=head).is_held_on_server

    # when
    wrong = client.post(PAGE + "sign/", {"state": "ARM", "password": "wrong one"}, follow=True)
    right = client.post(
        PAGE + "sign/", {"state": "ARM", "password": "correct horse", "ad_referendum": "on"}
    )

    # then
    assert "does not unlock" in wrong.content.decode()
    assert right.status_code == 302
    html = client.get(PAGE).content.decode()
    assert ">valid<" in html
    assert "ad referendum, not yet confirmed" in html


def test_the_head_pastes_a_signature_made_offline(client, dushanbe, adopted, tmp_path, capsys):
    # given: a key generated and registered with the command, the digest signed offline
    pem = tmp_path / "arm.pem"
    call_command("keys", "generate", "--out", str(pem))
    public = capsys.readouterr().out.split()[-1]
    assert pem.stat().st_mode & 0o777 == 0o600
    call_command("keys", "register", "arm-head", public, "--state", "ARM")
    call_command("keys", "sign", "--key", str(pem), "--digest", current_digest(adopted))
    signature = capsys.readouterr().out.strip().splitlines()[-1]

    # when
    client.force_login(dushanbe.users["armenia_head"])
    client.post(PAGE + "sign/", {"state": "ARM", "signature": signature})

    # then
    assert ">valid<" in client.get(PAGE).content.decode()


def test_an_outsider_verifies_a_signature_with_the_script(client, dushanbe, adopted, tmp_path):
    # given: Armenia's signature with the demo key, the signed form downloaded
    head = dushanbe.users["armenia_head"]
    key = do_create_server_key(head, dushanbe.organization, "correct horse")
    from secretariat.signatures.services import do_sign_with_server_key

    signature = do_sign_with_server_key(head, adopted, "correct horse")
    client.force_login(head)
    form = tmp_path / "form.json"
    form.write_bytes(client.get(FORM).content)

    def verify(signature_b64: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(SCRIPT), str(form), signature_b64, key.public_key],
            capture_output=True,
            text=True,
            check=False,
        )

    # when
    good = verify(signature.signature)
    bad = verify(keys.sign(keys.generate(), signature.digest))

    # then
    assert good.returncode == 0, good.stderr
    assert good.stdout.split() == ["digest", signature.digest, "OK"]
    assert bad.returncode == 1
    assert "FAILED" in bad.stdout


def test_the_signed_form_is_the_canonical_json_of_the_adopted_text(fetch, adopted):
    response = fetch(FORM, "armenia_head")
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["document"] == "2021-csc-declaration-draft"
    assert data["outcome"]["adopted"] is True
    assert [text["language"] for text in data["texts"]] == ["ru"]


def test_a_document_not_adopted_has_no_signed_form_and_a_page_saying_so(fetch, dushanbe):
    assert fetch(FORM, "secretariat_officer").status_code == 404
    page = fetch(PAGE, "secretariat_officer")
    assert page.status_code == 200
    assert "Only an adopted text is signed." in page.content.decode()


#: The page's queries: organization, document, texts, procedure, members, positions,
#: signatures, keys.
SIGNATURE_PAGE_QUERIES = 8


@pytest.mark.parametrize(
    ("persona", "extra"),
    [
        (None, 0),
        # session, user, the states the user heads, the roles in the menu
        ("secretariat_officer", 4),
        ("armenia_head", 4),
    ],
)
def test_the_signature_page_runs_a_fixed_number_of_queries(
    assert_constant_queries, dushanbe, adopted, armenia_key, persona, extra
):
    do_sign(
        dushanbe.users["armenia_head"],
        adopted,
        signature_b64=keys.sign(armenia_key, current_digest(adopted)),
    )
    if persona is None:
        adopted.classification = "public"
        adopted.status = "published"
        adopted.save(update_fields=["classification", "status"])
    assert_constant_queries(PAGE, SIGNATURE_PAGE_QUERIES + extra, persona)


def test_the_secretary_general_row_costs_no_query(
    assert_constant_queries, dushanbe, adopted, armenia_key, secretary_general
):
    # given: the charter wants the Secretary General's signature, who has signed
    private = keys.generate()
    do_register_key(
        secretary_general,
        dushanbe.organization,
        keys.public_hex(private),
        as_secretary_general=True,
    )
    digest = current_digest(adopted)
    do_sign(
        secretary_general,
        adopted,
        signature_b64=keys.sign(private, digest),
        as_secretary_general=True,
    )
    do_sign(dushanbe.users["armenia_head"], adopted, signature_b64=keys.sign(armenia_key, digest))

    # then: the row comes from the same query as the states' signatures, and whom the user
    # signs for (heads, Secretary General) from the one query that found the heads
    assert_constant_queries(PAGE, SIGNATURE_PAGE_QUERIES + 4, "secretary_general")
    assert_constant_queries(PAGE, SIGNATURE_PAGE_QUERIES + 4, "armenia_head")
