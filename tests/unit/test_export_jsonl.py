"""The JSONL backup and its merge: every record out, round trip, idempotence, two-way merge."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from export_builders import at, build

from journal import models as m
from journal import service
from journal.errors import BadInput
from journal.export import jsonl as jsonl_export
from journal.importers import jsonl
from journal.store import JournalStore


@pytest.fixture
def other(tmp_path):
    with JournalStore.open(str(tmp_path / "other.db")) as opened:
        yield opened


def later(monkeypatch, time: str) -> None:
    monkeypatch.setenv("AIJOURNAL_NOW", f"2026-11-26T{time}:00")


def dump(store: JournalStore, path) -> str:
    path.write_text("".join(line + "\n" for line in jsonl_export.lines(store)), encoding="utf-8")
    return str(path)


def content(store: JournalStore) -> list[dict]:
    """Every record, tombstones included, as comparable dicts."""
    return sorted(
        (json.loads(line) for line in jsonl_export.lines(store)), key=lambda r: (r["type"], r["id"])
    )


def undo_steps(store: JournalStore) -> int:
    return store.conn.execute("SELECT count(*) FROM undo_step").fetchone()[0]


def test_export_has_every_record_of_every_type(store):
    build(store)
    entry = service.entries(store, types=["energy"])[0]
    service.delete_entry(store, entry.id)
    with store.write("intention"):
        store.insert(
            "intention",
            {
                **service.base_row(at(26, 10)),
                "insight_id": "no-mentoring",
                "action_id": "no-mentoring/ask-priya",
                "text": "Ask Priya for 15 minutes of mentoring",
            },
        )
    records = [json.loads(line) for line in jsonl_export.lines(store)]
    types = {r["type"] for r in records}
    assert types == {
        "person",
        "ai_session",
        "interaction",
        "energy",
        "checkin",
        "who5",
        "intention",
    }
    assert records[0]["type"] == "person"
    tomb = next(r for r in records if r["id"] == entry.id)
    assert tomb["deleted_at"] is not None and tomb["level"] == entry.level
    both = next(r for r in records if r["type"] == "interaction" and len(r["people"]) == 2)
    assert both["people"] == ["Sam", "Priya"]
    ai = next(r for r in records if r["type"] == "ai_session" and r["note"])
    assert set(ai) == {
        "type",
        "id",
        "started_at",
        "minutes",
        "tool",
        "purpose",
        "instead_of_person",
        "skill",
        "note",
        "tags",
        "source",
        "created_at",
        "updated_at",
        "deleted_at",
    }
    assert ai["started_at"] == "2026-11-23T09:00:00+01:00" and ai["tags"] == ["private-tag"]
    who5 = next(r for r in records if r["type"] == "who5")
    assert who5["day"] == "2026-11-26" and who5["items"] == [2, 3, 2, 2, 3]
    for record in records:
        assert record == m.to_record(store.entry(record["type"], record["id"]))


def test_round_trip_export_wipe_import_export(store, other, tmp_path):
    build(store)
    service.delete_entry(store, service.entries(store, types=["ai_session"])[0].id)
    path = dump(store, tmp_path / "backup.jsonl")
    result = jsonl.run(other, path)
    assert result.added == 16 and result.updated == 0 and result.deleted == 0
    assert result.skipped == 1  # the tombstone, kept as one
    assert content(other) == content(store)
    assert [line for line in jsonl_export.lines(other)] == jsonl_export.lines(store)
    assert service.people(other)[0][1]["count"] == 2  # links rebuilt from names


def test_reimport_changes_nothing(store, other, tmp_path):
    build(store)
    path = dump(store, tmp_path / "backup.jsonl")
    jsonl.run(other, path)
    before, steps = content(other), undo_steps(other)
    again = jsonl.run(other, path)
    assert (again.added, again.updated, again.deleted) == (0, 0, 0)
    assert again.skipped == 17
    assert content(other) == before and undo_steps(other) == steps  # not even an undo step
    same = jsonl.run(store, path)  # into the journal it came from
    assert (same.added, same.updated, same.deleted) == (0, 0, 0)


def test_two_journals_that_both_changed_end_equal(store, other, tmp_path, monkeypatch):
    build(store)
    jsonl.run(other, dump(store, tmp_path / "a0.jsonl"))
    sessions = service.entries(store, types=["ai_session"])
    energy = service.entries(store, types=["energy"])

    later(monkeypatch, "16:00")  # device A: edit, delete, add
    service.edit_entry(store, sessions[0].id, {"minutes": 90})
    service.delete_entry(store, energy[0].id)
    service.log_energy(store, level=5, at=at(26, 15, 30))
    service.edit_entry(store, sessions[1].id, {"note": "A's edit, older"})

    later(monkeypatch, "17:00")  # device B: edit others, delete, add, a later edit of sessions[1]
    service.edit_entry(other, sessions[2].id, {"purpose": "learn"})
    service.delete_entry(other, energy[1].id)
    service.log_interaction(other, people=["priya", "Noor"], minutes=25, at=at(26, 16, 30))
    service.edit_entry(other, sessions[1].id, {"note": "B's edit, later"})

    later(monkeypatch, "18:00")
    to_b = jsonl.run(other, dump(store, tmp_path / "a1.jsonl"))
    to_a = jsonl.run(store, dump(other, tmp_path / "b1.jsonl"))
    assert content(store) == content(other)
    assert to_b.updated == 1 and to_b.deleted == 1 and to_b.added == 1  # A's edit, delete, add
    assert to_a.updated == 2 and to_a.deleted == 1 and to_a.added == 2  # + Noor joins A
    merged = {e.id: e for e in service.entries(store)}
    assert merged[sessions[0].id].minutes == 90
    assert merged[sessions[2].id].purpose == m.Purpose.LEARN
    assert merged[sessions[1].id].note == "B's edit, later"
    assert energy[0].id not in merged and energy[1].id not in merged
    assert sorted(p.name for p, _ in service.people(store)) == ["Noor", "Priya", "Sam"]
    # A third exchange finds nothing to do, either way.
    again = jsonl.run(other, dump(store, tmp_path / "a2.jsonl"))
    back = jsonl.run(store, dump(other, tmp_path / "b2.jsonl"))
    assert (again.added, again.updated, again.deleted, back.added, back.updated, back.deleted) == (
        0,
        0,
        0,
        0,
        0,
        0,
    )


def test_same_name_created_on_two_devices_merges_into_the_older(
    store, other, tmp_path, monkeypatch
):
    service.log_interaction(store, people=["Priya"], minutes=30, at=at(26, 9))
    later(monkeypatch, "15:30")
    service.log_interaction(other, people=["PRIYA"], minutes=20, at=at(26, 10))
    older = store.person_by_name("priya")
    later(monkeypatch, "16:00")
    jsonl.run(other, dump(store, tmp_path / "a.jsonl"))
    jsonl.run(store, dump(other, tmp_path / "b.jsonl"))
    assert content(store) == content(other)
    for journal in (store, other):
        roster = service.people(journal)
        assert [(p.id, p.name, s["count"]) for p, s in roster] == [(older.id, "Priya", 2)]
        persons = journal.all_entries("person", include_deleted=True)
        assert len(persons) == 2 and sum(not p.deleted for p in persons) == 1


def test_one_checkin_a_day_the_later_stays(store, other, tmp_path, monkeypatch):
    day = dt.date(2026, 11, 25)
    service.checkin(store, day=day, trust_ai=2, trust_team=4)
    later(monkeypatch, "16:00")
    service.checkin(other, day=day, trust_ai=5, trust_team=1)
    jsonl.run(store, dump(other, tmp_path / "b.jsonl"))
    jsonl.run(other, dump(store, tmp_path / "a.jsonl"))
    assert content(store) == content(other)
    for journal in (store, other):
        live = journal.checkin_on(day)
        assert (live.trust_ai, live.trust_team) == (5, 1)
        assert len(journal.all_entries("checkin")) == 1


def test_older_record_does_not_replace_and_tombstone_deletes(store, other, tmp_path, monkeypatch):
    row = service.log_energy(store, level=2, at=at(26, 9))
    old_path = dump(store, tmp_path / "old.jsonl")
    later(monkeypatch, "16:00")
    service.edit_entry(store, row["id"], {"level": 4})
    assert jsonl.run(store, old_path).updated == 0
    assert store.entry("energy", row["id"]).level == 4
    later(monkeypatch, "17:00")
    jsonl.run(other, dump(store, tmp_path / "new.jsonl"))
    service.delete_entry(store, row["id"])
    result = jsonl.run(other, dump(store, tmp_path / "deleted.jsonl"))
    assert result.deleted == 1 and other.entry("energy", row["id"]).deleted


def test_hand_written_records_with_few_fields(store, tmp_path):
    service.log_interaction(store, people=["Priya"], minutes=30, at=at(25, 9))
    path = tmp_path / "hand.jsonl"
    path.write_text(
        '{"type": "energy", "id": "00c0ffee", "at": "2026-11-24T08:00:00+01:00", "level": 3}\n'
        "\n"
        '{"type": "interaction", "id": "0000beef", "at": "2026-11-24T12:00:00", "minutes": 15,'
        ' "people": ["priya", "Lee"]}\n'
        '{"type": "checkin", "id": "ABCDEF01-0000", "day": "2026-11-24", "trust_ai": 3,'
        ' "trust_team": 4}\n',
        encoding="utf-8",
    )
    result = jsonl.run(store, str(path))
    assert result.added == 3
    met = store.entry("interaction", "0000beef")
    assert met.people == ("Priya", "Lee") and met.kind == m.Kind.COLLABORATION
    assert met.at.isoformat() == "2026-11-24T12:00:00+01:00"  # naive means local
    assert store.entry("checkin", "abcdef010000").trust_team == 4
    assert store.person_by_name("lee").source == "jsonl"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "is not a JSON object"),
        ('{"type": "mood", "id": "00000001"}', "type 'mood' is not accepted"),
        ('{"type": "energy", "at": "2026-11-24T08:00:00+01:00", "level": 3}', "needs an id"),
        (
            '{"type": "energy", "id": "xyz", "at": "2026-11-24T08:00:00+01:00", "level": 3}',
            "id 'xyz' is not accepted",
        ),
        ('{"type": "energy", "id": "00000001", "level": 3}', "needs 'at'"),
        (
            '{"type": "energy", "id": "00000001", "at": "yesterday", "level": 3}',
            "at 'yesterday' is not a date-time",
        ),
        (
            '{"type": "ai_session", "id": "00000001", "started_at": "2026-11-24T08:00:00+01:00",'
            ' "minutes": 0, "tool": "Claude"}',
            "minutes 0 is not accepted",
        ),
        (
            '{"type": "ai_session", "id": "00000001", "started_at": "2026-11-24T08:00:00+01:00",'
            ' "minutes": 5, "tool": "Claude", "purpose": "fun"}',
            "purpose 'fun' is not accepted",
        ),
        (
            '{"type": "interaction", "id": "00000001", "at": "2026-11-24T08:00:00+01:00",'
            ' "minutes": 5, "people": []}',
            "people [] is not accepted",
        ),
        (
            '{"type": "who5", "id": "00000001", "day": "2026-11-24", "items": [1, 2, 3]}',
            "items [1, 2, 3] is not accepted",
        ),
        (
            '{"type": "energy", "id": "00000001", "at": "2026-11-24T08:00:00+01:00", "level": 3,'
            ' "mood": 1}',
            "has no field 'mood'",
        ),
    ],
)
def test_a_bad_line_names_file_and_line_and_writes_nothing(store, tmp_path, line, message):
    good = '{"type": "energy", "id": "0000aaaa", "at": "2026-11-24T08:00:00+01:00", "level": 3}'
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    before = content(store)
    with pytest.raises(BadInput, match=r"^bad\.jsonl:2: ") as err:
        jsonl.run(store, str(path))
    assert message in str(err.value)
    assert content(store) == before == []


def test_missing_file_is_bad_input(store, tmp_path):
    with pytest.raises(BadInput, match="does not exist"):
        jsonl.run(store, str(tmp_path / "nope.jsonl"))


def test_dry_run_reports_and_writes_nothing(store, other, tmp_path):
    build(store)
    result = jsonl.run(other, dump(store, tmp_path / "a.jsonl"), dry_run=True)
    assert result.added == 17 and result.details[0].startswith("add person")
    assert content(other) == [] and undo_steps(other) == 0


def test_one_import_is_one_undo_step(store, other, tmp_path):
    build(store)
    jsonl.run(other, dump(store, tmp_path / "a.jsonl"))
    assert other.undo().startswith("import jsonl")
    assert service.entries(other) == [] and service.people(other) == []
