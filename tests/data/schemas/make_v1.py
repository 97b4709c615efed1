"""Make the schema-version-1 fixture: v1.sqlite (a small journal) and v1.json (what it holds).

Run once, with aijournal at schema version 1 (`python tests/data/schemas/make_v1.py`); after a
schema change the files stay as they are, so tests/reliability/test_migrations.py can prove that
a v1 journal opens under every later version with nothing lost. A new version gets its own
make_vN.py and vN.sqlite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DB = os.path.join(HERE, "v1.sqlite")
ENV = {**os.environ, "AIJOURNAL_NOW": "2026-11-26T15:00:00", "TZ": "Europe/Berlin"}
STEPS = [
    [
        "ai",
        "Claude",
        "45m",
        "--purpose",
        "learn",
        "--skill",
        "SQL window functions",
        "--at",
        "2026-11-20T09:30",
        "--note",
        "O'Brien's \"query\"; 50% done",
        "--tag",
        "work",
    ],
    [
        "ai",
        "ChatGPT",
        "1h30",
        "--purpose",
        "companion",
        "--instead-of-person",
        "--at",
        "yesterday 21:00",
        "--tag",
        "late",
        "--tag",
        "50%",
    ],
    [
        "met",
        "Priya, Sam",
        "30m",
        "--kind",
        "mentoring",
        "--channel",
        "video",
        "--quality",
        "4",
        "--initiated",
        "--at",
        "2026-11-24T11:00",
        "--note",
        "'); DROP TABLE ai_session;--",
    ],
    ["met", "Zoë", "20m", "--kind", "social", "--at", "mon"],
    ["energy", "4", "--at", "2026-11-25T10:00"],
    ["energy", "2", "--note", "tired"],
    ["checkin", "--trust-ai", "4", "--trust-team", "2", "--connection", "3", "--day", "yesterday"],
    ["who5", "3", "4", "2", "3", "4", "--day", "2026-11-22"],
    ["people", "Priya", "--relation", "mentor"],
    ["start", "Copilot", "--purpose", "automate"],
]


def run(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "journal", "--db", DB, *args],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def main() -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(DB + suffix):
            os.remove(DB + suffix)
    for step in STEPS:
        run(*step)
    ids = json.loads(run("log", "--json"))
    run("delete", ids[-1]["id"][:8])  # a tombstone, which must survive upgrades too
    expected = {
        "log": json.loads(run("log", "--json")),
        "people": json.loads(run("people", "--json")),
    }
    with open(os.path.join(HERE, "v1.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
