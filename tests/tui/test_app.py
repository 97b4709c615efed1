"""Behaviour of the TUI through App.run_test(): logging, navigation, History, Insights, welcome."""

from __future__ import annotations

import asyncio
import functools
import sqlite3

import pytest

from journal import service
from journal.clock import now
from journal.store import JournalStore
from journal.tui.app import make_app


def aio(test):
    """Run an async test body with asyncio.run (no async pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


async def settle(pilot) -> None:
    """Let workers finish and their messages land."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rows(db_path: str, **query):
    with JournalStore.open(db_path) as store:
        return service.entries(store, **query)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space", ",": "comma"}.get(c, c) for c in text])


async def ai_tool_and_time(pilot, tool: str, how_long: str) -> None:
    """Open the AI form (a) and fill Tool and How long; focus is then on How long."""
    await pilot.press("a")
    await type_text(pilot, tool)
    await pilot.press("tab")
    await type_text(pilot, how_long)


async def history_has(pilot, text: str) -> bool:
    await pilot.press("f2")
    await settle(pilot)
    table = pilot.app.screen.query_one("#history-table")
    return any(
        text in str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)
    )


@aio
async def test_log_ai_session_through_the_form(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert app.focused.id == "ai-tool"
        await type_text(pilot, "Claude")
        await pilot.press("tab")
        await type_text(pilot, "45m")
        await pilot.press("tab", "tab", "l")  # When left empty; l: learn
        assert app.focused.id == "ai-purpose"  # choosing does not jump: tab moves on
        await pilot.press("tab")
        await type_text(pilot, "regex")
        await pilot.press("tab", "space", "shift+tab")  # instead of a person
        await pilot.press("enter")
        await settle(pilot)
        [entry] = rows(db_path, types=["ai_session"])
        assert (
            entry.tool,
            entry.minutes,
            entry.purpose.value,
            entry.instead_of_person,
            entry.skill,
        ) == ("Claude", 45, "learn", True, "regex")
        assert "Logged 45m of Claude" in str(app.screen.query_one("#form-msg").render())
        assert await history_has(pilot, "Claude · learn")


@aio
async def test_ctrl_s_logs_the_form_from_the_purpose_choice(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await ai_tool_and_time(pilot, "ChatGPT", "20")
        await pilot.press("tab", "tab", "2")  # the second purpose: augment
        assert app.focused.id == "ai-purpose"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [entry] = rows(db_path, types=["ai_session"])
        assert (entry.tool, entry.minutes, entry.purpose.value) == ("ChatGPT", 20, "augment")


@aio
async def test_bad_input_is_shown_inline_and_nothing_is_written(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await ai_tool_and_time(pilot, "Claude", "lots")
        await pilot.press("enter")
        await settle(pilot)
        message = str(app.screen.query_one("#form-msg").render())
        assert "duration 'lots' is not understood" in message
        assert rows(db_path) == []


@aio
async def test_log_people_energy_and_checkin(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await type_text(pilot, "Sam, Priya")
        await pilot.press("tab")
        await type_text(pilot, "30")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape", "e", "4")
        await settle(pilot)
        await pilot.press("escape", "k", "4", "tab", "2", "tab", "3", "enter")
        await settle(pilot)
        [met] = rows(db_path, types=["interaction"])
        assert met.people == ("Sam", "Priya") and met.minutes == 30
        [energy] = rows(db_path, types=["energy"])
        assert energy.level == 4
        [checkin] = rows(db_path, types=["checkin"])
        assert (checkin.trust_ai, checkin.trust_team, checkin.connection) == (4, 2, 3)
        assert "✓" in str(app.screen.query_one("#today-status").render())
        assert await history_has(pilot, "Sam, Priya")
        assert await history_has(pilot, "energy 4/5")
        assert await history_has(pilot, "trust AI 4 · team 2 · connection 3")


@aio
async def test_roster_and_tools_complete(demo_db):
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await type_text(pilot, "Sam, pri")
        await pilot.pause(0.2)
        await pilot.press("tab")
        assert app.focused.value == "Sam, Priya"
        await pilot.press("escape", "a")
        await type_text(pilot, "cl")
        await pilot.pause(0.2)
        await pilot.press("tab")
        assert app.screen.query_one("#ai-tool").value == "Claude"


@aio
async def test_every_screen_by_f_keys_and_digits(demo_db):
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        names = ["today", "history", "dashboard", "insights", "people"]
        for n, name in enumerate(names, 1):
            await pilot.press(f"f{n}")
            await settle(pilot)
            assert app.current_mode == name
        for n, name in reversed(list(enumerate(names, 1))):
            await pilot.press(str(n))
            await settle(pilot)
            assert app.current_mode == name
        # A digit typed into a text field stays there.
        await pilot.press("a")
        await pilot.press("tab", "3")
        assert app.current_mode == "today"
        assert app.screen.query_one("#ai-minutes").value == "3"
        # F-keys work from inside a text field too.
        await pilot.press("f3")
        assert app.current_mode == "dashboard"
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.current_mode == "dashboard" and type(app.screen).__name__ != "HelpScreen"


@aio
async def test_delete_with_confirmation_then_undo(demo_db):
    app = make_app(demo_db, welcome=False)
    before = len(rows(demo_db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        first = app.screen.selected()
        await pilot.press("d")
        assert type(app.screen).__name__ == "Confirm"
        await pilot.press("y")
        await settle(pilot)
        assert len(rows(demo_db)) == before - 1
        assert first.id not in {e.id for e in rows(demo_db)}
        await pilot.press("u")
        await settle(pilot)
        assert len(rows(demo_db)) == before
        assert first.id in app.screen.loaded  # back in the table


@aio
async def test_edit_an_entry_in_the_dialog(demo_db):
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("y")  # type filter: AI sessions
        await settle(pilot)
        entry = app.screen.selected()
        assert entry.TYPE == "ai_session"
        await pilot.press("enter")
        assert type(app.screen).__name__ == "EditScreen"
        app.screen.query_one("#f-minutes").value = "1h30"
        app.screen.query_one("#f-note").value = "pairing on the parser"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [edited] = [e for e in rows(demo_db, types=["ai_session"]) if e.id == entry.id]
        assert edited.minutes == 90 and edited.note == "pairing on the parser"


@aio
async def test_history_filters(demo_db):
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "@Sam from:2026-11-01")
        await pilot.press("enter")
        await settle(pilot)
        shown = list(app.screen.loaded.values())
        assert shown and all("Sam" in e.people for e in shown)
        assert all(e.day.isoformat() >= "2026-11-01" for e in shown)
        assert app.screen.total == len(rows(demo_db, person="Sam", since=shown[-1].at))


@aio
async def test_accept_an_insight_action_and_mark_it_done(demo_db):
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        assert app.screen.by_option, "the drifting persona gives insights with actions"
        kind, insight, action = app.screen._current()
        assert kind == "action"
        await pilot.press("enter")
        await settle(pilot)
        with JournalStore.open(demo_db) as store:
            [intention] = store.intentions(open_only=True)
        assert intention.action_id == action.id
        listing = app.screen.query_one("#insights-list")
        listing.highlighted = listing.get_option_index(f"intention:{intention.id}")
        await pilot.press("x")
        await settle(pilot)
        with JournalStore.open(demo_db) as store:
            assert store.intentions(open_only=True) == []


@aio
async def test_welcome_opens_the_demo_journal(db_path):
    from journal.paths import demo_db

    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "WelcomeScreen"
        await pilot.press("d")
        await settle(pilot)
        assert app.is_demo and app.db_path == demo_db()
        top = str(app.screen.query_one("#top-bar").render())
        assert "demo journal" in top.splitlines()[0] and "F5 People" in top.splitlines()[1]
        assert rows(demo_db())
        assert rows(db_path) == []  # the user's own journal is untouched
        assert "nothing logged" not in " ".join(app.screen.query_one("#timeline").cells(0))


@aio
async def test_welcome_start_empty(db_path):
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert app.current_mode == "today" and not app.is_demo
        assert type(app.screen).__name__ == "TodayScreen"


@aio
async def test_command_palette_logs_energy(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f3", "ctrl+p")
        await type_text(pilot, "Log energy")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "today"
        await pilot.press("5")
        await settle(pilot)
        [energy] = rows(db_path, types=["energy"])
        assert energy.level == 5


@aio
async def test_timer_starts_ticks_and_stops(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Copilot")
        await pilot.press("ctrl+t")
        await settle(pilot)
        with JournalStore.open(db_path) as store:
            assert service.timer(store)["tool"] == "Copilot"
        assert app.screen.query_one("#timer").display
        await pilot.press("t")
        await settle(pilot)
        [entry] = rows(db_path, types=["ai_session"])
        assert entry.tool == "Copilot"


@pytest.mark.slow  # builds a 100,000-entry journal: CI runs it after the README's command
@aio
async def test_a_100k_journal_renders_and_pages(big_db):
    app = make_app(big_db, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#timeline").row_count > 0
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#history-table")
        assert screen.total > 95_000
        assert table.row_count == 200  # a page, never the whole journal
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        await settle(pilot)
        assert 200 < table.row_count <= 400
        for key in ("f3", "f4", "f5"):
            await pilot.press(key)
            await settle(pilot)
        assert "Last 8 weeks" in str(
            app.screen_stack and app._screen_stacks["dashboard"][0].query_one("#dash-head").render()
        )


HEADLESS_RUN = r"""
import sys
from journal.tui.app import make_app
from journal.tui.screens.today import TodayScreen

shown = []
loaded = TodayScreen.on_today_screen_loaded

def on_loaded(self, message):
    loaded(self, message)
    shown.append(str(self.query_one("#today-status").render()))
    self.app.call_after_refresh(self.app.exit)

TodayScreen.on_today_screen_loaded = on_loaded
make_app(sys.argv[1], welcome=False).run(headless=True)
print(shown[0])
"""


def test_started_without_a_terminal_size_it_settles_and_shows_today(db_path):
    # With no terminal and no COLUMNS/LINES, Textual's headless driver takes 80x24 (shutil's
    # fallback) and its console 80x25 (rich's): the app once answered each of the two resizes
    # with the other, for ever, and never showed the day.
    import os
    import subprocess
    import sys

    with JournalStore.open(db_path) as store:
        service.log_energy(store, level=4, at=now())
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.run(
        [sys.executable, "-c", HEADLESS_RUN, db_path],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "energy 4.0" in proc.stdout


@aio
async def test_a_long_demo_notice_keeps_the_tabs_in_a_narrow_terminal(db_path):
    from journal.tui.text import DEMO_SUBTITLE

    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(64, 20)) as pilot:
        await settle(pilot)
        top = app.screen.query_one("#top-bar")
        assert top.render_line(0).text.strip() == "◐ aijournal"  # centred, nothing cut
        app.sub_title = DEMO_SUBTITLE
        await settle(pilot)
        title, tabs = top.render_line(0).text, top.render_line(1).text
        assert "aijournal" in title and title.rstrip().endswith("…")
        assert tabs.lstrip().startswith("F1 Today")


@aio
async def test_a_row_changed_outside_aijournal_is_said_and_the_app_goes_on(db_path):
    """Today reads its day before its first frame; a damaged row there is the one line the CLI
    says too (tests/reliability/test_foreign_files.py), and every tab still opens."""
    with JournalStore.open(db_path) as store:
        service.log_energy(store, level=3, at=now())
    db = sqlite3.connect(db_path)
    with db:
        db.execute("UPDATE energy SET tags = 'not json'")
    db.close()
    app = make_app(db_path, welcome=False)
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (said.append(message), notify(message, **kw))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(said) == 1, said  # once, though the day and the first look both failed
        assert "damaged energy row" in said[0] and "not a JSON list" in said[0]
        for key in ("f2", "f3", "f4", "f5", "f1"):
            await pilot.press(key)
            await settle(pilot)
        assert app.is_running and app.current_mode == "today"
