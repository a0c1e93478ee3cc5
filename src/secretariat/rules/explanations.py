"""Render an outcome's explanation as lines of text, in the caller's language.

The rules core keeps its messages as English templates; :func:`explain` takes a
``translate`` function (Django's ``gettext`` in the shell, the identity by
default) so that the same outcome reads in Russian or in English.

>>> from secretariat.rules.decisions import Threshold, evaluate
>>> from secretariat.rules.positions import Ballot, Position
>>> ballot = Ballot(("A", "B", "C"), {"A": Position.YES, "B": Position.YES})
>>> print("\\n".join(explain(evaluate(Threshold(count=2), ballot))))
Adopted.
- met: 2 votes in favour needed, 2 cast
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from secretariat.rules.decisions import Clause, Outcome
from secretariat.rules.positions import gettext_noop

Translate = Callable[[str], str]

#: Words that fill the ``{votes}``, ``{members}`` and ``{counted_by}`` slots of the templates.
_VOTES = {"in-favour": gettext_noop("votes in favour"), "against": gettext_noop("votes against")}
_MEMBERS = {
    "members": gettext_noop("members entitled to vote"),
    "present-and-voting": gettext_noop("members present and voting"),
    "participating": gettext_noop("members taking part"),
}
_COUNTED_BY = {"in-favour": gettext_noop("in favour"), "against": gettext_noop("against")}


def _identity(message: str) -> str:
    return message


def explain(
    outcome: Outcome,
    translate: Translate = _identity,
    names: Mapping[str, str] | None = None,
    decimal_mark: str = ".",
) -> list[str]:
    """Return the verdict, then one line per clause (nested clauses indented).

    ``names`` maps state codes to what to print for them; codes are printed by default.
    """
    verdict = (
        translate(gettext_noop("Adopted."))
        if outcome.adopted
        else translate(gettext_noop("Not adopted."))
    )
    lines = [verdict]
    lines += _clause_lines(outcome.clause, translate, names or {}, decimal_mark, depth=0)
    if outcome.ballot.excluded:
        excluded = ", ".join(sorted(outcome.ballot.excluded))
        lines.append(
            translate(
                gettext_noop(
                    "Excluded from this decision, not counted whatever they said: {states}"
                )
            ).format(states=excluded)
        )
    for state, text in outcome.ballot.reservations:
        reservation = translate(gettext_noop("Reservation by {state}: {text}"))
        lines.append(reservation.format(state=(names or {}).get(state, state), text=text or "—"))
    return lines


def clause_text(
    clause: Clause, translate: Translate, names: Mapping[str, str], decimal_mark: str = "."
) -> str:
    """One clause as a sentence, with its verdict; fractional figures use ``decimal_mark``."""
    figures = {
        key: f"{value:.2f}".replace(".", decimal_mark) if isinstance(value, float) else value
        for key, value in clause.figures.items()
    }
    counting = str(figures.get("counting", "in-favour"))
    figures["votes"] = translate(_VOTES[counting])
    figures["counted_by"] = translate(_COUNTED_BY[counting])
    figures["members"] = translate(_MEMBERS[str(figures.get("of", "members"))])
    figures["states"] = ", ".join(names.get(state, state) for state in clause.states)
    text = translate(clause.message).format(**figures)
    verdict = translate(gettext_noop("met")) if clause.met else translate(gettext_noop("not met"))
    return f"{verdict}: {text}"


def _clause_lines(
    clause: Clause, translate: Translate, names: Mapping[str, str], decimal_mark: str, depth: int
) -> Iterator[str]:
    indent = "  " * depth
    yield f"{indent}- {clause_text(clause, translate, names, decimal_mark)}"
    for inner in clause.clauses:
        yield from _clause_lines(inner, translate, names, decimal_mark, depth + 1)
