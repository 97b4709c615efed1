"""Privacy: no code path opens a network socket; the journal, its backups and exports are 0600;
all SQL is parameterised (hostile names, tools, notes and tags round-trip exactly)."""

from __future__ import annotations

import asyncio
import glob
import json
import os
import socket
import stat
import subprocess
import sys

import pytest
import relkit

DATA = os.path.join(os.path.dirname(__file__), "..", "data", "imports")
NET_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
    "socket.sendmsg",
    "socket.bind",
    "urllib.Request",
}
ATTEMPTS: list[str] = []
_GUARD = {"on": False}


def _audit(event: str, args: tuple) -> None:
    """Sees every socket call Python makes, however it was reached (audit hooks cannot be
    removed, so this one only acts while a test has switched it on)."""
    if not _GUARD["on"] or event not in NET_EVENTS:
        return
    if (
        event in ("socket.connect", "socket.bind", "socket.sendto")
        and args
        and getattr(args[0], "family", None) == socket.AF_UNIX
    ):
        return  # a local pipe (asyncio's self-pipe), not the network
    ATTEMPTS.append(f"{event} {args!r}")
    raise OSError(f"network use in a test: {event}")


sys.addaudithook(_audit)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        ATTEMPTS.append(f"connect {args!r}")
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    ATTEMPTS.clear()
    _GUARD["on"] = True
    yield ATTEMPTS
    _GUARD["on"] = False


def test_the_guard_catches_a_connection(no_network):
    """The guard itself works (so the tests below can fail)."""
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.org", 443)
    assert len(no_network) == 2
    no_network.clear()


