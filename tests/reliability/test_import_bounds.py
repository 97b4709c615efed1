"""Bounded work on any import file: every hostile file below ends in seconds (a 60 s subprocess
timeout is the guard), with one line: exit 2 and nothing written when the file is refused, or exit
0 with the bad record skipped and named while the rest imports. No traceback, ever.

The attacks: recurrence bombs in .ics (an RRULE every second or minute, BY-part expansions, RDATE
floods), a zip bomb (a member inflating 1000x), a line or conversation larger than any real one,
FIFOs, devices and links to them, and numbers and dates no journal can hold (thousands of digits,
1e400, NaN, years 1 and 9999 with offsets)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import zipfile

import pytest
import relkit
from conftest import snapshot_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

GUARD = 60  # seconds: a bounded import takes one or two; an unbounded one hangs or runs minutes
ME = "me@example.com"


def run(journal: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The real console script, killed (and the test failed) if it runs past the guard."""
    return subprocess.run(
        [relkit.SCRIPT, "--db", journal, *args],
        capture_output=True,
        text=True,
        env=relkit.child_env(),
        timeout=GUARD,
    )


def refused(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and lines[0].startswith("aijournal: "), (
        proc.returncode,
        proc.stderr[-2000:],
        proc.stdout[-500:],
    )
    for word in words:
        assert word in lines[0], lines[0]


def imported(proc: subprocess.CompletedProcess[str], added: int, *skipped: str) -> list[str]:
    """Exit 0, `added` rows added, and one `skipped …` line naming each of `skipped`."""
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    reasons = r"( · \d+ (unreadable|recurring too often|too large)( skipped)?)?"
    assert re.search(rf": {added} [a-z]+ added{reasons}\.$", lines[0]), lines[0]
    notes = [line for line in lines if line.startswith("  skipped ")]
    for name in skipped:
        assert any(name in line for line in notes), (name, proc.stdout[-2000:])
    return notes


def count(journal: str, table: str) -> int:
    conn = sqlite3.connect(journal, timeout=30)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def journal(tmp_path):
    path = str(tmp_path / "journal.db")
    relkit.run_ok("--db", path, "energy", "3")
    return path


# --- calendars: recurrence bombs ---------------------------------------------------------------


def calendar(*events: list[str]) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//bounds//EN"]
    for event in events:
        lines += ["BEGIN:VEVENT", *event, "END:VEVENT"]
    return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()


def event(uid: str, summary: str, start: str, *extra: str) -> list[str]:
    return [
        f"UID:{uid}",
        f"SUMMARY:{summary}",
        f"DTSTART:{start}",
        "DURATION:PT30M",
        f"ORGANIZER:mailto:{ME}",
        f"ATTENDEE:mailto:{ME}",
        "ATTENDEE;CN=Sam Lee:mailto:sam@example.com",
        *extra,
    ]


MINUTES = ",".join(str(m) for m in range(60))
HOURS = ",".join(str(h) for h in range(24))
BOMBS = {
    "minutely": ["RRULE:FREQ=MINUTELY"],
    "secondly": ["RRULE:FREQ=SECONDLY"],
    "secondly since 1900": ["RRULE:FREQ=SECONDLY;INTERVAL=7"],
    "hourly, every minute": [f"RRULE:FREQ=HOURLY;BYMINUTE={MINUTES}"],
    "daily, every minute": [f"RRULE:FREQ=DAILY;BYHOUR={HOURS};BYMINUTE={MINUTES}"],
    "weekly, every second": [
        f"RRULE:FREQ=WEEKLY;BYDAY=MO,TU;BYHOUR=9,10;BYMINUTE={MINUTES};BYSECOND={MINUTES}"
    ],
    "yearly, every day": [
        f"RRULE:FREQ=YEARLY;BYMONTH=9,10,11;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR={HOURS}"
    ],
    "an RDATE flood": [
        "RDATE:"
        + ",".join(
            f"202610{d:02d}T{h:02d}{m:02d}00Z"
            for d in range(1, 29)
            for h in range(8, 18)
            for m in range(0, 60, 10)
        )
    ],
}


def test_events_recurring_too_often_are_skipped_and_named(journal, tmp_path):
    bombs = [
        event(
            f"bomb-{n}@example.com",
            f"Bomb {name}",
            "19000101T090000Z" if "1900" in name else "20260901T090000Z",
            *rule,
        )
        for n, (name, rule) in enumerate(BOMBS.items())
    ]
    path = tmp_path / "bombs.ics"
    path.write_bytes(
        calendar(
            *bombs[:4],
            event(
                "weekly-1@example.com",
                "Weekly sync",
                "20261007T100000Z",
                "RRULE:FREQ=WEEKLY;COUNT=4",
            ),
            *bombs[4:],
            event("one-off@example.com", "Coffee", "20261112T150000Z"),
        )
    )
    proc = run(journal, "import", "ics", str(path), "--me", ME)
    notes = imported(
        proc, 5, *(f"'bomb-{n}@example.com' (Bomb {name})" for n, name in enumerate(BOMBS))
    )
    assert len(notes) == len(BOMBS) and all("recurs more than 1,000 times" in n for n in notes)
    assert count(journal, "interaction") == 5


# --- zip members and streamed sizes ------------------------------------------------------------


def chat_export(title: str, *, conversation_id: str = "c-1") -> str:
    return json.dumps(
        [
            {
                "id": conversation_id,
                "title": title,
                "create_time": 1790000000,
                "current_node": "a",
                "mapping": {
                    "a": {
                        "id": "a",
                        "message": {"author": {"role": "user"}, "create_time": 1790000000},
                    }
                },
            }
        ]
    )


def test_a_zip_bomb_is_refused_before_it_is_read(journal, tmp_path):
    bomb = tmp_path / "chatgpt-export.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("conversations.json", chat_export("x" * 30_000_000))
    assert os.path.getsize(bomb) < 100_000  # inflates more than 300 to 1
    before = snapshot_files(journal)
    for fmt in ("chatgpt", "claude"):
        refused(run(journal, "import", fmt, str(bomb)), "conversations.json", "to 1")
    assert snapshot_files(journal) == before


def test_a_conversation_larger_than_any_real_one_is_refused(journal, tmp_path):
    path = tmp_path / "conversations.json"
    path.write_text(chat_export("y" * 17_000_000), encoding="utf-8")
    before = snapshot_files(journal)
    refused(run(journal, "import", "chatgpt", str(path)), "million characters")
    assert snapshot_files(journal) == before


def energy(record_id: int, at: str = "2026-11-20T10:00:00+01:00", **fields: object) -> str:
    return json.dumps({"type": "energy", "id": f"{record_id:032x}", "at": at, "level": 3, **fields})


def test_a_jsonl_line_longer_than_any_record_is_skipped(journal, tmp_path):
    path = tmp_path / "backup.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(energy(1) + "\n")
        handle.write(energy(2, note="z" * 40_000_000) + "\n")
        handle.write(energy(3) + "\n")
    notes = imported(run(journal, "import", "jsonl", str(path)), 2, "backup.jsonl:2")
    assert "over 32 MB" in notes[0]
    assert count(journal, "energy") == 3  # the fixture's entry and lines 1 and 3


def test_a_claude_code_line_longer_than_any_real_one_is_skipped(journal, tmp_path):
    folder = tmp_path / "claude" / "projects" / "demo"
    folder.mkdir(parents=True)
    lines = [
        {"type": "user", "sessionId": "s1", "timestamp": "2026-11-20T10:00:00Z"},
        {
            "type": "assistant",
            "sessionId": "s1",
            "timestamp": "2026-11-20T10:09:00Z",
            "message": "w" * 40_000_000,
        },
        {"type": "assistant", "sessionId": "s1", "timestamp": "2026-11-20T10:12:00Z"},
    ]
    (folder / "s1.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    notes = imported(
        run(journal, "import", "claude-code", str(tmp_path / "claude")), 1, "s1.jsonl: line 2"
    )
    assert "over 32 MB" in notes[0]


# --- files that are not files ------------------------------------------------------------------

FORMATS = ("chatgpt", "claude", "ics", "jsonl", "claude-code")


@pytest.mark.slow  # a soak: .ci/run runs it after the README command
def test_fifos_and_devices_are_refused_at_once(journal, tmp_path):
    fifo = tmp_path / "conversations.jsonl"
    os.mkfifo(fifo)
    link = tmp_path / "zero.jsonl"
    link.symlink_to("/dev/zero")
    before = snapshot_files(journal)
    for fmt in FORMATS:
        refused(run(journal, "import", fmt, str(fifo)), "FIFO")
    for target in (link, "/dev/zero"):
        for fmt in ("jsonl", "claude-code"):
            refused(run(journal, "import", fmt, str(target)), "device")
    assert snapshot_files(journal) == before


def test_links_to_devices_and_fifos_in_a_claude_code_folder_are_not_followed(journal, tmp_path):
    folder = tmp_path / "claude" / "projects" / "demo"
    folder.mkdir(parents=True)
    good = [
        {"type": "user", "sessionId": "s1", "timestamp": "2026-11-20T10:00:00Z"},
        {"type": "assistant", "sessionId": "s1", "timestamp": "2026-11-20T10:09:00Z"},
    ]
    (folder / "s1.jsonl").write_text("\n".join(json.dumps(line) for line in good) + "\n")
    (folder / "zero.jsonl").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.jsonl")
    (tmp_path / "claude" / "projects" / "top.jsonl").symlink_to("/dev/urandom")
    proc = run(journal, "import", "claude-code", str(tmp_path / "claude"))
    imported(proc, 1, "zero.jsonl", "pipe.jsonl", "top.jsonl")


# --- numbers and dates no journal can hold -----------------------------------------------------

HUGE = "9" * 5000  # over Python's 4,300-digit int-str limit
BAD_NUMBERS = [HUGE, "-" + HUGE, "1e400", "-1e400", "NaN", "Infinity", "1" + "0" * 31]
BAD_TIMES = [
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:00:00-05:00",
    "1899-12-31T23:59:59Z",
    "9999-06-01T12:00:00",
    "0001-01-01T00:00:00",
]


def chatgpt_with(bad: str) -> str:
    good = json.loads(chat_export("Good", conversation_id="good"))[0]
    bad_one = chat_export("Bad", conversation_id="bad")[1:-1].replace(
        '"create_time": 1790000000}}}', f'"create_time": {bad}}}}}}}'
    )
    return "[" + json.dumps(good) + ", " + bad_one + "]"


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bad=st.sampled_from(BAD_NUMBERS) | st.integers(31, 6000).map(lambda n: "7" * n))
def test_chatgpt_times_no_journal_can_hold_skip_their_conversation(cli, db_path, bad):
    path = os.path.join(os.path.dirname(db_path), "conversations.json")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(chatgpt_with(bad))
    result = cli("--db", db_path, "import", "chatgpt", path, "--dry-run")
    assert result.code == 0 and "Traceback" not in result.err, result.err
    assert "would add 1 AI sessions" in result.out
    assert (
        "  skipped conversation 'Bad' (conversations.json, item 2): a message's create_time is "
        in result.out
    )


