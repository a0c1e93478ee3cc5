"""Chain the events logged before the chain existed, in the order they were logged.

Self-contained on purpose (a migration must not import project code, which changes): the
canonical form below is the one of ``secretariat/audit/chain.py``, documented in
docs/integrity.md ("The audit chain"). Change neither without the other.
"""

import hashlib
import json
from datetime import UTC
from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

GENESIS = "0" * 64


def _hash(event: Any, sequence: int, previous_hash: str) -> str:
    document = {
        "sequence": sequence,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "event_type": event.event_type,
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "target": event.target,
        "extra": event.extra,
        "previous_hash": previous_hash,
    }
    text = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return hashlib.sha256(text.encode()).hexdigest()


def chain_existing_events(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    AuditEvent = apps.get_model("audit", "AuditEvent")
    previous_hash = GENESIS
    events = AuditEvent.objects.using(schema_editor.connection.alias).order_by("occurred_at", "id")
    for sequence, event in enumerate(events.iterator(), start=1):
        event.sequence = sequence
        event.previous_hash = previous_hash
        event.hash = previous_hash = _hash(event, sequence, event.previous_hash)
        event.save(update_fields=["sequence", "previous_hash", "hash"])


def unchain(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Nothing to undo: 0007's reverse drops the fields."""


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0008_chain_fields'),
    ]

    operations = [
        migrations.RunPython(chain_existing_events, unchain),
    ]
