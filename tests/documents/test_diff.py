"""Word-level differences: they rebuild both versions, and mark words, not lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from secretariat.documents.diff import word_diff

texts = st.text(alphabet=st.sampled_from(list("абв abc,.\n")), max_size=60)


@given(texts, texts)
def test_the_pieces_rebuild_both_versions(old, new):
    # when
    pieces = word_diff(old, new)

    # then: the left column is the old text, the right column the new one
    assert "".join(piece.text for piece in pieces if piece.kind != "added") == old
    assert "".join(piece.text for piece in pieces if piece.kind != "removed") == new


@given(texts)
def test_a_text_compared_with_itself_has_no_change(text):
    assert all(piece.kind == "same" for piece in word_diff(text, text))


def test_one_changed_word_in_a_sentence_marks_that_word_only():
    # when
    pieces = word_diff(
        "Государства-члены принимают меры до 2020 года.",
        "Государства-члены принимают совместные меры до 2025 года.",
    )

    # then
    assert [(piece.kind, piece.text) for piece in pieces if piece.kind != "same"] == [
        ("added", "совместные "),
        ("removed", "2020"),
        ("added", "2025"),
    ]
