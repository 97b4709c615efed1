"""The `sync` readers on files in each program's real layout (built by tests/data/sync/fixtures.py):
browser histories (Chromium family, Firefox), ActivityWatch (export, aw-server-rust, aw-server)
and Codex CLI sessions. What they hand over, what they leave out, and their cursors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest

from journal.sync import activitywatch, browser, codex
from journal.sync.captured import AI_HOSTS, Captured, Reading

_SPEC = importlib.util.spec_from_file_location(
    "sync_fixtures", Path(__file__).resolve().parents[1] / "data" / "sync" / "fixtures.py"
)
assert _SPEC is not None and _SPEC.loader is not None
fx = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fx)

T = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC).timestamp()  # a Tuesday morning
CHAT = ("https://chatgpt.com/c/68a1", "ChatGPT - Secret plan")
CLAUDE = ("https://claude.ai/chat/9f2e", "Claude - Private draft")
NEWS = ("https://news.example.org/", "News")
SEARCH = ("https://www.google.com/search?q=claude.ai", "claude.ai - Google Search")


def read(module, name: str, path: Path, *, since=None, state=None, keep_titles=False) -> Reading:
    return module.read(
        name, path, since=since, state=state or {}, hosts=AI_HOSTS, keep_titles=keep_titles
    )


def spans(reading: Reading) -> list[tuple[str, float, float, str | None]]:
    return [(c.tool, c.start - T, c.end - T, c.context) for c in reading.captured]


def no_private_text(reading: Reading) -> None:
    shown = json.dumps([dataclasses.asdict(c) for c in reading.captured]) + json.dumps(
        reading.state
    )
    for secret in ("Secret plan", "Private draft", "https://", "/c/68a1", "secret prompt"):
        assert secret not in shown


# --- Chromium family ---------------------------------------------------------------------------


def chrome(tmp_path: Path, rows) -> Path:
    path = tmp_path / "google-chrome" / "Profile 1" / "History"
    fx.chrome_history(path, rows=rows)
    return path


CHROME_ROWS = [
    (*CHAT, T, 300, 1),  # typed, on the page 5 minutes
    (*NEWS, T + 400, 100, 0),
    (*SEARCH, T + 600, 20, 0),  # a search for claude.ai is not claude.ai
    (*CLAUDE, T + 3600, 0, 0),  # no durations: one session of visits within 10 minutes
    (*CLAUDE, T + 3600 + 300, 0, 0),
    (*CLAUDE, T + 3600 + 400, 50, 3),  # a subframe inside another page
]


def test_chrome_counts_ai_visits_with_webkit_times_and_durations(tmp_path):
    reading = read(browser, "chrome", chrome(tmp_path, CHROME_ROWS))
    assert spans(reading) == [
        ("ChatGPT", 0, 300, "chatgpt.com"),
        ("Claude", 3600, 3600 + 300 + 60, "claude.ai"),
    ]
    assert [c.key for c in reading.captured] == ["Profile 1:1", "Profile 1:4"]
    assert {c.source for c in reading.captured} == {"chrome"}
    assert reading.skipped == {"visits inside other pages": 1}
    no_private_text(reading)


def test_chrome_titles_only_when_asked_and_never_urls(tmp_path):
    reading = read(browser, "brave", chrome(tmp_path, CHROME_ROWS), keep_titles=True)
    assert [c.title for c in reading.captured] == [
        "ChatGPT - Secret plan",
        "Claude - Private draft",
    ]
    assert "https://" not in json.dumps([dataclasses.asdict(c) for c in reading.captured])


def test_chrome_long_visit_cut_to_an_hour_and_since_honoured(tmp_path):
    rows = [(*CHAT, T - 86400, 60, 1), (*CHAT, T, 5 * 3600, 1)]
    reading = read(browser, "edge", chrome(tmp_path, rows), since=T - 60)
    assert spans(reading) == [("ChatGPT", 0, 3600, "chatgpt.com")]
    assert reading.skipped == {"visits cut to an hour": 1}


def test_chrome_cursor_unchanged_then_grown(tmp_path):
    path = chrome(tmp_path, CHROME_ROWS)
    first = read(browser, "chrome", path)
    again = read(browser, "chrome", path, state=first.state)
    assert again.unchanged and again.captured == []
    # A visit extending the Claude session, and one the next day.
    fx.add_chrome_visits(path, [(*CLAUDE, T + 3600 + 600, 0, 1), (*CHAT, T + 86400, 120, 1)])
    grown = read(browser, "chrome", path, state=first.state)
    assert not grown.unchanged
    by_key = {c.key: (c.start - T, c.end - T) for c in grown.captured}
    assert by_key["Profile 1:4"] == (3600, 3600 + 600 + 60)  # same key, longer
    assert by_key["Profile 1:8"] == (86400, 86400 + 120)
    assert "Profile 1:1" not in by_key  # the morning's ChatGPT visit is not read again
    assert read(browser, "chrome", path, state=grown.state).unchanged


def test_chrome_history_held_by_the_browser_is_still_read(tmp_path):
    path = chrome(tmp_path, CHROME_ROWS)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE urls SET title = 'changing'")  # a write under way (-journal)
    try:
        reading = read(browser, "chrome", path, keep_titles=True)
        beside = sorted(p.name for p in path.parent.iterdir())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [c.tool for c in reading.captured] == ["ChatGPT", "Claude"]
    assert "changing" not in [c.title for c in reading.captured]  # as last committed
    assert beside == ["History", "History-journal"]  # nothing of ours left beside it


def test_unreadable_history_is_a_skip_with_the_cursor_kept(tmp_path):
    path = tmp_path / "Default" / "History"
    path.parent.mkdir()
    path.write_bytes(b"not a database at all" * 100)
    reading = read(browser, "chrome", path, state={"last_id": 7})
    assert reading.captured == [] and reading.state == {"last_id": 7}
    assert reading.skipped == {"locked or unreadable histories": 1}


def test_default_paths_every_profile(tmp_path):
    home = tmp_path / "home"
    (home / ".config" / "google-chrome" / "Profile 3").mkdir(parents=True)
    linux = browser.default_paths("chrome", home, {}, "linux")
    assert linux == [
        home / ".config/google-chrome/Default/History",
        home / ".config/google-chrome/Profile 3/History",
    ]
    mac = browser.default_paths("brave", home, {}, "darwin")
    assert mac == [home / "Library/Application Support/BraveSoftware/Brave-Browser/Default/History"]
    win = browser.default_paths("edge", home, {"LOCALAPPDATA": str(tmp_path / "L")}, "win32")
    assert win == [tmp_path / "L" / "Microsoft/Edge/User Data/Default/History"]
    firefox = home / ".mozilla" / "firefox"
    (firefox / "ab12.default-release").mkdir(parents=True)
    (firefox / "profiles.ini").write_text(
        "[General]\nStartWithLastProfile=1\n\n[Profile0]\nName=work\nIsRelative=1\n"
        "Path=cd34.work\n\n[Install4F96D1932A9F858E]\nDefault=ab12.default-release\n"
    )
    assert browser.default_paths("firefox", home, {}, "linux") == [
        firefox / "cd34.work" / "places.sqlite",
        firefox / "ab12.default-release" / "places.sqlite",
    ]


# --- Firefox -----------------------------------------------------------------------------------

FIREFOX_ROWS = [
    (*CLAUDE, T, 2),
    (*CLAUDE, T + 180, 1),
    (*CLAUDE, T + 20 * 60, 1),  # over 10 minutes later: a new session
    ("https://chat.openai.com/", "ChatGPT", T + 30 * 60, 5),  # a redirect to chatgpt.com
    (*CHAT, T + 30 * 60 + 1, 1),
    (*NEWS, T + 40 * 60, 1),
]


def test_firefox_sessions_from_clusters_of_visits(tmp_path):
    path = tmp_path / "ab12.default-release" / "places.sqlite"
    fx.firefox_places(path, rows=FIREFOX_ROWS)
    reading = read(browser, "firefox", path)
    assert spans(reading) == [
        ("Claude", 0, 180 + 60, "claude.ai"),
        ("Claude", 1200, 1200 + 60, "claude.ai"),
        ("ChatGPT", 1801, 1801 + 60, "chatgpt.com"),
    ]
    assert [c.key for c in reading.captured] == [
        "ab12.default-release:1",
        "ab12.default-release:3",
        "ab12.default-release:5",
    ]
    assert reading.skipped == {"redirects, embeds and downloads": 1}
    no_private_text(reading)


def test_firefox_visits_still_in_the_wal_of_a_running_browser(tmp_path):
    path = tmp_path / "p.default" / "places.sqlite"
    fx.firefox_places(path, rows=FIREFOX_ROWS[:1])
    first = read(browser, "firefox", path)
    running = sqlite3.connect(path)
    running.execute("PRAGMA wal_autocheckpoint=0")
    running.execute("PRAGMA locking_mode=EXCLUSIVE")
    try:
        fx.add_firefox_visits(path, [(*CHAT, T + 7200, 1)], db=running)
        assert path.with_name("places.sqlite-wal").stat().st_size > 0
        grown = read(browser, "firefox", path, state=first.state)
    finally:
        running.close()
    # The new visit (only in the -wal), and the session that might still have grown, again.
    assert spans(grown) == [("Claude", 0, 60, "claude.ai"), ("ChatGPT", 7200, 7260, "chatgpt.com")]
    assert grown.captured[0].key == first.captured[0].key


# --- ActivityWatch -----------------------------------------------------------------------------

AW_ROWS = [
    (fx.WEB, T, 600, {"url": CHAT[0], "title": CHAT[1], "audible": False}),
    (fx.WEB, T + 600, 100, {"url": NEWS[0], "title": NEWS[1]}),
    (fx.WEB, T + 700, 50, {"url": "https://www.perplexity.ai/search/q", "title": "q"}),
    (fx.WINDOW, T + 1000, 100, {"app": "Claude", "title": "Claude - Private draft"}),
    (fx.WINDOW, T + 1100, 30, {"app": "Claude.exe", "title": "Claude"}),  # touches: joined
    (fx.WINDOW, T + 1200, 300, {"app": "Firefox", "title": "News"}),
    (fx.AFK, T, 200, {"status": "not-afk"}),
    (fx.AFK, T + 200, 100, {"status": "afk"}),  # away mid-tab: cut out
    (fx.AFK, T + 300, 2000, {"status": "not-afk"}),
]
LAYOUTS = {
    "export": (fx.aw_export, "aw-buckets-export.json"),
    "aw-server-rust": (fx.aw_rust_db, "sqlite.db"),
    "aw-server": (fx.aw_peewee_db, "peewee-sqlite.v2.db"),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_activitywatch_tabs_and_apps_minus_time_away(tmp_path, layout):
    make, name = LAYOUTS[layout]
    path = tmp_path / name
    make(path, rows=AW_ROWS)
    reading = read(activitywatch, "activitywatch", path)
    assert spans(reading) == [
        ("ChatGPT", 0, 200, "chatgpt.com"),
        ("ChatGPT", 300, 600, "chatgpt.com"),
        ("Perplexity", 700, 750, "www.perplexity.ai"),
        ("Claude", 1000, 1130, "desktop app"),
    ]
    web, window = fx.WEB, fx.WINDOW
    keys = [f"{web}:1", f"{web}:1:1", f"{web}:3", f"{window}:4"]  # the events' own ids
    assert [c.key for c in reading.captured] == keys
    assert reading.skipped == {"events cut for time away": 1}
    assert all(c.title is None for c in reading.captured)
    no_private_text(reading)
    titled = read(activitywatch, "activitywatch", path, keep_titles=True)
    assert titled.captured[-1].title == "Claude - Private draft"
    late = read(activitywatch, "activitywatch", path, since=T + 650)
    assert [c.tool for c in late.captured] == ["Perplexity", "Claude"]


def test_activitywatch_cursor_unchanged_then_grown(tmp_path):
    path = tmp_path / "sqlite.db"
    fx.aw_rust_db(path, rows=AW_ROWS)
    first = read(activitywatch, "activitywatch", path)
    again = read(activitywatch, "activitywatch", path, state=first.state)
    assert again.unchanged and again.captured == []
    db = sqlite3.connect(path)
    with db:  # the next day: a new tab event
        db.execute(
            "INSERT INTO events(bucketrow, starttime, endtime, data) VALUES (1, ?, ?, ?)",
            (int((T + 86400) * 1e9), int((T + 86400 + 90) * 1e9), json.dumps({"url": CLAUDE[0]})),
        )
    db.close()
    grown = read(activitywatch, "activitywatch", path, state=first.state)
    # The new event, and (under the same keys) the last hour before the last read, again: a
    # heartbeat may have made its events longer.
    assert spans(grown) == spans(first) + [("Claude", 86400, 86490, "claude.ai")]
    assert [c.key for c in grown.captured][:-1] == [c.key for c in first.captured]
    later = read(activitywatch, "activitywatch", path, state=grown.state)
    assert later.unchanged
    db = sqlite3.connect(path)
    with db:  # the tab stays open: its event grows
        db.execute("UPDATE events SET endtime = ? WHERE id = 10", (int((T + 86400 + 300) * 1e9),))
    db.close()
    longer = read(activitywatch, "activitywatch", path, state=grown.state)
    assert spans(longer) == [("Claude", 86400, 86700, "claude.ai")]


def test_activitywatch_default_paths():
    home = Path("/h")
    assert activitywatch.default_paths("activitywatch", home, {}, "linux") == [
        home / ".local/share/activitywatch/aw-server-rust/sqlite.db",
        home / ".local/share/activitywatch/aw-server/peewee-sqlite.v2.db",
    ]


def test_activitywatch_file_of_another_kind_is_a_skip(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"not": "buckets"}')
    reading = read(activitywatch, "activitywatch", path)
    assert reading.captured == [] and reading.skipped == {"unreadable files": 1}


# --- Codex CLI ---------------------------------------------------------------------------------

SID = "019a2d7a-41c4-78b1-b7cc-a45d62a89cd5"
OTHER = "019a2d7a-0000-78b1-b7cc-a45d62a89cd5"
SESSIONS = [
    # 2 minutes of work, 40 minutes' pause, 5 more minutes: two parts
    (SID, "/home/ana/src/atlas", [T, T + 60, T + 120, T + 2520, T + 2820]),
    (OTHER, "/srv/cairn/", [T + 86400, T + 86400 + 600]),
]


def test_codex_reader_parts_projects_and_cursor(tmp_path):
    fx.codex_tree(tmp_path / ".codex", rows=SESSIONS)
    fx.codex_rollout(
        tmp_path / ".codex/sessions/2025/03/04/rollout-2025-03-04T09-10-00-sub.jsonl",
        ("sub", "/home/ana/src/atlas", [T + 600, T + 660]),
        source={"subagent": "review"},
    )
    sessions = tmp_path / ".codex" / "sessions"
    reading = read(codex, "codex", sessions)
    assert sorted(spans(reading)) == [
        ("Codex", 0, 120, "atlas"),
        ("Codex", 2520, 2820, "atlas"),
        ("Codex", 86400, 87000, "cairn"),
    ]
    assert sorted(c.key for c in reading.captured) == [f"{OTHER}:1", f"{SID}:1", f"{SID}:2"]
    assert reading.skipped == {"subagent sessions": 1}
    no_private_text(reading)
    assert read(codex, "codex", sessions, state=reading.state).unchanged
    late = read(codex, "codex", sessions, since=T + 3600)
    assert [c.key for c in late.captured] == [f"{OTHER}:1"]
    # The first session goes on: only it is read again, its second part longer.
    log = fx.rollout_path(tmp_path / ".codex", SESSIONS[0])
    with log.open("a") as out:
        out.write(fx.codex_line("event_msg", T + 3000, {"type": "agent_message"}) + "\n")
    grown = read(codex, "codex", sessions, state=reading.state)
    assert sorted(spans(grown)) == [("Codex", 0, 120, "atlas"), ("Codex", 2520, 3000, "atlas")]


def test_codex_default_paths():
    home = Path("/h")
    assert codex.default_paths("codex", home, {}, "linux") == [
        home / ".codex/sessions",
        home / ".codex/archived_sessions",
    ]
    assert codex.default_paths("codex", home, {"CODEX_HOME": "/c"}, "win32") == [
        Path("/c/sessions"),
        Path("/c/archived_sessions"),
    ]


def test_codex_import_detected_added_once_and_updated(cli, tmp_path):
    root = tmp_path / "somewhere" / ".codex"
    fx.codex_tree(root, rows=SESSIONS)
    first = cli("import", str(root), "--json")
    assert first.code == 0, first.err
    shown = json.loads(first.out)
    assert (shown["format"], shown["added"]) == ("codex", 3)
    again = json.loads(cli("import", str(root), "--json").out)
    assert (again["added"], again["reasons"]) == (0, {"already there": 3})
    log = fx.rollout_path(root, SESSIONS[1])
    with log.open("a") as out:
        out.write(fx.codex_line("event_msg", T + 86400 + 1500, {"type": "agent_message"}) + "\n")
    grown = json.loads(cli("import", "codex", str(log), "--json").out)
    assert (grown["added"], grown["updated"]) == (0, 1)
    listed = json.loads(cli("log", "--json", "--since", "2025-01-01").out)
    codex_rows = [r for r in listed if r.get("tool") == "Codex"]
    assert sorted(r["minutes"] for r in codex_rows) == [2, 5, 25]
    assert {r["note"] for r in codex_rows} == {"atlas", "cairn"}


def test_reading_is_what_the_orchestrator_gets():
    reading = Reading([Captured("codex", "k", "Codex", 1.0, 2.0)], {"files": {}})
    assert reading.skipped == {} and reading.unchanged is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        reading.unchanged = True  # type: ignore[misc]
