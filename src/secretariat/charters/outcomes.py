"""Decide a matter from a charter file and a table of positions (the ``outcome`` command).

Everything here reads files and the engine; nothing touches the database. The
positions are checked against the charter on the day of the decision: a state
must be known, a member taking part on that day (or say it is absent), excluded
members may only abstain, and a rule that needs every member's position gets it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from secretariat.charters import engine
from secretariat.charters.files import InvalidFileError, LocatedProblem
from secretariat.charters.schema import BodySpec, Charter, Matter
from secretariat.charters.tables import PositionRow, read_positions
from secretariat.rules.decisions import Clause, Outcome, evaluate, needs_every_position
from secretariat.rules.errors import RuleError
from secretariat.rules.explanations import Translate, clause_text, explain
from secretariat.rules.positions import Ballot, Position
from secretariat.rules.procedures import Procedure, ProcedureKind

#: Positions a state outside the decision may be listed with: it says nothing.
SILENT = frozenset({Position.ABSENT, Position.NOT_PARTICIPATING})


@dataclass(frozen=True)
class Decision:
    """A body's matter put to it on a day, under a procedure, with the states excluded from it."""

    charter: Charter
    matter: Matter
    on: date
    procedure: Procedure
    extra_members: Sequence[engine.MemberPeriod] = ()
    excluded: frozenset[str] = frozenset()
    #: The language of the rule's texts (what a weight is).
    language: str = "en"


def select(charter: Charter, body_code: str, matter_code: str) -> tuple[BodySpec, Matter]:
    """The body and matter named on the command line, or a RuleError listing what exists."""
    body = engine.find_body(charter, body_code)
    if matter_code not in body.decisions:
        raise RuleError(
            "unknown-matter",
            f"{body.code} has no matter '{matter_code}'; its matters: {', '.join(body.decisions)}",
            body=body.code,
            matter=matter_code,
            matters=", ".join(body.decisions),
        )
    return body, body.decisions[matter_code]


def choose_procedure(matter: Matter, kind: str | None) -> Procedure:
    """The procedure asked for, which the matter must allow; by default the matter's first."""
    allowed = {spec.kind: spec for spec in matter.procedures}
    if kind is None:
        return engine.procedure(matter.procedures[0])
    if kind not in allowed:
        raise RuleError(
            "procedure-not-allowed",
            f"this matter is not decided by the {kind} procedure; it allows: {', '.join(allowed)}",
            kind=kind,
            allowed=", ".join(allowed),
        )
    return engine.procedure(allowed[kind])


def decide(decision: Decision, positions_file: Path) -> Outcome:
    """Read the positions, check them against the charter on the day, and apply the rule."""
    rows, problems = read_positions(positions_file)
    history = engine.membership(decision.charter, decision.extra_members)
    members = engine.members_on(history, decision.on)
    strangers = sorted(decision.excluded - set(members))
    if strangers:
        raise RuleError(
            "excluded-not-member",
            f"--exclude names {', '.join(strangers)}, not members on {decision.on}",
            states=", ".join(strangers),
            on=decision.on,
        )
    # A --members file may add a state the charter does not name (Czechoslovakia in 1992).
    known = {*engine.known_states(decision.charter), *history}

    def problem(line: int, code: str, message: str, **params: object) -> None:
        problems.append(LocatedProblem(str(positions_file), line, "", code, message, params))

    positions: dict[str, Position] = {}
    notes: dict[str, str] = {}
    for row in rows:
        if row.state not in known:
            problem(
                row.line,
                "state-not-in-charter",
                f"{row.state} is not a state this charter knows",
                state=row.state,
            )
        elif row.state not in members:
            if row.position not in SILENT:
                problem(
                    row.line,
                    "not-a-member",
                    f"{row.state} does not take part in decisions on {decision.on}, so it "
                    f"cannot answer '{row.position}' (only absent or not-participating)",
                    state=row.state,
                    on=decision.on.isoformat(),
                    position=row.position.value,
                )
        else:
            positions[row.state] = row.position
            notes[row.state] = row.note
    rule = engine.decision_rule(decision.matter.rule, decision.language)
    missing = _missing(
        decision, rule_needs_all=needs_every_position(rule), members=members, rows=rows
    )
    if missing and not problems:
        problem(
            1,
            "missing-positions",
            f"no position is given for {', '.join(missing)}; this rule needs every member's "
            "(write absent for a member that is away)",
            states=", ".join(missing),
        )
    if problems:
        raise InvalidFileError(sorted(problems, key=lambda problem: problem.line))
    electorate = [state for state in members if state not in decision.excluded]
    filled = decision.procedure.fill(electorate, positions)
    return evaluate(rule, Ballot(tuple(members), filled, decision.excluded, notes))


def _missing(
    decision: Decision, *, rule_needs_all: bool, members: Sequence[str], rows: Sequence[PositionRow]
) -> list[str]:
    if not rule_needs_all or decision.procedure.kind is not ProcedureKind.IN_SESSION:
        return []
    given = {row.state for row in rows}
    return [state for state in members if state not in given and state not in decision.excluded]


def as_data(
    outcome: Outcome, translate: Translate, names: dict[str, str], decimal_mark: str = "."
) -> dict[str, object]:
    """The outcome as a JSON-ready document, its texts in the active language."""
    ballot = outcome.ballot

    def clause(each: Clause) -> dict[str, object]:
        return {
            "kind": each.kind,
            "met": each.met,
            "text": clause_text(each, translate, {}, decimal_mark),
            "states": list(each.states),
            "figures": dict(each.figures),
            "clauses": [clause(inner) for inner in each.clauses],
        }

    return {
        "adopted": outcome.adopted,
        "explanation": "\n".join(explain(outcome, translate, decimal_mark=decimal_mark)),
        "clauses": [clause(outcome.clause)],
        "vetoed_by": list(outcome.vetoed_by),
        "tally": {
            "in_favour": list(ballot.in_favour),
            "against": list(ballot.against),
            "abstaining": list(ballot.abstaining),
            "absent": list(ballot.absent),
            "not_participating": list(ballot.not_participating),
            "excluded": sorted(ballot.excluded),
        },
        "reservations": [
            {"state": state, "name": names.get(state, state), "text": text}
            for state, text in ballot.reservations
        ],
    }


def tally_line(outcome: Outcome, words: Callable[[Position], str]) -> str:
    """One line with the count of each position, naming the states against and abstaining."""
    ballot = outcome.ballot
    parts = []
    for position, states in (
        (Position.YES, ballot.in_favour),
        (Position.NO, ballot.against),
        (Position.ABSTAIN, ballot.abstaining),
        (Position.ABSENT, ballot.absent),
        (Position.NOT_PARTICIPATING, ballot.not_participating),
    ):
        if not states and position in SILENT:
            continue
        named = f" ({', '.join(sorted(states))})" if states and position is not Position.YES else ""
        parts.append(f"{words(position)}: {len(states)}{named}")
    return "; ".join(parts)
