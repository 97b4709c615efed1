"""What a user can do with their journal: log, edit, delete, undo, people, status, backup.

The CLI and the TUI both call these functions with parsed values (journal.parse turns user text
into them). Every write is one store transaction and one undo step. The quick-add functions build
plain rows and never import journal.models, so a shell quick-add stays fast.
"""

from __future__ import annotations

import datetime as dt
import os

from journal import vocab
from journal.errors import BadInput, JournalError, NotFound
from journal.metrics import MAX_MINUTES
from journal.present import TYPE_NAMES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from journal.models import AISession, CheckIn, Entry, Person
    from journal.report import Report
    from journal.store import JournalStore

TIMER_KEY = "timer"
LAST_TIMER_KEY = "last_timer"  # what `resume` starts again


def new_id() -> str:
    return os.urandom(16).hex()


def _tags_json(tags: Sequence[str]) -> str:
    if not tags:
        return "[]"
    import json

    return json.dumps(list(tags), ensure_ascii=False)


def base_row(
    now: dt.datetime,
    *,
    note: str | None = None,
    tags: Sequence[str] = (),
    source: str | None = None,
) -> dict[str, Any]:
    stamp = now.isoformat()
    return {
        "id": new_id(),
        "created_at": stamp,
        "updated_at": stamp,
        "deleted_at": None,
        "note": note,
        "tags": _tags_json(tags),
        "source": source,
    }


def timed(at: dt.datetime) -> dict[str, Any]:
    """The ordering columns of a timed entry: its local day and its instant."""
    local = at.astimezone()
    return {"ts": local.timestamp(), "day": local.date().isoformat()}


