"""The browser-history readers of `aijournal sync`: Chrome, Chromium, Brave, Edge and Firefox.

Chromium-family browsers keep a `History` SQLite file per profile (`urls`: id, url, title;
`visits`: id, url -> urls.id, visit_time and visit_duration in microseconds, times counted from
1601-01-01 UTC, the WebKit epoch). Firefox keeps `places.sqlite` (`moz_places`: id, url, title;
`moz_historyvisits`: id, place_id, visit_date in microseconds since 1970, no duration).

Only visits to AI hosts count. A visit lasts its `visit_duration` (capped at an hour: a tab left
open is not an hour of use); a visit with no duration (every Firefox visit, a Chromium visit whose
tab is still open) counts one minute, and visits to one host less than 10 minutes apart make one
session. One `Captured` per such cluster, keyed by its profile and first visit id. Titles and URLs
are never handed over; with keep_titles the first visit's page title is.

The browser is never locked nor waited for (journal.sync._sqlite.opened): a history is opened
`immutable`, or copied with its -wal/-journal to a private temporary folder and the copy read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

# The orchestrator imports this module for default_paths on every sync, most often to find that
# nothing changed: what reading needs (journal.sync.captured's dataclasses, the copying of
# _sqlite) is imported when a history is read.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.sync.captured import Reading

NAMES = ("chrome", "chromium", "brave", "edge", "firefox")
CHROMIUM = ("chrome", "chromium", "brave", "edge")
WEBKIT_EPOCH = 11_644_473_600  # seconds from 1601-01-01 to 1970-01-01
GAP = 10 * 60  # visits to one host further apart than this are two sessions
MINIMUM = 60  # what a visit without a duration counts
CAP = 60 * 60  # the longest one visit counts
SLACK = 5  # timed visits closer than this (a navigation inside the page) join
# Chromium transition core types of frames inside another page (auto and manual subframes).
SUBFRAMES = (3, 4)
# Firefox visit types that are no page seen: embed, redirect (permanent, temporary), download,
# framed link.
FIREFOX_UNSEEN = (4, 5, 6, 7, 8)
QUERY_CHUNK = 500

# Where each Chromium browser keeps its user data: (linux under XDG config, darwin under
# ~/Library/Application Support, win32 under %LOCALAPPDATA%).
CHROMIUM_DIRS = {
    "chrome": ("google-chrome", "Google/Chrome", "Google/Chrome/User Data"),
    "chromium": ("chromium", "Chromium", "Chromium/User Data"),
    "brave": (
        "BraveSoftware/Brave-Browser",
        "BraveSoftware/Brave-Browser",
        "BraveSoftware/Brave-Browser/User Data",
    ),
    "edge": ("microsoft-edge", "Microsoft Edge", "Microsoft/Edge/User Data"),
}


# --- where the histories are -------------------------------------------------------------------


def default_paths(name: str, home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    """Every profile's history file of a browser, existing or not: Chromium's "Default" and
    "Profile N" folders, Firefox's profiles from profiles.ini and its *.default* folders."""
    if name == "firefox":
        return [root / "places.sqlite" for root in _firefox_profiles(home, env, platform)]
    linux, darwin, win = CHROMIUM_DIRS[name]
    if platform == "darwin":
        root = home / "Library" / "Application Support" / darwin
    elif platform == "win32":
        local = env.get("LOCALAPPDATA")
        root = (Path(local) if local else home / "AppData" / "Local") / win
    else:
        config = env.get("XDG_CONFIG_HOME")
        root = (Path(config) if config else home / ".config") / linux
    profiles = [root / "Default"]
    try:
        profiles += sorted(p for p in root.glob("Profile *") if p.is_dir())
    except OSError:
        pass
    return [p / "History" for p in profiles]


