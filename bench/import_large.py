"""Peak memory and wall time of `aijournal import chatgpt` on a large synthetic export.

    .venv/bin/python bench/import_large.py [--conversations 50000] [--mb 100] [--zip]

Writes a ChatGPT-shaped conversations.json of about --mb megabytes (--conversations of them, each
a branched mapping tree with realistic fields) into a temporary folder, then runs the console
script in a child process three times: --dry-run, the import, and a re-import. Prints the wall
time and the child's peak RSS (ru_maxrss) of each run, and `python -c pass` for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile

WORDS = (
    "the parser reads a stream of tokens and builds a tree while the cache keeps recent "
    "results so that repeated questions are cheap and the answer explains why"
).split()


def message(node: str, role: str, at: float | None, size: int, rng: random.Random) -> dict:
    text = " ".join(rng.choice(WORDS) for _ in range(size))
    return {
        "id": node,
        "author": {"role": role, "name": None, "metadata": {}},
        "create_time": at,
        "update_time": None,
        "content": {"content_type": "text", "parts": [text]},
        "status": "finished_successfully",
        "end_turn": role == "assistant",
        "weight": 1.0,
        "metadata": {"model_slug": "gpt-4o"} if role == "assistant" else {},
        "recipient": "all",
    }


def conversation(n: int, words: int, rng: random.Random) -> dict:
    start = 1_600_000_000 + n * 3000 + rng.random() * 600  # Sep 2020 on, all in the past
    mapping = {"root": {"id": "root", "message": None, "parent": None, "children": []}}
    parent, at = "root", start
    for turn in range(4):
        node = f"n{turn}"
        role = "user" if turn % 2 == 0 else "assistant"
        at += rng.choice((20, 60, 300, 2400))
        mapping[node] = {
            "id": node,
            "message": message(node, role, at, words, rng),
            "parent": parent,
            "children": [],
        }
        mapping[parent]["children"].append(node)
        parent = node
    return {
        "id": f"conv-{n:08d}",
        "conversation_id": f"conv-{n:08d}",
        "title": f"Question {n}",
        "create_time": start,
        "update_time": at,
        "mapping": mapping,
        "current_node": parent,
        "moderation_results": [],
        "is_archived": False,
        "gizmo_id": None,
        "safe_urls": [],
    }


def write_export(path: str, count: int, megabytes: int) -> None:
    rng = random.Random(7)
    small, large = (len(json.dumps(conversation(0, w, random.Random(1)))) for w in (10, 110))
    per_word = (large - small) / 100
    words = max(1, round(10 + (megabytes * 1_000_000 / count - small) / per_word))
    with open(path, "w") as out:
        out.write("[")
        for n in range(count):
            if n:
                out.write(",")
            out.write(json.dumps(conversation(n, words, rng)))
        out.write("]")


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB (this child's own, via wait4) and first stdout line."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        began = time.perf_counter()
        child = subprocess.Popen(args, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - began
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode:
            sys.exit(f"{' '.join(args)} failed ({child.returncode}): {err.read()}")
        lines = out.read().strip().splitlines()
    return wall, usage.ru_maxrss / 1024, lines[0] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=50_000)
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--zip", action="store_true", help="import the export as a zip")
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="aij-bench-")
    export = os.path.join(folder, "conversations.json")
    write_export(export, options.conversations, options.mb)
    size = os.path.getsize(export)
    if options.zip:
        zipped = os.path.join(folder, "export.zip")
        with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(export, "conversations.json")
        export = zipped
    print(
        f"{options.conversations} conversations, {size / 1e6:.1f} MB of JSON"
        + (f", zip {os.path.getsize(export) / 1e6:.1f} MB" if options.zip else "")
    )
    env = {
        **os.environ,
        "AIJOURNAL_DB": os.path.join(folder, "journal.db"),
        "AIJOURNAL_NOW": "2026-11-26T15:00:00",
    }
    script = os.path.join(os.path.dirname(sys.executable), "aijournal")
    wall, peak, _ = run([sys.executable, "-c", "pass"], env)
    print(f"python -c pass           {wall:6.2f} s  peak {peak:6.1f} MB")
    for label, extra in (("import --dry-run", ["--dry-run"]), ("import", []), ("re-import", [])):
        wall, peak, line = run([script, "import", "chatgpt", export, *extra], env)
        print(f"{label:<24} {wall:6.2f} s  peak {peak:6.1f} MB   {line}")


if __name__ == "__main__":
    main()
