"""How long loading the CSTO charter and the Dushanbe record takes, first and again."""

import statistics
import time

from _setup import ROOT, setup

setup()

from secretariat.charters.loaders import check_charter_file, do_load_charter, do_load_record  # noqa: E402

CHARTER = ROOT / "charters" / "csto.yaml"
RECORD = ROOT / "records" / "csto-2021-dushanbe.yaml"


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - start) * 1000, result


def main() -> None:
    checks = [timed(check_charter_file, CHARTER)[0] for _ in range(20)]
    print(f"charter check (no database), median of 20: {statistics.median(checks):7.1f} ms")
    first_charter, report = timed(do_load_charter, CHARTER)
    first_record, record = timed(do_load_record, RECORD)
    print(f"charter load, first:   {first_charter:7.1f} ms  ({report.changes.total} changes)")
    print(f"record load, first:    {first_record:7.1f} ms  ({record.changes.total} changes)")
    again = [timed(do_load_charter, CHARTER)[0] for _ in range(5)]
    print(f"charter load, again, median of 5: {statistics.median(again):7.1f} ms (0 changes)")
    again = [timed(do_load_record, RECORD)[0] for _ in range(5)]
    print(f"record load, again, median of 5:  {statistics.median(again):7.1f} ms (0 changes)")


main()
