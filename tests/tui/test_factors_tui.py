"""The Insights tab's "What goes with your good days": surviving factors with n and interval, or
the honest "not enough days yet"."""

from __future__ import annotations

from rich.text import Text

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
async def test_good_days_section_shows_the_surviving_factors(demo_db):
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        lines = _section(app)
        assert lines[0] == "What goes with your good days"
        found = [line for line in lines if line.startswith("• Energy is ")]
        assert found, lines
        assert all(" on " in f and " days vs " in f and "90 % interval " in f for f in found)
        assert any("you use AI instead of asking a person" in f for f in found)
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
