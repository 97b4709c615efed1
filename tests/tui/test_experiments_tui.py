"""The Experiments view (e on Insights, the command palette): start a ready-made experiment,
see today's assignment on it and on Today, end it and read the result; the help lists it."""

from __future__ import annotations

import datetime as dt

from journal import experiments
from journal.store import JournalStore
from journal.tui.app import make_app

from .test_app import aio, settle

TODAY = dt.date(2026, 11, 26)


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def _open(pilot) -> None:
    await pilot.press("f4")
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    assert type(pilot.app.screen).__name__ == "ExperimentsScreen"


@aio
async def test_start_from_a_suggestion_see_today_then_end_and_read_the_result(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _open(pilot)
        assert "No experiment yet" in _text(app, "#x-current")
        await pilot.press("down", "enter")  # the second suggestion: ask a person first
        await settle(pilot)
        with JournalStore.open(db_path) as store:
            running = experiments.running(store)
        assert running is not None and running.name == "ask a person before asking AI"
        assert running.started_day == TODAY and running.design == "alternate"
        line = experiments.prompt_line(running, TODAY)
        assert line is not None and "today is an" in line
        shown = " ".join(_text(app, "#x-current").split())
        assert "day 1 of 14 — today is an" in shown
        assert "Too few days yet" in _text(app, "#x-result")
        assert app.screen.query_one("#x-suggestions").display is False
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        today_line = app.screen.query_one("ExperimentLine")
        assert today_line.display and line.removeprefix("Experiment") in str(today_line.render())

        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"experiments")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ExperimentsScreen"
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert "Last experiment: ask a person before asking AI" in " ".join(
            _text(app, "#x-current").split()
        )
        assert app.screen.query_one("#x-suggestions").display is True
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("ExperimentLine").display is False
    with JournalStore.open(db_path) as store:
        assert experiments.running(store) is None
        assert len(experiments.experiments(store)) == 1


@aio
async def test_a_result_with_days_shows_its_sentences_and_help_lists_the_view(demo_db):
    with JournalStore.open(demo_db) as store:
        experiments.start(
            store, template="learn-daily", today=TODAY - dt.timedelta(days=13), seed=3
        )
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _open(pilot)
        shown = " ".join(_text(app, "#x-current").split())
        assert "Experiment 'one learning session a day': day 14 of 14" in shown
        result = " ".join(_text(app, "#x-result").split())
        assert "days during" in result and "days before" in result
        assert "augmentation share" in result and "energy" in result.lower()
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        app.screen.query_one("#help-box").scroll_end(animate=False)
        await settle(pilot)
        shot = app.export_screenshot()
        assert "Experiments" in shot and "ctrl+e" in shot
