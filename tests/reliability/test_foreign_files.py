"""Foreign files: --db pointing at something that is not an aijournal journal is refused with one
line and exit 2, and the file is left byte for byte as it was (no -wal or -shm beside it either).

Runs as root in CI, so a chmod 0400 file is still writable to us: what is meaningful there is
that aijournal never *needs* to write to a journal it only reads, and that a file it may not
open at all (a directory, an unreadable path) is refused clearly. chattr +i is unavailable.
"""

from __future__ import annotations

import os
import random
import sqlite3

import pytest
import relkit

COMMANDS = [
    ["ai", "Claude", "5m"],
    ["met", "Sam", "5m"],
    ["energy", "3"],
    ["status"],
    ["status", "--prompt"],
    ["log", "--json"],
    ["people"],
    ["undo"],
    ["backup"],
    ["checkin", "--trust-ai", "3", "--trust-team", "3"],
    ["demo", "--days", "7"],
]


def make_text(path):
    path.write_text("Dear diary,\nnot a database.\n")


def make_empty(path):
    path.write_bytes(b"")


def make_other_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")
    conn.commit()
    conn.close()


def make_other_wal_sqlite(path):
    """Another program's WAL-mode database that even has a `meta` table."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('app', 'photos')")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


def make_sqlite_header_only(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)


def make_random_bytes(path):
    path.write_bytes(b"SQLite format 3\x00" + random.Random(5).randbytes(8192))  # seeded


_JOURNAL: list[bytes] = []


def journal_bytes(folder) -> bytes:
    """A real 14-day demo journal's bytes (made once per test session)."""
    if not _JOURNAL:
        source = folder / f"source-{os.urandom(4).hex()}.db"
        relkit.run_ok("--db", str(source), "demo", "--days", "14")
        _JOURNAL.append(source.read_bytes())
        os.remove(source)
    return _JOURNAL[0]


