"""Time the follow-up overview with 1,000 instructions, and count its queries.

The query count must not move with the number of instructions (the tests assert that); the
times show what grouping a thousand of them costs. Medians over repeated requests through
Django's test client.
"""

import statistics
import sys
import time
from datetime import timedelta

from _setup import ROOT, setup

setup()
sys.path.insert(0, str(ROOT))

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from secretariat.followup.models import Instruction, InstructionStatus  # noqa: E402
from tests.factories import PARAGRAPH_2, build_dushanbe, build_follow_up  # noqa: E402

REPEAT = 10
URL = "/csto/follow-up/"


def measure(client: Client) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(URL).status_code
    if status != 200:
        raise SystemExit(f"{URL} answered {status}")
    count = len(queries)
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        client.get(URL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), count


def grow(dushanbe, follow_up, count: int) -> None:
    """Add ``count`` instructions, spread over both decisions, the states and the bodies."""
    today = timezone.localdate()
    officer = dushanbe.users["secretariat_officer"]
    states, bodies = list(dushanbe.states.values()), list(dushanbe.bodies.values())
    documents = [follow_up.decision, follow_up.public_decision, follow_up.plan_document]
    rows = []
    for index in range(count):
        completed = index % 4 == 0
        rows.append(
            Instruction(
                document=documents[index % 3],
                paragraph=PARAGRAPH_2,
                paragraph_label="2",
                action=f"Measure {index}",
                state=states[index % len(states)] if index % 2 else None,
                body=None if index % 2 else bodies[index % len(bodies)],
                due_on=today + timedelta(days=index % 90 - 45) if index % 5 else None,
                status=InstructionStatus.COMPLETED if completed else InstructionStatus.OPEN,
                completed_at=timezone.now() if completed else None,
                created_by=officer,
            )
        )
    Instruction.objects.bulk_create(rows)


def report(label: str, dushanbe) -> None:
    public, officer = Client(), Client()
    officer.force_login(dushanbe.users["secretariat_officer"])
    public_ms, public_queries = measure(public)
    officer_ms, officer_queries = measure(officer)
    print(f"\n{label}")
    print(f"  {'public ms':>10} {'queries':>8} {'officer ms':>11} {'queries':>8}")
    print(f"  {public_ms:10.1f} {public_queries:8d} {officer_ms:11.1f} {officer_queries:8d}")


def main() -> None:
    dushanbe = build_dushanbe()
    follow_up = build_follow_up(dushanbe)
    report("the overview with the tests' 6 instructions", dushanbe)
    grow(dushanbe, follow_up, 1000)
    report("with 1,000 more (a third on the restricted decision)", dushanbe)


main()
