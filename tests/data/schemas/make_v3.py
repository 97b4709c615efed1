"""Make the schema-version-3 fixture: v3.sqlite (the v2 journal plus experiments made with
`aijournal experiment`, a deleted one among them, and a sync cursor) and v3.json (what it holds).

Run once, with aijournal at schema version 3 (`python tests/data/schemas/make_v3.py`); the files
then stay as they are, so tests/reliability/test_migrations.py can prove that a v3 journal opens
under every later version with nothing lost.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import make_v2  # noqa: E402  (the same journal, plus the version-3 records)

DB = os.path.join(HERE, "v3.sqlite")
STABLE = ("id", "name", "change", "design", "days", "measures", "started_day", "ended_at", "status")


def run(*args: str, now: str | None = None) -> str:
    env = {**make_v2.ENV, **({"AIJOURNAL_NOW": now} if now else {})}
    proc = subprocess.run(
        [sys.executable, "-m", "journal", "--db", DB, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def main() -> None:
    v2_json = os.path.join(HERE, "v2.json")
    with open(v2_json, encoding="utf-8") as handle:
        kept = handle.read()  # v2.json describes v2.sqlite: it stays as it is
    make_v2.DB = DB
    make_v2.main()  # the v2 steps, run by this (v3) aijournal into v3.sqlite; writes v2.json too
    os.replace(v2_json, os.path.join(HERE, "v3.json"))
    with open(v2_json, "w", encoding="utf-8") as handle:
        handle.write(kept)
    # An ended ready-made experiment, a deleted one (a tombstone) and a running one of your own.
    run("experiment", "start", "--template", "learn-daily", now="2026-11-09T08:00:00")
    run("experiment", "end", now="2026-11-20T21:00:00")
    run("experiment", "start", "--template", "people-block", now="2026-11-21T08:00:00")
    run("experiment", "end", now="2026-11-21T09:00:00")
    run(
        "experiment", "start", "draft first",
        "--change", "Write the first draft myself, then ask AI",
        "--measure", "energy", "--measure", "augmentation", "--design", "alternate",
        now="2026-11-23T08:00:00",
    )  # fmt: skip
    conn = sqlite3.connect(DB)
    with conn:
        stamp = "2026-11-22T10:00:00+00:00"
        conn.execute(  # no command deletes an experiment yet; a merge can bring a tombstone
            "UPDATE experiment SET deleted_at = ?, updated_at = ? WHERE name = ?",
            (stamp, stamp, "a 30-minute people block"),
        )
        conn.execute(
            "INSERT INTO sync_state (source, state, updated_at) VALUES (?, ?, ?)",
            ("codex", '{"files": {}}', "2026-11-10T07:00:00+00:00"),
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    with open(os.path.join(HERE, "v3.json"), encoding="utf-8") as handle:
        expected = json.load(handle)
    listed = json.loads(run("experiment", "list", "--json"))
    expected["experiments"] = [{k: x[k] for k in STABLE} for x in listed]
    with open(os.path.join(HERE, "v3.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
