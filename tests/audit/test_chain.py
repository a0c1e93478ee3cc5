"""The hash chain's pure functions: any change to an entry is found at that entry."""

from __future__ import annotations

import dataclasses
import importlib
import sys
import types
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.audit.chain import GENESIS, BreakReason, Entry, entry_hash, first_break

FIELDS = ["sequence", "occurred_at", "event_type", "actor", "actor_label", "target", "extra",
          "previous_hash", "hash"]  # fmt: skip

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=6,
)
contents = st.fixed_dictionaries(
    {
        "occurred_at": st.datetimes(
            # hypothesis wants naive bounds, and gives aware datetimes with ``timezones``
            min_value=datetime(2000, 1, 1),  # noqa: DTZ001
            max_value=datetime(2100, 1, 1),  # noqa: DTZ001
            timezones=st.just(UTC),
        ),
        "event_type": st.sampled_from(["draft-created", "text-saved", "admin-saved"]),
        "actor": st.none() | st.integers(1, 10**6),
        "actor_label": st.text(max_size=10),
        "target": st.text(min_size=1, max_size=20),
        "extra": st.dictionaries(st.text(max_size=5), json_values, max_size=3),
    }
)


def build_chain(items: list[dict]) -> list[Entry]:
    entries, previous = [], GENESIS
    for sequence, content in enumerate(items, start=1):
        digest = entry_hash(sequence=sequence, previous_hash=previous, **content)
        entries.append(Entry(sequence=sequence, previous_hash=previous, hash=digest, **content))
        previous = digest
    return entries


def changed(value: object) -> object:
    """A value of the same kind that differs from ``value``."""
    if isinstance(value, bool) or value is None:
        return 1
    if isinstance(value, int):
        return value + 1 if value < sys.maxsize else value - 1
    if isinstance(value, datetime):
        return value + timedelta(microseconds=1)
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, dict):
        return {**value, "tampered": True}
    raise AssertionError(value)


@given(st.lists(contents, max_size=6))
def test_an_untouched_chain_holds(items):
    assert first_break(build_chain(items)) is None


@given(st.lists(contents, min_size=1, max_size=6), st.data())
def test_any_change_to_any_field_of_any_entry_is_found_at_that_entry(items, data):
    entries = build_chain(items)
    index = data.draw(st.integers(0, len(entries) - 1))
    name = data.draw(st.sampled_from(FIELDS))
    entries[index] = dataclasses.replace(
        entries[index], **{name: changed(getattr(entries[index], name))}
    )

    broken = first_break(entries)

    assert broken is not None
    assert broken.entry is entries[index]


@given(st.lists(contents, min_size=2, max_size=6), st.data())
def test_reordering_is_found(items, data):
    entries = build_chain(items)
    order = data.draw(st.permutations(range(len(entries))))
    if order == sorted(order):
        order = [1, 0, *order[2:]]

    assert first_break([entries[i] for i in order]) is not None


@given(st.lists(contents, min_size=2, max_size=6), st.data())
def test_a_removed_entry_is_a_gap_unless_it_was_the_last(items, data):
    entries = build_chain(items)
    index = data.draw(st.integers(0, len(entries) - 2))

    broken = first_break(entries[:index] + entries[index + 1 :])

    assert broken is not None
    assert broken.reason == BreakReason.GAP
    assert broken.entry is entries[index + 1]


def test_a_rehashed_entry_is_found_at_the_next_one():
    # An attacker who changes an entry and recomputes its hash breaks the next entry's link.
    entries = build_chain([{"occurred_at": datetime(2021, 9, 16, tzinfo=UTC), "event_type": "x",
                            "actor": None, "actor_label": "", "target": f"t{i}", "extra": {}}
                           for i in range(3)])  # fmt: skip
    forged = dataclasses.replace(entries[1], extra={"forged": True})
    entries[1] = dataclasses.replace(forged, hash=forged.computed_hash())

    broken = first_break(entries)

    assert broken is not None
    assert (broken.entry, broken.reason) == (entries[2], BreakReason.LINK)


def test_the_canonical_form_is_documented_json():
    from secretariat.audit.chain import canonical_bytes

    form = canonical_bytes(sequence=1, occurred_at=datetime(2021, 9, 16, 9, tzinfo=UTC),
                           event_type="draft-created", actor=7, actor_label="", target="t",
                           extra={"b": 1, "a": "é"}, previous_hash=GENESIS)  # fmt: skip

    assert (
        form
        == (
            '{"actor":7,"actor_label":"","event_type":"draft-created","extra":{"a":"é","b":1},'
            '"occurred_at":"2021-09-16T09:00:00.000000+00:00","previous_hash":"' + GENESIS + '",'
            '"sequence":1,"target":"t"}'
        ).encode()
    )
    naive = datetime(2021, 9, 16)  # noqa: DTZ001 - what the form refuses
    with pytest.raises(ValueError, match="aware"):
        canonical_bytes(sequence=1, occurred_at=naive, event_type="x", actor=None,
                        actor_label="", target="t", extra={}, previous_hash=GENESIS)  # fmt: skip


def test_the_migration_that_chained_the_old_events_hashes_as_chain_py_does():
    # The migration keeps its own copy of the canonical form (no project imports there).
    migration = importlib.import_module("secretariat.audit.migrations.0009_chain_existing_events")
    content = {
        "occurred_at": datetime(2021, 9, 16, 9, 30, 1, 5, tzinfo=UTC),
        "event_type": "record-loaded",
        "actor": None,
        "actor_label": "command line",
        "target": "csto/records/dushanbe",
        "extra": {"created": {"Отчёт": 3}, "a": [1]},
    }
    event = types.SimpleNamespace(**{k: v for k, v in content.items() if k != "actor"},
                                  actor_id=content["actor"])  # fmt: skip

    assert migration._hash(event, 5, "ab" * 32) == entry_hash(
        sequence=5, previous_hash="ab" * 32, **content
    )
    assert migration.GENESIS == GENESIS
