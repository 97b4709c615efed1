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
    if os.geteuid() != 0 or not _mount(
        "-t", "tmpfs", "-o", f"size={SIZE},mode=0700", "tmpfs", root
    ):
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    try:
        yield Disk(root)
    finally:
        subprocess.run(["umount", "-l", root], capture_output=True)


def aijournal(*args: str) -> subprocess.CompletedProcess[str]:
    """The real console script, for what could hang (the process is killed after a while)."""
    return subprocess.run(
        [relkit.SCRIPT, *args],
        capture_output=True,
        text=True,
        env=relkit.child_env(),
        stdin=subprocess.DEVNULL,
        timeout=30,
    )


def sha(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def one_line_error(proc) -> str:  # noqa: ANN001
    err = proc.stderr if hasattr(proc, "stderr") else proc.err
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def journal_with_entries(cli, path: str) -> list[str]:  # noqa: ANN001
    out = ""
    for args in (
        ["energy", "3"],
        ["ai", "Claude", "20m", "--purpose", "learn"],
        ["met", "Sam", "30m", "--kind", "help"],
    ):
        result = cli("--db", path, *args)
        assert result.code == 0, result.err
        out += result.out
    return [line.rsplit(" id ", 1)[1].split()[0] for line in out.splitlines() if " id " in line]


# --- a full disk ------------------------------------------------------------------------------


def test_writes_and_reads_on_a_full_disk_say_disk_full_and_change_nothing(disk, cli):
    path = disk.path("journal.db")
    ids = journal_with_entries(cli, path)
    disk.fill()
    before = sha(path)
    for args in (
        ["energy", "4"],
        ["ai", "Claude", "5m", "--purpose", "learn"],
        ["met", "Sam", "5m"],
        ["log"],
        ["undo"],
    ):
        result = cli("--db", path, *args)
        line = one_line_error(result)
        assert result.code == 1, (args, line)
        assert line.startswith("aijournal: disk full: "), (args, line)
        assert "free some space" in line and "not a usable" not in line
    assert sha(path) == before
    disk.empty()
    assert relkit.integrity(path) == "ok"
    assert relkit.ids_present(path, ids) == []
    assert relkit.entry_count(path) == 3
    assert cli("--db", path, "energy", "5").code == 0  # with room again, the journal works


def test_a_new_journal_on_a_full_disk_says_disk_full_and_leaves_nothing(disk, cli):
    disk.fill()
    result = cli("--db", disk.path("new.db"), "energy", "3")
    line = one_line_error(result)
    assert result.code == 1 and "disk full: a new journal" in line, line
    assert os.listdir(disk.root) == ["filler"]


def test_a_backup_onto_a_full_disk_says_disk_full_and_leaves_no_partial_copy(disk, tmp_path, cli):
    path = str(tmp_path / "journal.db")
    assert cli("--db", path, "demo", "--days", "30").code == 0
    disk.fill(leave=16384)
    target = disk.path("backup.db")
    result = cli("--db", path, "backup", target)
    line = one_line_error(result)
    assert result.code == 1 and line.startswith("aijournal: disk full: the backup"), line
    assert repr(target) in line
    assert not os.path.exists(target)
    assert relkit.integrity(path) == "ok"


def test_an_import_that_fills_the_disk_reports_disk_full_and_adds_nothing(disk, tmp_path, cli):
    source = str(tmp_path / "source.db")
    assert cli("--db", source, "demo", "--days", "120").code == 0
    backup = str(tmp_path / "source.jsonl")
    assert cli("--db", source, "export", "--format", "jsonl", "-o", backup).code == 0
    path = disk.path("journal.db")
    journal_with_entries(cli, path)
    disk.fill(leave=160 * 1024)  # room to open the journal, not for the import's transaction
    result = cli("--db", path, "import", "jsonl", backup)
    line = one_line_error(result)
    assert result.code == 1 and line.startswith("aijournal: disk full: "), line
    assert "rollback" not in line.lower() and "transaction" not in line.lower()
    disk.empty()
    assert relkit.integrity(path) == "ok"
    assert relkit.entry_count(path) == 3


# --- a read-only file system -----------------------------------------------------------------


def test_reads_work_on_a_read_only_file_system_and_writes_say_read_only(disk, cli):
    path = disk.path("journal.db")
    ids = journal_with_entries(cli, path)
    disk.read_only()
    before = sha(path)
    # The real command once (a process of its own), then the rest in this process.
    listed = json.loads(aijournal("--db", path, "log", "--json").stdout)
    assert sorted(e["id"][:8] for e in listed) == sorted(ids)
    for args in (
        ["log"],
        ["export", "--format", "json"],
        ["export", "--format", "md"],
        ["export", "--format", "csv"],
        ["insights"],
        ["people"],
        ["status"],
    ):
        result = cli("--db", path, *args)
        assert result.code == 0 and result.out.strip(), (args, result.err)
        assert result.err == "", (args, result.err)
    for args in (["energy", "4"], ["ai", "Claude", "5m"], ["undo"], ["delete", ids[0]]):
        result = cli("--db", path, *args)
        line = one_line_error(result)
        assert result.code == 2 and "is read-only; nothing was written" in line, (args, line)
    assert sha(path) == before
    assert sorted(os.listdir(disk.root)) == ["journal.db"]


def test_the_tui_shows_a_read_only_journal_and_a_write_says_read_only(disk, cli):
    from journal.tui.app import make_app

    path = disk.path("journal.db")
    ids = journal_with_entries(cli, path)
    disk.read_only()
    before = sha(path)
    app = make_app(path, welcome=False)
    shown: list[tuple[str, str]] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: (
        shown.append((k.get("severity", ""), message)),  # type: ignore[method-assign]
        notify(message, *a, **k),
    )[1]

    async def session() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#timeline")
            assert sorted(key[:8] for key in table.keys) == sorted(ids)
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


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (_fifo, "named pipe (FIFO)"),
        (_socket, "socket"),
        (_device_link, "character device"),
        (lambda _: "/dev/null", "character device"),
    ],
    ids=["fifo", "socket", "link-to-dev-zero", "dev-null"],
)
def test_db_at_a_fifo_socket_or_device_is_refused_at_once(tmp_path, make, kind, cli):
    path = make(tmp_path)
    listing = sorted(os.listdir(os.path.dirname(path)))
    for args in (["energy", "3"], ["log"], []):  # a quick-add, a Typer command, the TUI
        if make is _fifo:  # what used to hang runs in a process of its own, killed if it does
            try:
                result = aijournal("--db", path, *args)
            except subprocess.TimeoutExpired:
                pytest.fail(f"aijournal --db {kind} {' '.join(args)} hung")
            code = result.returncode
        else:
            result = cli("--db", path, *args)
            code = result.code
        line = one_line_error(result)
        assert code == 2, line
        assert f"is a {kind}, not a file" in line and repr(path) in line, line
    assert sorted(os.listdir(os.path.dirname(path))) == listing  # no -wal, -shm or temp file
