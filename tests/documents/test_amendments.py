"""Amendments: a delegation proposes, the secretariat accepts, merges or rejects.

The draft declaration was distributed to Armenia, Belarus, Russia and Tajikistan, not to
Kazakhstan: only those four delegations may amend it.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from secretariat.audit.models import AuditEvent, EventType
from secretariat.documents.amending import PassageError, amended
from secretariat.documents.models import (
    Amendment,
    AmendmentStatus,
    Document,
    DocumentStatus,
    TextOrigin,
)
from secretariat.documents.services import (
    AmendmentError,
    do_decide_amendment,
    do_propose_amendment,
)

DRAFT = "2021-csc-declaration-draft"
BODY = "1. Member states reaffirm their commitment.\n2. They act jointly until 2025."


@pytest.fixture
def draft(dushanbe) -> Document:
    document = Document.objects.get(code=DRAFT)
    document.texts.filter(language="en").update(body=BODY)
    return document


@pytest.fixture
def propose(dushanbe, draft):
    """Armenia's delegate proposes an amendment to the English text."""

    def make(
        kind="replace",
        passage="until 2025",
        wording="until 2030",
        persona="armenia_delegate",
        state="ARM",
    ):
        return do_propose_amendment(
            dushanbe.users[persona],
            draft,
            "en",
            dushanbe.states[state],
            kind,
            passage,
            wording,
            "The Plan runs until 2030.",
        )

    return make


@pytest.mark.parametrize(
    ("kind", "passage", "wording", "result"),
    [
        ("replace", "until 2025", "until 2030", "until 2030."),
        ("insert", "act jointly", " and in good faith", "act jointly and in good faith until"),
        ("delete", " jointly", "", "They act until 2025."),
    ],
)
def test_each_kind_of_amendment_changes_only_its_passage(kind, passage, wording, result):
    assert result in amended(BODY, kind, passage, wording)


@pytest.mark.parametrize("passage", ["until 2020", "e", ""])
def test_a_passage_must_stand_exactly_once(passage):
    with pytest.raises(PassageError) as raised:
        amended(BODY, "delete", passage, "")
    assert raised.value.count == (BODY.count(passage) if passage else 0)


def test_a_delegation_proposes_and_the_officer_accepts(dushanbe, draft, propose):
    # given
    amendment = propose()

    # when
    version = do_decide_amendment(dushanbe.users["secretariat_officer"], amendment, accept=True)

    # then: version 1 is the text before, version 2 the amended one, which records its origin
    assert version is not None
    assert version.number == 2
    assert (version.origin, version.amendment) == (TextOrigin.AMENDMENT, amendment)
    assert draft.texts.get(language="en").body.endswith("They act jointly until 2030.")
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.ACCEPTED
    assert {event.event_type for event in AuditEvent.objects.all()} == {
        EventType.AMENDMENT_PROPOSED,
        EventType.AMENDMENT_DECIDED,
    }


def test_accepting_in_other_words_is_a_merge(dushanbe, draft, propose):
    # given
    amendment = propose()

    # when
    do_decide_amendment(
        dushanbe.users["secretariat_officer"], amendment, accept=True, wording="until 2028"
    )

    # then
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.MERGED
    assert draft.texts.get(language="en").body.endswith("until 2028.")


def test_a_rejected_amendment_leaves_the_text_as_it_was(dushanbe, draft, propose):
    # when
    version = do_decide_amendment(dushanbe.users["secretariat_officer"], propose(), accept=False)

    # then
    assert version is None
    assert draft.texts.get(language="en").body == BODY
    assert Amendment.objects.get().status == AmendmentStatus.REJECTED


def test_an_amendment_is_decided_once(dushanbe, propose):
    # given
    officer = dushanbe.users["secretariat_officer"]
    amendment = propose()
    do_decide_amendment(officer, amendment, accept=False)

    # when / then
    with pytest.raises(AmendmentError, match="already been rejected"):
        do_decide_amendment(officer, amendment, accept=True)


