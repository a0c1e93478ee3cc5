"""The life of a document: which status may follow which.

A draft is negotiated, agreed, then adopted or rejected; it can be withdrawn at the request
of the state concerned, or returned for revision, and then goes back to negotiation with
its history kept (as two drafts did at the CSTO's Yerevan session of 2022). An adopted
public document is published.

>>> can_follow("agreed", "under-negotiation"), can_follow("adopted", "draft")
(True, False)
"""

from __future__ import annotations

DRAFT = "draft"
UNDER_NEGOTIATION = "under-negotiation"
AGREED = "agreed"
ADOPTED = "adopted"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"
PUBLISHED = "published"

#: The statuses each status may be followed by.
NEXT: dict[str, frozenset[str]] = {
    DRAFT: frozenset({UNDER_NEGOTIATION, WITHDRAWN}),
    UNDER_NEGOTIATION: frozenset({AGREED, WITHDRAWN}),
    # Back to negotiation is a return for revision.
    AGREED: frozenset({UNDER_NEGOTIATION, ADOPTED, REJECTED, WITHDRAWN}),
    ADOPTED: frozenset({PUBLISHED}),
    REJECTED: frozenset({UNDER_NEGOTIATION}),
    WITHDRAWN: frozenset({UNDER_NEGOTIATION}),
    PUBLISHED: frozenset(),
}

#: A withdrawal is made at the request of a state, which the record names.
NEEDS_REQUESTING_STATE = frozenset({WITHDRAWN})


def can_follow(current: str, following: str) -> bool:
    return following in NEXT.get(current, frozenset())
