"""Reservations attached to paragraphs and printed with the adopted text; the chair of the
session closing the vote; the outcome stored with the session's agenda item."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from secretariat.accounts.models import Role
from secretariat.decisions.models import PositionChange
from secretariat.decisions.services import (
    ProcedureError,
    do_close_procedure,
    do_give_position,
    do_open_procedure,
)
from secretariat.documents.models import Document, DocumentStatus, DocumentText
from secretariat.documents.services import do_decide_amendment, do_propose_amendment
from secretariat.meetings.models import ItemResult, SessionStatus
from tests.factories import add_user

DRAFT = "2021-csc-declaration-draft"
CONSENSUS = {"default": {"rule": {"kind": "consensus"}, "procedures": [{"kind": "in-session"}]}}
TEXTS = {
    "en": "The Collective Security Council,\n\n1. Declares its resolve.\n\n2. Instructs the "
    "Secretariat to report.",
    "ru": "Совет коллективной безопасности,\n\n1. Заявляет о решимости.\n\n2. Поручает "
    "Секретариату доложить.",
}


@pytest.fixture
def before_the_council(dushanbe, officer) -> Document:
    """The agreed draft, with numbered paragraphs, on the agenda of the CSC session."""
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = CONSENSUS
    csc.save(update_fields=["decision_rules"])
    for language, body in TEXTS.items():
        DocumentText.objects.filter(document__code=DRAFT, language=language).update(body=body)
    council = dushanbe.council_session
    council.status = SessionStatus.OPEN
    council.save(update_fields=["status"])
    # The CSC's agenda was approved the day before, with the draft declaration on it.
    council.agenda.items.first().documents.add(Document.objects.get(code=DRAFT))
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    return Document.objects.get(code=DRAFT)


@pytest.fixture
def officer(dushanbe):
    return dushanbe.users["secretariat_officer"]


@pytest.fixture
def chair(dushanbe):
    """The head of Tajikistan's delegation: Tajikistan chairs the Dushanbe sessions."""
    return add_user(
        "tjk-head", dushanbe.organization, Role.HEAD_OF_DELEGATION, state=dushanbe.states["TJK"]
    )


@pytest.fixture
def vote(dushanbe, before_the_council, officer):
    return do_open_procedure(officer, before_the_council, dushanbe.bodies["csc"], "default")


def test_a_vote_in_session_is_held_at_the_session_that_has_the_draft_on_its_agenda(dushanbe, vote):
    assert vote.session == dushanbe.council_session


def test_a_reservation_names_its_paragraph_and_is_kept_in_the_history(dushanbe, vote):
    # when
    do_give_position(
        dushanbe.users["armenia_head"],
        vote,
        dushanbe.states["ARM"],
        "reservation",
        "Armenia reads paragraph 2 as not binding on it.",
        paragraph=3,
    )

    # then
    position = vote.positions.get(state__code="ARM")
    assert (position.position, position.paragraph) == ("reservation", 3)
    assert PositionChange.objects.get(procedure=vote, state__code="ARM").paragraph == 3


def test_a_paragraph_the_text_lacks_or_without_a_note_is_refused(dushanbe, vote, officer):
    with pytest.raises(ProcedureError, match="The text has no paragraph 4"):
        do_give_position(officer, vote, dushanbe.states["ARM"], "reservation", "x", paragraph=4)
    with pytest.raises(ProcedureError, match="Only a reservation or statement"):
        do_give_position(officer, vote, dushanbe.states["ARM"], "yes", paragraph=2)
    assert not vote.positions.exists()


def test_the_chair_of_the_session_closes_the_vote_and_the_item_records_the_outcome(
    dushanbe, vote, chair, officer
):
    # given: consensus, Kazakhstan not taking part
    for code in ("ARM", "BLR", "KGZ", "RUS", "TJK"):
        do_give_position(officer, vote, dushanbe.states[code], "yes")
    do_give_position(officer, vote, dushanbe.states["KAZ"], "not-participating")

    # when: a head of delegation not in the chair tries, then the chair closes
    with pytest.raises(PermissionDenied):
        do_close_procedure(dushanbe.users["armenia_head"], vote)
    closed = do_close_procedure(chair, vote)

    # then
    assert closed.adopted is True
    item = dushanbe.council_session.agenda.items.get(documents__code=DRAFT)
    assert item.result == ItemResult.ADOPTED


