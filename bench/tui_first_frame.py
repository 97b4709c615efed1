"""Time to first frame of the aijournal TUI on a 3-year dense journal (~100,000 entries),
against the first frame of an empty Textual app.

    python bench/tui_first_frame.py [--runs 9] [--db PATH]

Two measures, each as the median of alternating runs:
- whole process: from spawning `python -c ...` to the child printing that its first frame was
  painted (imports, opening the journal, composing and the first refresh included);
- headless in process: from App.run(headless=True) to the first frame, with imports done.

The children run as a user's install would: with compiled bytecode (in a cache of this run's
own, filled by one unmeasured run of each app; pip compiles an install's modules, while an
environment with PYTHONDONTWRITEBYTECODE would recompile aijournal's sources on every start but
not Textual's, compiled at install) and with the terminal's size known alike to Rich and to the
driver (COLUMNS/LINES; with output to a pipe they disagree, 80x25 against 80x24, and the app
lays out its whole first screen again for a resize no terminal sends).

A "first frame" is the first screen update the app hands to its driver (App._display with
something to show) after Textual's own App._ready (the first screen composed and mounted),
measured the same way for both apps. The bench also reports when the frame that shows today's
data was painted ("Today filled": the quick log mounted and the day's timeline shown). Today is
composed whole and reads the day before its first frame, so the two are one frame; should a
change split them again, the two figures part. The app then exits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-26T15:00:00"

FIRST_FRAME = r"""
import time as _time
FRAME = []  # (time, perf_counter) of the first frame, then of the filled one
def exit_on_first_frame(app, filled=lambda app: True):
    shown, ready = app._display, app._ready
    state = []
    async def on_ready():
        await ready()
        state.append(True)
    def display(screen, renderable):
        shown(screen, renderable)
        if renderable is None or not state or len(FRAME) == 2:
            return
        stamp = (_time.time(), _time.perf_counter())
        if not FRAME:
            FRAME.append(stamp)
        if filled(app):
            FRAME.append(stamp)
            app.exit()
    app._display, app._ready = display, on_ready
def today_filled(app):
    return getattr(app.screen, "data", None) is not None
"""

CHILD = (
    FIRST_FRAME
    + r"""
import sys, time
t0 = float(sys.argv[1]); kind = sys.argv[2]; db = sys.argv[3]
from textual.app import App
if kind == "empty":
    app = App()
else:
    from journal.tui.app import make_app
    app = make_app(db, welcome=False)
exit_on_first_frame(app, (lambda app: True) if kind == "empty" else today_filled)
app.run(headless=True)
print(f"{FRAME[0][0] - t0},{FRAME[1][0] - t0}")
"""
)

HEADLESS = (
    FIRST_FRAME
    + r"""
import sys, time
kind = sys.argv[1]; db = sys.argv[2]; n = int(sys.argv[3])
from textual.app import App
if kind != "empty":
    from journal.tui.app import make_app
    import journal.tui.screens.today  # imported by the first screen; keep import cost out here
out = []
for _ in range(n):
    t0 = time.perf_counter()
    app = App() if kind == "empty" else make_app(db, welcome=False)
    FRAME.clear()
    exit_on_first_frame(app, (lambda app: True) if kind == "empty" else today_filled)
    app.run(headless=True)
    out.append(f"{FRAME[0][1] - t0},{FRAME[1][1] - t0}")
print(" ".join(out))
"""
)


def _pair(text: str) -> tuple[float, float]:
    first, filled = text.split(",")
    return float(first), float(filled)


def build(path: str) -> int:
    from journal import demo
    from journal.store import JournalStore

    with JournalStore.open(path) as store:
        demo.fill(
            store,
            persona="drifting",
            days=1095,
            seed=7,
            today=dt.date.fromisoformat(NOW[:10]),
            density=52,
        )
        return store.count_timeline()


def main() -> int:
    parser = argparse.ArgumentParser(description="TUI first frame vs an empty Textual app")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", help="an existing big journal (default: build one)")
    args = parser.parse_args()
    os.environ.update({"AIJOURNAL_NOW": NOW, "TZ": "Europe/Berlin"})
    time.tzset()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": os.path.join(tmp, "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update({"COLUMNS": "80", "LINES": "24"})
        # A home of its own: no sync config, and no source of this machine's user (a Claude Code
        # folder would make the first run ask which sources to sync, over Today)
        env.update({"HOME": os.path.join(tmp, "home"), "XDG_CONFIG_HOME": os.path.join(tmp, "cfg")})
        db = args.db or os.path.join(tmp, "big.db")
        if not args.db:
            print(f"building the journal: {build(db):,} entries", flush=True)
        for kind in ("empty", "aijournal"):  # unmeasured: compiles the bytecode
            subprocess.run(
                [sys.executable, "-c", CHILD, str(time.time()), kind, db],
                env=env,
                capture_output=True,
                check=True,
            )
        whole = {"empty": [], "aijournal": []}  # (first frame, filled frame) per run
        for _ in range(args.runs):  # alternate, so drift hits both alike
            for kind in ("empty", "aijournal"):
                start = time.time()
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(start), kind, db],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                whole[kind].append(_pair(out.stdout.strip().splitlines()[-1]))
        head = {"empty": [], "aijournal": []}
        for _ in range(args.runs):
            for kind in ("empty", "aijournal"):
                out = subprocess.run(
                    [sys.executable, "-c", HEADLESS, kind, db, "1"],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                head[kind] += [_pair(x) for x in out.stdout.split()]
    for label, runs in (("whole process", whole), ("headless", head)):
        empty = statistics.median(first for first, _ in runs["empty"])
        first = statistics.median(first for first, _ in runs["aijournal"])
        filled = statistics.median(filled for _, filled in runs["aijournal"])
        print(
            f"{label:13s}  empty {empty * 1000:7.1f} ms   aijournal {first * 1000:7.1f} ms   "
            f"ratio {first / empty:.2f}x   (Today filled {filled * 1000:.1f} ms, "
            f"{filled / empty:.2f}x)"
        )
    print(f"medians of {args.runs} alternating runs; target ratio <= 1.5x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
