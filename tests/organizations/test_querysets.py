"""Read-side queries of the organization pages."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from secretariat.charters.loaders import do_load_charter
from secretariat.organizations.models import Body
from secretariat.organizations.querysets import BodyNode, body_tree, next_chairmanships
from tests.charters.conftest import ROOT


def bodies(*pairs: tuple[int, int | None]) -> list[Body]:
    """Unsaved bodies given as ``(id, reports_to_id)``."""
    return [
        Body(pk=pk, code=f"b{pk}", reports_to_id=parent, names={"en": f"Body {pk}"})
        for pk, parent in pairs
    ]


def shape(nodes: tuple[BodyNode, ...] | list[BodyNode]) -> list[object]:
    return [(node.body.pk, shape(node.children)) for node in nodes]


def test_bodies_nest_under_the_body_they_report_to_in_their_order():
    # given
    given = bodies((1, None), (2, 1), (3, 1), (4, 2), (5, None))

    # when
    tree = body_tree(given)

    # then
    assert shape(tree) == [(1, [(2, [(4, [])]), (3, [])]), (5, [])]


def test_a_body_reporting_outside_the_list_is_a_root():
    # when
    tree = body_tree(bodies((2, 99), (3, 2)))

    # then
    assert shape(tree) == [(2, [(3, [])])]


def test_a_reporting_loop_still_shows_each_body_once():
    # when
    tree = body_tree(bodies((1, 2), (2, 1), (3, None)))

    # then
    assert shape(tree) == [(3, []), (1, [(2, [])])]


@pytest.mark.django_db
def test_the_next_csto_chairs_pass_over_suspended_and_frozen_members():
    # given: the shipped CSTO charter; Russia chairs in 2026
    csto = do_load_charter(ROOT / "charters" / "csto.yaml").organization

    # when
    terms = next_chairmanships(csto, date(2026, 6, 1))

    # then: Tajikistan, then Belarus (Uzbekistan is suspended, Armenia's participation frozen)
    assert [(term.state.code, term.start_on) for term in terms] == [
        ("TJK", date(2027, 1, 1)),
        ("BLR", date(2028, 1, 1)),
        ("KAZ", date(2029, 1, 1)),
    ]
    assert not any(term.recorded for term in terms)


@pytest.mark.django_db
def test_the_next_asean_chairs_carry_the_reason_of_an_override():
    # given: the shipped ASEAN charter, during Malaysia's chairmanship of 2025
    asean = do_load_charter(ROOT / "charters" / "asean.yaml").organization

    # when
    with translation.override("en"):
        (philippines, singapore) = next_chairmanships(asean, date(2025, 6, 1), count=2)

    # then: the Philippines took Myanmar's turn in 2026 (recorded), Singapore follows
    assert (philippines.state.code, philippines.recorded) == ("PHL", True)
    assert "Myanmar" in philippines.reason
    assert (singapore.state.code, singapore.start_on) == ("SGP", date(2027, 1, 1))


@pytest.mark.django_db
def test_an_elected_chairmanship_has_no_next_chairs_to_show():
    # given
    osce = do_load_charter(ROOT / "charters" / "osce.yaml").organization

    # then
    assert next_chairmanships(osce, date(2026, 6, 1)) == []
