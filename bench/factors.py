"""Benchmark `aijournal factors --json` on a dense three-year journal (balanced persona).

    .venv/bin/python bench/factors.py [--density N] [--runs N] [--days N] [--db PATH]

Builds the journal once in a temporary folder (or reuses --db if it exists), then measures
(a) the comparison in-process, `factors.current(store, today, 90, "energy")`: median of --runs,
    and the same with a bootstrap interval for every tested factor (what `--all` does);
(b) the whole process `aijournal --db X factors --json` against `python -c pass` on the same
    interpreter, runs alternating, medians of --runs each: target <= 10x (issue 16).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from insights import build, count, whole_process  # noqa: E402  (bench/insights.py, beside us)

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
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--density", type=int, default=48, help="AI sessions multiplier")
    parser.add_argument("--days", type=int, default=1095)
    parser.add_argument("--persona", default="balanced")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--db", help="reuse (or build once into) this database")
    args = parser.parse_args()

    folder = None
    path = args.db
    if path is None:
        folder = tempfile.mkdtemp(prefix="aijournal-bench-")
        path = os.path.join(folder, "journal.db")
    try:
        entries = (
            count(path)
            if os.path.exists(path)
            else build(path, args.persona, args.days, args.density)
        )
        print(f"journal: {entries:,} entries over {args.days} days ({args.persona} persona)")
        for mode in ("shown", "all"):
            ms, tested, shown = in_process(path, max(3, args.runs // 3), mode)
            print(
                f"(a) factors.current, 90 days, bootstrap={mode}: median {ms:.1f} ms "
                f"({tested} factors tested, {shown} survive q <= 0.05)"
            )
        ours, bare = whole_process(path, args.runs, ("factors", "--json"))
        ratio = ours / bare
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
        print(
            f"(b) `aijournal --db X factors --json`: median {ours:.0f} ms vs `python -c pass` "
            f"{bare:.0f} ms = {ratio:.1f}x over {args.runs} alternating runs each; "
            f"target <= {TARGET_RATIO:.0f}x: {verdict}"
        )
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
