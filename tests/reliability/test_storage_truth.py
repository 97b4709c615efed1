"""Errors that tell the truth, on real file systems.

A full disk reads "disk full" (writing, creating, backing up, importing), never "not a usable
SQLite database" nor a secondary error from cleaning up; a journal on a read-only file system
still reads (`log`, `export`, `insights`, the TUI) and a write there says read-only, changing
nothing; `--db` at a FIFO, a device or a socket is refused at once.

The disk tests mount small tmpfs file systems (a full one, a read-only one): they need root, as
in CI, and are skipped where mounting is not allowed.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import json
import os
import socket
import subprocess

import pytest
import relkit

SIZE = "1m"


def _mount(*args: str) -> bool:
    try:
        return subprocess.run(["mount", *args], capture_output=True).returncode == 0
    except OSError:
        return False


class Disk:
    """A small tmpfs of its own that a test can fill or make read-only."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.filler = os.path.join(root, "filler")

    def path(self, name: str) -> str:
        return os.path.join(self.root, name)

    def fill(self, leave: int = 0) -> None:
        """Write zeros until the disk is full; then give `leave` bytes back."""
        with open(self.filler, "ab", buffering=0) as handle:
            for chunk in (65536, 4096, 512):
                try:
                    while True:
                        handle.write(b"\0" * chunk)
                except OSError as err:
                    assert err.errno == errno.ENOSPC
        if leave:
            os.truncate(self.filler, max(0, os.path.getsize(self.filler) - leave))

    def empty(self) -> None:
        os.remove(self.filler)

    def read_only(self) -> None:
        assert _mount("-o", "remount,ro", self.root)


@pytest.fixture
def disk(tmp_path):
    root = str(tmp_path / "disk")
    os.mkdir(root)
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", f"size={SIZE},mode=0700", "tmpfs",
                                       root):
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    try:
        yield Disk(root)
    finally:
        subprocess.run(["umount", "-l", root], capture_output=True)


