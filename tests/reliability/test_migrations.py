"""Migrations: journals of every past schema version open with nothing lost; a backup (0600) is
made before each migration; a journal from a newer aijournal is refused and never downgraded.

tests/data/schemas/vN.sqlite is a journal written at schema version N (made by make_vN.py);
vN.json is what `log --json` and `people --json` showed for it then.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sqlite3
import stat

import pytest

from journal import migrations, store

SCHEMAS = os.path.join(os.path.dirname(__file__), "..", "data", "schemas")


def fixture(version: int) -> str:
    return os.path.join(SCHEMAS, f"v{version}.sqlite")


def rows(path: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: the journal's whole content."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def contains(old: dict[str, list[tuple]], new_path: str) -> None:
    """Every table and row of `old` is still in the journal at new_path, unchanged (new rows and
    new trailing columns may be added)."""
    conn = sqlite3.connect(f"file:{new_path}?mode=ro", uri=True)
    try:
        for table, table_rows in old.items():
            width = len(table_rows[0]) if table_rows else 0
            now = {r[:width] for r in conn.execute(f"SELECT * FROM {table}")}
            lost = [r for r in table_rows if r not in now]
            assert not lost, f"table {table} lost or changed {len(lost)} rows: {lost[:2]}"
    finally:
        conn.close()


def subset(expected, actual) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and subset(v, actual[k]) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(subset(e, a) for e, a in zip(expected, actual, strict=True))
        )
    return expected == actual


@pytest.fixture
def copy_of(tmp_path):
    """A private copy of a fixture: tests never open the committed file itself."""

    def make(version: int) -> str:
        target = str(tmp_path / "journal.db")
        shutil.copyfile(fixture(version), target)
        os.chmod(target, 0o600)
        return target

    return make


def test_there_is_a_fixture_for_every_schema_version():
    assert store.SCHEMA_VERSION == migrations.CURRENT
    for version in range(1, migrations.CURRENT + 1):
        assert os.path.exists(fixture(version)), f"add tests/data/schemas/make_v{version}.py"
        with open(fixture(version), "rb") as handle:  # the header: opening it would add a -shm
            assert int.from_bytes(handle.read(100)[60:64], "big") == version


@pytest.mark.parametrize("version", range(1, migrations.CURRENT + 1))
def test_every_past_version_opens_with_nothing_lost(copy_of, cli, version):
    """Opened by this aijournal (which migrates it if it is older), a fixture keeps every row."""
    path = copy_of(version)
    before = rows(path)
    result = cli("--db", path, "log", "--json")
    assert result.code == 0, result.err
    with open(os.path.join(SCHEMAS, f"v{version}.json"), encoding="utf-8") as handle:
        expected = json.load(handle)
    assert subset(expected["log"], json.loads(result.out))
    people = cli("--db", path, "people", "--json")
    assert subset(expected["people"], json.loads(people.out))
    for key, args in (
        ("profile", ("profile", "--json")),
        ("pauses", ("pause", "--list", "--json")),
        ("mutes", ("mute", "--list", "--json")),
    ):
        if key in expected:  # version 2 on
            assert subset(expected[key], json.loads(cli("--db", path, *args).out)), key
    if "experiments" in expected:  # version 3 on: running, ended; the deleted one stays gone
        listed = json.loads(cli("--db", path, "experiment", "list", "--json").out)
        assert subset(expected["experiments"], listed)
    contains(before, path)
    # Still a working journal: a new entry, then undo, then the old content is all there.
    assert cli("--db", path, "energy", "5").code == 0
    assert cli("--db", path, "undo").code == 0
    contains(before, path)


LATEST = migrations.CURRENT  # the real newest version; the tests below simulate the next one
NEXT = LATEST + 1


def _pretend_next_version(monkeypatch, step):
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    monkeypatch.setattr(migrations, "CURRENT", NEXT)
    monkeypatch.setattr(store, "SCHEMA_VERSION", NEXT)


def _add_mood_column(db):
    db["energy"].add_column("mood", str)
    db.execute("CREATE INDEX energy_level ON energy(level)")


def test_a_migration_backs_up_first_and_keeps_everything(copy_of, cli, monkeypatch, request):
    """The next schema version is simulated: a journal of the latest real one is upgraded."""
    path = copy_of(LATEST)
    before, original = rows(path), open(path, "rb").read()
    saved = os.umask(0o022)  # permissive: the backup must be private anyway
    request.addfinalizer(lambda: os.umask(saved))
    _pretend_next_version(monkeypatch, _add_mood_column)
    result = cli("--db", path, "log", "--json")
    assert result.code == 0, result.err
    backups = glob.glob(f"{path}.v{LATEST}-*.bak")
    assert len(backups) == 1
    assert stat.S_IMODE(os.stat(backups[0]).st_mode) == 0o600
    assert rows(backups[0]) == before  # the backup is the journal as it was
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == NEXT
    conn.close()
    contains(before, path)
    assert len(original) > 0


def test_a_failing_migration_changes_nothing(copy_of, cli, monkeypatch):
    path = copy_of(LATEST)
    before = rows(path)

    def broken(db):
        db["energy"].add_column("mood", str)
        db.execute("INSERT INTO no_such_table VALUES (1)")

    _pretend_next_version(monkeypatch, broken)
    result = cli("--db", path, "energy", "3")
    assert result.code != 0 and len(result.err.splitlines()) == 1, result.err
    assert "Traceback" not in result.err
    assert rows(path) == before  # step rolled back: still LATEST, no column, no new entry
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    conn.close()
    assert len(glob.glob(f"{path}.v{LATEST}-*.bak")) == 1


def test_a_newer_journal_is_refused_and_never_downgraded(copy_of, cli):
    path = copy_of(migrations.CURRENT)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    conn.close()
    before = open(path, "rb").read()
    for args in (["energy", "3"], ["log", "--json"], ["status", "--prompt"], ["backup"]):
        result = cli("--db", path, *args)
        assert result.code == 2 and "newer aijournal" in result.err, (args, result.err)
    assert open(path, "rb").read() == before
    assert glob.glob(f"{path}.*") == []


def test_a_journal_the_size_of_years_upgrades_whole(tmp_path, cli, monkeypatch):
    """A bigger journal (a 400-day demo) through the simulated upgrade: every row kept."""
    path = str(tmp_path / "big.db")
    assert cli("--db", path, "demo", "--days", "400").code == 0
    before = rows(path)
    _pretend_next_version(monkeypatch, _add_mood_column)
    assert cli("--db", path, "status").code == 0
    contains(before, path)