def _firefox_roots(home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    if platform == "darwin":
        return [home / "Library" / "Application Support" / "Firefox"]
    if platform == "win32":
        roaming = env.get("APPDATA")
        return [(Path(roaming) if roaming else home / "AppData" / "Roaming") / "Mozilla/Firefox"]
    return [
        home / ".mozilla" / "firefox",
        home / "snap" / "firefox" / "common" / ".mozilla" / "firefox",
        home / ".var" / "app" / "org.mozilla.firefox" / ".mozilla" / "firefox",
    ]


def _firefox_profiles(home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    import configparser

    found: list[Path] = []
    for root in _firefox_roots(home, env, platform):
        ini = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            ini.read(root / "profiles.ini", encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            pass
        for section in ini.sections():
            where = ini.get(section, "Path", fallback=None)
            if not section.startswith("Profile") or not where:
                continue
            relative = ini.get(section, "IsRelative", fallback="1").strip() == "1"
            found.append(root / where if relative else Path(where))
        for folder in (root, root / "Profiles"):
            try:
                found += sorted(p for p in folder.glob("*.default*") if p.is_dir())
            except OSError:
                pass
    unique: list[Path] = []
    for profile in found:
        if profile not in unique:
            unique.append(profile)
    return unique


# --- reading -----------------------------------------------------------------------------------


class Visit(NamedTuple):
    id: int
    host: str
    start: float  # Unix seconds
    seconds: float  # the visit's duration, 0 when unknown
    title: str | None


def read(
    name: str,
    path: Path,
    *,
    since: float | None,
    state: Mapping[str, Any],
    hosts: Mapping[str, str],
    keep_titles: bool,
) -> Reading:
    """The AI sessions in one profile's history. `state` holds the file's stamp (so an unchanged
    file is told by stat() alone), the last visit id read and the time from which the next read
    starts again (the start of the earliest session that may still grow), so a grown history
    returns its new visits and the sessions they extend, under the same keys."""
    from journal.sync._sqlite import opened
    from journal.sync.captured import Captured, Reading, stamp

    mark = stamp(path)
    if state.get("stamp") == mark:
        return Reading([], dict(state), {}, unchanged=True)
    last_id = _int(state.get("last_id"), 0)
    resume = _float(state.get("resume"))
    start_from = max((x for x in (since, resume) if x is not None), default=None)
    skipped: dict[str, int] = {}
    try:
        with opened(path) as db:
            if name == "firefox":
                visits = list(_firefox(db, hosts, start_from, last_id, since, skipped, keep_titles))
            else:
                visits = list(
                    _chromium(db, hosts, start_from, last_id, since, skipped, keep_titles)
                )
    except (sqlite3.Error, OSError):
        # Held by the browser in a way no copy gets past (Windows), or torn mid-write: the
        # cursor stays, so the next sync tries again.
        return Reading([], dict(state), {"locked or unreadable histories": 1})
    profile = path.parent.name or name
    sessions = _sessions(visits, skipped)
    captured = [
        Captured(
            source=name,
            key=f"{profile}:{group[0].id}",
            tool=hosts[group[0].host],
            start=group[0].start,
            end=end,
            context=group[0].host,
            title=next((v.title for v in group if v.title), None) if keep_titles else None,
        )
        for group, end in sessions
    ]
    top = max([last_id] + [v.id for v in visits])
    latest = max((end for _group, end in sessions), default=None)
    new_resume = resume
    if latest is not None:
        open_from = latest - max(GAP, CAP)
        new_resume = min((g[0].start for g, end in sessions if end >= open_from), default=latest)
    fresh: dict[str, Any] = {"stamp": mark, "last_id": top, "resume": new_resume}
    return Reading(captured, fresh, skipped)


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _url_filter(column: str, hosts: Mapping[str, str]) -> tuple[str, list[str]]:
    """A cheap SQL prefilter (the URL contains an AI host); the exact host test is in Python."""
    clause = " OR ".join(f"instr({column}, ?) > 0" for _ in hosts)
    return f"({clause})" if clause else "0", list(hosts)


def _ai_pages(
    db: sqlite3.Connection, table: str, hosts: Mapping[str, str]
) -> tuple[dict[Any, tuple[Any, ...]], dict[Any, str]]:
    """The pages of a history's page table (Chromium's `urls`, Firefox's `moz_places`) whose URL
    is on an AI host: id -> (url, title), and id -> the AI host."""
    from journal.sync.captured import ai_host, host_of

    where, args = _url_filter("url", hosts)
    pages = {
        row[0]: row[1:]
        for row in db.execute(f"SELECT id, url, title FROM {table} WHERE {where}", args)
        if isinstance(row[1], str)
    }
    wanted = {i: h for i, (url, _t) in pages.items() if (h := ai_host(host_of(url), hosts))}
    return pages, wanted


def _chromium(
    db: sqlite3.Connection,
    hosts: Mapping[str, str],
    start_from: float | None,
    last_id: int,
    since: float | None,
    skipped: dict[str, int],
    keep: bool,
) -> Iterator[Visit]:
    urls, wanted = _ai_pages(db, "urls", hosts)
    floor = _webkit(start_from)
    low = _webkit(since)
    rows = _visits_of(
        db,
        "SELECT id, url, visit_time, visit_duration, transition FROM visits "
        "WHERE url IN ({marks}) AND (visit_time >= ? OR id > ?) AND visit_time >= ?",
        sorted(wanted),
        [floor, last_id, low],
    )
    for visit_id, url_id, when, duration, transition in rows:
        if not isinstance(when, int) or when <= 0:
            _count(skipped, "visits without a time")
            continue
        if isinstance(transition, int) and (transition & 0xFF) in SUBFRAMES:
            _count(skipped, "visits inside other pages")
            continue
        seconds = duration / 1e6 if isinstance(duration, int) and duration > 0 else 0.0
        yield Visit(
            visit_id,
            wanted[url_id],
            when / 1e6 - WEBKIT_EPOCH,
            seconds,
            _title(urls[url_id][1]) if keep else None,  # cleaning them all costs
        )


def _firefox(
    db: sqlite3.Connection,
    hosts: Mapping[str, str],
    start_from: float | None,
    last_id: int,
    since: float | None,
    skipped: dict[str, int],
    keep: bool,
) -> Iterator[Visit]:
    places, wanted = _ai_pages(db, "moz_places", hosts)
    floor = int(start_from * 1e6) if start_from is not None else 0
    low = int(since * 1e6) if since is not None else 0
    rows = _visits_of(
        db,
        "SELECT id, place_id, visit_date, visit_type FROM moz_historyvisits "
        "WHERE place_id IN ({marks}) AND (visit_date >= ? OR id > ?) AND visit_date >= ?",
        sorted(wanted),
        [floor, last_id, low],
    )
    for visit_id, place_id, when, kind in rows:
        if not isinstance(when, int) or when <= 0:
            _count(skipped, "visits without a time")
            continue
        if kind in FIREFOX_UNSEEN:
            _count(skipped, "redirects, embeds and downloads")
            continue
        title = _title(places[place_id][1]) if keep else None
        yield Visit(visit_id, wanted[place_id], when / 1e6, 0.0, title)


def _visits_of(
    db: sqlite3.Connection, sql: str, ids: list[int], args: list[Any]
) -> Iterator[tuple[Any, ...]]:
    """The rows of `sql` for the page ids, QUERY_CHUNK of them a query (`{marks}` stands for
    their placeholders, `args` follow them)."""
    for n in range(0, len(ids), QUERY_CHUNK):
        chunk = ids[n : n + QUERY_CHUNK]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), [*chunk, *args])


def _webkit(seconds: float | None) -> int:
    return int((seconds + WEBKIT_EPOCH) * 1e6) if seconds is not None else 0


def _title(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    clean = " ".join("".join(c if c.isprintable() else " " for c in value[:2000]).split())
    return clean[:500] or None


def _sessions(visits: list[Visit], skipped: dict[str, int]) -> list[tuple[list[Visit], float]]:
    """Visits to one host grouped into sessions, each with its end: a timed visit lasts its
    duration (at most CAP); an untimed one MINIMUM, and joins the next visit within GAP."""
    by_host: dict[str, list[Visit]] = {}
    for visit in sorted(visits, key=lambda v: (v.start, v.id)):
        by_host.setdefault(visit.host, []).append(visit)
    sessions: list[tuple[list[Visit], float]] = []
    for host_visits in by_host.values():
        group: list[Visit] = []
        end = 0.0
        loose = False
        for visit in host_visits:
            if visit.seconds > CAP:
                _count(skipped, "visits cut to an hour")
            length = min(visit.seconds, CAP) if visit.seconds > 0 else MINIMUM
            if group and visit.start > end + (GAP if loose or visit.seconds <= 0 else SLACK):
                sessions.append((group, end))
                group = []
            group.append(visit)
            end = max(end, visit.start + length) if len(group) > 1 else visit.start + length
            loose = visit.seconds <= 0
        if group:
            sessions.append((group, end))
    return sorted(sessions, key=lambda s: (s[0][0].start, s[0][0].id))


def _count(skipped: dict[str, int], reason: str, n: int = 1) -> None:
    skipped[reason] = skipped.get(reason, 0) + n
