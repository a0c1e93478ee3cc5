"""Adoption in session: positions per state, closed by the secretariat, decided by the engine.

The draft CSC declaration is agreed and put to the Collective Security Council's consensus
(charter: absentees ignored; a state may declare itself not concerned).
"""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, connections

from secretariat.audit.models import AuditEvent, EventType
from secretariat.decisions.models import Position, PositionChange, Procedure
from secretariat.decisions.services import (
    ProcedureError,
    do_close_procedure,
    do_give_position,
    do_open_procedure,
)
from secretariat.documents.models import Document, DocumentStatus

DRAFT = "2021-csc-declaration-draft"
CONSENSUS = {"default": {"rule": {"kind": "consensus"}, "procedures": [{"kind": "in-session"}]}}


@pytest.fixture
def agreed(dushanbe) -> Document:
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = CONSENSUS
    csc.save(update_fields=["decision_rules"])
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    return Document.objects.get(code=DRAFT)


@pytest.fixture
def officer(dushanbe):
    return dushanbe.users["secretariat_officer"]


@pytest.fixture
def procedure(dushanbe, agreed, officer) -> Procedure:
    return do_open_procedure(officer, agreed, dushanbe.bodies["csc"], "default")


def test_consensus_with_a_reservation_and_a_state_not_taking_part_adopts_the_draft(
    dushanbe, procedure, officer
):
    # given: five agree, Armenia with a reservation, Kazakhstan declares itself not concerned
    states = dushanbe.states
    for code in ("BLR", "KGZ", "RUS", "TJK"):
        do_give_position(officer, procedure, states[code], "yes")
    do_give_position(
        dushanbe.users["armenia_head"], procedure, states["ARM"], "reservation", "On paragraph 3."
    )
    do_give_position(officer, procedure, states["KAZ"], "not-participating")

    # when
    closed = do_close_procedure(officer, procedure)

    # then: adopted; the explanation in both languages carries the reservation; the draft is
    # adopted, and the step is in its history
    assert closed.adopted is True
    assert "Reservation by ARM: On paragraph 3." in closed.explanation["en"]
    assert closed.explanation["ru"][0] == "Принято."
    document = Document.objects.get(code=DRAFT)
    assert document.status == DocumentStatus.ADOPTED
    assert document.status_changes.last().to_status == DocumentStatus.ADOPTED


def test_one_objection_rejects_the_draft(dushanbe, procedure, officer):
    # given
    do_give_position(officer, procedure, dushanbe.states["ARM"], "objection")

    # when
    closed = do_close_procedure(officer, procedure)

    # then
    assert closed.adopted is False
    assert "No consensus: ARM objected" in "\n".join(closed.explanation["en"])
    assert Document.objects.get(code=DRAFT).status == DocumentStatus.REJECTED


def test_a_state_has_one_position_changes_are_kept_and_a_repeat_changes_nothing(
    dushanbe, procedure, officer
):
    # given
    armenia = dushanbe.states["ARM"]
    head = dushanbe.users["armenia_head"]

    # when: yes, yes again (a double-submitted form), then no
    for position in ("yes", "yes", "no"):
        do_give_position(head, procedure, armenia, position)

    # then
    assert Position.objects.get(procedure=procedure, state=armenia).position == "no"
    assert list(
        PositionChange.objects.filter(procedure=procedure).values_list("position", flat=True)
    ) == ["yes", "no"]
    assert AuditEvent.objects.filter(event_type=EventType.POSITION_GIVEN).count() == 2


def test_a_closed_procedure_refuses_late_positions_with_a_clear_message(
    dushanbe, procedure, officer
):
    # given
    do_close_procedure(officer, procedure)

    # when / then
    with pytest.raises(ProcedureError, match="positions are no longer taken"):
        do_give_position(officer, procedure, dushanbe.states["ARM"], "yes")
    with pytest.raises(ProcedureError, match="already closed"):
        do_close_procedure(officer, procedure)