def make_truncated_journal(path):
    data = journal_bytes(path.parent)
    path.write_bytes(data[: len(data) // 3])


def make_damaged_journal(path):
    """A real journal whose schema (page 1 after the file header) is overwritten."""
    data = bytearray(journal_bytes(path.parent))
    data[100:4096] = b"\xff" * 3996
    path.write_bytes(bytes(data))


def make_newer_journal(path):
    data = journal_bytes(path.parent)
    path.write_bytes(data)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


FILES = [
    make_text,
    make_empty,
    make_other_sqlite,
    make_other_wal_sqlite,
    make_sqlite_header_only,
    make_random_bytes,
    make_truncated_journal,
    make_damaged_journal,
    make_newer_journal,
]


def folder_state(folder) -> dict[str, bytes]:
    """Every file in the folder, byte for byte; an empty -wal or a -shm index that SQLite leaves
    beside a WAL-mode file it could not use is not data, so those are left out."""
    return {
        name: (folder / name).read_bytes()
        for name in sorted(os.listdir(folder))
        if (folder / name).is_file()
        and not name.endswith("-shm")
        and not (name.endswith("-wal") and not (folder / name).stat().st_size)
    }


@pytest.mark.parametrize("make", FILES, ids=lambda f: f.__name__[5:])
def test_foreign_file_is_refused_and_untouched(tmp_path, cli, make):
    folder = tmp_path / "place"
    folder.mkdir()
    target = folder / "journal.db"
    make(target)
    for name in os.listdir(folder):  # helpers' scratch files are not part of the picture
        if name != "journal.db":
            os.remove(folder / name)
    before = folder_state(folder)
    for args in COMMANDS:
        result = cli("--db", str(target), *args)
        assert result.code == 2, (args, result.code, result.out, result.err)
        lines = result.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("aijournal: "), (args, result.err)
        assert "Traceback" not in result.err
        assert folder_state(folder) == before, f"{args} changed the folder"


def test_messages_name_what_is_wrong(tmp_path, cli):
    expected = {
        make_text: "not a SQLite database",
        make_empty: "empty file",
        make_truncated_journal: "malformed",
        make_other_sqlite: "another program",
        make_other_wal_sqlite: "another program",
        make_damaged_journal: "damaged",
        make_newer_journal: "newer aijournal",
    }
    for make, words in expected.items():
        target = tmp_path / f"{make.__name__}.db"
        make(target)
        result = cli("--db", str(target), "energy", "3")
        assert words in result.err, (make.__name__, result.err)


def test_a_directory_is_refused(tmp_path, cli):
    folder = tmp_path / "folder.db"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    for args in COMMANDS:
        result = cli("--db", str(folder), *args)
        assert result.code == 2 and "is a directory" in result.err, (args, result.err)
    assert sorted(os.listdir(folder)) == ["keep.txt"]


def test_an_unreadable_path_is_refused(tmp_path, cli):
    """A path under a regular file cannot be opened or created, even by root."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli("--db", str(blocker / "journal.db"), "energy", "3")
    assert result.code == 2 and result.err.startswith("aijournal: --db "), result.err
    assert blocker.read_text() == "x"


def test_read_only_journal_reads_work_and_reads_never_write(tmp_path, cli):
    """chmod 0400: reading commands succeed and leave every byte as it was. (Root may still
    write, so whether a write is refused depends on the user; that case is tested below with a
    read-only SQLite connection standing in for the permission check.)"""
    path = tmp_path / "journal.db"
    relkit.run_ok("--db", str(path), "energy", "3")
    os.chmod(path, 0o400)
    before = folder_state(tmp_path)
    for args in (["log", "--json"], ["status"], ["status", "--prompt"], ["people", "--json"]):
        result = cli("--db", str(path), *args)
        assert result.code == 0, (args, result.err)
    assert folder_state(tmp_path) == before
    assert oct(os.stat(path).st_mode & 0o777) == "0o400"


def test_a_write_the_file_system_refuses_is_one_line(tmp_path, cli, monkeypatch):
    """What a non-root user sees on a 0400 journal: SQLite's 'readonly database' error, shown as
    one line, exit 2, nothing written. Simulated with SQLite's own read-only open mode."""
    path = tmp_path / "journal.db"
    relkit.run_ok("--db", str(path), "energy", "3")
    before = path.read_bytes()
    real_connect = sqlite3.connect

    def read_only(database, *args, **kwargs):
        uri = f"file:{database}?mode=ro"
        return real_connect(uri, *args, **{**kwargs, "uri": True})

    monkeypatch.setattr(sqlite3, "connect", read_only)
    for args in (["ai", "Claude", "5m"], ["energy", "2"], ["undo"]):
        result = cli("--db", str(path), *args)
        assert result.code == 2 and "read-only" in result.err, (args, result.err)
        assert len(result.err.splitlines()) == 1
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    assert path.read_bytes() == before


@pytest.mark.slow  # a soak: .ci/run runs it after the README command
def test_damaged_data_pages_give_one_line_never_a_traceback(tmp_path, cli):
    """Damage inside the data is found only when a command reads those pages (checking every
    page on open would cost a quick-add its speed); then it is one line and exit 2."""
    source = journal_bytes(tmp_path)
    for start in range(4096, len(source) - 4096, 4096 * 3):
        path = tmp_path / f"damaged-{start}.db"
        data = bytearray(source)
        data[start : start + 4096] = b"\xff" * 4096
        path.write_bytes(bytes(data))
        for args in COMMANDS:
            result = cli("--db", str(path), *args)
            assert "Traceback" not in result.err
            if result.code != 0:
                assert result.code == 2 and len(result.err.splitlines()) == 1, (args, result.err)


@pytest.mark.parametrize(
    ("table", "change", "said"),
    [
        ("ai_session", "tags = 'not json'", "'not json' is not a JSON list"),
        ("ai_session", "minutes = 'abc'", "'abc' is not a whole number"),
        ("ai_session", "purpose = 'bogus'", "'bogus' is not a known value"),
        ("ai_session", "started_at = 'garbage'", "'garbage'"),
        ("interaction", "kind = 'séance'", "'séance' is not a known value"),
        ("energy", "level = NULL", "None is not a whole number"),
    ],
)
def test_a_row_changed_outside_aijournal_is_one_line_naming_it(tmp_path, cli, table, change, said):
    """A row another program wrote wrong (a date that is no date, tags that are no list) is
    named in one line, exit 2, by every command that reads it; the app shows that line and
    goes on (tests/tui)."""
    path = str(tmp_path / "j.db")
    for args in (
        ["ai", "Claude", "5m", "--purpose", "learn"],
        ["met", "Sam", "5m"],
        ["energy", "3"],
    ):
        assert cli("--db", path, *args).code == 0
    db = sqlite3.connect(path)
    with db:
        db.execute(f"UPDATE {table} SET {change}")
    db.close()
    for args in (
        ["log"],
        ["log", "--json"],
        ["insights"],
        ["review"],
        ["export", "--format", "json"],
    ):
        result = cli("--db", path, *args)
        assert "Traceback" not in result.err, args
        assert result.code == 2 and len(result.err.splitlines()) == 1, (args, result.err)
        assert f"damaged {table} row" in result.err and said in result.err, result.err


def test_a_symlink_to_a_foreign_file_is_refused(tmp_path, cli):
    other = tmp_path / "other.sqlite"
    make_other_sqlite(other)
    before = other.read_bytes()
    link = tmp_path / "journal.db"
    link.symlink_to(other)
    result = cli("--db", str(link), "energy", "3")
    assert result.code == 2 and "another program" in result.err
    assert other.read_bytes() == before
