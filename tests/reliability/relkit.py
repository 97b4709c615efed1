"""Helpers shared by the reliability tests and bench/crash_soak.py: run writers, check a file.

Kept free of pytest so the soak script can import it too.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = os.path.join(HERE, "writer.py")
PYTHON = sys.executable
SCRIPT = os.path.join(os.path.dirname(PYTHON), "aijournal")  # the installed console script
ENTRY_TABLES = ("ai_session", "interaction", "energy")
HOSTILE = [
    "O'Brien",
    'say "hi"',
    "50%",
    "a_b",
    "--",
    "x; y",
    "'); DROP TABLE ai_session;--",
    "Zoë 🙂",
    "\\",
    "%_%",
    "Robert'); DELETE FROM person; --",
]


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: the test's pinned zone and clock, plus extras."""
    env = dict(os.environ)
    env.update(extra)
    return env


def run_ok(*args: str) -> str:
    """Run the console script; it must succeed. Returns its stdout."""
    proc = subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=child_env())
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def integrity(path: str) -> str:
    """`PRAGMA integrity_check` (and foreign_key_check) of a journal, as one string: 'ok'."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        result = ";".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        return result if not broken else f"{result}; foreign keys: {broken[:3]}"
    finally:
        conn.close()


def ids_present(path: str, ids: list[str]) -> list[str]:
    """The ids (full or 8-character prefixes) that have no live entry row: should be []."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        missing = []
        for row_id in ids:
            found = sum(
                conn.execute(
                    f"SELECT count(*) FROM {t} WHERE id LIKE ? AND deleted_at IS NULL",
                    (row_id + "%",),
                ).fetchone()[0]
                for t in ENTRY_TABLES
            )
            if found != 1:
                missing.append(row_id)
        return missing
    finally:
        conn.close()


def entry_count(path: str) -> int:
    conn = sqlite3.connect(path, timeout=30)
    try:
        return sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ENTRY_TABLES)
    finally:
        conn.close()


@dataclass
class CrashStats:
    kills: int = 0
    reported: int = 0  # writes that had reported success before their process was killed
    stream_kills: int = 0
    command_kills: int = 0
    fresh_kills: int = 0  # command kills on a path with no journal yet (a first run)
    finished: int = 0  # commands that exited before their kill came (not counted as kills)
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.kills} SIGKILLs survived ({self.stream_kills} mid-stream writers, "
            f"{self.command_kills} console-script commands, {self.fresh_kills} of them during "
            f"first runs; {self.finished} more commands finished before their kill); "
            f"{self.reported} reported writes all present; "
            f"{len(self.failures)} failures"
        )


def _complete_lines(raw: bytes) -> list[str]:
    text = raw.decode("utf-8", "replace")
    return text.split("\n")[:-1]  # the last piece is cut off (or empty)


