"""The document lifecycle: which status may follow which."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from secretariat.rules import lifecycle

STATUSES = sorted(lifecycle.NEXT)


@given(st.sampled_from(STATUSES))
def test_every_status_but_published_has_a_way_on(status):
    assert bool(lifecycle.NEXT[status]) is (status != lifecycle.PUBLISHED)


@given(st.lists(st.sampled_from(STATUSES), min_size=1, max_size=12))
def test_a_document_never_goes_back_to_draft_and_publication_is_final(path):
    # given: any walk that follows the allowed steps from a draft
    current = lifecycle.DRAFT
    for following in path:
        if lifecycle.can_follow(current, following):
            # then
            assert following != lifecycle.DRAFT
            assert current != lifecycle.PUBLISHED
            current = following


def test_a_draft_returned_for_revision_or_withdrawn_can_go_back_to_negotiation():
    for status in (lifecycle.AGREED, lifecycle.WITHDRAWN, lifecycle.REJECTED):
        assert lifecycle.can_follow(status, lifecycle.UNDER_NEGOTIATION)
