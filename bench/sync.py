"""`aijournal sync` speed: a full sync of a year of traces, and a sync with nothing new.

    .venv/bin/python bench/sync.py [--runs 11] [--visits 200000]

Builds a fixture home once, with tests/data/sync/fixtures.py (the programs' own layouts): a year
of Claude Code session logs (3 sessions a day, one JSON line a minute), a year of Codex rollouts
(2 a day, sessions/YYYY/MM/DD) and a Chrome History with N visits (Chromium's own tables, WebKit
times; about a tenth on AI hosts), each at its default place. Then, with the real readers:

1. full sync, in process: a fresh journal, every enabled source read and written (target 2 s);
   `--profile` prints the cProfile of it.
2. nothing new, whole process: `aijournal sync` again, median of runs alternating with
   `python -c pass` (target 3x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

DAYS = 365


def claude_code(home: Path, start: float, rng: random.Random) -> int:
    count = 0
    for day in range(DAYS):
        for n in range(3):
            project = rng.choice(("api", "site", "infra", "notes"))
            folder = home / ".claude" / "projects" / f"-home-me-{project}"
            folder.mkdir(parents=True, exist_ok=True)
            first = dt.datetime.fromtimestamp(start, dt.UTC) + dt.timedelta(
                days=day, hours=9 + 3 * n
            )
            session = f"cc-{day}-{n}"
            lines = [
                json.dumps(
                    {
                        "type": "user" if m % 2 == 0 else "assistant",
                        "timestamp": (first + dt.timedelta(minutes=m)).isoformat(),
                        "sessionId": session,
                        "cwd": f"/home/me/{project}",
                        "message": {"content": "x" * rng.randint(20, 400)},
                    }
                )
                for m in range(rng.randint(10, 60))
            ]
            (folder / f"{session}.jsonl").write_text("\n".join(lines) + "\n")
            count += 1
    return count


def fixtures() -> types.ModuleType:
    """tests/data/sync/fixtures.py: the programs' own file layouts (not a package)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tests" / "data" / "sync" / "fixtures.py"
    spec = importlib.util.spec_from_file_location("sync_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--profile", action="store_true", help="cProfile the full sync")
    args = parser.parse_args()
    fx = fixtures()
    rng = random.Random(7)
    root = Path(tempfile.mkdtemp(prefix="aijournal-sync-bench-"))
    home = root / "home"
    now = dt.datetime.now().astimezone().replace(microsecond=0)
    sessions = claude_code(home, fx.YEAR_START, rng)
    rollouts = len(fx.codex_tree(home / ".codex", sessions=2 * DAYS, seed=7))
    fx.chrome_history(
        home / ".config" / "google-chrome" / "Default" / "History", visits=args.visits, seed=7
    )
    env = {
        **os.environ,
        "HOME": str(home),
        "AIJOURNAL_CONFIG": str(root / "config.toml"),
        "AIJOURNAL_DB": str(root / "journal.db"),
    }
    for name in ("AIJOURNAL_NOW", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "CODEX_HOME"):
        env.pop(name, None)
    env.pop("CLAUDE_CONFIG_DIR", None)
    # Every process, the baseline too, starts as an installed package does: compiled modules.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    os.environ.clear()
    os.environ.update(env)

    from journal.store import JournalStore
    from journal.sync import config as cfg
    from journal.sync import run

    config = cfg.Config(path=env["AIJOURNAL_CONFIG"])
    for name in ("claude-code", "codex", "chrome"):
        config.source(name).enabled = True
    cfg.save(config)

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started, began_cpu = time.perf_counter(), time.process_time()
    with JournalStore.open(env["AIJOURNAL_DB"]) as store:
        result = run.sync(store, config, now=now)
    full, full_cpu = time.perf_counter() - started, time.process_time() - began_cpu
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    print(
        f"full sync: {full:.2f} s (CPU {full_cpu:.2f} s; target 2 s) for {sessions} Claude Code "
        f"logs, {rollouts} Codex rollouts, {args.visits:,} Chrome visits"
    )
    for source in result.sources:
        print(f"  {source.label}: {source.summary()}")

    argv = [sys.executable, "-m", "journal", "sync"]
    subprocess.run(argv, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
    timed: dict[str, list[float]] = {"ours": [], "bare": []}
    cpu: dict[str, list[float]] = {"ours": [], "bare": []}
    for _ in range(args.runs):
        for name, cmd in (("ours", argv), ("bare", [sys.executable, "-c", "pass"])):
            began = time.perf_counter()
            child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
            _pid, _status, usage = os.wait4(child.pid, 0)
            timed[name].append((time.perf_counter() - began) * 1000)
            cpu[name].append((usage.ru_utime + usage.ru_stime) * 1000)
    ours, bare = statistics.median(timed["ours"]), statistics.median(timed["bare"])
    ours_cpu, bare_cpu = statistics.median(cpu["ours"]), statistics.median(cpu["bare"])
    print(
        f"nothing new: {ours:.0f} ms vs python -c pass {bare:.0f} ms = {ours / bare:.2f}x "
        f"(target 3x, whole process, wall); CPU {ours_cpu:.0f} ms vs {bare_cpu:.0f} ms = "
        f"{ours_cpu / max(bare_cpu, 1e-3):.2f}x; load average {os.getloadavg()[0]:.1f}"
    )
    # The same full sync as a user runs it: a fresh journal, the whole process.
    os.unlink(env["AIJOURNAL_DB"])
    began = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    assert status == 0, status
    print(
        f"full sync, whole process: {time.perf_counter() - began:.2f} s "
        f"(CPU {usage.ru_utime + usage.ru_stime:.2f} s; target 2 s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
