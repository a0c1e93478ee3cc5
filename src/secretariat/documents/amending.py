"""What an amendment does to a text: replace, insert after, or delete one passage.

The passage must stand exactly once in the text, so that nobody has to guess where the
amendment goes; a passage that has changed since the amendment was proposed is reported.

>>> amended("Members act until 2020.", "replace", "until 2020", "until 2025")
'Members act until 2025.'
>>> amended("Members act.", "insert", "Members act", " jointly")
'Members act jointly.'
"""

from __future__ import annotations


class PassageError(ValueError):
    """The passage does not stand exactly once in the text; ``count`` says how often it does."""

    def __init__(self, count: int) -> None:
        super().__init__(f"the passage stands {count} times in the text, not once")
        self.count = count


def amended(text: str, kind: str, passage: str, wording: str) -> str:
    count = text.count(passage) if passage else 0
    if count != 1:
        raise PassageError(count)
    start = text.index(passage)
    end = start + len(passage)
    if kind == "replace":
        return text[:start] + wording + text[end:]
    if kind == "insert":
        return text[:end] + wording + text[end:]
    if kind == "delete":
        return text[:start] + text[end:]
    raise ValueError(f"unknown kind of amendment: {kind}")
