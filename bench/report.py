"""Benchmark `aijournal report --month --by skill --json` on a dense three-year journal.

    .venv/bin/python bench/report.py [--density N] [--runs N] [--persona NAME] [--db PATH]

Builds the journal once in a temporary folder (or reuses --db if it exists; bench/insights.py
builds the same one), then times the whole process against `python -c pass` on the same
interpreter, runs alternating, medians of --runs each: target <= 8x. The command takes the lean
path (journal.cli.spec.HOT): no Typer, no Rich, no Textual. Early in a month `--month` holds a few
days, so the full last month is timed too.
"""

from __future__ import annotations

from insights import journal, options, ratio_line, whole_process  # the same journal and timing

TARGET_RATIO = 8.0
CASES = [
    ["report", "--month", "--by", "skill", "--json"],
    ["report", "last month", "--by", "skill", "--json"],
]


def main() -> int:
    args = options(__doc__.split("\n")[0])
    with journal(args) as path:
        for case in CASES:
            ours, bare = whole_process(path, args.runs, case)
            shown = " ".join(f"'{w}'" if " " in w else w for w in case)
            print(ratio_line(shown, ours, bare, args.runs, TARGET_RATIO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
