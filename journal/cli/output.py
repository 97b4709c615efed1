"""Rich output for people and JSON for programs: the shared look of the non-hot commands."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from journal import models as m
from journal.present import CHANNEL_LABELS, TYPE_LABELS, day_text
from journal.richtext import Part, plain
from journal.textsafe import json_visible

console = Console(highlight=False)

PURPOSE_STYLE = {
    "learn": "green",
    "augment": "cyan",
    "automate": "yellow",
    "companion": "magenta",
    "unclassified": "dim",
}


def print_json(data: Any) -> None:
    """The exact data as JSON; control characters inside strings are written as JSON escapes."""
    sys.stdout.write(json_visible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def say(*parts: Part, **options: Any) -> None:
    """Print one line of user text with journal.richtext.plain (never markup; control characters
    shown escaped); options go to Console.print, e.g. soft_wrap."""
    console.print(plain(*parts), **options)


def when_text(moment: dt.datetime, today: dt.date) -> str:
    return f"{day_text(moment.date(), today)} {moment.strftime('%H:%M')}"


def describe(entry: m.Entry) -> tuple[str, str]:
    """(type label, one-line summary) of an entry, for tables and confirmations."""
    if isinstance(entry, m.AISession):
        extra = " · instead of a person" if entry.instead_of_person else ""
        skill = f" · skill: {entry.skill}" if entry.skill else ""
        return (
            TYPE_LABELS["ai_session"],
            f"{entry.tool} {entry.minutes} min · {entry.purpose.value}{extra}{skill}",
        )
    if isinstance(entry, m.Interaction):
        return TYPE_LABELS["interaction"], (
            f"{', '.join(entry.people)} {entry.minutes} min · {entry.kind.value} · "
            f"{CHANNEL_LABELS[entry.channel.value]} · quality {entry.quality}"
            + (" · I reached out" if entry.initiated else "")
        )
    if isinstance(entry, m.Energy):
        return TYPE_LABELS["energy"], f"{entry.level}/5"
    if isinstance(entry, m.CheckIn):
        conn = f" · connection {entry.connection}" if entry.connection else ""
        return (
            TYPE_LABELS["checkin"],
            f"trust AI {entry.trust_ai} · trust team {entry.trust_team}{conn}",
        )
    if isinstance(entry, m.Who5):
        return TYPE_LABELS["who5"], f"{entry.percent}% ({m.who5_band(entry.percent)})"
    if isinstance(entry, m.Person):
        return "person", f"{entry.name} ({entry.relation.value})"
    if isinstance(entry, m.Intention):
        return "intention", entry.text
    return entry.TYPE, ""


def entries_table(entries: list[m.Entry], today: dt.date, *, notes: bool = True) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("what")
    for entry in entries:
        label, summary = describe(entry)
        text = plain(summary)
        if notes and entry.note:
            text.append_text(plain("  ", (f"“{entry.note}”", "dim")))
        if entry.tags:
            text.append_text(plain("  ", (" ".join(f"#{t}" for t in entry.tags), "dim")))
        style = PURPOSE_STYLE.get(getattr(getattr(entry, "purpose", None), "value", ""), "")
        if isinstance(entry, (m.CheckIn, m.Who5)):  # day-only records
            when = day_text(entry.day, today)
        else:
            when = when_text(m.entry_time(entry), today)
        table.add_row(plain(entry.id[:8]), plain(when), plain((label, style)), text)
    return table
