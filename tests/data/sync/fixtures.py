"""Builders of the files `aijournal sync` reads, in each program's real layout, for tests and
benches: a Chromium `History`, a Firefox `places.sqlite`, ActivityWatch's bucket export and its two
databases (aw-server-rust, aw-server), and a Codex sessions tree.

The CREATE TABLE statements are the programs' own (Chromium's history_database / visit_database,
Firefox's nsPlacesTables.h, aw-server-rust's datastore.rs, aw-core's peewee storage). Each
builder takes exact rows (for tests) or a count and a seed (random.Random(seed): same seed, same
file), e.g. `chrome_history(path, visits=200_000, seed=1)` for a year of browsing.

Importable by path (not a package): `importlib.util.spec_from_file_location`.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path

WEBKIT_EPOCH = 11_644_473_600
YEAR_START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp()
AI_URLS = (
    ("https://chatgpt.com/c/68a1", "ChatGPT - Secret plan"),
    ("https://claude.ai/chat/9f2e", "Claude - Private draft"),
    ("https://gemini.google.com/app/77", "Gemini"),
    ("https://www.perplexity.ai/search/x", "Perplexity"),
)
OTHER_URLS = (
    ("https://news.example.org/", "News"),
    ("https://mail.example.com/inbox", "Inbox"),
    ("https://www.google.com/search?q=claude.ai", "claude.ai - Google Search"),
    ("https://docs.python.org/3/", "Python docs"),
)

# --- Chromium (Chrome, Chromium, Brave, Edge) --------------------------------------------------

CHROMIUM_SCHEMA = """
CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR);
CREATE TABLE urls(id INTEGER PRIMARY KEY AUTOINCREMENT,url LONGVARCHAR,title LONGVARCHAR,
  visit_count INTEGER DEFAULT 0 NOT NULL,typed_count INTEGER DEFAULT 0 NOT NULL,
  last_visit_time INTEGER NOT NULL,hidden INTEGER DEFAULT 0 NOT NULL);
CREATE TABLE visits(id INTEGER PRIMARY KEY AUTOINCREMENT,url INTEGER NOT NULL,
  visit_time INTEGER NOT NULL,from_visit INTEGER,external_referrer_url TEXT,
  transition INTEGER DEFAULT 0 NOT NULL,segment_id INTEGER,
  visit_duration INTEGER DEFAULT 0 NOT NULL,
  incremented_omnibox_typed_score BOOLEAN DEFAULT FALSE NOT NULL,opener_visit INTEGER,
  originator_cache_guid TEXT,originator_visit_id INTEGER,originator_from_visit INTEGER,
  originator_opener_visit INTEGER,is_known_to_sync BOOLEAN DEFAULT FALSE NOT NULL,
  consider_for_ntp_most_visited BOOLEAN DEFAULT FALSE NOT NULL,
  visited_link_id INTEGER DEFAULT 0 NOT NULL,app_id TEXT);
CREATE INDEX visits_url_index ON visits (url);
CREATE INDEX visits_from_index ON visits (from_visit);
CREATE INDEX visits_time_index ON visits (visit_time);
CREATE INDEX urls_url_index ON urls (url);
INSERT INTO meta VALUES ('version', '69'), ('last_compatible_version', '16');
"""

# A visit: (url, title, Unix seconds, duration in seconds, transition).
Visit = tuple[str, str, float, float, int]


def random_visits(visits: int, seed: int, ai_share: float = 0.1) -> list[Visit]:
    """visits spread over 2025, about ai_share of them on AI hosts, in bursts of a few pages."""
    rng = random.Random(seed)
    found: list[Visit] = []
    moment = YEAR_START
    step = 365 * 86400 / max(visits, 1)
    while len(found) < visits:
        url, title = rng.choice(AI_URLS if rng.random() < ai_share else OTHER_URLS)
        for _ in range(min(rng.randint(1, 6), visits - len(found))):
            moment += rng.uniform(0.2, 1.8) * step
            duration = rng.choice((0.0, rng.uniform(5, 900)))
            found.append((url, title, moment, duration, rng.choice((0, 1, 8))))
    return found


def chrome_history(
    path: Path, visits: int = 1000, seed: int = 1, rows: Sequence[Visit] | None = None
) -> list[Visit]:
    """A Chromium `History` holding rows (or `visits` random ones); returns what it wrote."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(CHROMIUM_SCHEMA)
    db.close()
    return add_chrome_visits(path, rows if rows is not None else random_visits(visits, seed))