@pytest.mark.parametrize("bad", BAD_TIMES[:3])
def test_claude_times_no_journal_can_hold_skip_their_conversation(cli, tmp_path, bad):
    conversations = [
        {
            "uuid": uuid,
            "name": uuid.title(),
            "chat_messages": [{"sender": "human", "created_at": when}],
        }
        for uuid, when in (("good", "2026-11-20T10:00:00Z"), ("bad", bad))
    ]
    path = tmp_path / "claude.json"
    path.write_text(json.dumps(conversations))
    result = cli("import", "claude", str(path))
    assert result.code == 0, result.err
    assert result.out.startswith("Imported claude.json: 1 session added · 1 unreadable skipped.")
    assert (
        f"  skipped conversation 'Bad' (claude.json, item 2): a message's created_at is {bad!r}"
        in result.out
    )


@pytest.mark.parametrize("bad", BAD_TIMES)
def test_claude_code_times_no_journal_can_hold_skip_their_line(cli, tmp_path, bad):
    folder = tmp_path / "claude" / "projects" / "demo"
    folder.mkdir(parents=True)
    lines = [
        f'{{"type": "user", "sessionId": "s1", "timestamp": "2026-11-20T10:00:00Z", "n": {HUGE}}}',
        json.dumps({"type": "assistant", "sessionId": "s1", "timestamp": bad}),
        '{"type": "assistant", "sessionId": "s1", "timestamp": "2026-11-20T10:05:00Z", '
        '"cost": 1e400, "x": NaN}',
    ]
    (folder / "s1.jsonl").write_text("\n".join(lines) + "\n")
    result = cli("import", "claude-code", str(tmp_path / "claude"))
    assert result.code == 0, result.err
    assert result.out.startswith("Imported claude: 1 session added · 1 unreadable skipped.")
    assert f"  skipped demo/s1.jsonl: line 2: timestamp is {bad!r}" in result.out.replace(
        "claude/projects/", ""
    )


