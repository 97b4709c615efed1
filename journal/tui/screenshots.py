"""Regenerate screenshots/*.svg: every screen over the 'drifting' demo persona, 120x36, on a fixed
date (2026-11-26 15:00, Europe/Berlin).

    python -m journal.tui.screenshots [--out screenshots]

The scenes (SCENES) and the way one is shot (shoot) are shared with the SVG snapshot tests in
tests/tui/test_snapshots.py, so a screenshot and its snapshot are the same frame.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIZE = (120, 36)
NOW = "2026-11-26T15:00:00"
ZONE = "Europe/Berlin"


@dataclass(frozen=True)
class Scene:
    """One frame: the app over the demo journal (or over an empty one, with the first-run
    screen), the keys pressed, then `after` (given the app) just before the shot."""

    name: str
    keys: tuple[str, ...] = ()
    empty: bool = False
    after: Callable[[Any], None] | None = None


def _tab_beneath_built(app: Any) -> None:
    # The first-run screen is pushed by a worker; when it lands before the app's Ready event the
    # tab beneath it is built only once it is dismissed. Build it now, so the frame does not
    # depend on which came first.
    app.screen_stack[0].start_build()


def _dashboard_end(app: Any) -> None:
    app.screen.query_one("#dash-scroll").scroll_end(animate=False)


def _experiment_running(app: Any) -> None:
    """A ready-made experiment started 13 days before NOW, so the view has a result to show."""
    import datetime as dt

    from journal import experiments

    start = dt.date.fromisoformat(NOW[:10]) - dt.timedelta(days=13)
    app.write(lambda store: experiments.start(store, template="learn-daily", today=start, seed=3))
    app.screen.reload()


def _good_days_section(app: Any) -> None:
    """The Insights list scrolled to its end: the "What goes with your good days" section."""
    app.screen.query_one("#insights-list").scroll_end(animate=False, immediate=True)


SCENES: tuple[Scene, ...] = (
    Scene("01-welcome", empty=True, after=_tab_beneath_built),
    Scene("02-today"),
    Scene("03-today-people-form", ("m", "S", "a", "m", "comma", "space", "p", "r")),
    Scene("04-today-checkin", ("k", "4")),
    Scene("05-history", ("f2",)),
    Scene("06-history-edit", ("f2", "down", "down", "enter")),
    Scene("07-dashboard", ("f3",)),
    Scene("08-dashboard-year", ("f3", "end"), after=_dashboard_end),
    Scene("09-insights", ("f4",)),
    Scene("09-insights-intention", ("f4", "enter", "end")),  # the first action, accepted
    Scene("10-people", ("f5",)),
    Scene("11-help", ("question_mark",)),
    Scene("12-insights-profile", ("f4", "p")),
    Scene("13-who5-form", ("w", "4", "tab", "3", "tab", "2")),
    Scene("14-insights-evidence", ("f4", "v")),
    Scene("15-report", ("f2", "r", "g", "G", "G")),  # this month by purpose, then skill
    Scene("16-experiments", ("f4", "e"), after=_experiment_running),
    Scene("17-insights-good-days", ("f4",), after=_good_days_section),
)


def pin() -> None:
    """Fix the clock and the zone for this process (the scenes are drawn on NOW in ZONE)."""
    os.environ["AIJOURNAL_NOW"] = NOW
    os.environ["TZ"] = ZONE
    time.tzset()


def build_demo(path: str) -> None:
    """The demo journal the scenes show: the app's own demo persona, days and seed, up to NOW."""
    import datetime as dt

    from journal import demo
    from journal.store import JournalStore
    from journal.tui.app import DEMO_DAYS, DEMO_PERSONA, DEMO_SEED

    with JournalStore.open(path) as store:
        demo.fill(
            store,
            persona=DEMO_PERSONA,
            days=DEMO_DAYS,
            seed=DEMO_SEED,
            today=dt.date.fromisoformat(NOW[:10]),
        )


def _still(app: Any) -> None:
    """Stop every text cursor blinking, so a frame does not depend on when it is taken."""
    from textual.widgets import Input

    for field in app.screen.query(Input):
        if field.cursor_blink:
            field.cursor_blink = False


async def _step(pilot: Any) -> None:
    """Let the key's messages and the workers they start land."""
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()


async def _settle(pilot: Any) -> None:
    await _step(pilot)
    await pilot.pause(0.2)
    pilot.app.clear_notifications()
    _still(pilot.app)
    await pilot.pause()


async def shoot(scene: Scene, db: str, *, simplify: bool = False) -> str:
    """The scene's frame as SVG text. `db` is changed by some scenes (an accepted intention): give
    each scene its own copy of the demo journal, or an empty file name for an `empty` scene.
    `simplify` joins neighbouring cells of one style, whose split otherwise depends on the order
    the screen was painted in (the snapshot tests compare simplified frames)."""
    from journal.tui.app import make_app

    app = make_app(db, welcome=scene.empty)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        for key in scene.keys:
            await pilot.press(key)
            await _step(pilot)
        if scene.after is not None:
            scene.after(app)
        await _settle(pilot)
        return app.export_screenshot(simplify=simplify)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="screenshots", help="folder for the SVG files")
    args = parser.parse_args(argv)
    pin()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_DATA_HOME"] = tmp  # the welcome screen's demo journal stays in here
        # and no sync source of this machine's user (its first run would ask, over every scene)
        os.environ["HOME"] = os.path.join(tmp, "home")
        os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
        os.environ.pop("AIJOURNAL_CONFIG", None)
        demo_path = os.path.join(tmp, "demo.db")
        build_demo(demo_path)
        for scene in SCENES:
            db = os.path.join(tmp, f"{scene.name}.db")
            if not scene.empty:
                shutil.copy(demo_path, db)
            target = out / f"{scene.name}.svg"
            target.write_text(asyncio.run(shoot(scene, db)), encoding="utf-8")
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
