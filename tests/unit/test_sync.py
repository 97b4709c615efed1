"""journal.sync: traces into sessions (merged, idempotent, start day), the config file, cursors.

Readers here are fakes registered in the source registry: what they return is what a real reader
hands over (journal.sync.captured), so these tests pin the orchestrator alone.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import tomllib
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.errors import BadInput
from journal.store import JournalStore
from journal.sync import config as cfg
from journal.sync import run
from journal.sync.captured import Captured, Reading
from tests.conftest import snapshot_files

ZONE = dt.timezone(dt.timedelta(hours=1))  # Europe/Berlin in November, as conftest pins it


def at(text: str) -> float:
    return dt.datetime.fromisoformat(text).replace(tzinfo=ZONE).timestamp()


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    monkeypatch.setenv("AIJOURNAL_CONFIG", str(tmp_path / "cfg" / "config.toml"))


class Fake:
    """A reader module: what it returns is set by the test; it counts its calls."""

    def __init__(self, name: str, tmp_path: Path):
        self.name = name
        self.path = tmp_path / f"{name}.data"
        self.path.write_text("x")
        self.items: list[Captured] = []
        self.calls = 0
        module = types.ModuleType(f"fake_reader_{name}")
        module.NAMES = (name,)  # type: ignore[attr-defined]
        module.default_paths = lambda *_a: [self.path]  # type: ignore[attr-defined]
        module.read = self.read  # type: ignore[attr-defined]
        self.module = module

    def add(self, tool: str, start: str, end: str, context: str | None = None, **kw) -> None:
        key = f"k{len(self.items)}"
        self.items.append(Captured(self.name, key, tool, at(start), at(end), context, **kw))
        self.path.write_text("x" * (len(self.items) + 1))  # the file changed: read again

    def read(self, name, path, *, since, state, hosts, keep_titles) -> Reading:
        self.calls += 1
        return Reading(list(self.items), {"n": len(self.items)}, {})


@pytest.fixture
def fakes(tmp_path, monkeypatch):
    made = {}
    for name in ("trace-a", "trace-b"):
        fake = Fake(name, tmp_path)
        monkeypatch.setitem(sys.modules, fake.module.__name__, fake.module)
        monkeypatch.setitem(run.SOURCES, name, run.Source(name, name.title(), fake.module.__name__))
        made[name] = fake
    return made


def config_for(*names: str, keep_titles: bool = False) -> cfg.Config:
    config = cfg.Config(path=os.environ["AIJOURNAL_CONFIG"], keep_titles=keep_titles)
    for name in names:
        config.source(name).enabled = True
    return config


def sessions(store: JournalStore) -> list[tuple[str, str, int, str, str | None]]:
    rows = store.conn.execute(
        "SELECT started_at, tool, minutes, purpose, note FROM ai_session "
        "WHERE deleted_at IS NULL ORDER BY ts, tool"
    ).fetchall()
    return [(r[0][:16], r[1], r[2], r[3], r[4]) for r in rows]


def test_overlapping_traces_of_one_tool_become_one_session(store, fakes):
    fakes["trace-a"].add("ChatGPT", "2026-11-20T10:00", "2026-11-20T10:30", "chatgpt.com")
    fakes["trace-b"].add("ChatGPT", "2026-11-20T10:20", "2026-11-20T10:50", "chatgpt.com")
    fakes["trace-b"].add("ChatGPT", "2026-11-20T10:53", "2026-11-20T11:00", "chat.openai.com")
    fakes["trace-b"].add("Claude", "2026-11-20T10:05", "2026-11-20T10:15", "claude.ai")
    result = run.sync(store, config_for("trace-a", "trace-b"))
    assert sessions(store) == [
        ("2026-11-20T10:00", "ChatGPT", 60, "unclassified", None),
        ("2026-11-20T10:05", "Claude", 10, "unclassified", None),
    ]
    by_name = {s.name: s for s in result.sources}
    assert (by_name["trace-a"].added, by_name["trace-b"].added) == (1, 1)
    assert by_name["trace-b"].updated == 1  # trace-b's ChatGPT grew trace-a's session


def test_one_source_keeps_two_contexts_at_once_apart(store, fakes):
    fakes["trace-a"].add("Claude Code", "2026-11-20T09:00", "2026-11-20T10:00", "api")
    fakes["trace-a"].add("Claude Code", "2026-11-20T09:30", "2026-11-20T09:45", "web")
    run.sync(store, config_for("trace-a"))
    sources = [r[0] for r in store.conn.execute("SELECT source FROM ai_session ORDER BY ts")]
    assert sources == ["sync:trace-a:api:k0", "sync:trace-a:web:k1"]


def test_a_session_across_midnight_belongs_to_its_start_day(store, fakes):
    fakes["trace-a"].add("Codex", "2026-11-20T23:40", "2026-11-21T00:20", "repo")
    run.sync(store, config_for("trace-a"))
    assert store.conn.execute("SELECT day, minutes FROM ai_session").fetchall() == [
        ("2026-11-20", 40)
    ]


def test_second_sync_adds_nothing_and_a_grown_session_is_updated(store, fakes):
    fake = fakes["trace-a"]
    fake.add("Codex", "2026-11-20T09:00", "2026-11-20T09:20", "repo")
    config = config_for("trace-a")
    assert run.sync(store, config).added == 1
    calls = fake.calls
    again = run.sync(store, config)
    assert (again.added, again.updated, again.sources[0].unchanged) == (0, 0, True)
    assert fake.calls == calls  # the cursor said nothing changed: the reader was not called
    fake.items[0] = Captured(
        "trace-a", "k0", "Codex", at("2026-11-20T09:00"), at("2026-11-20T09:50"), "repo"
    )
    fake.path.write_text("grown")
    grown = run.sync(store, config)
    assert (grown.added, grown.updated) == (0, 1)
    assert sessions(store) == [("2026-11-20T09:00", "Codex", 50, "unclassified", None)]
    fake.path.write_text("touched, same content")
    same = run.sync(store, config)
    assert (same.added, same.updated, same.sources[0].skipped["already there"]) == (0, 0, 1)


def test_dry_run_writes_nothing(store, fakes, db_path):
    fakes["trace-a"].add("Codex", "2026-11-20T09:00", "2026-11-20T09:20", "repo")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = snapshot_files(db_path)
    result = run.sync(store, config_for("trace-a"), dry_run=True)
    assert (result.added, result.dry_run) == (1, True)
    assert snapshot_files(db_path) == before
    assert store.sync_states() == {}


def test_disabled_sources_are_not_read(store, fakes):
    fakes["trace-a"].add("Codex", "2026-11-20T09:00", "2026-11-20T09:20", "repo")
    fakes["trace-b"].add("Claude", "2026-11-20T09:00", "2026-11-20T09:20", "claude.ai")
    run.sync(store, config_for("trace-a"))
    assert fakes["trace-b"].calls == 0
    assert [s[1] for s in sessions(store)] == ["Codex"]
    with pytest.raises(BadInput, match="'trace-b' is not enabled"):
        run.sync(store, config_for("trace-a"), sources=["trace-b"])
    assert fakes["trace-b"].calls == 0


def test_titles_are_kept_only_when_asked(store, fakes):
    fakes["trace-a"].add("ChatGPT", "2026-11-20T09:00", "2026-11-20T09:20", "chatgpt.com")
    fakes["trace-a"].items[0] = Captured(
        "trace-a", "k0", "ChatGPT", at("2026-11-20T09:00"), at("2026-11-20T09:20"), None, "Secret"
    )
    run.sync(store, config_for("trace-a"))
    assert sessions(store)[0][4] is None
    fakes["trace-b"].items = [
        Captured(
            "trace-b", "x", "Claude", at("2026-11-20T12:00"), at("2026-11-20T12:10"), None, "T"
        )
    ]
    run.sync(store, config_for("trace-b"), keep_titles=True)
    assert [s[4] for s in sessions(store)] == [None, "T"]


def test_a_session_the_user_deleted_stays_deleted(store, fakes):
    fakes["trace-a"].add("Codex", "2026-11-20T09:00", "2026-11-20T09:20", "repo")
    run.sync(store, config_for("trace-a"))
    (row_id,) = store.conn.execute("SELECT id FROM ai_session").fetchone()
    with store.write("delete"):
        store.soft_delete("ai_session", row_id)
    again = run.sync(store, config_for("trace-a"), since=dt.datetime(2026, 11, 1, tzinfo=ZONE))
    assert again.sources[0].skipped["deleted by you"] == 1
    assert sessions(store) == []


def test_config_file_is_private_and_reads_back(tmp_path):
    config = cfg.load()
    assert not config.exists and config.enabled() == []
    config.source("chrome").enabled = True
    config.source("calendar").paths = [str(tmp_path / 'cal "work"')]
    config.hosts["chat.example.com"] = "Example AI"
    cfg.save(config)
    mode = stat.S_IMODE(os.stat(config.path).st_mode)
    assert mode == 0o600
    back = cfg.load()
    assert back.exists and back.enabled() == ["chrome"]
    assert back.source("calendar").paths == [str(tmp_path / 'cal "work"')]
    assert back.hosts == {"chat.example.com": "Example AI"}


def test_a_broken_config_is_one_line(tmp_path):
    path = Path(os.environ["AIJOURNAL_CONFIG"])
    path.parent.mkdir(parents=True)
    path.write_text("[sources.chrome]\nenabled = 'yes'\n")
    with pytest.raises(BadInput, match=r"sources\.chrome\.enabled = 'yes' is not accepted"):
        cfg.load()
    path.write_text("enabled = = \n")
    with pytest.raises(BadInput, match="is not valid TOML"):
        cfg.load()


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=12), st.text(min_size=1, max_size=12)))
def test_any_host_and_tool_names_survive_the_writer(hosts):
    config = cfg.Config(path="unused")
    config.hosts = {h: t for h, t in hosts.items() if t.strip() and h == h.strip().lower()}
    config.hosts = {h: t.strip() for h, t in config.hosts.items()}
    assert tomllib.loads(cfg.dumps(config)).get("hosts", {}) == config.hosts


def test_config_path_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("AIJOURNAL_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "x"))
    if sys.platform.startswith("linux"):
        import platformdirs

        assert cfg.config_dir() == platformdirs.user_config_dir("aijournal", appauthor=False)
    assert cfg.config_path().endswith(os.path.join("aijournal", "config.toml"))
