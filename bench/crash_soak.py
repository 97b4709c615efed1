"""Crash soak: SIGKILL aijournal writers at random points, many times, and print the figures.

    python bench/crash_soak.py [--kills 200] [--seed N] [--writers 4 --writes 500]

Each kill is followed by `PRAGMA integrity_check` and `foreign_key_check`, a check that every
write the killed process had reported (its "Logged … id" line, or the service call returning) is
in the journal, a check that a killed `demo` left all of its rows or none, and a fresh command
on the same file. Half the kills hit a writer logging entries in a loop through the service
functions, half a real `aijournal` / `python -m journal` command (a third of those on a first
run, while the journal is being created). Then the concurrent-writers run, once, at the size
given. Exits 1 if anything failed. The tests in tests/reliability run the same code, smaller.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "reliability"))

import relkit  # noqa: E402


def concurrent(folder: str, writers: int, writes: int) -> tuple[bool, str]:
    modes = ["service"] * (writers - 1) + ["cli"]
    results, elapsed = relkit.concurrent_run(folder, modes, writes)
    path = os.path.join(folder, "concurrent.db")
    failed = [
        f"{r.name}: {r.err.strip()[-300:]}"
        for r in results
        if r.code != 0 or "locked" in r.err or "busy" in r.err
    ]
    rows = relkit.entry_count(path)
    ok = not failed and rows == writers * writes and relkit.integrity(path) == "ok"
    return ok, (
        f"{writers} writers ({writers - 1} service, 1 CLI main) x {writes} entries: "
        f"{rows} rows in {elapsed:.1f} s" + (f"; FAILED: {failed}" if failed else "")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=int.from_bytes(os.urandom(2), "big"))
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--writes", type=int, default=500)
    args = parser.parse_args()
    os.environ.setdefault("TZ", "Europe/Berlin")
    time.tzset()
    with tempfile.TemporaryDirectory(prefix="aijournal-soak-") as folder:
        os.environ["AIJOURNAL_DB"] = os.path.join(folder, "unused.db")
        started = time.monotonic()
        stats = relkit.crash_run(folder, args.kills, args.seed)
        print(f"crash soak (seed {args.seed}, {time.monotonic() - started:.0f} s): {stats.line()}")
        for failure in stats.failures:
            print("  FAIL", failure)
        ok, line = concurrent(folder, args.writers, args.writes)
        print(f"concurrent writers: {line}")
    return 0 if ok and not stats.failures else 1


if __name__ == "__main__":
    raise SystemExit(main())
