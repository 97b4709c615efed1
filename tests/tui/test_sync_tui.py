"""The app syncs at start in a worker: what arrives is said; a first run asks which sources."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from journal.store import JournalStore
from journal.sync import config as cfg
from journal.tui.app import make_app
from tests.tui.test_app import aio, settle


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("AIJOURNAL_CONFIG", raising=False)
    monkeypatch.delenv("CLAUDE_CONFIG_DIR", raising=False)


@pytest.fixture
def claude_logs() -> Path:
    folder = Path(os.environ["HOME"]) / ".claude" / "projects" / "-home-me-api"
    folder.mkdir(parents=True)
    for session, day in (("s-1", "24"), ("s-2", "25")):
        lines = [
            {"type": kind, "timestamp": f"2026-11-{day}T09:{m:02d}:00Z", "sessionId": session}
            for kind, m in (("user", 0), ("assistant", 20))
        ]
        (folder / f"{session}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    return folder


def sessions(db_path: str) -> list[tuple[str, int]]:
    with JournalStore.open(db_path) as store:
        return store.conn.execute("SELECT tool, minutes FROM ai_session ORDER BY ts").fetchall()


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


@aio
async def test_start_syncs_enabled_sources_and_says_what_arrived(db_path, claude_logs):
    config = cfg.load()
    config.source("claude-code").enabled = True
    cfg.save(config)
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "sync: 2 sessions from Claude Code" in messages(app)
    assert sessions(db_path) == [("Claude Code", 20), ("Claude Code", 20)]


@aio
async def test_first_run_asks_which_sources_and_enables_the_ticked(db_path, claude_logs):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "ChooseSources"
        assert sessions(db_path) == []  # nothing read before the user says so
        await pilot.click("#source-claude-code")
        await pilot.click("#enable")
        await settle(pilot)
        assert "sync: 2 sessions from Claude Code" in messages(app)
    assert cfg.load().enabled() == ["claude-code"]
    assert len(sessions(db_path)) == 2


@aio
async def test_not_now_is_remembered_and_nothing_is_read(db_path, claude_logs):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click("#later")
        await settle(pilot)
    assert cfg.load().exists and cfg.load().enabled() == []
    again = make_app(db_path, welcome=False)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert type(again.screen).__name__ != "ChooseSources"
        assert not any(m.startswith("sync:") for m in messages(again))
    assert sessions(db_path) == []
