"""Benchmark `aijournal report --month --by skill --json` on a dense three-year journal.

    .venv/bin/python bench/report.py [--density N] [--runs N] [--persona NAME] [--db PATH]

Builds the journal once in a temporary folder (or reuses --db if it exists; bench/insights.py
builds the same one), then times the whole process against `python -c pass` on the same
interpreter, runs alternating, medians of --runs each: target <= 8x. The command takes the lean
path (journal.cli.spec.HOT): no Typer, no Rich, no Textual. Early in a month `--month` holds a few
days, so the full last month is timed too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile

from insights import build, count, whole_process  # the same journal and timing as insights.py

TARGET_RATIO = 8.0
CASES = [
    ["report", "--month", "--by", "skill", "--json"],
    ["report", "last month", "--by", "skill", "--json"],
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
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
        for case in CASES:
            ours, bare = whole_process(path, args.runs, case)
            ratio = ours / bare
            verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
            shown = " ".join(f"'{w}'" if " " in w else w for w in case)
            print(
                f"`aijournal --db X {shown}`: median {ours:.0f} ms vs `python -c pass` "
                f"{bare:.0f} ms = {ratio:.1f}x over {args.runs} alternating runs each; "
                f"target <= {TARGET_RATIO:.0f}x: {verdict}"
            )
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
