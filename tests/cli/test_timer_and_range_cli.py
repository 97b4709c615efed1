"""Timers that keep what they are for (start/stop/cancel/resume) and `--at` ranges on ai/met."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files


def ok(result):  # noqa: ANN001, ANN201
    assert result.code == 0, result.err
    assert result.err == ""
    return result


def entries(cli) -> list[dict]:  # noqa: ANN001
    result = cli("log", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def at(monkeypatch, clock: str) -> None:  # noqa: ANN001
    monkeypatch.setenv("AIJOURNAL_NOW", f"2026-11-26T{clock}:00")


# --- timers ------------------------------------------------------------------------------------


def test_start_keeps_skill_tags_and_note_and_stop_at_sets_the_end(cli, monkeypatch):
    at(monkeypatch, "09:00")
    out = ok(
        cli(
            "start",
            "Claude",
            "--purpose",
            "learn",
            "--skill",
            "SQL window functions",
            "--tag",
            "sql",
            "--note",
            "from the docs",
        )
    ).out
    assert "Timer started for Claude (learn, SQL window functions) at 09:00" in out
    at(monkeypatch, "11:15")  # logged at the end of the morning: it really ended at 10:30
    ok(cli("stop", "--at", "10:30", "--note", "then a kata"))
    [entry] = entries(cli)
    assert (entry["tool"], entry["purpose"], entry["skill"], entry["minutes"]) == (
        "Claude",
        "learn",
        "SQL window functions",
        90,
    )
    assert entry["started_at"] == "2026-11-26T09:00:00+01:00"
    assert entry["tags"] == ["sql"]
    assert entry["note"] == "from the docs\nthen a kata"


def test_stop_skill_replaces_the_start_one(cli, monkeypatch):
    at(monkeypatch, "09:00")
    ok(cli("start", "ChatGPT", "--skill", "regex"))
    at(monkeypatch, "09:20")
    assert "(unclassified, regex lookbehind)" in ok(cli("stop", "--skill", "regex lookbehind")).out
    [entry] = entries(cli)
    assert (entry["skill"], entry["minutes"]) == ("regex lookbehind", 20)


def test_stop_at_before_the_start_or_in_the_future_is_refused(cli, monkeypatch, db_path):
    at(monkeypatch, "09:00")
    ok(cli("start", "Claude"))
    at(monkeypatch, "09:30")
    before = snapshot_files(db_path)
    for when, said in (("8:00", "not after the timer's start"), ("10:00", "in the future")):
        result = cli("stop", "--at", when)
        assert result.code == 2 and said in result.err and len(result.err.splitlines()) == 1
    assert snapshot_files(db_path) == before
    assert json.loads(ok(cli("status", "--json")).out)["timer"]["tool"] == "Claude"


def test_cancel_drops_the_timer_and_logs_nothing(cli, monkeypatch):
    at(monkeypatch, "09:00")
    ok(cli("start", "Claude", "--purpose", "augment"))
    at(monkeypatch, "09:40")
    out = ok(cli("cancel")).out
    assert "cancelled" in out and "nothing logged" in out
    assert entries(cli) == []
    assert json.loads(ok(cli("status", "--json")).out)["timer"] is None
    result = cli("cancel")
    assert result.code == 2 and "no timer is running" in result.err


def test_resume_restarts_the_last_tool_purpose_and_skill(cli, monkeypatch):
    at(monkeypatch, "09:00")
    ok(cli("start", "Claude", "--purpose", "learn", "--skill", "Rust lifetimes"))
    at(monkeypatch, "09:45")
    ok(cli("stop"))
    at(monkeypatch, "13:00")
    assert "Timer started for Claude (learn, Rust lifetimes) at 13:00" in ok(cli("resume")).out
    at(monkeypatch, "13:30")
    ok(cli("stop"))
    second = max(entries(cli), key=lambda e: e["started_at"])
    assert (second["tool"], second["purpose"], second["skill"], second["minutes"]) == (
        "Claude",
        "learn",
        "Rust lifetimes",
        30,
    )
    assert second["started_at"] == "2026-11-26T13:00:00+01:00"


def test_resume_without_a_timer_takes_the_last_session_and_refuses_when_empty(cli, monkeypatch):
    result = cli("resume")
    assert result.code == 2 and "nothing to resume" in result.err
    ok(cli("ai", "Copilot", "20m", "--purpose", "automate", "--at", "10:00"))
    assert "Timer started for Copilot (automate) at 15:00" in ok(cli("resume")).out


def test_timer_commands_stay_off_typer(tmp_path):
    from tests.unit.test_import_hygiene import HEAVY, loaded_after, quick_add_env

    db = str(tmp_path / "j.db")
    env = quick_add_env(db)
    later = {**env, "AIJOURNAL_NOW": "2026-11-26T15:40:00"}
    for args, when in (
        (["start", "Claude", "--skill", "x"], env),
        (["stop", "--at", "15:30"], later),
        (["resume"], later),
    ):
        code = f"from journal.cli import main\nassert main(['--db', {db!r}, *{args!r}]) == 0"
        loaded = loaded_after(code, when)
        assert not loaded & set(HEAVY), (args, sorted(loaded & set(HEAVY)))
    code = f"from journal.cli import main\nassert main(['--db', {db!r}, 'cancel']) == 0"
    assert not loaded_after(code, later) & set(HEAVY)


# --- --at ranges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "start", "minutes"),
    [
        (["ai", "Claude", "--at", "9:00-10:30"], "2026-11-26T09:00:00+01:00", 90),
        (["ai", "Claude", "1h30", "--at", "9:00-10:30"], "2026-11-26T09:00:00+01:00", 90),
        (["ai", "Claude", "--at", "yesterday 9:00-10:30"], "2026-11-25T09:00:00+01:00", 90),
        (["ai", "Claude", "--at", "yesterday 23:30-0:15"], "2026-11-25T23:30:00+01:00", 45),
        (["met", "Sam, Priya", "--at", "14:00 - 14:25"], "2026-11-26T14:00:00+01:00", 25),
        (["met", "Sam", "--at", "mon 9:00-10:00"], "2026-11-23T09:00:00+01:00", 60),
    ],
)
def test_at_range_gives_start_and_duration(cli, args, start, minutes):
    ok(cli(*args))
    [entry] = entries(cli)
    assert (entry.get("started_at", entry.get("at")), entry["minutes"]) == (start, minutes)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["ai", "Claude", "1h", "--at", "9:00-10:30"], "'1h' is 60 minutes but --at"),
        (["met", "Sam", "10m", "--at", "9:00-10:30"], "spans 90"),
        (["ai", "Claude", "--at", "9:00"], "DURATION is missing"),
        (["ai", "Claude", "--at", "9:00-9:00"], "ends when it starts"),
        (["ai", "Claude", "--at", "16:00-17:00"], "in the future"),
        (["met", "Sam", "--at", "soon-10:00"], "'soon-10:00' is not understood"),
    ],
)
def test_bad_ranges_are_one_line_and_write_nothing(cli, db_path, args, said):
    ok(cli("energy", "3"))  # the journal exists, so a write would show
    before = snapshot_files(db_path)
    result = cli(*args)
    assert result.code == 2, result
    assert said in result.err and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert snapshot_files(db_path) == before


def test_an_iso_moment_with_an_offset_is_not_a_range(cli):
    ok(cli("ai", "Claude", "30m", "--at", "2026-11-20T14:30-05:00"))
    [entry] = entries(cli)
    assert entry["started_at"] == "2026-11-20T20:30:00+01:00"


def test_typer_face_takes_the_range_too():
    from journal.cli.app import run_typer

    assert run_typer(["ai", "Claude", "--at", "9:00-9:45"]) == 0
