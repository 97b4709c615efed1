"""The ActivityWatch reader of `aijournal sync`: web-tab and window time on AI, minus time away.

Three layouts are read, the kind told by the file's content:
- the bucket export ("Export all buckets as JSON" in the web UI, or `aw-client`):
  `{"buckets": {id: {"id", "type", "client", "hostname", "created", "events": [{"id",
  "timestamp" (ISO 8601), "duration" (seconds), "data"}]}}}`;
- aw-server-rust's `sqlite.db`: `buckets` (id, name = the bucket id, type, hostname ...) and
  `events` (id, bucketrow -> buckets.id, starttime and endtime in nanoseconds since 1970, data
  as JSON text);
- aw-server's (Python) `peewee-sqlite.v2.db`: `bucketmodel` (key, id, type, hostname ...) and
  `eventmodel` (id, bucket_id -> bucketmodel.key, timestamp as ISO text, duration in seconds,
  datastr as JSON text).

Used: events of `web.tab.current` buckets (data.url) on AI hosts and of `currentwindow` buckets
(data.app) of AI desktop apps (APPS), minus the spans of `afkstatus` events whose data.status is
"afk" on the same machine. Touching pieces of one tool and host join into one Captured, keyed by
its bucket and first event id; titles only with keep_titles; URLs never.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

# The orchestrator imports this module for default_paths on every sync, most often to find that
# nothing changed: what reading needs (journal.sync.captured's dataclasses, the copying of
# _sqlite) is imported when a file is read.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.sync.captured import Reading

NAMES = ("activitywatch",)
WEB, WINDOW, AFK = "web.tab.current", "currentwindow", "afkstatus"
TYPES = (WEB, WINDOW, AFK)
SLACK = 5.0  # pieces of one tool this close (seconds) are one stretch of use
REREAD = 60 * 60  # events are re-read from an hour before the last one (heartbeats grow them)
MAX_EXPORT = 2 * 1024**3  # an export larger than this is not loaded
# AI desktop apps, by their window's app name (lower case, without .exe / .app).
APPS = {
    "chatgpt": "ChatGPT",
    "claude": "Claude",
    "copilot": "Copilot",
    "microsoft copilot": "Copilot",
    "microsoft.copilot": "Copilot",
    "perplexity": "Perplexity",
    "poe": "Poe",
    "le chat": "Le Chat",
    "deepseek": "DeepSeek",
    "gemini": "Gemini",
}


class Event(NamedTuple):
    bucket: str
    kind: str
    hostname: str
    id: str
    start: float
    end: float
    data: dict[str, Any]


def default_paths(name: str, home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    """aw-server-rust's database, then aw-server's (Python), in the platform's data folder."""
    if platform == "darwin":
        base = home / "Library" / "Application Support" / "activitywatch"
        python_base = base
    elif platform == "win32":
        roaming, local = env.get("APPDATA"), env.get("LOCALAPPDATA")
        base = (Path(roaming) if roaming else home / "AppData" / "Roaming") / "activitywatch"
        python_base = (
            (Path(local) if local else home / "AppData" / "Local") / "activitywatch"
        ) / "activitywatch"
    else:
        data = env.get("XDG_DATA_HOME")
        base = (Path(data) if data else home / ".local" / "share") / "activitywatch"
        python_base = base
    return [
        base / "aw-server-rust" / "sqlite.db",
        python_base / "aw-server" / "peewee-sqlite.v2.db",
    ]


