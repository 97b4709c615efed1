"""`aijournal sync`: read every enabled source, merge its traces into sessions, write what is new.

Each source has a reader (a module with NAMES, default_paths and read; see journal.sync.captured)
and a cursor in the journal (table sync_state: where it was read up to, written in the same
transaction as the rows it read). A path whose size and time did not change since the cursor is
not opened at all, so a sync with nothing new costs a few stat() calls.

Intervals of one tool that overlap, or lie within MERGE_GAP of each other, become one session:
from different sources always (a tab in the browser history and in ActivityWatch), from one
source when they share a context (two Claude Code sessions of different projects at once stay
two). A captured interval that overlaps a session an earlier sync wrote merges into it: the
session grows in place (same id) instead of being added twice. A session belongs to the day it
starts, across midnight too. Sessions arrive unclassified, with the source string
`sync:<source>:<context or ->:<key>`; titles are kept (as the note) only when asked.

The calendar source is different: a vdir folder of .ics files (or one .ics) re-read with the
calendar import's rules and its dedupe, adding meetings.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from journal.errors import BadInput, JournalError
from journal.sync.config import Config

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.sync.captured import Captured

MERGE_GAP = 5 * 60  # seconds: traces this close are one session
CALENDAR = "calendar"
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC).timestamp()


# Records below are NamedTuples and plain classes, not dataclasses: importing dataclasses (and
# inspect with it) would cost a sync with nothing new a fifth of its time (bench/sync.py).
class Source(NamedTuple):
    name: str
    label: str  # as the user reads it
    module: str  # the reader's module ("" for the calendar, which the ics importer reads)


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source("claude-code", "Claude Code", "journal.sync.claudecode"),
        Source("codex", "Codex CLI", "journal.sync.codex"),
        Source("chrome", "Chrome", "journal.sync.browser"),
        Source("chromium", "Chromium", "journal.sync.browser"),
        Source("brave", "Brave", "journal.sync.browser"),
        Source("edge", "Edge", "journal.sync.browser"),
        Source("firefox", "Firefox", "journal.sync.browser"),
        Source("activitywatch", "ActivityWatch", "journal.sync.activitywatch"),
        Source(CALENDAR, "Calendar folder", ""),
    )
}


class SourceResult:
    def __init__(self, name: str, label: str) -> None:
        self.name = name
        self.label = label
        self.added = 0
        self.updated = 0
        self.merged = 0  # sessions folded into another one
        self.skipped: Counter[str] = Counter()
        self.problems: list[str] = []
        self.unchanged = False
        self.noun = "sessions"

    def __repr__(self) -> str:
        return f"SourceResult({self.name!r}: {self.summary()})"

    def summary(self) -> str:
        if self.unchanged:
            return "nothing new"
        parts = [f"{self.added} {_counted(self.added, self.noun)} added"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.merged:
            parts.append(f"{self.merged} merged")
        reasons = ", ".join(f"{n} {r}" for r, n in self.skipped.most_common() if n)
        return ", ".join(parts) + (f" · skipped: {reasons}" if reasons else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.name,
            "added": self.added,
            "updated": self.updated,
            "merged": self.merged,
            "skipped": dict(self.skipped.most_common()),
            "problems": list(self.problems),
            "unchanged": self.unchanged,
            "kind": self.noun,
        }


class SyncResult:
    def __init__(self, sources: list[SourceResult], dry_run: bool = False) -> None:
        self.sources = sources
        self.dry_run = dry_run

    @property
    def added(self) -> int:
        return sum(s.added for s in self.sources)

    @property
    def updated(self) -> int:
        return sum(s.updated for s in self.sources)


def _counted(n: int, noun: str) -> str:
    return noun[:-1] if n == 1 and noun.endswith("s") else noun


# --- where the sources are -----------------------------------------------------------------------


def reader(source: Source) -> Any | None:
    """The source's reader module, or None when this build has none."""
    import importlib

    try:
        return importlib.import_module(source.module)
    except ModuleNotFoundError as err:
        if err.name and source.module.startswith(err.name):
            return None
        raise


def calendar_defaults(home: Path, env: Mapping[str, str]) -> list[Path]:
    """Where vdirsyncer and khal users usually keep their calendars."""
    data = Path(env.get("XDG_DATA_HOME", "").strip() or home / ".local" / "share")
    return [home / ".calendars", data / "calendars", data / "vdirsyncer" / "calendars"]


