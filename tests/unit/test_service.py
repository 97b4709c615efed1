"""Service functions the CLI and the TUI share: timer, status line, edit, people, backup."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from journal import models as m
from journal import service
from journal.errors import BadInput, NotFound

CET = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 26, 15, 0, tzinfo=CET)


def pin(monkeypatch, moment: str) -> None:
    monkeypatch.setenv("AIJOURNAL_NOW", moment)


def test_status_line_names_what_is_missing_today(store):
    assert service.status_line(store, NOW) == "aij: ai people energy check-in?"
    service.log_ai(store, tool="Claude", minutes=10, at=NOW, now=NOW)
    service.log_energy(store, level=3, at=NOW - dt.timedelta(days=1))  # yesterday's: still missing
    assert service.status_line(store, NOW) == "aij: people energy check-in?"
    service.log_interaction(store, people=["Sam"], minutes=10, at=NOW, now=NOW)
    service.log_energy(store, level=3, at=NOW)
    service.checkin(store, day=NOW.date(), trust_ai=3, trust_team=3)
    assert service.status_line(store, NOW) == "aij ✓"


def test_timer_start_and_stop(store, monkeypatch):
    pin(monkeypatch, "2026-11-26T13:00:00")
    state = service.start_timer(store, tool="Claude", purpose="augment")
    assert state["started_at"] == "2026-11-26T13:00:00+01:00"
    with pytest.raises(BadInput, match="already running"):
        service.start_timer(store, tool="ChatGPT")
    pin(monkeypatch, "2026-11-26T13:40:29")
    assert service.status_line(store, NOW.replace(hour=13, minute=40)).startswith("⏱ Claude 40m")
    row, capped = service.stop_timer(store, note="pairing")
    assert not capped
    entry = store.entry("ai_session", row["id"])
    assert (entry.tool, entry.minutes, entry.purpose, entry.note) == (
        "Claude",
        40,
        m.Purpose.AUGMENT,
        "pairing",
    )
    assert entry.started_at == dt.datetime(2026, 11, 26, 13, 0, tzinfo=CET)
    assert service.timer(store) is None
    with pytest.raises(BadInput, match="no timer"):
        service.stop_timer(store)


def test_a_forgotten_timer_is_capped_at_a_day(store, monkeypatch):
    pin(monkeypatch, "2026-11-20T09:00:00")
    service.start_timer(store, tool="Claude")
    pin(monkeypatch, "2026-11-26T15:00:00")
    row, capped = service.stop_timer(store)
    assert capped and row["minutes"] == 1440


def test_a_short_timer_logs_at_least_a_minute(store, monkeypatch):
    pin(monkeypatch, "2026-11-26T14:59:50")
    service.start_timer(store, tool="Claude")
    pin(monkeypatch, "2026-11-26T15:00:00")
    assert service.stop_timer(store)[0]["minutes"] == 1


@pytest.mark.parametrize(
    ("log", "changes", "check"),
    [
        ("ai", {"tool": "ChatGPT"}, lambda e: e.tool == "ChatGPT"),
        ("ai", {"minutes": 90}, lambda e: e.minutes == 90),
        ("ai", {"purpose": "companion"}, lambda e: e.purpose is m.Purpose.COMPANION),
        ("ai", {"instead_of_person": True}, lambda e: e.instead_of_person),
        ("ai", {"skill": "regex"}, lambda e: e.skill == "regex"),
        (
            "ai",
            {"at": NOW - dt.timedelta(days=2)},
            lambda e: e.started_at == NOW - dt.timedelta(days=2) and e.day == dt.date(2026, 11, 24),
        ),
        ("ai", {"note": "n"}, lambda e: e.note == "n"),
        ("ai", {"note": ""}, lambda e: e.note is None),
        ("ai", {"tags": ["a", "b"]}, lambda e: e.tags == ("a", "b")),
        ("met", {"people": ["Ann"]}, lambda e: e.people == ("Ann",)),
        ("met", {"kind": "social"}, lambda e: e.kind is m.Kind.SOCIAL),
        ("met", {"channel": "email"}, lambda e: e.channel is m.Channel.EMAIL),
        ("met", {"quality": 1}, lambda e: e.quality == 1),
        ("met", {"initiated": True}, lambda e: e.initiated),
        ("met", {"minutes": 5}, lambda e: e.minutes == 5),
        ("energy", {"level": 5}, lambda e: e.level == 5),
        ("energy", {"at": NOW - dt.timedelta(hours=3)}, lambda e: e.at.hour == 12),
        (
            "checkin",
            {"trust_ai": 1, "trust_team": 5, "connection": 2},
            lambda e: (e.trust_ai, e.trust_team, e.connection) == (1, 5, 2),
        ),
        ("who5", {"items": [0, 0, 0, 0, 1]}, lambda e: e.items == (0, 0, 0, 0, 1)),
    ],
)
def test_edit_each_field(store, log, changes, check):
    row_id = _log(store, log)
    entry = service.edit_entry(store, row_id[:8], changes)
    assert check(entry)
    assert check(service.get_entry(store, row_id))


@pytest.mark.parametrize(
    ("log", "changes", "message"),
    [
        ("energy", {"tool": "x"}, "an energy reading has no field 'tool'"),
        ("met", {"purpose": "learn"}, "an interaction has no field 'purpose'"),
        ("ai", {"people": ["Sam"]}, "an AI session has no field 'people'"),
        ("ai", {}, "at least one field"),
        ("ai", {"minutes": 0}, "1 to 1440"),
        ("ai", {"purpose": "nap"}, "use one of"),
        ("met", {"quality": 9}, "1 to 5"),
        ("who5", {"items": [1, 2]}, "five answers"),
    ],
)
def test_edit_refusals_change_nothing(store, log, changes, message):
    row_id = _log(store, log)
    before = service.get_entry(store, row_id)
    steps = store.conn.execute("SELECT count(*) FROM undo_step").fetchone()[0]
    with pytest.raises(BadInput, match=message):
        service.edit_entry(store, row_id, changes)
    assert service.get_entry(store, row_id) == before
    assert store.conn.execute("SELECT count(*) FROM undo_step").fetchone()[0] == steps


def test_edit_and_delete_need_a_live_entry(store):
    row_id = _log(store, "energy")
    service.delete_entry(store, row_id)
    with pytest.raises(NotFound):
        service.edit_entry(store, row_id, {"level": 2})
    with pytest.raises(NotFound):
        service.delete_entry(store, row_id)


def _log(store, kind: str) -> str:  # noqa: ANN001
    at = NOW - dt.timedelta(hours=1)
    if kind == "ai":
        return service.log_ai(store, tool="Claude", minutes=30, at=at, now=NOW)["id"]
    if kind == "met":
        return service.log_interaction(store, people=["Sam"], minutes=30, at=at, now=NOW)["id"]
    if kind == "energy":
        return service.log_energy(store, level=3, at=at)["id"]
    if kind == "checkin":
        return service.checkin(store, day=NOW.date(), trust_ai=3, trust_team=3)[0]["id"]
    return service.log_who5(store, items=[3, 3, 3, 3, 3], day=NOW.date())["id"]


def test_people_statistics_and_relation(store):
    day = dt.timedelta(days=1)
    service.log_interaction(
        store, people=["Sam", "Priya"], minutes=30, at=NOW - 3 * day, quality=4, now=NOW
    )
    service.log_interaction(store, people=["sam"], minutes=60, at=NOW - day, quality=2, now=NOW)
    gone = service.log_interaction(store, people=["Sam"], minutes=99, at=NOW, now=NOW)
    service.delete_entry(store, gone["id"])
    stats = {person.name: s for person, s in service.people(store)}
    assert stats["Sam"]["count"] == 2 and stats["Sam"]["minutes"] == 90
    assert stats["Sam"]["last_day"] == "2026-11-25" and stats["Sam"]["mean_quality"] == 3
    assert stats["Priya"]["count"] == 1
    person = service.set_relation(store, "PRIYA", "mentor")
    assert person.relation is m.Relation.MENTOR
    with pytest.raises(NotFound):
        service.set_relation(store, "Nobody", "peer")
    with pytest.raises(BadInput):
        service.set_relation(store, "Sam", "boss")


def test_is_empty(store):
    assert service.is_empty(store)
    service.log_energy(store, level=3, at=NOW)
    assert not service.is_empty(store)


def test_backup_default_target_and_folder(store, tmp_path):
    default = service.backup(store, None, NOW)
    assert os.path.dirname(default) == os.path.dirname(store.path)
    assert os.path.basename(default) == "journal-backup-20261126-150000.db"
    folder = tmp_path / "backups"
    folder.mkdir()
    assert service.backup(store, str(folder), NOW).startswith(str(folder))
    with pytest.raises(BadInput, match="does not exist"):
        service.backup(store, str(tmp_path / "no" / "such.db"), NOW)


def test_row_builders_store_local_time_with_offset():
    summer = dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC)
    row = service.ai_row(tool="Claude", minutes=10, at=summer, now=NOW)
    assert row["started_at"] == "2026-07-01T10:00:00+02:00"
    assert row["day"] == "2026-07-01" and row["ts"] == summer.timestamp()
    late = dt.datetime(2026, 11, 25, 23, 30, tzinfo=dt.UTC)  # already the 26th in Berlin
    assert service.interaction_row(minutes=5, at=late, now=NOW)["day"] == "2026-11-26"
