"""Hostile import files: truncated, mangled, wrong-shape and oversized files given to
`aijournal import FORMAT FILE` end in exit 0, or exit 2 with one line naming the problem; never a
traceback; and a refused import leaves the journal byte for byte as it was (one transaction)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
import relkit
from conftest import snapshot_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.skipif(
    not all(
        os.path.exists(
            os.path.join(os.path.dirname(relkit.HERE), "..", "journal", "importers", f"{m}.py")
        )
        for m in ("chatgpt", "claude", "ics", "jsonl")
    ),
    reason="the importers are not there yet",
)

DATA = os.path.join(os.path.dirname(relkit.HERE), "data", "imports")
EXAMPLES = int(os.environ.get("AIJOURNAL_HYPOTHESIS", "8"))  # CI runs a deeper sweep (100)
CHECK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
TRIED = {"files": 0}


def sample(fmt: str, folder) -> bytes:
    names = {
        "chatgpt": "chatgpt-conversations.json",
        "claude": "claude-conversations.json",
        "ics": "calendar.ics",
    }
    if fmt in names:
        with open(os.path.join(DATA, names[fmt]), "rb") as handle:
            return handle.read()
    return _jsonl_sample(folder)


_JSONL: list[bytes] = []


def _jsonl_sample(folder) -> bytes:
    if not _JSONL:
        db = os.path.join(str(folder), f"sample-{os.urandom(3).hex()}.db")
        relkit.run_ok("--db", db, "demo", "--days", "10")
        _JSONL.append(relkit.run_ok("--db", db, "export", "--format", "jsonl").encode())
    return _JSONL[0]


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    print(f"\nhostile import files tried: {TRIED['files']} (shown with pytest -s)")


@pytest.fixture
def journal(tmp_path):
    path = str(tmp_path / "journal.db")
    relkit.run_ok("--db", path, "ai", "Claude", "30m")
    relkit.run_ok("--db", path, "met", "Sam", "20m")
    return path


def import_checked(capsys, journal: str, fmt: str, data: bytes, folder, *extra: str) -> int:
    TRIED["files"] += 1
    target = os.path.join(str(folder), f"input.{'ics' if fmt == 'ics' else 'json'}")
    with open(target, "wb") as handle:
        handle.write(data)
    before = snapshot_files(journal)
    capsys.readouterr()
    code = relkit.cli_main(["--db", journal, "import", fmt, target, *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err[-2000:]
    if code != 0:
        lines = err.splitlines()
        assert code == 2 and len(lines) == 1 and lines[0].startswith("aijournal: "), (code, err)
        assert snapshot_files(journal) == before, "a refused import changed the journal"
    return code


@pytest.mark.parametrize("fmt", ["chatgpt", "claude", "ics", "jsonl"])
def test_truncated_files(journal, capsys, tmp_path, fmt):
    data = sample(fmt, tmp_path)

    @CHECK
    @given(cut=st.integers(0, len(data) - 1))
    def check(cut: int) -> None:
        import_checked(capsys, journal, fmt, data[:cut], tmp_path)

    check()
    # Cut in the middle, a JSON export is refused as a whole (never half imported).
    if fmt in ("chatgpt", "claude"):
        assert import_checked(capsys, journal, fmt, data[: len(data) // 2], tmp_path) == 2


@pytest.mark.parametrize("fmt", ["chatgpt", "claude", "ics", "jsonl"])
def test_mangled_files(journal, capsys, tmp_path, fmt):
    data = sample(fmt, tmp_path)

    @CHECK
    @given(
        edits=st.lists(
            st.tuples(st.integers(0, len(data) - 1), st.binary(max_size=8)), min_size=1, max_size=4
        )
    )
    def check(edits: list[tuple[int, bytes]]) -> None:
        mangled = bytearray(data)
        for at, junk in edits:
            mangled[at : at + len(junk)] = junk
        import_checked(capsys, journal, fmt, bytes(mangled), tmp_path)

    check()


@pytest.mark.parametrize("fmt", ["chatgpt", "claude", "jsonl"])
def test_wrong_shape_json(journal, capsys, tmp_path, fmt):
    @CHECK
    @given(value=JSON, lines=st.lists(JSON, max_size=5))
    def check(value, lines) -> None:
        if fmt == "jsonl":
            data = "\n".join(json.dumps(v) for v in [value, *lines]).encode()
        else:
            data = json.dumps(value).encode()
        import_checked(capsys, journal, fmt, data, tmp_path)

    check()


@CHECK
@given(
    record=st.fixed_dictionaries(
        {
            "type": st.sampled_from(
                [
                    "ai_session",
                    "interaction",
                    "energy",
                    "checkin",
                    "who5",
                    "person",
                    "intention",
                    "nope",
                ]
            )
        },
        optional={
            "id": st.one_of(st.text(max_size=40), st.integers()),
            "minutes": JSON,
            "started_at": st.one_of(st.text(max_size=30), st.datetimes().map(str)),
            "at": JSON,
            "level": JSON,
            "people": JSON,
            "items": JSON,
            "tags": JSON,
            "note": JSON,
            "purpose": JSON,
            "updated_at": JSON,
            "deleted_at": JSON,
            "tool": JSON,
            "day": JSON,
            "name": JSON,
            "quality": JSON,
        },
    )
)
def test_jsonl_records_with_wrong_fields(journal, capsys, tmp_path, record):
    import_checked(capsys, journal, "jsonl", json.dumps(record).encode(), tmp_path)


@CHECK
@given(
    body=st.lists(
        st.sampled_from(
            [
                "BEGIN:VEVENT",
                "END:VEVENT",
                "DTSTART:20261120T100000Z",
                "DTSTART;VALUE=DATE:20261120",
                "DTEND:20261120T110000Z",
                "DTEND:19991120T110000Z",
                "DURATION:PT30M",
                "DURATION:-P1D",
                "RRULE:FREQ=DAILY;COUNT=100000",
                "RRULE:FREQ=SECONDLY",
                "RRULE:garbage",
                "ATTENDEE:mailto:a@b.c",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com",
                "SUMMARY:'); DROP TABLE interaction;--",
                "STATUS:CANCELLED",
                "UID:x",
                "DTSTART:garbage",
                "BEGIN:VTIMEZONE",
                "END:VTIMEZONE",
                "TZID:Mars/Olympus",
                "DTSTART;TZID=Mars/Olympus:20261120T100000",
                "EXDATE:20261121T100000Z",
                "X-\x00:nul",
            ]
        ),
        max_size=14,
    )
)
def test_ics_event_soup(journal, capsys, tmp_path, body):
    data = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *body, "END:VCALENDAR"]).encode()
    import_checked(capsys, journal, "ics", data, tmp_path, "--since", "2026-01-01")


def test_oversized_files(journal, capsys, tmp_path):
    """Files far bigger than any real export: refused or imported, in bounded time, no crash."""
    huge_text = "x" * 5_000_000
    conversation = json.loads(sample("claude", tmp_path))[0]
    conversation["name"] = huge_text
    assert import_checked(
        capsys, journal, "claude", json.dumps([conversation]).encode(), tmp_path
    ) in (0, 2)
    record = {
        "type": "energy",
        "id": "e" * 32,
        "at": "2026-11-20T10:00:00+01:00",
        "level": 3,
        "note": huge_text,
    }
    assert import_checked(capsys, journal, "jsonl", json.dumps(record).encode(), tmp_path) in (0, 2)
    many = b"\n".join([b'{"type": "energy"}'] * 200_000)
    assert import_checked(capsys, journal, "jsonl", many, tmp_path) == 2
    ics = b"BEGIN:VCALENDAR\r\n" + b"X-JUNK:" + b"y" * 5_000_000 + b"\r\nEND:VCALENDAR\r\n"
    assert import_checked(capsys, journal, "ics", ics, tmp_path) in (0, 2)


@pytest.mark.parametrize("fmt", ["chatgpt", "claude", "jsonl"])
def test_deeply_nested_json(journal, capsys, tmp_path, fmt):
    deep = ("[" * 100_000 + "]" * 100_000).encode()  # nesting deeper than the parser's stack
    assert import_checked(capsys, journal, fmt, deep, tmp_path) == 2


def test_files_that_are_not_files(journal, capsys, tmp_path):
    for fmt in ("chatgpt", "claude", "ics", "jsonl", "claude-code"):
        for target in (str(tmp_path), str(tmp_path / "missing.json"), "/dev/null"):
            before = snapshot_files(journal)
            capsys.readouterr()
            code = relkit.cli_main(["--db", journal, "import", fmt, target])
            err = capsys.readouterr().err
            assert "Traceback" not in err
            if code != 0:
                assert code == 2 and len(err.splitlines()) == 1, (fmt, target, err)
                assert snapshot_files(journal) == before


def test_claude_code_folder_with_truncated_logs(journal, capsys, tmp_path):
    folder = tmp_path / "claude"
    shutil.copytree(os.path.join(DATA, "claude-code"), folder)
    logs = [
        os.path.join(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if name.endswith(".jsonl")
    ]
    for n, path in enumerate(sorted(logs)):
        with open(path, "rb") as handle:
            data = handle.read()
        with open(path, "wb") as handle:
            handle.write(data[: len(data) * (n + 1) // (len(logs) + 2)] + b"\x00\xff{")
    before = snapshot_files(journal)
    capsys.readouterr()
    code = relkit.cli_main(["--db", journal, "import", "claude-code", str(folder)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code != 0:
        assert code == 2 and len(err.splitlines()) == 1 and snapshot_files(journal) == before


def test_importers_run_in_a_subprocess_too(tmp_path):
    """The console script on a truncated export: one line, exit 2."""
    data = sample("chatgpt", tmp_path)
    target = tmp_path / "conversations.json"
    target.write_bytes(data[: len(data) // 2])
    proc = subprocess.run(
        [relkit.SCRIPT, "--db", str(tmp_path / "j.db"), "import", "chatgpt", str(target)],
        capture_output=True,
        text=True,
        env=relkit.child_env(),
    )
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
