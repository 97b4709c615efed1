"""`aijournal import FORMAT FILE` and `aijournal classify` through the real entry point."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from journal.store import JournalStore
from tests.conftest import snapshot_files

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
CHATGPT = str(DATA / "chatgpt-conversations.json")
CLAUDE = str(DATA / "claude-conversations.json")
CALENDAR = str(DATA / "calendar.ics")
TRUNCATED_ZIP = str(DATA / "chatgpt-export-truncated.zip")


def purposes(db_path):
    with JournalStore.open(db_path) as store:
        return {e.source: e.purpose.value for e in store.all_entries("ai_session")}


def test_import_chatgpt(cli, db_path):
    result = cli("import", "chatgpt", CHATGPT)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == ("Imported chatgpt-conversations.json: 5 sessions added.")
    assert "aijournal classify" in result.out
    again = cli("import", "chatgpt", CHATGPT)
    assert again.out.splitlines()[0] == (
        "Imported chatgpt-conversations.json: 0 sessions added · 5 already there skipped."
    )
    assert len(purposes(db_path)) == 5
    assert cli("undo").out.strip() == "Undone: import chatgpt chatgpt-conversations.json"
    assert purposes(db_path) == {}


def test_import_claude_and_ics(cli, db_path):
    assert cli("import", "claude", CLAUDE).code == 0
    result = cli("import", "ics", CALENDAR, "--me", "me@example.com")
    assert result.code == 0, result.err
    assert result.out.startswith(
        "Imported calendar.ics: 7 meetings added · 1 declined, 1 cancelled, 1 all-day, "
        "1 no attendee skipped."
    )
    listed = cli("log", "--type", "met", "--json")
    people = sorted({name for entry in json.loads(listed.out) for name in entry["people"]})
    assert people == ["Maria", "Priya Raman", "Sam Lee", "alex.k"]


def test_dry_run_prints_and_writes_nothing(cli, db_path):
    cli("ai", "Claude", "20m")  # the journal exists and has something in it
    before = snapshot_files(db_path)
    result = cli("import", "chatgpt", CHATGPT, "--dry-run")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == (
        "Dry run, nothing written: chatgpt-conversations.json would add 5 AI sessions."
    )
    assert lines[1] == "  2026-06-10 10:00  ChatGPT  7 min  Refactor parser"
    assert len(lines) == 6
    assert snapshot_files(db_path) == before


def test_dry_run_json(cli, db_path):
    result = cli("import", "ics", CALENDAR, "--me", "me@example.com", "--dry-run", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["format"], data["dry_run"], data["added"], data["skipped"]) == ("ics", True, 7, 4)
    assert result.err == ""


def test_since_until(cli, db_path):
    result = cli(
        "import",
        "ics",
        CALENDAR,
        "--me",
        "me@example.com",
        "--since",
        "2026-05-01",
        "--until",
        "2026-05-31",
    )
    assert result.out.startswith("Imported calendar.ics: 1 meeting added")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("import", "chatgpt", TRUNCATED_ZIP),
            "aijournal: chatgpt-export-truncated.zip: not a complete zip archive",
        ),
        (
            ("import", "claude", CHATGPT),
            "aijournal: chatgpt-conversations.json: item 1 has no chat_messages",
        ),
        (
            ("import", "chatgpt", CLAUDE),
            "aijournal: claude-conversations.json: item 1 has no mapping",
        ),
        (
            ("import", "ics", CHATGPT),
            "aijournal: chatgpt-conversations.json: is not an iCalendar file",
        ),
        (("import", "chatgpt", CALENDAR), "aijournal: calendar.ics: the top level is not JSON"),
        (("import", "outlook", CALENDAR), "aijournal: FORMAT 'outlook' is not accepted"),
        (
            ("import", "chatgpt", "/nowhere/conversations.json"),
            "aijournal: FILE '/nowhere/conversations.json' does not exist",
        ),
        (
            ("import", "chatgpt", CHATGPT, "--me", "me@example.com"),
            "aijournal: --me applies to `import ics` only",
        ),
        (("import", "ics", CALENDAR, "--me", "me"), "aijournal: --me 'me' is not an email address"),
        (
            ("import", "ics", CALENDAR, "--since", "2026-11-20", "--until", "2026-11-01"),
            "aijournal: --since '2026-11-20' is after --until '2026-11-01'",
        ),
        (
            ("import", "jsonl", CHATGPT, "--since", "2026-11-01"),
            "aijournal: --since does not apply to `import jsonl`",
        ),
    ],
)
def test_refusals_exit_2_and_change_nothing(cli, db_path, args, message):
    cli("import", "claude", CLAUDE)
    before = snapshot_files(db_path)
    result = cli(*args)
    assert result.code == 2
    assert result.err.startswith(message)
    assert result.err.count("\n") == 1
    assert result.out == ""
    assert snapshot_files(db_path) == before


def test_one_bad_conversation_mid_way_is_skipped_and_named(cli, db_path, tmp_path):
    cli("import", "claude", CLAUDE)
    good = json.loads(Path(CHATGPT).read_text())
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([*good[:3], {"id": "x", "mapping": "oops"}, *good[3:]]))
    result = cli("import", "chatgpt", str(path))
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        "Imported conversations.json: 5 sessions added · 1 unreadable skipped.",
        "  skipped conversation x (conversations.json, item 4): mapping is a string, not an "
        "object of message nodes",
    ]


def test_malformed_file_mid_way_changes_nothing(cli, db_path, tmp_path):
    cli("import", "claude", CLAUDE)
    text = Path(CHATGPT).read_text()
    path = tmp_path / "conversations.json"
    path.write_text(text[: len(text) // 2] + "}}oops" + text[len(text) // 2 :])
    before = snapshot_files(db_path)
    result = cli("import", "chatgpt", str(path))
    assert result.code == 2
    assert result.err.startswith("aijournal: conversations.json: not valid JSON")
    assert result.err.count("\n") == 1
    assert snapshot_files(db_path) == before


# --- classify ----------------------------------------------------------------------------------


def feed(monkeypatch, keys: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(keys))


def test_classify_with_piped_keys(cli, db_path, monkeypatch):
    cli("import", "claude", CLAUDE)
    # newest first: the two Oct 25 parts (part 2 is later), then Oct 3
    feed(monkeypatch, "x\nl\n\na\nq\n")
    result = cli("classify")
    assert result.code == 0, result.err
    out = result.out
    assert "3 unclassified AI sessions, newest first." in out
    assert "[1/3] Claude · 2026-10-25 02:30 · 3 min" in out
    assert "'x' is not a key here" in out
    assert "[2/3] Claude · 2026-10-25 02:30 · 10 min" in out
    assert "[3/3] Claude · 2026-10-03 22:30 · 14 min · Odoo lazy loading" in out
    assert out.rstrip().splitlines()[-1] == (
        "Classified 2 (learn 1, augment 1); 1 still unclassified."
    )
    assert purposes(db_path) == {
        "Claude:2df7a508-0000-4000-8000-000000000002:2": "learn",
        "Claude:2df7a508-0000-4000-8000-000000000002:1": "augment",
        "Claude:1ce6f4f7-0000-4000-8000-000000000001:1": "unclassified",
    }
    # one undo step per answer
    assert cli("undo").out.strip().startswith("Undone: edit ai session")
    assert list(purposes(db_path).values()).count("unclassified") == 2


def test_classify_skip_and_end_of_input(cli, db_path, monkeypatch):
    cli("import", "claude", CLAUDE)
    feed(monkeypatch, "s\nt\n")  # input ends before the third session: quit
    result = cli("classify")
    assert result.code == 0
    assert result.out.rstrip().splitlines()[-1] == (
        "Classified 1 (automate 1), skipped 1; 2 still unclassified."
    )
    assert sorted(purposes(db_path).values()) == ["automate", "unclassified", "unclassified"]


def test_classify_all_keys(cli, db_path, monkeypatch):
    cli("import", "chatgpt", CHATGPT)
    feed(monkeypatch, "l\na\nt\nc\nC\n")
    result = cli("classify")
    assert result.out.rstrip().splitlines()[-1] == (
        "Classified 5 (learn 1, augment 1, automate 1, companion 2); 0 still unclassified."
    )
    assert sorted(purposes(db_path).values()) == [
        "augment",
        "automate",
        "companion",
        "companion",
        "learn",
    ]


def test_classify_nothing_to_do(cli, monkeypatch):
    feed(monkeypatch, "")
    cli("ai", "Claude", "20m", "--purpose", "learn")
    result = cli("classify")
    assert result.code == 0
    assert result.out.strip() == "Nothing to classify: every AI session has a purpose."


def test_import_claude_code(cli, db_path):
    result = cli("import", "claude-code", str(DATA / "claude-code"))
    assert result.code == 0, result.err
    assert result.out.startswith("Imported claude-code: 3 sessions added.")
    assert cli("undo").out.strip() == "Undone: import claude-code claude-code"


def test_classify_k_types_a_skill_then_the_purpose(cli, db_path, monkeypatch):
    cli("import", "claude", CLAUDE)
    feed(monkeypatch, "k\nSQL window functions\nl\nk\n\na\nq\n")  # an empty skill is left out
    result = cli("classify")
    assert result.code == 0, result.err
    assert "k skill" in result.out
    assert "skill: SQL window functions; now its purpose" in result.out
    with JournalStore.open(db_path) as store:
        got = {e.source: (e.purpose.value, e.skill) for e in store.all_entries("ai_session")}
    assert got == {
        "Claude:2df7a508-0000-4000-8000-000000000002:2": ("learn", "SQL window functions"),
        "Claude:2df7a508-0000-4000-8000-000000000002:1": ("augment", None),
        "Claude:1ce6f4f7-0000-4000-8000-000000000001:1": ("unclassified", None),
    }
