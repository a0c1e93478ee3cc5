"""Read-side queries for the organization and body pages.

Sessions live in ``meetings``, which sits above this app, so they are reached through the
reverse relations (``organization.sessions``, ``body.sessions``) rather than imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import QuerySet

from secretariat.organizations.models import (
    Body,
    Chairmanship,
    MemberState,
    Organization,
    in_force_on,
)
from secretariat.rules.participation import ParticipationStatus

#: How the list of states is ordered: members first, then those with a looser tie.
STATUS_ORDER: dict[str, int] = {
    ParticipationStatus.MEMBER: 0,
    ParticipationStatus.SUSPENDED: 1,
    ParticipationStatus.FROZEN: 2,
    ParticipationStatus.OBSERVER: 3,
    ParticipationStatus.PARTNER: 4,
    ParticipationStatus.WITHDRAWN: 5,
}
RECENT_SESSIONS = 12


def states_by_status(organization: Organization, on: date) -> list[MemberState]:
    """Return the organization's states with ``status_on`` the day, members first."""
    states = MemberState.objects.filter(organization=organization).with_status_on(on)
    return sorted(
        states,
        key=lambda state: (
            STATUS_ORDER.get(getattr(state, "status_on", None) or "", len(STATUS_ORDER)),
            state.code,
        ),
    )


def current_chairmanship(organization: Organization, on: date) -> Chairmanship | None:
    """Return the chairmanship in force on the day, if any."""
    return (
        Chairmanship.objects.filter(in_force_on(on), organization=organization)
        .select_related("state")
        .order_by("-start_on")
        .first()
    )


def recent_sessions(organization: Organization) -> QuerySet[models.Model]:
    """Return the organization's latest sessions, with their bodies."""
    return organization.sessions.prefetch_related("bodies").order_by("-start_on", "code")[
        :RECENT_SESSIONS
    ]


def sessions_of_body(body: Body) -> QuerySet[models.Model]:
    """Return every session of the body, joint ones included, latest first."""
    return body.sessions.prefetch_related("bodies").order_by("-start_on", "code")


def bodies_of(organization: Organization) -> QuerySet[Body]:
    """Return the organization's bodies in charter order."""
    return Body.objects.filter(organization=organization).order_by("position", "code")


@dataclass(frozen=True, slots=True)
class BodyNode:
    """A body and the bodies that report to it."""

    body: Body
    children: tuple[BodyNode, ...]


def body_tree(bodies: Iterable[Body]) -> list[BodyNode]:
    """Arrange bodies as a forest by ``reports_to``, keeping the order they came in.

    A body reporting to one outside the list is a root. Each body appears once, even if bad
    data made ``reports_to`` loop.
    """
    bodies = list(bodies)
    ids = {body.pk for body in bodies}
    children: dict[int | None, list[Body]] = {}
    for body in bodies:
        parent = body.reports_to_id if body.reports_to_id in ids else None
        children.setdefault(parent, []).append(body)
    placed: set[int] = set()

    def grow(body: Body) -> BodyNode:
        placed.add(body.pk)
        return BodyNode(
            body,
            tuple(grow(child) for child in children.get(body.pk, []) if child.pk not in placed),
        )

    forest = [grow(body) for body in children.get(None, [])]
    # Bodies caught in a reporting loop have no root above them: show them at the top level.
    forest.extend(grow(body) for body in bodies if body.pk not in placed)
    return forest
