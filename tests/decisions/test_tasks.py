"""The closing task of written and silence procedures, on the real database backend.

Opening the procedure enqueues ``close_procedure_at_deadline`` with the deadline as
``run_after``; the package's own worker (``db_worker --batch``) runs it once the deadline has
come. ``secretariat tick`` and the task share one code path, so whichever comes second finds
nothing to do.
"""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from secretariat.audit.models import AuditEvent
from secretariat.decisions.models import Procedure
from secretariat.decisions.services import do_give_position, do_open_procedure
from secretariat.documents.models import Document, DocumentStatus

DRAFT = "2021-csc-declaration-draft"
TASK_PATH = "secretariat.decisions.tasks.close_procedure_at_deadline"
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
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    for user in dushanbe.users.values():
        user.email = f"{user.get_username()}@example.org"
        user.save(update_fields=["email"])
    return Document.objects.get(code=DRAFT)


def open_(dushanbe, agreed, kind: str) -> Procedure:
    return do_open_procedure(
        dushanbe.users["secretariat_officer"], agreed, dushanbe.bodies["csc"], "default", kind=kind
    )


def run_worker_at(monkeypatch, moment) -> str:
    """Run the package's worker once (``--batch``: what is due, then exit) with the clock at
    ``moment``."""
    monkeypatch.setattr(timezone, "now", lambda: moment)
    out = StringIO()
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=out, stderr=out)
    monkeypatch.undo()
    return out.getvalue()


@pytest.mark.parametrize("kind", ["written", "silence"])
def test_opening_enqueues_the_closing_at_the_deadline(
    dushanbe, agreed, kind, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        procedure = open_(dushanbe, agreed, kind)

    # then: one task in the database queue, to run at the deadline, for this procedure
    task = DBTaskResult.objects.get()
    assert task.task_path == TASK_PATH
    assert task.run_after == procedure.closes_at
    assert task.args_kwargs == {"args": [procedure.pk], "kwargs": {}}
    assert task.status == "READY"


def test_an_opening_in_session_enqueues_nothing(
    dushanbe, agreed, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        open_(dushanbe, agreed, "in-session")

    # then
    assert not DBTaskResult.objects.exists()


def test_a_rolled_back_opening_schedules_nothing(
    dushanbe, agreed, django_capture_on_commit_callbacks
):
    # given: the opening is part of a transaction that fails afterwards
    def open_then_fail() -> None:
        with transaction.atomic():
            open_(dushanbe, agreed, "written")
            raise RuntimeError

    # when
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        open_then_fail()

    # then
    assert callbacks == []
    assert not DBTaskResult.objects.exists()
    assert not Procedure.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_worker_closes_the_procedure_at_its_deadline_and_mails_the_outcome(
    dushanbe, agreed, monkeypatch, mailoutbox
):
    # given: a silence procedure that Armenia breaks
    procedure = open_(dushanbe, agreed, "silence")
    do_give_position(
        dushanbe.users["armenia_head"], procedure, dushanbe.states["ARM"], "objection", "Para 2."
    )

    # when: the worker runs a minute before the deadline, then a minute after it
    run_worker_at(monkeypatch, procedure.closes_at - timedelta(minutes=1))
    still_open = Procedure.objects.get(pk=procedure.pk).is_open
    run_worker_at(monkeypatch, procedure.closes_at + timedelta(minutes=1))

    # then: not before; after, closed with its outcome stored, the draft moved on, all told
    assert still_open
    procedure.refresh_from_db()
    assert not procedure.is_open
    assert procedure.adopted is False
    assert procedure.explanation["en"]
    assert procedure.explanation["ru"]
    assert Document.objects.get(code=DRAFT).status == DocumentStatus.REJECTED
    task = DBTaskResult.objects.get()
    assert (task.status, task.return_value) == ("SUCCESSFUL", True)
    addresses = sorted(address for message in mailoutbox for address in message.to)
    assert "arm-head@example.org" in addresses
    assert "officer@example.org" in addresses
    assert len(addresses) == len(set(addresses))
    assert "Not adopted." in mailoutbox[0].body


@pytest.mark.django_db(transaction=True)
def test_the_task_on_a_procedure_the_tick_closed_changes_nothing(
    dushanbe, agreed, monkeypatch, mailoutbox
):
    # given: the tick closed the procedure after its deadline, and told everyone
    procedure = open_(dushanbe, agreed, "written")
    after = procedure.closes_at + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after)
    tick = StringIO()
    call_command("tick", stdout=tick)
    monkeypatch.undo()
    procedure.refresh_from_db()
    closed_at, events, mails = procedure.closed_at, AuditEvent.objects.count(), len(mailoutbox)

    # when: the worker runs the task enqueued at the opening
    run_worker_at(monkeypatch, after + timedelta(minutes=1))

    # then: the task succeeded and did nothing
    assert "1 procedures closed." in tick.getvalue()
    task = DBTaskResult.objects.get()
    assert (task.status, task.return_value) == ("SUCCESSFUL", False)
    procedure.refresh_from_db()
    assert procedure.closed_at == closed_at
    assert procedure.adopted is True
    assert AuditEvent.objects.count() == events
    assert len(mailoutbox) == mails > 0
