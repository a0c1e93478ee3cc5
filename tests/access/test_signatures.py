"""The signature page and the signed form of a document: exactly the document's visibility.

The adopted declaration is restricted, distributed to Armenia, Belarus, Russia and
Tajikistan: the secretariat and Armenia's delegation see its signatures, the others get the
ordinary 404, as for the document itself; the published statement's page is open to all.
"""

from __future__ import annotations

import pytest

from secretariat.signatures.models import SigningKey
from tests.access.test_documents import DRAFT, PERSONAS, SEES_DRAFT, STATEMENT
from tests.signatures.conftest import (  # noqa: F401 - the fixtures, shared
    adopted,
    secretary_general,
)

PAGES = ["signatures/", "signatures/signed-form.json"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", PAGES)
def test_the_signatures_of_the_adopted_draft_are_seen_by_who_sees_it(
    fetch,
    adopted,  # noqa: F811 - the fixture
    persona,
    page,
):
    # when
    response = fetch(f"/csto/documents/{DRAFT}/{page}", persona)

    # then
    assert response.status_code == (200 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - SEES_DRAFT, key=str))
@pytest.mark.parametrize("page", PAGES)
def test_hidden_signatures_look_exactly_like_missing_ones(
    fetch,
    adopted,  # noqa: F811 - the fixture
    persona,
    page,
):
    hidden = fetch(f"/csto/documents/{DRAFT}/{page}", persona)
    missing = fetch(f"/csto/documents/2021-no-such-document/{page}", persona)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_signature_page_of_the_published_statement_is_open_to_all(fetch, persona):
    assert fetch(f"/csto/documents/{STATEMENT}/signatures/", persona).status_code == 200


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - SEES_DRAFT, key=str))
@pytest.mark.parametrize("action", ["sign/", "keys/", "1/confirm/"])
def test_posting_on_a_hidden_document_is_404(client, dushanbe, adopted, persona, action):  # noqa: F811
    if persona is not None:
        client.force_login(dushanbe.users[persona])
    response = client.post(f"/csto/documents/{DRAFT}/signatures/{action}", {"password": "x"})
    assert response.status_code == (302 if persona is None else 404)


@pytest.mark.parametrize("persona", [*PERSONAS, "secretary_general"])
def test_only_the_secretary_general_signs_as_the_secretary_general(
    client,
    dushanbe,
    adopted,  # noqa: F811 - the fixture
    secretary_general,  # noqa: F811 - the fixture
    persona,
):
    # given: the charter wants the Secretary General's signature
    if persona is not None:
        client.force_login(dushanbe.users[persona])
    page = f"/csto/documents/{DRAFT}/signatures/"

    # when
    shown = client.get(page)
    posted = client.post(page + "keys/", {"signer": "secretary-general", "password": "x" * 8})

    # then: the Secretary General sees the page (the secretariat sees every document) and
    # uses the forms; the others get no form, and their post is refused
    is_sg = persona == "secretary_general"
    assert shown.status_code == (200 if is_sg or persona in SEES_DRAFT else 404)
    assert ("Sign as the Secretary General" in shown.content.decode()) is is_sg
    assert posted.status_code == (
        302 if is_sg or persona is None else 403 if persona in SEES_DRAFT else 404
    )
    assert SigningKey.objects.filter(state__isnull=True).exists() is is_sg
