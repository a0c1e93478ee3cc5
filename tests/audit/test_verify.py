"""The audit log as stored: appended as a chain, verified, and tampering found.

The tamper tests play an attacker with rights on the database: on PostgreSQL the
append-only trigger refuses their UPDATE or DELETE, so they disable it first.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction

from secretariat.audit.chain import GENESIS
from secretariat.audit.integrity import CHECKS, check_audit_chain
from secretariat.audit.models import AuditEvent, EventType
from secretariat.audit.services import record_event
from secretariat.documents.models import Document
from secretariat.documents.services import do_save_text

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger and the lock are PostgreSQL's"
)


@contextmanager
def as_an_attacker() -> Iterator[None]:
    """Write to the audit table as someone who may disable its triggers."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        # The test's transaction holds deferred foreign-key checks; ALTER TABLE wants none.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")


def verify() -> str:
    output = []

    class Out:
        def write(self, text: str) -> None:
            output.append(text)

    call_command("verify", stdout=Out())
    return "".join(output)


@pytest.fixture
def logged(dushanbe) -> list[AuditEvent]:
    """The Dushanbe record loaded, then a few texts saved by the secretariat."""
    officer = dushanbe.users["secretariat_officer"]
    draft = Document.objects.get(code="2021-csc-declaration-draft")
    for version in (2, 3, 4, 5):
        do_save_text(officer, draft, "ru", f"Проект, версия {version}", f"Текст {version}")
    return list(AuditEvent.objects.order_by("sequence"))


def test_record_event_links_each_entry_to_the_one_before(logged):
    assert len(logged) >= 3
    assert [event.sequence for event in logged] == list(range(1, len(logged) + 1))
    assert logged[0].previous_hash == GENESIS
    for before, after in itertools.pairwise(logged):
        assert after.previous_hash == before.hash
    assert len({event.hash for event in logged}) == len(logged)
    assert logged[-1].event_type == EventType.TEXT_SAVED


def test_the_hash_is_of_the_details_as_stored(db):
    # A tuple is stored as a JSON list: the hash must be of what is read back.
    event = record_event(
        EventType.ADMIN_SAVED, target="t", actor_label="командная строка",
        extra={"fields": ("title", "body"), "nested": {"b": 1, "a": None}},
    )  # fmt: skip

    assert AuditEvent.objects.get(pk=event.pk).extra["fields"] == ["title", "body"]
    assert check_audit_chain().problem is None


def test_verify_passes_on_an_untouched_log(logged):
    output = verify()

    assert f"{len(logged)} audit events, chain intact" in output
    assert check_audit_chain in CHECKS


def test_verify_passes_on_an_empty_log(db):
    assert "0 audit events, chain intact" in verify()


def test_a_changed_entry_is_found_and_named(logged):
    # given: an attacker changes what an entry says, straight in the database
    victim = logged[len(logged) // 2]
    with as_an_attacker():
        AuditEvent.objects.filter(pk=victim.pk).update(extra={"forged": True})

    # when / then: verify fails, naming that entry and why
    with pytest.raises(CommandError) as failure:
        verify()
    assert failure.value.returncode == 1
    message = str(failure.value)
    assert f"audit event #{victim.sequence} (id {victim.pk}, {victim.event_type}" in message
    assert "hash does not match its content" in message


def test_a_changed_and_rehashed_entry_is_found_at_the_next_one(logged):
    victim, next_one = logged[1], logged[2]
    with as_an_attacker():
        AuditEvent.objects.filter(pk=victim.pk).update(hash="f" * 64)

    with pytest.raises(CommandError) as failure:
        verify()
    assert f"audit event #{victim.sequence} " in str(failure.value)
    assert f"#{next_one.sequence} " not in str(failure.value)


def test_a_deleted_entry_is_found_as_a_gap(logged):
    victim, next_one = logged[1], logged[2]
    with as_an_attacker():
        AuditEvent.objects.filter(pk=victim.pk).delete()

    with pytest.raises(CommandError) as failure:
        verify()
    message = str(failure.value)
    assert f"audit event #{next_one.sequence} (id {next_one.pk}" in message
    assert f"gap in the sequence: expected {victim.sequence}, found {next_one.sequence}" in message


def test_the_cli_exits_1(logged):
    with as_an_attacker():
        AuditEvent.objects.filter(pk=logged[0].pk).update(target="elsewhere")

    with pytest.raises(CommandError) as failure:
        call_command("verify")
    assert failure.value.returncode == 1


# ------------------------------------------------------------------------- PostgreSQL only


@on_postgresql
def test_the_database_refuses_to_update_or_delete_an_entry(logged):
    for statement in (
        "UPDATE audit_auditevent SET extra = '{}' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [logged[0].pk])
    assert AuditEvent.objects.get(pk=logged[0].pk).extra == logged[0].extra
    assert "chain intact" in verify()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_events_appended_at_the_same_moment_make_one_chain():
    # given: twelve writers, each appending three events, all starting together
    writers, each = 12, 3
    barrier = threading.Barrier(writers)
    errors: list[BaseException] = []

    def append(number: int) -> None:
        try:
            barrier.wait()
            for step in range(each):
                with transaction.atomic(durable=True):
                    record_event(EventType.ADMIN_SAVED, target=f"writer:{number}:{step}")
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append, args=(number,)) for number in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then: every event appended, numbered without gaps, and the chain holds
    assert errors == []
    sequences = list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, writers * each + 1))
    assert check_audit_chain().problem is None
