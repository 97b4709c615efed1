"""History's summary line: the AI and people time of the whole filter, in the one unit style."""

from __future__ import annotations

from journal import present
from journal.store import JournalStore
from journal.tui.app import make_app
from tests.tui.test_app import aio, rows, settle, type_text


def summary_text(app) -> str:  # noqa: ANN001
    return str(app.screen.query_one("#history-summary").render())


@aio
async def test_history_summary_totals_the_filter(demo_db):
    sam = rows(demo_db, person="Sam")
    people = sum(e.minutes for e in sam)
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        everything = summary_text(app)
        with JournalStore.open(demo_db) as store:
            ai = sum(e.minutes for e in store.all_entries("ai_session"))
        assert f"AI {present.minutes(ai)}" in everything
        await pilot.press("slash")
        await type_text(pilot, "@Sam")
        await pilot.press("enter")
        await settle(pilot)
        text = summary_text(app)
        assert (
            f"{present.count(len(sam), 'entry')}  ·  AI 0m  ·  people {present.minutes(people)}"
            in text
        )
