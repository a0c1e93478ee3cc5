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
from secretariat.organizations.translated import pick
from secretariat.rules.errors import RuleError
from secretariat.rules.participation import ParticipationStatus, Period
from secretariat.rules.rotation import RecordedTerm, Rotation, TermLength, override_from_data

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


@dataclass(frozen=True, slots=True)
class NextChairmanship:
    """A term after the one in force, by the record or the rotation rule."""

    state: MemberState
    start_on: date | None
    end_on: date | None
    recorded: bool
    reason: str


def organization_rotation(organization: Organization) -> Rotation | None:
    """The organization's chairmanship rotation with its record, or None when it has none.

    None when the chairmanship is not a rotation (elected, fixed by decision) or its rule
    names no language to order the states by.
    """
    found = _rotation_and_states(organization)
    return None if found is None else found[0]


def _rotation_and_states(
    organization: Organization,
) -> tuple[Rotation, dict[str, MemberState]] | None:
    rule = organization.chairmanship_rule
    if rule.get("kind") != "rotation" or not rule.get("language"):
        return None
    language = str(rule["language"])
    states = list(MemberState.objects.filter(organization=organization).prefetch_related("periods"))
    history = Chairmanship.objects.filter(organization=organization).select_related("state")
    rotation = Rotation(
        names={
            state.code: state.short_names.get(language) or state.names.get(language) or state.code
            for state in states
        },
        membership={
            state.code: [
                Period(ParticipationStatus(period.status), period.start_on, period.end_on)
                for period in state.periods.all()
            ]
            for state in states
        },
        length=TermLength(rule.get("term", TermLength.CALENDAR_YEAR)),
        overrides=[
            override_from_data(data, pick(data.get("reason") or {}))
            for data in rule.get("overrides", [])
        ],
        history=[RecordedTerm(term.state.code, term.start_on, term.end_on) for term in history],
    )
    return rotation, {state.code: state for state in states}


def next_chairmanships(
    organization: Organization, on: date, count: int = 3
) -> list[NextChairmanship]:
    """The ``count`` chairmanships after the one in force on the day, where a rule says them.

    Empty when the chairmanship is not a rotation (elected, fixed by decision) or when
    nothing records who chairs on the day.
    """
    found = _rotation_and_states(organization)
    if found is None:
        return []
    rotation, states = found
    try:
        terms = rotation.terms(on, count + 1)
    except RuleError:
        return []
    return [
        NextChairmanship(states[term.chair], term.start_on, term.end_on, term.recorded, term.reason)
        for term in terms[1:]
    ]
