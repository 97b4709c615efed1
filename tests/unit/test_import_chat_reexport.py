"""Chat imports on real export layouts: 2026 sharded ChatGPT zips and their unzipped folders,
newer exports whose conversations grew or branched, conversations without times, the summary
line, the progress callback, and `aijournal import FILE` telling the format by content."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from journal import service
from journal.importers import ImportResult, chatgpt, claude, claude_code
from tests.conftest import snapshot_files

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
CHATGPT = DATA / "chatgpt-conversations.json"
CLAUDE = DATA / "claude-conversations.json"
T0 = 1781078400.0  # 2026-06-10 10:00 in Berlin
MIN = 60
DAY = 86400


def sessions(store, tool=None):
    found = [
        (e.started_at.isoformat(), e.minutes, e.source, e.note)
        for e in store.all_entries("ai_session")
        if tool is None or e.tool == tool
    ]
    return sorted(found, key=lambda s: s[2])


def minutes(store):
    return sorted((e.started_at.isoformat(), e.minutes) for e in store.all_entries("ai_session"))


def gpt(cid, title, turns, current=None):
    """A ChatGPT conversation; turns are (node id, parent id or None, role, unix time)."""
    mapping = {"client-created-root": {"id": "client-created-root", "message": None}}
    mapping["client-created-root"].update(parent=None, children=[])
    for node, parent, role, moment in turns:
        parent = parent or "client-created-root"
        mapping[parent]["children"].append(node)
        mapping[node] = {
            "id": node,
            "parent": parent,
            "children": [],
            "message": {
                "id": node,
                "author": {"role": role, "name": None, "metadata": {}},
                "create_time": moment,
                "content": {"content_type": "text", "parts": ["…"]},
                "status": "finished_successfully",
                "metadata": {},
            },
        }
    return {
        "id": cid,
        "conversation_id": cid,
        "title": title,
        "create_time": turns[0][3] if turns else None,
        "update_time": turns[-1][3] if turns else None,
        "current_node": current or (turns[-1][0] if turns else None),
        "mapping": mapping,
        "is_archived": False,
    }


def write(path: Path, conversations) -> str:
    path.write_text(json.dumps(conversations))
    return str(path)


def sharded_zip(path: Path, shards, *, folder: str = "") -> str:
    """A 2026 ChatGPT export: conversations-000.json, … and export_manifest.json, no
    conversations.json."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        names = []
        for n, shard in enumerate(shards):
            name = f"{folder}conversations-{n:03d}.json"
            out.writestr(name, json.dumps(shard))
            names.append(name)
        out.writestr(
            f"{folder}export_manifest.json",
            json.dumps({"version": 1, "files": names, "conversation_count": 5}),
        )
        out.writestr(f"{folder}chat.html", "<html></html>")
        out.writestr(f"{folder}user.json", '{"id": "user-1"}')
        out.writestr(f"{folder}message_feedback.json", "[]")
    return str(path)


def fixture_shards():
    data = json.loads(CHATGPT.read_text())
    return [data[:2], data[2:4], data[4:]]


# --- 1. sharded exports ------------------------------------------------------------------------


def test_sharded_zip_with_manifest_reads_every_shard(store, tmp_path):
    whole = tmp_path / "whole"
    whole.mkdir()
    expected = chatgpt.run(store, str(CHATGPT), dry_run=True)
    result = chatgpt.run(store, sharded_zip(tmp_path / "chatgpt-2026.zip", fixture_shards()))
    assert result.added == expected.added == 5
    assert result.details == expected.details
    assert {s[2] for s in sessions(store)} == {
        "ChatGPT:6a1f0c2e-branch:1",
        "ChatGPT:9d404f51-untimed:1",
        "ChatGPT:7b2e1d3f-gap:1",
        "ChatGPT:7b2e1d3f-gap:2",
        "ChatGPT:ae515062-single:1",
    }
    # the same export as one conversations.json adds nothing more
    assert chatgpt.run(store, str(CHATGPT)).added == 0


def test_unzipped_folder_and_a_single_shard(store, tmp_path):
    folder = tmp_path / "chatgpt-export"
    folder.mkdir()
    for n, shard in enumerate(fixture_shards()):
        (folder / f"conversations-{n:03d}.json").write_text(json.dumps(shard))
    (folder / "export_manifest.json").write_text("{}")
    (folder / "user.json").write_text("{}")
    one = chatgpt.run(store, str(folder / "conversations-001.json"), dry_run=True)
    assert one.added == 1  # one shard on its own (an empty and an untimed conversation)
    assert chatgpt.run(store, str(folder)).added == 5
    assert len(store.all_entries("ai_session")) == 5