def add_chrome_visits(path: Path, rows: Iterable[Visit]) -> list[Visit]:
    """Append visits to a Chromium history, as the browser does."""
    rows = list(rows)
    db = sqlite3.connect(path)
    with db:
        ids: dict[str, int] = {
            url: i for i, url in db.execute("SELECT id, url FROM urls").fetchall()
        }
        for url, title, _when, _d, _t in rows:
            if url not in ids:
                cursor = db.execute(
                    "INSERT INTO urls(url, title, last_visit_time) VALUES (?, ?, 0)", (url, title)
                )
                assert cursor.lastrowid is not None
                ids[url] = cursor.lastrowid
        db.executemany(
            "INSERT INTO visits(url, visit_time, transition, visit_duration) VALUES (?, ?, ?, ?)",
            [
                (ids[url], int((when + WEBKIT_EPOCH) * 1e6), transition, int(duration * 1e6))
                for url, _title, when, duration, transition in rows
            ],
        )
        db.execute(
            "UPDATE urls SET visit_count = (SELECT count(*) FROM visits"
            " WHERE visits.url = urls.id),"
            " last_visit_time = coalesce((SELECT max(visit_time) FROM visits"
            " WHERE visits.url = urls.id), 0)"
        )
    db.close()
    return rows


# --- Firefox -----------------------------------------------------------------------------------

FIREFOX_SCHEMA = """
CREATE TABLE moz_origins (id INTEGER PRIMARY KEY, prefix TEXT NOT NULL, host TEXT NOT NULL,
  frecency INTEGER NOT NULL, recalc_frecency INTEGER NOT NULL DEFAULT 0, alt_frecency INTEGER,
  recalc_alt_frecency INTEGER NOT NULL DEFAULT 0, UNIQUE (prefix, host));
CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url LONGVARCHAR, title LONGVARCHAR,
  rev_host LONGVARCHAR, visit_count INTEGER DEFAULT 0, hidden INTEGER DEFAULT 0 NOT NULL,
  typed INTEGER DEFAULT 0 NOT NULL, frecency INTEGER DEFAULT -1 NOT NULL, last_visit_date INTEGER,
  guid TEXT, foreign_count INTEGER DEFAULT 0 NOT NULL, url_hash INTEGER DEFAULT 0 NOT NULL,
  description TEXT, preview_image_url TEXT, site_name TEXT,
  origin_id INTEGER REFERENCES moz_origins(id), recalc_frecency INTEGER NOT NULL DEFAULT 0,
  alt_frecency INTEGER, recalc_alt_frecency INTEGER NOT NULL DEFAULT 0);
CREATE TABLE moz_historyvisits (id INTEGER PRIMARY KEY, from_visit INTEGER, place_id INTEGER,
  visit_date INTEGER, visit_type INTEGER, session INTEGER, source INTEGER DEFAULT 0 NOT NULL,
  triggeringPlaceId INTEGER);
CREATE INDEX moz_historyvisits_placedateindex ON moz_historyvisits (place_id, visit_date);
CREATE INDEX moz_historyvisits_dateindex ON moz_historyvisits (visit_date);
CREATE UNIQUE INDEX moz_places_url_uniqueindex ON moz_places (url);
"""

# A Firefox visit: (url, title, Unix seconds, visit_type).
FirefoxVisit = tuple[str, str, float, int]


