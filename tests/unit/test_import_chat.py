"""ChatGPT and Claude importers: sessions from messages, branches, gaps, zips, refusals."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from journal.errors import BadInput
from journal.importers import _chat, chatgpt, claude
from tests.conftest import snapshot_files

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
CHATGPT = str(DATA / "chatgpt-conversations.json")
CHATGPT_ZIP = str(DATA / "chatgpt-export.zip")
TRUNCATED_ZIP = str(DATA / "chatgpt-export-truncated.zip")
CLAUDE = str(DATA / "claude-conversations.json")

CHATGPT_SESSIONS = [
    # (local start, minutes, source, note)
    # the kept branch of an edited thread; a null-time reply and a tool message are left out
    ("2026-06-10T10:00:00+02:00", 7, "ChatGPT:6a1f0c2e-branch:1", "Refactor parser"),
    # no message has a time: the conversation's create_time, length from its update_time
    ("2026-09-01T18:30:00+02:00", 8, "ChatGPT:9d404f51-untimed:1", None),
    # a 60-minute pause splits one conversation (only `conversation_id`) into two sessions
    ("2026-11-20T10:00:00+01:00", 20, "ChatGPT:7b2e1d3f-gap:1", "Trip planning"),
    ("2026-11-20T11:20:00+01:00", 15, "ChatGPT:7b2e1d3f-gap:2", "Trip planning"),
    # a single message is one minute
    ("2026-11-25T23:59:50+01:00", 1, "ChatGPT:ae515062-single:1", "Quick question"),
]
CLAUDE_SESSIONS = [
    (
        "2026-10-03T22:30:56+02:00",
        14,
        "Claude:1ce6f4f7-0000-4000-8000-000000000001:1",
        "Odoo lazy loading",
    ),
    # the night summer time ends: 00:30Z and 01:30Z are both 02:30 in Berlin; an empty name
    ("2026-10-25T02:30:00+02:00", 10, "Claude:2df7a508-0000-4000-8000-000000000002:1", None),
    ("2026-10-25T02:30:00+01:00", 3, "Claude:2df7a508-0000-4000-8000-000000000002:2", None),
]


def sessions(store, tool=None):
    found = [
        (e.started_at.isoformat(), e.minutes, e.source, e.note)
        for e in store.all_entries("ai_session")
        if tool is None or e.tool == tool
    ]
    return sorted(found, key=lambda s: s[2])


def test_chatgpt_sessions_exact(store):
    result = chatgpt.run(store, CHATGPT)
    assert (result.added, result.skipped) == (5, 0)
    assert sessions(store) == sorted(CHATGPT_SESSIONS, key=lambda s: s[2])
    entries = store.all_entries("ai_session")
    assert {e.tool for e in entries} == {"ChatGPT"}
    assert {e.purpose.value for e in entries} == {"unclassified"}
    assert store.conn.execute("SELECT label FROM undo_step").fetchall() == [
        ("import chatgpt chatgpt-conversations.json",)
    ]


def test_claude_sessions_exact(store):
    result = claude.run(store, CLAUDE)
    assert (result.added, result.skipped) == (3, 0)
    assert sessions(store) == sorted(CLAUDE_SESSIONS, key=lambda s: s[2])
    assert {e.tool for e in store.all_entries("ai_session")} == {"Claude"}


def test_reimport_adds_nothing_and_writes_nothing(store, db_path):
    chatgpt.run(store, CHATGPT)
    claude.run(store, CLAUDE)
    before = snapshot_files(db_path)
    again = chatgpt.run(store, CHATGPT)
    assert (again.added, again.skipped) == (0, 5)
    assert claude.run(store, CLAUDE).added == 0
    assert chatgpt.run(store, CHATGPT_ZIP).added == 0  # the zip holds the same export
    assert snapshot_files(db_path) == before
    assert len(store.all_entries("ai_session")) == 8


def test_newer_export_adds_only_the_new_part(store, tmp_path):
    chatgpt.run(store, CHATGPT)
    data = json.loads(Path(CHATGPT).read_text())
    gap = next(c for c in data if c.get("conversation_id") == "7b2e1d3f-gap")
    last = gap["mapping"]["b5"]
    later = last["message"]["create_time"] + 3 * 3600
    gap["mapping"]["b6"] = {
        "id": "b6",
        "parent": "b5",
        "children": [],
        "message": {
            **last["message"],
            "id": "b6",
            "create_time": later,
            "author": {"role": "user", "name": None, "metadata": {}},
        },
    }
    gap["current_node"] = "b6"
    newer = tmp_path / "conversations.json"
    newer.write_text(json.dumps(data))
    result = chatgpt.run(store, str(newer))
    assert (result.added, result.skipped) == (1, 5)
    added = [s for s in sessions(store) if s[2] == "ChatGPT:7b2e1d3f-gap:3"]
    assert added == [("2026-11-20T14:35:00+01:00", 1, "ChatGPT:7b2e1d3f-gap:3", "Trip planning")]


def test_deleted_import_is_not_brought_back(store):
    from journal import service

    chatgpt.run(store, CHATGPT)
    first = store.all_entries("ai_session")[0]
    service.delete_entry(store, first.id)
    assert chatgpt.run(store, CHATGPT).added == 0


def test_zip_export_is_read(store):
    result = chatgpt.run(store, CHATGPT_ZIP)
    assert result.added == 5
    assert sessions(store) == sorted(CHATGPT_SESSIONS, key=lambda s: s[2])


def test_claude_zip_in_a_folder(store, tmp_path):
    archive = tmp_path / "data-2026-11-01-batch-0000.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("data-2026-11-01-batch-0000/users.json", "[]")
        out.writestr("data-2026-11-01-batch-0000/conversations.json", Path(CLAUDE).read_text())
    assert claude.run(store, str(archive)).added == 3


def test_dry_run_writes_nothing(store, db_path):
    before = snapshot_files(db_path)
    result = chatgpt.run(store, CHATGPT, dry_run=True)
    assert result.added == 5
    assert result.details[0] == "2026-06-10 10:00  ChatGPT  7 min  Refactor parser"
    assert len(result.details) == 5
    assert snapshot_files(db_path) == before
    assert store.all_entries("ai_session") == []


def test_since_until_filter(store):
    import datetime as dt

    from journal.clock import localize

    result = chatgpt.run(
        store,
        CHATGPT,
        since=localize(dt.datetime(2026, 11, 1)),
        until=localize(dt.datetime(2026, 11, 20, 23, 59)),
    )
    assert (result.added, result.skipped) == (2, 3)


def test_future_messages_are_left_out(store, tmp_path):
    path = tmp_path / "conversations.json"
    path.write_text(
        json.dumps(
            [
                {
                    "uuid": "f",
                    "name": "later",
                    "chat_messages": [{"sender": "human", "created_at": "2026-11-27T10:00:00Z"}],
                }
            ]
        )
    )
    result = claude.run(store, str(path))
    assert (result.added, result.skipped) == (0, 1)


def test_missing_and_null_fields_are_tolerated(store, tmp_path):
    path = tmp_path / "conversations.json"
    path.write_text(
        json.dumps(
            [
                {"mapping": None},  # null mapping: an empty conversation
                {"id": "x1", "mapping": {"a": {"message": {"author": None, "create_time": 1.0}}}},
                {
                    "id": "x2",
                    "title": None,
                    "current_node": "gone",
                    "mapping": {
                        "r": {"message": None, "parent": None},
                        "u": {
                            "parent": "r",
                            "message": {"author": {"role": "user"}, "create_time": 1781078400},
                        },
                        "v": {
                            "parent": "u",
                            "message": {
                                "author": {"role": "assistant"},
                                "create_time": 1781078460.0,
                            },
                        },
                    },
                },
                {
                    "id": "x3",
                    "mapping": {
                        "u": {
                            "parent": "u",
                            "message": {  # a cycle ends the walk
                                "author": {"role": "user"},
                                "create_time": "yesterday",
                            },
                        }
                    },
                },
            ]
        )
    )
    result = chatgpt.run(store, str(path))
    assert result.added == 1
    assert sessions(store) == [("2026-06-10T10:00:00+02:00", 1, "ChatGPT:x2:1", None)]


def test_conversation_without_id_gets_a_stable_source(store, tmp_path):
    path = tmp_path / "conversations.json"
    path.write_text(
        json.dumps(
            [
                {
                    "name": "no id",
                    "chat_messages": [{"sender": "human", "created_at": "2026-11-01T10:00:00Z"}],
                }
            ]
        )
    )
    assert claude.run(store, str(path)).added == 1
    assert claude.run(store, str(path)).added == 0
    assert sessions(store)[0][2].startswith("Claude:noid-")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "conversations.json: is empty"),
        (
            '{"conversations": []}',
            "conversations.json: the top level is a JSON object, not an array "
            "of conversations at line 1 column 1",
        ),
        ("BEGIN:VCALENDAR", "conversations.json: the top level is not JSON"),
        ('[{"id": "a", "mapping": []}]', "conversations.json: item 1: mapping is an array"),
        (
            '[{"id": "a", "mapping": {"n": 3}}]',
            "conversations.json: item 1: mapping node 'n' is a number",
        ),
        (
            '[{"id": "a", "mapping": {}},\n {"id": "b" "mapping": {}}]',
            "conversations.json: not valid JSON (Expecting ',' delimiter) at line 2 column 13",
        ),
        (
            '[{"id": "a", "mapping": {}}, {"id": "b", "map',
            "conversations.json: the file ends in the middle of a conversation",
        ),
        (
            '[{"id": "a", "mapping": {}}',
            "conversations.json: the file ends before the array is closed",
        ),
        (
            '[{"id": "a", "mapping": {}}] []',
            "conversations.json: there is more data after the array",
        ),
    ],
)
def test_malformed_chatgpt_files_change_nothing(store, db_path, tmp_path, content, message):
    chatgpt.run(store, CHATGPT)  # something in the journal already
    path = tmp_path / "conversations.json"
    path.write_text(content)
    before = snapshot_files(db_path)
    with pytest.raises(BadInput) as err:
        chatgpt.run(store, str(path))
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)
    assert snapshot_files(db_path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[{"id": "b", "mapping": {}}]',
            "conversations.json: item 1 has no chat_messages",
        ),
        (
            '[{"uuid": "a", "chat_messages": {"x": 1}}]',
            "conversations.json: item 1: chat_messages is an object, not an array",
        ),
        (
            '[{"uuid": "a", "chat_messages": [{"sender": "human"}, "hi"]}]',
            "conversations.json: item 1: message 2 is a string",
        ),
    ],
)
def test_malformed_claude_files_change_nothing(store, db_path, tmp_path, content, message):
    path = tmp_path / "conversations.json"
    path.write_text(content)
    before = snapshot_files(db_path)
    with pytest.raises(BadInput) as err:
        claude.run(store, str(path))
    assert str(err.value).startswith(message)
    assert snapshot_files(db_path) == before


def test_one_bad_conversation_is_skipped_and_named(store, db_path, tmp_path):
    good = json.loads(Path(CLAUDE).read_text())
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([*good, {"uuid": "z", "name": "Broken", "chat_messages": 5}, 7]))
    result = claude.run(store, str(path))
    assert (result.added, result.reasons["unreadable"]) == (3, 2)
    assert result.problems == [
        "conversation 'Broken' (conversations.json, item 4): chat_messages is a number, "
        "not an array",
        "conversation 5 (conversations.json, item 5): is a number, not a conversation object",
    ]
    assert result.summary() == "3 sessions added · 2 unreadable skipped"


def test_truncated_zip_is_refused(store, db_path):
    before = snapshot_files(db_path)
    with pytest.raises(
        BadInput,
        match=r"^chatgpt-export-truncated\.zip: not a complete zip "
        r"archive .*truncated or damaged",
    ):
        chatgpt.run(store, TRUNCATED_ZIP)
    assert snapshot_files(db_path) == before


def test_zip_without_conversations_is_refused(store, tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("chat.html", "<html></html>")
    with pytest.raises(BadInput, match=r"^export\.zip: the zip holds no conversations\.json"):
        chatgpt.run(store, str(archive))


def test_corrupt_zip_member_is_refused(store, db_path, tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("conversations.json", Path(CHATGPT).read_text())
    raw = bytearray(archive.read_bytes())
    middle = raw.index(b"conversations.json") + 200  # inside the compressed data
    raw[middle : middle + 40] = bytes(40)
    archive.write_bytes(bytes(raw))
    before = snapshot_files(db_path)
    with pytest.raises(BadInput, match=r"^export\.zip"):
        chatgpt.run(store, str(archive))
    assert snapshot_files(db_path) == before


def test_not_utf8_is_refused(store, tmp_path):
    path = tmp_path / "conversations.json"
    path.write_bytes(b'[{"id": "a\xff", "mapping": {}}]')
    with pytest.raises(BadInput, match="is not UTF-8 text near byte 10"):
        chatgpt.run(store, str(path))


def test_streaming_reader_across_small_chunks(monkeypatch, tmp_path):
    """Items cut by the buffer end anywhere (even in a number) decode the same."""
    monkeypatch.setattr(_chat, "CHUNK", 7)
    items = [
        {"id": f"c{n}", "n": 12345678901234 + n, "text": 'é ü \\" ' * n, "mapping": {}}
        for n in range(30)
    ]
    path = tmp_path / "conversations.json"
    path.write_text(
        "\ufeff [\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n]\n",
        encoding="utf-8",
    )
    source = _chat._Source(str(path))
    try:
        assert [value for _, value in _chat.iter_array(source)] == items
    finally:
        source.close()


def test_split_and_minutes():
    assert _chat.split([0, 1800, 3601, 3700]) == [(0, 1800), (3601, 3700)]
    assert _chat.split([100, 0]) == [(0, 100)]
    assert _chat.minutes_between(0, 29) == 1
    assert _chat.minutes_between(0, 90) == 2
    assert _chat.minutes_between(0, 10 * 86400) == 1440


# --- Claude Code local logs --------------------------------------------------------------------

CLAUDE_CODE = str(DATA / "claude-code")


def test_claude_code_logs(store):
    from journal.importers import claude_code

    result = claude_code.run(store, CLAUDE_CODE)
    assert (result.added, result.skipped) == (3, 0)
    # sidechain lines and subagent transcripts are left out; a half-written last line is ignored
    assert sessions(store) == [
        (
            "2026-11-24T09:00:00+01:00",
            25,
            "Claude Code:0b7c9d1e-1111-4aaa-8bbb-000000000001:1",
            "Streaming JSON import",
        ),
        (
            "2026-11-24T13:00:00+01:00",
            25,
            "Claude Code:0b7c9d1e-1111-4aaa-8bbb-000000000001:2",
            "Streaming JSON import",
        ),
        (
            "2026-11-25T20:00:00+01:00",
            1,
            "Claude Code:5e6f7a8b-2222-4ccc-8ddd-000000000002:1",
            "notes",
        ),
    ]
    assert claude_code.run(store, CLAUDE_CODE + "/projects").added == 0


def test_claude_code_bad_line_is_skipped_and_named(store, db_path, tmp_path):
    from journal.importers import claude_code

    project = tmp_path / "projects" / "-home-me-x"
    project.mkdir(parents=True)
    (project / "s.jsonl").write_text(
        '{"type": "user", "timestamp": "2026-11-20T10:00:00Z"}\n'
        "not json\n"
        '{"type": "user", "timestamp": "2026-11-20T10:05:00Z"}\n'
    )
    result = claude_code.run(store, str(tmp_path / "projects"))
    assert result.problems == [
        "projects/-home-me-x/s.jsonl: line 2 is not valid JSON (Expecting value); accepted: "
        "a Claude Code session log, one JSON object per line"
    ]
    assert (result.added, result.reasons["unreadable"]) == (1, 1)
    assert sessions(store)[0][1] == 5
    (project / "s.jsonl").write_text("not json\n[1]\n")
    before = snapshot_files(db_path)
    with pytest.raises(BadInput, match=r"^projects/-home-me-x/s\.jsonl: line 1 is not valid JSON"):
        claude_code.run(store, str(tmp_path / "projects"))
    assert snapshot_files(db_path) == before
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BadInput, match="holds no Claude Code session logs"):
        claude_code.run(store, str(empty))
