"""Concurrent writers: four processes writing 500 entries each at once all succeed, 2,000 rows.

Three processes write through the service functions on one long-lived store each (as the TUI
does); the fourth runs the CLI's main() in a loop, opening and closing the journal per command.
"""

from __future__ import annotations

import os
import subprocess

import pytest
import relkit

PER_WRITER = int(
    os.environ.get("AIJOURNAL_WRITES", "5000" if os.environ.get("AIJOURNAL_SOAK") else "500")
)


@pytest.mark.slow  # a soak: .ci/run runs it after the README command
def test_four_writers_at_once_all_succeed(tmp_path):
    results, elapsed = relkit.concurrent_run(str(tmp_path), ["service"] * 3 + ["cli"], PER_WRITER)
    path = str(tmp_path / "concurrent.db")
    for r in results:
        assert "locked" not in r.err and "busy" not in r.err, f"{r.name}: {r.err}"
        lines = r.out.strip().splitlines()
        assert r.code == 0 and lines[-1] == f"done {PER_WRITER}", f"{r.name}: {r.err}"
        if r.mode == "cli":  # every command printed its success line
            assert sum(line.startswith("Logged ") for line in lines) == PER_WRITER
    assert relkit.integrity(path) == "ok"
    assert relkit.entry_count(path) == 4 * PER_WRITER
    listed = relkit.run_ok("--db", path, "log", "--json")
    assert listed.count('"type": ') == 4 * PER_WRITER
    # Names shared by every writer stay unique on the roster (the unique index held).
    roster = relkit.run_ok("--db", path, "people", "--json")
    assert roster.count('"name": ') == 5
    print(f"4 writers x {PER_WRITER} entries in {elapsed:.1f} s")


def test_a_first_run_race_creates_one_journal(tmp_path):
    """Several commands starting at once on a journal that does not exist yet all succeed."""
    path = str(tmp_path / "fresh" / "journal.db")
    procs = [
        subprocess.Popen(
            [relkit.SCRIPT, "--db", path, "energy", str(1 + n % 5)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=relkit.child_env(),
        )
        for n in range(6)
    ]
    results = [(p.wait(timeout=60), p.communicate()[1]) for p in procs]
    assert [code for code, _ in results] == [0] * 6, [err for _, err in results]
    assert relkit.integrity(path) == "ok"
    assert relkit.entry_count(path) == 6
    assert sorted(os.listdir(tmp_path / "fresh")) == ["journal.db"]
