"""The hot commands (ai, met, energy, status, the timer): parse, call the service, print a line.

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
    duration: str | None = None,
    purpose: str | None = None,
    instead_of_person: bool = False,
    skill: str | None = None,
    at: str | None = None,
    note: str | None = None,
    tag: list[str] | None = None,
) -> int:
    now = _now()
    name = p.parse_text(tool, "tool")
    start, minutes = p.start_and_minutes(at, duration, now)
    fields = {
        "tool": name,
        "minutes": minutes,
        "purpose": (
            p.parse_choice(vocab.PURPOSES, purpose, "purpose") if purpose else "unclassified"
        ),
        "instead_of_person": instead_of_person,
        "skill": p.parse_text(skill, "skill", required=False) if skill is not None else None,
        "at": start,
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
    duration: str | None = None,
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
    start, minutes = p.start_and_minutes(at, duration, now)
    fields = {
        "minutes": minutes,
        "kind": p.parse_choice(vocab.KINDS, kind, "kind") if kind else "collaboration",
        "channel": p.parse_choice(vocab.CHANNELS, channel, "channel") if channel else "in_person",
        "quality": p.parse_int(quality, 1, 5, "quality") if quality is not None else 3,
        "initiated": initiated,
        "at": start,
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


def start(
    *,
    tool: str,
    purpose: str | None = None,
    skill: str | None = None,
    tag: list[str] | None = None,
    note: str | None = None,
) -> int:
    name = p.parse_text(tool, "tool")
    chosen = p.parse_choice(vocab.PURPOSES, purpose, "purpose") if purpose else "unclassified"
    learned = p.parse_text(skill, "skill", required=False) if skill is not None else None
    tags, text = p.parse_tags(tag), p.parse_note(note)
    with open_store() as store:
        state = service.start_timer(
            store, tool=name, purpose=chosen, skill=learned, tags=tags, note=text
        )
    print(f"Timer started for {_timer_line(state)}. `aijournal stop` logs it, `cancel` drops it.")
    return 0


def _timer_line(state: dict) -> str:
    skill = f", {visible(state['skill'])}" if state.get("skill") else ""
    return f"{visible(state['tool'])} ({state['purpose']}{skill}) at {state['started_at'][11:16]}"


def stop(*, at: str | None = None, skill: str | None = None, note: str | None = None) -> int:
    now = _now()
    end = p.entry_time(at, now) if at is not None else None
    learned = p.parse_text(skill, "skill", required=False) if skill is not None else None
    text = p.parse_note(note)
    with open_store() as store:
        row, capped = service.stop_timer(store, note=text, skill=learned, at=end)
    learned_part = f", {visible(row['skill'])}" if row.get("skill") else ""
    print(
        f"Logged {row['minutes']} min of {visible(row['tool'])} ({row['purpose']}{learned_part}) "
        f"{row['started_at'][:16].replace('T', ' ')}  id {row['id'][:8]}"
    )
    if capped:
        print(
            "The timer ran over 24 hours, so the session was logged as 24 hours; "
            f"`aijournal edit {row['id'][:8]} --duration ...` fixes it."
        )
    return 0


def cancel() -> int:
    with open_store() as store:
        state = service.cancel_timer(store)
    print(
        f"Timer cancelled: {_timer_line(state)}; nothing logged. "
        "`aijournal resume` starts it again (from now)."
    )
    return 0


def resume() -> int:
    with open_store() as store:
        state = service.resume_timer(store)
    print(f"Timer started for {_timer_line(state)}. `aijournal stop` logs it, `cancel` drops it.")
    return 0


def sync(**options: object) -> int:
    from journal.cli.syncing import sync as run

    return run(**options)  # type: ignore[arg-type]  # lean.parse typed them


def sources(**options: object) -> int:
    from journal.cli.syncing import sources as run

    return run(**options)  # type: ignore[arg-type]  # lean.parse typed them


HANDLERS: dict[str, Callable[..., int]] = {
    "ai": ai,
    "met": met,
    "energy": energy,
    "status": status,
    "report": report,
    "start": start,
    "stop": stop,
    "cancel": cancel,
    "resume": resume,
    "sync": sync,
    "sources": sources,
}


def insights_json(*, as_of: str | None = None) -> int:
    """`insights --json [--as-of DAY]` without Typer or Rich: scripts and prompts call it often."""
    import json as js

    from journal import insights as svc
    from journal.textsafe import json_visible

    now = _now()
    day = p.filter_day(as_of, now) if as_of else now.date()
    with open_store() as store:
        found = svc.current(store, day)
    data = [i.to_json() for i in found]
    sys.stdout.write(json_visible(js.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    return 0


def factors_data(
    *, as_of: str | None = None, days: str = "90", outcome: str = "energy", every: bool = False
) -> dict[str, object]:
    """What `factors --json` prints: the window, the level and the factors shown."""
    from journal import factors as svc

    now = _now()
    day = p.filter_day(as_of, now, end=True) if as_of else now.date()
    window = svc.parse_days(days)
    svc.check(window, outcome)
    with open_store() as store:
        found = svc.current(store, day, window, outcome, bootstrap="all" if every else "shown")
    return {
        "as_of": day.isoformat(),
        "days": window,
        "outcome": outcome,
        "q_level": svc.Q_LEVEL,
        "min_days": svc.MIN_DAYS,
        "shown": "all" if every else "significant-and-waiting",
        "tested": sum(1 for f in found if f.enough),
        "factors": [f.to_json() for f in svc.shown(found, every=every)],
    }


def factors_json(**options: object) -> int:
    """`factors --json ...` without Typer or Rich (as fast as `insights --json`)."""
    import json as js

    from journal.textsafe import json_visible

    data = factors_data(**options)  # type: ignore[arg-type]  # fast_factors typed them
    sys.stdout.write(json_visible(js.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    return 0


FACTOR_VALUES = {"--as-of": "as_of", "--days": "days", "--outcome": "outcome"}


def fast_factors(args: list[str]) -> dict[str, object] | None:
    """The options of `factors --json [--as-of DAY] [--days N] [--outcome X] [--all]`, or None
    when the words say anything else (Typer then parses them, with its help and its errors)."""
    if "--json" not in args:
        return None
    out: dict[str, object] = {}
    words = [w for w in args if w != "--json"]
    while words:
        word = words.pop(0)
        name, eq, value = word.partition("=")
        if word == "--all" and "every" not in out:
            out["every"] = True
            continue
        if name not in FACTOR_VALUES or FACTOR_VALUES[name] in out:
            return None
        if not eq:
            if not words or words[0].startswith("-"):
                return None
            value = words.pop(0)
        out[FACTOR_VALUES[name]] = value
    return out


def fast_json(command: str, args: list[str]) -> dict[str, str | None] | None:
    """The options of a read command's plain `--json [--as-of DAY]` form, or None when the words
    say anything else (then Typer takes the command, with its help and its errors)."""
    if command != "insights" or "--json" not in args:
        return None
    words = [w for w in args if w != "--json"]
    if not words:
        return {"as_of": None}
    if len(words) == 1 and words[0].startswith("--as-of=") and len(words[0]) > 8:
        return {"as_of": words[0][8:]}
    if len(words) == 2 and words[0] == "--as-of" and not words[1].startswith("-"):
        return {"as_of": words[1]}
    return None
