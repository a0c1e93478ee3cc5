"""Errors raised by the rules core when the data it is given is inconsistent."""

from __future__ import annotations


class RuleError(ValueError):
    """Data given to the rules core breaks one of its invariants.

    ``code`` is a stable identifier that callers translate, filling the
    translation with ``params``; ``index`` points at the offending element of the
    input sequence when there is one.
    """

    def __init__(
        self, code: str, message: str, *, index: int | None = None, **params: object
    ) -> None:
        """Keep the code, the index and the parameters next to the English message."""
        super().__init__(message)
        self.code = code
        self.index = index
        self.params = params
