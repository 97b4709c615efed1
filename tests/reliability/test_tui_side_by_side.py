"""The TUI and the shell on one journal at once: nothing reported as saved is lost, the WAL is
never removed under the open app, and the app shows what the shell wrote within two seconds.

The app runs under Textual's pilot in this process (so its SQLite connections, locks and file
descriptors are real); the shell is the real `aijournal` console script in subprocesses.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import threading

import pytest
import relkit

from journal.tui.app import make_app

ROUNDS = 2  # TUI rounds of (log energy through the form, read two other tabs)
TABS = ("f2", "f3", "f1")  # History, Dashboard, back to Today: each reads the journal


def _run(test):
    return asyncio.run(test)


def _logged_ids(out: str) -> list[str]:
    return [
        line.rsplit(" id ", 1)[1].split()[0]
        for line in out.splitlines()
        if line.startswith("Logged ") and " id " in line
    ]


class Shell:
    """Runs `aijournal --db PATH energy N` (and `met`) back to back in a thread until stopped,
    keeping the id of every write that reported success."""

    def __init__(self, path: str, tag: str) -> None:
        self.path, self.tag = path, tag
        self.ids: list[str] = []
        self.failures: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        n = 0
        while not self.stop.is_set():
            args = (
                ["energy", str(1 + n % 5)]
                if n % 2
                else ["met", "Sam", "10m", "--kind", "help", "--tag", self.tag]
            )
            proc = subprocess.run(
                [relkit.SCRIPT, "--db", self.path, *args],
                capture_output=True,
                text=True,
                env=relkit.child_env(),
                timeout=60,
            )
            ids = _logged_ids(proc.stdout)
            if proc.returncode == 0 and ids:
                self.ids += ids
            else:
                self.failures.append(f"{args}: exit {proc.returncode} {proc.stderr.strip()}")
            n += 1
            self.stop.wait(0.1)  # leave the app some of the machine

    def __enter__(self) -> Shell:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=60)


def _deleted_journal_fds(path: str) -> list[str]:
    """Files of this journal that this process holds open although they were removed."""
    gone = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(path) and target.endswith(" (deleted)"):
            gone.append(target)
    return gone


def _record_notifications(app) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    notify = app.notify

    def recording(message, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        shown.append((kwargs.get("severity", "information"), str(message)))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return shown


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.slow  # a soak: .ci/run runs it after the README command
def test_tui_open_while_the_shell_writes_loses_nothing(db_path):
    relkit.run_ok("--db", db_path, "energy", "3")  # the journal exists before the app opens
    before = relkit.entry_count(db_path)
    app = make_app(db_path, welcome=False)
    notes = _record_notifications(app)
    tui_logged = 0
    gone: list[str] = []

    async def session() -> None:
        nonlocal tui_logged, gone
        async with app.run_test(size=(100, 30)) as pilot:
            await _settle(pilot)
            wal = os.stat(db_path + "-wal").st_ino
            with Shell(db_path, "shell") as shell:
                for n in range(ROUNDS):
                    await pilot.press("f1", "escape", "e", str(1 + n % 5))
                    await _settle(pilot)
                    message = str(app.screen.query_one("#form-msg").render())
                    assert message.startswith("Logged energy"), message
                    tui_logged += 1
                    for key in TABS:
                        await pilot.press(key)
                        await _settle(pilot)
            gone = _deleted_journal_fds(db_path)
            assert os.path.exists(db_path + "-wal")
            assert os.stat(db_path + "-wal").st_ino == wal, "the -wal was replaced under the app"
            shell_ids = shell.ids
            assert not shell.failures, shell.failures
            assert len(shell_ids) >= 4, "the shell wrote too little to test anything"
            # The app can still write after all that.
            await pilot.press("f1", "escape", "e", "5")
            await _settle(pilot)
            assert str(app.screen.query_one("#form-msg").render()).startswith("Logged energy")
            tui_logged += 1
            session.shell_ids = shell_ids  # type: ignore[attr-defined]

    _run(session())
    shell_ids = session.shell_ids  # type: ignore[attr-defined]
    assert gone == [], f"journal files removed while the app had them open: {gone}"
    assert relkit.integrity(db_path) == "ok"
    assert relkit.ids_present(db_path, shell_ids) == []
    assert relkit.entry_count(db_path) == before + len(shell_ids) + tui_logged
    assert [n for n in notes if n[0] == "error"] == []
    print(f"{len(shell_ids)} shell writes and {tui_logged} TUI writes side by side, all present")


def test_importing_the_journal_itself_is_refused(db_path, cli):
    """Read as an import file, the journal would be opened and closed outside SQLite by a
    process connected to it, dropping that process's locks."""
    relkit.run_ok("--db", db_path, "energy", "3")
    with open(db_path, "rb") as handle:
        before = handle.read()
    for fmt in ("jsonl", "chatgpt", "ics"):
        result = cli("--db", db_path, "import", fmt, db_path)
        assert result.code == 2 and "is the journal itself" in result.err, result.err
    with open(db_path, "rb") as handle:
        assert handle.read() == before


