"""Benchmark the reflection engine on a dense three-year journal (about 100,000 entries).

    .venv/bin/python bench/insights.py [--density N] [--runs N] [--persona NAME] [--db PATH]

Builds the journal once in a temporary folder (or reuses --db if it exists), then measures
(a) the engine in-process, `insights.current(store, today)`: median of --runs runs, target
    <= 50 ms;
(b) the whole process `aijournal --db X insights --json` against `python -c pass` on the same
    interpreter, runs alternating, medians of --runs each: target <= 10x (issue 13).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

TARGET_MS = 50.0
TARGET_RATIO = 10.0


def build(path: str, persona: str, days: int, density: int) -> int:
    from journal import demo
    from journal.store import JournalStore

    started = time.perf_counter()
    with JournalStore.open(path) as store:
        summary = demo.fill(
            store, persona=persona, days=days, seed=7, today=dt.date.today(), density=density
        )
        store.conn.execute("ANALYZE")
    print(f"built {path} in {time.perf_counter() - started:.1f} s: {summary}")
    return count(path)


def count(path: str) -> int:
    from journal.store import TIMELINE_TABLES, JournalStore

    with JournalStore.open(path) as store:
        return sum(
            store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TIMELINE_TABLES
        )


def in_process(path: str, runs: int) -> tuple[float, int]:
    from journal import insights
    from journal.store import JournalStore

    today = dt.date.today()
    with JournalStore.open(path) as store:
        found = insights.current(store, today)  # warm the page cache and the imports
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            insights.current(store, today)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(found)


def command() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "aijournal")
    if os.path.exists(script):
        return [script]
    return [sys.executable, "-m", "journal"]


def whole_process(
    path: str, runs: int, args: tuple[str, ...] | list[str] = ("insights", "--json")
) -> tuple[float, float]:
    """Medians (ms) of the whole `aijournal --db PATH ARGS...` process and of `python -c pass`,
    runs alternating (bench/report.py times its commands with it too)."""
    env = {**os.environ, "AIJOURNAL_DB": path}
    env.pop("AIJOURNAL_NOW", None)
    ours = [*command(), "--db", path, *args]
    bare = [sys.executable, "-c", "pass"]
    check = subprocess.run(ours, env=env, capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"`{' '.join(ours)}` failed: {check.stderr.strip()}")
    timed: dict[str, list[float]] = {"ours": [], "bare": []}
    for _ in range(runs):
        for name, argv in (("ours", ours), ("bare", bare)):
            started = time.perf_counter()
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
            timed[name].append((time.perf_counter() - started) * 1000)
    return statistics.median(timed["ours"]), statistics.median(timed["bare"])


def options(description: str) -> argparse.Namespace:
    """The options every 3-year-journal bench takes (this one, report.py, factors.py)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--density",
        type=int,
        default=48,
        help="AI sessions multiplier of the demo persona (default 48: about 100,000 entries)",
    )
    parser.add_argument("--days", type=int, default=1095)
    parser.add_argument("--persona", default="balanced")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--db", help="reuse (or build once into) this database")
    return parser.parse_args()


@contextmanager
def journal(args: argparse.Namespace) -> Iterator[str]:
    """The journal to time: --db (built there once if missing) or a temporary one, removed
    after; says how big it is."""
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
        yield path
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def ratio_line(command: str, ours: float, bare: float, runs: int, target: float) -> str:
    """`aijournal --db X COMMAND`: median … ms vs `python -c pass` … = Nx …; target <= …"""
    ratio = ours / bare
    verdict = "ok" if ratio <= target else "OVER TARGET"
    return (
        f"`aijournal --db X {command}`: median {ours:.0f} ms vs `python -c pass` "
        f"{bare:.0f} ms = {ratio:.1f}x over {runs} alternating runs each; "
        f"target <= {target:.0f}x: {verdict}"
    )


def main() -> int:
    args = options(__doc__.split("\n")[0])
    with journal(args) as path:
        engine_ms, found = in_process(path, args.runs)
        verdict = "ok" if engine_ms <= TARGET_MS else "OVER TARGET"
        print(
            f"(a) engine in-process, insights.current: median {engine_ms:.1f} ms over "
            f"{args.runs} runs ({found} insights); target <= {TARGET_MS:.0f} ms: {verdict}"
        )
        ours, bare = whole_process(path, args.runs)
        print("(b) " + ratio_line("insights --json", ours, bare, args.runs, TARGET_RATIO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
