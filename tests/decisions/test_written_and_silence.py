"""Written and silence procedures: a deadline in the seat's time, closed by ``secretariat tick``."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from secretariat.audit.models import AuditEvent, EventType
from secretariat.decisions.models import Procedure
from secretariat.decisions.services import (
    ProcedureError,
    close_due_procedures,
    do_close_procedure,
    do_give_position,
    do_open_procedure,
)
from secretariat.documents.models import Document, DocumentStatus

DRAFT = "2021-csc-declaration-draft"
RULES = {
    "default": {
        "rule": {"kind": "consensus"},
        "procedures": [
            {"kind": "in-session"},
            {"kind": "written", "days": 2, "at": "18:00", "no_answer": "yes"},
            {"kind": "silence", "days": 3, "at": "12:00"},
        ],
    }
}


@pytest.fixture
def agreed(dushanbe) -> Document:
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = RULES
    csc.save(update_fields=["decision_rules"])
    organization = dushanbe.organization
    organization.timezone = "Europe/Moscow"
    organization.save(update_fields=["timezone"])
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    return Document.objects.get(code=DRAFT)


@pytest.fixture
def officer(dushanbe):
    return dushanbe.users["secretariat_officer"]


def open_(dushanbe, agreed, officer, kind: str, **options) -> Procedure:
    return do_open_procedure(
        officer, agreed, dushanbe.bodies["csc"], "default", kind=kind, **options
    )


def test_the_deadline_is_computed_in_the_seats_time_zone(dushanbe, agreed, officer):
    # when
    procedure = open_(dushanbe, agreed, officer, "silence")

    # then: three days later at noon, Moscow time
    local = timezone.localtime(procedure.closes_at, timezone=ZoneInfo("Europe/Moscow"))
    assert (local.hour, local.minute) == (12, 0)
    assert local.date() == timezone.localtime(procedure.opened_at, local.tzinfo).date() + timedelta(
        days=3
    )


def test_a_silence_procedure_broken_by_one_state_rejects_the_draft_at_the_deadline(
    dushanbe, agreed, officer
):
    # given: Armenia breaks the silence, with its reason
    procedure = open_(dushanbe, agreed, officer, "silence")
    do_give_position(
        dushanbe.users["armenia_head"], procedure, dushanbe.states["ARM"], "objection", "Para 2."
    )

    # when: the deadline passes and the tick runs
    closed = close_due_procedures(procedure.closes_at + timedelta(seconds=1))

    # then
    assert [each.adopted for each in closed] == [False]
    assert Document.objects.get(code=DRAFT).status == DocumentStatus.REJECTED
    event = AuditEvent.objects.get(event_type=EventType.PROCEDURE_CLOSED)
    assert (event.actor, event.actor_label) == (None, "deadline (secretariat tick)")


def test_silence_kept_by_all_adopts_the_draft(dushanbe, agreed, officer):
    # given
    procedure = open_(dushanbe, agreed, officer, "silence")

    # when
    (closed,) = close_due_procedures(procedure.closes_at)

    # then
    assert closed.adopted is True
    assert Document.objects.get(code=DRAFT).status == DocumentStatus.ADOPTED


def test_under_silence_only_an_objection_with_its_reason_counts(dushanbe, agreed, officer):
    procedure = open_(dushanbe, agreed, officer, "silence")
    head, armenia = dushanbe.users["armenia_head"], dushanbe.states["ARM"]
    with pytest.raises(ProcedureError, match="only breaks the silence"):
        do_give_position(head, procedure, armenia, "yes")
    with pytest.raises(ProcedureError, match="why the silence is broken"):
        do_give_position(head, procedure, armenia, "objection")


def test_a_written_procedure_counts_no_answer_as_the_charter_says(dushanbe, agreed, officer):
    # given: no answer counts as consent; Armenia answers no
    procedure = open_(dushanbe, agreed, officer, "written")
    do_give_position(dushanbe.users["armenia_head"], procedure, dushanbe.states["ARM"], "no")

    # when
    (closed,) = close_due_procedures(procedure.closes_at)

    # then: the others counted in favour, Armenia's objection rejects it
    assert closed.adopted is False
    assert "No consensus: ARM objected" in "\n".join(closed.explanation["en"])


def test_after_the_deadline_an_answer_is_refused_even_before_the_tick(dushanbe, agreed, officer):
    # given: a deadline given by the chair, a minute from now, which has just passed
    procedure = open_(
        dushanbe, agreed, officer, "written", closes_at=timezone.now() + timedelta(minutes=1)
    )
    Procedure.objects.filter(pk=procedure.pk).update(
        closes_at=timezone.now() - timedelta(seconds=1)
    )
    procedure.refresh_from_db()

    # when / then
    with pytest.raises(ProcedureError, match="positions are no longer taken"):
        do_give_position(officer, procedure, dushanbe.states["ARM"], "yes")


def test_a_procedure_with_a_deadline_is_not_closed_by_hand_before_it(dushanbe, agreed, officer):
    procedure = open_(dushanbe, agreed, officer, "written")
    with pytest.raises(ProcedureError, match="closes by itself"):
        do_close_procedure(officer, procedure)


def test_the_tick_closes_only_what_is_due_and_twice_is_once(dushanbe, agreed, officer):
    # given: one procedure due in three days
    open_(dushanbe, agreed, officer, "silence")

    # when: the tick now, then the tick twice after the deadline
    now = StringIO()
    call_command("tick", stdout=now)
    Procedure.objects.update(closes_at=timezone.now() - timedelta(minutes=1))
    later, again = StringIO(), StringIO()
    call_command("tick", stdout=later)
    call_command("tick", stdout=again)

    # then
    assert "0 procedures closed." in now.getvalue()
    assert f"{DRAFT}: adopted" in later.getvalue()
    assert "0 procedures closed." in again.getvalue()


def test_everyone_concerned_is_told_the_outcome_by_mail(
    dushanbe, agreed, officer, django_capture_on_commit_callbacks
):
    # given: the delegations and the officer have addresses
    for user in dushanbe.users.values():
        user.email = f"{user.get_username()}@example.org"
        user.save(update_fields=["email"])
    procedure = open_(dushanbe, agreed, officer, "silence")

    # when
    with django_capture_on_commit_callbacks(execute=True):
        close_due_procedures(procedure.closes_at)

    # then: one message each, with the outcome in English and Russian
    addresses = sorted(address for message in mail.outbox for address in message.to)
    assert "arm-head@example.org" in addresses
    assert "officer@example.org" in addresses
    assert len(addresses) == len(set(addresses))
    assert "Adopted." in mail.outbox[0].body
    assert "Принято." in mail.outbox[0].body


def test_a_matter_that_allows_no_such_procedure_is_refused(dushanbe, agreed, officer):
    # given: a body whose only procedure is in session
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = {"default": {"rule": {"kind": "consensus"}}}
    csc.save(update_fields=["decision_rules"])

    with pytest.raises(ProcedureError, match="not decided by the silence procedure"):
        open_(dushanbe, agreed, officer, "silence")
