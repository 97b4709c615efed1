"""Keys that never surprise (letters and digits inside fields, after logging, on scales), the
notices of keys that change things, and the When/Day fields of the quick forms."""

from __future__ import annotations

import pytest

from journal import service
from journal.clock import now
from journal.store import JournalStore
from journal.tui.app import make_app
from tests.tui.test_app import ai_tool_and_time, aio, rows, settle, type_text

# Real words that hold every one-key command: a m e k t u c, and the digits 1-5.
WORDS = ("make tuck 12345",)
TEXT_FIELDS = {
    "ai": ["#ai-tool", "#ai-minutes", "#ai-when", "#ai-skill"],
    "met": ["#met-people", "#met-minutes", "#met-when"],
    "energy": ["#energy-when"],
    "checkin": ["#ci-day"],
}
SELECTS = {"ai": ["#ai-purpose"], "met": ["#met-kind", "#met-channel"]}
FORM_KEYS = {"ai": "a", "met": "m", "energy": "e", "checkin": "k"}
ONE_KEY_COMMANDS = set("amektuc") | {"question_mark", "1", "2", "3", "4", "5"}


def heard(app) -> list[str]:
    """Every notification the app shows, kept in a list."""
    said: list[str] = []
    notify = app.notify

    def keep(message, **kwargs) -> None:
        said.append(message)
        notify(message, **kwargs)

    app.notify = keep
    return said


def timer_state(db_path):
    with JournalStore.open(db_path) as store:
        return service.timer(store)


def offered(app) -> set[str]:
    """The keys the footer offers now."""
    return set(app.screen.active_bindings)


