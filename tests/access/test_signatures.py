"""The signature page and the signed form of a document: exactly the document's visibility.

The adopted declaration is restricted, distributed to Armenia, Belarus, Russia and
Tajikistan: the secretariat and Armenia's delegation see its signatures, the others get the
ordinary 404, as for the document itself; the published statement's page is open to all.
"""

from __future__ import annotations

import pytest

from tests.access.test_documents import DRAFT, PERSONAS, SEES_DRAFT, STATEMENT
from tests.signatures.conftest import adopted  # noqa: F401 - the fixture, shared

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
