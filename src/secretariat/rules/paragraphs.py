"""Paragraphs of a text: what reservations attach to and instructions come from.

A text's paragraphs are separated by blank lines and numbered from 1 in order. A paragraph
that opens with its own number (``3.``, ``3)``, ``(3)``) is *operative*, as the numbered
paragraphs of a decision are: they are what members must act upon, while the preamble and
a statement's paragraphs are not numbered.

>>> text = "Noting the report,\\n\\n1. Decides to act."
>>> [(p.number, p.label, p.is_operative) for p in split(text)]
[(1, '', False), (2, '1', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OWN_NUMBER = re.compile(r"^\s*(?:\((\d+)\)|(\d+)[.)])\s")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Paragraph:
    #: The paragraph's place in the text, from 1.
    number: int
    text: str
    #: The number the paragraph gives itself (``"3"`` for ``3. Instructs…``), or ``""``.
    label: str

    @property
    def is_operative(self) -> bool:
        return bool(self.label)


def split(text: str) -> list[Paragraph]:
    """Return the text's paragraphs in order; blank ones are not paragraphs."""
    chunks = [chunk.strip() for chunk in _BLANK_LINES.split(text.replace("\r\n", "\n"))]
    paragraphs: list[Paragraph] = []
    for chunk in chunks:
        if not chunk:
            continue
        own = _OWN_NUMBER.match(chunk)
        label = (own.group(1) or own.group(2)) if own else ""
        paragraphs.append(Paragraph(number=len(paragraphs) + 1, text=chunk, label=label))
    return paragraphs


def find(text: str, number: int) -> Paragraph | None:
    """Return the paragraph in that place, or ``None`` when the text has no such paragraph."""
    paragraphs = split(text)
    return paragraphs[number - 1] if 1 <= number <= len(paragraphs) else None