def candidate_paths(
    source: Source, config: Config, home: Path, env: Mapping[str, str]
) -> list[str] | None:
    """The paths a source is read from: the configured ones, else its default places (None
    when this build has no reader for it)."""
    chosen = config.sources.get(source.name)
    if chosen is not None and chosen.paths:
        return [os.path.abspath(os.path.expanduser(p)) for p in chosen.paths]
    if source.name == CALENDAR:
        return [str(p) for p in calendar_defaults(home, env)]
    module = reader(source)
    if module is None:
        return None
    return [str(p) for p in module.default_paths(source.name, home, env, sys.platform)]


class Found(NamedTuple):
    source: Source
    paths: list[str]  # those that exist
    enabled: bool
    available: bool  # this build can read it


def discover(config: Config, home: Path | None = None, env: Mapping[str, str] | None = None):
    """Every known source: where it was found on this machine, and whether it is enabled."""
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or os.path.expanduser("~")) if home is None else home
    found: list[Found] = []
    for source in SOURCES.values():
        paths = candidate_paths(source, config, home, env)
        chosen = config.sources.get(source.name)
        found.append(
            Found(
                source,
                [p for p in paths or () if os.path.exists(p)],
                bool(chosen and chosen.enabled),
                paths is not None,
            )
        )
    return found


def known(name: str) -> Source:
    source = SOURCES.get(name)
    if source is None:
        raise BadInput(f"source {name!r} is not known; accepted: {', '.join(SOURCES)}")
    return source


# --- the sync ---------------------------------------------------------------------------------


def sync(
    store: Any,
    config: Config,
    *,
    dry_run: bool = False,
    since: dt.datetime | None = None,
    sources: Sequence[str] | None = None,
    keep_titles: bool | None = None,
    now: dt.datetime | None = None,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> SyncResult:
    """Read the enabled sources (or those named, which must be enabled), one transaction each.
    With `since`, the cursors are set aside and each source is read again from then."""
    from journal.clock import now as clock_now

    now = now or clock_now()
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or os.path.expanduser("~")) if home is None else home
    enabled = config.enabled()
    chosen = list(dict.fromkeys(sources)) if sources else [n for n in SOURCES if n in enabled]
    for name in chosen:
        known(name)
        if name not in enabled:
            raise BadInput(
                f"source {name!r} is not enabled, so it is not read; "
                f"`aijournal sources enable {name}` enables it"
            )
    states = _states(store)
    keep = config.keep_titles if keep_titles is None else keep_titles
    results = []
    for name in chosen:
        source = SOURCES[name]
        result = SourceResult(name, source.label)
        paths = candidate_paths(source, config, home, env)
        old = {} if since is not None else states.get(name, {})
        if paths is None:
            result.problems.append(f"{source.label}: this version of aijournal cannot read it yet")
        elif name == CALENDAR:
            _sync_calendar(store, config, result, paths, old, dry_run=dry_run, since=since)
        else:
            reading = _read(source, paths, old, result, since=since, hosts=config.hosts, keep=keep)
            if reading is not None:
                captured, state = reading
                _write(store, result, captured, state, dry_run=dry_run, now=now, keep=keep)
        results.append(result)
    return SyncResult(results, dry_run)


def _states(store: Any) -> dict[str, dict[str, Any]]:
    states: dict[str, dict[str, Any]] = {}
    for name, text in store.sync_states().items():
        try:
            value = json.loads(text)
        except ValueError:
            continue  # a damaged cursor: the source is read again whole
        if isinstance(value, dict):
            states[name] = value
    return states


