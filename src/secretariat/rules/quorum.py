"""Quorum: how many member states must be present for a body to decide.

Quorum is counted in states, not in delegates: a state is present when its delegation is,
in the room or remotely, however many of its members attend.

>>> from fractions import Fraction
>>> quorum_needed(6, share=Fraction(2, 3)), quorum_needed(6, count=6)
(4, 6)
"""

from __future__ import annotations

import math
from fractions import Fraction

from secretariat.rules.errors import RuleError


def quorum_needed(members: int, *, count: int | None = None, share: Fraction | None = None) -> int:
    """The number of states that makes a quorum: ``count``, a ``share`` of the members, or both."""
    if count is None and share is None:
        raise RuleError("quorum-without-rule", "a quorum is a count, a share, or both")
    needed = count or 0
    if share is not None:
        needed = max(needed, math.ceil(share * members))
    return min(needed, members) if count is None else needed
