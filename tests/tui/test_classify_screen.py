"""The classification screen: keys give purposes in the database, newest session first."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.app import App

from journal.importers import claude
from journal.store import JournalStore
from journal.tui.screens.classify import ClassifyScreen

CLAUDE = str(Path(__file__).resolve().parents[1] / "data" / "imports" / "claude-conversations.json")


class QueueApp(App[None]):
    def __init__(self, store_path: str) -> None:
        super().__init__()
        self.store_path = store_path
        self.results: list[dict] = []

    def on_mount(self) -> None:
        self.push_screen(ClassifyScreen(self.store_path), self.results.append)


def purposes(db_path: str) -> dict[str, str]:
    with JournalStore.open(db_path) as store:
        return {e.source: e.purpose.value for e in store.all_entries("ai_session")}


def test_keys_classify_in_the_database(store, db_path):
    claude.run(store, CLAUDE)
    app = QueueApp(db_path)

    async def drive() -> None:
        async with app.run_test() as pilot:
            screen = app.screen
            assert isinstance(screen, ClassifyScreen)
            card = str(screen.query_one("#classify-card").render())
            assert card.startswith("Claude · 2026-10-25 02:30 · 3 min")
            await pilot.press("l")
            await pilot.press("s")
            await pilot.press("c")
            assert "last one" in str(screen.query_one("#classify-card").render())
            await pilot.press("q")
            await pilot.pause()

    asyncio.run(drive())
    assert purposes(db_path) == {
        "Claude:2df7a508-0000-4000-8000-000000000002:2": "learn",
        "Claude:2df7a508-0000-4000-8000-000000000002:1": "unclassified",
        "Claude:1ce6f4f7-0000-4000-8000-000000000001:1": "companion",
    }
    assert app.results == [{"given": {"learn": 1, "companion": 1}, "skipped": 1, "left": 1}]


def test_empty_queue(db_path, store):
    app = QueueApp(db_path)

    async def drive() -> None:
        async with app.run_test() as pilot:
            assert "Nothing to classify" in str(app.screen.query_one("#classify-card").render())
            await pilot.press("l")  # nothing happens
            await pilot.press("escape")
            await pilot.pause()

    asyncio.run(drive())
    assert app.results == [{"given": {}, "skipped": 0, "left": 0}]


def test_k_types_a_skill_whose_letters_are_not_answers(store, db_path):
    claude.run(store, CLAUDE)
    app = QueueApp(db_path)

    async def drive() -> None:
        async with app.run_test() as pilot:
            screen = app.screen
            await pilot.press("k")
            assert screen.focused.id == "classify-skill"
            assert not {"l", "a", "t", "c", "s", "q"} & set(screen.active_bindings)
            await pilot.press(*"lattice", "space", *"sql", "enter")
            assert "skill: lattice sql" in str(screen.query_one("#classify-card").render())
            await pilot.press("a")  # now a purpose key again
            await pilot.press("q")
            await pilot.pause()

    asyncio.run(drive())
    with JournalStore.open(db_path) as opened:
        got = {e.source: (e.purpose.value, e.skill) for e in opened.all_entries("ai_session")}
    assert got["Claude:2df7a508-0000-4000-8000-000000000002:2"] == ("augment", "lattice sql")
    assert sorted(v[0] for v in got.values()) == ["augment", "unclassified", "unclassified"]
