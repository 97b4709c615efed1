"""JournalStore on fresh databases: creation, guards, migrations, every record type, undo."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat

import pytest

from journal import migrations, service
from journal import models as m
from journal.errors import BadInput, NotAJournal, NotFound, NothingToUndo
from journal.store import SCHEMA_VERSION, JournalStore
from tests.conftest import file_bytes, snapshot_files

CET = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 26, 15, 0, tzinfo=CET)


def mode(path: str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def folder_state(folder) -> dict[str, bytes]:
    return {
        name: file_bytes(os.path.join(folder, name))
        for name in sorted(os.listdir(folder))
        if os.path.isfile(os.path.join(folder, name))
    }


# --- creation ----------------------------------------------------------------------------------


def test_schema_version_is_the_last_migration():
    assert SCHEMA_VERSION == migrations.CURRENT


def test_new_database_is_private_wal_with_foreign_keys_and_a_busy_timeout(tmp_path):
    old_umask = os.umask(0o022)  # a permissive umask must not leak into the journal's mode
    try:
        path = str(tmp_path / "new" / "deeper" / "journal.db")
        with JournalStore.open(path) as store:
            service.log_energy(store, level=3, at=NOW)
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
            assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert store.meta("app") == "aijournal"
            sidecars = [path + s for s in ("-wal", "-shm") if os.path.exists(path + s)]
            assert sidecars, "a WAL journal with an open writer has its -wal/-shm files"
            for sidecar in sidecars:
                assert mode(sidecar) == 0o600, sidecar
        assert mode(path) == 0o600
        assert mode(os.path.dirname(path)) == 0o700
        assert sorted(os.listdir(os.path.dirname(path))) == ["journal.db"]
    finally:
        os.umask(old_umask)


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError), store.write("bad link"):
        store.conn.execute(
            "INSERT INTO interaction_person (interaction_id, person_id, pos) "
            "VALUES ('nope', 'nobody', 0)"
        )
    assert store.conn.execute("SELECT count(*) FROM interaction_person").fetchone()[0] == 0


def test_reopening_keeps_entries(db_path):
    with JournalStore.open(db_path) as store:
        row = service.log_energy(store, level=4, at=NOW)
    with JournalStore.open(db_path) as store:
        assert store.entry("energy", row["id"]).level == 4


def test_open_without_create_refuses_a_missing_file(tmp_path):
    path = str(tmp_path / "missing.db")
    with pytest.raises(NotAJournal, match="does not exist"):
        JournalStore.open(path, create=False)
    assert not os.path.exists(path)


# --- what is not a journal is left alone -------------------------------------------------------


def _other_program(path: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()


def _wal_program(path: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('app', 'something-else')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: open(p, "w").write("hello, I am a text file\n"), "not a SQLite database"),
        (lambda p: open(p, "w").close(), "empty file"),
        (lambda p: open(p, "wb").write(b"SQLite format 3\x00" + b"\x00" * 200), "SQLite"),
        (_other_program, "another program"),
        (_wal_program, "another program"),
    ],
)
def test_not_a_journal_is_refused_and_untouched(tmp_path, make, message):
    path = str(tmp_path / "thing.db")
    make(path)
    before = folder_state(tmp_path)
    with pytest.raises(NotAJournal, match=message) as caught:
        JournalStore.open(path)
    assert "\n" not in str(caught.value)
    assert repr(path) in str(caught.value)
    assert folder_state(tmp_path) == before


def test_a_directory_is_refused(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(NotAJournal, match="directory"):
        JournalStore.open(str(folder))
    assert os.listdir(folder) == []


def test_a_newer_schema_is_refused_byte_identical(db_path):
    with JournalStore.open(db_path) as store:
        service.log_energy(store, level=3, at=NOW)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    folder = os.path.dirname(db_path)
    before = folder_state(folder)
    with pytest.raises(NotAJournal, match="newer aijournal"):
        JournalStore.open(db_path)
    assert folder_state(folder) == before


# --- migrations --------------------------------------------------------------------------------


def _add_v2(db) -> None:  # noqa: ANN001
    db.execute("ALTER TABLE energy ADD COLUMN mood TEXT")
    db["meta"].insert({"key": "v2", "value": "yes"})


def _broken_v2(db) -> None:  # noqa: ANN001
    db.execute("ALTER TABLE energy ADD COLUMN mood TEXT")
    raise RuntimeError("step failed half-way")


def _pretend_version(monkeypatch, step) -> None:  # noqa: ANN001
    import journal.store as store_module

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    monkeypatch.setattr(migrations, "CURRENT", len(migrations.MIGRATIONS))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(migrations.MIGRATIONS))


def test_a_migration_backs_up_first_then_upgrades(db_path, monkeypatch):
    with JournalStore.open(db_path) as store:
        row = service.log_energy(store, level=2, at=NOW)
    _pretend_version(monkeypatch, _add_v2)
    with JournalStore.open(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert store.meta("v2") == "yes"
        assert store.entry("energy", row["id"]).level == 2
    folder = os.path.dirname(db_path)
    backups = [n for n in os.listdir(folder) if n.endswith(".bak")]
    assert len(backups) == 1 and backups[0].startswith(f"journal.db.v{SCHEMA_VERSION}-")
    backup = os.path.join(folder, backups[0])
    assert mode(backup) == 0o600
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT level FROM energy").fetchall() == [(2,)]
    assert "mood" not in [r[1] for r in conn.execute("PRAGMA table_info(energy)")]
    conn.close()


def test_a_failed_migration_leaves_the_journal_as_it_was(db_path, monkeypatch):
    with JournalStore.open(db_path) as store:
        service.log_energy(store, level=2, at=NOW)
    _pretend_version(monkeypatch, _broken_v2)
    with pytest.raises(RuntimeError):
        JournalStore.open(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "mood" not in [r[1] for r in conn.execute("PRAGMA table_info(energy)")]
    assert conn.execute("SELECT count(*) FROM energy").fetchone()[0] == 1
    conn.close()
    assert any(n.endswith(".bak") for n in os.listdir(os.path.dirname(db_path)))


def test_a_fresh_journal_needs_no_backup(db_path):
    JournalStore.open(db_path).close()
    assert not [n for n in os.listdir(os.path.dirname(db_path)) if n.endswith(".bak")]


# --- every record type, written and read back --------------------------------------------------


def test_ai_session_round_trip(store):
    row = service.log_ai(
        store,
        tool="Claude",
        minutes=45,
        at=NOW - dt.timedelta(hours=2),
        purpose="learn",
        instead_of_person=True,
        skill="SQL",
        note="good",
        tags=["work", "sql"],
        now=NOW,
    )
    entry = store.entry("ai_session", row["id"])
    assert entry == m.AISession(
        id=row["id"],
        created_at=NOW,
        updated_at=NOW,
        note="good",
        tags=("work", "sql"),
        started_at=dt.datetime(2026, 11, 26, 13, 0, tzinfo=CET),
        minutes=45,
        tool="Claude",
        purpose=m.Purpose.LEARN,
        instead_of_person=True,
        skill="SQL",
    )
    assert entry.day == dt.date(2026, 11, 26)
    assert entry.started_at.utcoffset() == dt.timedelta(hours=1)


def test_interaction_round_trip_keeps_people_in_order(store):
    row = service.log_interaction(
        store,
        people=["Sam", "Priya"],
        minutes=30,
        at=NOW,
        kind="feedback",
        channel="video",
        quality=5,
        initiated=True,
        tags=["1on1"],
        now=NOW,
    )
    entry = store.entry("interaction", row["id"])
    assert isinstance(entry, m.Interaction)
    assert entry.people == ("Sam", "Priya")
    assert (entry.minutes, entry.kind, entry.channel, entry.quality, entry.initiated) == (
        30,
        m.Kind.FEEDBACK,
        m.Channel.VIDEO,
        5,
        True,
    )
    assert entry.tags == ("1on1",)
    assert [p.name for p in store.people()] == ["Priya", "Sam"]


def test_people_are_matched_ignoring_case(store):
    service.log_interaction(store, people=["Sam"], minutes=10, at=NOW, now=NOW)
    row = service.log_interaction(
        store, people=["SAM", "sam", "Priya"], minutes=10, at=NOW, now=NOW
    )
    assert [p.name for p in store.people()] == ["Priya", "Sam"]
    assert store.entry("interaction", row["id"]).people == ("Sam", "Priya")
    assert store.person_by_name("sAm").name == "Sam"


def test_energy_checkin_who5_person_intention_round_trip(store):
    energy = service.log_energy(store, level=2, at=NOW, note="tired")
    assert store.entry("energy", energy["id"]) == m.Energy(
        id=energy["id"], created_at=NOW, updated_at=NOW, note="tired", at=NOW, level=2
    )
    checkin, replaced = service.checkin(
        store, day=NOW.date(), trust_ai=4, trust_team=2, connection=3
    )
    assert not replaced
    assert store.entry("checkin", checkin["id"]) == m.CheckIn(
        id=checkin["id"],
        created_at=NOW,
        updated_at=NOW,
        day=NOW.date(),
        trust_ai=4,
        trust_team=2,
        connection=3,
    )
    who5 = service.log_who5(store, items=[5, 4, 3, 2, 1], day=NOW.date())
    stored = store.entry("who5", who5["id"])
    assert stored.items == (5, 4, 3, 2, 1) and (stored.raw, stored.percent) == (15, 60)
    person = service.person_row("Ines", "mentor", now=NOW)
    intention = {
        **service.base_row(NOW),
        "insight_id": "no-mentoring",
        "action_id": "no-mentoring/ask-ines",
        "text": "Ask Ines for feedback",
    }
    with store.write("add"):
        store.insert("person", person)
        store.insert("intention", intention)
    assert store.entry("person", person["id"]) == m.Person(
        id=person["id"], created_at=NOW, updated_at=NOW, name="Ines", relation=m.Relation.MENTOR
    )
    assert store.entry("intention", intention["id"]) == m.Intention(
        id=intention["id"],
        created_at=NOW,
        updated_at=NOW,
        insight_id="no-mentoring",
        action_id="no-mentoring/ask-ines",
        text="Ask Ines for feedback",
    )
    assert [i.id for i in store.intentions(open_only=True)] == [intention["id"]]


def test_checkin_replaces_the_same_day(store):
    first, replaced = service.checkin(
        store, day=NOW.date(), trust_ai=2, trust_team=4, connection=4, note="first"
    )
    second, replaced = service.checkin(store, day=NOW.date(), trust_ai=5, trust_team=1)
    assert replaced and second["id"] == first["id"]
    live = store.all_entries("checkin")
    assert len(live) == 1
    assert (live[0].trust_ai, live[0].trust_team, live[0].connection, live[0].note) == (
        5,
        1,
        None,
        None,
    )
    other, replaced = service.checkin(
        store, day=NOW.date() - dt.timedelta(days=1), trust_ai=3, trust_team=3
    )
    assert not replaced and len(store.all_entries("checkin")) == 2
    store.undo()
    store.undo()  # back to the first check-in of the day, as it was
    live = store.all_entries("checkin")
    assert [(c.trust_ai, c.trust_team, c.connection, c.note) for c in live] == [(2, 4, 4, "first")]


def test_values_out_of_range_never_reach_the_store(store):
    for call in (
        lambda: service.log_ai(store, tool="X", minutes=0, at=NOW),
        lambda: service.log_ai(store, tool="X", minutes=1441, at=NOW),
        lambda: service.log_ai(store, tool="X", minutes=True, at=NOW),
        lambda: service.log_ai(store, tool="X", minutes=10, at=NOW, purpose="play"),
        lambda: service.log_interaction(store, people=["Sam"], minutes=10, at=NOW, quality=0),
        lambda: service.log_interaction(store, people=["Sam"], minutes=10, at=NOW, kind="x"),
        lambda: service.log_interaction(store, people=["Sam"], minutes=10, at=NOW, channel="x"),
        lambda: service.log_interaction(store, people=[], minutes=10, at=NOW),
        lambda: service.log_energy(store, level=6, at=NOW),
        lambda: service.checkin(store, day=NOW.date(), trust_ai=0, trust_team=3),
        lambda: service.log_who5(store, items=[1, 2, 3, 4], day=NOW.date()),
        lambda: service.log_who5(store, items=[1, 2, 3, 4, 6], day=NOW.date()),
    ):
        with pytest.raises(BadInput):
            call()
    assert service.is_empty(store)
    assert store.conn.execute("SELECT count(*) FROM undo_step").fetchone()[0] == 0


# --- transactions and undo ---------------------------------------------------------------------


def test_a_failed_write_rolls_back_and_leaves_no_undo_step(store):
    with pytest.raises(ZeroDivisionError), store.write("half"):
        store.insert(
            "energy",
            {**service.base_row(NOW), **service.timed(NOW), "at": NOW.isoformat(), "level": 3},
        )
        1 / 0  # noqa: B018
    assert store.all_entries("energy", include_deleted=True) == []
    with pytest.raises(NothingToUndo):
        store.undo()


def test_writes_need_a_transaction(store):
    with pytest.raises(RuntimeError):
        store.insert("energy", {"id": "x"})


def test_undo_an_insert_with_new_people(store):
    service.log_interaction(store, people=["Sam"], minutes=10, at=NOW, now=NOW)
    row = service.log_interaction(store, people=["Sam", "Priya"], minutes=20, at=NOW, now=NOW)
    assert "Priya" in store.undo()
    entry = store.entry("interaction", row["id"])
    assert entry.deleted
    assert row["id"] not in [e.id for e in service.entries(store)]
    assert [p.name for p in store.people()] == ["Sam"]  # Priya joined with it, and left with it


def test_undo_an_edit_restores_fields_and_people(store):
    row = service.log_interaction(
        store, people=["Sam"], minutes=10, at=NOW, kind="help", note="orig", tags=["a"], now=NOW
    )
    before = store.entry("interaction", row["id"])
    edited = service.edit_entry(
        store,
        row["id"][:8],
        {
            "people": ["Priya", "Alex"],
            "minutes": 50,
            "kind": "mentoring",
            "channel": "call",
            "quality": 5,
            "initiated": True,
            "at": NOW - dt.timedelta(days=1),
            "note": "new",
            "tags": ["b", "c"],
        },
    )
    assert edited.people == ("Priya", "Alex")
    assert (edited.minutes, edited.kind, edited.channel, edited.quality, edited.initiated) == (
        50,
        m.Kind.MENTORING,
        m.Channel.CALL,
        5,
        True,
    )
    assert edited.day == dt.date(2026, 11, 25)
    assert edited.note == "new" and edited.tags == ("b", "c")
    store.undo()
    after = store.entry("interaction", row["id"])
    assert after == before  # updated_at is the pinned now on both sides
    assert after.day == before.day
    assert [p.name for p in store.people()] == ["Sam"]


def test_undo_a_delete(store):
    row = service.log_energy(store, level=3, at=NOW)
    service.delete_entry(store, row["id"])
    assert store.entry("energy", row["id"]).deleted
    assert service.entries(store) == []
    with pytest.raises(NotFound):
        service.get_entry(store, row["id"])
    store.undo()
    assert not store.entry("energy", row["id"]).deleted
    assert [e.id for e in service.entries(store)] == [row["id"]]


def test_undo_a_deleted_interaction_keeps_its_people(store):
    row = service.log_interaction(store, people=["Sam", "Priya"], minutes=10, at=NOW, now=NOW)
    service.delete_entry(store, row["id"][:6])
    store.undo()
    assert store.entry("interaction", row["id"]).people == ("Sam", "Priya")


def test_undo_goes_back_one_step_at_a_time_then_stops(store):
    first = service.log_energy(store, level=1, at=NOW)
    second = service.log_energy(store, level=2, at=NOW)
    assert store.undo() == "log energy"
    assert [e.id for e in service.entries(store)] == [first["id"]]
    store.undo()
    assert service.entries(store) == []
    with pytest.raises(NothingToUndo):
        store.undo()
    assert store.entry("energy", second["id"]).deleted


def test_undo_keeps_the_last_fifty_steps(store):
    from journal.store import UNDO_DEPTH

    for level in range(UNDO_DEPTH + 10):
        service.log_energy(store, level=1 + level % 5, at=NOW)
    assert store.conn.execute("SELECT count(*) FROM undo_step").fetchone()[0] <= UNDO_DEPTH
    for _ in range(UNDO_DEPTH):
        store.undo()
    with pytest.raises(NothingToUndo):
        store.undo()
    assert len(service.entries(store)) == 10


# --- finding and reading -----------------------------------------------------------------------


def test_find_by_id_prefix(store):
    row = service.log_energy(store, level=3, at=NOW)
    assert store.find(row["id"][:4].upper()) == ("energy", row["id"])
    with pytest.raises(BadInput, match="4 or more"):
        store.find(row["id"][:3])
    with pytest.raises(BadInput):
        store.find("not-hex")
    with pytest.raises(NotFound):
        store.find("0000" if not row["id"].startswith("0000") else "ffff")


def test_an_ambiguous_prefix_is_refused(store):
    with store.write("two"):
        for suffix in ("a", "b"):
            store.insert(
                "energy",
                {
                    **service.base_row(NOW),
                    "id": "abcd" + suffix * 28,
                    **service.timed(NOW),
                    "at": NOW.isoformat(),
                    "level": 3,
                },
            )
    with pytest.raises(BadInput, match="matches 2 entries"):
        store.find("abcd")
    assert store.find("abcda")[1] == "abcd" + "a" * 28


def test_timeline_filters_and_order(store):
    day = dt.timedelta(days=1)
    a = service.log_ai(store, tool="Claude", minutes=10, at=NOW - 3 * day, tags=["x"], now=NOW)
    b = service.log_interaction(store, people=["Sam"], minutes=10, at=NOW - 2 * day, now=NOW)
    c = service.log_energy(store, level=4, at=NOW - day, tags=["x"])
    d = service.log_interaction(store, people=["Priya"], minutes=10, at=NOW, now=NOW)
    gone = service.log_energy(store, level=1, at=NOW - day)
    service.delete_entry(store, gone["id"])
    ids = lambda entries: [e.id for e in entries]  # noqa: E731
    assert ids(service.entries(store)) == [a["id"], b["id"], c["id"], d["id"]]
    assert ids(service.entries(store, newest_first=True, limit=2)) == [d["id"], c["id"]]
    assert ids(service.entries(store, since=NOW - 2 * day)) == [b["id"], c["id"], d["id"]]
    assert ids(service.entries(store, until=NOW - 2 * day)) == [a["id"], b["id"]]
    assert ids(service.entries(store, types=["interaction"])) == [b["id"], d["id"]]
    assert ids(service.entries(store, person="sam")) == [b["id"]]
    assert ids(service.entries(store, tag="x")) == [a["id"], c["id"]]
    assert store.count_timeline() == 4


def test_backup_is_a_private_journal(store, tmp_path):
    row = service.log_energy(store, level=3, at=NOW)
    target = service.backup(store, str(tmp_path / "copy.db"), NOW)
    assert mode(target) == 0o600
    with JournalStore.open(target, create=False) as copy:
        assert copy.entry("energy", row["id"]).level == 3
    with pytest.raises(BadInput, match="exists already"):
        service.backup(store, target, NOW)


def test_snapshot_helper_sees_the_wal(store, db_path):
    service.log_energy(store, level=3, at=NOW)
    assert "" in snapshot_files(db_path)


def test_a_busy_journal_gives_one_line_and_writes_nothing(db_path, monkeypatch):
    import journal.store as store_module
    from journal.errors import JournalError

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.2)
    with JournalStore.open(db_path) as holder, JournalStore.open(db_path) as waiter:
        holder.conn.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(JournalError, match="busy") as caught:
                service.log_energy(waiter, level=3, at=NOW)
            assert "\n" not in str(caught.value)
        finally:
            holder.conn.execute("ROLLBACK")
        assert service.entries(waiter) == []
        service.log_energy(waiter, level=3, at=NOW)  # and it works once the other is done
