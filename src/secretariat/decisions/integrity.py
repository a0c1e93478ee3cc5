"""``secretariat verify``: positions and outcomes are those the audit log recorded.

Every position given is logged (``POSITION_GIVEN``, with the state and the position), and every
closing with its outcome (``PROCEDURE_CLOSED``); the check finds the first current position,
or closed procedure's outcome, that differs from the last entry the log holds for it.
"""

from __future__ import annotations

from secretariat.audit.integrity import Problem, Report
from secretariat.audit.models import AuditEvent, EventType
from secretariat.decisions.models import Position, Procedure
from secretariat.documents.services import audit_target


def _target(procedure: Procedure) -> str:
    return audit_target(procedure.document, "procedures", procedure.pk)


def check_positions_and_outcomes() -> Report:
    given: dict[tuple[str, str], str] = {}
    outcomes: dict[str, bool | None] = {}
    events = AuditEvent.objects.filter(
        event_type__in=[EventType.POSITION_GIVEN, EventType.PROCEDURE_CLOSED]
    ).order_by("sequence")
    for event in events:
        if event.event_type == EventType.POSITION_GIVEN:
            given[(event.target, event.extra.get("state", ""))] = event.extra.get("position", "")
        else:
            outcomes[event.target] = event.extra.get("adopted")
    positions = Position.objects.select_related(
        "state", "procedure__document__organization"
    ).order_by("pk")
    for number, position in enumerate(positions):
        target = _target(position.procedure)
        logged = given.get((target, position.state.code))
        if logged != position.position:
            return Report(
                "positions",
                f"{number} positions as given, then one differs",
                Problem(
                    f"position of {position.state.code} in {target}",
                    f"it is '{position.position}', the log says "
                    + (f"'{logged}'" if logged is not None else "nothing was given"),
                ),
            )
    closed = Procedure.objects.filter(closed_at__isnull=False).select_related(
        "document__organization"
    )
    for procedure in closed.order_by("pk"):
        target = _target(procedure)
        if target not in outcomes or outcomes[target] != procedure.adopted:
            return Report(
                "positions",
                "positions as given; an outcome differs",
                Problem(
                    f"outcome of {target}",
                    f"adopted is {procedure.adopted}, the log says "
                    + (str(outcomes[target]) if target in outcomes else "it never closed"),
                ),
            )
    return Report("positions", f"{len(given)} positions and {len(outcomes)} outcomes as logged")
