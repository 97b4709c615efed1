"""The profile dialog (role, workdays, target, a pause), muting from Insights, and coverage."""

from __future__ import annotations

import datetime as dt

from journal import insights
from journal import models as m
from journal.reflect.engine import Action, Coverage, Evidence, Insight
from journal.store import JournalStore
from journal.tui.app import make_app

from .test_app import aio, settle, type_text


def _saved(db_path: str) -> tuple[m.Profile, list[m.Pause]]:
    with JournalStore.open(db_path) as store:
        return store.profile(), store.pauses()


async def _open_profile(pilot) -> None:
    await pilot.press("f4")
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert type(pilot.app.screen).__name__ == "ProfileScreen"


async def _fill(pilot, field: str, text: str) -> None:
    widget = pilot.app.screen.query_one(f"#p-{field}")
    widget.focus()
    widget.value = ""
    await pilot.pause()
    await type_text(pilot, text)


@aio
async def test_p_on_insights_sets_role_and_workdays(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_profile(pilot)
        assert app.screen.query_one("#p-workdays").value == "mon-fri"
        app.screen.query_one("#p-role").value = "freelancer"
        await _fill(pilot, "workdays", "sun-thu")
        await _fill(pilot, "target", "60")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "InsightsScreen"
        assert any("ctrl+z" in n.message for n in app._notifications)
    profile, pauses = _saved(db_path)
    assert (profile.role, profile.workdays, profile.augmentation_target) == (
        m.Role.FREELANCER,
        (0, 1, 2, 3, 6),
        60,
    )
    assert pauses == []


@aio
async def test_a_pause_is_declared_and_a_bad_one_saves_nothing(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_profile(pilot)
        await _fill(pilot, "workdays", "mon-thu")
        await _fill(pilot, "from", "2026-12-22")
        await _fill(pilot, "to", "2026-12-20")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProfileScreen"  # still open, saying why
        assert "TO must be on or after FROM" in str(app.screen.query_one("#profile-msg").render())
        assert _saved(db_path) == (m.Profile(), [])  # not even the workdays
        await _fill(pilot, "to", "2027-01-02")
        await _fill(pilot, "reason", "holiday")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "InsightsScreen"
        profile, [pause] = _saved(db_path)
        assert profile.workdays == (0, 1, 2, 3)
        assert (pause.from_day, pause.to_day, pause.reason) == (
            dt.date(2026, 12, 22),
            dt.date(2027, 1, 2),
            "holiday",
        )
        await pilot.press("ctrl+z")  # one undo step for the whole dialog
        await settle(pilot)
    assert _saved(db_path) == (m.Profile(), [])


@aio
async def test_the_command_palette_opens_the_profile(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "Profile and pauses")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProfileScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ != "ProfileScreen"


@aio
async def test_m_mutes_the_highlighted_insight_and_ctrl_z_brings_it_back(demo_db):
    app = make_app(demo_db, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        _, insight, _ = app.screen._current()
        shown = [i.id for i in app.screen.data.insights]
        assert insight.id in shown
        await pilot.press("m")
        await settle(pilot)
        assert insight.id not in [i.id for i in app.screen.data.insights]
        messages = [n.message for n in app._notifications]
        assert any("Muted" in t and "until Wed 09 Dec" in t and "ctrl+z" in t for t in messages)
        with JournalStore.open(demo_db) as store:
            [mute] = store.mutes()
        assert (mute.insight_id, mute.until) == (insight.id, dt.date(2026, 12, 9))
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [i.id for i in app.screen.data.insights] == shown


def _fake(records, as_of):
    return [
        Insight(
            "people-fading",
            "watch",
            "Time with people is fading",
            "Fewer people this week.",
            (Evidence(as_of, ("ab" * 16,)),),
            {},
            (Action("people-fading/call", "Call someone"),),
            Coverage(window_days=7, logged_days=5, paused_days=2),
        ),
        Insight(
            "good-energy",
            "good",
            "Your energy is up",
            "Up after the break.",
            (),
            {},
            (),
            Coverage(window_days=14, logged_days=14, paused_days=0),
        ),
    ]


@aio
async def test_coverage_is_shown_on_each_insight(db_path, monkeypatch):
    monkeypatch.setattr(insights, "run", _fake)
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        listing = app.screen.query_one("#insights-list")
        heads = [str(listing.get_option(f"insight:{n}").prompt) for n in range(2)]
        assert "5 of 7 days logged · 2 paused" in heads[0]
        assert "14 of 14 days logged" in heads[1] and "paused" not in heads[1]
        detail = str(app.screen.query_one("#insight-text").render())
        assert "5 of 7 days logged · 2 paused" in detail
        # An insight without actions can be highlighted and muted too.
        listing.highlighted = listing.get_option_index("insight:1")
        await pilot.pause()
        assert "Your energy is up" in str(app.screen.query_one("#insight-text").render())
        await pilot.press("m")
        await settle(pilot)
    with JournalStore.open(db_path) as store:
        assert [x.insight_id for x in store.mutes()] == ["good-energy"]
