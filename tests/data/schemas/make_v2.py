"""Make the schema-version-2 fixture: v2.sqlite (a small journal with a profile, pauses and
mutes) and v2.json (what it holds).

Run once, with aijournal at schema version 2 (`python tests/data/schemas/make_v2.py`); the files
then stay as they are, so tests/reliability/test_migrations.py can prove that a v2 journal opens
under every later version with nothing lost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from make_v1 import ENV, STEPS  # noqa: E402  (the same journal, plus the version-2 records)

DB = os.path.join(HERE, "v2.sqlite")
STEPS_V2 = [
    *STEPS[:-1],  # the live timer last, as in v1
    ["profile", "--role", "freelancer", "--workdays", "sun-thu", "--augmentation-target", "60"],
    ["pause", "2026-11-02", "2026-11-06", "--reason", "holiday"],
    ["pause", "2026-12-21", "2027-01-01", "--reason", "winter; 'quoted' \"break\""],
    ["mute", "trust-streak", "--days", "30"],
    STEPS[-1],
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
    for step in STEPS_V2:
        run(*step)
    ids = json.loads(run("log", "--json"))
    run("delete", ids[-1]["id"][:8])  # a tombstone, which must survive upgrades too
    run("mute", "meeting-load")
    mutes = json.loads(run("mute", "--list", "--json"))
    run("mute", "--delete", next(x["id"] for x in mutes if x["insight_id"] == "meeting-load"))
    expected = {
        "log": json.loads(run("log", "--json")),
        "people": json.loads(run("people", "--json")),
        "profile": json.loads(run("profile", "--json")),
        "pauses": json.loads(run("pause", "--list", "--json")),
        "mutes": json.loads(run("mute", "--list", "--json")),
    }
    with open(os.path.join(HERE, "v2.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
