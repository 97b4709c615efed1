"""The journal is never an output: `export -o` and `backup` refuse the journal, the files SQLite
keeps beside it and its backups, however the path is spelled; a backup target that cannot be a new
file (dangling symlink, /proc, /sys, a missing folder, a FIFO or device) is one line, exit 2."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import service
from journal.errors import BadInput

SIDES = ["", "-wal", "-shm", "-journal"]


def files_of(folder) -> dict[str, bytes]:
    """Every file in the folder, byte for byte (journal, WAL, SHM, backups, decoys)."""
    found = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as handle:
                found[name] = handle.read()
    return found


@pytest.fixture
def journal(cli, tmp_path, monkeypatch):
    """A journal with entries, held open by another connection so its -wal and -shm exist."""
    monkeypatch.chdir(tmp_path)
    assert cli("met", "Priya", "30m").code == 0
    assert cli("ai", "Claude", "1h").code == 0
    db = str(tmp_path / "journal.db")
    holder = sqlite3.connect(db)
    holder.execute("SELECT count(*) FROM ai_session").fetchone()
    assert os.path.exists(db + "-wal") and os.path.exists(db + "-shm")
    (tmp_path / "sub").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path)  # a folder that is the journal's folder
    yield db
    holder.close()


def refused(result, *words: str) -> None:
    assert result.code == 2, (result.code, result.err)
    assert len(result.err.splitlines()) == 1, result.err
    assert "Traceback" not in result.err and result.out == ""
    for word in words:
        assert word in result.err, (word, result.err)


# Spellings of the journal and its side files: relative, `.`, `..`, absolute, through a
# symlinked folder, with doubled slashes.
SPELLINGS = [
    "journal.db{}",
    "./journal.db{}",
    "sub/../journal.db{}",
    "{root}/journal.db{}",
    "linked/journal.db{}",
    "{root}//sub/..//journal.db{}",
    "linked/sub/../journal.db{}",
]


@pytest.mark.parametrize("side", SIDES)
def test_export_never_replaces_the_journal_or_its_side_files(cli, journal, tmp_path, side):
    for spelling in SPELLINGS:
        target = spelling.format(side, root=tmp_path)
        before = files_of(tmp_path)
        refused(cli("export", "-o", target, "--force"), "-o", "journal.db" + side, "is the journal")
        assert files_of(tmp_path) == before, target
    assert cli("log", "--json").code == 0  # the journal still reads


@pytest.mark.parametrize("side", SIDES)
def test_backup_never_writes_onto_the_journal_or_its_side_files(cli, journal, tmp_path, side):
    for spelling in SPELLINGS:
        target = spelling.format(side, root=tmp_path)
        before = files_of(tmp_path)
        refused(cli("backup", target), "backup target", "journal.db" + side, "is the journal")
        assert files_of(tmp_path) == before


@pytest.mark.parametrize("command", [["export", "--force", "-o"], ["backup"]])
def test_links_to_the_journal_are_refused(cli, journal, tmp_path, command):
    os.link(journal, tmp_path / "hard.md")  # the same file under another name
    (tmp_path / "soft.md").symlink_to(journal)
    (tmp_path / "to-wal.md").symlink_to(journal + "-wal")
    (tmp_path / "to-journal.md").symlink_to(journal + "-journal")  # dangling: no such file now
    (tmp_path / "chain.md").symlink_to(tmp_path / "soft.md")
    before = files_of(tmp_path)
    for name in ["hard.md", "soft.md", "to-wal.md", "to-journal.md", "chain.md"]:
        refused(cli(*command, name), name, "is the journal")
        assert files_of(tmp_path) == before


def test_a_journal_reached_through_a_symlinked_db_is_still_the_journal(cli, journal, tmp_path):
    (tmp_path / "alias.db").symlink_to(journal)
    before = files_of(tmp_path)
    for target in ["journal.db", "journal.db-wal", "alias.db"]:
        refused(cli("--db", "alias.db", "export", "-o", target, "--force"), "is the journal")
        refused(cli("--db", "alias.db", "backup", target), "is the journal")
    assert files_of(tmp_path) == before


def test_backups_are_never_replaced_by_an_export(cli, journal, tmp_path):
    made = cli("backup")
    assert made.code == 0
    default = tmp_path / "journal-backup-20261126-150000.db"
    assert default.exists()
    migration = tmp_path / "journal.db.v1-20260101T000000.bak"  # how migrations name theirs
    shutil.copyfile(default, migration)
    elsewhere = tmp_path / "sub" / "my-copy.md"  # a backup renamed, or a hard link to one
    os.link(default, elsewhere)
    before = files_of(tmp_path), files_of(tmp_path / "sub")
    for target in [default, migration, elsewhere, "linked/journal-backup-20261126-150000.db"]:
        refused(cli("export", "-o", str(target), "--force"), "SQLite database")
    assert (files_of(tmp_path), files_of(tmp_path / "sub")) == before
    # ordinary outputs are still fine: a new export, replacing an export, backups anywhere
    assert cli("export", "-o", "week.md").code == 0
    assert cli("export", "-o", "week.md", "--force").code == 0
    assert cli("backup", "linked/copy.db").code == 0 and (tmp_path / "copy.db").exists()
    assert cli("backup", "sub").code == 0


def test_a_folder_target_that_lands_on_the_journal_is_refused(cli, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "journal-backup-20261126-150000.db"  # the name `backup FOLDER` would pick
    assert cli("--db", str(db), "energy", "3").code == 0
    before = files_of(folder)
    for target in [str(folder), str(folder) + "/", str(folder / "sub" / "..")]:
        (folder / "sub").mkdir(exist_ok=True)
        refused(cli("--db", str(db), "backup", target), "is the journal")
    assert files_of(folder) == before


# --- targets that cannot be a new backup file -------------------------------------------------


def test_backup_onto_a_dangling_symlink_is_one_line(cli, journal, tmp_path):
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere" / "x.db")
    (tmp_path / "dangling2").symlink_to(tmp_path / "missing.db")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    before = files_of(tmp_path)
    for name in ["dangling", "dangling2", "loop"]:
        refused(cli("backup", name), name)
    assert files_of(tmp_path) == before
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.skipif(
    not os.path.isdir("/proc/self") or not os.path.isdir("/sys/kernel"),
    reason="needs Linux /proc and /sys",
)
@pytest.mark.parametrize(
    "target", ["/proc/x.db", "/proc", "/proc/", "/proc/self", "/sys/x.db", "/sys", "/sys/kernel/"]
)
def test_backup_into_proc_or_sys_is_one_line(cli, journal, tmp_path, target):
    before = files_of(tmp_path)
    result = cli("backup", target)
    refused(result, "backup target")
    assert files_of(tmp_path) == before


def test_backup_to_a_missing_folder_creates_nothing(cli, journal, tmp_path):
    before = files_of(tmp_path)
    for target in ["nope/", "nope/x.db", "nope/deeper/", str(tmp_path / "nope") + "/"]:
        refused(cli("backup", target), "folder that does not exist")
    assert not os.path.lexists(tmp_path / "nope")
    assert files_of(tmp_path) == before
    refused(cli("export", "-o", "nope/", "--force"), "folder")
    assert not os.path.lexists(tmp_path / "nope")


def test_backup_onto_a_fifo_or_device_is_one_line(cli, journal, tmp_path):
    os.mkfifo(tmp_path / "fifo")
    refused(cli("backup", "fifo"), "fifo", "FIFO")
    refused(cli("backup", "/dev/null"), "/dev/null", "device")
    refused(cli("export", "-o", "fifo", "--force"), "FIFO")
    refused(cli("export", "-o", "/dev/null", "--force"), "device")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


# --- the one service function both commands use -----------------------------------------------

PARTS = st.lists(st.sampled_from([".", "sub/..", "linked", "", "sub/../linked"]), max_size=4)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # the journal is only read
@given(parts=PARTS, side=st.sampled_from(SIDES), absolute=st.booleans(), replace=st.booleans())
def test_check_output_refuses_every_spelling(journal, tmp_path, parts, side, absolute, replace):
    spelled = os.path.join(*parts, "journal.db" + side) if parts else "journal.db" + side
    if absolute:
        spelled = os.path.join(str(tmp_path), spelled)
    target = os.path.abspath(spelled)
    with pytest.raises(BadInput, match="is the journal"):
        service.check_output(journal, target, "-o", replace=replace)


def test_export_through_a_symlink_replaces_the_file_never_the_link(cli, journal, tmp_path):
    """As `/dev/stdout` is a link: --force writes the file it names and leaves the link be."""
    (tmp_path / "sub" / "real.md").write_text("old export\n")
    (tmp_path / "out.md").symlink_to(tmp_path / "sub" / "real.md")
    assert cli("export", "-o", "out.md", "--force").code == 0
    assert os.path.islink(tmp_path / "out.md")
    assert (tmp_path / "sub" / "real.md").read_text().startswith("> Redacted")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
def test_export_into_proc_and_an_empty_backup_target_are_one_line(cli, journal, tmp_path):
    before = files_of(tmp_path)
    refused(cli("export", "-o", "/proc/x.md", "--force"), "/proc/x.md", "cannot be written")
    refused(cli("backup", ""), "backup target", "empty")
    refused(cli("backup", " "), "backup target", "empty")
    assert files_of(tmp_path) == before
