"""`aijournal report`: time totals over a period, as a plain table, JSON or CSV.

On the lean path (no Typer, no Rich): a report is a read a user may run many times a day and a
script may run in a loop (bench/report.py measures it).
"""

from __future__ import annotations

import sys

from journal import parse as p
from journal.cli.common import open_store
from journal.errors import BadInput
from journal.textsafe import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt

    from journal.report import Report

BY_FIELDS = ("tool", "purpose", "skill", "person", "kind", "channel", "tag", "day", "week", "month")


def period(
    text: str | None,
    *,
    week: bool,
    month: bool,
    year: bool,
    since: str | None,
    until: str | None,
    now: dt.datetime,
) -> tuple[dt.date, dt.date]:
    """The first and last day the options name (default: this week)."""
    chosen = [
        name
        for name, given in (
            ("PERIOD", text),
            ("--week", week),
            ("--month", month),
            ("--year", year),
        )
        if given
    ]
    if len(chosen) > 1 or (chosen and (since or until)):
        names = chosen + [n for n, v in (("--since", since), ("--until", until)) if v]
        raise BadInput(
            f"{' and '.join(names)} each name a period; give one of PERIOD, --week, --month, "
            "--year, or --since/--until"
        )
    if text is not None:
        return p.filter_day(text, now), p.filter_day(text, now, end=True)
    word = "this month" if month else "this year" if year else "this week"
    if since or until:
        first = p.filter_day(since, now) if since else p.filter_day("this week", now)
        last = p.filter_day(until, now, end=True) if until else now.date()
        if last < first:
            raise BadInput(
                f"--until {until or 'today'!r} is before --since {since!r}; "
                "give an --until on or after --since"
            )
        return first, last
    found = p.parse_period(word, now)
    assert found is not None
    return found


def fields(values: list[str] | None) -> tuple[str, ...]:
    """--by values (repeated or comma-separated), at most two, each a known field."""
    chosen: list[str] = []
    for value in values or ["day"]:
        for part in value.split(","):
            chosen.append(p.parse_choice(BY_FIELDS, part, "--by"))
    if len(chosen) > 2:
        raise BadInput(
            f"--by {', '.join(chosen)} gives {len(chosen)} fields; accepted: one or two levels"
        )
    if len(set(chosen)) != len(chosen):
        raise BadInput(f"--by {chosen[0]} is given twice; give two different fields")
    return tuple(chosen)


def run(
    *,
    period_text: str | None = None,
    week: bool = False,
    month: bool = False,
    year: bool = False,
    since: str | None = None,
    until: str | None = None,
    by: list[str] | None = None,
    json: bool = False,
    csv: bool = False,
) -> int:
    from journal.clock import now as clock_now

    if json and csv:
        raise BadInput("--json and --csv exclude each other; give one of them")
    now = clock_now()
    first, last = period(
        period_text, week=week, month=month, year=year, since=since, until=until, now=now
    )
    groups = fields(by)
    from journal import service

    with open_store() as store:
        result = service.report(store, since=first, until=last, by=groups)
    if json:
        import json as js

        from journal.textsafe import json_visible

        sys.stdout.write(
            json_visible(js.dumps(result.as_dict(), ensure_ascii=False, indent=2)) + "\n"
        )
    elif csv:
        sys.stdout.write(as_csv(result))
    else:
        sys.stdout.write(as_text(result))
    return 0


def as_csv(result: Report) -> str:
    import csv as csv_mod
    import io

    from journal.export.safe import csv_cell

    out = io.StringIO()
    writer = csv_mod.writer(out, lineterminator="\n")
    writer.writerow([*result.by, "ai_minutes", "people_minutes", "ai_sessions", "interactions"])
    for keys, group in result.rows():
        writer.writerow(
            [
                *(csv_cell("" if k is None else k) for k in keys),
                group.ai_minutes,
                group.people_minutes,
                group.ai_sessions,
                group.interactions,
            ]
        )
    return out.getvalue()


def as_text(result: Report) -> str:
    from journal.report import EMPTY, HEADERS, SHARED_NOTE, cells, heading, label

    rows: list[list[str]] = [[" / ".join(result.by), *HEADERS]]
    for group in result.total.groups:
        rows.append([visible(label(result.by[0], group.key)), *cells(group)])
        for sub in group.groups:
            rows.append(["  " + visible(label(result.by[1], sub.key)), *cells(sub)])
    rows.append(["total", *cells(result.total)])
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [heading(result), ""]
    for row in rows:
        padded = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    if not result.total.groups:
        lines.insert(2, EMPTY)
    if any(b in ("person", "tag") for b in result.by):
        lines.append(SHARED_NOTE)
    return "\n".join(lines) + "\n"