def _check_range(value: int, lo: int, hi: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise BadInput(f"{what} {value!r} is not accepted; use a whole number from {lo} to {hi}")
    return value


def _check_choice(value: str, values: tuple[str, ...], what: str) -> str:
    if value not in values:
        raise BadInput(f"{what} {value!r} is not accepted; use one of: {', '.join(values)}")
    return value


def _clock() -> dt.datetime:
    from journal.clock import now

    return now()


# --- logging -----------------------------------------------------------------------------------


def ai_row(
    *,
    tool: str,
    minutes: int,
    at: dt.datetime,
    purpose: str = "unclassified",
    instead_of_person: bool = False,
    skill: str | None = None,
    note: str | None = None,
    tags: Sequence[str] = (),
    source: str | None = None,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """A validated ai_session row (shared by logging, the timer and the importers)."""
    _check_range(minutes, 1, MAX_MINUTES, "minutes")
    _check_choice(purpose, vocab.PURPOSES, "purpose")
    local = at.astimezone()
    return {
        **base_row(now or _clock(), note=note, tags=tags, source=source),
        **timed(local),
        "started_at": local.isoformat(),
        "minutes": minutes,
        "tool": tool,
        "purpose": purpose,
        "instead_of_person": int(bool(instead_of_person)),
        "skill": skill,
    }


def log_ai(store: JournalStore, **fields: Any) -> dict[str, Any]:
    """Log one AI session; returns its row. Fields as ai_row takes them."""
    row = ai_row(**fields)
    with store.write(f"log AI session {row['tool']}"):
        store.insert("ai_session", row)
    return row


def person_row(
    name: str, relation: str = "other", *, now: dt.datetime | None = None, source: str | None = None
) -> dict[str, Any]:
    from journal.names import key

    _check_choice(relation, vocab.RELATIONS, "relation")
    return {
        **base_row(now or _clock(), source=source),
        "name": name,
        "name_key": key(name),
        "relation": relation,
    }


def interaction_row(
    *,
    minutes: int,
    at: dt.datetime,
    kind: str = "collaboration",
    channel: str = "in_person",
    quality: int = 3,
    initiated: bool = False,
    note: str | None = None,
    tags: Sequence[str] = (),
    source: str | None = None,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    _check_range(minutes, 1, MAX_MINUTES, "minutes")
    _check_range(quality, 1, 5, "quality")
    _check_choice(kind, vocab.KINDS, "kind")
    _check_choice(channel, vocab.CHANNELS, "channel")
    local = at.astimezone()
    return {
        **base_row(now or _clock(), note=note, tags=tags, source=source),
        **timed(local),
        "at": local.isoformat(),
        "minutes": minutes,
        "kind": kind,
        "channel": channel,
        "quality": quality,
        "initiated": int(bool(initiated)),
    }


def add_interaction(store: JournalStore, row: dict[str, Any], people: Sequence[str]) -> None:
    """Insert an interaction row with its people (inside the caller's write)."""
    if not people:
        raise BadInput("an interaction needs at least one person; give a name like 'Sam'")
    now = _clock()
    ids = store.ensure_people(people, lambda name: person_row(name, now=now))
    store.insert("interaction", row)
    store.set_people(row["id"], ids)


def log_interaction(store: JournalStore, *, people: Sequence[str], **fields: Any) -> dict[str, Any]:
    """Log time with people; names not on the roster join it. Returns the row, with its people
    as the roster spells them."""
    row = interaction_row(**fields)
    with store.write(f"log interaction with {', '.join(people)}"):
        add_interaction(store, row, people)
    return {**row, "people": store.interaction_people(row["id"])}


def log_energy(
    store: JournalStore,
    *,
    level: int,
    at: dt.datetime,
    note: str | None = None,
    tags: Sequence[str] = (),
) -> dict[str, Any]:
    _check_range(level, 1, 5, "energy level")
    row = {
        **base_row(_clock(), note=note, tags=tags),
        **timed(at),
        "at": at.astimezone().isoformat(),
        "level": level,
    }
    with store.write("log energy"):
        store.insert("energy", row)
    return row


def day_ts(day: dt.date) -> float:
    """The ordering instant of a day-only record (check-in, WHO-5): local noon."""
    from journal.clock import localize

    return localize(dt.datetime.combine(day, dt.time(12))).timestamp()


def checkin(
    store: JournalStore,
    *,
    day: dt.date,
    trust_ai: int,
    trust_team: int,
    connection: int | None = None,
    note: str | None = None,
) -> tuple[dict[str, Any], bool]:
    """The day's check-in; a later one for the same day replaces it. Returns (row, replaced)."""
    _check_range(trust_ai, 1, 5, "trust in AI")
    _check_range(trust_team, 1, 5, "trust in your team")
    if connection is not None:
        _check_range(connection, 1, 5, "connection")
    values = {
        "day": day.isoformat(),
        "ts": day_ts(day),
        "trust_ai": trust_ai,
        "trust_team": trust_team,
        "connection": connection,
        "note": note,
    }
    with store.write(f"check-in for {day.isoformat()}"):
        existing = store.checkin_on(day)
        if existing is not None:
            store.update("checkin", existing.id, values)
            return {**(store.row("checkin", existing.id) or {})}, True
        row = {**base_row(_clock(), note=note), **values}
        store.insert("checkin", row)
    return row, False


def log_who5(store: JournalStore, *, items: Sequence[int], day: dt.date) -> dict[str, Any]:
    if len(items) != 5:
        raise BadInput(f"WHO-5 needs five answers, got {len(items)}; give five numbers from 0 to 5")
    for n, item in enumerate(items, 1):
        _check_range(item, 0, 5, f"WHO-5 answer {n}")
    import json

    row = {
        **base_row(_clock()),
        "day": day.isoformat(),
        "ts": day_ts(day),
        "items": json.dumps(list(items)),
    }
    with store.write(f"WHO-5 for {day.isoformat()}"):
        store.insert("who5", row)
    return row


# --- live timer --------------------------------------------------------------------------------


def start_timer(
    store: JournalStore,
    *,
    tool: str,
    purpose: str = "unclassified",
    skill: str | None = None,
    tags: Sequence[str] = (),
    note: str | None = None,
) -> dict[str, Any]:
    """Start the live timer; what it is for (purpose, skill, tags, note) goes to its session."""
    import json

    _check_choice(purpose, vocab.PURPOSES, "purpose")
    running = timer(store)
    if running is not None:
        raise BadInput(
            f"a timer for {running['tool']} is already running since "
            f"{running['started_at'][11:16]}; `aijournal stop` ends it first "
            "(`aijournal cancel` drops it)"
        )
    state: dict[str, Any] = {"tool": tool, "purpose": purpose, "started_at": _clock().isoformat()}
    if skill:
        state["skill"] = skill
    if tags:
        state["tags"] = list(tags)
    if note:
        state["note"] = note
    store.set_meta(TIMER_KEY, json.dumps(state))
    return state


def timer(store: JournalStore) -> dict[str, Any] | None:
    raw = store.meta(TIMER_KEY)
    if raw is None:
        return None
    import json

    state: dict[str, Any] = json.loads(raw)
    return state


def _running(store: JournalStore) -> dict[str, Any]:
    state = timer(store)
    if state is None:
        raise BadInput("no timer is running; `aijournal start TOOL` starts one")
    return state


def stop_timer(
    store: JournalStore,
    *,
    note: str | None = None,
    skill: str | None = None,
    at: dt.datetime | None = None,
) -> tuple[dict[str, Any], bool]:
    """End the running timer (at `at`, default now) and log its session. Returns (row, capped
    at 24 h). A skill given here replaces the one given at the start; a note is added to it."""
    state = _running(store)
    started = dt.datetime.fromisoformat(state["started_at"])
    end = _clock() if at is None else at
    if at is not None and end <= started:
        raise BadInput(
            f"stop time {end.strftime('%Y-%m-%d %H:%M')} is not after the timer's start "
            f"({started.strftime('%Y-%m-%d %H:%M')}); accepted: a time after it"
        )
    elapsed = (end - started).total_seconds() / 60
    minutes = max(1, round(elapsed))
    capped = minutes > MAX_MINUTES
    notes = [n for n in (state.get("note"), note) if n]
    row = ai_row(
        tool=state["tool"],
        minutes=min(minutes, MAX_MINUTES),
        at=started,
        purpose=state["purpose"],
        skill=skill or state.get("skill"),
        tags=state.get("tags", ()),
        note="\n".join(notes) or None,
    )
    with store.write(f"log AI session {row['tool']} (timer)"):
        store.insert("ai_session", row)
        store.drop_meta(TIMER_KEY)
    _remember_timer(store, state)
    return row, capped


def cancel_timer(store: JournalStore) -> dict[str, Any]:
    """Drop the running timer without logging anything; returns what it was."""
    state = _running(store)
    store.set_meta(TIMER_KEY, None)
    _remember_timer(store, state)
    return state


def _remember_timer(store: JournalStore, state: dict[str, Any]) -> None:
    """What the last timer was for, so that `resume` can start it again."""
    import json

    kept = {k: state[k] for k in ("tool", "purpose", "skill", "tags") if k in state}
    store.set_meta(LAST_TIMER_KEY, json.dumps(kept))


def resume_timer(store: JournalStore) -> dict[str, Any]:
    """Start a timer again for the last timer's tool, purpose, skill and tags (or, if there was
    no timer yet, for the last AI session logged)."""
    import json

    raw = store.meta(LAST_TIMER_KEY)
    if raw is not None:
        last: dict[str, Any] = json.loads(raw)
    else:
        from journal.models import AISession

        latest = entries(store, types=["ai_session"], newest_first=True, limit=1)
        if not latest or not isinstance(latest[0], AISession):
            raise BadInput(
                "nothing to resume: no timer has run and no AI session is logged yet; "
                "`aijournal start TOOL` starts one"
            )
        entry = latest[0]
        last = {"tool": entry.tool, "purpose": entry.purpose.value, "skill": entry.skill}
    return start_timer(
        store,
        tool=last["tool"],
        purpose=last.get("purpose", "unclassified"),
        skill=last.get("skill"),
        tags=last.get("tags", ()),
    )


# --- reading -----------------------------------------------------------------------------------


def entries(
    store: JournalStore,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    types: Sequence[str] | None = None,
    person: str | None = None,
    tag: str | None = None,
    text: str | None = None,
    tool: str | None = None,
    purpose: str | None = None,
    skill: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> list[Entry]:
    """Timeline entries, filtered; a tool (any case), purpose or skill (a part of it, any case)
    keeps AI sessions only."""
    return store.timeline(
        **_timeline_filter(since, until, types, person, tag, text),
        **_ai_filter(store, tool, purpose, skill),
        limit=limit,
        offset=offset,
        newest_first=newest_first,
    )


def entries_with_ids(store: JournalStore, ids: Sequence[str]) -> list[Entry]:
    """Exactly these entries (an insight's evidence), live ones only, in time order."""
    return store.entries_with_ids(ids)


def count_entries(
    store: JournalStore,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    types: Sequence[str] | None = None,
    person: str | None = None,
    tag: str | None = None,
    text: str | None = None,
    tool: str | None = None,
    purpose: str | None = None,
    skill: str | None = None,
) -> int:
    """How many entries `entries` finds with the same filters and no limit."""
    return store.count_timeline(
        **_timeline_filter(since, until, types, person, tag, text),
        **_ai_filter(store, tool, purpose, skill),
    )


def entry_minutes(
    store: JournalStore,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    types: Sequence[str] | None = None,
    person: str | None = None,
    tag: str | None = None,
    text: str | None = None,
    tool: str | None = None,
    purpose: str | None = None,
    skill: str | None = None,
) -> tuple[int, int]:
    """(AI minutes, people minutes) of what `entries` finds with the same filters, no limit."""
    return store.timeline_minutes(
        **_timeline_filter(since, until, types, person, tag, text),
        **_ai_filter(store, tool, purpose, skill),
    )


def _ai_filter(
    store: JournalStore, tool: str | None, purpose: str | None, skill: str | None
) -> dict[str, Any]:
    return {
        "tools": tool_spellings(store, tool) if tool is not None else None,
        "purpose": purpose,
        "skill": skill,
    }


def _timeline_filter(
    since: dt.datetime | None,
    until: dt.datetime | None,
    types: Sequence[str] | None,
    person: str | None,
    tag: str | None,
    text: str | None,
) -> dict[str, Any]:
    """The store's timeline filter: instants as timestamps, no types meaning every type."""
    from journal.models import TIMELINE_TYPES

    return {
        "since": since.timestamp() if since else None,
        "until": until.timestamp() if until else None,
        "types": types or TIMELINE_TYPES,
        "person": person,
        "tag": tag,
        "text": text,
    }


def report(
    store: JournalStore, *, since: dt.date, until: dt.date, by: Sequence[str] = ()
) -> Report:
    """AI and people time of the days since..until (inclusive), grouped (journal.report)."""
    from journal import report as rp
    from journal.models import AISession, Interaction

    return rp.build(
        store.entries_between(AISession, since, until),
        store.entries_between(Interaction, since, until),
        since=since,
        until=until,
        by=tuple(by),
    )


def get_entry(store: JournalStore, id_prefix: str) -> Entry:
    table, row_id = store.find(id_prefix)
    entry = store.entry(table, row_id)
    assert entry is not None
    return entry


def checkin_on(store: JournalStore, day: dt.date) -> CheckIn | None:
    """The day's check-in, if there is one."""
    return store.checkin_on(day)


def unclassified_count(store: JournalStore) -> int:
    """How many AI sessions still have no purpose."""
    return store.unclassified_count()


def unclassified_ai(store: JournalStore) -> list[AISession]:
    """The AI sessions still waiting for a purpose, newest first."""
    return store.unclassified_ai()


def classified_ai_since(
    store: JournalStore, since: dt.datetime
) -> list[tuple[float, int, str, str, str | None]]:
    """(ts, minutes, tool, purpose, source) of the AI sessions given a purpose that started at
    or after `since`, oldest first."""
    return store.classified_ai_since(since.timestamp())


def classify_sessions(store: JournalStore, purposes: Mapping[str, str], label: str) -> int:
    """Give several AI sessions (by full id) a purpose each, in one write and one undo step;
    returns how many. Nothing is written when there is nothing to give."""
    for purpose in purposes.values():
        _check_choice(purpose, vocab.PURPOSES, "purpose")
    if not purposes:
        return 0
    with store.write(f"{label} ({len(purposes)})"):
        for session_id, purpose in purposes.items():
            store.update("ai_session", session_id, {"purpose": purpose})
    return len(purposes)


def tools(store: JournalStore) -> list[str]:
    """The tools used before, most used first (for completion): "claude" and "Claude" are one
    tool (journal.names.key, the rule for people's names), shown as first written."""
    from journal.names import key

    folded: dict[str, list[Any]] = {}  # key -> [first spelling, sessions, last ts]
    for tool, count, _first, last in store.tool_uses():
        slot = folded.setdefault(key(tool), [tool, 0, last])
        slot[1] += count
        slot[2] = max(slot[2], last)
    return [s[0] for s in sorted(folded.values(), key=lambda s: (-s[1], -s[2]))]


def tool_spellings(store: JournalStore, name: str) -> list[str]:
    """Every spelling of the tool `name` names, ignoring case ("claude" finds "Claude")."""
    from journal.names import key

    wanted = key(name)
    return [tool for tool in store.tool_spellings() if key(tool) == wanted]


def person_names(store: JournalStore) -> list[str]:
    """The roster's names in name order (for completion)."""
    return [person.name for person in store.people()]


def people(store: JournalStore) -> list[tuple[Person, dict[str, Any]]]:
    """The roster with each person's contact statistics."""
    stats = store.contact_stats()
    empty = {"count": 0, "minutes": 0, "last_day": None, "mean_quality": None, "first_day": None}
    return [(p, stats.get(p.id, empty)) for p in store.people()]


def known_names(db: str, what: str) -> list[str]:
    """The tools ("tools", most used first) or people ("people") the journal at `db` knows, for
    shell completion: read only, and a journal that does not exist is not created (nothing is
    known). Any problem with the file completes nothing rather than showing an error mid-line."""
    if not os.path.isfile(db):
        return []
    import sqlite3

    from journal.store import JournalStore

    try:
        with JournalStore.open(db, create=False) as store:
            return tools(store) if what == "tools" else person_names(store)
    except (JournalError, sqlite3.Error, OSError):
        return []


def set_relation(store: JournalStore, name: str, relation: str) -> Person:
    _check_choice(relation, vocab.RELATIONS, "relation")
    person = store.person_by_name(name)
    if person is None:
        raise NotFound(f"person {name!r} is not on the roster; `aijournal people` lists it")
    with store.write(f"set {person.name} as {relation}"):
        store.update("person", person.id, {"relation": relation})
    found = store.entry(type(person), person.id)
    assert found is not None
    return found


def today_status(store: JournalStore, now: dt.datetime) -> dict[str, Any]:
    """Today's counts per entry type, the running timer, and what is not logged yet."""
    counts = store.counts_on(now.date().isoformat())
    missing = [
        label
        for table, label in (
            ("ai_session", "ai"),
            ("interaction", "people"),
            ("energy", "energy"),
            ("checkin", "check-in"),
        )
        if not counts.get(table)
    ]
    return {
        "day": now.date().isoformat(),
        "counts": counts,
        "timer": timer(store),
        "missing": missing,
    }


def prompt_line(status: dict[str, Any], now: dt.datetime) -> str:
    """One short line for a shell prompt: what is not logged yet today."""
    timer_part = ""
    if status["timer"] is not None:
        state = status["timer"]
        minutes = int((now - dt.datetime.fromisoformat(state["started_at"])).total_seconds() // 60)
        timer_part = f"⏱ {state['tool']} {minutes}m "
    if not status["missing"]:
        return f"{timer_part}aij ✓".strip()
    return f"{timer_part}aij: {' '.join(status['missing'])}?"


def status_line(store: JournalStore, now: dt.datetime) -> str:
    return prompt_line(today_status(store, now), now)


# --- editing -----------------------------------------------------------------------------------

EDITABLE = {
    "ai_session": {
        "tool",
        "minutes",
        "purpose",
        "instead_of_person",
        "skill",
        "at",
        "note",
        "tags",
    },
    "interaction": {
        "people",
        "minutes",
        "kind",
        "channel",
        "quality",
        "initiated",
        "at",
        "note",
        "tags",
    },
    "energy": {"level", "at", "note", "tags"},
    "checkin": {"trust_ai", "trust_team", "connection", "note", "tags"},
    "who5": {"items", "note", "tags"},
}

ENTRY_NAMES = TYPE_NAMES


def edit_entry(store: JournalStore, id_prefix: str, changes: dict[str, Any]) -> Entry:
    """Change fields of one entry; values already parsed. Refuses fields the type lacks."""
    table, row_id = store.find(id_prefix, tables=tuple(EDITABLE))
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        raise BadInput("edit needs at least one field option, such as --minutes 30 or --note")
    wrong = sorted(set(changes) - EDITABLE[table])
    if wrong:
        raise BadInput(
            f"{ENTRY_NAMES[table]} has no field {wrong[0]!r}; editable: "
            f"{', '.join(sorted(EDITABLE[table]))}"
        )
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "minutes":
            values["minutes"] = _check_range(value, 1, MAX_MINUTES, "minutes")
        elif name in ("quality", "level", "trust_ai", "trust_team", "connection"):
            values[name] = _check_range(value, 1, 5, name.replace("_", " "))
        elif name == "purpose":
            values[name] = _check_choice(value, vocab.PURPOSES, "purpose")
        elif name == "kind":
            values[name] = _check_choice(value, vocab.KINDS, "kind")
        elif name == "channel":
            values[name] = _check_choice(value, vocab.CHANNELS, "channel")
        elif name in ("instead_of_person", "initiated"):
            values[name] = int(bool(value))
        elif name == "at":
            values.update(timed(value))
            values["started_at" if table == "ai_session" else "at"] = value.astimezone().isoformat()
        elif name == "tags":
            values["tags"] = _tags_json(value)
        elif name == "items":
            import json

            if len(value) != 5:
                raise BadInput("WHO-5 needs five answers from 0 to 5")
            for item in value:
                _check_range(item, 0, 5, "WHO-5 answer")
            values["items"] = json.dumps(list(value))
        elif name == "note":
            values["note"] = value or None
        elif name != "people":
            values[name] = value
    with store.write(f"edit {table.replace('_', ' ')} {row_id[:8]}"):
        store.update(table, row_id, values)
        if "people" in changes:
            now = _clock()
            ids = store.ensure_people(changes["people"], lambda n: person_row(n, now=now))
            store.set_people(row_id, ids)
    entry = store.entry(table, row_id)
    assert entry is not None
    return entry


def delete_entry(store: JournalStore, id_prefix: str) -> Entry:
    table, row_id = store.find(id_prefix, tables=tuple(EDITABLE))
    entry = store.entry(table, row_id)
    with store.write(f"delete {table.replace('_', ' ')} {row_id[:8]}"):
        store.soft_delete(table, row_id)
    assert entry is not None
    return entry


def undo(store: JournalStore) -> str:
    """Revert the last write; returns what it was."""
    return store.undo()


def backup(store: JournalStore, target: str | None, now: dt.datetime) -> str:
    """A consistent copy of the journal (SQLite backup API), created 0600.

    `target` is a new file or an existing folder (default: the journal's folder); it must not be
    the journal, a file SQLite keeps beside it, or anything that exists already.
    """
    name = f"journal-backup-{now.strftime('%Y%m%d-%H%M%S')}.db"
    if target is not None and not target.strip():
        raise BadInput(f"backup target {target!r} is empty; accepted: a new file path or a folder")
    given = os.path.join(os.path.dirname(store.path), name) if target is None else target
    path = os.path.abspath(os.path.expanduser(given))
    if os.path.isdir(path):
        path = os.path.join(path, name)
    elif given.endswith(("/", os.sep, f"{os.sep}.", f"{os.sep}..")) or given in (".", ".."):
        raise BadInput(
            f"backup target {given!r} is a folder that does not exist; accepted: a "
            "new file path or an existing folder"
        )
    path = check_output(store.path, path, "backup target")
    import sqlite3

    try:
        store.backup_to(path)
    except OSError as err:  # the file could not be created there: nothing was written
        raise BadInput(
            f"backup target {path!r} cannot be written ({err.strerror}); accepted: a "
            "new file in a folder you can write to; nothing was written"
        ) from None
    except sqlite3.Error as err:  # created (O_EXCL), then the copy failed: remove the part
        _remove_partial(path)
        raise JournalError(
            f"backup target {path!r} could not be written ({err}); nothing was kept"
        ) from None
    return path


def _remove_partial(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


# --- output paths: the journal is never an output ------------------------------------------

# Files SQLite keeps beside a database: its write-ahead log, shared memory and rollback journal.
SIDE_FILES = {
    "": "the journal",
    "-wal": "the journal's write-ahead log",
    "-shm": "the journal's shared-memory file",
    "-journal": "the journal's rollback journal",
}
# The first bytes of a SQLite database and of a SQLite write-ahead log (both byte orders).
DATABASE_MAGIC = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def check_output(journal: str, target: str, what: str, *, replace: bool = False) -> str:
    """Refuse an output path that is (or would land on) the journal, its side files or a backup.

    `journal` is the journal's path, `target` the absolute output path and `what` how the user
    named it in messages (`backup target`, `-o`). Compared after following symlinks, `..` and
    relative parts, and by device and inode when the file exists (hard links). With `replace`,
    an existing regular file may be replaced, unless it is a SQLite database or log (a journal
    or a backup of one: exports never replace those); without it, nothing existing is accepted.
    Returns `target`; raises BadInput naming the path, having changed nothing.
    """
    import stat

    from journal.paths import file_kind

    if "\0" in target:
        raise BadInput(f"{what} {target!r} holds a NUL character; accepted: a file path")
    real = os.path.normcase(os.path.realpath(target))
    try:
        found = os.stat(target)
    except (OSError, ValueError):
        found = None
    for base in dict.fromkeys((journal, os.path.realpath(journal))):
        for suffix, role in SIDE_FILES.items():
            side = base + suffix
            same = real == os.path.normcase(os.path.realpath(side))
            if not same and found is not None:
                try:
                    there = os.stat(side)
                except OSError:
                    continue
                same = (there.st_dev, there.st_ino) == (found.st_dev, found.st_ino)
            if same:
                named = "" if side == target else f" ({side!r})"
                raise BadInput(
                    f"{what} {target!r} is {role}{named}; accepted: a new file "
                    "outside the journal's own files; nothing was written"
                )
    if found is None:
        if os.path.lexists(target):
            raise BadInput(
                f"{what} {target!r} is a symbolic link to a missing file "
                f"({os.path.realpath(target)!r}); accepted: a new file path"
            )
        if not os.path.isdir(os.path.dirname(target)):
            raise BadInput(
                f"{what} {target!r} is in a folder that does not exist; accepted: a "
                "path in an existing folder"
            )
        return target
    if stat.S_ISDIR(found.st_mode):
        raise BadInput(f"{what} {target!r} is a folder; accepted: a file path")
    kind = file_kind(found.st_mode)
    if kind is not None:
        raise BadInput(f"{what} {target!r} is a {kind}, not a file; accepted: a new file path")
    if not replace:
        raise BadInput(f"{what} {target!r} exists already; accepted: a new file path or a folder")
    try:
        with open(target, "rb") as handle:  # a regular file, never the journal (checked above)
            head = handle.read(16)
    except OSError:
        head = b""
    if head.startswith(DATABASE_MAGIC):
        raise BadInput(
            f"{what} {target!r} is a SQLite database (a journal or a backup of one); "
            "an export never replaces one; accepted: another file name"
        )
    return target


def is_empty(store: JournalStore) -> bool:
    return store.first_day() is None and not store.people()
