"""Giving instructions, recording reports, completing: who may, what is checked, what is logged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from secretariat.audit.models import AuditEvent, EventType
from secretariat.documents.models import Document, DocumentStatus
from secretariat.followup.models import Instruction, InstructionStatus, Report
from secretariat.followup.services import (
    FollowUpError,
    do_complete_instruction,
    do_give_instruction,
    do_record_report,
    operative_paragraphs,
)
from tests.factories import PARAGRAPH_1, PARAGRAPH_2, PREAMBLE


@pytest.fixture
def officer(dushanbe):
    return dushanbe.users["secretariat_officer"]


def test_the_secretariat_gives_an_instruction_from_an_operative_paragraph(
    dushanbe, follow_up, officer
):
    # given
    due = date(2022, 6, 30)

    # when
    instruction = do_give_instruction(
        officer,
        follow_up.decision,
        paragraph=PARAGRAPH_2,
        action="  Belarus informs the Secretariat  ",
        due_on=due,
        state=dushanbe.states["BLR"],
    )

    # then: stored with the paragraph's own number, open, and logged
    assert instruction.paragraph_label == "2"
    assert instruction.action == "Belarus informs the Secretariat"
    assert instruction.status == InstructionStatus.OPEN
    event = AuditEvent.objects.get(event_type=EventType.INSTRUCTION_GIVEN)
    assert event.actor == officer
    assert event.target == f"csto/documents/2021-csc-border-decision/instructions/{instruction.pk}"
    assert event.extra == {
        "paragraph": PARAGRAPH_2,
        "addressee": "state:BLR",
        "due_on": "2022-06-30",
    }


def test_the_same_instruction_sent_twice_is_recorded_once(dushanbe, follow_up, officer):
    # given
    give = {
        "paragraph": PARAGRAPH_1,
        "action": "Prepare the measures",
        "body": dushanbe.bodies["cdm"],
    }

    # when
    first = do_give_instruction(officer, follow_up.decision, **give)
    second = do_give_instruction(officer, follow_up.decision, **give)

    # then
    assert first.pk == second.pk
    assert AuditEvent.objects.filter(event_type=EventType.INSTRUCTION_GIVEN).count() == 1


@pytest.mark.parametrize(
    "persona", ["armenia_head", "armenia_delegate", "kazakhstan_delegate", "no_role"]
)
def test_only_the_secretariat_gives_instructions(dushanbe, follow_up, persona):
    with pytest.raises(PermissionDenied):
        do_give_instruction(
            dushanbe.users[persona], follow_up.public_decision, paragraph=PARAGRAPH_1,
            action="Act", to_secretariat=True,
        )  # fmt: skip


@pytest.mark.parametrize("status", [DocumentStatus.DRAFT, DocumentStatus.AGREED])
def test_a_decision_not_adopted_gives_no_instruction(follow_up, officer, status):
    # given
    Document.objects.filter(pk=follow_up.decision.pk).update(status=status)
    follow_up.decision.refresh_from_db()

    # when / then
    with pytest.raises(FollowUpError, match="Only an adopted decision"):
        do_give_instruction(
            officer, follow_up.decision, paragraph=PARAGRAPH_1, action="Act", to_secretariat=True
        )


@pytest.mark.parametrize(
    ("paragraph", "message"),
    [(PREAMBLE, "is not operative"), (99, "has no paragraph 99"), (0, "has no paragraph 0")],
)
def test_an_instruction_comes_from_an_operative_paragraph_of_the_text(
    follow_up, officer, paragraph, message
):
    with pytest.raises(FollowUpError, match=message) as raised:
        do_give_instruction(
            officer, follow_up.decision, paragraph=paragraph, action="Act", to_secretariat=True
        )
    assert raised.value.field == "paragraph"


@pytest.mark.parametrize(
    ("addressees", "field"),
    [
        ({}, "addressee"),
        ({"state": "ARM", "to_secretariat": True}, "addressee"),
        ({"state": "ARM", "body": "cdm"}, "addressee"),
    ],
)
def test_an_instruction_has_exactly_one_addressee(dushanbe, follow_up, officer, addressees, field):
    # given
    named = {
        "state": dushanbe.states.get(addressees.get("state", "")),
        "body": dushanbe.bodies.get(addressees.get("body", "")),
        "to_secretariat": addressees.get("to_secretariat", False),
    }

    # when / then
    with pytest.raises(FollowUpError, match="Addressee: name one addressee") as raised:
        do_give_instruction(
            officer, follow_up.decision, paragraph=PARAGRAPH_1, action="Act", **named
        )
    assert raised.value.field == field


def test_what_must_be_done_is_required_and_the_deadline_follows_the_adoption(follow_up, officer):
    with pytest.raises(FollowUpError, match="What must be done") as empty:
        do_give_instruction(
            officer, follow_up.decision, paragraph=PARAGRAPH_1, action="  ", to_secretariat=True
        )
    with pytest.raises(FollowUpError, match="Due on: the deadline cannot fall before") as early:
        do_give_instruction(
            officer,
            follow_up.decision,
            paragraph=PARAGRAPH_1,
            action="Act",
            to_secretariat=True,
            due_on=date(2021, 1, 1),
        )
    assert (empty.value.field, early.value.field) == ("action", "due_on")
    assert not AuditEvent.objects.filter(event_type=EventType.INSTRUCTION_GIVEN).exists()


def test_the_database_refuses_an_instruction_to_two_addressees(dushanbe, follow_up, officer):
    with pytest.raises(IntegrityError), transaction.atomic():
        Instruction.objects.create(
            document=follow_up.decision, paragraph=PARAGRAPH_1, paragraph_label="1",
            action="Act", state=dushanbe.states["ARM"], is_for_secretariat=True,
            created_by=officer,
        )  # fmt: skip


def test_operative_paragraphs_are_those_numbered_in_the_text(follow_up):
    paragraphs = operative_paragraphs(follow_up.decision)
    assert [(paragraph.number, paragraph.label) for paragraph in paragraphs] == [
        (3, "1"),
        (4, "2"),
        (5, "3"),
    ]


# ------------------------------------------------------------------------ reports


def test_the_secretariat_records_a_report_that_completes_the_instruction(
    dushanbe, follow_up, officer
):
    # given
    instruction = follow_up.instructions["secret-armenia"]

    # when
    report = do_record_report(
        officer,
        instruction,
        summary="Armenia reinforced two posts.",
        state=dushanbe.states["ARM"],
        completes=True,
    )

    # then: the report is kept; the instruction is completed; both are logged
    instruction.refresh_from_db()
    assert report.received_on == timezone.localdate()
    assert report.is_final
    assert instruction.status == InstructionStatus.COMPLETED
    assert instruction.completed_at is not None
    events = list(AuditEvent.objects.values_list("event_type", "extra"))
    assert events == [
        (
            EventType.INSTRUCTION_REPORTED,
            {"report": report.pk, "from": "state:ARM", "received_on": str(report.received_on)},
        ),
        (EventType.INSTRUCTION_COMPLETED, {"report": report.pk}),
    ]


def test_the_head_of_the_addressed_state_submits_its_report(dushanbe, follow_up):
    # given
    head = dushanbe.users["armenia_head"]
    instruction = follow_up.instructions["secret-armenia"]

    # when
    report = do_record_report(
        head, instruction, summary="Done in part.", state=dushanbe.states["ARM"]
    )

    # then: recorded, but the instruction stays open: completing is the secretariat's call
    assert report.recorded_by == head
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.OPEN
    with pytest.raises(PermissionDenied):
        do_record_report(
            head, instruction, summary="All done.", state=dushanbe.states["ARM"], completes=True
        )


@pytest.mark.parametrize(
    ("persona", "instruction", "state"),
    [
        ("armenia_delegate", "secret-armenia", "ARM"),  # a delegate, not the head
        ("armenia_head", "secret-armenia", "BLR"),  # for another state
        ("armenia_head", "secret-cdm", "ARM"),  # an instruction to a body
        ("kazakhstan_delegate", "public-kazakhstan", "KAZ"),  # not the head
        ("no_role", "public-kazakhstan", "KAZ"),
    ],
)
def test_nobody_else_reports_for_a_state(dushanbe, follow_up, persona, instruction, state):
    with pytest.raises(PermissionDenied):
        do_record_report(
            dushanbe.users[persona],
            follow_up.instructions[instruction],
            summary="Report",
            state=dushanbe.states[state],
        )
    assert not Report.objects.exists()


def test_the_same_report_sent_twice_is_recorded_once(dushanbe, follow_up, officer):
    # given
    instruction = follow_up.instructions["public-secretariat"]

    # when
    first = do_record_report(officer, instruction, summary="Report", from_secretariat=True)
    second = do_record_report(officer, instruction, summary="Report", from_secretariat=True)

    # then
    assert first.pk == second.pk
    assert AuditEvent.objects.filter(event_type=EventType.INSTRUCTION_REPORTED).count() == 1


def test_a_report_needs_a_summary_one_sender_and_a_day_not_to_come(dushanbe, follow_up, officer):
    instruction = follow_up.instructions["public-secretariat"]
    with pytest.raises(FollowUpError, match="Summary") as summary:
        do_record_report(officer, instruction, summary=" ", from_secretariat=True)
    with pytest.raises(FollowUpError, match="From: name one sender") as sender:
        do_record_report(officer, instruction, summary="Report")
    with pytest.raises(FollowUpError, match="Received on") as received:
        do_record_report(
            officer,
            instruction,
            summary="Report",
            from_secretariat=True,
            received_on=timezone.localdate() + timedelta(days=1),
        )
    assert [summary.value.field, sender.value.field, received.value.field] == [
        "summary",
        "sender",
        "received_on",
    ]


def test_a_completed_instruction_takes_no_report_and_is_not_completed_again(follow_up, officer):
    # given
    instruction = follow_up.instructions["public-secretariat"]
    do_complete_instruction(officer, instruction)

    # when / then
    with pytest.raises(FollowUpError, match="completed on"):
        do_record_report(officer, instruction, summary="Late report", from_secretariat=True)
    with pytest.raises(FollowUpError, match="completed on"):
        do_complete_instruction(officer, instruction)
    assert AuditEvent.objects.filter(event_type=EventType.INSTRUCTION_COMPLETED).count() == 1
    assert not Report.objects.exists()


@pytest.mark.parametrize("persona", ["armenia_head", "kazakhstan_delegate", "no_role"])
def test_only_the_secretariat_completes_an_instruction(dushanbe, follow_up, persona):
    with pytest.raises(PermissionDenied):
        do_complete_instruction(dushanbe.users[persona], follow_up.instructions["secret-armenia"])