def signature(path: str) -> list[int] | None:
    """Size and time of a file (and of its SQLite write-ahead log): when they match the cursor,
    nothing was written since. None for a folder: its reader looks inside."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if os.path.isdir(path):
        return None
    mark = [info.st_mtime_ns, info.st_size]
    try:
        wal = os.stat(path + "-wal")
        mark += [wal.st_mtime_ns, wal.st_size]
    except OSError:
        pass
    return mark


def _read(
    source: Source,
    paths: list[str],
    old: dict[str, Any],
    result: SourceResult,
    *,
    since: dt.datetime | None,
    hosts: Mapping[str, str],
    keep: bool,
) -> tuple[list[Captured], dict[str, Any]] | None:
    """The intervals of every path of a source and its new cursor; None when nothing changed.
    `hosts`: the user's own AI hosts, added to the known ones."""
    before = old.get("paths", {})
    state: dict[str, Any] = {"paths": {}}
    captured: list[Captured] = []
    since_ts = since.timestamp() if since is not None else None
    module = None
    every: dict[str, str] | None = None  # the AI hosts, the user's added
    for path in paths:
        entry = before.get(path, {})
        if not os.path.exists(path):
            continue
        mark = signature(path)
        if mark is not None and entry.get("stat") == mark:
            state["paths"][path] = entry
            continue
        module = module or reader(source)
        if module is None:
            break
        told = getattr(module, "unchanged", None)  # a folder: its reader tells by stat() alone
        kept = entry.get("reader")
        if mark is None and told is not None and isinstance(kept, dict) and told(Path(path), kept):
            state["paths"][path] = entry
            continue
        if every is None:
            from journal.sync.captured import AI_HOSTS

            every = {**AI_HOSTS, **hosts}
        try:
            reading = module.read(
                source.name,
                Path(path),
                since=since_ts,
                state=entry.get("reader", {}),
                hosts=every,
                keep_titles=keep,
            )
        except JournalError as err:
            result.problems.append(str(err))
            continue
        state["paths"][path] = {"stat": mark, "reader": reading.state}
        for reason, n in reading.skipped.items():
            result.skipped[reason] += n
        if not reading.unchanged:
            captured += reading.captured
    if not state["paths"] and not result.problems:
        result.problems.append(f"{source.label}: not found at {', '.join(paths)}")
    if state == old and not captured:
        result.unchanged = True
        return None
    return captured, state


# --- intervals into sessions -------------------------------------------------------------------


class Group:
    """One session to be: overlapping intervals of a tool, as their union."""

    __slots__ = ("source", "tool", "context", "key", "start", "end", "title")

    def __init__(
        self,
        source: str,
        tool: str,
        context: str | None,
        key: str,
        start: float,
        end: float,
        title: str | None,
    ) -> None:
        self.source = source
        self.tool = tool
        self.context = context
        self.key = key
        self.start = start
        self.end = end
        self.title = title

    def __repr__(self) -> str:
        return f"Group({self.source_string!r}, {self.tool!r}, {self.start}-{self.end})"

    @property
    def source_string(self) -> str:
        return f"sync:{self.source}:{_field(self.context) or '-'}:{self.key}"


def _field(value: str | None) -> str:
    """A context as one field of the source string: its ':' (and '%') escaped."""
    return (value or "").replace("%", "%25").replace(":", "%3A")


def merge(captured: Sequence[Captured], gap: float = MERGE_GAP) -> list[Group]:
    """The union of one source's intervals of a tool and context that overlap or lie within
    `gap` of each other, in time order."""
    groups: list[Group] = []
    open_: dict[tuple[str, str | None], Group] = {}
    for item in sorted(captured, key=lambda c: (c.start, c.end, c.key)):
        lane = (item.tool, item.context)
        current = open_.get(lane)
        if current is not None and item.start <= current.end + gap:
            current.end = max(current.end, item.end)
            current.title = current.title or item.title
            continue
        group = Group(
            item.source, item.tool, item.context, item.key, item.start, item.end, item.title
        )
        open_[lane] = group
        groups.append(group)
    return groups


def _compatible(row: dict[str, Any], group: Group) -> bool:
    """May a journal session and a group be one session? Not when both come from one source
    but different contexts (two projects at once)."""
    source = row.get("source") or ""
    if not source.startswith("sync:"):
        return True
    _sync, name, context, _key = (source.split(":", 3) + ["", "", ""])[:4]
    return name != group.source or context == (_field(group.context) or "-")


def _minutes(start: float, end: float) -> int:
    from journal.importers._chat import minutes_between

    return minutes_between(start, end)


def _ts(row: dict[str, Any]) -> float:
    return float(row["ts"])


def _end(row: dict[str, Any]) -> float:
    return float(row["ts"]) + int(row["minutes"]) * 60