def test_sharded_zip_in_a_subfolder(store, tmp_path):
    archive = sharded_zip(tmp_path / "export.zip", fixture_shards(), folder="export-2026-03/")
    assert chatgpt.run(store, archive).added == 5


def test_a_folder_with_no_conversations_is_refused(store, tmp_path):
    from journal.errors import BadInput

    (tmp_path / "empty").mkdir()
    with pytest.raises(BadInput, match=r"^empty: the folder holds no conversations\.json nor"):
        chatgpt.run(store, str(tmp_path / "empty"))


def test_conversations_without_times_are_counted(store, tmp_path):
    untimed = [
        gpt(f"u{n}", f"Untimed {n}", [("a", None, "user", None), ("b", "a", "assistant", None)])
        for n in range(5)
    ]
    for conversation in untimed:
        conversation["create_time"] = conversation["update_time"] = None
    timed = gpt("t", "Timed", [("a", None, "user", T0), ("b", "a", "assistant", T0 + 4 * MIN)])
    result = chatgpt.run(store, write(tmp_path / "conversations.json", [*untimed, timed]))
    assert (result.added, result.skipped) == (1, 5)
    assert result.reasons == {"conversations without times": 5}
    assert result.summary() == "1 session added · 5 conversations without times skipped"


# --- 2. re-import of a newer export ------------------------------------------------------------

SHORT = [("a", None, "user", T0), ("b", "a", "assistant", T0 + 6 * MIN)]
GROWN = [*SHORT, ("c", "b", "user", T0 + 12 * MIN), ("d", "c", "assistant", T0 + 17 * MIN)]


def test_a_continued_conversation_grows_in_place(store, db_path, tmp_path):
    chatgpt.run(store, write(tmp_path / "old.json", [gpt("c1", "Parser", SHORT)]))
    (first,) = store.all_entries("ai_session")
    assert first.minutes == 6
    newer = write(tmp_path / "new.json", [gpt("c1", "Parser", GROWN)])
    result = chatgpt.run(store, newer)
    assert (result.added, result.updated) == (0, 1)
    assert result.summary() == "0 sessions added, 1 updated"
    (grown,) = store.all_entries("ai_session")
    assert (grown.id, grown.minutes, grown.source) == (first.id, 17, "ChatGPT:c1:1")
    # the same as a fresh import of the newer export; once more adds and changes nothing
    before = snapshot_files(db_path)
    again = chatgpt.run(store, newer)
    assert (again.added, again.updated, again.reasons) == (0, 0, {"already there": 1})
    assert snapshot_files(db_path) == before
    # one undo step brings back the 6 minutes
    assert service.undo(store) is not None
    assert [e.minutes for e in store.all_entries("ai_session")] == [6]


def test_a_prompt_edited_days_later_adds_its_session(store, tmp_path):
    two = [
        ("a", None, "user", T0),
        ("b", "a", "assistant", T0 + 2 * MIN),
        ("c", "b", "user", T0 + 2 * 3600),
        ("d", "c", "assistant", T0 + 2 * 3600 + 5 * MIN),
    ]
    chatgpt.run(store, write(tmp_path / "old.json", [gpt("c2", "Essay", two)]))
    assert len(store.all_entries("ai_session")) == 2
    # three days later the user edits the second prompt: a new branch from "b", kept
    edited = [
        *two,
        ("c2", "b", "user", T0 + 3 * DAY),
        ("d2", "c2", "assistant", T0 + 3 * DAY + 4 * MIN),
    ]
    newer = write(tmp_path / "new.json", [gpt("c2", "Essay", edited, current="d2")])
    result = chatgpt.run(store, newer)
    assert result.added == 1
    fresh_store = tmp_path / "fresh.db"
    from journal.store import JournalStore

    with JournalStore.open(str(fresh_store)) as fresh:
        chatgpt.run(fresh, newer)
        assert (
            minutes(store)
            == minutes(fresh)
            == [
                ("2026-06-10T10:00:00+02:00", 2),
                ("2026-06-13T10:00:00+02:00", 4),
            ]
        )
    # the abandoned branch's session is gone from the live journal, in the same undo step
    assert result.deleted == 1
    assert result.summary() == "1 session added, 1 deleted · 1 already there skipped"