@pytest.mark.parametrize(
    "only",
    [
        pytest.param(form, marks=pytest.mark.slow) if len(fields) > 1 else form
        for form, fields in TEXT_FIELDS.items()
    ],  # the two long forms are soaks: .ci/run runs them after the README command
)
@aio
async def test_real_words_typed_into_every_field_do_nothing_else(db_path, only):
    app = make_app(db_path, welcome=False)
    said = heard(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for form, fields in TEXT_FIELDS.items():
            if form != only:
                continue
            await pilot.press("escape", FORM_KEYS[form])
            for wid in fields:
                field = app.screen.query_one(wid)
                for words in WORDS:
                    field.value = ""
                    field.focus()
                    await pilot.pause()
                    assert not offered(app) & ONE_KEY_COMMANDS, (wid, offered(app))
                    await type_text(pilot, words)
                    await settle(pilot)
                    assert field.value == words, wid
                    assert app.focused is field, wid
                field.value = ""
            for wid in SELECTS.get(form, []):
                app.screen.query_one(wid).focus()
                await pilot.pause()
                assert not offered(app) & ONE_KEY_COMMANDS, (wid, offered(app))
                for words in WORDS:
                    await pilot.press(*words.replace(" ", ""), "3")
                    await settle(pilot)
                await pilot.press("escape")
            assert app.current_mode == "today"
            assert app.screen.quick.form == form
        assert rows(db_path) == []  # no energy, no undo, nothing logged
        assert timer_state(db_path) is None
        assert said == []


@aio
async def test_after_logging_the_form_clears_focus_is_on_its_first_field_and_a_is_typed(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await ai_tool_and_time(pilot, "Claude", "20m")
        await pilot.press("tab", "tab", "l", "ctrl+s")
        await settle(pilot)
        assert len(rows(db_path)) == 1
        screen = app.screen
        assert app.focused.id == "ai-tool"
        assert [screen.query_one(w).value for w in TEXT_FIELDS["ai"]] == ["", "", "", ""]
        assert "a" not in offered(app) and "t" not in offered(app)
        await type_text(pilot, "aCopilot")
        assert screen.query_one("#ai-tool").value == "aCopilot"
        await pilot.press("escape")  # out of the field: the one-key commands are back
        assert {"a", "m", "e", "k", "t"} <= offered(app)


@aio
async def test_checkin_digits_set_the_focused_scale_only(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("k", "4", "tab", "3")
        await settle(pilot)
        scale = app.screen.query_one
        assert (scale("#ci-ai").value, scale("#ci-team").value) == (4, 3)
        assert scale("#ci-connection").value is None
        assert app.focused.id == "ci-team"
        assert rows(db_path) == []  # saved only when asked
        await pilot.press("tab", "2", "enter")
        await settle(pilot)
        [checkin] = rows(db_path, types=["checkin"])
        assert (checkin.trust_ai, checkin.trust_team, checkin.connection) == (4, 3, 2)


@aio
async def test_after_energy_is_logged_a_digit_switches_tabs_instead(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("e", "4")
        await settle(pilot)
        await pilot.press("3")  # meant for the Dashboard
        await settle(pilot)
        assert app.current_mode == "dashboard"
        assert [e.level for e in rows(db_path, types=["energy"])] == [4]


@aio
async def test_digits_on_a_select_or_tick_box_do_not_log_energy(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        app.screen.query_one("#met-kind").focus()
        await pilot.press("3")
        await settle(pilot)
        assert app.current_mode == "today"  # a Select types ahead: no tab switch
        app.screen.query_one("#met-initiated").focus()
        await pilot.press("3")
        await settle(pilot)
        assert app.current_mode == "dashboard"  # nothing typed there: 3 is the tab
        assert rows(db_path) == []


@aio
async def test_keys_typed_in_one_go_after_a_go_into_the_field_never_run_as_commands(db_path):
    """A fast typist (or a paste without brackets, a text expander) sends "a" and the words after
    it before the app has moved focus: "use" must not undo, "e" must not open energy; the words
    land in the field, in order, and a tab among them moves on first."""
    from textual import events

    with JournalStore.open(db_path) as store:
        service.log_energy(store, level=4, at=now())
    app = make_app(db_path, welcome=False)
    said = heard(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for char in "aClaude uses":
            app.post_message(events.Key(char if char != " " else "space", char))
        await settle(pilot)
        assert app.screen.quick.form == "ai"
        assert app.focused.id == "ai-tool"
        assert app.focused.value == "Claude uses"
        # A text expander's "tool<tab>time": tab moves on before "30m" is handed to Tool.
        app.focused.value = ""
        for key, char in [*((c, c) for c in "Copilot"), ("tab", "\t"), ("3", "3"), ("0", "0")]:
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert app.screen.query_one("#ai-tool").value == "Copilot"
        assert app.screen.query_one("#ai-minutes").value == "30"
    assert [e.level for e in rows(db_path, types=["energy"])] == [4]  # nothing undone
    assert said == []


@aio
async def test_purpose_is_one_key_and_enter_on_the_tick_box_logs(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await ai_tool_and_time(pilot, "Claude", "30m")
        await pilot.press("tab", "tab")
        purpose = app.screen.query_one("#ai-purpose")
        assert app.focused is purpose and purpose.value is None
        hint = app.screen.query_one("#form-msg")
        assert "learn: tutor" in str(hint.render()) and hint.size.height == 1  # one line at 80
        await pilot.press("a")
        assert purpose.value == "augment"
        await pilot.press("a")  # the next one with that letter
        assert purpose.value == "automate"
        await pilot.press("4", "left")
        assert purpose.value == "automate"
        await pilot.press("w", "3")  # neither WHO-5 nor the Dashboard here: 3 is automate
        assert (app.current_mode, type(app.screen).__name__) == ("today", "TodayScreen")
        assert not offered(app) & (ONE_KEY_COMMANDS | {"w"})
        await pilot.press("tab", "tab", "space")  # past Skill, onto the tick box
        assert app.screen.query_one("#ai-instead").value is True
        await pilot.press("enter")
        await settle(pilot)
        [entry] = rows(db_path, types=["ai_session"])
        assert (entry.tool, entry.minutes, entry.purpose.value, entry.instead_of_person) == (
            "Claude",
            30,
            "automate",
            True,
        )
        assert purpose.value is None and app.focused.id == "ai-tool"
        await type_text(pilot, "Copilot")
        await pilot.press("tab")
        await type_text(pilot, "10")
        await pilot.click("#ai-purpose", offset=(2, 0))  # on "learn"
        assert purpose.value == "learn"
        await pilot.click("#ai-log")
        await settle(pilot)
        assert [(e.tool, e.purpose.value) for e in rows(db_path, types=["ai_session"])] == [
            ("Claude", "automate"),
            ("Copilot", "learn"),
        ]


@aio
async def test_undo_and_timer_keys_say_what_they_did_and_the_way_back(db_path):
    app = make_app(db_path, welcome=False)
    said = heard(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("e", "4")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert rows(db_path) == []
        assert said[-1].startswith("Undone: log energy") and "no redo" in said[-1]

        await pilot.press("a")
        await type_text(pilot, "Copilot")
        await pilot.press("tab", "tab", "tab", "l", "tab")
        await type_text(pilot, "pytest fixtures")
        await pilot.press("ctrl+t")
        await settle(pilot)
        state = timer_state(db_path)
        assert (state["tool"], state["purpose"], state["skill"]) == (
            "Copilot",
            "learn",
            "pytest fixtures",
        )
        assert "Timer started for Copilot (learn, pytest fixtures)" in said[-1]
        assert "stop" in said[-1] and "Cancel the timer" in said[-1]
        assert "pytest fixtures" in str(app.screen.query_one("#timer").render())
        await pilot.press("t")
        await settle(pilot)
        [entry] = rows(db_path, types=["ai_session"])
        assert (entry.tool, entry.skill) == ("Copilot", "pytest fixtures")
        assert said[-1].startswith("Timer stopped: logged") and "u" in said[-1]


@aio
async def test_cancel_the_timer_from_the_palette_logs_nothing(db_path):
    app = make_app(db_path, welcome=False)
    said = heard(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Claude")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert timer_state(db_path) is not None
        await pilot.press("ctrl+p")
        await type_text(pilot, "Cancel the timer")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert timer_state(db_path) is None and rows(db_path) == []
        assert "cancelled; nothing logged" in said[-1]
        assert not app.screen.query_one("#timer").display


# --- When --------------------------------------------------------------------------------------


async def fill(pilot, values: dict[str, str]) -> None:
    for wid, value in values.items():
        pilot.app.screen.query_one(wid).value = value


@aio
async def test_when_range_fills_start_and_minutes_for_ai_and_people(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#ai-when").placeholder.startswith("now")
        await pilot.press("a")
        await fill(pilot, {"#ai-tool": "Claude", "#ai-when": "9:00-10:30"})
        app.screen.query_one("#ai-purpose").value = "learn"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [ai] = rows(db_path, types=["ai_session"])
        assert (ai.started_at.isoformat(), ai.minutes) == ("2026-11-26T09:00:00+01:00", 90)

        await pilot.press("escape", "m")
        await fill(pilot, {"#met-people": "Sam", "#met-when": "yesterday 14:00-14:45"})
        app.screen.query_one("#met-people").focus()
        await pilot.press("enter")
        await settle(pilot)
        [met] = rows(db_path, types=["interaction"])
        assert (met.at.isoformat(), met.minutes) == ("2026-11-25T14:00:00+01:00", 45)


@aio
async def test_when_for_energy_and_day_for_the_checkin(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("e", "tab")
        assert app.focused.id == "energy-when"
        await type_text(pilot, "10:15")
        await pilot.press("shift+tab", "2")
        await settle(pilot)
        [energy] = rows(db_path, types=["energy"])
        assert (energy.level, energy.at.isoformat()) == (2, "2026-11-26T10:15:00+01:00")

        await pilot.press("k", "3", "tab", "4", "tab", "5", "tab", "tab")
        assert app.focused.id == "ci-day"
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        await settle(pilot)
        [checkin] = rows(db_path, types=["checkin"])
        assert (checkin.day.isoformat(), checkin.trust_ai, checkin.connection) == (
            "2026-11-25",
            3,
            5,
        )


@aio
async def test_a_bad_or_disagreeing_when_is_said_inline_and_nothing_is_written(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        app.screen.query_one("#ai-purpose").value = "learn"
        for values, said in (
            ({"#ai-minutes": "1h", "#ai-when": "9:00-10:30"}, "spans 90"),
            ({"#ai-minutes": "", "#ai-when": "9:00"}, "How long is missing"),
            ({"#ai-minutes": "30m", "#ai-when": "someday"}, "'someday' is not understood"),
        ):
            await fill(pilot, {"#ai-tool": "Claude", **values})
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert said in str(app.screen.query_one("#form-msg").render())
        assert rows(db_path) == []