JSONL_BAD = [
    ("at", "0001-01-01T00:00:00+00:00"),
    ("at", "0001-01-01T00:00:00+05:00"),
    ("at", "9999-12-31T23:00:00-05:00"),
    ("at", "9999-01-01T00:00:00"),
    ("at", "1899-12-31T12:00:00+00:00"),
    ("updated_at", "0001-01-01T00:00:00+00:00"),
    ("level", HUGE),
    ("level", "1e400"),
    ("level", "NaN"),
    ("level", "-Infinity"),
    ("note", HUGE),
    ("tags", f"[{HUGE}]"),
]


@pytest.mark.parametrize(("field", "bad"), JSONL_BAD)
def test_jsonl_records_no_journal_can_hold_are_skipped_and_named(cli, tmp_path, field, bad):
    good = energy(1)
    record = json.loads(energy(2))
    raw = json.dumps({**record, field: "@BAD@"}).replace(
        '"@BAD@"', bad if field in ("level", "note", "tags") else json.dumps(bad)
    )
    path = tmp_path / "backup.jsonl"
    path.write_text(good + "\n" + raw + "\n")
    result = cli("import", "jsonl", str(path))
    assert result.code == 0, result.err
    assert result.out.startswith("Imported backup.jsonl: 1 record added · 1 unreadable skipped.")
    assert f"  skipped backup.jsonl:2 (energy {'0' * 12}): {field} is " in result.out
    # The journal stays exportable (a record dated year 1 used to break every json export).
    exported = cli("export", "--format", "json", "-o", str(tmp_path / "summary.json"))
    assert exported.code == 0, exported.err


def test_jsonl_checkin_day_out_of_range_is_skipped(cli, tmp_path):
    path = tmp_path / "backup.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(
                {"type": "checkin", "id": f"{n:032x}", "day": day, "trust_ai": 3, "trust_team": 4}
            )
            for n, day in enumerate(["2026-11-20", "0001-01-01", "9999-12-31"])
        )
        + "\n"
    )
    result = cli("import", "jsonl", str(path))
    assert result.code == 0, result.err
    assert result.out.startswith("Imported backup.jsonl: 1 record added · 2 unreadable skipped.")
    assert "  skipped backup.jsonl:2 (checkin 000000000000): day is '0001-01-01'" in result.out
    assert cli("export", "--format", "json", "-o", str(tmp_path / "s.json")).code == 0
