"""Time each page and count its queries, on the shipped record and on a grown one.

The query count must not move when the data grows (the tests assert that); the times show
what a page costs. Figures are medians over repeated requests through Django's test client.
"""

import statistics
import sys
import time

from _setup import ROOT, setup

setup()
sys.path.insert(0, str(ROOT))

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tests.factories import build_dushanbe, grow  # noqa: E402

REPEAT = 30


def measure(client: Client, url: str) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    if status != 200:
        raise SystemExit(f"{url} answered {status}")
    # Counted now: the queries log is cleared when the next request starts.
    count = len(queries)
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), count


def pages(dushanbe) -> dict[str, str]:
    return {
        "organization": dushanbe.organization.get_absolute_url(),
        "body": dushanbe.bodies["cfm"].get_absolute_url(),
        "session": dushanbe.joint_meeting.get_absolute_url(),
        "agenda": f"{dushanbe.council_session.get_absolute_url()}agenda/",
        "document": dushanbe.statement.get_absolute_url(),
        "document list": f"{dushanbe.organization.get_absolute_url()}documents/",
    }


def report(label: str, dushanbe) -> None:
    public, officer = Client(), Client()
    officer.force_login(dushanbe.users["secretariat_officer"])
    print(f"\n{label}")
    print(f"  {'page':15} {'public ms':>10} {'queries':>8} {'officer ms':>11} {'queries':>8}")
    for name, url in pages(dushanbe).items():
        public_ms, public_queries = measure(public, url)
        officer_ms, officer_queries = measure(officer, url)
        print(
            f"  {name:15} {public_ms:10.1f} {public_queries:8d} {officer_ms:11.1f} "
            f"{officer_queries:8d}"
        )


def main() -> None:
    dushanbe = build_dushanbe()
    report("the Dushanbe record as the tests build it", dushanbe)
    grow(dushanbe, 60)
    report("grown by 60 rows of every kind (states, items, documents, sessions, ...)", dushanbe)


main()
