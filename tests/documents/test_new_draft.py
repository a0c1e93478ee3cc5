"""The secretariat starts a draft in the browser: one language first, the others after."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from secretariat.audit.models import AuditEvent, EventType
from secretariat.documents.models import Document, DocumentStatus
from secretariat.documents.services import TextError, do_create_draft

PERSONAS = [
    None,
    "no_role",
    "armenia_head",
    "armenia_delegate",
    "kazakhstan_delegate",
    "secretariat_officer",
    "secretariat_administrator",
    "superuser",
]
SECRETARIAT = {"secretariat_officer", "secretariat_administrator", "superuser"}


def create(dushanbe, user="secretariat_officer", **changes):
    arguments = {
        "kind": "statement",
        "bodies": [dushanbe.bodies["cfm"]],
        "classification": "restricted",
        "language": "ru",
        "title": "Заявление министров иностранных дел",
        "body": "Министры заявляют.",
    } | changes
    return do_create_draft(dushanbe.users[user], dushanbe.organization, **arguments)


def test_a_new_draft_has_its_first_text_as_version_1_and_goes_to_nobody(dushanbe):
    # when
    draft = create(dushanbe)

    # then: a Russian title slugs to nothing, so the code is made of the year and the kind
    assert draft.status == DocumentStatus.DRAFT
    assert draft.code.endswith("-statement")
    assert draft.authentic_languages == ["ru"]
    assert not draft.distributed_to.exists()
    text = draft.texts.get()
    assert (text.language, text.versions.get().number) == ("ru", 1)
    assert AuditEvent.objects.filter(event_type=EventType.DRAFT_CREATED).count() == 1


def test_two_drafts_with_the_same_title_get_different_codes(dushanbe):
    first = create(dushanbe, language="en", title="Statement on Afghanistan")
    second = create(dushanbe, language="en", title="Statement on Afghanistan")
    assert second.code == f"{first.code}-2"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "A text needs a title"),
        ({"bodies": []}, "Name the body"),
        ({"language": "fr"}, "fr is not a language of this organization"),
        ({"kind": "poem"}, "Unknown kind"),
    ],
)
def test_a_bad_draft_is_refused_and_nothing_is_left(dushanbe, changes, message):
    before = Document.objects.count()
    with pytest.raises(TextError, match=message):
        create(dushanbe, **changes)
    assert Document.objects.count() == before


def test_only_the_secretariat_starts_a_draft(dushanbe):
    with pytest.raises(PermissionDenied):
        create(dushanbe, user="armenia_head")


def test_the_new_draft_page_creates_it_and_offers_the_missing_language(client, dushanbe):
    # given
    client.force_login(dushanbe.users["secretariat_officer"])

    # when
    response = client.post(
        "/csto/documents/new/",
        {
            "kind": "declaration",
            "bodies": ["csc"],
            "classification": "restricted",
            "language": "ru",
            "title": "Декларация",
            "body": "1. Текст.",
        },
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )

    # then
    page = response.content.decode()
    assert "The draft is created." in page
    assert "Add the text in English" in page


def test_the_new_draft_page_explains_a_missing_title(client, dushanbe):
    client.force_login(dushanbe.users["secretariat_officer"])
    response = client.post(
        "/csto/documents/new/",
        {"kind": "declaration", "bodies": ["csc"], "classification": "restricted",
         "language": "ru", "title": ""},
        HTTP_ACCEPT_LANGUAGE="en",
    )  # fmt: skip
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_sees_and_uses_the_new_draft_page(client, dushanbe, persona):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])
    before = Document.objects.count()

    # when
    page = client.get("/csto/documents/new/")
    posted = client.post(
        "/csto/documents/new/",
        {"kind": "statement", "bodies": ["cfm"], "classification": "public", "language": "en",
         "title": "A statement"},
    )  # fmt: skip
    listing = client.get("/csto/documents/").content.decode()

    # then
    if persona in SECRETARIAT:
        assert (page.status_code, posted.status_code) == (200, 302)
        assert "/csto/documents/new/" in listing
        assert Document.objects.count() == before + 1
    else:
        expected = 302 if persona is None else 403
        assert (page.status_code, posted.status_code) == (expected, expected)
        assert "/csto/documents/new/" not in listing
        assert Document.objects.count() == before