def test_sessions_the_user_edited_or_deleted_are_kept(store, tmp_path):
    chatgpt.run(
        store,
        write(
            tmp_path / "old.json",
            [gpt("e", "Edited", SHORT), gpt("k", "Classified", SHORT), gpt("d", "Deleted", SHORT)],
        ),
    )
    by_note = {e.note: e for e in store.all_entries("ai_session")}
    service.edit_entry(store, by_note["Edited"].id, {"minutes": 9})
    from journal import classify

    classify.answer(store, by_note["Classified"].id, "l")
    service.delete_entry(store, by_note["Deleted"].id)
    grown = [gpt("e", "Edited", GROWN), gpt("k", "Classified", GROWN), gpt("d", "Deleted", GROWN)]
    result = chatgpt.run(store, write(tmp_path / "new.json", grown))
    assert (result.added, result.updated) == (0, 0)
    assert result.reasons == {"edited by you": 2, "deleted by you": 1}
    assert result.summary() == "0 sessions added · 2 edited by you, 1 deleted by you skipped"
    assert any("'Edited'" in p and "kept as you edited it" in p for p in result.problems)
    live = {e.note: e.minutes for e in store.all_entries("ai_session")}
    assert live == {"Edited": 9, "Classified": 6}


def test_claude_conversation_that_grew_is_updated(store, tmp_path):
    data = json.loads(CLAUDE.read_text())
    claude.run(store, write(tmp_path / "old.json", data))
    first = data[0]
    last = first["chat_messages"][-1]
    first["chat_messages"].append({**last, "uuid": "a3", "created_at": "2026-10-03T20:50:10Z"})
    result = claude.run(store, write(tmp_path / "new.json", data))
    assert (result.added, result.updated) == (0, 1)
    row = [s for s in sessions(store) if s[2].endswith("0001:1")]
    assert row[0][1] == 19  # 20:30:56 to 20:50:10


def test_claude_code_session_that_grew_is_updated(store, tmp_path):
    project = tmp_path / "projects" / "-home-me-x"
    project.mkdir(parents=True)
    log = project / "s1.jsonl"
    line = '{{"type": "user", "sessionId": "s1", "timestamp": "2026-11-20T10:{:02d}:00Z"}}\n'
    log.write_text(line.format(0) + line.format(5))
    claude_code.run(store, str(tmp_path / "projects"))
    log.write_text(line.format(0) + line.format(5) + line.format(25))
    result = claude_code.run(store, str(tmp_path / "projects"))
    assert (result.added, result.updated) == (0, 1)
    assert [e.minutes for e in store.all_entries("ai_session")] == [25]


# --- 5. one bad record --------------------------------------------------------------------------


def test_claude_code_folder_with_one_bad_line_imports_the_rest(store, tmp_path):
    projects = tmp_path / ".claude" / "projects"
    for name, session in (("-home-me-a", "s-a"), ("-home-me-b", "s-b")):
        (projects / name).mkdir(parents=True)
        (projects / name / f"{session}.jsonl").write_text(
            f'{{"type": "user", "sessionId": "{session}", "timestamp": "2026-11-20T10:00:00Z"}}\n'
            f'{{"type": "assistant", "sessionId": "{session}", '
            '"timestamp": "2026-11-20T10:09:00Z"}\n'
        )
    bad = projects / "-home-me-b" / "s-b.jsonl"
    bad.write_text(bad.read_text() + '{"type": "user", "timest\n' + bad.read_text())
    result = claude_code.run(store, str(tmp_path / ".claude"))
    assert (result.added, result.reasons) == (2, {"unreadable": 1})
    assert result.problems[0].startswith(".claude/projects/-home-me-b/s-b.jsonl: line 3 is not")


# --- 6. summary, progress ------------------------------------------------------------------------


def test_summary_line_per_reason():
    result = ImportResult(added=57, noun="meetings")
    result.skip("reservations", 22)
    result.skip("unanswered", 33)
    result.skip("broadcasts")
    assert result.summary() == (
        "57 meetings added · 33 unanswered, 22 reservations, 1 broadcast skipped"
    )
    sessions_result = ImportResult(added=12, updated=3, noun="sessions")
    sessions_result.skip("already there", 40)
    sessions_result.skip("without times", 5)
    assert sessions_result.summary() == (
        "12 sessions added, 3 updated · 40 already there, 5 without times skipped"
    )
    assert ImportResult(added=1, noun="records").summary() == "1 record added"


def test_progress_covers_reading_and_writing(store, tmp_path):
    calls: list[tuple[int, int]] = []
    archive = sharded_zip(tmp_path / "export.zip", fixture_shards())
    chatgpt.run(store, archive, progress=lambda done, total: calls.append((done, total)))
    size = sum(len(json.dumps(s)) for s in fixture_shards())
    assert calls, "the callback was called"
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len({t for _, t in calls}) == 1
    assert any(d == size for d, _ in calls)  # every shard read
    assert calls[-1][0] == calls[-1][1] > size  # then the writing, to the end