def aijournal(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([relkit.SCRIPT, *args], capture_output=True, text=True,
                          env=relkit.child_env(), stdin=subprocess.DEVNULL, timeout=60)


def sha(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def journal_with_entries(path: str) -> list[str]:
    out = relkit.run_ok("--db", path, "energy", "3")
    out += relkit.run_ok("--db", path, "ai", "Claude", "20m", "--purpose", "learn")
    out += relkit.run_ok("--db", path, "met", "Sam", "30m", "--kind", "help")
    return [line.rsplit(" id ", 1)[1].split()[0] for line in out.splitlines() if " id " in line]


# --- a full disk ------------------------------------------------------------------------------

def test_writes_and_reads_on_a_full_disk_say_disk_full_and_change_nothing(disk):
    path = disk.path("journal.db")
    ids = journal_with_entries(path)
    disk.fill()
    before = sha(path)
    for args in (["energy", "4"], ["ai", "Claude", "5m", "--purpose", "learn"],
                 ["met", "Sam", "5m"], ["log"], ["undo"]):
        proc = aijournal("--db", path, *args)
        line = one_line_error(proc)
        assert proc.returncode == 1, (args, line)
        assert line.startswith("aijournal: disk full: "), (args, line)
        assert "free some space" in line and "not a usable" not in line
    assert sha(path) == before
    disk.empty()
    assert relkit.integrity(path) == "ok"
    assert relkit.ids_present(path, ids) == []
    assert relkit.entry_count(path) == 3
    relkit.run_ok("--db", path, "energy", "5")  # with room again, the journal works


def test_a_new_journal_on_a_full_disk_says_disk_full_and_leaves_nothing(disk):
    disk.fill()
    proc = aijournal("--db", disk.path("new.db"), "energy", "3")
    line = one_line_error(proc)
    assert proc.returncode == 1 and "disk full: a new journal" in line, line
    assert os.listdir(disk.root) == ["filler"]


def test_a_backup_onto_a_full_disk_says_disk_full_and_leaves_no_partial_copy(disk, tmp_path):
    path = str(tmp_path / "journal.db")
    relkit.run_ok("--db", path, "demo", "--days", "30")
    disk.fill(leave=16384)
    target = disk.path("backup.db")
    proc = aijournal("--db", path, "backup", target)
    line = one_line_error(proc)
    assert proc.returncode == 1 and line.startswith("aijournal: disk full: the backup"), line
    assert repr(target) in line
    assert not os.path.exists(target)
    assert relkit.integrity(path) == "ok"


def test_an_import_that_fills_the_disk_reports_disk_full_and_adds_nothing(disk, tmp_path):
    source = str(tmp_path / "source.db")
    relkit.run_ok("--db", source, "demo", "--days", "120")
    backup = str(tmp_path / "source.jsonl")
    relkit.run_ok("--db", source, "export", "--format", "jsonl", "-o", backup)
    path = disk.path("journal.db")
    journal_with_entries(path)
    disk.fill(leave=160 * 1024)  # room to open the journal, not for the import's transaction
    proc = aijournal("--db", path, "import", "jsonl", backup)
    line = one_line_error(proc)
    assert proc.returncode == 1 and line.startswith("aijournal: disk full: "), line
    assert "rollback" not in line.lower() and "transaction" not in line.lower()
    disk.empty()
    assert relkit.integrity(path) == "ok"
    assert relkit.entry_count(path) == 3


# --- a read-only file system -----------------------------------------------------------------

def test_reads_work_on_a_read_only_file_system_and_writes_say_read_only(disk):
    path = disk.path("journal.db")
    ids = journal_with_entries(path)
    disk.read_only()
    before = sha(path)
    listed = json.loads(aijournal("--db", path, "log", "--json").stdout)
    assert sorted(e["id"][:8] for e in listed) == sorted(ids)
    for args in (["log"], ["export", "--format", "json"], ["export", "--format", "md"],
                 ["export", "--format", "csv"], ["insights"], ["people"], ["status"]):
        proc = aijournal("--db", path, *args)
        assert proc.returncode == 0 and proc.stdout.strip(), (args, proc.stderr)
        assert proc.stderr == "", (args, proc.stderr)
    for args in (["energy", "4"], ["ai", "Claude", "5m"], ["undo"],
                 ["delete", ids[0]]):
        proc = aijournal("--db", path, *args)
        line = one_line_error(proc)
        assert proc.returncode == 2 and "is read-only; nothing was written" in line, (args, line)
    assert sha(path) == before
    assert sorted(os.listdir(disk.root)) == ["journal.db"]


def test_the_tui_shows_a_read_only_journal_and_a_write_says_read_only(disk):
    from journal.tui.app import make_app

    path = disk.path("journal.db")
    ids = journal_with_entries(path)
    disk.read_only()
    before = sha(path)
    app = make_app(path, welcome=False)
    shown: list[tuple[str, str]] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: (shown.append((k.get("severity", ""), message)),  # type: ignore[method-assign]
                                           notify(message, *a, **k))[1]

    async def session() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#timeline")
            assert sorted(str(key.value)[:8] for key in table.rows) == sorted(ids)
            await pilot.press("e", "4")
            await pilot.pause()
            message = str(app.screen.query_one("#form-msg").render())
            assert "is read-only; nothing was written" in message, message
            await pilot.press("f2")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen.query_one("#history-table").row_count == 3

    asyncio.run(session())
    assert [m for m in shown if m[0] == "error"] == []
    assert sha(path) == before


# --- not a file at all ------------------------------------------------------------------------

def _fifo(tmp_path) -> str:
    path = str(tmp_path / "journal.fifo")
    os.mkfifo(path)
    return path


def _socket(tmp_path) -> str:
    path = str(tmp_path / "journal.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    _socket.keep = server  # type: ignore[attr-defined]  # open for the test's duration
    return path


def _device_link(tmp_path) -> str:
    path = str(tmp_path / "journal.db")
    os.symlink("/dev/zero", path)
    return path


@pytest.mark.parametrize(("make", "kind"), [(_fifo, "named pipe (FIFO)"),
                                            (_socket, "socket"),
                                            (_device_link, "character device"),
                                            (lambda _: "/dev/null", "character device")])
def test_db_at_a_fifo_socket_or_device_is_refused_at_once(tmp_path, make, kind):
    path = make(tmp_path)
    listing = sorted(os.listdir(os.path.dirname(path)))
    for args in (["energy", "3"], ["log"], []):  # a quick-add, a Typer command, the TUI
        try:
            proc = aijournal("--db", path, *args)
        except subprocess.TimeoutExpired:
            pytest.fail(f"aijournal --db {kind} {' '.join(args)} hung")
        line = one_line_error(proc)
        assert proc.returncode == 2, line
        assert f"is a {kind}, not a file" in line and repr(path) in line, line
    assert sorted(os.listdir(os.path.dirname(path))) == listing  # no -wal, -shm or temp file
