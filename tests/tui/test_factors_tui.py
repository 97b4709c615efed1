"""The Insights tab's "What goes with your good days": surviving factors with n and interval, or
the honest "not enough days yet"."""

from __future__ import annotations

import datetime as dt
import random

from rich.text import Text

from journal import service
from journal.store import JournalStore
from journal.tui.app import make_app
from tests.tui.test_app import aio, settle


def _section(app) -> list[str]:
    listing = app.screen.query_one("#insights-list")
    lines = [
        str(o.prompt.plain if isinstance(o.prompt, Text) else o.prompt)
        for o in listing.options
        if o.id and (o.id == "factors" or o.id.startswith("factor"))
    ]
    return [" ".join(line.split()) for line in lines]


@aio
async def test_good_days_section_shows_the_surviving_factors(db_path):
    """60 days: AI standing in for a person on about half of them, energy about 1.2 lower."""
    rng = random.Random(16)
    today = dt.date(2026, 11, 26)
    with JournalStore.open(db_path) as store:
        for back in range(60):
            at = dt.datetime.combine(today - dt.timedelta(days=back), dt.time(11)).astimezone()
            instead = rng.random() < 0.5
            service.log_ai(store, tool="Claude", minutes=30, at=at, instead_of_person=instead)
            level = max(1, min(5, round(3.5 - (1.2 if instead else 0) + rng.gauss(0, 0.7))))
            service.log_energy(store, level=level, at=at + dt.timedelta(hours=6))
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        lines = _section(app)
        assert lines[0] == "What goes with your good days"
        found = [line for line in lines if line.startswith("• Energy is ")]
        assert found, lines
        assert all(" on " in f and " days vs " in f and "90 % interval " in f for f in found)
        assert any(" lower on days you use AI instead of asking a person" in f for f in found)


@aio
async def test_good_days_section_on_a_drifting_journal_finds_nothing(demo_db):
    """The drifting persona: energy slides while AI use grows, but no day's AI or people move
    that day's energy; a drift is not a factor (the workday against the day off is compared)."""
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        lines = _section(app)
        assert lines[0] == "What goes with your good days"
        assert not [line for line in lines if line.startswith("• ")], lines
        assert lines[1].startswith("Nothing stands out among ")
        # the rows are there to read: enter still acts on the first action
        kind, _, _ = app.screen._current()
        assert kind == "action"


@aio
async def test_good_days_section_on_a_young_journal_says_not_enough_days_yet(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        lines = _section(app)
        assert lines[0] == "What goes with your good days"
        assert lines[1].startswith("Not enough days yet: a factor needs 5 workdays")
