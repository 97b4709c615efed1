"""Make the schema-version-3 fixture: v3.sqlite (the v2 journal plus an experiment and a sync
cursor) and v3.json (what it holds).

Run once, with aijournal at schema version 3 (`python tests/data/schemas/make_v3.py`); the files
then stay as they are, so tests/reliability/test_migrations.py can prove that a v3 journal opens
under every later version with nothing lost.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import make_v2  # noqa: E402  (the same journal, plus the version-3 records)

DB = os.path.join(HERE, "v3.sqlite")
EXPERIMENT = {
    "id": "0f3c2a9e-5b1d-4c7a-9e2f-7a1b3c4d5e6f",
    "name": "draft first",
    "change": "Write the first draft myself, then ask AI",
    "days": 14,
    "measures": '["energy", "augmentation"]',
    "design": "before-after",
    "started_day": "2026-11-09",
    "seed": 1234,
    "ended_at": None,
    "created_at": "2026-11-09T08:00:00+00:00",
    "updated_at": "2026-11-09T08:00:00+00:00",
    "deleted_at": None,
    "note": None,
    "tags": "[]",
    "source": None,
}


def main() -> None:
    make_v2.DB = DB
    make_v2.main()  # the v2 steps, run by this (v3) aijournal into v3.sqlite; writes v2.json too
    os.replace(os.path.join(HERE, "v2.json"), os.path.join(HERE, "v3.json"))
    conn = sqlite3.connect(DB)
    with conn:
        conn.execute(
            f"INSERT INTO experiment ({', '.join(EXPERIMENT)}) "
            f"VALUES ({', '.join('?' for _ in EXPERIMENT)})",
            list(EXPERIMENT.values()),
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
    expected["experiments_rows"] = [EXPERIMENT["id"]]
    with open(os.path.join(HERE, "v3.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