def test_a_write_from_the_shell_shows_in_the_tui_within_two_seconds(db_path):
    relkit.run_ok("--db", db_path, "energy", "3")
    app = make_app(db_path, welcome=False)

    async def appears(pilot, table_id: str, row_id: str) -> bool:
        """Whether a row keyed by an id prefix shows within 2 s of pilot time."""
        for _ in range(20):
            await pilot.pause(0.1)
            table = app.screen.query_one(table_id)
            keys = table.keys if table_id == "#timeline" else [k.value for k in table.rows]
            if any(str(key).startswith(row_id) for key in keys):
                return True
        return False

    async def session() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await _settle(pilot)
            [first] = _logged_ids(
                relkit.run_ok("--db", db_path, "ai", "Claude", "20m", "--purpose", "learn")
            )
            assert await appears(pilot, "#timeline", first), "not on Today within 2 s"
            await pilot.press("f2")
            await _settle(pilot)
            [second] = _logged_ids(
                relkit.run_ok("--db", db_path, "met", "Priya", "15m", "--kind", "help")
            )
            assert await appears(pilot, "#history-table", second), "not in History within 2 s"

    _run(session())


HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO meta (key, value) VALUES ('held', 'by another program')")
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_busy_journal_is_named_busy_never_damaged(db_path, cli, monkeypatch):
    """Another program holds the journal locked: every command says busy, in one line."""
    import sys

    from journal import store

    relkit.run_ok("--db", db_path, "energy", "3")
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.2)  # not 30 s per command in a test
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, db_path],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        for args in (["energy", "4"], ["log"], ["insights"], ["export", "--format", "json"]):
            result = cli("--db", db_path, *args)
            assert result.code == 1, (args, result.err)
            assert "is busy: another program kept it locked" in result.err, (args, result.err)
            for wrong in ("damaged", "malformed", "not a usable", "Traceback"):
                assert wrong not in result.err, (args, result.err)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert relkit.integrity(db_path) == "ok"


def test_a_read_that_fails_in_the_tui_is_one_line_and_the_app_goes_on(db_path, monkeypatch):
    """A tab whose read fails (here: the journal busy) shows the error once and keeps running;
    the next read that works shows the journal again."""
    import sqlite3

    from journal import store

    relkit.run_ok("--db", db_path, "energy", "3")
    app = make_app(db_path, welcome=False)
    notes = _record_notifications(app)
    real_open = store.JournalStore.open.__func__
    busy = {"on": False}

    def open_(cls, path, *, create=True):  # noqa: ANN001, ANN202
        if busy["on"]:
            raise store.storage_error(
                path, sqlite3.OperationalError("database is locked"), writing=False
            )
        return real_open(cls, path, create=create)

    async def session() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await _settle(pilot)
            monkeypatch.setattr(store.JournalStore, "open", classmethod(open_))
            busy["on"] = True
            await pilot.press("f2")
            await _settle(pilot)
            await pilot.press("f1")
            await _settle(pilot)
            assert app.is_running
            errors = [text for severity, text in notes if severity == "error"]
            assert len(errors) == 1 and "is busy" in errors[0], notes
            busy["on"] = False
            relkit.run_ok("--db", db_path, "energy", "5")
            for _ in range(20):
                await pilot.pause(0.1)
                if app.screen.query_one("#timeline").row_count == 2:
                    break
            assert app.screen.query_one("#timeline").row_count == 2

    _run(session())
