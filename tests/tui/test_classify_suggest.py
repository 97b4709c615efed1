"""The classification screen shows what the user's past classifications suggest; y or enter
accepts it."""

from __future__ import annotations

import asyncio
import datetime as dt

from textual.app import App

from journal import service
from journal.store import JournalStore
from journal.tui.screens.classify import ClassifyScreen
from journal.tui.screens.help import keys_table


class QueueApp(App[None]):
    def __init__(self, store_path: str) -> None:
        super().__init__()
        self.store_path = store_path
        self.results: list[dict] = []

    def on_mount(self) -> None:
        self.push_screen(ClassifyScreen(self.store_path), self.results.append)


def log(store: JournalStore, purpose: str, days_ago: int, hour: int = 9) -> str:
    at = dt.datetime(2026, 11, 26, hour, 0).astimezone() - dt.timedelta(days=days_ago)
    return service.log_ai(store, tool="Claude Code", minutes=40, at=at, purpose=purpose)["id"]


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def test_the_suggestion_and_its_basis_are_shown_and_accepted(store, db_path):
    for day in range(1, 11):
        log(store, "augment", day)
    new = [log(store, "unclassified", 0, hour=8), log(store, "unclassified", 0, hour=7)]
    app = QueueApp(db_path)

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            assert isinstance(screen, ClassifyScreen)
            assert text(screen, "#classify-suggestion") == (
                "suggested: augment (confidence 0.92): "
                "you called 10 of 10 medium morning Claude Code sessions augment"
            )
            assert text(screen, "#classify-hint").startswith("y or Enter: augment · l learn")
            assert screen.check_action("accept", ()) is True
            await pilot.press("y")
            # the answer just given teaches the next suggestion: 11 of 11
            assert "you called 11 of 11 medium morning" in text(screen, "#classify-suggestion")
            await pilot.press("enter")
            assert "last one" in text(screen, "#classify-card")
            assert text(screen, "#classify-suggestion") == ""
            await pilot.press("q")
            await pilot.pause()

    asyncio.run(drive())
    with JournalStore.open(db_path) as check:
        assert {check.entry("ai_session", i).purpose.value for i in new} == {"augment"}
    assert app.results == [{"given": {"augment": 2}, "skipped": 0, "left": 0}]


def test_without_a_suggestion_nothing_is_offered_and_y_does_nothing(store, db_path):
    for day in range(1, 5):  # four past sessions: too few to suggest from
        log(store, "augment", day)
    new = log(store, "unclassified", 0)
    app = QueueApp(db_path)

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            assert text(screen, "#classify-suggestion") == ""
            assert screen.check_action("accept", ()) is False  # not in the footer
            await pilot.press("y")
            await pilot.press("enter")
            assert text(screen, "#classify-card").startswith("Claude Code")
            await pilot.press("q")
            await pilot.pause()

    asyncio.run(drive())
    with JournalStore.open(db_path) as check:
        assert check.entry("ai_session", new).purpose.value == "unclassified"


def test_the_help_screen_names_the_accept_key():
    rows = [str(cell) for column in keys_table().columns for cell in column._cells]
    assert "y or enter" in rows
    assert any("accept the suggested purpose" in row for row in rows)
