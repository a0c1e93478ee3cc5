"""The checks ``secretariat verify`` runs, each over one part of the record.

A check is a function taking no argument and returning a :class:`Report`: a one-line
summary of what it checked and the first :class:`Problem` it found, or ``None``. The audit
chain's check is registered here; an app above ``audit`` (signatures, adopted texts, ...)
registers its own from its ``AppConfig.ready()`` with :func:`register_check`, since ``audit``
may import no app above it. Checks run in the order registered; ``verify`` runs them all and
fails if any found a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from secretariat.audit import chain
from secretariat.audit.models import AuditEvent


@dataclass(frozen=True, slots=True)
class Problem:
    """The first thing a check found wrong: where (e.g. which entry) and why."""

    where: str
    why: str


@dataclass(frozen=True, slots=True)
class Report:
    check: str
    summary: str
    problem: Problem | None = None


IntegrityCheck = Callable[[], Report]

CHECKS: list[IntegrityCheck] = []


def register_check(check: IntegrityCheck) -> IntegrityCheck:
    """Add a check to those ``verify`` runs (once, however often it is called)."""
    if check not in CHECKS:
        CHECKS.append(check)
    return check


def run_checks() -> list[Report]:
    return [check() for check in CHECKS]


# ----------------------------------------------------------------------------- the audit chain

REASONS = {
    chain.BreakReason.GAP: "gap in the sequence: expected {expected}, found {found}",
    chain.BreakReason.CONTENT: (
        "hash does not match its content: the entry was changed (stored {found}, content "
        "hashes to {expected})"
    ),
    chain.BreakReason.LINK: (
        "previous_hash does not match the previous entry's hash (expected {expected}, "
        "found {found})"
    ),
}


def _entries() -> Iterator[chain.Entry]:
    rows = AuditEvent.objects.order_by("sequence").values(
        "id", "sequence", "occurred_at", "event_type", "actor_id", "actor_label", "target",
        "extra", "previous_hash", "hash",
    )  # fmt: skip
    for row in rows.iterator(chunk_size=2000):
        yield chain.Entry(
            sequence=row["sequence"],
            occurred_at=row["occurred_at"],
            event_type=row["event_type"],
            actor=row["actor_id"],
            actor_label=row["actor_label"],
            target=row["target"],
            extra=row["extra"],
            previous_hash=row["previous_hash"],
            hash=row["hash"],
            ref=row["id"],
        )


@register_check
def check_audit_chain() -> Report:
    """Walk the audit log from its first entry; report the first one that breaks the chain."""
    count = 0

    def counted() -> Iterator[chain.Entry]:
        nonlocal count
        for entry in _entries():
            count += 1
            yield entry

    broken = chain.first_break(counted())
    if broken is None:
        return Report("audit chain", f"{count} audit events, chain intact")
    entry = broken.entry
    where = f"audit event #{entry.sequence} (id {entry.ref}, {entry.event_type}, {entry.target})"
    why = REASONS[broken.reason].format(expected=broken.expected, found=broken.found)
    summary = f"{count - 1} audit events hold, then the chain breaks"
    return Report("audit chain", summary, Problem(where, why))