def firefox_places(
    path: Path,
    visits: int = 1000,
    seed: int = 1,
    rows: Sequence[FirefoxVisit] | None = None,
) -> list[FirefoxVisit]:
    """A Firefox `places.sqlite` in WAL mode (as Firefox keeps it) holding rows or random visits."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(FIREFOX_SCHEMA)
    db.close()
    if rows is None:
        rows = [(u, t, w, 1 if tr != 8 else 9) for u, t, w, _d, tr in random_visits(visits, seed)]
    return add_firefox_visits(path, rows)


def add_firefox_visits(
    path: Path, rows: Iterable[FirefoxVisit], db: sqlite3.Connection | None = None
) -> list[FirefoxVisit]:
    """Append visits to places.sqlite; given an open connection, through it (so they may stay
    in its -wal)."""
    rows = list(rows)
    own = db is None
    conn = db if db is not None else sqlite3.connect(path)
    with conn:
        ids: dict[str, int] = {
            url: i for i, url in conn.execute("SELECT id, url FROM moz_places").fetchall()
        }
        for url, title, _when, _kind in rows:
            if url not in ids:
                host = url.split("/")[2]
                cursor = conn.execute(
                    "INSERT INTO moz_places(url, title, rev_host, guid) VALUES (?, ?, ?, ?)",
                    (url, title, host[::-1] + ".", uuid.uuid4().hex[:12]),
                )
                assert cursor.lastrowid is not None
                ids[url] = cursor.lastrowid
        conn.executemany(
            "INSERT INTO moz_historyvisits(place_id, visit_date, visit_type) VALUES (?, ?, ?)",
            [(ids[url], int(when * 1e6), kind) for url, _title, when, kind in rows],
        )
    if own:
        conn.close()
    return rows


# --- ActivityWatch -----------------------------------------------------------------------------

# An event: (bucket id, Unix seconds, duration in seconds, data).
AwEvent = tuple[str, float, float, dict]
HOST = "laptop"
BUCKETS = {
    f"aw-watcher-web-chrome_{HOST}": ("web.tab.current", "aw-client-web"),
    f"aw-watcher-window_{HOST}": ("currentwindow", "aw-watcher-window"),
    f"aw-watcher-afk_{HOST}": ("afkstatus", "aw-watcher-afk"),
}
WEB, WINDOW, AFK = BUCKETS


def random_aw_events(events: int, seed: int) -> list[AwEvent]:
    rng = random.Random(seed)
    found: list[AwEvent] = []
    moment = YEAR_START
    while len(found) < events:
        kind = rng.random()
        length = rng.uniform(5, 600)
        if kind < 0.5:
            url, title = rng.choice(AI_URLS + OTHER_URLS)
            found.append((WEB, moment, length, {"url": url, "title": title, "audible": False}))
        elif kind < 0.8:
            app = rng.choice(("ChatGPT", "Claude", "Code", "Firefox", "Terminal"))
            found.append((WINDOW, moment, length, {"app": app, "title": f"{app} window"}))
        else:
            status = rng.choice(("afk", "not-afk"))
            found.append((AFK, moment, length, {"status": status}))
        moment += length + rng.uniform(0, 300)
    return found


def _iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()


def aw_export(
    path: Path, events: int = 1000, seed: int = 1, rows: Sequence[AwEvent] | None = None
) -> list[AwEvent]:
    """ActivityWatch's "Export all buckets as JSON" file."""
    rows = list(rows) if rows is not None else random_aw_events(events, seed)
    buckets = {
        bid: {
            "id": bid,
            "created": _iso(YEAR_START),
            "name": None,
            "type": kind,
            "client": client,
            "hostname": HOST,
            "data": {},
            "events": [
                {"id": n, "timestamp": _iso(w), "duration": d, "data": data}
                for n, (b, w, d, data) in enumerate(rows, 1)
                if b == bid
            ],
        }
        for bid, (kind, client) in BUCKETS.items()
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"buckets": buckets}), encoding="utf-8")
    return rows


AW_RUST_SCHEMA = """
CREATE TABLE IF NOT EXISTS buckets (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE NOT NULL,
  type TEXT NOT NULL, client TEXT NOT NULL, hostname TEXT NOT NULL, created TEXT NOT NULL,
  data_deprecated TEXT DEFAULT '{}', data TEXT NOT NULL DEFAULT '{}');
CREATE INDEX IF NOT EXISTS bucket_id_index ON buckets(id);
CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT,
  bucketrow INTEGER NOT NULL, starttime INTEGER NOT NULL, endtime INTEGER NOT NULL,
  data TEXT NOT NULL, FOREIGN KEY (bucketrow) REFERENCES buckets(id));
CREATE TABLE key_value (key TEXT PRIMARY KEY, value TEXT, last_modified NUMBER NOT NULL);
CREATE INDEX IF NOT EXISTS events_bucketrow_starttime_endtime_index
  ON events(bucketrow, starttime DESC, endtime);
PRAGMA user_version = 5;
"""


