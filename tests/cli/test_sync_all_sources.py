"""`aijournal sync` end to end over a fixture home holding every source at its default place, in
each program's real layout (tests/data/sync/fixtures.py): Claude Code logs, a Codex sessions
tree, a Chrome History, a Firefox places.sqlite, aw-server-rust's database and a vdir calendar.
From the CLI and from the app; twice; with the traces of one chat in two sources merged; and with
no page title or URL anywhere in the journal unless asked."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import sqlite3
from pathlib import Path

import pytest

from journal.store import JournalStore
from journal.sync import config as cfg
from journal.tui.app import make_app
from tests.cli.test_sync_cli import EVENT, claude_log
from tests.tui.test_app import aio, settle

_SPEC = importlib.util.spec_from_file_location(
    "sync_fixtures", Path(__file__).resolve().parents[1] / "data" / "sync" / "fixtures.py"
)
assert _SPEC is not None and _SPEC.loader is not None
fx = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fx)

ALL = ("claude-code", "codex", "chrome", "firefox", "activitywatch", "calendar")
CHAT = ("https://chatgpt.com/c/68a1", "ChatGPT - Secret plan")
CLAUDE = ("https://claude.ai/chat/9f2e", "Claude - Private draft")
NEWS = ("https://news.example.org/", "News")
# Nothing of these may reach the journal without --keep-titles (URLs: never).
TITLES = ("Secret plan", "Private draft", "Fix the parser", "Claude window", "secret prompt")
URLS = ("https://", "chatgpt.com/c/", "claude.ai/chat", "news.example.org")


def at(text: str) -> float:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC).timestamp()


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("AIJOURNAL_CONFIG", raising=False)
    monkeypatch.delenv("CLAUDE_CONFIG_DIR", raising=False)
    monkeypatch.delenv("CODEX_HOME", raising=False)


@pytest.fixture
def home(tmp_path) -> Path:
    """Every source where it lives on Linux, with a few AI sessions (and other things) in each."""
    home = Path(os.environ["HOME"])
    claude_log(
        home, "parser", "s-1", ["2026-11-24T08:00:00Z", "2026-11-24T08:30:00Z"], "Fix the parser"
    )
    fx.codex_tree(
        home / ".codex",
        rows=[
            (
                "0199a0b4-1111-7000-8000-000000000001",
                "/home/me/atlas",
                [at("2026-11-25T13:00:00"), at("2026-11-25T13:10:00"), at("2026-11-25T13:40:00")],
            )
        ],
    )
    # One ChatGPT chat: 20 minutes in Chrome's history, 25 in ActivityWatch's tab watcher, from
    # five minutes later: one session of 30 minutes.
    fx.chrome_history(
        Path(os.environ["XDG_CONFIG_HOME"]) / "google-chrome" / "Default" / "History",
        rows=[
            (*CHAT, at("2026-11-25T10:00:00"), 20 * 60, 1),
            (*NEWS, at("2026-11-25T11:00:00"), 120, 1),
        ],
    )
    firefox = home / ".mozilla" / "firefox"
    firefox.mkdir(parents=True)
    (firefox / "profiles.ini").write_text(
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=k3x9.default-release\nDefault=1\n"
    )
    fx.firefox_places(
        firefox / "k3x9.default-release" / "places.sqlite",
        rows=[
            (*CLAUDE, at("2026-11-24T12:00:00"), 1),
            (*CLAUDE, at("2026-11-24T12:04:00"), 1),
            (*CLAUDE, at("2026-11-24T12:08:00"), 1),
            (*NEWS, at("2026-11-24T12:30:00"), 1),
        ],
    )
    fx.aw_rust_db(
        Path(os.environ["XDG_DATA_HOME"]) / "activitywatch" / "aw-server-rust" / "sqlite.db",
        rows=[
            (fx.WEB, at("2026-11-25T10:05:00"), 25 * 60, {"url": CHAT[0], "title": CHAT[1]}),
            (fx.WINDOW, at("2026-11-24T16:00:00"), 15 * 60, {"app": "Claude", "title": TITLES[3]}),
            (fx.AFK, at("2026-11-24T15:00:00"), 4 * 3600, {"status": "not-afk"}),
        ],
    )
    work = home / ".calendars" / "work"
    work.mkdir(parents=True)
    for n, who in enumerate(("sam", "priya")):  # two people besides you: you are the third
        (work / f"review-{n}.ics").write_text(
            EVENT.format(
                uid=f"ev-{n}@x",
                start=f"2026112{n}T130000Z",
                end=f"2026112{n}T140000Z",
                title="Review",
                who=who,
            )
        )
    return home


def sessions(db_path: str) -> list[tuple]:
    with JournalStore.open(db_path) as store:
        return store.conn.execute(
            "SELECT tool, day, minutes, note FROM ai_session WHERE deleted_at IS NULL ORDER BY ts"
        ).fetchall()


def every_text(db_path: str) -> str:
    """Every text value of every column of every table of the journal, one per line."""
    db = sqlite3.connect(db_path)
    try:
        found = []
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for column in [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]:
                found += [
                    r[0]
                    for r in db.execute(f'SELECT "{column}" FROM "{table}"')
                    if isinstance(r[0], str | bytes)
                ]
        return "\n".join(v if isinstance(v, str) else v.decode("utf-8", "replace") for v in found)
    finally:
        db.close()


EXPECTED = [
    ("Claude Code", "2026-11-24", 30),
    ("Claude", "2026-11-24", 9),  # Firefox: three visits four minutes apart, and a minute
    ("Claude", "2026-11-24", 15),  # ActivityWatch: the desktop app
    ("ChatGPT", "2026-11-25", 30),  # Chrome and ActivityWatch: one session
    ("Codex", "2026-11-25", 40),
]


def enable_all(cli) -> None:
    listed = {s["source"]: s for s in json.loads(cli("sources", "--json").out)}
    assert [n for n in listed if listed[n]["found"]] == list(ALL)
    assert not any(s["enabled"] for s in listed.values())
    for name in ALL:
        assert cli("sources", "enable", name).code == 0


def test_every_source_syncs_end_to_end_twice(cli, home, db_path):
    listed = cli("sources")
    assert listed.code == 0, listed.err
    chrome = Path(os.environ["XDG_CONFIG_HOME"]) / "google-chrome" / "Default" / "History"
    assert f"chrome         disabled  Chrome           {chrome}" in listed.out
    enable_all(cli)
    first = cli("sync")
    assert first.code == 0, first.err
    assert first.out.splitlines() == [
        "Synced:",
        "  Claude Code: 1 session added",
        "  Codex CLI: 1 session added",
        "  Chrome: 1 session added",
        "  Firefox: 1 session added",
        "  ActivityWatch: 1 session added, 1 updated",
        "  Calendar folder: 2 meetings added",
        "They arrive unclassified: `aijournal classify` sorts them.",
    ]
    assert [row[:3] for row in sessions(db_path)] == EXPECTED
    assert all(row[3] is None for row in sessions(db_path))
    text = every_text(db_path)
    for secret in TITLES + URLS:
        assert secret not in text, secret

    second = cli("sync", "--json")
    assert second.code == 0, second.err
    summary = json.loads(second.out)
    assert (summary["added"], summary["updated"]) == (0, 0)
    assert {s["source"]: s["unchanged"] for s in summary["sources"]} == dict.fromkeys(ALL, True)
    assert [row[:3] for row in sessions(db_path)] == EXPECTED


def test_titles_only_with_keep_titles_and_urls_never(cli, home, db_path):
    enable_all(cli)
    assert cli("sync", "--keep-titles").code == 0
    notes = {row[0]: row[3] for row in sessions(db_path)}
    assert notes["ChatGPT"] == "ChatGPT - Secret plan"
    assert notes["Claude Code"] == "Fix the parser"
    text = every_text(db_path)
    for url in URLS:
        assert url not in text, url


def test_a_browser_session_that_grew_is_updated_not_added(cli, home, db_path):
    enable_all(cli)
    cli("sync")
    history = Path(os.environ["XDG_CONFIG_HOME"]) / "google-chrome" / "Default" / "History"
    # The same chat goes on in Chrome: two more visits, the last ending at 10:50.
    fx.add_chrome_visits(
        history,
        [
            (*CHAT, at("2026-11-25T10:28:00"), 10 * 60, 1),
            (*CHAT, at("2026-11-25T10:40:00"), 600, 1),
        ],
    )
    result = cli("sync", "--json")
    assert result.code == 0, result.err
    chrome = next(s for s in json.loads(result.out)["sources"] if s["source"] == "chrome")
    assert (chrome["added"], chrome["updated"]) == (0, 1)
    chats = [row[:3] for row in sessions(db_path) if row[0] == "ChatGPT"]
    assert chats == [("ChatGPT", "2026-11-25", 50)]
    assert len(sessions(db_path)) == len(EXPECTED)


def test_codex_sessions_archived_are_read_and_one_moved_there_is_not_added_again(
    cli, home, db_path
):
    assert cli("sources", "enable", "codex").code == 0
    cli("sync", "--source", "codex")
    before = sessions(db_path)
    # Codex's archive moves a rollout to ~/.codex/archived_sessions (flat); another session
    # lives only there.
    archived = home / ".codex" / "archived_sessions"
    archived.mkdir()
    [rollout] = (home / ".codex" / "sessions").rglob("rollout-*.jsonl")
    rollout.rename(archived / rollout.name)
    times = [at("2026-11-23T09:00:00"), at("2026-11-23T09:20:00"), at("2026-11-23T09:40:00")]
    only = ("0199a0b4-2222-7000-8000-000000000002", "/home/me/beacon", times)
    fx.codex_rollout(archived / "rollout-2026-11-23T09-00-00-only.jsonl", only)
    result = cli("sync", "--source", "codex", "--json")
    assert result.code == 0, result.err
    [codex] = json.loads(result.out)["sources"]
    assert (codex["added"], codex["updated"]) == (1, 0)
    after = sessions(db_path)
    assert len(after) == len(before) + 1
    assert ("Codex", "2026-11-23", 40) in [row[:3] for row in after]


def test_activitywatch_heartbeats_growing_a_tab_update_it(cli, home, db_path):
    enable_all(cli)
    cli("sync")
    db = Path(os.environ["XDG_DATA_HOME"]) / "activitywatch" / "aw-server-rust" / "sqlite.db"
    # aw-server-rust merges heartbeats by moving the event's end: the tab now ends at 10:45.
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE events SET endtime = ? WHERE data LIKE '%chatgpt%'",
            (int(at("2026-11-25T10:45:00") * 1e9),),
        )
    conn.close()
    result = cli("sync", "--json")
    aw = next(s for s in json.loads(result.out)["sources"] if s["source"] == "activitywatch")
    assert (aw["added"], aw["updated"]) == (0, 1)
    chats = [row[:3] for row in sessions(db_path) if row[0] == "ChatGPT"]
    assert chats == [("ChatGPT", "2026-11-25", 45)]


def test_since_before_an_earlier_sync_reads_the_older_data(cli, home, db_path):
    enable_all(cli)
    assert cli("sync", "--since", "2026-11-25").code == 0
    assert [row[0] for row in sessions(db_path)] == ["ChatGPT", "Codex"]
    again = cli("sync", "--since", "2026-11-20")
    assert again.code == 0, again.err
    assert [row[:3] for row in sessions(db_path)] == EXPECTED
    assert cli("sync").code == 0
    assert [row[:3] for row in sessions(db_path)] == EXPECTED


@aio
async def test_the_app_syncs_every_source_at_start_and_says_what_arrived(home, db_path):
    config = cfg.load()
    for name in ALL:
        config.source(name).enabled = True
    cfg.save(config)
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        said = [n.message for n in app._notifications]
    assert said == [
        "sync: 1 session from Claude Code, 1 session from Codex CLI, 1 session from Chrome, "
        "1 session from Firefox, 1 session from ActivityWatch, 2 meetings from Calendar folder, "
        "1 updated"
    ]
    assert [row[:3] for row in sessions(db_path)] == EXPECTED


def test_a_sync_with_nothing_new_opens_no_source_and_loads_no_reader(cli, home):
    """Every source told unchanged by stat() alone: no history opened, no log parsed, and none
    of what reading needs imported (dataclasses with inspect, the importers, the copying of
    SQLite files), which would cost more than the rest of the run (bench/sync.py)."""
    import subprocess
    import sys

    enable_all(cli)
    assert cli("sync").code == 0
    probe = (
        "import sys, json\nfrom journal.cli import main\nassert main(['sync']) == 0\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    said, loaded = done.stdout.rsplit("\n", 2)[0], set(json.loads(done.stdout.splitlines()[-1]))
    assert said.count("nothing new") == len(ALL), said
    heavy = {
        "dataclasses",
        "inspect",
        "shutil",
        "tempfile",
        "journal.sync.captured",
        "journal.sync._sqlite",
        "journal.importers",
        "journal.service",
        "icalendar",
    }
    assert not loaded & heavy, sorted(loaded & heavy)
