"""The quick log tells its screen what it did through messages (QuickLog.Logged,
TimerStarted, TimerStopped), and Today shows the result."""

from __future__ import annotations

from journal.tui.app import make_app
from journal.tui.widgets.quicklog import QuickLog
from tests.tui.test_app import ai_tool_and_time, aio, settle, type_text


def once(posted: list[object]):
    """The message hook sees a message again at each node it bubbles to: keep it once."""

    def hook(message) -> None:
        if isinstance(
            message, (QuickLog.Logged, QuickLog.TimerStarted, QuickLog.TimerStopped)
        ) and not any(m is message for m in posted):
            posted.append(message)

    return hook


def timeline(app) -> list[str]:
    table = app.screen.query_one("#timeline")
    return [" | ".join(table.cells(row)) for row in range(table.row_count)]


@aio
async def test_logging_through_the_form_posts_logged_and_today_shows_it(db_path):
    posted: list[object] = []
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 30), message_hook=once(posted)) as pilot:
        await settle(pilot)
        await ai_tool_and_time(pilot, "Claude", "45m")
        await pilot.press("tab", "tab", "l", "ctrl+s")  # purpose: learn
        await settle(pilot)
        [logged] = [m for m in posted if isinstance(m, QuickLog.Logged)]
        assert (logged.kind, logged.row["tool"], logged.row["minutes"]) == ("ai", "Claude", 45)
        assert any("Claude" in row and "45" in row for row in timeline(app))
        assert "AI 45m (1)" in str(app.screen.query_one("#today-status").render())

        await pilot.press("escape", "k", "4", "tab", "2", "tab", "3", "enter")  # Enter saves
        await settle(pilot)
        assert [m.kind for m in posted if isinstance(m, QuickLog.Logged)] == ["ai", "checkin"]
        assert "✓" in str(app.screen.query_one("#form-pills").render())

        await pilot.press("a")
        await type_text(pilot, "Copilot")
        await pilot.press("ctrl+t")
        await settle(pilot)
        [started] = [m for m in posted if isinstance(m, QuickLog.TimerStarted)]
        assert started.state["tool"] == "Copilot"
        assert app.screen.query_one("#timer").display
        await pilot.press("t")
        await settle(pilot)
        [stopped] = [m for m in posted if isinstance(m, QuickLog.TimerStopped)]
        assert stopped.tool == "Copilot"
        assert not app.screen.query_one("#timer").display
        assert any("Copilot" in row for row in timeline(app))
