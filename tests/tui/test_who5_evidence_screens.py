"""The WHO-5 form (from Today and the palette) and the Insights `v` evidence list, by pilot."""

from __future__ import annotations

import datetime as dt

from journal import models as m
from journal.tui.app import make_app
from tests.tui.test_app import aio, rows, settle, type_text


def shown(widget) -> str:
    return " ".join(str(widget.render()).split())


@aio
async def test_who5_form_from_today_digits_set_only_the_focused_statement(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert type(app.screen).__name__ == "Who5Screen"
        text = " ".join(shown(w) for w in app.screen.query("Static, Answer"))
        for statement in m.WHO5_ITEMS:
            assert statement in text
        for label in m.WHO5_SCALE:
            assert label.lower() in text
        # "4, tab, 3": the 4 answers statement 1, the 3 statement 2, nothing skipped
        await pilot.press("4", "tab", "3")
        assert [a.value for a in app.screen.query("Answer")] == [4, 3, None, None, None]
        await pilot.press("enter")  # not all answered: nothing saved, the first open one focused
        await settle(pilot)
        assert "still open: 3, 4, 5" in shown(app.screen.query_one("#who5-error"))
        assert app.focused.id == "who5-3"
        assert rows(db_path) == []
        await pilot.press("2", "down", "5", "down", "1")
        await pilot.press("enter")
        await settle(pilot)
        result = shown(app.screen.query_one("#who5-result"))
        assert "15/25 = 60%" in result and "no sign of low wellbeing" in result
        assert "not a diagnosis" in result and m.WHO5_CITATION in result
        [entry] = rows(db_path, types=["who5"])
        assert list(entry.items) == [4, 3, 2, 5, 1]
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"


@aio
async def test_who5_form_from_the_command_palette(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3", "ctrl+p")
        await type_text(pilot, "WHO-5")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "Who5Screen"
        await pilot.press("escape")
        await settle(pilot)
        assert rows(db_path) == []


@aio
async def test_v_on_an_insight_lists_exactly_its_evidence_entries(demo_db):
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        _, insight, _ = app.screen._current()
        ids = [i for e in insight.evidence for i in e.entry_ids]
        await pilot.press("v")
        await settle(pilot)
        assert type(app.screen).__name__ == "EvidenceScreen"
        listing = app.screen.query_one("#evidence-list")
        listed = [listing.get_option_at_index(n).id for n in range(listing.option_count)]
        assert sorted(listed) == sorted(f"entry:{i}" for i in ids)
        days = sorted(e.day for e in insight.evidence)
        since = dt.datetime.combine(days[0], dt.time()).astimezone()
        until = dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time()).astimezone()
        assert len(listed) < len(rows(demo_db, since=since, until=until))  # not the date range
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "InsightsScreen"
