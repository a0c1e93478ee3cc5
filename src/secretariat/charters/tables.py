"""CSV tables given to the ``outcome`` and ``rotation`` commands, read with every problem located.

Two tables: the positions of states on a decision (``state,position[,note]``)
and periods of membership the charter does not fix (``from,to,state``). Each
problem names its line; the whole table is refused when any line is wrong.
No Django here: :mod:`secretariat.charters.messages` translates the problems.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from secretariat.charters.engine import MemberPeriod
from secretariat.charters.files import InvalidFileError, LocatedProblem
from secretariat.rules.positions import Position

STATE_CODE = re.compile(r"^[A-Z]{3}$")
POSITION_WORDS = ", ".join(position.value for position in Position)


@dataclass(frozen=True, slots=True)
class PositionRow:
    line: int
    state: str
    position: Position
    note: str


class _Table:
    """The rows of one CSV file, and the problems found in them."""

    def __init__(self, path: Path, headers: tuple[tuple[str, ...], ...]) -> None:
        self.path = path
        self.problems: list[LocatedProblem] = []
        self.rows: list[tuple[int, dict[str, str]]] = []
        self._read(headers)

    def problem(self, line: int, kind: str, message: str, **params: object) -> None:
        self.problems.append(LocatedProblem(str(self.path), line, "", kind, message, params))

    def _lines(self) -> Iterator[tuple[int, list[str]]]:
        text = self.path.read_text(encoding="utf-8-sig")
        reader = csv.reader(text.splitlines())
        for row in reader:
            yield reader.line_num, [cell.strip() for cell in row]

    def _read(self, headers: tuple[tuple[str, ...], ...]) -> None:
        try:
            lines = [(number, row) for number, row in self._lines() if any(row)]
        except OSError as error:
            self.problem(
                1, "unreadable", f"cannot be read: {error.strerror}", reason=error.strerror
            )
            return
        except UnicodeDecodeError:
            self.problem(1, "not-utf8", "is not UTF-8 text")
            return
        except csv.Error as error:
            self.problem(1, "not-csv", f"is not CSV: {error}", reason=str(error))
            return
        expected = " or ".join(",".join(header) for header in headers)
        if not lines or tuple(cell.lower() for cell in lines[0][1]) not in headers:
            line = lines[0][0] if lines else 1
            self.problem(
                line, "bad-header", f"the first line must be {expected}", expected=expected
            )
            return
        header = tuple(cell.lower() for cell in lines[0][1])
        optional = {"note"}
        for number, row in lines[1:]:
            # A trailing optional column (the note) may be left out.
            missing_optional = all(column in optional for column in header[len(row) :])
            if len(row) > len(header) or (len(row) < len(header) and not missing_optional):
                self.problem(
                    number,
                    "bad-columns",
                    f"expected {len(header)} columns ({','.join(header)}), found {len(row)}",
                    expected=len(header),
                    found=len(row),
                    columns=",".join(header),
                )
                continue
            row += [""] * (len(header) - len(row))
            self.rows.append((number, dict(zip(header, row, strict=True))))

    def refuse_if_wrong(self) -> None:
        if self.problems:
            raise InvalidFileError(self.problems)

    def state(self, line: int, text: str) -> str | None:
        """The state code written in the cell (any case), or None and a problem."""
        if STATE_CODE.match(text.upper()):
            return text.upper()
        self.problem(
            line,
            "bad-state-code",
            f"'{text}' is not an ISO 3166-1 alpha-3 code (three capital letters, such as RUS)",
            code=text,
        )
        return None

    def date(self, line: int, column: str, text: str) -> date | None:
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.problem(
                line,
                "bad-date",
                f"{column}: '{text}' is not a date written YYYY-MM-DD",
                column=column,
                text=text,
            )
            return None


def read_positions(path: Path) -> tuple[list[PositionRow], list[LocatedProblem]]:
    """The good rows of a positions table, and the problems of the others.

    A state listed twice or an unknown word is a problem; the caller adds those it
    finds against the charter, so that every problem is reported at once.
    """
    table = _Table(path, (("state", "position"), ("state", "position", "note")))
    rows: list[PositionRow] = []
    first_line: dict[str, int] = {}
    for line, row in table.rows:
        state, word = table.state(line, row["state"]), row["position"].lower()
        if state is None:
            continue
        if state in first_line:
            table.problem(
                line,
                "state-twice",
                f"{state} is listed twice (first on line {first_line[state]})",
                state=state,
                first=first_line[state],
            )
            continue
        first_line[state] = line
        try:
            position = Position(word)
        except ValueError:
            table.problem(
                line,
                "unknown-position",
                f"'{row['position']}' is not a position; use one of {POSITION_WORDS}",
                word=row["position"],
                words=POSITION_WORDS,
            )
            continue
        rows.append(PositionRow(line, state, position, row.get("note", "")))
    return rows, table.problems


def read_members(path: Path, known: Collection[str] | None = None) -> list[MemberPeriod]:
    """The periods of a membership table; ``to`` empty means open-ended.

    When ``known`` is given (the states the charter names), every state must be one of them:
    a rotation must know each state's name to place it in the order.
    """
    table = _Table(path, (("from", "to", "state"),))
    periods: list[MemberPeriod] = []
    for line, row in table.rows:
        start = table.date(line, "from", row["from"])
        end = table.date(line, "to", row["to"]) if row["to"] else None
        state = table.state(line, row["state"])
        if state is None or start is None or (row["to"] and end is None):
            continue
        if known is not None and state not in known:
            table.problem(
                line,
                "state-not-in-charter",
                f"{state} is not a state this charter knows",
                state=state,
            )
            continue
        if end is not None and end <= start:
            table.problem(
                line,
                "period-ends-before-start",
                f"the period ends on {end}, not after it starts on {start}",
            )
            continue
        periods.append(MemberPeriod(state, start, end))
    table.refuse_if_wrong()
    return periods
