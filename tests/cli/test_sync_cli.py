"""`aijournal sync` and `aijournal sources` end to end, on a fixture home: Claude Code's session
logs in ~/.claude/projects and a vdir of .ics files (one per event, in a collection folder)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from journal.store import JournalStore
from journal.sync import timer
from tests.conftest import snapshot_files


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("AIJOURNAL_CONFIG", raising=False)
    monkeypatch.delenv("CLAUDE_CONFIG_DIR", raising=False)


def claude_log(home: Path, project: str, session: str, times: list[str], summary: str) -> Path:
    folder = home / ".claude" / "projects" / f"-home-me-{project}"
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        {
            "type": "user" if n % 2 == 0 else "assistant",
            "timestamp": moment,
            "sessionId": session,
            "cwd": f"/home/me/{project}",
        }
        for n, moment in enumerate(times)
    ]
    lines.append({"type": "summary", "summary": summary})
    path = folder / f"{session}.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


EVENT = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//pimutils//vdirsyncer//EN
BEGIN:VEVENT
UID:{uid}
DTSTAMP:20261101T080000Z
DTSTART:{start}
DTEND:{end}
SUMMARY:{title}
ORGANIZER;CN=Me:mailto:me@example.com
ATTENDEE;PARTSTAT=ACCEPTED;CN=Me:mailto:me@example.com
ATTENDEE;PARTSTAT=ACCEPTED;CN={who}:mailto:{who}@example.com
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def home(tmp_path) -> Path:
    home = Path(os.environ["HOME"])
    claude_log(
        home,
        "parser",
        "s-1",
        ["2026-11-24T09:00:00Z", "2026-11-24T09:10:00Z", "2026-11-24T09:45:00Z"],
        "Fix the parser",
    )
    claude_log(home, "site", "s-2", ["2026-11-25T14:00:00Z", "2026-11-25T14:25:00Z"], "Site")
    work = home / ".calendars" / "work"
    work.mkdir(parents=True)
    for n, (start, end) in enumerate(
        [("20261120T100000Z", "20261120T103000Z"), ("20261123T130000Z", "20261123T140000Z")]
    ):
        (work / f"event-{n}.ics").write_text(
            EVENT.format(
                uid=f"ev-{n}@x", start=start, end=end, title=f"Review {n}", who=("sam", "priya")[n]
            )
        )
    (home / ".calendars" / "work" / "displayname").write_text("Work")
    return home


def rows(db_path: str) -> list[tuple]:
    with JournalStore.open(db_path) as store:
        return store.conn.execute(
            "SELECT tool, day, minutes, purpose, note, source FROM ai_session "
            "WHERE deleted_at IS NULL ORDER BY ts"
        ).fetchall()


def meetings(db_path: str) -> int:
    with JournalStore.open(db_path) as store:
        return store.conn.execute(
            "SELECT count(*) FROM interaction WHERE deleted_at IS NULL"
        ).fetchone()[0]


def test_first_run_lists_what_it_found_and_reads_nothing(cli, home, db_path):
    result = cli("sync")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "No sync source is enabled yet, so nothing was read."
    assert f"claude-code    Claude Code      {home}/.claude/projects" in result.out
    assert f"calendar       Calendar folder  {home}/.calendars" in result.out
    assert "aijournal sources enable NAME" in result.out
    assert not os.path.exists(db_path)  # not even a journal was made


def test_fixture_home_syncs_twice_with_nothing_added_the_second_time(cli, home, db_path):
    assert cli("sources", "enable", "claude-code").code == 0
    assert cli("sources", "enable", "calendar").code == 0
    first = cli("sync")
    assert first.code == 0, first.err
    assert first.out.splitlines()[:3] == [
        "Synced:",
        "  Claude Code: 3 sessions added",
        "  Calendar folder: 2 meetings added",
    ]
    assert rows(db_path) == [
        ("Claude Code", "2026-11-24", 10, "unclassified", None, "sync:claude-code:parser:s-1:1"),
        ("Claude Code", "2026-11-24", 1, "unclassified", None, "sync:claude-code:parser:s-1:2"),
        ("Claude Code", "2026-11-25", 25, "unclassified", None, "sync:claude-code:site:s-2:1"),
    ]
    assert meetings(db_path) == 2
    second = cli("sync", "--json")
    assert second.code == 0, second.err
    summary = json.loads(second.out)
    assert (summary["added"], summary["updated"]) == (0, 0)
    assert [s["unchanged"] for s in summary["sources"]] == [True, True]
    assert len(rows(db_path)) == 3 and meetings(db_path) == 2


def test_a_session_that_grew_is_updated_not_added_again(cli, home, db_path):
    cli("sources", "enable", "claude-code")
    cli("sync")
    claude_log(
        home,
        "site",
        "s-2",
        ["2026-11-25T14:00:00Z", "2026-11-25T14:25:00Z", "2026-11-25T14:45:00Z"],
        "Site",
    )
    result = cli("sync", "--keep-titles")
    assert result.out.splitlines()[1] == "  Claude Code: 0 sessions added, 1 updated"
    site = [r for r in rows(db_path) if r[5].startswith("sync:claude-code:site")]
    assert [(r[2], r[4]) for r in site] == [(45, "Site")]


def test_titles_stay_out_unless_asked(cli, home, db_path):
    cli("sources", "enable", "claude-code")
    cli("sync")
    with JournalStore.open(db_path) as store:
        text = store.conn.serialize()
    assert b"Fix the parser" not in text
    assert all(r[4] is None for r in rows(db_path))


def test_dry_run_writes_nothing(cli, home, db_path):
    cli("sources", "enable", "claude-code")
    cli("ai", "Claude", "20m")
    before = snapshot_files(db_path)
    result = cli("sync", "--dry-run")
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        "Dry run, nothing written:",
        "  Claude Code: 3 sessions added",
    ]
    assert snapshot_files(db_path) == before


def test_only_enabled_sources_are_read(cli, home, db_path):
    cli("sources", "enable", "calendar")
    result = cli("sync")
    assert "Claude Code" not in result.out, result.out
    assert meetings(db_path) == 2, result.out
    assert rows(db_path) == []
    listed = json.loads(cli("sources", "--json").out)
    state = {s["source"]: s["enabled"] for s in listed}
    assert state["calendar"] and not state["claude-code"]
    cli("sources", "disable", "calendar")
    assert "No sync source is enabled" in cli("sync").out


def test_config_file_is_written_private(cli, home, tmp_path):
    assert cli("sources", "enable", "calendar", "--path", str(home / ".calendars")).code == 0
    path = tmp_path / "config" / "aijournal" / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert f'paths = ["{home}/.calendars"]' in path.read_text()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("sync", "--source", "nope"), "source 'nope' is not known; accepted: claude-code"),
        (("sources", "enable", "nope"), "source 'nope' is not known"),
        (("sources", "toggle", "chrome"), "`aijournal sources toggle` is not known"),
        (("sources", "enable", "chrome", "--path", "/no/such"), "--path '/no/such' does not"),
        (("sync", "--since", "someday"), "someday"),
        (("sync", "--install-timer", "--remove-timer"), "give one of them"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(cli, home, tmp_path, db_path, args, named):
    cli("sources", "enable", "claude-code")
    config = (tmp_path / "config" / "aijournal" / "config.toml").read_bytes()
    result = cli(*args)
    assert result.code == 2
    assert result.err.startswith("aijournal: ") and named in result.err
    assert len(result.err.splitlines()) == 1 and "Traceback" not in result.err
    assert (tmp_path / "config" / "aijournal" / "config.toml").read_bytes() == config
    assert not os.path.exists(db_path)


def test_timer_files_are_written_and_removed(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(timer, "has_systemd", lambda: True)
    result = cli("sync", "--install-timer")
    assert result.code == 0, result.err
    units = tmp_path / "config" / "systemd" / "user"
    service = (units / "aijournal-sync.service").read_text()
    assert "ExecStart=" in service and service.rstrip().endswith("-m journal sync")
    assert f"AIJOURNAL_DB={tmp_path}/journal.db" in service
    assert "OnCalendar=daily" in (units / "aijournal-sync.timer").read_text()
    assert "systemctl --user enable --now aijournal-sync.timer" in result.out
    removed = cli("sync", "--remove-timer")
    assert removed.code == 0 and "Removed" in removed.out
    assert sorted(os.listdir(units)) == []


def test_without_systemd_the_timer_is_a_crontab_line(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(timer, "has_systemd", lambda: False)
    result = cli("sync", "--install-timer")
    assert result.code == 0, result.err
    assert "crontab -e" in result.out
    assert result.out.splitlines()[1].strip().startswith("17 9 * * * AIJOURNAL_DB=")
    assert not (tmp_path / "config" / "systemd").exists()


def test_calendar_asks_for_your_address_when_it_cannot_tell(cli, home, db_path):
    for n in range(2):  # both events with the same two people: which one is you?
        path = home / ".calendars" / "work" / f"event-{n}.ics"
        path.write_text(path.read_text().replace("priya@", "sam@").replace("CN=priya", "CN=sam"))
    cli("sources", "enable", "calendar")
    result = cli("sync")
    assert "`aijournal sources enable calendar --me you@example.com` says it" in result.out
    assert meetings(db_path) == 0
    assert cli("sources", "enable", "calendar", "--me", "me@example.com").code == 0
    again = cli("sync")
    assert "Calendar folder: 2 meetings added" in again.out
    assert meetings(db_path) == 2


def test_classify_says_when_suggestions_are_not_available(cli, home, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "journal.suggest", None)  # as if not written yet
    cli("sources", "enable", "claude-code")
    result = cli("sync", "--classify")
    assert result.code == 0, result.err
    assert "Not classified: classification suggestions not available." in result.out


def test_classify_applies_suggestions_at_the_configured_confidence(cli, home, monkeypatch):
    import sys
    import types

    calls = []
    suggest = types.ModuleType("journal.suggest")
    suggest.apply = lambda store, confidence: calls.append(confidence) or 2  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "journal.suggest", suggest)
    cli("sources", "enable", "claude-code")
    result = cli("sync", "--classify")
    assert "Classified 2 sessions from suggestions." in result.out
    assert calls == [0.8]


def test_sync_takes_the_lean_path(home, tmp_path):
    import subprocess
    import sys

    (tmp_path / "config" / "aijournal").mkdir(parents=True)
    (tmp_path / "config" / "aijournal" / "config.toml").write_text(
        '[sources."claude-code"]\nenabled = true\n[sources.calendar]\nenabled = true\n'
        'me = "me@example.com"\n'
    )
    probe = (
        "from journal.cli import main\n"
        "assert main(['sync']) == 0\nassert main(['sync']) == 0\n"
        "import sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    JournalStore.open(os.environ["AIJOURNAL_DB"]).close()  # making one loads sqlite-utils
    env = {**os.environ}
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    loaded = set(json.loads(first.stdout.strip().splitlines()[-1]))
    assert not loaded & {"textual", "typer", "rich", "sqlite_utils"}, first.stdout[:3000]
    # Nothing new: not even the calendar parser is loaded.
    again = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert "nothing new" in again.stdout
    assert not set(json.loads(again.stdout.strip().splitlines()[-1])) & {
        "icalendar",
        "recurring_ical_events",
        "click",
        "textual",
        "typer",
        "rich",
        "sqlite_utils",
    }


def test_sessions_imported_before_are_not_added_again(cli, home, db_path):
    assert cli("import", "claude-code", str(home / ".claude")).code == 0
    imported = rows(db_path)
    cli("sources", "enable", "claude-code")
    result = cli("sync")
    assert "Claude Code: 0 sessions added · skipped: 3 already there" in result.out
    assert rows(db_path) == imported