def aw_rust_db(
    path: Path, events: int = 1000, seed: int = 1, rows: Sequence[AwEvent] | None = None
) -> list[AwEvent]:
    """aw-server-rust's sqlite.db (times in nanoseconds)."""
    rows = list(rows) if rows is not None else random_aw_events(events, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(AW_RUST_SCHEMA)
    with db:
        for bid, (kind, client) in BUCKETS.items():
            db.execute(
                "INSERT INTO buckets(name, type, client, hostname, created) VALUES (?,?,?,?,?)",
                (bid, kind, client, HOST, _iso(YEAR_START)),
            )
        rowids = dict(db.execute("SELECT name, id FROM buckets").fetchall())
        db.executemany(
            "INSERT INTO events(bucketrow, starttime, endtime, data) VALUES (?,?,?,?)",
            [
                (rowids[b], int(w * 1e9), int((w + d) * 1e9), json.dumps(data))
                for b, w, d, data in rows
            ],
        )
    db.close()
    return rows


AW_PEEWEE_SCHEMA = """
CREATE TABLE IF NOT EXISTS "bucketmodel" ("key" INTEGER NOT NULL PRIMARY KEY,
  "id" VARCHAR(255) NOT NULL, "created" DATETIME NOT NULL, "name" VARCHAR(255),
  "type" VARCHAR(255) NOT NULL, "client" VARCHAR(255) NOT NULL, "hostname" VARCHAR(255) NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS "bucketmodel_id" ON "bucketmodel" ("id");
CREATE TABLE IF NOT EXISTS "eventmodel" ("id" INTEGER NOT NULL PRIMARY KEY,
  "bucket_id" INTEGER NOT NULL, "timestamp" DATETIME NOT NULL, "duration" DECIMAL(10, 5) NOT NULL,
  "datastr" VARCHAR(255) NOT NULL, FOREIGN KEY ("bucket_id") REFERENCES "bucketmodel" ("key"));
CREATE INDEX IF NOT EXISTS "eventmodel_bucket_id" ON "eventmodel" ("bucket_id");
CREATE INDEX IF NOT EXISTS "eventmodel_timestamp" ON "eventmodel" ("timestamp");
"""


def aw_peewee_db(
    path: Path, events: int = 1000, seed: int = 1, rows: Sequence[AwEvent] | None = None
) -> list[AwEvent]:
    """aw-server's (Python) peewee-sqlite.v2.db (ISO timestamps, durations in seconds)."""
    rows = list(rows) if rows is not None else random_aw_events(events, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(AW_PEEWEE_SCHEMA)
    with db:
        for bid, (kind, client) in BUCKETS.items():
            db.execute(
                "INSERT INTO bucketmodel(id, created, type, client, hostname) VALUES (?,?,?,?,?)",
                (bid, str(dt.datetime.fromtimestamp(YEAR_START, dt.UTC)), kind, client, HOST),
            )
        keys = dict(db.execute("SELECT id, key FROM bucketmodel").fetchall())
        db.executemany(
            "INSERT INTO eventmodel(bucket_id, timestamp, duration, datastr) VALUES (?,?,?,?)",
            [
                (keys[b], str(dt.datetime.fromtimestamp(w, dt.UTC)), d, json.dumps(data))
                for b, w, d, data in rows
            ],
        )
    db.close()
    return rows


# --- Codex CLI ---------------------------------------------------------------------------------

# A session: (id, cwd, [Unix seconds of its activity lines]).
CodexSession = tuple[str, str, list[float]]


def codex_line(kind: str, when: float, payload: dict) -> str:
    stamp = dt.datetime.fromtimestamp(when, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return json.dumps({"timestamp": stamp, "type": kind, "payload": payload})


def codex_rollout(path: Path, session: CodexSession, source: object = "cli") -> Path:
    """One rollout file, as codex-rs's recorder writes it."""
    sid, cwd, times = session
    first = times[0] if times else YEAR_START
    lines = [
        codex_line(
            "session_meta",
            first,
            {
                "id": sid,
                "timestamp": _iso(first),
                "cwd": cwd,
                "originator": "codex_cli_rs",
                "cli_version": "0.46.0",
                "instructions": None,
                "source": source,
                "git": {},
            },
        )
    ]
    for n, when in enumerate(times):
        if n % 2 == 0:
            lines.append(
                codex_line(
                    "response_item",
                    when,
                    {
                        "type": "message",
                        "role": "user",
                        "content": [{"type": "input_text", "text": "secret prompt"}],
                    },
                )
            )
            lines.append(codex_line("turn_context", when, {"cwd": cwd, "model": "gpt-5-codex"}))
        else:
            lines.append(
                codex_line("event_msg", when, {"type": "agent_message", "message": "done"})
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rollout_path(root: Path, session: CodexSession) -> Path:
    sid, _cwd, times = session
    moment = dt.datetime.fromtimestamp(times[0] if times else YEAR_START, dt.UTC)
    return (
        root
        / "sessions"
        / f"{moment:%Y}"
        / f"{moment:%m}"
        / f"{moment:%d}"
        / f"rollout-{moment:%Y-%m-%dT%H-%M-%S}-{sid}.jsonl"
    )


def codex_tree(
    root: Path, sessions: int = 300, seed: int = 1, rows: Sequence[CodexSession] | None = None
) -> list[CodexSession]:
    """A CODEX_HOME (root) whose sessions/YYYY/MM/DD hold one rollout per session."""
    rng = random.Random(seed)
    if rows is None:
        rows = []
        for n in range(sessions):
            start = YEAR_START + n * 365 * 86400 / max(sessions, 1) + rng.uniform(0, 3600)
            times = [start]
            for _ in range(rng.randint(3, 40)):
                times.append(times[-1] + rng.choice((20, 60, 300, 2400)))
            project = rng.choice(("/home/ana/src/atlas", "/home/ana/src/beacon", "/srv/cairn"))
            rows.append((str(uuid.UUID(int=rng.getrandbits(128))), project, times))
    for session in rows:
        codex_rollout(rollout_path(root, session), session)
    return list(rows)
