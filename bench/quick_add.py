"""Whole-process wall time of the hot commands against `python -c pass` on the same interpreter.

    .venv/bin/python bench/quick_add.py [--runs 21] [--entries 100000]

Builds a journal of N entries once (direct inserts in one transaction), then times
`aijournal status --prompt`, `ai`, `met` and `energy` through the venv's console script, each run
alternating with a `python -c pass` run, on an empty journal and on the big one. Prints medians
and both ratios per command. Bytecode goes to a private cache (PYTHONPYCACHEPREFIX) so that every
process, the baseline included, starts as an installed package does: with compiled modules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"status --prompt": 2.0, "ai": 3.0, "met": 3.0, "energy": 3.0}
COMMANDS = {
    "status --prompt": ["status", "--prompt"],
    "ai": ["ai", "Claude", "30m", "--purpose", "learn"],
    "met": ["met", "Sam, Priya", "20m", "--kind", "feedback", "--quality", "4"],
    "energy": ["energy", "3"],
}


def script() -> Path:
    found = Path(sys.executable).parent / "aijournal"
    if not found.exists():
        sys.exit(f"no aijournal console script beside {sys.executable}; install the package first")
    return found


def build(path: str, entries: int) -> None:
    """A journal of `entries` timeline entries over the last ~3 years, in one transaction."""
    from journal import service
    from journal.store import JournalStore

    rng = random.Random(1)
    now = dt.datetime.now().astimezone().replace(microsecond=0)
    span = 3 * 365 * 24 * 3600
    with JournalStore.open(path) as store, store.write("bench", undoable=False):
        people = [
            store.insert("person", service.person_row(name, now=now))
            for name in ("Sam", "Priya", "Alex", "Mei", "Jordan")
        ]
        ai, met, energy = [], [], []
        links = []
        for n in range(entries):
            at = now - dt.timedelta(seconds=rng.randrange(3600, span))
            if n % 10 < 4:
                ai.append(
                    service.ai_row(
                        tool=rng.choice(("Claude", "ChatGPT")),
                        minutes=rng.randint(5, 120),
                        at=at,
                        purpose=rng.choice(("learn", "augment", "automate")),
                        now=now,
                    )
                )
            elif n % 10 < 7:
                row = service.interaction_row(minutes=rng.randint(5, 90), at=at, now=now)
                met.append(row)
                links.append((row["id"], rng.choice(people), 0))
            else:
                energy.append(
                    {
                        **service.base_row(now),
                        **service.timed(at),
                        "at": at.isoformat(),
                        "level": rng.randint(1, 5),
                    }
                )
        for table, rows in (("ai_session", ai), ("interaction", met), ("energy", energy)):
            cols = list(rows[0])
            store.conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                [[r[c] for c in cols] for r in rows],
            )
        store.conn.executemany(
            "INSERT INTO interaction_person (interaction_id, person_id, pos) VALUES (?, ?, ?)",
            links,
        )
    with JournalStore.open(path) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed: {done.stderr.decode().strip()}")
    return elapsed


def measure(
    argv: list[str], env: dict[str, str], runs: int, baseline: list[str] | None = None
) -> tuple[float, float]:
    """Medians (command, baseline) over `runs` alternating pairs, after one warm-up each."""
    baseline = baseline or [sys.executable, "-c", "pass"]
    wall(argv, env), wall(baseline, env)
    ours, base = [], []
    for _ in range(runs):
        base.append(wall(baseline, env))
        ours.append(wall(argv, env))
    return statistics.median(ours), statistics.median(base)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="alternating pairs per command (≥ 15)")
    parser.add_argument("--entries", type=int, default=100_000)
    options = parser.parse_args()
    aijournal = str(script())
    with tempfile.TemporaryDirectory(prefix="aijournal-bench-") as tmp:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("AIJOURNAL_NOW", "PYTHONDONTWRITEBYTECODE")
        }
        env["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
        env["HOME"] = os.path.join(tmp, "home")
        journals = {
            "empty": os.path.join(tmp, "empty.db"),
            f"{options.entries // 1000}k": os.path.join(tmp, "big.db"),
        }
        started = time.perf_counter()
        build(journals[f"{options.entries // 1000}k"], options.entries)
        print(
            f"built a journal of {options.entries} entries in "
            f"{time.perf_counter() - started:.1f} s; {options.runs} alternating runs each"
        )
        # -S: without site, which in an editable install has loaded re already.
        re_cost = measure(
            [sys.executable, "-S", "-c", "import re"],
            env,
            options.runs,
            baseline=[sys.executable, "-S", "-c", "pass"],
        )
        wrapper = "imports" if "import re" in Path(aijournal).read_text() else "does not import"
        re_ms = 1000 * (re_cost[0] - re_cost[1])
        print(
            f"`import re` in a fresh interpreter (-S): {re_ms:+.1f} ms "
            f"({re_cost[0] / re_cost[1]:.2f}x); the console script {wrapper} re; "
            f"re already loaded at startup (before any user code): {_startup_has_re(env)}"
        )
        results: dict[str, dict[str, tuple[float, float]]] = {}
        for label, db in journals.items():
            run_env = {**env, "AIJOURNAL_DB": db}
            for name, words in COMMANDS.items():
                results.setdefault(name, {})[label] = measure(
                    [aijournal, *words], run_env, options.runs
                )
        labels = list(journals)
        head = f"{'command':<17}" + "".join(f"{label + ' ms':>12}{'ratio':>8}" for label in labels)
        print(head + f"{'target':>9}")
        for name, by_label in results.items():
            line = f"{name:<17}"
            for label in labels:
                ours, base = by_label[label]
                line += f"{1000 * ours:>12.1f}{ours / base:>7.2f}x"
            worst = max(o / b for o, b in by_label.values())
            mark = "ok" if worst <= TARGETS[name] else "OVER"
            print(line + f"{TARGETS[name]:>7.1f}x {mark}")
        base_ms = statistics.median(b for by in results.values() for _, b in by.values()) * 1000
        print(f"baseline `{Path(sys.executable).name} -c pass`: {base_ms:.1f} ms")
    return 0


def _startup_has_re(env: dict[str, str]) -> bool:
    """Whether `re` is loaded before user code runs (an editable install's finder loads it)."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; print('re' in sys.modules)"],
        env=env,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() == "True"


if __name__ == "__main__":
    raise SystemExit(main())
