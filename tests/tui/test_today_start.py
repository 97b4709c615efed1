"""Today at start: the day comes first (the whole-journal reads wait until it is on screen), and
what comes after it (the other forms, the rows below the screen, the footer, the badge of
sessions to classify) is all there once the app has settled, whatever was pressed meanwhile."""

from __future__ import annotations

import asyncio
import datetime as dt

from journal import service
from journal.clock import now
from journal.store import JournalStore
from journal.tui.app import make_app


async def settle(pilot) -> None:
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_whole_journal_reads_wait_until_the_day_is_shown(db_path, monkeypatch):
    with JournalStore.open(db_path) as store:
        service.log_energy(store, level=4, at=now() - dt.timedelta(hours=1))
    app = make_app(db_path, welcome=False)
    seen: dict[str, bool] = {}

    def when_called(name, value):
        def read(store):
            # What the screen showed when this read began (read from the worker thread).
            seen[name] = app.screen.data is not None
            return value

        return read

    monkeypatch.setattr(service, "unclassified_count", when_called("unclassified", 3))
    monkeypatch.setattr(service, "tools", when_called("tools", ["Claude"]))
    monkeypatch.setattr(service, "person_names", when_called("people", ["Sam"]))

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            status = str(app.screen.query_one("#today-status").render())
            assert "energy 4.0" in status
            assert "3 imported to classify (c)" in status
            assert (app.known_tools, app.known_people) == (["Claude"], ["Sam"])

    asyncio.run(drive())
    assert seen == {"unclassified": True, "tools": True, "people": True}


def test_a_form_asked_for_at_once_is_shown_with_its_first_field_focused(db_path):
    app = make_app(db_path, welcome=False)

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("m")  # before the day is read and the other forms are mounted
            await settle(pilot)
            assert app.focused is not None and app.focused.id == "met-people"
            await pilot.press("S", "a", "m")
            assert app.focused.value == "Sam"
            shown = [form.id for form in app.screen.query(".form") if form.display]
            assert shown == ["form-met"]

    asyncio.run(drive())


def test_every_entry_of_a_day_longer_than_the_screen_is_in_the_timeline(db_path):
    start = now().replace(hour=0, minute=5)
    with JournalStore.open(db_path) as store:
        for n in range(40):
            service.log_energy(store, level=1 + n % 5, at=start + dt.timedelta(minutes=15 * n))
    app = make_app(db_path, welcome=False)

    async def drive() -> None:
        async with app.run_test(size=(100, 24)) as pilot:
            await settle(pilot)
            table = app.screen.query_one("#timeline")
            assert table.row_count == 40
            shown = [form.id for form in app.screen.query(".form") if form.display]
            assert shown == ["form-ai"]
            footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
            assert "AI session" in footer

    asyncio.run(drive())
