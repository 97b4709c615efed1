"""Benchmark `aijournal factors --json` on a dense three-year journal (balanced persona).

    .venv/bin/python bench/factors.py [--density N] [--runs N] [--days N] [--db PATH]

Builds the journal once in a temporary folder (or reuses --db if it exists), then measures
(a) the comparison in-process, `factors.current(store, today, 90, "energy")`: median of --runs,
    and the same with a bootstrap interval for every tested factor (what `--all` does);
(b) the whole process `aijournal --db X factors --json` against `python -c pass` on the same
    interpreter, runs alternating, medians of --runs each: target <= 10x (issue 16).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from insights import journal, options, ratio_line, whole_process  # noqa: E402  (beside us)

TARGET_RATIO = 10.0


def in_process(path: str, runs: int, bootstrap: str) -> tuple[float, int, int]:
    from journal import factors
    from journal.store import JournalStore

    today = dt.date.today()
    with JournalStore.open(path) as store:
        found = factors.current(store, today, 90, "energy", bootstrap=bootstrap)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            factors.current(store, today, 90, "energy", bootstrap=bootstrap)
            times.append((time.perf_counter() - started) * 1000)
    tested = sum(1 for f in found if f.enough)
    return statistics.median(times), tested, sum(1 for f in found if f.shown)


def main() -> int:
    args = options(__doc__.split("\n")[0])
    with journal(args) as path:
        for mode in ("shown", "all"):
            ms, tested, shown = in_process(path, max(3, args.runs // 3), mode)
            print(
                f"(a) factors.current, 90 days, bootstrap={mode}: median {ms:.1f} ms "
                f"({tested} factors tested, {shown} survive q <= 0.05)"
            )
        ours, bare = whole_process(path, args.runs, ("factors", "--json"))
        print("(b) " + ratio_line("factors --json", ours, bare, args.runs, TARGET_RATIO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
