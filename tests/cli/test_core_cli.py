"""Every core command through `aijournal ARGS...`, its bad input, and both parsing paths."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli.app import run_typer
from journal.store import JournalStore
from tests.conftest import snapshot_files

RECORD_KEYS = {"type", "id", "created_at", "updated_at", "deleted_at", "note", "tags", "source"}
TYPE_KEYS = {
    "ai_session": {"started_at", "minutes", "tool", "purpose", "instead_of_person", "skill"},
    "interaction": {"at", "minutes", "people", "kind", "channel", "quality", "initiated"},
    "energy": {"at", "level"},
    "checkin": {"day", "trust_ai", "trust_team", "connection"},
    "who5": {"day", "items"},
}


def log_json(cli, *args: str) -> list[dict]:  # noqa: ANN001
    result = cli("log", "--json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def only(cli, *args: str) -> dict:  # noqa: ANN001
    entries = log_json(cli, *args)
    assert len(entries) == 1, entries
    return entries[0]


def ok(result):  # noqa: ANN001, ANN201
    assert result.code == 0, result.err
    assert result.err == ""
    return result


@pytest.fixture
def journal(cli, db_path):  # noqa: ANN001, ANN201
    """A journal holding one entry of each kind."""
    ok(cli("ai", "Claude", "30m", "--purpose", "learn", "--at", "10:00"))
    ok(cli("met", "Sam", "20m", "--at", "11:00"))
    ok(cli("energy", "4", "--at", "12:30"))
    ok(cli("checkin", "--trust-ai", "3", "--trust-team", "4"))
    return db_path


# --- logging -----------------------------------------------------------------------------------


def test_ai_with_every_option(cli):
    result = ok(
        cli(
            "ai",
            "Claude",
            "1h30",
            "--purpose",
            "aug",
            "--instead-of-person",
            "--skill",
            "SQL windows",
            "--at",
            "yesterday 15:00",
            "--note",
            "pairing",
            "--tag",
            "work",
            "--tag",
            "sql",
        )
    )
    assert "Logged 90 min of Claude (augment) 2026-11-25 15:00" in result.out
    entry = only(cli)
    assert entry == {
        **entry,
        "type": "ai_session",
        "tool": "Claude",
        "minutes": 90,
        "purpose": "augment",
        "instead_of_person": True,
        "skill": "SQL windows",
        "started_at": "2026-11-25T15:00:00+01:00",
        "note": "pairing",
        "tags": ["work", "sql"],
        "source": None,
        "deleted_at": None,
        "created_at": "2026-11-26T15:00:00+01:00",
    }


def test_ai_defaults_and_the_purpose_hint(cli):
    result = ok(cli("ai", "ChatGPT", "45"))
    assert "--purpose" in result.out
    entry = only(cli)
    assert (entry["purpose"], entry["instead_of_person"], entry["skill"], entry["tags"]) == (
        "unclassified",
        False,
        None,
        [],
    )
    assert entry["started_at"] == "2026-11-26T15:00:00+01:00"
    assert "--purpose" not in ok(cli("ai", "ChatGPT", "45", "--purpose", "automate")).out


def test_options_may_come_before_arguments_and_with_equals(cli):
    ok(cli("ai", "--purpose=learn", "Claude", "--at=14:00", "20m"))
    entry = only(cli)
    assert (entry["tool"], entry["minutes"], entry["purpose"]) == ("Claude", 20, "learn")
    ok(cli("--db", os.environ["AIJOURNAL_DB"], "energy", "2", "--at", "14:00"))
    ok(cli("energy", "--db", os.environ["AIJOURNAL_DB"], "3"))
    assert [e["level"] for e in log_json(cli, "--type", "energy")] == [2, 3]


def test_met_one_and_several_people(cli):
    ok(cli("met", "Sam", "30m"))
    result = ok(
        cli(
            "met",
            "priya, SAM",
            "1h",
            "--kind",
            "feedback",
            "--channel",
            "video",
            "--quality",
            "5",
            "--initiated",
            "--note",
            "n",
            "--tag",
            "x",
            "--at",
            "mon",
        )
    )
    assert "with priya, Sam (feedback, video, quality 5)" in result.out  # as the roster spells
    first, second = log_json(cli)
    assert first["people"] == ["priya", "Sam"]  # Monday's entry comes first; the roster's casing
    assert (first["kind"], first["channel"], first["quality"], first["initiated"]) == (
        "feedback",
        "video",
        5,
        True,
    )
    assert first["at"] == "2026-11-23T12:00:00+01:00"
    assert (
        second["people"],
        second["kind"],
        second["channel"],
        second["quality"],
        second["initiated"],
    ) == (["Sam"], "collaboration", "in_person", 3, False)
    people = json.loads(ok(cli("people", "--json")).out)
    assert {p["name"] for p in people} == {"priya", "Sam"}
    ok(cli("met", "PRIYA", "5m"))
    assert len(json.loads(ok(cli("people", "--json")).out)) == 2


def test_energy(cli):
    assert (
        "Logged energy 2/5 2026-11-26 14:15"
        in ok(cli("energy", "2", "--at", "14:15", "--note", "slump")).out
    )
    entry = only(cli)
    assert (entry["type"], entry["level"], entry["at"], entry["note"]) == (
        "energy",
        2,
        "2026-11-26T14:15:00+01:00",
        "slump",
    )


def test_timer(cli, monkeypatch):
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-11-26T09:00:00")
    assert (
        "Timer started for Claude (learn) at 09:00"
        in ok(cli("start", "Claude", "--purpose", "learn")).out
    )
    assert cli("start", "ChatGPT").code == 2
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-11-26T09:25:00")
    assert ok(cli("status", "--prompt")).out.startswith("⏱ Claude 25m")
    assert json.loads(ok(cli("status", "--json")).out)["timer"]["tool"] == "Claude"
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-11-26T09:47:00")
    assert "Logged 47 min of Claude (learn)" in ok(cli("stop", "--note", "deep work")).out
    entry = only(cli)
    assert (entry["minutes"], entry["started_at"], entry["note"]) == (
        47,
        "2026-11-26T09:00:00+01:00",
        "deep work",
    )
    result = cli("stop")
    assert result.code == 2 and "no timer" in result.err


def test_checkin_and_its_replacement(cli):
    assert (
        "Saved the check-in for 2026-11-26"
        in ok(cli("checkin", "--trust-ai", "4", "--trust-team", "2", "--connection", "3")).out
    )
    assert "Replaced" in ok(cli("checkin", "--trust-ai", "2", "--trust-team", "5")).out
    entry = only(cli)
    assert (
        entry["type"],
        entry["day"],
        entry["trust_ai"],
        entry["trust_team"],
        entry["connection"],
    ) == ("checkin", "2026-11-26", 2, 5, None)
    ok(cli("checkin", "--trust-ai", "1", "--trust-team", "1", "--day", "yesterday"))
    assert [e["day"] for e in log_json(cli)] == ["2026-11-25", "2026-11-26"]


@pytest.mark.parametrize(
    ("answers", "score", "band"),
    [
        (["5", "5", "5", "5", "5"], "25/25 = 100%", "no sign of low wellbeing"),
        (["3", "3", "2", "2", "3"], "13/25 = 52%", "no sign of low wellbeing"),
        (["3", "2", "2", "3", "2"], "12/25 = 48%", "low wellbeing"),
        (["1", "2", "1", "1", "2"], "7/25 = 28%", "please seek professional advice"),
    ],
)
def test_who5(cli, answers, score, band):
    out = ok(cli("who5", *answers)).out
    text = " ".join(out.split())
    assert score in text and band in text
    assert "not a diagnosis" in text
    assert "Psychiatric Research Unit, Mental Health Centre North Zealand" in text
    entry = only(cli)
    assert entry["type"] == "who5" and entry["items"] == [int(a) for a in answers]


def test_who5_json_and_day(cli):
    data = json.loads(ok(cli("who5", "1", "2", "3", "4", "5", "--day", "mon", "--json")).out)
    assert data["day"] == "2026-11-23" and (data["raw"], data["percent"]) == (15, 60)
    assert "not a diagnosis" in data["disclaimer"] and "North Zealand" in data["citation"]


# --- reading -----------------------------------------------------------------------------------


def test_log_json_record_form_and_time_order(cli, journal):
    ok(cli("who5", "3", "3", "3", "3", "3", "--day", "yesterday"))
    entries = log_json(cli)
    assert [e["type"] for e in entries] == [
        "who5",
        "ai_session",
        "interaction",
        "checkin",
        "energy",
    ]
    for entry in entries:
        assert set(entry) == RECORD_KEYS | TYPE_KEYS[entry["type"]], entry["type"]
        assert len(entry["id"]) == 32
        assert entry["created_at"].endswith("+01:00")


def test_log_filters(cli):
    ok(cli("ai", "Claude", "10m", "--at", "2026-11-20T10:00", "--tag", "deep"))
    ok(cli("met", "Sam, Priya", "10m", "--at", "2026-11-22T10:00"))
    ok(cli("met", "Alex", "10m", "--at", "2026-11-24T10:00", "--tag", "deep"))
    ok(cli("energy", "3", "--at", "2026-11-25T10:00"))
    ok(cli("checkin", "--trust-ai", "3", "--trust-team", "3"))
    types = lambda *args: [e["type"] for e in log_json(cli, *args)]  # noqa: E731
    assert types("--since", "2026-11-22", "--until", "2026-11-24") == ["interaction"] * 2
    assert types("--since", "mon") == ["interaction", "energy", "checkin"]
    assert types("--until", "2026-11-20") == ["ai_session"]
    assert types("--until", "2027-01-01") == types()  # a filter may name the future
    assert types("--type", "met") == ["interaction"] * 2
    assert types("--type", "ai") == ["ai_session"]
    assert types("--type", "energy") == ["energy"]
    assert types("--type", "checkin") == ["checkin"]
    assert types("--type", "ai,energy") == ["ai_session", "energy"]
    assert [e["people"] for e in log_json(cli, "--person", "priya")] == [["Sam", "Priya"]]
    assert types("--tag", "deep") == ["ai_session", "interaction"]
    assert types("--tag", "#deep", "--type", "met") == ["interaction"]
    assert types("--person", "nobody") == []


def test_log_leaves_deleted_entries_out(cli, journal):
    entries = log_json(cli)
    ok(cli("delete", entries[1]["id"][:8]))
    assert [e["id"] for e in log_json(cli)] == [entries[0]["id"], *[e["id"] for e in entries[2:]]]
    assert entries[1]["id"][:8] not in ok(cli("log")).out


def test_log_text(cli, journal):
    out = ok(cli("log")).out
    assert "Claude 30 min" in out and "Sam 20 min" in out and "4/5" in out
    assert "today 10:00" in out
    empty = ok(cli("log", "--type", "who5")).out
    assert "No entries" in empty


def test_people(cli):
    ok(cli("met", "Sam, Priya", "30m", "--quality", "4", "--at", "yesterday"))
    ok(cli("met", "sam", "1h", "--quality", "2"))
    people = json.loads(ok(cli("people", "--json")).out)
    assert [set(p) for p in people] == [
        {
            "id",
            "name",
            "relation",
            "interactions",
            "minutes",
            "last_contact",
            "days_since",
            "mean_quality",
        }
    ] * 2
    sam = next(p for p in people if p["name"] == "Sam")
    assert (
        sam["relation"],
        sam["interactions"],
        sam["minutes"],
        sam["last_contact"],
        sam["days_since"],
        sam["mean_quality"],
    ) == ("other", 2, 90, "2026-11-26", 0, 3.0)
    assert "Priya is now mentor" in ok(cli("people", "priya", "--relation", "mentor")).out
    people = json.loads(ok(cli("people", "--json")).out)
    assert next(p for p in people if p["name"] == "Priya")["relation"] == "mentor"
    text = ok(cli("people")).out
    assert "Sam" in text and "yesterday" in text


def test_status(cli, journal):
    assert ok(cli("status", "--prompt")).out == "aij ✓\n"
    data = json.loads(ok(cli("status", "--json")).out)
    assert data["day"] == "2026-11-26" and data["timer"] is None
    assert data["counts"] == {
        "ai_session": 1,
        "interaction": 1,
        "energy": 1,
        "checkin": 1,
        "who5": 0,
    }
    assert "Today (2026-11-26)" in ok(cli("status")).out


def test_status_prompt_on_a_new_journal(cli):
    assert ok(cli("status", "--prompt")).out == "aij: ai people energy check-in?\n"


# --- changing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "options", "expected"),
    [
        ("ai", ["--tool", "ChatGPT"], {"tool": "ChatGPT"}),
        ("ai", ["--duration", "2h"], {"minutes": 120}),
        ("ai", ["--minutes", "15"], {"minutes": 15}),
        ("ai", ["--purpose", "companion"], {"purpose": "companion"}),
        ("ai", ["--instead-of-person"], {"instead_of_person": True}),
        ("ai", ["--skill", "regex"], {"skill": "regex"}),
        ("ai", ["--at", "mon 9:00"], {"started_at": "2026-11-23T09:00:00+01:00"}),
        ("ai", ["--note", "hello"], {"note": "hello"}),
        ("ai", ["--tag", "a", "--tag", "b"], {"tags": ["a", "b"]}),
        ("met", ["--people", "Ann, Bob"], {"people": ["Ann", "Bob"]}),
        ("met", ["--kind", "mentoring"], {"kind": "mentoring"}),
        ("met", ["--channel", "chat"], {"channel": "chat"}),
        ("met", ["--quality", "1"], {"quality": 1}),
        ("met", ["--initiated"], {"initiated": True}),
        ("met", ["--at", "2026-11-20"], {"at": "2026-11-20T12:00:00+01:00"}),
        ("energy", ["--level", "1"], {"level": 1}),
        ("checkin", ["--trust-ai", "5"], {"trust_ai": 5}),
        ("checkin", ["--trust-team", "1"], {"trust_team": 1}),
        ("checkin", ["--connection", "2"], {"connection": 2}),
    ],
)
def test_edit_each_field_option(cli, journal, kind, options, expected):
    short = {"ai": "ai_session", "met": "interaction", "energy": "energy", "checkin": "checkin"}
    before = only(cli, "--type", kind)
    result = ok(cli("edit", before["id"][:6], *options))
    assert result.out.startswith("Edited")
    after = only(cli, "--type", kind)
    assert after["type"] == short[kind]
    assert after == {**before, **expected, "updated_at": after["updated_at"]}
    ok(cli("undo"))
    assert only(cli, "--type", kind) == {**before, "updated_at": before["updated_at"]}


def test_edit_clears_a_note_and_flags(cli):
    ok(cli("ai", "Claude", "10m", "--instead-of-person", "--note", "x"))
    entry_id = only(cli)["id"]
    ok(cli("edit", entry_id, "--note", "", "--not-instead-of-person"))
    entry = only(cli)
    assert entry["note"] is None and entry["instead_of_person"] is False


def test_delete_and_undo(cli, journal):
    entries = log_json(cli)
    result = ok(cli("delete", entries[0]["id"]))
    assert "Deleted" in result.out and "undo" in result.out
    assert len(log_json(cli)) == len(entries) - 1
    assert "Undone: delete" in ok(cli("undo")).out
    assert log_json(cli) == [{**e, "updated_at": e["updated_at"]} for e in entries]
    for _ in range(4):  # the four logging steps of the fixture
        ok(cli("undo"))
    assert log_json(cli) == []
    result = cli("undo")
    assert result.code == 1 and result.err == "aijournal: nothing to undo\n"


def test_undo_of_a_met_takes_new_people_off_the_roster(cli):
    ok(cli("met", "Sam", "10m"))
    ok(cli("met", "Sam, Priya", "10m"))
    ok(cli("undo"))
    assert [p["name"] for p in json.loads(ok(cli("people", "--json")).out)] == ["Sam"]


# --- backup and demo ---------------------------------------------------------------------------


def test_backup(cli, journal, tmp_path):
    target = tmp_path / "safe" / "copy.db"
    target.parent.mkdir()
    assert str(target) in ok(cli("backup", str(target))).out
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    with JournalStore.open(str(target), create=False) as copy:
        assert copy.count_timeline() == 4
    ok(cli("--db", str(target), "energy", "2"))
    assert len(log_json(cli, "--db", str(target))) == 5
    result = cli("backup", str(target))
    assert result.code == 2 and "exists already" in result.err
    default = ok(cli("backup")).out
    assert "journal-backup-20261126-150000.db" in default


def test_demo_is_reproducible_and_refuses_a_journal_with_entries(cli, tmp_path):
    first, second = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert "drifting persona" in ok(cli("--db", first, "demo", "--days", "21")).out
    ok(cli("--db", second, "demo", "--persona", "drifting", "--days", "21", "--seed", "7"))
    one, two = log_json(cli, "--db", first), log_json(cli, "--db", second)
    assert one and one == two
    assert json.loads(ok(cli("--db", first, "people", "--json")).out) == json.loads(
        ok(cli("--db", second, "people", "--json")).out
    )
    before = snapshot_files(first)
    result = cli("--db", first, "demo", "--persona", "freelancer")
    assert result.code == 2 and "already has entries" in result.err
    assert snapshot_files(first) == before


# --- bad input: exit 2, one line naming the value, nothing written -----------------------------

BAD = [
    # duration
    (["ai", "Claude", "abc"], "'abc'"),
    (["ai", "Claude", "0"], "'0'"),
    (["ai", "Claude", "1441"], "'1441'"),
    (["ai", "Claude", "-5"], "'-5'"),
    (["ai", "Claude", "1.5.5"], "'1.5.5'"),
    (["ai", "Claude", ""], "''"),
    (["met", "Sam", "forever"], "'forever'"),
    (["edit", "{id}", "--duration", "0"], "'0'"),
    # date
    (["ai", "Claude", "30m", "--at", "tomorrow"], "'tomorrow'"),
    (["ai", "Claude", "30m", "--at", "16:00"], "'16:00'"),
    (["ai", "Claude", "30m", "--at", "2026-13-01"], "'2026-13-01'"),
    (["met", "Sam", "30m", "--at", "someday"], "'someday'"),
    (["energy", "3", "--at", "2099-01-01"], "'2099-01-01'"),
    (["energy", "3", "--at", "0001-01-01"], "'0001-01-01'"),
    (["checkin", "--trust-ai", "3", "--trust-team", "3", "--day", "2026-11-27"], "'2026-11-27'"),
    (["who5", "1", "2", "3", "4", "5", "--day", "nope"], "'nope'"),
    (["log", "--since", "whenever"], "'whenever'"),
    (["log", "--until", "2026-02-30"], "'2026-02-30'"),
    (["edit", "{id}", "--at", "next year"], "'next year'"),
    # level out of range
    (["energy", "6"], "'6'"),
    (["energy", "0"], "'0'"),
    (["energy", "high"], "'high'"),
    (["met", "Sam", "30m", "--quality", "9"], "'9'"),
    (["checkin", "--trust-ai", "7", "--trust-team", "3"], "'7'"),
    (["checkin", "--trust-ai", "3", "--trust-team", "3", "--connection", "0"], "'0'"),
    (["who5", "1", "2", "3", "4", "6"], "'6'"),
    (["who5", "1", "2", "3", "4"], "five answers"),
    (["edit", "{id}", "--level", "8"], "'8'"),
    # unknown purpose / kind / channel / relation / type / persona
    (["ai", "Claude", "30m", "--purpose", "fun"], "'fun'"),
    (["start", "Claude", "--purpose", "fun"], "'fun'"),
    (["met", "Sam", "30m", "--kind", "party"], "'party'"),
    (["met", "Sam", "30m", "--channel", "pigeon"], "'pigeon'"),
    (["people", "Sam", "--relation", "boss"], "'boss'"),
    (["log", "--type", "dream"], "'dream'"),
    (["demo", "--persona", "wizard"], "'wizard'"),
    (["edit", "{id}", "--purpose", "fun"], "'fun'"),
    # empty name
    (["ai", "", "30m"], "''"),
    (["ai", "   ", "30m"], "'   '"),
    (["met", "", "30m"], "''"),
    (["met", " , ", "30m"], "' , '"),
    (["start", ""], "''"),
    # unknown option, missing argument, unknown command
    (["ai", "Claude", "30m", "--colour", "red"], "--colour"),
    (["met", "Sam", "30m", "--loud"], "--loud"),
    (["energy", "3", "--purpose", "x"], "--purpose"),
    (["status", "--verbose"], "--verbose"),
    (["log", "--colour"], "--colour"),
    (["checkin", "--trust-ai", "3", "--trust-team", "3", "--mood", "ok"], "--mood"),
    (["ai", "Claude"], "DURATION"),
    (["ai"], "TOOL"),
    (["met", "Sam"], "DURATION"),
    (["energy"], "LEVEL"),
    (["ai", "Claude", "30m", "extra"], "'extra'"),
    (["ai", "Claude", "30m", "--at"], "--at"),
    (["checkin", "--trust-team", "3"], "--trust-ai"),
    (["edit"], "ID"),
    (["delete"], "ID"),
    (["frobnicate"], "frobnicate"),
    # ids
    (["edit", "zz", "--note", "x"], "'zz'"),
    (["delete", "0000000000"], "'0000000000'"),
    (["edit", "{id}"], "field option"),
    (["edit", "{id}", "--kind", "help"], "'kind'"),
]


@pytest.fixture
def entry_id(cli, journal) -> str:  # noqa: ANN001
    return only(cli, "--type", "ai")["id"]


def assert_refused(result, named: str, before: dict, db: str) -> None:  # noqa: ANN001
    assert result.code == 2, (result.code, result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1 and result.err.endswith("\n"), result.err
    assert lines[0].startswith("aijournal: ")
    assert named in lines[0], lines[0]
    assert "Traceback" not in result.err and result.out == ""
    assert snapshot_files(db) == before


@pytest.mark.parametrize(("args", "named"), BAD, ids=[" ".join(a) or "empty" for a, _ in BAD])
def test_bad_input(cli, journal, entry_id, args, named):
    before = snapshot_files(journal)
    args = [a.replace("{id}", entry_id[:8]) for a in args]
    assert_refused(cli(*args), named, before, journal)


def _text_file(path: Path) -> None:
    path.write_text("dear diary\n")


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _other_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()


def _directory(path: Path) -> None:
    path.mkdir()


def _newer_journal(path: Path) -> None:
    JournalStore.open(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


BAD_DB = [
    (_text_file, "not a SQLite"),
    (_empty_file, "empty file"),
    (_other_sqlite, "another program"),
    (_directory, "directory"),
    (_newer_journal, "newer aijournal"),
]
COMMANDS = [
    ["ai", "Claude", "30m"],
    ["met", "Sam", "10m"],
    ["energy", "3"],
    ["status", "--prompt"],
    ["log"],
    ["checkin", "--trust-ai", "3", "--trust-team", "3"],
    ["undo"],
    ["backup"],
    ["demo"],
    ["people"],
]


@pytest.mark.parametrize(("make", "named"), BAD_DB, ids=[f.__name__[1:] for f, _ in BAD_DB])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_db_that_is_not_a_journal_is_refused_and_untouched(cli, tmp_path, make, named, command):
    path = tmp_path / "other.db"
    make(path)
    folder_before = sorted(os.listdir(tmp_path))
    before = {} if path.is_dir() else {"": path.read_bytes()}
    result = cli("--db", str(path), *command)
    assert result.code == 2, (result.out, result.err)
    assert len(result.err.splitlines()) == 1 and named in result.err
    assert repr(str(path)) in result.err
    assert "Traceback" not in result.err and result.out == ""
    assert sorted(os.listdir(tmp_path)) == folder_before
    if before:
        assert path.read_bytes() == before[""]


def test_an_empty_db_option_is_refused(cli, journal):
    before = snapshot_files(journal)
    for args in (["--db", "", "energy", "3"], ["--db=", "log"], ["--db", "", "log"]):
        result = cli(*args)
        assert result.code == 2 and "--db ''" in result.err, result.err
    assert_refused(cli("--db"), "--db", before, journal)


# --- the lean path and the Typer face agree ----------------------------------------------------

HOT_CASES = [
    (["ai", "Claude", "30m", "--purpose", "learn", "--tag", "a", "--tag", "b"], 0, None),
    (["met", "Sam, Priya", "20m", "--initiated", "--quality", "4"], 0, None),
    (["energy", "3", "--at", "14:00"], 0, None),
    (["status", "--prompt"], 0, None),
    (["ai", "Claude", "abc"], 2, "'abc'"),
    (["ai", "Claude", "30m", "--purpose", "fun"], 2, "'fun'"),
    (["met", "Sam", "20m", "--kind", "party"], 2, "'party'"),
    (["energy", "9"], 2, "'9'"),
    (["ai", "Claude"], 2, "DURATION"),
    (["ai", "Claude", "30m", "--bogus"], 2, "--bogus"),
]


@pytest.mark.parametrize(("args", "code", "named"), HOT_CASES, ids=lambda v: str(v))
def test_hot_commands_behave_the_same_on_both_paths(cli, capsys, tmp_path, args, code, named):
    for path in ("lean", "typer"):
        db = str(tmp_path / f"{path}.db")
        JournalStore.open(db).close()
        before = snapshot_files(db)
        if path == "lean":
            result = cli("--db", db, *args)
            got, err = result.code, result.err
        else:
            capsys.readouterr()
            got = run_typer(["--db", db, *args])
            err = capsys.readouterr().err
        assert got == code, (path, err)
        if code:
            assert len(err.splitlines()) == 1 and named in err, (path, err)
            assert snapshot_files(db) == before, path
    lean = log_json(cli, "--db", str(tmp_path / "lean.db"))
    typer = log_json(cli, "--db", str(tmp_path / "typer.db"))
    assert [{**e, "id": ""} for e in lean] == [{**e, "id": ""} for e in typer]
    if args[0] == "met" and not code:
        assert lean[0]["people"] == ["Sam", "Priya"]


def test_typer_face_error_lines(capsys, tmp_path):
    db = str(tmp_path / "j.db")
    for args, named in [
        (["ai", "Claude", "abc"], "'abc'"),
        (["ai", "Claude"], "DURATION"),
        (["energy", "3", "--bogus"], "--bogus"),
    ]:
        capsys.readouterr()
        assert run_typer(["--db", db, *args]) == 2
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and named in err and "Traceback" not in err


# --- the installed console script, as a real process -------------------------------------------

SCRIPT = Path(sys.executable).parent / "aijournal"


def run_script(*args: str, db: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "AIJOURNAL_DB": db}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.skipif(not SCRIPT.exists(), reason="the package is not installed in this venv")
def test_the_console_script(tmp_path):
    db = str(tmp_path / "j.db")
    done = run_script("ai", "Claude", "45m", "--purpose", "learn", "--at", "10:00", db=db)
    assert done.returncode == 0 and "Logged 45 min of Claude (learn)" in done.stdout
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    done = run_script("met", "Sam", "20m", db=db)
    assert done.returncode == 0
    before = snapshot_files(db)
    for args, named in [
        (["ai", "Claude", "1.5.5"], "'1.5.5'"),
        (["energy", "7"], "'7'"),
        (["log", "--bogus"], "--bogus"),
        (["met", "Sam", "20m", "--kind", "party"], "'party'"),
        (["checkin", "--trust-ai", "9", "--trust-team", "1"], "'9'"),
        (["--db", str(tmp_path), "ai", "Claude", "30m"], "directory"),
    ]:
        done = run_script(*args, db=db)
        assert done.returncode == 2, (args, done.stderr)
        assert len(done.stderr.splitlines()) == 1 and named in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and done.stdout == ""
    assert snapshot_files(db) == before
    done = run_script("log", "--json", db=db)
    assert [e["type"] for e in json.loads(done.stdout)] == ["ai_session", "interaction"]
    done = run_script("status", "--prompt", db=db)
    assert done.returncode == 0 and done.stdout == "aij: energy check-in?\n"
    done = run_script("ai", "--help", db=db)
    assert done.returncode == 0 and "--instead-of-person" in done.stdout


@pytest.mark.parametrize(
    ("args", "stamp", "day"),
    [
        (["ai", "Claude", "30m", "--at", "2026-03-29"], "2026-03-29T12:00:00+02:00", "2026-03-29"),
        (
            ["ai", "Claude", "30m", "--at", "2026-03-29T01:30"],
            "2026-03-29T01:30:00+01:00",
            "2026-03-29",
        ),
        (["met", "Sam", "30m", "--at", "2026-10-25"], "2026-10-25T12:00:00+01:00", "2026-10-25"),
        (["energy", "3", "--at", "2026-10-25T01:30"], "2026-10-25T01:30:00+02:00", "2026-10-25"),
        (["energy", "3", "--at", "2026-10-24T23:30Z"], "2026-10-25T01:30:00+02:00", "2026-10-25"),
    ],
)
def test_entries_across_dst_changes_keep_the_offset_of_their_day(cli, args, stamp, day):
    ok(cli(*args))
    entry = only(cli)
    assert entry.get("started_at", entry.get("at")) == stamp
    assert [e["id"] for e in log_json(cli, "--since", day, "--until", day)] == [entry["id"]]


def test_version(cli):
    from journal import __version__

    result = cli("--version")
    assert (result.code, result.out.strip()) == (0, f"aijournal {__version__}")


def test_one_person_whatever_the_spelling(cli, db_path):
    """A name typed on Linux (NFC), pasted from macOS (NFD), with a stray zero-width space or in
    another case is one person on the roster, and `log --person` finds all of them."""
    ok(cli("met", "Zoë Weiß", "30m"))
    ok(cli("met", "Zoe\u0308 Weiß", "20m"))  # NFD
    ok(cli("met", "ZOË WEISS\u200b".replace("SS", "ß"), "10m"))  # upper case, zero-width space
    ok(cli("met", "José, Jose\u0301", "15m"))  # one interaction, one person named twice
    people = json.loads(ok(cli("people", "--json")).out)
    assert sorted(p["name"] for p in people) == ["José", "Zoë Weiß"]
    assert len(log_json(cli, "--person", "zoe\u0308 weiß")) == 3
    assert log_json(cli, "--person", "JOSÉ")[0]["people"] == ["José"]
    with JournalStore.open(db_path) as store:  # an older journal's key (casefold only) still
        store.conn.execute(
            "UPDATE person SET name_key = ? WHERE name = ?",  # matches
            ("zoe\u0308 weiß".casefold(), "Zoë Weiß"),
        )
    ok(cli("met", "Zoë Weiß", "5m"))
    assert len(json.loads(ok(cli("people", "--json")).out)) == 2


@pytest.mark.parametrize(
    "pinned", ["nonsense", "0001-01-01T00:00:00", "2026-13-01", "9999-12-31T23:00:00+05:00"]
)
@pytest.mark.parametrize(
    "args", [["energy", "3"], ["status"], ["log"], ["insights"], ["export", "--format", "json"]]
)
def test_a_pinned_now_no_command_can_use_is_one_line(cli, monkeypatch, db_path, pinned, args):
    monkeypatch.setenv("AIJOURNAL_NOW", pinned)
    result = cli(*args)
    assert result.code == 2 and result.err.count("\n") == 1 and "AIJOURNAL_NOW" in result.err
    assert not os.path.exists(db_path)
