"""The secretariat drafts a session's agenda in the browser and records who approved it."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from secretariat.audit.models import AuditEvent, EventType
from secretariat.meetings.models import Agenda, AgendaStatus, SessionStatus
from secretariat.meetings.services import do_approve_agenda, do_move_session_on, do_put_on_agenda
from tests.factories import add_session, en_ru

DRAFT = "2021-csc-declaration-draft"
#: The draft is restricted: its item is titled by the secretariat, not after the draft.
ITEM = {"en": "Draft declaration of the CSC", "ru": "Проект декларации СКБ"}


@pytest.fixture
def officer(dushanbe):
    return dushanbe.users["secretariat_officer"]


@pytest.fixture
def yerevan(dushanbe):
    """A session of the Council of Foreign Ministers with no agenda yet."""
    return add_session(
        dushanbe.organization,
        "2022-yerevan-cfm",
        en_ru("Session of the CFM", "Заседание СМИД"),
        [dushanbe.bodies["cfm"]],
        start_on=date(2022, 11, 22),
        status=SessionStatus.CONVENED,
    )


def test_a_draft_put_on_the_agenda_becomes_its_next_item(dushanbe, yerevan, officer):
    # when
    item = do_put_on_agenda(officer, yerevan, dushanbe.draft_declaration, titles=ITEM)
    again = do_put_on_agenda(officer, yerevan, dushanbe.statement)

    # then: the agenda was created as a draft, items numbered in order, the public statement's
    # titled after it
    assert (item.number, again.number) == (1, 2)
    assert item.agenda.status == AgendaStatus.DRAFT
    assert item.titles == ITEM
    assert again.titles["en"] == "On the situation in Afghanistan"
    assert list(item.documents.values_list("code", flat=True)) == [DRAFT]
    assert AuditEvent.objects.filter(event_type=EventType.AGENDA_ITEM_ADDED).count() == 2


def test_a_restricted_draft_needs_an_item_title_of_its_own(dushanbe, yerevan, officer):
    with pytest.raises(ValidationError, match="title is not public"):
        do_put_on_agenda(officer, yerevan, dushanbe.draft_declaration, titles={"en": " "})
    assert not Agenda.objects.filter(session=yerevan).exists()


def test_a_document_is_on_an_agenda_once_and_only_the_secretariat_puts_it_there(
    dushanbe, yerevan, officer
):
    do_put_on_agenda(officer, yerevan, dushanbe.draft_declaration, titles=ITEM)
    with pytest.raises(ValidationError, match="already on the agenda"):
        do_put_on_agenda(officer, yerevan, dushanbe.draft_declaration, titles=ITEM)
    with pytest.raises(PermissionDenied):
        do_put_on_agenda(dushanbe.users["armenia_head"], yerevan, dushanbe.statement)
    assert yerevan.agenda.items.count() == 1


def test_an_approved_agenda_or_a_closed_session_takes_no_new_item(dushanbe, officer):
    # The CSC agenda was approved on 15 September (the session is reopened to show it is the
    # approval that refuses); the joint meeting is closed.
    council = dushanbe.council_session
    council.status = SessionStatus.OPEN
    council.save(update_fields=["status"])
    with pytest.raises(ValidationError, match="approved"):
        do_put_on_agenda(officer, council, dushanbe.statement)
    with pytest.raises(ValidationError, match="closed"):
        do_put_on_agenda(officer, dushanbe.joint_meeting, dushanbe.draft_declaration)


def test_approval_by_bodies_meeting_at_another_session_as_in_dushanbe(dushanbe, yerevan, officer):
    # given
    do_put_on_agenda(officer, yerevan, dushanbe.draft_declaration, titles=ITEM)
    agenda = Agenda.objects.get(session=yerevan)
    joint = dushanbe.joint_meeting
    bodies = [dushanbe.bodies["cfm"], dushanbe.bodies["cdm"]]

    # when
    do_approve_agenda(officer, agenda, at=joint, bodies=bodies, on=joint.start_on)

    # then
    agenda.refresh_from_db()
    assert (agenda.status, agenda.approved_at, agenda.approved_on) == (
        AgendaStatus.APPROVED,
        joint,
        joint.start_on,
    )
    assert set(agenda.approved_by.values_list("code", flat=True)) == {"cfm", "cdm"}
    with pytest.raises(ValidationError, match="already approved"):
        do_approve_agenda(officer, agenda, at=joint, bodies=bodies, on=joint.start_on)


@pytest.mark.parametrize(
    ("bodies", "on", "message"),
    [
        ([], date(2021, 9, 15), "Name the body"),
        (["csc"], date(2021, 9, 15), "CSC did not meet at"),
        (["cfm"], date(2021, 9, 20), "the approval falls in those days"),
    ],
)
def test_an_approval_that_cannot_have_happened_is_refused(
    dushanbe, yerevan, officer, bodies, on, message
):
    do_put_on_agenda(officer, yerevan, dushanbe.draft_declaration, titles=ITEM)
    agenda = Agenda.objects.get(session=yerevan)
    with pytest.raises(ValidationError, match=message):
        do_approve_agenda(
            officer,
            agenda,
            at=dushanbe.joint_meeting,
            bodies=[dushanbe.bodies[code] for code in bodies],
            on=on,
        )
    agenda.refresh_from_db()
    assert agenda.status == AgendaStatus.DRAFT


def test_the_agenda_page_drafts_and_approves(client, dushanbe, yerevan, officer):
    client.force_login(officer)
    url = f"/csto/sessions/{yerevan.code}/agenda/"

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Put a draft on the agenda" in page
    assert f'<option value="{DRAFT}">' in page

    client.post(f"{url}items/", {"document": DRAFT, "title_en": ITEM["en"]})
    response = client.post(
        f"{url}approval/",
        {"at": yerevan.code, "bodies": ["cfm"], "on": "2022-11-22"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )

    page = response.content.decode()
    assert "The agenda is approved." in page
    assert ITEM["en"] in page
    assert "Put a draft on the agenda" not in page


def test_a_bad_day_of_approval_is_explained_and_changes_nothing(client, dushanbe, yerevan, officer):
    client.force_login(officer)
    url = f"/csto/sessions/{yerevan.code}/agenda/"
    client.post(f"{url}items/", {"document": DRAFT, "title_en": ITEM["en"]})
    response = client.post(
        f"{url}approval/",
        {"at": yerevan.code, "bodies": ["cfm"], "on": "22.11.2022"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Give the day of the approval as a date." in response.content.decode()
    assert Agenda.objects.get(session=yerevan).status == AgendaStatus.DRAFT


# ------------------------------------------------------------------------ the session's own steps


def test_a_session_is_convened_opened_and_closed_in_that_order(dushanbe, yerevan, officer):
    # given: convened (the fixture)
    with pytest.raises(ValidationError, match="does not become closed"):
        do_move_session_on(officer, yerevan, SessionStatus.CLOSED)

    # when
    do_move_session_on(officer, yerevan, SessionStatus.OPEN)
    do_move_session_on(officer, yerevan, SessionStatus.CLOSED)

    # then
    yerevan.refresh_from_db()
    assert yerevan.status == SessionStatus.CLOSED
    steps = AuditEvent.objects.filter(event_type=EventType.SESSION_STATUS_CHANGED)
    assert [event.extra["to"] for event in steps] == ["open", "closed"]
    with pytest.raises(ValidationError, match="does not become"):
        do_move_session_on(officer, yerevan, SessionStatus.OPEN)
