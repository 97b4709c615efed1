"""Crash safety: writers SIGKILLed at random points never corrupt the journal or lose a write
they had reported.

CI runs ~20 kills; `AIJOURNAL_SOAK=1` runs 200, and bench/crash_soak.py runs any number.
"""

from __future__ import annotations

import os
import signal
import subprocess
import textwrap

import pytest
import relkit

KILLS = 200 if os.environ.get("AIJOURNAL_SOAK") else 20


# Fixed, so a red run can be replayed; AIJOURNAL_SEED draws another sequence of kill points.
SEED = int(os.environ.get("AIJOURNAL_SEED", "20261201"))


@pytest.mark.slow
def test_random_sigkills_keep_the_journal_whole(tmp_path):
    stats = relkit.crash_run(str(tmp_path), KILLS, seed=SEED)
    print(f"seed {SEED}: {stats.line()}")
    assert stats.failures == [], f"seed {SEED}:\n" + "\n".join(stats.failures)
    assert stats.kills == KILLS
    assert stats.stream_kills >= KILLS // 2 - 1 and stats.fresh_kills >= 1
    assert stats.reported > 0


def test_a_first_run_killed_while_creating_leaves_no_half_made_journal(tmp_path):
    """Killed inside the schema migration of a brand-new journal: the next run must still work
    (a half-made file at the journal's path would be refused forever)."""
    path = str(tmp_path / "journal.db")
    code = textwrap.dedent(f"""
        import os, signal
        from journal import migrations
        real = migrations._v1
        def dying(db):
            real(db)
            os.kill(os.getpid(), signal.SIGKILL)  # tables made, version not yet stamped
        migrations.MIGRATIONS[0] = dying
        from journal.cli import main
        main(["--db", {path!r}, "energy", "3"])
    """)
    proc = subprocess.run([relkit.PYTHON, "-c", code], capture_output=True, env=relkit.child_env())
    assert proc.returncode == -signal.SIGKILL
    after = subprocess.run(
        [relkit.SCRIPT, "--db", path, "energy", "4"],
        capture_output=True,
        text=True,
        env=relkit.child_env(),
    )
    assert after.returncode == 0, after.stderr
    assert relkit.integrity(path) == "ok"
    assert relkit.entry_count(path) == 1


def test_a_write_killed_inside_its_transaction_leaves_nothing_of_it(tmp_path):
    """`demo` writes hundreds of rows in one transaction; killed at its 100th row, none stay."""
    path = str(tmp_path / "journal.db")
    relkit.run_ok("--db", path, "status")  # an empty journal (the demo fills only empty ones)
    code = textwrap.dedent(f"""
        import os, signal
        from journal.store import JournalStore
        real, count = JournalStore.insert, [0]
        def dying(self, table, row):
            count[0] += 1
            if count[0] == 100:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(self, table, row)
        JournalStore.insert = dying
        from journal.cli import main
        main(["--db", {path!r}, "demo", "--days", "30"])
    """)
    proc = subprocess.run([relkit.PYTHON, "-c", code], capture_output=True, env=relkit.child_env())
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert relkit.integrity(path) == "ok"
    assert relkit.entry_count(path) == 0  # nothing of the demo's first 99 rows
    relkit.run_ok("--db", path, "demo", "--days", "30")  # and the journal still takes it whole