def test_the_adopted_text_prints_each_reservation_at_its_paragraph_and_in_the_annex(
    client, dushanbe, vote, officer
):
    # given: adopted with Armenia's reservation on paragraph 3 and a statement on the whole
    for code in ("BLR", "KGZ", "RUS", "TJK"):
        do_give_position(officer, vote, dushanbe.states[code], "yes")
    do_give_position(
        officer, vote, dushanbe.states["ARM"], "reservation", "Not binding on Armenia.", paragraph=3
    )
    do_give_position(
        officer, vote, dushanbe.states["KAZ"], "yes", "Kazakhstan reads it as a whole."
    )
    do_close_procedure(officer, vote)
    url = f"/csto/documents/{DRAFT}/procedures/{vote.pk}/adopted-text/"

    # when
    client.force_login(dushanbe.users["armenia_delegate"])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    # then: the note is numbered at paragraph 3 (the reservation sorts first) and in the annex
    assert '2. Instructs the Secretariat to report.<sup><a href="#note-1"' in page
    assert "Annex: reservations and interpretative statements" in page
    assert "(in favour with a reservation, paragraph 3): Not binding on Armenia." in page
    assert 'On the text as a whole: <sup><a href="#note-2">' in page


def test_the_adopted_text_of_a_restricted_draft_is_absent_for_those_it_was_not_sent_to(
    client, dushanbe, vote, officer
):
    for code in ("ARM", "BLR", "KGZ", "RUS", "TJK", "KAZ"):
        do_give_position(officer, vote, dushanbe.states[code], "yes")
    do_close_procedure(officer, vote)
    url = f"/csto/documents/{DRAFT}/procedures/{vote.pk}/adopted-text/"
    client.force_login(dushanbe.users["kazakhstan_delegate"])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_no_adopted_text_before_adoption(client, dushanbe, vote, officer):
    client.force_login(officer)
    url = f"/csto/documents/{DRAFT}/procedures/{vote.pk}/adopted-text/"
    assert client.get(url).status_code == 404


def test_the_paragraph_given_on_the_page_must_be_a_number(client, dushanbe, vote, officer):
    client.force_login(officer)
    response = client.post(
        f"/csto/documents/{DRAFT}/procedures/{vote.pk}/positions/",
        {"state": "ARM", "position": "reservation", "note": "x", "paragraph": "two"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Give the paragraph as its number" in response.content.decode()
    assert not vote.positions.exists()


def test_the_chair_decides_amendments_to_a_draft_before_its_session_and_nobody_else_does(
    dushanbe, before_the_council, chair
):
    # given: the draft back under negotiation, Armenia proposes a change
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.UNDER_NEGOTIATION)
    draft = Document.objects.get(code=DRAFT)
    amendment = do_propose_amendment(
        dushanbe.users["armenia_head"],
        draft,
        "en",
        dushanbe.states["ARM"],
        "replace",
        "Declares its resolve.",
        "Declares its firm resolve.",
        "Stronger wording.",
    )

    # when: Armenia's head may not decide on it; Tajikistan's head, in the chair, accepts it
    with pytest.raises(PermissionDenied):
        do_decide_amendment(dushanbe.users["armenia_head"], amendment, accept=True)
    version = do_decide_amendment(chair, amendment, accept=True)

    # then
    assert version is not None
    assert "1. Declares its firm resolve." in version.body


def test_once_the_session_is_closed_its_chair_decides_nothing_more(
    dushanbe, before_the_council, chair
):
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.UNDER_NEGOTIATION)
    draft = Document.objects.get(code=DRAFT)
    dushanbe.council_session.status = SessionStatus.CLOSED
    dushanbe.council_session.save(update_fields=["status"])
    amendment = do_propose_amendment(
        dushanbe.users["armenia_head"], draft, "en", dushanbe.states["ARM"], "delete",
        "2. Instructs the Secretariat to report.", "", "Not needed.",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        do_decide_amendment(chair, amendment, accept=False)
