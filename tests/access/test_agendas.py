"""The agenda page and the adopted text, for every persona: nothing outside their rights.

A session of the CFM has the restricted draft declaration and the public statement on its
draft agenda: the agenda page lists the draft only to those it was distributed to, shows the
drafting forms to the secretariat only, and refuses the secretariat's acts to everybody else.
"""

from __future__ import annotations

from datetime import date

import pytest

from secretariat.decisions.services import do_close_procedure, do_give_position, do_open_procedure
from secretariat.documents.models import Document, DocumentStatus
from secretariat.meetings.models import SessionStatus
from secretariat.meetings.services import do_put_on_agenda
from tests.access.test_documents import DRAFT, DRAFT_TITLES, PERSONAS, SEES_DRAFT, shows
from tests.factories import add_session, en_ru

SECRETARIAT = {"secretariat_officer", "secretariat_administrator", "superuser"}
AGENDA = "/csto/sessions/2022-yerevan-cfm/agenda/"


@pytest.fixture
def yerevan(dushanbe):
    session = add_session(
        dushanbe.organization,
        "2022-yerevan-cfm",
        en_ru("Session of the CFM", "Заседание СМИД"),
        [dushanbe.bodies["cfm"]],
        start_on=date(2022, 11, 22),
        status=SessionStatus.CONVENED,
    )
    do_put_on_agenda(
        dushanbe.users["secretariat_officer"],
        session,
        dushanbe.draft_declaration,
        titles={"en": "A declaration of the Council", "ru": "Декларация Совета"},
    )
    return session


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_agenda_page_lists_only_the_documents_the_user_may_see(
    fetch, yerevan, persona, language
):
    # when
    response = fetch(AGENDA, persona, language)

    # then: every item is there (sessions are public), the draft's title and link only for some
    assert response.status_code == 200
    html = response.content.decode()
    assert shows(html, DRAFT, DRAFT_TITLES) is (persona in SEES_DRAFT)
    assert ('id="add-heading"' in html) is (persona in SECRETARIAT)
    assert ('action="/csto/sessions/2022-yerevan-cfm/agenda/approval/"' in html) is (
        persona in SECRETARIAT
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("items/", {"document": "2021-afghanistan-statement"}),
        ("approval/", {"at": "2022-yerevan-cfm", "bodies": ["cfm"], "on": "2022-11-22"}),
    ],
)
def test_only_the_secretariat_drafts_and_approves_agendas(
    client, dushanbe, yerevan, persona, action, data
):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(f"{AGENDA}{action}", data)

    # then
    if persona in SECRETARIAT:
        assert response.status_code == 302
    elif persona is None:
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 403
    yerevan.agenda.refresh_from_db()
    changed = yerevan.agenda.items.count() == 2 or yerevan.agenda.status == "approved"
    assert changed is (persona in SECRETARIAT)


@pytest.mark.parametrize("persona", ["armenia_head", "kazakhstan_delegate", "no_role"])
def test_a_draft_the_user_may_not_see_cannot_be_put_on_an_agenda_by_its_code(
    client, dushanbe, yerevan, persona
):
    # Even the form of somebody else gets the ordinary 404 for a document hidden from them.
    client.force_login(dushanbe.users[persona])
    response = client.post(f"{AGENDA}items/", {"document": DRAFT})
    assert response.status_code == (403 if persona in SEES_DRAFT else 404)


@pytest.fixture
def adopted(dushanbe):
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = {"default": {"rule": {"kind": "consensus"}}}
    csc.save(update_fields=["decision_rules"])
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    officer = dushanbe.users["secretariat_officer"]
    vote = do_open_procedure(officer, Document.objects.get(code=DRAFT), csc, "default")
    do_give_position(officer, vote, dushanbe.states["ARM"], "reservation", "Armenia reads it so.")
    return do_close_procedure(officer, vote)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_adopted_text_of_the_restricted_draft_is_404_to_those_it_was_not_sent_to(
    fetch, adopted, persona
):
    # when
    response = fetch(f"/csto/documents/{DRAFT}/procedures/{adopted.pk}/adopted-text/", persona)

    # then
    assert response.status_code == (200 if persona in SEES_DRAFT else 404)
    html = response.content.decode()
    assert ("Armenia reads it so." in html) is (persona in SEES_DRAFT)
    assert any(title in html for title in DRAFT_TITLES) is (persona in SEES_DRAFT)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_opens_and_closes_a_session(client, dushanbe, yerevan, persona):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    page = client.get("/csto/sessions/2022-yerevan-cfm/").content.decode()
    response = client.post("/csto/sessions/2022-yerevan-cfm/status/", {"status": "open"})

    # then
    yerevan.refresh_from_db()
    assert ("Open the session" in page) is (persona in SECRETARIAT)
    assert (yerevan.status == "open") is (persona in SECRETARIAT)
    if persona is None:
        assert response["Location"].startswith("/accounts/login/")
    elif persona not in SECRETARIAT:
        assert response.status_code == 403