class _Plan:
    def __init__(self) -> None:
        self.inserts: list[Group] = []
        # by row id: a session two groups grew is updated once, to the last union
        self.updates: dict[str, tuple[dict[str, Any], float, float, str | None]] = {}
        self.removals: list[dict[str, Any]] = []
        self.skipped: Counter[str] = Counter()

    @property
    def writes(self) -> int:
        return len(self.inserts) + len(self.updates) + len(self.removals)


def plan(store: Any, groups: list[Group], *, keep: bool) -> _Plan:
    """What the groups do to the journal: a group that meets no session of its tool is added;
    one that meets sessions earlier syncs or imports wrote is merged into the first of them
    (grown in place, the others folded in); one that meets a session the user logged, edited
    or deleted leaves it as it is."""
    from journal.importers._chat import edited_by_user

    result = _Plan()
    rows: dict[str, list[dict[str, Any]]] = {}
    reach: dict[str, int] = {}  # the longest session of each tool, in seconds
    for tool in {g.tool for g in groups}:
        mine = [g for g in groups if g.tool == tool]
        found = store.ai_sessions_near(
            tool, min(g.start for g in mine) - MERGE_GAP, max(g.end for g in mine) + MERGE_GAP
        )
        edited = store.changed_outside_imports("ai_session", [r["id"] for r in found])
        for row in found:
            row["edited"] = row["id"] in edited
        rows[tool] = found
        reach[tool] = max((int(r["minutes"]) * 60 for r in found), default=0)
    for group in groups:
        lane = rows[group.tool]
        # Only a session starting at most the lane's longest session before can reach it.
        lo = bisect.bisect_left(lane, group.start - MERGE_GAP - reach[group.tool], key=_ts)
        hi = bisect.bisect_right(lane, group.end + MERGE_GAP, key=_ts)
        near = [
            r for r in lane[lo:hi] if _end(r) >= group.start - MERGE_GAP and _compatible(r, group)
        ]
        live = [r for r in near if r["deleted_at"] is None]
        if not live:
            if near:
                result.skipped["deleted by you"] += 1
                continue
            result.inserts.append(group)
            added = _virtual(group)
            bisect.insort(lane, added, key=_ts)
            reach[group.tool] = max(reach[group.tool], added["minutes"] * 60)
            continue
        if any(not r["source"] for r in live):
            result.skipped["logged by you"] += 1
            continue
        first = live[0]
        start = min([group.start, *(float(r["ts"]) for r in live)])
        end = max([group.end, *(_end(r) for r in live)])
        note = group.title if keep and not first["note"] and group.title else None
        same = (int(start), _minutes(start, end)) == (int(float(first["ts"])), first["minutes"])
        if len(live) == 1 and same and note is None:
            result.skipped["already there"] += 1
            continue
        if edited_by_user(first):
            result.skipped["edited by you"] += 1
            continue
        if first.get("virtual"):
            first["group"].start, first["group"].end = start, end
        else:
            result.updates[first["id"]] = (first, start, end, note)
        first["ts"], first["minutes"] = int(start), _minutes(start, end)
        reach[group.tool] = max(reach[group.tool], first["minutes"] * 60)
        for other in live[1:]:
            if not edited_by_user(other):
                other["deleted_at"] = "merged"
                if other.get("virtual"):
                    result.inserts.remove(other["group"])
                else:
                    result.updates.pop(other["id"], None)
                    result.removals.append(other)
    return result


def _virtual(group: Group) -> dict[str, Any]:
    """A session this sync is about to add, as the rows read from the journal look."""
    return {
        "id": None,
        "ts": int(group.start),
        "minutes": _minutes(group.start, group.end),
        "source": group.source_string,
        "note": group.title,
        "deleted_at": None,
        "edited": False,
        "created_at": "",
        "updated_at": "",
        "purpose": "unclassified",
        "virtual": True,
        "group": group,
    }


def _checked(captured: list[Captured], result: SourceResult, now: dt.datetime) -> list[Captured]:
    """The intervals a journal can hold: a reversed or implausible one, or one in the future,
    is counted and left out."""
    latest = now.timestamp()
    kept = []
    for item in captured:
        if not (EARLIEST <= item.start <= item.end) or item.end - item.start > 7 * 86_400:
            result.skipped["unreadable"] += 1
        elif item.start > latest:
            result.skipped["in the future"] += 1
        else:
            kept.append(item)
    return kept


