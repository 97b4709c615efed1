"""Imports are idempotent under concurrency: N real `aijournal import FORMAT FILE` processes started
at once on one journal add the file exactly once (the dedupe read happens under the write lock),
for every importer."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import time

import pytest
import relkit

from journal.errors import NothingToUndo
from journal.store import JournalStore

RACERS = 3
N = 60  # records per file
BASE = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)  # before the pinned now (2026-11-26)


def chatgpt(folder: str, n: int = N) -> str:
    conversations = []
    for i in range(n):
        start = (BASE + dt.timedelta(hours=i)).timestamp()
        conversations.append(
            {
                "id": f"conv-{i}",
                "title": f"Chat {i}",
                "create_time": start,
                "current_node": "b",
                "mapping": {
                    "a": {
                        "id": "a",
                        "parent": None,
                        "message": {"author": {"role": "user"}, "create_time": start},
                    },
                    "b": {
                        "id": "b",
                        "parent": "a",
                        "message": {"author": {"role": "assistant"}, "create_time": start + 600},
                    },
                },
            }
        )
    return _write(folder, "conversations.json", json.dumps(conversations))


def claude(folder: str, n: int = N) -> str:
    conversations = [
        {
            "uuid": f"uuid-{i}",
            "name": f"Chat {i}",
            "chat_messages": [
                {"sender": "human", "created_at": (BASE + dt.timedelta(hours=i)).isoformat()},
                {
                    "sender": "assistant",
                    "created_at": (BASE + dt.timedelta(hours=i, minutes=12)).isoformat(),
                },
            ],
        }
        for i in range(n)
    ]
    return _write(folder, "claude.json", json.dumps(conversations))


def claude_code(folder: str, n: int = N) -> str:
    root = os.path.join(folder, "claude", "projects", "demo")
    os.makedirs(root)
    for i in range(n):
        moment = BASE + dt.timedelta(hours=i)
        lines = [
            {
                "type": kind,
                "sessionId": f"s{i}",
                "cwd": "/work/demo",
                "timestamp": (moment + dt.timedelta(minutes=m)).isoformat(),
            }
            for kind, m in (("user", 0), ("assistant", 9))
        ]
        _write(root, f"s{i}.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    return os.path.join(folder, "claude")


def ics(folder: str, n: int = N) -> str:
    events = []
    for i in range(n):
        start = BASE + dt.timedelta(hours=2 * i)
        events += [
            "BEGIN:VEVENT",
            f"UID:meeting-{i}",
            f"SUMMARY:Sync {i}",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            "DURATION:PT30M",
            "ORGANIZER:mailto:me@example.com",
            "ATTENDEE:mailto:me@example.com",
            f"ATTENDEE;CN=Person {i % 7}:mailto:p{i % 7}@example.com",
            "END:VEVENT",
        ]
    body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *events, "END:VCALENDAR", ""])
    return _write(folder, "calendar.ics", body)


def jsonl(folder: str, n: int = N) -> str:
    records = [
        {
            "type": "energy",
            "id": f"{i:032x}",
            "level": 1 + i % 5,
            "at": (BASE + dt.timedelta(hours=i)).isoformat(),
            "updated_at": BASE.isoformat(),
        }
        for i in range(n)
    ]
    return _write(folder, "backup.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")


def _write(folder: str, name: str, text: str) -> str:
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


MAKERS = {
    "chatgpt": (chatgpt, (), {"ai_session": N}),
    "claude": (claude, (), {"ai_session": N}),
    "claude-code": (claude_code, (), {"ai_session": N}),
    "ics": (
        ics,
        ("--me", "me@example.com", "--since", "2026-09-01"),
        {"interaction": N, "person": 7},
    ),
    "jsonl": (jsonl, (), {"energy": N}),
}


def rows(path: str, *, live: bool = False) -> dict[str, int]:
    where = " WHERE deleted_at IS NULL" if live else ""
    conn = sqlite3.connect(path, timeout=30)
    try:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}{where}").fetchone()[0]
            for table in ("ai_session", "interaction", "energy", "person")
        }
    finally:
        conn.close()


def _cpu(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    except (OSError, IndexError, ValueError):
        return None


def _wait_until_blocked(procs: list[subprocess.Popen], limit: float = 30.0) -> None:
    """Until every racer has stopped using CPU (it has read the file and waits for the lock).
    Without /proc, a fixed pause. Waiting too little only narrows the race; never a false red."""
    if _cpu(procs[0].pid) is None:
        time.sleep(3)
        return
    deadline = time.monotonic() + limit
    before = [_cpu(p.pid) for p in procs]
    still = 0
    while time.monotonic() < deadline and still < 3:
        time.sleep(0.25)
        now = [_cpu(p.pid) for p in procs]
        still = still + 1 if now == before else 0
        before = now


@pytest.mark.slow  # a soak: .ci/run runs it after the README command
def test_concurrent_imports_of_one_file_add_it_once(tmp_path):
    """RACERS processes per format, all formats at once on one journal (one race per format)."""
    raced = str(tmp_path / "raced.db")
    relkit.run_ok("--db", raced, "status")  # the journal exists before the race starts
    expected = {"ai_session": 0, "interaction": 0, "energy": 0, "person": 0}
    commands = []
    for fmt, (make, extra, adds) in MAKERS.items():
        folder = tmp_path / fmt
        folder.mkdir()
        commands += [
            (fmt, [relkit.SCRIPT, "--db", raced, "import", fmt, make(str(folder)), *extra])
        ] * RACERS
        for table, count in adds.items():
            expected[table] += count
    # The test holds the write lock while the racers start, so all of them have read their file
    # and wait to write when it lets go: the widest race there can be, every run.
    lock = sqlite3.connect(raced, isolation_level=None, timeout=30)
    lock.execute("BEGIN IMMEDIATE")
    procs = [
        (
            fmt,
            subprocess.Popen(
                args,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=relkit.child_env(),
            ),
        )
        for fmt, args in commands
    ]
    _wait_until_blocked([proc for _fmt, proc in procs])
    lock.execute("ROLLBACK")
    lock.close()
    outcomes = [(fmt, proc.wait(timeout=120), *proc.communicate()) for fmt, proc in procs]
    for fmt, code, _out, err in outcomes:
        assert code == 0 and "Traceback" not in err, (fmt, err)
    assert rows(raced) == expected
    assert relkit.integrity(raced) == "ok"
    for fmt in MAKERS:  # one racer of each format reports the rows added, the others find them
        added = [
            out
            for f, _code, out, _err in outcomes
            if f == fmt and not re.search(r": 0 [a-z]+ added", out)
        ]
        assert len(added) == 1, (fmt, [out for f, _c, out, _e in outcomes if f == fmt])
    # One undo step per format takes it all back: the racers that added nothing left no step.
    with JournalStore.open(raced) as store:
        labels = sorted(store.undo().split()[1] for _fmt in MAKERS)
        with pytest.raises(NothingToUndo):
            store.undo()
    assert labels == sorted(MAKERS)
    left = rows(raced, live=True)
    assert left["ai_session"] == left["interaction"] == left["energy"] == 0, left