def mode(path: str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask():
    """Set the process umask for one test (commands tighten it; it is put back after)."""
    saved = os.umask(0o022)
    yield os.umask
    os.umask(saved)


def test_every_command_runs_without_the_network(tmp_path, cli, no_network, monkeypatch, umask):
    """Every registered command, run for real; a command added later fails this test until it
    is exercised here too."""
    monkeypatch.chdir(tmp_path)
    umask(0o022)  # a typical, permissive umask: private files must be private anyway
    db = str(tmp_path / "journal.db")
    demo = str(tmp_path / "demo.db")
    done: set[str] = set()

    def ok(*args: str, code: int = 0, path: str = db) -> str:
        result = cli("--db", path, *args)
        assert result.code == code, (args, result.err)
        done.add(args[0])
        return result.out

    ok("demo", "--days", "60", path=demo)
    ok("ai", "Claude", "45m", "--purpose", "learn", "--note", "private", "--tag", "t")
    ok("met", "Sam, Priya", "30m", "--kind", "feedback")
    ok("energy", "3")
    ok("checkin", "--trust-ai", "4", "--trust-team", "2")
    ok("who5", "3", "3", "3", "3", "3")
    ok("start", "Copilot")
    ok("stop")
    ok("resume")
    ok("cancel")
    ok("report", "--month", "--by", "tool", "--json", path=demo)
    ok("report", "last week", "--by", "purpose", "--by", "skill")
    ok("status")
    ok("status", "--prompt")
    entries = json.loads(ok("log", "--json"))
    ok("log")
    ok("people", "--json")
    ok("edit", entries[0]["id"][:8], "--note", "changed")
    ok("delete", entries[0]["id"][:8])
    ok("undo")
    insights = json.loads(ok("insights", "--json", path=demo))
    ok("insights", path=demo)
    ok("review", path=demo)
    ok("review", "--month", path=demo)
    ok("factors", path=demo)
    ok("factors", "--json", "--all", path=demo)
    action, other = [a["id"] for i in insights for a in i["actions"]][:2]
    ok("act", action, path=demo)
    intentions = json.loads(ok("intentions", "--json", path=demo))
    ok("done", intentions[0]["id"][:8], path=demo)
    ok("act", action, code=2, path=demo)  # done today: not offered again for two weeks
    ok("act", other, path=demo)
    intentions = json.loads(ok("intentions", "--json", path=demo))
    ok("dismiss", intentions[0]["id"][:8], path=demo)
    ok("profile", "--role", "freelancer", "--workdays", "sun-thu")
    ok("profile", "--json")
    ok("pause", "2026-12-21", "2027-01-01", "--reason", "holiday")
    pauses = json.loads(ok("pause", "--list", "--json"))
    ok("pause", "--delete", pauses[0]["id"][:8])
    ok("mute", "trust-streak", path=demo)
    mutes = json.loads(ok("mute", "--list", "--json", path=demo))
    ok("mute", "--delete", mutes[0]["id"][:8], path=demo)
    for fmt in ("md", "json", "csv", "html", "jsonl"):
        out = str(tmp_path / f"export.{fmt}")
        ok("export", "--format", fmt, "-o", out, path=demo)
        assert mode(out) == 0o600, fmt
        ok("export", "--format", fmt, path=demo)
    ok("coach", str(tmp_path / "export.json"))
    ok("import", "jsonl", str(tmp_path / "export.jsonl"))
    ok("import", "chatgpt", os.path.join(DATA, "chatgpt-conversations.json"))
    ok("import", "claude", os.path.join(DATA, "claude-conversations.json"))
    ok("import", "ics", os.path.join(DATA, "calendar.ics"), "--me", "me@example.com")
    ok("import", "claude-code", os.path.join(DATA, "claude-code"))
    config = str(tmp_path / "config" / "config.toml")
    monkeypatch.setenv("AIJOURNAL_CONFIG", config)
    ok("sources")
    ok("sources", "enable", "claude-code", "--path", os.path.join(DATA, "claude-code"))
    assert mode(config) == 0o600
    ok("sync", "--dry-run")
    ok("sync", "--json")
    ok("sources", "disable", "claude-code")
    monkeypatch.setattr(sys, "stdin", _Keys("lq"))
    cli("--db", db, "classify")  # reads keys; whatever it makes of a fake terminal, no network
    done.add("classify")
    backup = str(tmp_path / "backup.db")
    ok("backup", backup)
    assert mode(backup) == 0o600
    ok("backup")
    ok("--help")
    from journal.cli.app import app

    registered = {c.name for c in app.registered_commands}
    for name in sorted(registered):
        assert cli(name, "--help").code == 0
    assert registered <= done, f"commands not exercised here: {sorted(registered - done)}"
    assert no_network == []
    for path in [db, demo, *glob.glob(str(tmp_path / "journal-backup-*.db"))]:
        assert mode(path) == 0o600, path


class _Keys:
    """A stand-in stdin that is not a terminal."""

    def __init__(self, keys: str):
        self.keys = keys

    def isatty(self) -> bool:
        return False

    def read(self, n: int = -1) -> str:
        keys, self.keys = self.keys, ""
        return keys

    def readline(self) -> str:
        return self.read()

    def fileno(self) -> int:
        raise OSError("not a terminal")


@pytest.mark.slow  # a whole process under the guard: .ci/run runs it after the README command
def test_the_tui_runs_without_the_network(tmp_path, no_network):
    from journal.store import JournalStore
    from journal.tui.app import make_app

    db = str(tmp_path / "journal.db")
    relkit.run_ok("--db", db, "demo", "--days", "30")
    store = JournalStore.open(db)
    app = make_app(db, store=store, welcome=False)

    async def drive() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            for key in ("f2", "f3", "f4", "f5", "f1", "question_mark", "escape"):
                await pilot.press(key)
                await pilot.pause()
            await pilot.press("ctrl+q")

    asyncio.run(drive())
    store.close()
    assert no_network == []


@pytest.mark.slow  # a whole process under the guard: .ci/run runs it after the README command
def test_the_console_script_opens_no_socket(tmp_path):
    """The real `aijournal` process, with an audit hook that kills it on any network use."""
    guard = os.path.join(os.path.dirname(__file__), "netguard")
    env = relkit.child_env(PYTHONPATH=guard)
    db = str(tmp_path / "journal.db")
    for args in (
        ["demo", "--days", "30"],
        ["ai", "Claude", "5m"],
        ["met", "Sam", "5m"],
        ["energy", "3"],
        ["status", "--prompt"],
        ["log", "--json"],
        ["insights"],
        ["export", "--format", "html"],
        ["backup"],
    ):
        proc = subprocess.run(
            [relkit.SCRIPT, "--db", db, *args], capture_output=True, text=True, env=env
        )
        assert proc.returncode == 0 and "NETWORK" not in proc.stderr, (args, proc.stderr)
    # The guard is live in the child: a connection attempt ends it with 97.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.getaddrinfo('x', 1)"], env=env
    )
    assert probe.returncode == 97


