"""Appending to the audit log; every ``do_*`` service calls :func:`record_event`."""

from __future__ import annotations

import json
from typing import Any, Final

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.utils import timezone

from secretariat.audit import chain
from secretariat.audit.models import AuditEvent, EventType

#: The PostgreSQL advisory lock held while appending to the chain ("audit" in ASCII).
CHAIN_LOCK: Final = 0x6175646974


def _lock_the_chain() -> None:
    """Serialise appends until the transaction ends, so that no two entries share a parent.

    On PostgreSQL, a transaction-level advisory lock: a second writer waits here until the
    first commits or rolls back, then reads the entry the first appended. SQLite lets one
    writer at a time into the database file, so there is nothing more to do there.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


def record_event(
    event_type: EventType,
    *,
    target: str,
    actor: AbstractBaseUser | AnonymousUser | None = None,
    actor_label: str = "",
    extra: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the audit log, inside the caller's transaction.

    The entry is chained to the last one (``audit/chain.py``): its sequence number follows,
    and its hash covers its content and the last entry's hash.
    """
    # What the JSON field gives back when read, so that the hash is of what is stored.
    details = json.loads(json.dumps(extra or {}))
    with transaction.atomic():
        _lock_the_chain()
        last = AuditEvent.objects.order_by("-sequence").values("sequence", "hash").first()
        content: dict[str, Any] = {
            "sequence": last["sequence"] + 1 if last else 1,
            "occurred_at": timezone.now(),
            "event_type": str(event_type),
            "actor": actor.pk if actor is not None and actor.is_authenticated else None,
            "actor_label": actor_label,
            "target": target,
            "extra": details,
            "previous_hash": last["hash"] if last else chain.GENESIS,
        }
        return AuditEvent.objects.create(
            sequence=content["sequence"],
            occurred_at=content["occurred_at"],
            event_type=event_type,
            actor_id=content["actor"],
            actor_label=actor_label,
            target=target,
            extra=details,
            previous_hash=content["previous_hash"],
            hash=chain.entry_hash(**content),
        )
