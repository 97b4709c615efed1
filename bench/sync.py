"""`aijournal sync` speed: a full sync of a year of traces, and a sync with nothing new.

    .venv/bin/python bench/sync.py [--runs 11] [--visits 200000]

Builds a fixture home once: a year of Claude Code session logs (3 sessions a day, one JSON line a
minute), a year of Codex rollouts and a Chrome History database with N visits (the browsers' real
tables, `urls` and `visits`, WebKit-epoch times), a third of them on AI hosts. Then:

1. full sync, in process: a fresh journal, every enabled source read and written (target 2 s).
   Sources whose reader this build lacks (codex, chrome before their readers land) are replaced by
   a stand-in reader that hands over the same number of intervals, so the orchestrator's merging
   and writing are measured at full size either way; the output says which were stand-ins.
2. nothing new, whole process: `aijournal sync` again, median of runs alternating with
   `python -c pass` (target 3x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

DAYS = 365
HOSTS = ("chatgpt.com", "claude.ai", "gemini.google.com", "example.org", "news.site", "docs.dev")
WEBKIT_EPOCH = 11_644_473_600  # seconds from 1601-01-01 to 1970-01-01


def claude_code(home: Path, start: dt.datetime, rng: random.Random) -> int:
    count = 0
    for day in range(DAYS):
        for n in range(3):
            project = rng.choice(("api", "site", "infra", "notes"))
            folder = home / ".claude" / "projects" / f"-home-me-{project}"
            folder.mkdir(parents=True, exist_ok=True)
            first = start + dt.timedelta(days=day, hours=9 + 3 * n)
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


def codex(home: Path, start: dt.datetime, rng: random.Random) -> int:
    """Rollouts as Codex CLI writes them: sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl."""
    count = 0
    for day in range(DAYS):
        first = start + dt.timedelta(days=day, hours=16)
        folder = home / ".codex" / "sessions" / f"{first:%Y/%m/%d}"
        folder.mkdir(parents=True, exist_ok=True)
        sid = f"0000{day:04d}-0000-4000-8000-000000000000"
        meta = {"id": sid, "timestamp": first.isoformat(), "cwd": "/home/me/api"}
        lines = [
            json.dumps({"timestamp": first.isoformat(), "type": "session_meta", "payload": meta})
        ]
        for m in range(rng.randint(10, 50)):
            moment = (first + dt.timedelta(minutes=m)).isoformat()
            item = {"type": "message", "role": "user" if m % 2 == 0 else "assistant"}
            lines.append(
                json.dumps({"timestamp": moment, "type": "response_item", "payload": item})
            )
        (folder / f"rollout-{first:%Y-%m-%dT%H-%M-%S}-{sid}.jsonl").write_text("\n".join(lines))
        count += 1
    return count


def chrome(home: Path, start: dt.datetime, visits: int, rng: random.Random) -> Path:
    folder = home / ".config" / "google-chrome" / "Default"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "History"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE urls(id INTEGER PRIMARY KEY AUTOINCREMENT, url LONGVARCHAR, title "
        "LONGVARCHAR, visit_count INTEGER DEFAULT 0 NOT NULL, typed_count INTEGER DEFAULT 0 NOT "
        "NULL, last_visit_time INTEGER NOT NULL, hidden INTEGER DEFAULT 0 NOT NULL);"
        "CREATE TABLE visits(id INTEGER PRIMARY KEY, url INTEGER NOT NULL, visit_time INTEGER "
        "NOT NULL, from_visit INTEGER, transition INTEGER DEFAULT 0 NOT NULL, segment_id "
        "INTEGER, visit_duration INTEGER DEFAULT 0 NOT NULL);"
    )
    urls = [
        (n + 1, f"https://{HOSTS[n % len(HOSTS)]}/c/{n}", f"Page {n}", 1, 0, 0, 0)
        for n in range(5000)
    ]
    conn.executemany("INSERT INTO urls VALUES (?,?,?,?,?,?,?)", urls)
    base = start.timestamp()
    rows = []
    for n in range(visits):
        moment = base + n * (DAYS * 86_400 / visits)
        rows.append(
            (
                n + 1,
                rng.randint(1, 5000),
                int((moment + WEBKIT_EPOCH) * 1e6),
                0,
                0,
                0,
                rng.randint(5, 600) * 1_000_000,
            )
        )
    conn.executemany("INSERT INTO visits VALUES (?,?,?,?,?,?,?)", rows)
    conn.commit()
    conn.close()
    return path


def stand_in(name: str, intervals: int, start: dt.datetime, tool: str) -> types.ModuleType:
    """A reader handing over `intervals` visits spread over the year (for a missing one): in
    bursts of ten a minute apart, as people use a chat site."""
    from journal.sync.captured import Captured, Reading

    module = types.ModuleType(f"bench_stand_in_{name}")
    base = start.timestamp()
    step = DAYS * 86_400 / intervals

    def read(_name, path, *, since, state, hosts, keep_titles):  # type: ignore[no-untyped-def]
        if state.get("done"):
            return Reading([], dict(state), {}, unchanged=True)
        items = [
            Captured(name, str(n), tool, t, t + 50, "chatgpt.com")
            for n in range(intervals)
            for t in [base + (n // 10) * step * 10 + (n % 10) * 60]
        ]
        return Reading(items, {"done": True}, {})

    module.read = read  # type: ignore[attr-defined]
    module.default_paths = lambda *_a: []  # type: ignore[attr-defined]
    module.NAMES = (name,)  # type: ignore[attr-defined]
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--visits", type=int, default=200_000)
    args = parser.parse_args()
    rng = random.Random(7)
    root = Path(tempfile.mkdtemp(prefix="aijournal-sync-bench-"))
    home = root / "home"
    now = dt.datetime.now().astimezone().replace(microsecond=0)
    start = now - dt.timedelta(days=DAYS + 1)
    sessions = claude_code(home, start, rng)
    rollouts = codex(home, start, rng)
    history = chrome(home, start, args.visits, rng)
    env = {
        **os.environ,
        "HOME": str(home),
        "AIJOURNAL_CONFIG": str(root / "config.toml"),
        "AIJOURNAL_DB": str(root / "journal.db"),
    }
    env.pop("AIJOURNAL_NOW", None)
    # Every process, the baseline too, starts as an installed package does: compiled modules.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    os.environ.update(env)

    from journal.store import JournalStore
    from journal.sync import config as cfg
    from journal.sync import run

    config = cfg.Config(path=env["AIJOURNAL_CONFIG"])
    stand_ins = []
    for name, count, tool, path in (
        ("codex", rollouts * 30, "Codex", home / ".codex" / "sessions"),
        ("chrome", args.visits // 3, "ChatGPT", history),
    ):
        config.source(name).enabled = True
        if run.reader(run.SOURCES[name]) is None:
            module = stand_in(name, count, start, tool)
            sys.modules[module.__name__] = module
            run.SOURCES[name] = run.Source(name, name, module.__name__)
            config.source(name).paths = [str(path)]
            stand_ins.append(name)
    config.source("claude-code").enabled = True
    cfg.save(config)

    started, began_cpu = time.perf_counter(), time.process_time()
    with JournalStore.open(env["AIJOURNAL_DB"]) as store:
        result = run.sync(store, config, now=now)
    full, full_cpu = time.perf_counter() - started, time.process_time() - began_cpu
    print(
        f"full sync: {full:.2f} s (CPU {full_cpu:.2f} s; target 2 s) for {sessions} Claude Code "
        f"logs, {rollouts} Codex rollouts, {args.visits:,} Chrome visits"
        + (f" [stand-in readers: {', '.join(stand_ins)}]" if stand_ins else "")
    )
    for source in result.sources:
        print(f"  {source.label}: {source.summary()}")

    if stand_ins:  # a child process cannot see the stand-ins: leave them out of the timing run
        for name in stand_ins:
            config.source(name).enabled = False
        cfg.save(config)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
