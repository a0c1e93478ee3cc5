"""Drafting: each save of a text is a new version, and any two versions can be compared."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from secretariat.audit.models import AuditEvent, EventType
from secretariat.documents.models import Document, TextOrigin
from secretariat.documents.services import TextError, do_save_text

DRAFT = "2021-csc-declaration-draft"


def test_the_first_edit_keeps_the_recorded_text_as_version_one(draft, officer):
    # given: the draft's English text as loaded
    recorded = draft.texts.get(language="en")

    # when
    version = do_save_text(officer, draft, "en", recorded.title, "Paragraph 1. New wording.")

    # then: version 1 is the recorded text, version 2 the edit; the text holds the latest
    assert version is not None
    assert version.number == 2
    first, second = recorded.versions.order_by("number")
    assert (first.origin, first.saved_by, first.body) == (TextOrigin.RECORDED, None, recorded.body)
    assert (second.origin, second.saved_by) == (TextOrigin.EDITED, officer)
    assert draft.texts.get(language="en").body == "Paragraph 1. New wording."


def test_saving_the_same_text_again_makes_no_version(draft, officer):
    # given
    do_save_text(officer, draft, "en", "Draft", "Text.")

    # when: the form submitted twice
    again = do_save_text(officer, draft, "en", "Draft", "Text.")

    # then
    assert again is None
    assert draft.texts.get(language="en").versions.count() == 2
    assert AuditEvent.objects.filter(event_type=EventType.TEXT_SAVED).count() == 1


def test_a_text_in_a_new_language_starts_at_version_one(dushanbe, draft, officer):
    # given: the organization's languages are Russian and English; the draft has both, so
    # remove the English text first
    draft.texts.filter(language="en").delete()

    # when
    version = do_save_text(officer, draft, "en", "Draft Declaration", "")

    # then
    assert version is not None
    assert version.number == 1
    assert draft.texts.get(language="en").is_translation  # Russian is the authentic language


@pytest.mark.parametrize(
    ("title", "language", "message"),
    [
        ("  ", "en", "A text needs a title."),
        ("Draft", "xx", "xx is not a language of this organization."),
    ],
)
def test_a_bad_text_is_refused_with_a_reason(draft, officer, title, language, message):
    with pytest.raises(TextError, match=message):
        do_save_text(officer, draft, language, title, "")


def test_an_adopted_text_no_longer_changes(dushanbe, officer):
    # given: the adopted joint statement
    statement = Document.objects.exclude(status__in=["draft", "under-negotiation"]).first()

    # when / then
    with pytest.raises(TextError, match="no longer changes"):
        do_save_text(officer, statement, "en", "New title", "")


@pytest.mark.parametrize("persona", ["armenia_head", "armenia_delegate", "no_role"])
def test_only_the_secretariat_edits_texts(dushanbe, draft, persona):
    with pytest.raises(PermissionDenied):
        do_save_text(dushanbe.users[persona], draft, "en", "Draft", "Text.")


# ------------------------------------------------------------------------ pages


def test_the_officer_edits_then_compares_two_versions(client, draft, officer):
    # given
    client.force_login(officer)
    recorded = draft.texts.get(language="en")

    # when: an edit through the form
    response = client.post(
        f"/csto/documents/{DRAFT}/texts/en/edit/",
        {"title": recorded.title, "body": recorded.body + "\n\nParagraph 9. Added."},
        follow=True,
    )

    # then: the versions page compares version 1 with version 2, the addition marked
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/csto/documents/{DRAFT}/texts/en/versions/"
    assert "Version 2 saved." in html
    assert "<ins>" in html
    assert "Paragraph 9. Added." in html


def test_the_edit_page_refuses_a_text_without_a_title(client, draft, officer):
    # given
    client.force_login(officer)

    # when
    response = client.post(f"/csto/documents/{DRAFT}/texts/en/edit/", {"title": "", "body": "x"})

    # then: the form again, with the reason, and nothing saved
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not draft.texts.get(language="en").versions.exists()


def test_a_delegation_that_sees_the_draft_may_compare_but_not_edit(
    client, dushanbe, draft, officer
):
    # given: two versions
    do_save_text(officer, draft, "ru", draft.texts.get(language="ru").title, "Новый текст.")
    client.force_login(dushanbe.users["armenia_delegate"])

    # when
    versions = client.get(f"/csto/documents/{DRAFT}/texts/ru/versions/?older=1&newer=2")
    edit = client.get(f"/csto/documents/{DRAFT}/texts/ru/edit/")

    # then
    assert versions.status_code == 200
    assert "Новый текст." in versions.content.decode()
    assert "Edit the text" not in versions.content.decode()
    assert edit.status_code == 403
