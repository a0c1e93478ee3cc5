"""Word-level differences between two versions of a text, for a side-by-side comparison.

Texts are cut into words, runs of white space and single punctuation marks, so that a
change of one word marks that word and not its whole line.

>>> [(piece.kind, piece.text) for piece in word_diff("the plan until 2020", "the plan until 2025")]
[('same', 'the plan until '), ('removed', '2020'), ('added', '2025')]
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Piece:
    kind: Literal["same", "removed", "added"]
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn ``old`` into ``new``; neighbouring pieces of one kind are joined."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            _append(pieces, "same", before[old_start:old_end])
            continue
        _append(pieces, "removed", before[old_start:old_end])
        _append(pieces, "added", after[new_start:new_end])
    return pieces


def _append(
    pieces: list[Piece], kind: Literal["same", "removed", "added"], tokens: list[str]
) -> None:
    text = "".join(tokens)
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(kind, pieces[-1].text + text)
    else:
        pieces.append(Piece(kind, text))