def read(
    name: str,
    path: Path,
    *,
    since: float | None,
    state: Mapping[str, Any],
    hosts: Mapping[str, str],
    keep_titles: bool,
) -> Reading:
    """The AI use in one ActivityWatch database or export. `state` holds the file's stamp (an
    unchanged file is told by stat() alone) and the time the next read starts from (the start of
    the earliest stretch that may still grow)."""
    from journal.sync.captured import Captured, Reading, stamp

    mark = stamp(path)
    if state.get("stamp") == mark:
        return Reading([], dict(state), {}, unchanged=True)
    resume = state.get("resume")
    floor = max(
        (x for x in (since, resume) if isinstance(x, int | float) and not isinstance(x, bool)),
        default=None,
    )
    skipped: dict[str, int] = {}
    try:
        events = list(_events(path, floor))
    except (sqlite3.Error, OSError, ValueError, RecursionError):
        return Reading([], dict(state), {"unreadable files": 1})
    pieces = _pieces(events, hosts, keep_titles, skipped)
    stretches = _join(pieces)
    latest = max((e.end for e in events), default=None)
    new_resume = resume if isinstance(resume, int | float) else None
    if latest is not None:
        open_from = latest - REREAD
        new_resume = min((c.start for c in stretches if c.end >= open_from), default=open_from)
    captured = [
        Captured(name, c.key, c.tool, c.start, c.end, c.context, c.title)
        for c in stretches
        if since is None or c.end >= since
    ]
    return Reading(captured, {"stamp": mark, "resume": new_resume}, skipped)


# --- reading the three layouts -----------------------------------------------------------------


def _events(path: Path, floor: float | None) -> Iterator[Event]:
    from journal.sync._sqlite import is_sqlite, opened

    if is_sqlite(path):
        with opened(path) as db:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if {"buckets", "events"} <= tables:
                yield from _rust(db, floor)
            elif {"bucketmodel", "eventmodel"} <= tables:
                yield from _peewee(db, floor)
            else:
                raise ValueError("no ActivityWatch tables")
        return
    if path.stat().st_size > MAX_EXPORT:
        raise ValueError("export too large")
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    yield from _export(document, floor)


def _rust(db: sqlite3.Connection, floor: float | None) -> Iterator[Event]:
    marks = ",".join("?" * len(TYPES))
    rows = db.execute(
        "SELECT b.name, b.type, b.hostname, e.id, e.starttime, e.endtime, e.data "
        "FROM events e JOIN buckets b ON b.id = e.bucketrow "
        f"WHERE b.type IN ({marks}) AND e.endtime >= ?",
        [*TYPES, int(floor * 1e9) if floor is not None else -(2**63)],
    )
    for bucket, kind, hostname, event_id, start, end, data in rows:
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        yield Event(
            str(bucket), kind, str(hostname), str(event_id), start / 1e9, end / 1e9, _data(data)
        )


def _peewee(db: sqlite3.Connection, floor: float | None) -> Iterator[Event]:
    marks = ",".join("?" * len(TYPES))
    rows = db.execute(
        "SELECT b.id, b.type, b.hostname, e.id, e.timestamp, e.duration, e.datastr "
        "FROM eventmodel e JOIN bucketmodel b ON b.key = e.bucket_id "
        f"WHERE b.type IN ({marks})",
        list(TYPES),
    )
    for bucket, kind, hostname, event_id, timestamp, duration, data in rows:
        event = _event(str(bucket), kind, str(hostname), event_id, timestamp, duration, data)
        if event is not None and (floor is None or event.end >= floor):
            yield event


def _export(document: object, floor: float | None) -> Iterator[Event]:
    buckets = document.get("buckets") if isinstance(document, dict) else None
    if not isinstance(buckets, dict):
        raise ValueError("not an ActivityWatch export")
    for key, bucket in buckets.items():
        if not isinstance(bucket, dict) or bucket.get("type") not in TYPES:
            continue
        events = bucket.get("events")
        for n, item in enumerate(events if isinstance(events, list) else []):
            if not isinstance(item, dict):
                continue
            event = _event(
                str(bucket.get("id") or key),
                bucket["type"],
                str(bucket.get("hostname") or ""),
                item.get("id", f"n{n}"),
                item.get("timestamp"),
                item.get("duration"),
                item.get("data"),
            )
            if event is not None and (floor is None or event.end >= floor):
                yield event


