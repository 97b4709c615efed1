"""profile, pause and mute as the user runs them; their JSONL records round trip and merge."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import snapshot_files

from journal import demo
from journal.store import JournalStore

DEFAULT = {"role": "employee", "workdays": ["mon", "tue", "wed", "thu", "fri"]}


def _json(result):
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_profile_shows_the_default_then_sets_and_shows_it(cli):
    assert _json(cli("profile", "--json")) == {**DEFAULT, "augmentation_target": None}
    shown = " ".join(cli("profile").out.split())
    assert "role employee" in shown and "workdays mon-fri" in shown
    result = cli("profile", "--role", "freelancer", "--workdays", "sun-thu", "--json")
    assert _json(result) == {
        "role": "freelancer",
        "workdays": ["mon", "tue", "wed", "thu", "sun"],
        "augmentation_target": None,
    }
    cli("profile", "--augmentation-target", "60")
    assert _json(cli("profile", "--json"))["augmentation_target"] == 60
    assert _json(cli("profile", "--json"))["role"] == "freelancer"  # the others stay
    assert "workdays sun-thu" in " ".join(cli("profile").out.split())
    cli("profile", "--augmentation-target", "none")
    assert _json(cli("profile", "--json"))["augmentation_target"] is None
    cli("profile", "--workdays", "mon,tue,thu")
    assert _json(cli("profile", "--json"))["workdays"] == ["mon", "tue", "thu"]
    assert cli("undo").code == 0
    assert _json(cli("profile", "--json"))["workdays"] == ["mon", "tue", "wed", "thu", "sun"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("profile", "--role", "boss"), "'boss'"),
        (("profile", "--workdays", "mon-funday"), "'mon-funday'"),
        (("profile", "--workdays", "mon-tue-wed"), "'mon-tue-wed'"),
        (("profile", "--workdays", ""), "''"),
        (("profile", "--augmentation-target", "101"), "'101'"),
        (("profile", "--augmentation-target", "-1"), "'-1'"),
        (("profile", "--augmentation-target", "half"), "'half'"),
        (("pause", "2026-11-20", "2026-11-10"), "2026-11-10"),
        (("pause", "2026-11-20"), "FROM and TO"),
        (("pause", "someday", "2026-11-10"), "someday"),
        (("pause", "--list", "2026-11-10", "2026-11-12"), "exactly one"),
        (("pause", "--delete", "zzzz"), "'zzzz'"),
        (("pause", "--delete", "abcd1234"), "'abcd1234'"),
        (("mute", "not-an-insight"), "'not-an-insight'"),
        (("mute", "good-"), "'good-'"),
        (("mute", "trust-streak", "--days", "0"), "'0'"),
        (("mute", "trust-streak", "--days", "366"), "'366'"),
        (("mute", "trust-streak", "--days", "two"), "'two'"),
        (("mute",), "INSIGHT_ID"),
        (("mute", "--delete", "abcd1234"), "'abcd1234'"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(cli, db_path, args, named):
    cli("energy", "3")  # the journal exists: nothing may change in it
    before = snapshot_files(db_path)
    result = cli(*args)
    assert result.code == 2, (args, result.out, result.err)
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert named in result.err, result.err
    assert snapshot_files(db_path) == before


def test_pause_add_list_json_delete(cli):
    result = cli("pause", "2026-12-21", "2027-01-01", "--reason", "holiday")
    assert result.code == 0 and "12 days" in result.out
    cli("pause", "2026-12-28", "2026-12-30")  # overlapping is fine
    listed = _json(cli("pause", "--list", "--json"))
    assert [(p["from"], p["to"], p["reason"]) for p in listed] == [
        ("2026-12-21", "2027-01-01", "holiday"),
        ("2026-12-28", "2026-12-30", None),
    ]
    assert all(p["type"] == "pause" and len(p["id"]) == 32 for p in listed)
    assert "holiday" in cli("pause", "--list").out
    assert cli("pause", "--delete", listed[0]["id"][:8]).code == 0
    assert [p["id"] for p in _json(cli("pause", "--list", "--json"))] == [listed[1]["id"]]
    assert cli("undo").code == 0
    assert len(_json(cli("pause", "--list", "--json"))) == 2


def test_pause_takes_when_words(cli):
    assert cli("pause", "mon", "today").code == 0  # the pinned now is Thursday 2026-11-26
    [pause] = _json(cli("pause", "--list", "--json"))
    assert (pause["from"], pause["to"]) == ("2026-11-23", "2026-11-26")


@pytest.fixture
def drifting(db_path):
    with JournalStore.open(db_path) as store:
        demo.fill(store, persona="drifting", days=60, seed=7, today=dt.date(2026, 11, 26))


def test_mute_hides_the_insight_until_the_day_inclusive(cli, drifting):
    ids = {i["id"] for i in _json(cli("insights", "--json"))}
    assert "trust-streak" in ids
    result = cli("mute", "trust-streak", "--days", "3")
    assert result.code == 0 and "2026-11-28" in result.out
    assert "trust-streak" not in {i["id"] for i in _json(cli("insights", "--json"))}
    others = ids - {"trust-streak"}
    assert {i["id"] for i in _json(cli("insights", "--json"))} == others
    for day, hidden in (("2026-11-28", True), ("2026-11-29", False)):
        found = {i["id"] for i in _json(cli("insights", "--json", "--as-of", day))}
        assert ("trust-streak" not in found) == hidden, day
    [mute] = _json(cli("mute", "--list", "--json"))
    assert (mute["type"], mute["insight_id"], mute["until"]) == (
        "mute",
        "trust-streak",
        "2026-11-28",
    )
    assert cli("mute", "--delete", mute["id"][:8]).code == 0
    assert "trust-streak" in {i["id"] for i in _json(cli("insights", "--json"))}
    assert _json(cli("mute", "--list", "--json")) == []


def test_mute_defaults_to_14_days_and_takes_good_ids(cli):
    assert cli("mute", "people-fading").code == 0
    assert cli("mute", "good-energy-up").code == 0
    listed = _json(cli("mute", "--list", "--json"))
    assert sorted((x["insight_id"], x["until"]) for x in listed) == [
        ("good-energy-up", "2026-12-09"),
        ("people-fading", "2026-12-09"),
    ]


# --- JSONL -------------------------------------------------------------------------------------


def _records(path: str, kinds=("profile", "pause", "mute")) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [r for r in map(json.loads, handle) if r["type"] in kinds]


def test_jsonl_round_trip_of_profile_pause_mute(cli, tmp_path):
    cli("profile", "--role", "manager", "--workdays", "mon-thu", "--augmentation-target", "55")
    cli("pause", "2026-11-02", "2026-11-06", "--reason", "holiday")
    cli("mute", "meeting-load")
    doomed = _json(cli("pause", "--list", "--json"))[0]["id"]
    cli("pause", "2026-10-01", "2026-10-02")
    cli("pause", "--delete", doomed[:8])  # a tombstone travels too
    out = str(tmp_path / "a.jsonl")
    assert cli("export", "--format", "jsonl", "-o", out).code == 0
    exported = _records(out)
    profile = next(r for r in exported if r["type"] == "profile")
    assert profile["id"] == "profile"
    assert (profile["role"], profile["workdays"], profile["augmentation_target"]) == (
        "manager",
        ["mon", "tue", "wed", "thu"],
        55,
    )
    assert {"from", "to", "reason"} <= set(next(r for r in exported if r["type"] == "pause"))
    assert not any("from_day" in r or "to_day" in r for r in exported)

    other = str(tmp_path / "other.db")
    result = cli("--db", other, "import", "jsonl", out)
    assert result.code == 0, result.err
    again = str(tmp_path / "b.jsonl")
    cli("--db", other, "export", "--format", "jsonl", "-o", again)
    assert _records(again) == exported
    assert _json(cli("--db", other, "profile", "--json"))["role"] == "manager"
    assert [p["from"] for p in _json(cli("--db", other, "pause", "--list", "--json"))] == [
        "2026-10-01"
    ]
    # Idempotent: a second import changes nothing.
    before = snapshot_files(other)
    assert cli("--db", other, "import", "jsonl", out).code == 0
    assert snapshot_files(other) == before


def test_jsonl_merge_last_updated_wins_and_tombstones_delete(cli, tmp_path):
    cli("profile", "--role", "student")
    cli("pause", "2026-11-02", "2026-11-06")
    [pause] = _json(cli("pause", "--list", "--json"))
    newer = "2026-11-27T10:00:00+01:00"
    older = "2026-01-01T10:00:00+01:00"
    lines = [
        {"type": "profile", "role": "freelancer", "workdays": ["tue"], "updated_at": older},
        {**pause, "deleted_at": newer, "updated_at": newer},
        {"type": "mute", "id": "ab" * 16, "insight_id": "energy-slide", "until": "2026-12-01"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert cli("import", "jsonl", str(path)).code == 0
    assert _json(cli("profile", "--json"))["role"] == "student"  # the older profile lost
    assert _json(cli("pause", "--list", "--json")) == []  # the newer tombstone won
    assert [x["insight_id"] for x in _json(cli("mute", "--list", "--json"))] == ["energy-slide"]
    lines[0]["updated_at"] = newer
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert cli("import", "jsonl", str(path)).code == 0
    assert _json(cli("profile", "--json")) == {
        "role": "freelancer",
        "workdays": ["tue"],
        "augmentation_target": None,
    }


@pytest.mark.parametrize(
    ("record", "named"),
    [
        ({"type": "pause", "id": "ab" * 8, "from": "2026-11-05", "to": "2026-11-01"}, "to "),
        ({"type": "pause", "id": "ab" * 8, "from": "2026-11-05"}, "'to'"),
        ({"type": "profile", "workdays": ["someday"]}, "workdays"),
        ({"type": "profile", "role": "boss"}, "role"),
        ({"type": "profile", "augmentation_target": 140}, "augmentation_target"),
        ({"type": "mute", "id": "ab" * 8, "insight_id": "nope", "until": "2026-12-01"}, "nope"),
    ],
)
def test_jsonl_bad_records_are_refused_whole(cli, db_path, tmp_path, record, named):
    cli("energy", "3")
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    before = snapshot_files(db_path)
    result = cli("import", "jsonl", str(path))
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1, result.err
    assert named in result.err
    assert snapshot_files(db_path) == before


def test_jsonl_profile_takes_any_id_and_the_workday_words_people_write(cli, tmp_path):
    path = tmp_path / "profile.jsonl"
    for record, days in (
        (
            {"id": "ab" * 16, "role": "freelancer", "workdays": "sun-thu"},
            ["mon", "tue", "wed", "thu", "sun"],
        ),
        ({"id": "p2", "workdays": ["Monday", "tuesday", "WED"]}, ["mon", "tue", "wed"]),
    ):
        stamp = "2027-01-01T10:00:00+00:00" if record["id"] == "p2" else "2026-12-01T10:00:00+00:00"
        line = {"type": "profile", "created_at": stamp, "updated_at": stamp, **record}
        path.write_text(json.dumps(line) + "\n", encoding="utf-8")
        assert cli("import", "jsonl", str(path)).code == 0
        assert _json(cli("profile", "--json"))["workdays"] == days
