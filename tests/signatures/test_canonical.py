"""The signed form: any change to what is signed changes the digest; nothing else does."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from secretariat.signatures.canonical import (
    FORMAT,
    canonical_bytes,
    digest,
    normalise,
    signed_form,
)

words = st.text(max_size=40)
languages = st.sampled_from(["en", "ru", "hy", "kk", "ky", "be", "tg"])


@st.composite
def forms(draw: st.DrawFn) -> dict:
    langs = draw(st.lists(languages, min_size=1, max_size=4, unique=True))
    return signed_form(
        organization=draw(st.sampled_from(["csto", "cis"])),
        document=draw(st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True)),
        symbol=draw(words),
        kind=draw(st.sampled_from(["decision", "declaration", "statement"])),
        adopted_on=draw(st.one_of(st.none(), st.dates().map(lambda day: day.isoformat()))),
        outcome={
            "body": draw(st.sampled_from(["csc", "cfm"])),
            "matter": draw(st.sampled_from(["default", "substantive"])),
            "procedure": draw(st.sampled_from(["in-session", "written", "silence"])),
            "adopted": True,
            "closed_at": "2021-09-16T10:00:00Z",
        },
        texts=[(language, draw(words), draw(words)) for language in langs],
    )


@given(forms())
def test_the_canonical_form_is_sorted_compact_json_of_the_format(form):
    data = canonical_bytes(form)
    assert json.loads(data)["format"] == FORMAT
    assert (
        data
        == json.dumps(
            json.loads(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
    )


@given(forms(), st.randoms())
def test_the_digest_does_not_depend_on_the_order_of_keys_or_texts(form, random):
    # given: the same form with its keys and texts shuffled
    items = list(form.items())
    random.shuffle(items)
    shuffled = dict(items)
    shuffled["texts"] = random.sample(form["texts"], len(form["texts"]))
    shuffled["outcome"] = dict(reversed(list(form["outcome"].items())))

    # then
    assert digest(shuffled) == digest(form)


@given(forms(), st.data())
def test_any_change_of_a_text_title_or_language_changes_the_digest(form, data):
    # given: one text changed in one of its fields
    index = data.draw(st.integers(0, len(form["texts"]) - 1))
    field = data.draw(st.sampled_from(["language", "title", "body"]))
    text = form["texts"][index]
    new = data.draw(words if field != "language" else st.from_regex(r"[a-z]{2,3}", fullmatch=True))
    if field == "language":
        changed_value = new != text["language"]
    else:
        changed_value = normalise(new) != normalise(text[field])
    changed = {**form, "texts": [dict(t) for t in form["texts"]]}
    changed["texts"][index][field] = new

    # then
    assert (digest(changed) != digest(form)) is changed_value


@given(
    forms(),
    st.sampled_from(["organization", "document", "symbol", "kind", "adopted_on"]),
    st.sampled_from(["body", "matter", "procedure", "adopted", "closed_at"]),
)
def test_any_change_of_identity_or_outcome_changes_the_digest(form, identity, outcome):
    renamed = {**form, identity: f"{form[identity]}x"}
    decided = {**form, "outcome": {**form["outcome"], outcome: "other"}}
    assert digest(renamed) != digest(form)
    assert digest(decided) != digest(form)


def test_texts_are_normalised_to_nfc_and_unix_line_ends():
    # given: é decomposed, Windows line ends
    stored = signed_form(
        organization="csto",
        document="d",
        symbol="",
        kind="decision",
        adopted_on=None,
        outcome=None,
        texts=[("ru", "Решение", "e\u0301\r\nТекст")],
    )
    typed = {**stored, "texts": [{"language": "ru", "title": "Решение", "body": "é\nТекст"}]}

    # then
    assert digest(stored) == digest(typed)
    assert "e\u0301".encode() not in canonical_bytes(stored)
    assert "é\\nТекст".encode() in canonical_bytes(stored)