def test_an_amendment_to_a_passage_changed_since_cannot_be_accepted(dushanbe, draft, propose):
    # given: two amendments to the same passage; the first is accepted
    officer = dushanbe.users["secretariat_officer"]
    first, second = propose(), propose(wording="until 2035", persona="armenia_head")
    do_decide_amendment(officer, first, accept=True)

    # when / then
    with pytest.raises(AmendmentError, match="does not stand in the current text"):
        do_decide_amendment(officer, second, accept=True)
    second.refresh_from_db()
    assert second.status == AmendmentStatus.PROPOSED


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"passage": "until 2020"}, "does not stand in the current text"),
        ({"passage": "e"}, f"stands {BODY.count('e')} times in the text"),
        ({"wording": "  "}, "Give the new wording."),
    ],
)
def test_a_bad_amendment_is_refused_with_a_reason(propose, changes, message):
    with pytest.raises(AmendmentError, match=message):
        propose(**changes)
    assert not Amendment.objects.exists()


@pytest.mark.parametrize(
    ("persona", "state"),
    [
        ("kazakhstan_delegate", "KAZ"),  # the draft did not go to Kazakhstan
        ("armenia_delegate", "RUS"),  # Armenia's delegate cannot speak for Russia
        ("secretariat_officer", "ARM"),  # the secretariat proposes no amendments
    ],
)
def test_only_a_delegation_the_draft_went_to_amends_it_for_its_own_state(propose, persona, state):
    with pytest.raises(PermissionDenied):
        propose(persona=persona, state=state)


def test_only_the_secretariat_decides(dushanbe, propose):
    with pytest.raises(PermissionDenied):
        do_decide_amendment(dushanbe.users["armenia_head"], propose(), accept=True)


def test_an_adopted_document_is_no_longer_amended(dushanbe, draft, propose):
    # given
    draft.status = DocumentStatus.ADOPTED
    draft.save(update_fields=["status"])

    # when / then
    with pytest.raises(AmendmentError, match="can no longer be amended"):
        propose()


# ------------------------------------------------------------------------ pages


def test_a_delegate_proposes_on_the_page_and_the_officer_accepts_there(client, dushanbe, draft):
    # given
    url = f"/csto/documents/{DRAFT}/texts/en/amendments/"
    client.force_login(dushanbe.users["armenia_delegate"])

    # when: Armenia's delegate proposes
    proposed = client.post(
        url,
        {
            "state": "ARM",
            "kind": "replace",
            "passage": "until 2025",
            "wording": "until 2030",
            "justification": "The Plan runs until 2030.",
        },
        follow=True,
    )
    amendment = Amendment.objects.get()
    # and the officer accepts
    client.force_login(dushanbe.users["secretariat_officer"])
    accepted = client.post(
        f"{url}{amendment.pk}/decision/",
        {"decision": "accept", "wording": "until 2030"},
        follow=True,
    )

    # then
    assert "The amendment is proposed." in proposed.content.decode()
    assert "The amendment is accepted: version 2." in accepted.content.decode()
    assert draft.texts.get(language="en").body.endswith("until 2030.")


def test_the_proposal_form_is_only_for_delegations_that_received_the_draft(client, dushanbe):
    url = f"/csto/documents/{DRAFT}/texts/en/amendments/"
    for persona, has_form in [
        ("armenia_delegate", True),
        ("armenia_head", True),
        ("secretariat_officer", False),
    ]:
        client.force_login(dushanbe.users[persona])
        assert ("Propose an amendment" in client.get(url).content.decode()) is has_form


def test_a_refused_proposal_shows_the_reason_and_keeps_what_was_typed(client, dushanbe, draft):
    # given
    client.force_login(dushanbe.users["armenia_delegate"])

    # when
    response = client.post(
        f"/csto/documents/{DRAFT}/texts/en/amendments/",
        {
            "state": "ARM",
            "kind": "replace",
            "passage": "until 2020",
            "wording": "until 2030",
            "justification": "Because.",
        },
    )

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "does not stand in the current text" in html
    assert "until 2030" in html
    assert not Amendment.objects.exists()