@pytest.mark.parametrize(
    ("persona", "state"),
    [
        ("armenia_head", "RUS"),  # a head answers for its own state only
        ("armenia_delegate", "ARM"),  # a delegate does not take the state's position
        ("kazakhstan_delegate", "KAZ"),
        ("no_role", "ARM"),
    ],
)
def test_only_the_head_of_a_delegation_or_the_secretariat_gives_a_position(
    dushanbe, procedure, persona, state
):
    with pytest.raises(PermissionDenied):
        do_give_position(dushanbe.users[persona], procedure, dushanbe.states[state], "yes")
    assert not Position.objects.exists()


def test_a_suspended_member_has_no_position_to_give(dushanbe, procedure, officer):
    # Uzbekistan's membership is suspended since 2012: it takes no part in decisions
    with pytest.raises(PermissionDenied):
        do_give_position(officer, procedure, dushanbe.states["UZB"], "yes")


def test_a_reservation_needs_its_text(dushanbe, procedure, officer):
    with pytest.raises(ProcedureError, match="needs its text"):
        do_give_position(officer, procedure, dushanbe.states["ARM"], "reservation")


def test_only_an_agreed_draft_is_put_to_a_decision_and_only_once_at_a_time(
    dushanbe, agreed, officer
):
    csc = dushanbe.bodies["csc"]
    do_open_procedure(officer, agreed, csc, "default")
    with pytest.raises(ProcedureError, match="already open"):
        do_open_procedure(officer, agreed, csc, "default")
    with pytest.raises(ProcedureError, match="no rule for"):
        do_open_procedure(officer, agreed, csc, "substantive")
    with pytest.raises(PermissionDenied):
        do_open_procedure(dushanbe.users["armenia_head"], agreed, csc, "default")


# ------------------------------------------------------------------------ pages


def test_the_whole_vote_in_the_browser(client, dushanbe, agreed):
    # given: the officer opens the vote from the draft's page
    client.force_login(dushanbe.users["secretariat_officer"])
    page = client.post(f"/csto/documents/{DRAFT}/procedures/", {"rule": "csc:default"}, follow=True)
    url = page.redirect_chain[-1][0]

    # when: Armenia's head answers with a reservation, the officer closes
    client.force_login(dushanbe.users["armenia_head"])
    client.post(f"{url}positions/", {"state": "ARM", "position": "reservation", "note": "On 3."})
    client.force_login(dushanbe.users["secretariat_officer"])
    closed = client.post(f"{url}close/", follow=True).content.decode()

    # then: the outcome and its explanation, in the reader's language too
    assert "Adopted." in closed
    assert "Reservation by ARM: On 3." in closed
    client.force_login(dushanbe.users["armenia_delegate"])
    russian = client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Принято." in russian


def test_a_late_position_on_the_page_gets_a_clear_message(client, dushanbe, procedure, officer):
    # given
    do_close_procedure(officer, procedure)
    client.force_login(dushanbe.users["armenia_head"])

    # when
    response = client.post(
        f"/csto/documents/{DRAFT}/procedures/{procedure.pk}/positions/",
        {"state": "ARM", "position": "yes"},
        follow=True,
    )

    # then
    assert "positions are no longer taken" in response.content.decode()


# ------------------------------------------------------------------------ at the same moment


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs it there"
)
def test_positions_of_every_state_at_the_same_moment_lose_nothing(dushanbe, agreed, officer):
    # given: an open procedure; twelve requests at once, two for each member state
    procedure = do_open_procedure(officer, agreed, dushanbe.bodies["csc"], "default")
    codes = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    answers = [(code, position) for code in codes for position in ("yes", "abstain")]
    barrier = threading.Barrier(len(answers))
    errors: list[BaseException] = []

    def give(code: str, position: str) -> None:
        try:
            barrier.wait()
            do_give_position(officer, procedure, dushanbe.states[code], position)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    # when
    threads = [threading.Thread(target=give, args=answer) for answer in answers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then: exactly one current position per state, and both answers of each in the history
    assert errors == []
    assert (
        sorted(Position.objects.filter(procedure=procedure).values_list("state__code", flat=True))
        == codes
    )
    assert PositionChange.objects.filter(procedure=procedure).count() == len(answers)
