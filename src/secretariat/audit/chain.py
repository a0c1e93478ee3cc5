"""The audit log's hash chain, in pure Python: no Django, no database.

Each entry's ``hash`` is the SHA-256 of its canonical form (:func:`canonical_bytes`), which
includes the previous entry's hash, so changing, removing or reordering an entry breaks the
chain from that entry on. ``docs/integrity.md`` ("The audit chain") documents the form;
the migration that backfilled the chain repeats it inline, so change neither alone.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

#: The ``previous_hash`` of the first entry.
GENESIS: Final = "0" * 64


def canonical_bytes(
    *,
    sequence: int,
    occurred_at: datetime,
    event_type: str,
    actor: int | None,
    actor_label: str,
    target: str,
    extra: Mapping[str, Any],
    previous_hash: str,
) -> bytes:
    """Return the bytes an entry's hash is taken of: UTF-8 JSON, sorted keys, no whitespace."""
    if occurred_at.tzinfo is None:
        raise ValueError("occurred_at must be an aware datetime")
    document = {
        "sequence": sequence,
        "occurred_at": occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "event_type": event_type,
        "actor": actor,
        "actor_label": actor_label,
        "target": target,
        "extra": extra,
        "previous_hash": previous_hash,
    }
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def entry_hash(**content: Any) -> str:
    """Return the hex SHA-256 of the canonical form of an entry's content."""
    return hashlib.sha256(canonical_bytes(**content)).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of the chain as stored: its content, its two hashes, and a reference."""

    sequence: int
    occurred_at: datetime
    event_type: str
    actor: int | None
    actor_label: str
    target: str
    extra: Mapping[str, Any]
    previous_hash: str
    hash: str
    #: Where the entry is stored (the row's id); not part of the hash.
    ref: int | None = field(default=None, compare=False)

    def computed_hash(self) -> str:
        return entry_hash(
            sequence=self.sequence,
            occurred_at=self.occurred_at,
            event_type=self.event_type,
            actor=self.actor,
            actor_label=self.actor_label,
            target=self.target,
            extra=self.extra,
            previous_hash=self.previous_hash,
        )


class BreakReason(enum.StrEnum):
    #: The entry's sequence is not the previous one's plus one (or 1 for the first).
    GAP = "gap"
    #: The entry's hash is not the hash of its content: the content was changed.
    CONTENT = "content"
    #: The entry's previous_hash is not the previous entry's hash.
    LINK = "link"


@dataclass(frozen=True, slots=True)
class Break:
    """The first entry at which the chain does not hold, and why."""

    entry: Entry
    reason: BreakReason
    expected: str
    found: str


def first_break(entries: Iterable[Entry]) -> Break | None:
    """Walk the entries in the order given; return the first break, or ``None``."""
    expected_sequence, expected_previous = 1, GENESIS
    for entry in entries:
        if entry.sequence != expected_sequence:
            return Break(entry, BreakReason.GAP, str(expected_sequence), str(entry.sequence))
        computed = entry.computed_hash()
        if entry.hash != computed:
            return Break(entry, BreakReason.CONTENT, computed, entry.hash)
        if entry.previous_hash != expected_previous:
            return Break(entry, BreakReason.LINK, expected_previous, entry.previous_hash)
        expected_sequence, expected_previous = entry.sequence + 1, entry.hash
    return None