def kill_stream(path: str, rng: random.Random, stats: CrashStats) -> None:
    """Start a writer logging entries in a loop (service calls); SIGKILL it at a random point."""
    proc = subprocess.Popen(
        [PYTHON, WRITER, "stream", path, "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    # Kill after a drawn number of reported writes (not after a drawn time), so what the run
    # proves does not depend on how fast this machine is; a short drawn pause then lands the kill
    # at a random point of the next write.
    seen = b""
    for _ in range(rng.randint(1, 200)):
        line = proc.stdout.readline() if proc.stdout else b""
        if not line:
            break  # the writer stopped early: its stderr and the checks below say why
        seen += line
    time.sleep(rng.uniform(0.0, 0.01))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate()
    ids = [line.split()[-1] for line in _complete_lines(seen + out) if line.startswith("ok ")]
    stats.stream_kills += 1
    _check(path, ids, stats, f"stream writer killed after {len(ids)} writes", err)


def kill_command(path: str, rng: random.Random, stats: CrashStats) -> None:
    """Run one real `aijournal` command (console script or `python -m journal`) and SIGKILL it
    somewhere between start-up and exit; a third of the time on a journal that does not exist yet.
    """
    fresh = stats.command_kills % 3 == 0
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    runner = [SCRIPT] if rng.random() < 0.5 else [PYTHON, "-m", "journal"]
    choice = rng.random()
    if choice < 0.4:
        args = ["ai", "Claude", f"{rng.randint(1, 300)}m", "--purpose", "learn", "--tag", "soak"]
    elif choice < 0.7:
        args = ["met", "Sam, Priya", "20m", "--kind", "feedback"]
    elif choice < 0.9:
        args = ["energy", str(rng.randint(1, 5))]
    else:
        args = ["demo", "--days", "20"] if fresh else ["ai", "Copilot", "5m"]
    proc = subprocess.Popen(
        [*runner, "--db", path, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    # A quick-add lives ~0.1 s (most of it imports); a 20-day demo about a second.
    time.sleep(rng.uniform(0.0, 0.8 if args[0] == "demo" else 0.1))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate()
    ids = [
        line.rsplit(" id ", 1)[1].split()[0]
        for line in _complete_lines(out)
        if line.startswith("Logged ") and " id " in line
    ]
    if proc.returncode == 0 and args[0] != "demo" and not ids:
        stats.failures.append(f"{args} exited 0 without its Logged line: {out!r} {err!r}")
    if proc.returncode != -signal.SIGKILL:
        stats.finished += 1
        _check(path, ids, stats, f"{' '.join(args)} (finished before the kill)", err, kill=False)
        return
    stats.command_kills += 1
    stats.fresh_kills += fresh
    _check(path, ids, stats, f"{' '.join(args)} killed (exit {proc.returncode})", err)


def _check(
    path: str, ids: list[str], stats: CrashStats, what: str, err: bytes, *, kill: bool = True
) -> None:
    stats.kills += kill
    stats.reported += len(ids)
    if b"Traceback" in err:
        stats.failures.append(f"{what}: traceback before the kill: {err.decode()[-500:]}")
    if not os.path.exists(path):
        if ids:
            stats.failures.append(f"{what}: reported {ids} but the journal does not exist")
        return
    result = integrity(path)
    if result != "ok":
        stats.failures.append(f"{what}: integrity_check {result!r}")
        return
    missing = ids_present(path, ids)
    if missing:
        stats.failures.append(f"{what}: reported but missing {missing}")
    # The journal must stay usable: a later command on the same path succeeds.
    after = subprocess.run(
        [SCRIPT, "--db", path, "energy", "3"], capture_output=True, text=True, env=child_env()
    )
    if after.returncode != 0:
        stats.failures.append(f"{what}: the next command failed: {after.stderr.strip()}")
    demo = _demo_state(path)
    if demo not in ("none", "whole"):
        stats.failures.append(f"{what}: a killed demo left a partial persona ({demo})")


DEMO_SESSIONS: dict[str, int] = {}


def _demo_state(path: str) -> str:
    """'none' or 'whole': a demo is one transaction, so a kill leaves all of it or nothing."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        found = conn.execute("SELECT count(*) FROM ai_session WHERE source = 'demo'").fetchone()[0]
    finally:
        conn.close()
    if found == 0:
        return "none"
    whole = DEMO_SESSIONS.get("20")
    if whole is None:
        return "whole"  # the reference count is measured by the caller (reference_demo)
    return "whole" if found == whole else f"{found} of {whole} demo sessions"


def reference_demo(folder: str) -> int:
    """How many AI sessions `demo --days 20` writes, measured once on a scratch journal."""
    path = os.path.join(folder, "reference-demo.db")
    subprocess.run(
        [SCRIPT, "--db", path, "demo", "--days", "20"],
        check=True,
        capture_output=True,
        env=child_env(),
    )
    conn = sqlite3.connect(path)
    try:
        count = conn.execute("SELECT count(*) FROM ai_session WHERE source = 'demo'").fetchone()[0]
    finally:
        conn.close()
    DEMO_SESSIONS["20"] = count
    return int(count)


def crash_run(folder: str, kills: int, seed: int) -> CrashStats:
    """`kills` SIGKILLs at random points, alternating writer kinds, all on one journal."""
    rng = random.Random(seed)
    stats = CrashStats()
    reference_demo(folder)
    path = os.path.join(folder, "crash.db")
    while stats.kills < kills:
        if stats.stream_kills <= stats.command_kills:
            kill_stream(path, rng, stats)
        else:
            kill_command(path, rng, stats)
    return stats


def cli_main(args: list[str]) -> int:
    from journal.cli import main

    return main(args)


@dataclass
class WriterResult:
    mode: str
    name: str
    code: int
    out: str
    err: str


def concurrent_run(folder: str, modes: list[str], writes: int) -> tuple[list[WriterResult], float]:
    """Start one writer.py per mode at once on one journal, wait for all; (results, seconds).

    Output goes to files, not pipes: a writer printing more than a pipe holds must not stall.
    """
    path = os.path.join(folder, "concurrent.db")
    run_ok("--db", path, "status")  # the journal exists before the race starts
    started = time.monotonic()
    running = []
    for n, mode in enumerate(modes):
        name = f"{mode[0]}{n}"
        out = open(os.path.join(folder, f"{name}.out"), "w+")  # noqa: SIM115
        err = open(os.path.join(folder, f"{name}.err"), "w+")  # noqa: SIM115
        proc = subprocess.Popen(
            [PYTHON, WRITER, mode, path, str(writes), name], stdout=out, stderr=err, env=child_env()
        )
        running.append((mode, name, proc, out, err))
    results = []
    for mode, name, proc, out, err in running:
        code = proc.wait(timeout=600)
        out.seek(0)
        err.seek(0)
        results.append(WriterResult(mode, name, code, out.read(), err.read()))
        out.close()
        err.close()
    return results, time.monotonic() - started
