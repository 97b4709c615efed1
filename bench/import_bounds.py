"""Peak memory and time of `aijournal import` on hostile files, against `aijournal status`.

    python bench/import_bounds.py [--big-mb 1024]

Each case runs the real console script under /usr/bin/time (its maximum resident set size) on a
file built here: a zip bomb (one conversation whose title inflates to --big-mb MB), a JSONL line of
--big-mb MB, a conversations.json holding a title of 4-byte characters just under the size limit
(the most memory a conversation under the size limit can take), an ics RRULE:FREQ=SECONDLY
event, and a calendar of 20,000 plain meetings. Prints seconds, peak MB and the ratio to the
anchor's peak.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from journal.importers._bounds import MAX_ITEM

SCRIPT = os.path.join(os.path.dirname(sys.executable), "aijournal")
TIME = "/usr/bin/time"


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit code, last line of output) of one command."""
    proc = subprocess.run(
        [TIME, "-f", "@@ %e %M", SCRIPT, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    stats = [line for line in proc.stderr.splitlines() if line.startswith("@@ ")][-1].split()
    said = [
        line
        for line in (proc.stdout + proc.stderr).splitlines()
        if line and not line.startswith(("@@ ", "Command exited"))
    ]
    return float(stats[1]), int(stats[2]) / 1024, proc.returncode, (said or [""])[-1][:110]


def chat(title: str) -> str:
    message = {"author": {"role": "user"}, "create_time": 1790000000}
    return json.dumps(
        [
            {
                "id": "c",
                "title": title,
                "create_time": 1790000000,
                "current_node": "a",
                "mapping": {"a": {"id": "a", "message": message}},
            }
        ],
        ensure_ascii=False,
    )


def build(folder: str, big_mb: int) -> list[tuple[str, list[str]]]:
    big = big_mb * 1024 * 1024
    bomb = os.path.join(folder, "export.zip")
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("conversations.json", "w", force_zip64=True) as member:
            member.write(b'[{"id": "c", "title": "')
            block = b"x" * (1 << 20)
            for _ in range(big_mb):
                member.write(block)
            member.write(b'", "mapping": {}}]')
    line = os.path.join(folder, "big-line.jsonl")
    with open(line, "w") as handle:
        handle.write(
            '{"type": "energy", "id": "' + "e" * 32 + '", "at": '
            '"2026-11-20T10:00:00+01:00", "level": 3, "note": "'
        )
        for _ in range(big // (1 << 20)):
            handle.write("n" * (1 << 20))
        handle.write('"}\n')
    wide = os.path.join(folder, "wide.json")
    with open(wide, "w", encoding="utf-8") as handle:
        handle.write(chat("\U0001f600" * (MAX_ITEM - 1000)))
    secondly = os.path.join(folder, "secondly.ics")
    with open(secondly, "w") as handle:
        handle.write(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:bomb\r\n"
            "DTSTART:20260901T090000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=SECONDLY\r\n"
            "ATTENDEE:mailto:me@example.com\r\nATTENDEE:mailto:sam@example.com\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    many = os.path.join(folder, "many.ics")
    with open(many, "w") as handle:
        handle.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
        for n in range(20_000):
            handle.write(
                f"BEGIN:VEVENT\r\nUID:m{n}\r\nDTSTART:2026{9 + n % 3:02d}"
                f"{1 + n % 28:02d}T{8 + n % 9:02d}{n % 60:02d}00Z\r\nDURATION:PT30M\r\n"
                "ATTENDEE:mailto:me@example.com\r\n"
                f"ATTENDEE:mailto:p{n % 50}@example.com\r\nEND:VEVENT\r\n"
            )
        handle.write("END:VCALENDAR\r\n")
    return [
        (
            f"zip bomb ({os.path.getsize(bomb) // 1024} KB zip, {big_mb} MB title)",
            ["import", "chatgpt", bomb],
        ),
        (f"JSONL line of {big_mb} MB", ["import", "jsonl", line]),
        (
            f"conversation of {MAX_ITEM // 1024**2}M 4-byte chars (limit)",
            ["import", "chatgpt", wide],
        ),
        ("ics RRULE:FREQ=SECONDLY", ["import", "ics", secondly, "--me", "me@example.com"]),
        ("ics of 20,000 meetings", ["import", "ics", many, "--me", "me@example.com", "--dry-run"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=int, default=1024)
    opts = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="aijournal-bounds-")
    try:
        env = dict(
            os.environ,
            AIJOURNAL_DB=os.path.join(folder, "journal.db"),
            AIJOURNAL_NOW="2026-11-26T15:00:00",
        )
        _, anchor, _, _ = measure(["status"], env)
        print(f"anchor `aijournal status`: {anchor:.0f} MB peak")
        for name, args in build(folder, opts.big_mb):
            seconds, peak, code, said = measure(args, env)
            print(
                f"{name:42} {seconds:6.1f} s {peak:7.0f} MB  {peak / anchor:5.1f}x  "
                f"exit {code}: {said}"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
