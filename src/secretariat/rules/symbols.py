"""Official symbols: documents numbered in sequence in a series, per body and per year.

A series has a pattern such as ``CSTO/CSC/{year}/{number}`` or ``{number:03d}/{year}``: the
year the document belongs to and its number in that year's sequence fill it in.

>>> format_symbol("CSTO/CSC/{year}/{number:03d}", year=2021, number=7)
'CSTO/CSC/2021/007'
"""

from __future__ import annotations

from string import Formatter

from secretariat.rules.errors import RuleError

FIELDS = frozenset({"year", "number"})


def check_pattern(pattern: str) -> None:
    """Raise :class:`RuleError` unless the pattern numbers documents with known fields only.

    >>> check_pattern("S/RES/{number} ({year})")
    >>> check_pattern("CSC/{session}")
    Traceback (most recent call last):
    ...
    secretariat.rules.errors.RuleError: a symbol pattern may use {year} and {number}, not {session}
    """
    try:
        fields = [name for _, name, _, _ in Formatter().parse(pattern) if name is not None]
    except ValueError as error:
        raise RuleError("bad-pattern", f"the pattern cannot be read: {error}") from None
    unknown = [name for name in fields if name not in FIELDS]
    if unknown:
        raise RuleError(
            "pattern-field",
            f"a symbol pattern may use {{year}} and {{number}}, not {{{unknown[0]}}}",
            field=unknown[0],
        )
    if "number" not in fields:
        raise RuleError("pattern-without-number", "a symbol pattern must contain {number}")
    try:
        format_symbol(pattern, year=2000, number=1)
    except (ValueError, TypeError) as error:
        raise RuleError("bad-pattern", f"the pattern cannot be filled in: {error}") from None


def format_symbol(pattern: str, *, year: int, number: int) -> str:
    return pattern.format(year=year, number=number)
