"""How fast the rules engine decides and rotates, on the shipped charters (no database).

Figures: checking each charter file; evaluating a General Assembly ballot of 193 members and an
EU qualified-majority ballot of 27; projecting 1,200 Security Council presidencies (a century of
months) and 100 years of ASEAN chairmanships; and one `secretariat outcome` run end to end in a
fresh process, which is what a script calling the command pays.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

from _setup import ROOT, setup

setup()

from secretariat.charters import engine  # noqa: E402
from secretariat.charters.loaders import check_charter_file  # noqa: E402
from secretariat.rules.decisions import evaluate  # noqa: E402
from secretariat.rules.positions import Ballot, Position  # noqa: E402


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(label: str, milliseconds: float) -> None:
    print(f"{label:<58} {milliseconds:9.3f} ms")


def ga_position(index: int) -> Position:
    """A/RES/ES-11/3's figures: 93 in favour, 24 against, 58 abstaining, 18 not voting."""
    for limit, position in ((93, Position.YES), (117, Position.NO), (175, Position.ABSTAIN)):
        if index < limit:
            return position
    return Position.ABSENT


def main() -> None:
    charters = {path.stem: path for path in sorted((ROOT / "charters").glob("*.yaml"))}
    for name, path in charters.items():
        report(
            f"charter check {name}, median of 5", median_ms(partial(check_charter_file, path), 5)
        )

    assembly = check_charter_file(charters["unga"])
    members = tuple(member.code for member in assembly.members)
    ballot = Ballot(members, {state: ga_position(i) for i, state in enumerate(members)})
    important = engine.decision_rule(assembly.bodies[0].decisions["important"].rule)
    report("UNGA important question, 193 members, median of 200",
           median_ms(partial(evaluate, important, ballot), 200))  # fmt: skip

    council = check_charter_file(charters["eu-council"])
    qmv = engine.decision_rule(council.bodies[0].decisions["qmv"].rule)
    states = tuple(engine.members_on(engine.membership(council), date(2025, 6, 1)))
    against = {"DEU", "FRA", "ITA"}
    eu_ballot = Ballot(
        states, {state: Position.NO if state in against else Position.YES for state in states}
    )
    report("EU QMV, 27 members, median of 200", median_ms(partial(evaluate, qmv, eu_ballot), 200))

    presidencies = engine.rotation(check_charter_file(charters["unsc"]))
    century = partial(presidencies.terms, date(2024, 1, 1), 1200, after="ECU")
    report("UNSC presidencies, 1,200 months, median of 3", median_ms(century, 3))
    asean = engine.rotation(check_charter_file(charters["asean"]))
    report("ASEAN chairs, 100 years, median of 3",
           median_ms(partial(asean.terms, date(2000, 1, 1), 100), 3))  # fmt: skip

    with tempfile.TemporaryDirectory() as directory:
        votes = Path(directory) / "unsc-2017-04-12.csv"
        votes.write_text(
            "state,position\nCHN,abstain\nFRA,yes\nGBR,yes\nUSA,yes\nRUS,no\nBOL,no\nEGY,yes\n"
            "ETH,abstain\nITA,yes\nJPN,yes\nKAZ,abstain\nSEN,yes\nSWE,yes\nUKR,yes\nURY,yes\n",
            encoding="utf-8",
        )
        command = [
            str(ROOT / ".venv" / "bin" / "secretariat"), "outcome", str(charters["unsc"]),
            "--body", "security-council", "--matter", "substantive", "--positions", str(votes),
            "--at", "2017-04-12",
        ]  # fmt: skip
        environment = {**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY", "bench")}
        run = partial(subprocess.run, command, check=True, capture_output=True, env=environment)
        report("secretariat outcome (UNSC, a new process), median of 5", median_ms(run, 5))


if __name__ == "__main__":
    sys.exit(main())
