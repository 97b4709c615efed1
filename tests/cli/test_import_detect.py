"""`aijournal import FILE`: the format read from the content, not the name; the summary line
and --json reasons."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import snapshot_files

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
CHATGPT = DATA / "chatgpt-conversations.json"
CLAUDE = DATA / "claude-conversations.json"
CALENDAR = DATA / "calendar.ics"
CLAUDE_CODE = DATA / "claude-code"


def renamed(tmp_path: Path, source: Path, name: str) -> str:
    """The file under a name that says nothing of its format."""
    target = tmp_path / name
    shutil.copy(source, target)
    return str(target)


def test_chatgpt_and_claude_told_apart_by_content(cli, tmp_path):
    result = cli("import", renamed(tmp_path, CHATGPT, "a.json"))
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "Imported a.json: 5 sessions added."
    result = cli("import", renamed(tmp_path, CLAUDE, "b.json"), "--json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert (shown["format"], shown["added"], shown["reasons"]) == ("claude", 3, {})


def test_sharded_zip_calendar_and_claude_code_folder(cli, tmp_path):
    data = json.loads(CHATGPT.read_text())
    archive = tmp_path / "export"  # no .zip in the name
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("conversations-000.json", json.dumps(data[:3]))
        out.writestr("conversations-001.json", json.dumps(data[3:]))
        out.writestr("export_manifest.json", "{}")
    assert cli("import", str(archive)).out.startswith("Imported export: 5 sessions added.")
    again = cli("import", str(archive), "--json")
    assert json.loads(again.out)["reasons"] == {"already there": 5}
    calendar = cli("import", renamed(tmp_path, CALENDAR, "cal.txt"), "--me", "me@example.com")
    assert calendar.code == 0, calendar.err
    assert calendar.out.startswith("Imported cal.txt: 7 meetings added")
    code = cli("import", str(CLAUDE_CODE))
    assert code.out.startswith("Imported claude-code: 3 sessions added.")


def test_jsonl_backup_is_recognised(cli, tmp_path):
    cli("ai", "Claude", "20m")
    backup = tmp_path / "backup.jsonl"
    assert cli("export", "--format", "jsonl", "--output", str(backup)).code == 0
    result = cli("import", str(backup))
    assert result.code == 0, result.err
    assert result.out.startswith("Imported backup.jsonl: 0 records added · 1 already there")


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"hello, world\n", "notes.txt"),
        (b'{"a": 1}\n', "other.jsonl"),
        (b'[{"foo": 1}]', "conversations.json"),
    ],
)
def test_unknown_content_is_refused_in_one_line(cli, db_path, tmp_path, content, name):
    cli("ai", "Claude", "20m")
    path = tmp_path / name
    path.write_bytes(content)
    before = snapshot_files(db_path)
    result = cli("import", str(path))
    assert result.code == 2
    assert result.err.startswith(f"aijournal: {name}: is none of the formats aijournal imports;")
    assert "chatgpt|claude|claude-code|codex|ics|jsonl" in result.err
    assert result.err.count("\n") == 1
    assert snapshot_files(db_path) == before


@pytest.mark.parametrize(
    ("content", "part"),
    [
        (b"BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20261120T090000Z\r\nEND:VEVENT\r\n", "VEVENT"),
        (b"\xef\xbb\xbfBEGIN:VTIMEZONE\nTZID:Europe/Berlin\nEND:VTIMEZONE\n", "VTIMEZONE"),
    ],
)
def test_an_icalendar_part_on_its_own_is_named_in_one_line(cli, db_path, tmp_path, content, part):
    """A VEVENT copied out of a calendar (no BEGIN:VCALENDAR) is said to be that, not 'none of
    the formats'."""
    cli("ai", "Claude", "20m")
    path = tmp_path / "meeting.ics"
    path.write_bytes(content)
    before = snapshot_files(db_path)
    result = cli("import", str(path))
    assert result.code == 2
    assert result.err.startswith(f"aijournal: meeting.ics: is an iCalendar {part} on its own,")
    assert "export the whole calendar" in result.err and result.err.count("\n") == 1
    assert snapshot_files(db_path) == before


def test_a_folder_with_two_kinds_is_ambiguous(cli, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(CHATGPT, folder / "conversations.json")
    shutil.copytree(CLAUDE_CODE / "projects", folder / "projects")
    result = cli("import", str(folder))
    assert result.code == 2
    assert result.err == (
        "aijournal: mixed: holds more than one kind (chatgpt, claude_code); name the format: "
        "aijournal import chatgpt|claude|claude-code|codex FILE\n"
    )


def test_explicit_format_still_works_and_a_lone_format_asks_for_the_file(cli, tmp_path):
    assert cli("import", "chatgpt", str(CHATGPT)).code == 0
    result = cli("import", "chatgpt")
    assert result.code == 2
    assert result.err.startswith("aijournal: FILE is missing")