def test_files_are_private_whatever_the_umask(tmp_path, cli, umask):
    umask(0o000)
    db = str(tmp_path / "new" / "journal.db")
    assert cli("--db", db, "ai", "Claude", "5m").code == 0
    assert mode(db) == 0o600
    assert mode(os.path.dirname(db)) == 0o700
    backup = str(tmp_path / "b.db")
    assert cli("--db", db, "backup", backup).code == 0
    assert mode(backup) == 0o600
    out = str(tmp_path / "e.jsonl")
    assert cli("--db", db, "export", "--format", "jsonl", "-o", out).code == 0
    assert mode(out) == 0o600
    # While a journal is open its -wal and -shm exist; they are private too.
    with _open(db) as store:
        store.conn.execute("SELECT count(*) FROM ai_session").fetchone()
        for suffix in ("-wal", "-shm"):
            assert mode(db + suffix) == 0o600, suffix


def _open(db: str):
    """The journal opened the way every command opens it (umask and all)."""
    from journal.cli import common

    common.DB_OPTION["path"] = db
    return common.open_store()


def test_exports_redact_by_default(tmp_path, cli):
    db = str(tmp_path / "journal.db")
    assert cli("--db", db, "met", "Priya Secretname", "30m", "--note", "my private note").code == 0
    assert (
        cli(
            "--db", db, "ai", "Claude", "30m", "--note", "another secret", "--tag", "secret-tag"
        ).code
        == 0
    )
    for fmt in ("md", "json", "csv", "html"):
        out = cli("--db", db, "export", "--format", fmt).out
        for secret in ("Secretname", "my private note", "another secret", "secret-tag"):
            assert secret not in out, (fmt, secret)


HOSTILE_NAMES = [
    "O'Brien",
    'Dana "DJ" Jones',
    "50% Sam",
    "a_b",
    "Robert'); DROP TABLE person;--",
    "x; y",
    "--dash",
    "Zoë 🙂",
]


def test_hostile_text_round_trips_exactly(tmp_path, cli):
    """Quotes, %, _, --, ; in names, tools, notes and tags are data, stored and filtered exactly."""
    db = str(tmp_path / "journal.db")
    # Options first with `=`, then `--`: how a shell user passes text that starts with dashes.
    for text in relkit.HOSTILE:
        assert (
            cli(
                "--db",
                db,
                "ai",
                f"--note={text}",
                f"--skill={text}",
                f"--tag={text}",
                "--",
                text,
                "5m",
            ).code
            == 0
        ), text
    for name in HOSTILE_NAMES:
        assert (
            cli("--db", db, "met", f"--note={name}", f"--tag={name}", "--", name, "10m").code == 0
        ), name
    # Decoys that a LIKE pattern or a broken quote would also match.
    assert cli("--db", db, "ai", "Claude", "5m", "--tag", "500").code == 0
    assert cli("--db", db, "ai", "Claude", "5m", "--tag", "axb").code == 0
    assert cli("--db", db, "met", "OBrien", "10m").code == 0
    listed = json.loads(cli("--db", db, "log", "--json").out)
    tools = [e["tool"] for e in listed if e["type"] == "ai_session"]
    for text in relkit.HOSTILE:
        assert text.strip() in tools
        assert any(
            e.get("note") == text.strip() and e.get("skill") == text.strip() for e in listed
        ), text
    for name in HOSTILE_NAMES:
        found = json.loads(cli("--db", db, "log", "--json", f"--person={name}").out)
        assert [e["people"] for e in found] == [[name]], name
        assert found[0]["note"] == name and found[0]["tags"] == [name.lstrip("#")]
    for tag in ("50%", "a_b", "%_%"):
        found = json.loads(cli("--db", db, "log", "--json", "--tag", tag).out)
        assert found and all(tag in e["tags"] for e in found), tag
    people = {p["name"] for p in json.loads(cli("--db", db, "people", "--json").out)}
    assert set(HOSTILE_NAMES) <= people
    assert relkit.integrity(db) == "ok"
    assert relkit.entry_count(db) == len(relkit.HOSTILE) + len(HOSTILE_NAMES) + 3


def test_text_search_treats_wildcards_as_text(tmp_path):
    """The TUI's History search: `50%` finds "50%" but not "500"; `a_b` not "axb"."""
    from journal import service
    from journal.clock import now
    from journal.store import JournalStore

    with JournalStore.open(str(tmp_path / "journal.db")) as store:
        for note in ("50% done", "500 lines", "a_b", "axb"):
            service.log_energy(store, level=3, at=now(), note=note)
        assert [e.note for e in service.entries(store, text="50%")] == ["50% done"]
        assert [e.note for e in service.entries(store, text="a_b")] == ["a_b"]
