"""Read-side queries of the organization pages."""

from __future__ import annotations

from secretariat.organizations.models import Body
from secretariat.organizations.querysets import BodyNode, body_tree


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
