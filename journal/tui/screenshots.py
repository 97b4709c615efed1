"""Regenerate screenshots/*.svg: every screen over the 'drifting' demo persona, 120x36, on a fixed
date (2026-11-26 15:00, Europe/Berlin).

    python -m journal.tui.screenshots [--out screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

SIZE = (120, 36)
NOW = "2026-11-26T15:00:00"
ZONE = "Europe/Berlin"

Step = Callable[[Any], Awaitable[None]]


def _pin() -> None:
    os.environ["AIJOURNAL_NOW"] = NOW
    os.environ["TZ"] = ZONE
    time.tzset()


async def _settle(pilot: Any) -> None:
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.2)
    pilot.app.clear_notifications()
    await pilot.pause()


async def _keys(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await _settle(pilot)


SHOTS: list[tuple[str, bool, tuple[str, ...]]] = [
    # file name, on the empty journal (welcome), keys to press first
    ("01-welcome", True, ()),
    ("02-today", False, ()),
    ("03-today-people-form", False, ("m", "S", "a", "m", "comma", "space", "p", "r")),
    ("04-today-checkin", False, ("k", "4")),
    ("05-history", False, ("f2",)),
    ("06-history-edit", False, ("f2", "down", "down", "enter")),
    ("07-dashboard", False, ("f3",)),
    ("08-dashboard-year", False, ("f3", "end")),
    ("09-insights", False, ("f4",)),
    ("09-insights-intention", False, ("f4", "enter", "end")),  # the first action, accepted
    ("10-people", False, ("f5",)),
    ("11-help", False, ("question_mark",)),
]


async def _shoot(db: str, name: str, keys: tuple[str, ...], out: Path, welcome: bool) -> Path:
    from journal.tui.app import make_app

    app = make_app(db, welcome=welcome)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)
        if name == "08-dashboard-year":
            app.screen.query_one("#dash-scroll").scroll_end(animate=False)
            await _settle(pilot)
        target = out / f"{name}.svg"
        app.save_screenshot(filename=target.name, path=str(out))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="screenshots", help="folder for the SVG files")
    args = parser.parse_args(argv)
    _pin()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_DATA_HOME"] = tmp  # the welcome screen's demo journal stays in here
        import datetime as dt

        from journal import demo
        from journal.store import JournalStore
        from journal.tui.app import DEMO_DAYS, DEMO_PERSONA, DEMO_SEED

        demo_path = os.path.join(tmp, "demo.db")
        with JournalStore.open(demo_path) as store:
            demo.fill(store, persona=DEMO_PERSONA, days=DEMO_DAYS, seed=DEMO_SEED,
                      today=dt.date.fromisoformat(NOW[:10]))
        for name, empty, keys in SHOTS:
            db = os.path.join(tmp, f"empty-{name}.db") if empty else demo_path
            path = asyncio.run(_shoot(db, name, keys, out, welcome=empty))
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
