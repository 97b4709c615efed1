"""The hot commands (ai, met, energy, status): parse, call the service, print one plain line.

Shared by the lean path and their Typer face. Plain print, no rich: a quick-add must feel instant.
"""

from __future__ import annotations

import sys

from journal import parse as p
from journal import service, vocab
from journal.cli.common import open_store
from journal.present import TYPE_COUNT_LABELS
from journal.textsafe import visible

TYPE_CHECKING = False  # typing costs a quick-add time it never uses; mypy still sees the block
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable


def _now() -> dt.datetime:
    from journal.clock import now

    return now()


def ai(
    *,
    tool: str,
    duration: str,
    purpose: str | None = None,
    instead_of_person: bool = False,
    skill: str | None = None,
    at: str | None = None,
    note: str | None = None,
    tag: list[str] | None = None,
) -> int:
    now = _now()
    fields = {
        "tool": p.parse_text(tool, "tool"),
        "minutes": p.parse_duration(duration),
        "purpose": (
            p.parse_choice(vocab.PURPOSES, purpose, "purpose") if purpose else "unclassified"
        ),
        "instead_of_person": instead_of_person,
        "skill": p.parse_text(skill, "skill", required=False) if skill is not None else None,
        "at": p.entry_time(at, now),
        "note": p.parse_note(note),
        "tags": p.parse_tags(tag),
        "now": now,
    }
    with open_store() as store:
        row = service.log_ai(store, **fields)
    hint = "" if purpose else "  (add --purpose learn|augment|automate|companion next time)"
    print(
        f"Logged {row['minutes']} min of {visible(row['tool'])} ({row['purpose']}) "
        f"{row['started_at'][:16].replace('T', ' ')}  id {row['id'][:8]}{hint}"
    )
    return 0


def met(
    *,
    people: str,
    duration: str,
    kind: str | None = None,
    channel: str | None = None,
    quality: str | None = None,
    initiated: bool = False,
    at: str | None = None,
    note: str | None = None,
    tag: list[str] | None = None,
) -> int:
    now = _now()
    names = p.parse_people(people)
    fields = {
        "minutes": p.parse_duration(duration),
        "kind": p.parse_choice(vocab.KINDS, kind, "kind") if kind else "collaboration",
        "channel": p.parse_choice(vocab.CHANNELS, channel, "channel") if channel else "in_person",
        "quality": p.parse_int(quality, 1, 5, "quality") if quality is not None else 3,
        "initiated": initiated,
        "at": p.entry_time(at, now),
        "note": p.parse_note(note),
        "tags": p.parse_tags(tag),
        "now": now,
    }
    with open_store() as store:
        row = service.log_interaction(store, people=names, **fields)
    print(
        f"Logged {row['minutes']} min with {visible(', '.join(row['people']))} ({row['kind']}, "
        f"{row['channel'].replace('_', ' ')}, quality {row['quality']}) "
        f"{row['at'][:16].replace('T', ' ')}  id {row['id'][:8]}"
    )
    return 0


def energy(*, level: str, at: str | None = None, note: str | None = None) -> int:
    now = _now()
    value = p.parse_int(level, 1, 5, "energy level")
    when = p.entry_time(at, now)
    with open_store() as store:
        row = service.log_energy(store, level=value, at=when, note=p.parse_note(note))
    print(f"Logged energy {value}/5 {row['at'][:16].replace('T', ' ')}  id {row['id'][:8]}")
    return 0


def status(*, prompt: bool = False, json: bool = False) -> int:
    now = _now()
    with open_store() as store:
        today = service.today_status(store, now)
    if prompt:
        print(visible(service.prompt_line(today, now)))
        return 0
    counts, running = today["counts"], today["timer"]
    if json:
        import json as js

        print(js.dumps({k: today[k] for k in ("day", "counts", "timer")}))
        return 0
    parts = [f"{TYPE_COUNT_LABELS[k]} {v}" for k, v in counts.items()]
    print(f"Today ({now.date().isoformat()}): " + ", ".join(parts))
    if running:
        print(f"Timer running: {visible(running['tool'])} since {running['started_at'][11:16]}")
    if today["missing"]:
        print("Not logged yet: " + " ".join(today["missing"]))
    sys.stdout.flush()
    return 0


def report(*, period: str | None = None, **options: object) -> int:
    from journal.cli.reports import run

    return run(period_text=period, **options)  # type: ignore[arg-type]  # lean.parse typed them


HANDLERS: dict[str, Callable[..., int]] = {
    "ai": ai,
    "met": met,
    "energy": energy,
    "status": status,
    "report": report,
}