def _write(
    store: Any,
    result: SourceResult,
    captured: list[Captured],
    state: dict[str, Any],
    *,
    dry_run: bool,
    now: dt.datetime,
    keep: bool,
) -> None:
    from journal.importers import NothingNew

    groups = merge(_checked(captured, result, now))
    if dry_run:
        _count(result, plan(store, groups, keep=keep) if groups else _Plan())
        return
    try:
        with store.write(f"import sync {result.name}"):
            planned = plan(store, groups, keep=keep) if groups else _Plan()
            _count(result, planned)
            if not planned.writes:
                raise NothingNew
            _apply(store, planned, now=now, keep=keep)
            store.set_sync_state(result.name, json.dumps(state), now.isoformat())
        return
    except NothingNew:
        pass
    with store.write(f"sync cursor {result.name}", undoable=False):
        store.set_sync_state(result.name, json.dumps(state), now.isoformat())


def _count(result: SourceResult, planned: _Plan) -> None:
    result.added += len(planned.inserts)
    result.updated += len(planned.updates)
    result.merged += len(planned.removals)
    result.skipped.update(planned.skipped)


def _at(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(seconds), dt.UTC).astimezone()


def _apply(store: Any, planned: _Plan, *, now: dt.datetime, keep: bool) -> None:
    from journal.service import ai_row

    store.insert_many(
        "ai_session",
        [
            ai_row(
                tool=group.tool,
                minutes=_minutes(group.start, group.end),
                at=_at(group.start),
                note=group.title if keep else None,
                source=group.source_string,
                now=now,
            )
            for group in planned.inserts
        ],
    )
    for old, start, end, note in planned.updates.values():
        fresh = ai_row(tool=old["tool"], minutes=_minutes(start, end), at=_at(start), now=now)
        changes = {c: fresh[c] for c in ("started_at", "ts", "day", "minutes")}
        if note is not None:
            changes["note"] = note
        store.update("ai_session", old["id"], changes, touch=False)
    for old in planned.removals:
        store.soft_delete("ai_session", old["id"])


# --- the calendar ------------------------------------------------------------------------------


def calendar_files(path: str) -> list[str]:
    """The .ics files of a vdir (one per event, in collection folders), or the one file."""
    if not os.path.isdir(path):
        return [path]
    found = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(folder, f) for f in sorted(files) if f.lower().endswith(".ics")]
    return found


def _calendar_mark(path: str) -> list[Any]:
    mark: list[Any] = []
    for file in calendar_files(path):
        try:
            info = os.stat(file)
        except OSError:
            continue
        mark.append([os.path.relpath(file, path), info.st_mtime_ns, info.st_size])
    return mark


def _sync_calendar(
    store: Any,
    config: Config,
    result: SourceResult,
    paths: list[str],
    old: dict[str, Any],
    *,
    dry_run: bool,
    since: dt.datetime | None,
) -> None:
    """Each calendar path read again when any of its files changed, with the ics import's
    rules (who the user is, what counts as a meeting) and its dedupe (each event once)."""
    result.noun = "meetings"
    before = old.get("paths", {})
    state: dict[str, Any] = {"paths": {}}
    me = config.source(CALENDAR).me
    present = [p for p in paths if os.path.exists(p)]
    if not present:
        result.problems.append(f"calendar: not found at {', '.join(paths)}")
    for path in present:
        mark = _calendar_mark(path)
        if before.get(path) == mark:
            state["paths"][path] = mark
            continue
        if not mark:
            result.problems.append(f"{path}: holds no .ics file")
            continue
        from journal.importers import ics

        try:
            found = ics.run(store, path, dry_run=dry_run, since=since, me=me)
        except JournalError as err:
            said = str(err)
            if "which attendee is you" in said:
                said = (
                    f"{path}: cannot tell which attendee is you; "
                    "`aijournal sources enable calendar --me you@example.com` says it"
                )
            result.problems.append(said)
            continue
        state["paths"][path] = mark
        result.added += found.added
        for reason, n in found.reasons.items():
            result.skipped[reason] += n
        result.problems += found.problems
    if state == old:
        result.unchanged = not result.problems
        return
    if not dry_run:
        stamp = dt.datetime.now(dt.UTC).isoformat()
        with store.write(f"sync cursor {result.name}", undoable=False):
            store.set_sync_state(result.name, json.dumps(state), stamp)
