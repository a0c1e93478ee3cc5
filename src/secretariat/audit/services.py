"""Appending to the audit log; every ``do_*`` service calls :func:`record_event`."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from secretariat.audit.models import AuditEvent, EventType


def record_event(
    event_type: EventType,
    *,
    target: str,
    actor: AbstractBaseUser | AnonymousUser | None = None,
    actor_label: str = "",
    extra: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the audit log, inside the caller's transaction."""
    return AuditEvent.objects.create(
        event_type=event_type,
        actor_id=actor.pk if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label,
        target=target,
        extra=extra or {},
    )