def _event(
    bucket: str,
    kind: str,
    hostname: str,
    event_id: object,
    timestamp: object,
    duration: object,
    data: object,
) -> Event | None:
    start = _iso(timestamp)
    try:
        seconds = float(duration)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if start is None or not 0 <= seconds < 10 * 86400:
        return None
    return Event(bucket, kind, hostname, str(event_id), start, start + seconds, _data(data))


def _iso(value: object) -> float | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        return moment.timestamp()
    except (OverflowError, OSError, ValueError):
        return None


def _data(value: object) -> dict[str, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return {}
    return value if isinstance(value, dict) else {}


# --- from events to stretches of use -----------------------------------------------------------


class _Piece(NamedTuple):
    key: str
    tool: str
    start: float
    end: float
    context: str | None
    title: str | None
    bucket: str


def _app(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    name = value.strip().lower()
    for suffix in (".exe", ".app"):
        name = name.removesuffix(suffix)
    return APPS.get(name)


def _pieces(
    events: list[Event], hosts: Mapping[str, str], keep_titles: bool, skipped: dict[str, int]
) -> list[_Piece]:
    from journal.sync.captured import ai_host, host_of

    away: dict[str, list[tuple[float, float]]] = {}
    for event in events:
        if event.kind == AFK and event.data.get("status") == "afk" and event.end > event.start:
            away.setdefault(event.hostname, []).append((event.start, event.end))
    every = _merged([span for spans in away.values() for span in spans])
    for machine, spans in away.items():
        away[machine] = _merged(spans)
    pieces: list[_Piece] = []
    for event in events:
        if event.kind == WEB:
            url = event.data.get("url")
            host = ai_host(host_of(url), hosts) if isinstance(url, str) else None
            tool = hosts[host] if host else None
            context = host
        elif event.kind == WINDOW:
            tool = _app(event.data.get("app"))
            context = "desktop app"
        else:
            continue
        if tool is None:
            continue
        if event.end <= event.start:
            _count(skipped, "events of no length")
            continue
        title = event.data.get("title") if keep_titles else None
        title = " ".join(title.split())[:500] or None if isinstance(title, str) else None
        left = _minus((event.start, event.end), away.get(event.hostname, every))
        if not left:
            _count(skipped, "events while away")
        elif sum(b - a for a, b in left) < event.end - event.start:
            _count(skipped, "events cut for time away")
        for n, (start, end) in enumerate(left):
            key = f"{event.bucket}:{event.id}" + (f":{n}" if n else "")
            pieces.append(_Piece(key, tool, start, end, context, title, event.bucket))
    return pieces


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sorted, overlapping spans joined: disjoint and in order, so ends are sorted too."""
    merged: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _minus(span: tuple[float, float], away: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """span without the away spans (disjoint, in order)."""
    start, end = span
    left: list[tuple[float, float]] = []
    first = bisect.bisect_right(away, start, key=lambda s: s[1])
    for a, b in away[first:]:
        if b <= start:
            continue
        if a >= end:
            break
        if a > start:
            left.append((start, a))
        start = max(start, b)
        if start >= end:
            break
    if start < end:
        left.append((start, end))
    return left


def _join(pieces: list[_Piece]) -> list[_Piece]:
    """Pieces of one tool, host and bucket that touch (within SLACK) as one, keyed by the
    first."""
    joined: list[_Piece] = []
    last: dict[tuple[str, str | None, str], int] = {}
    for piece in sorted(pieces, key=lambda p: (p.start, p.key)):
        group = (piece.tool, piece.context, piece.bucket)
        at = last.get(group)
        if at is not None and piece.start <= joined[at].end + SLACK:
            prior = joined[at]
            joined[at] = _Piece(
                prior.key,
                prior.tool,
                prior.start,
                max(prior.end, piece.end),
                prior.context,
                prior.title or piece.title,
                prior.bucket,
            )
            continue
        last[group] = len(joined)
        joined.append(piece)
    return joined


def _count(skipped: dict[str, int], reason: str, n: int = 1) -> None:
    skipped[reason] = skipped.get(reason, 0) + n
