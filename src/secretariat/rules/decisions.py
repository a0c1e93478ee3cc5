"""Decision rules as data, and their evaluation with an explanation.

A rule is composed from a few primitives (consensus, unanimity, a threshold of
votes, the concurring votes of named members, a weighted threshold, a blocking
minority) and the combinators all-of, any-of and none-of. :func:`evaluate`
applies a rule to a :class:`~secretariat.rules.positions.Ballot` and returns an
:class:`Outcome` whose clauses say, with their figures, what passed and what
failed.

The UN Security Council on a substantive matter (UN Charter Art. 27(3)): nine
votes, including the concurring votes of the permanent members.

>>> from secretariat.rules.positions import Position
>>> five = ("CHN", "FRA", "GBR", "RUS", "USA")
>>> substantive = AllOf((Threshold(count=9), Veto(five)))
>>> elected = ("ALB", "BRA", "ECU", "GAB", "GHA", "JPN", "MLT", "MOZ", "ARE", "CHE")
>>> votes = {state: Position.YES for state in (*five, *elected)} | {"RUS": Position.NO}
>>> outcome = evaluate(substantive, Ballot((*five, *elected), votes))
>>> outcome.adopted, outcome.vetoed_by
(False, ('RUS',))
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Any

from secretariat.rules.errors import RuleError
from secretariat.rules.positions import Ballot, gettext_noop


class Base(StrEnum):
    """What a share is a share of."""

    MEMBERS = "members"
    PRESENT_AND_VOTING = "present-and-voting"
    PARTICIPATING = "participating"


class Counting(StrEnum):
    """Which votes a threshold counts."""

    IN_FAVOUR = "in-favour"
    AGAINST = "against"


@dataclass(frozen=True, slots=True)
class Consensus:
    """Adopted when no participating member objects (a vote against is an objection)."""

    #: Whether an absent member blocks consensus; by default it is simply not counted.
    absentees_block: bool = False


@dataclass(frozen=True, slots=True)
class Unanimity:
    """Every participating member votes in favour."""

    #: Whether an abstention prevents unanimity (TFEU Art. 238(4): it does not).
    abstention_blocks: bool = False


@dataclass(frozen=True, slots=True)
class Threshold:
    """At least ``count`` votes, and/or a ``share`` of the ``of`` members (both when both)."""

    count: int | None = None
    share: Fraction | None = None
    of: Base = Base.MEMBERS
    #: More than the share (a majority: more than 1/2) instead of at least the share.
    above: bool = False
    counting: Counting = Counting.IN_FAVOUR


@dataclass(frozen=True, slots=True)
class Veto:
    """The concurring votes of ``members``: a vote against by any of them rejects."""

    members: Sequence[str]
    abstention_is_veto: bool = False


@dataclass(frozen=True, slots=True)
class WeightedThreshold:
    """The members counted represent at least ``share`` of the total weight of the base."""

    share: Fraction
    weights: Mapping[str, Fraction]
    #: What the weight is, e.g. "population (Annex III, 2025)".
    weight: str
    of: Base = Base.MEMBERS
    counting: Counting = Counting.IN_FAVOUR


@dataclass(frozen=True, slots=True)
class BlockingMinority:
    """Met while fewer than ``count`` members withhold a vote in favour (TEU Art. 16(4))."""

    count: int


@dataclass(frozen=True, slots=True)
class AllOf:
    rules: Sequence[Rule]


@dataclass(frozen=True, slots=True)
class AnyOf:
    rules: Sequence[Rule]


@dataclass(frozen=True, slots=True)
class NoneOf:
    """Met when none of the rules is (e.g. adopted unless a qualified majority is against)."""

    rules: Sequence[Rule]


Rule = (
    Consensus
    | Unanimity
    | Threshold
    | Veto
    | WeightedThreshold
    | BlockingMinority
    | AllOf
    | AnyOf
    | NoneOf
)


@dataclass(frozen=True, slots=True)
class Clause:
    """One rule applied to the ballot: whether it is met, and why, with the figures.

    ``message`` is an English template (marked for translation) that ``figures``
    fill in; ``states`` are the states the message names, in member order.
    """

    kind: str
    met: bool
    message: str
    figures: Mapping[str, object] = field(default_factory=dict)
    states: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    adopted: bool
    clause: Clause
    ballot: Ballot
    #: Members whose vote against alone defeated the draft. Empty when the draft failed on
    #: other conditions too: then a vote against by such a member is not counted as a veto.
    vetoed_by: tuple[str, ...] = ()


def evaluate(rule: Rule, ballot: Ballot) -> Outcome:
    """Apply the rule to the ballot."""
    clause = _clause(rule, ballot)
    vetoed_by = _decisive_vetoes(clause) if not clause.met else ()
    return Outcome(clause.met, clause, ballot, vetoed_by)


def needs_every_position(rule: Rule) -> bool:
    """Tell whether a missing position could be decisive, so that it must be given.

    Under unanimity, or consensus where absentees block, leaving a member out of
    the ballot would reject the draft; a missing member is more likely a mistake
    than an absence, so callers ask for every member's position.
    """
    match rule:
        case Unanimity():
            return True
        case Consensus(absentees_block=block):
            return block
        case AllOf(rules) | AnyOf(rules) | NoneOf(rules):
            return any(needs_every_position(inner) for inner in rules)
        case _:
            return False


def _decisive_vetoes(clause: Clause) -> tuple[str, ...]:
    """The vetoing states, where a veto alone made the draft fail."""
    if clause.kind == "veto":
        return clause.states
    if clause.kind == "all-of":
        failed = [inner for inner in clause.clauses if not inner.met]
        if len(failed) == 1:
            return _decisive_vetoes(failed[0])
    if clause.kind == "any-of":
        vetoes = [_decisive_vetoes(inner) for inner in clause.clauses]
        if vetoes and all(vetoes):
            return tuple(sorted({state for states in vetoes for state in states}))
    return ()


def _clause(rule: Rule, ballot: Ballot) -> Clause:
    match rule:
        case Consensus():
            return _consensus(rule, ballot)
        case Unanimity():
            return _unanimity(rule, ballot)
        case Threshold():
            return _threshold(rule, ballot)
        case Veto():
            return _veto(rule, ballot)
        case WeightedThreshold():
            return _weighted(rule, ballot)
        case BlockingMinority():
            return _blocking_minority(rule, ballot)
        case AllOf(rules) | AnyOf(rules) | NoneOf(rules):
            return _combined(rule, tuple(_clause(each, ballot) for each in rules))
    raise AssertionError(rule)  # pragma: no cover - the match is exhaustive


#: For each combinator: its kind, when it is met, and its messages when met and when not.
_COMBINATIONS = {
    AllOf: (
        "all-of",
        all,
        gettext_noop("All of these are required"),
        gettext_noop("Not all of these are met"),
    ),
    AnyOf: (
        "any-of",
        any,
        gettext_noop("One of these suffices"),
        gettext_noop("None of these is met"),
    ),
    NoneOf: (
        "none-of",
        lambda results: not any(results),
        gettext_noop("Adopted unless this is met"),
        gettext_noop("This is met, which rejects"),
    ),
}


def _combined(rule: AllOf | AnyOf | NoneOf, inner: tuple[Clause, ...]) -> Clause:
    kind, holds, met_message, unmet_message = _COMBINATIONS[type(rule)]
    met = holds(clause.met for clause in inner)
    if isinstance(rule, AllOf):
        inner = _mark_not_decisive(inner)
    return Clause(kind, met, met_message if met else unmet_message, clauses=inner)


def _mark_not_decisive(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """Reword a veto that did not decide: the draft failed on another condition anyway.

    The Security Council does not record such a vote as a veto (rules-facts §1.1).
    """
    failed_otherwise = any(not clause.met and clause.kind != "veto" for clause in clauses)
    if not failed_otherwise:
        return clauses
    return tuple(
        Clause(
            clause.kind,
            clause.met,
            gettext_noop("{states} voted against, not counted as a veto: the draft fails anyway"),
            clause.figures,
            clause.states,
        )
        if clause.kind == "veto" and not clause.met
        else clause
        for clause in clauses
    )


def _consensus(rule: Consensus, ballot: Ballot) -> Clause:
    objecting = ballot.against
    if objecting:
        return Clause(
            "consensus", False, gettext_noop("No consensus: {states} objected"), states=objecting
        )
    if rule.absentees_block and ballot.absent:
        return Clause(
            "consensus",
            False,
            gettext_noop(
                "No consensus: {states} absent, and an absent member blocks consensus here"
            ),
            states=ballot.absent,
        )
    present = [state for state in ballot.participating if state not in ballot.absent]
    return Clause(
        "consensus",
        True,
        gettext_noop("Consensus: no objection among the {participating} members taking part"),
        {"participating": len(present)},
    )


def _unanimity(rule: Unanimity, ballot: Ballot) -> Clause:
    withholding = tuple(
        state
        for state in ballot.participating
        if state not in ballot.in_favour
        and (rule.abstention_blocks or state not in ballot.abstaining)
    )
    if withholding:
        return Clause(
            "unanimity",
            False,
            gettext_noop("No unanimity: not in favour: {states}"),
            states=withholding,
        )
    if ballot.abstaining and not rule.abstention_blocks:
        return Clause(
            "unanimity",
            True,
            gettext_noop(
                "Unanimity: {in_favour} in favour; the abstention of {states} does not prevent it"
            ),
            {"in_favour": len(ballot.in_favour)},
            ballot.abstaining,
        )
    return Clause(
        "unanimity",
        True,
        gettext_noop("Unanimity: all {in_favour} members taking part in favour"),
        {"in_favour": len(ballot.in_favour)},
    )


def _base(of: Base, ballot: Ballot) -> tuple[str, ...]:
    if of is Base.PRESENT_AND_VOTING:
        return ballot.present_and_voting
    if of is Base.PARTICIPATING:
        return ballot.participating
    return ballot.electorate


def _counted(counting: Counting, ballot: Ballot) -> tuple[str, ...]:
    return ballot.against if counting is Counting.AGAINST else ballot.in_favour


def share_needed(share: Fraction, base: int, *, above: bool = False) -> int:
    """The smallest number of votes that reaches the share of the base (or exceeds it).

    >>> share_needed(Fraction(2, 3), 117), share_needed(Fraction(1, 2), 100, above=True)
    (78, 51)
    """
    return math.floor(share * base) + 1 if above else math.ceil(share * base)


def _threshold(rule: Threshold, ballot: Ballot) -> Clause:
    cast = len(_counted(rule.counting, ballot))
    base = len(_base(rule.of, ballot))
    needed = max(rule.count or 0, 1)
    figures: dict[str, object] = {"cast": cast, "counting": str(rule.counting)}
    if rule.share is not None:
        needed = max(needed, share_needed(rule.share, base, above=rule.above))
        figures |= {"share": _share_text(rule.share), "base": base, "of": str(rule.of)}
    figures["needed"] = needed
    met = cast >= needed
    if rule.share is None:
        message = gettext_noop("{needed} {votes} needed, {cast} cast")
    elif rule.count is None:
        message = (
            gettext_noop(
                "{needed} {votes} needed (more than {share} of {base} {members}), {cast} cast"
            )
            if rule.above
            else gettext_noop("{needed} {votes} needed ({share} of {base} {members}), {cast} cast")
        )
    else:
        message = gettext_noop(
            "{needed} {votes} needed ({share} of {base} {members}, and at least {count}), "
            "{cast} cast"
        )
        figures["count"] = rule.count
    return Clause("threshold", met, message, figures)


def _share_text(share: Fraction) -> str:
    """Show a share as people write it: 55% for 55/100, 2/3 for 2/3."""
    if 100 % share.denominator == 0:
        return f"{share * 100}%"
    return f"{share.numerator}/{share.denominator}"


def _veto(rule: Veto, ballot: Ballot) -> Clause:
    blocking = ballot.against + (ballot.abstaining if rule.abstention_is_veto else ())
    vetoing = tuple(state for state in rule.members if state in blocking)
    if vetoing:
        message = (
            gettext_noop("{states} voted against: veto")
            if all(state in ballot.against for state in vetoing)
            else gettext_noop("{states} voted against or abstained: veto")
        )
        return Clause("veto", False, message, {"holders": ", ".join(rule.members)}, vetoing)
    return Clause(
        "veto",
        True,
        gettext_noop("No veto: none of {holders} voted against"),
        {"holders": ", ".join(rule.members)},
    )


def _weighted(rule: WeightedThreshold, ballot: Ballot) -> Clause:
    base = _base(rule.of, ballot)
    missing = [state for state in base if state not in rule.weights]
    if missing:
        raise RuleError(
            "missing-weight",
            f"the rule gives no {rule.weight} for {', '.join(missing)}",
            weight=rule.weight,
            states=", ".join(missing),
        )
    total = sum((rule.weights[state] for state in base), Fraction(0))
    counted = sum(
        (rule.weights[state] for state in _counted(rule.counting, ballot) if state in base),
        Fraction(0),
    )
    met = total > 0 and counted >= rule.share * total
    percent = counted / total * 100 if total else Fraction(0)
    return Clause(
        "weighted-threshold",
        met,
        gettext_noop("{percent}% of the {weight} needed, {cast_percent}% {counted_by}"),
        {
            "percent": _share_text(rule.share).rstrip("%"),
            "weight": rule.weight,
            # A number, not text: the shell writes it with the reader's decimal mark.
            "cast_percent": round(float(percent), 2),
            "counting": str(rule.counting),
        },
    )


def _blocking_minority(rule: BlockingMinority, ballot: Ballot) -> Clause:
    withholding = tuple(state for state in ballot.participating if state not in ballot.in_favour)
    figures = {"count": rule.count, "withholding": len(withholding)}
    if len(withholding) < rule.count:
        return Clause(
            "blocking-minority",
            True,
            gettext_noop(
                "No blocking minority: {withholding} members withhold a vote in favour, "
                "{count} are needed to block"
            ),
            figures,
            withholding,
        )
    return Clause(
        "blocking-minority",
        False,
        gettext_noop(
            "A blocking minority is possible: {withholding} members withhold a vote in favour, "
            "at least {count} needed"
        ),
        figures,
        withholding,
    )


def rule_from_data(data: Mapping[str, Any], language: str = "en") -> Rule:
    """A rule as charter files and the database write it (``{"kind": "threshold", ...}``).

    Texts given per language (what a weight is) are taken in ``language``.

    >>> rule_from_data({"kind": "all-of", "rules": [{"kind": "threshold", "count": 9},
    ...                 {"kind": "veto", "members": ["CHN", "RUS"]}]})
    AllOf(rules=(Threshold(count=9, share=None, of=<Base.MEMBERS: 'members'>, above=False, counting=<Counting.IN_FAVOUR: 'in-favour'>), Veto(members=('CHN', 'RUS'), abstention_is_veto=False)))
    """  # noqa: E501
    kind = data.get("kind")
    inner = tuple(rule_from_data(each, language) for each in data.get("rules", ()))
    match kind:
        case "consensus":
            return Consensus(absentees_block=data.get("absentees") == "block")
        case "unanimity":
            return Unanimity(abstention_blocks=bool(data.get("abstention_blocks", False)))
        case "threshold":
            return Threshold(
                count=data.get("count"),
                share=_share(data.get("share")),
                of=Base(data.get("of", Base.MEMBERS)),
                above=bool(data.get("above", False)),
                counting=Counting(data.get("counting", Counting.IN_FAVOUR)),
            )
        case "veto":
            return Veto(tuple(data["members"]), bool(data.get("abstention_is_veto", False)))
        case "weighted-threshold":
            weight = data.get("weight", "")
            if isinstance(weight, Mapping):
                weight = weight.get(language) or next(iter(weight.values()), "")
            share = _share(data["share"])
            assert share is not None  # noqa: S101 - a weighted threshold always has its share
            return WeightedThreshold(
                share=share,
                # Through str: 18.49 stays 1849/100, not the nearest binary fraction.
                weights={state: Fraction(str(value)) for state, value in data["weights"].items()},
                weight=str(weight),
                of=Base(data.get("of", Base.MEMBERS)),
                counting=Counting(data.get("counting", Counting.IN_FAVOUR)),
            )
        case "blocking-minority":
            return BlockingMinority(int(data["count"]))
        case "all-of":
            return AllOf(inner)
        case "any-of":
            return AnyOf(inner)
        case "none-of":
            return NoneOf(inner)
    raise RuleError("unknown-rule", f"'{kind}' is not a kind of rule", kind=kind)


def _share(text: object) -> Fraction | None:
    if text is None:
        return None
    numerator, denominator = str(text).split("/")
    return Fraction(int(numerator), int(denominator))
