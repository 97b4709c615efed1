"""The report view (r on History): `aijournal report`'s figures for History's period, grouping
and period changed in the view; the help lists every key; the Today forms fit 80 columns."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re

import pytest
from textual.binding import Binding
from textual.widgets import DataTable

from journal import present, service
from journal import report as rp
from journal.clock import localize
from journal.store import JournalStore
from journal.tui.app import make_app
from journal.tui.widgets.controls import Press
from tests.tui.test_app import aio, settle

NOV = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))  # the pinned now is 2026-11-26
OCT = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))


def at(month: int, day: int, hour: int = 10) -> dt.datetime:
    return localize(dt.datetime(2026, month, day, hour))


@pytest.fixture
def seeded(db_path) -> str:
    """A few AI sessions and meetings in November and October (the demo is too big to check by
    hand)."""
    with JournalStore.open(db_path) as store:
        for tool, minutes, day, purpose, skill in (
            ("Claude", 45, 3, "learn", "regex"),
            ("claude", 30, 10, "augment", None),
            ("Copilot", 90, 12, "augment", "tests"),
            ("ChatGPT", 20, 20, "learn", "regex"),
        ):
            service.log_ai(
                store, tool=tool, minutes=minutes, at=at(11, day), purpose=purpose, skill=skill
            )
        service.log_ai(store, tool="Gemini", minutes=60, at=at(10, 14), purpose="learn")
        service.log_interaction(store, people=["Sam", "Priya"], minutes=30, at=at(11, 4))
        service.log_interaction(store, people=["Sam"], minutes=50, at=at(10, 8), kind="mentoring")
    return db_path


def computed(db: str, period: tuple[dt.date, dt.date], by: tuple[str, ...]) -> rp.Report:
    with JournalStore.open(db) as store:
        return service.report(store, since=period[0], until=period[1], by=by)


def table_rows(app) -> list[list[str]]:  # noqa: ANN001
    table = app.screen.query_one("#report-table", DataTable)
    return [[str(cell).strip() for cell in table.get_row_at(n)] for n in range(table.row_count)]


def head(app) -> str:  # noqa: ANN001
    return str(app.screen.query_one("#report-head").render())


def expected_rows(result: rp.Report) -> list[list[str]]:
    rows = []
    for group in result.total.groups:
        rows.append([rp.label(result.by[0], group.key), *rp.cells(group)])
        for sub in group.groups:
            rows.append([rp.label(result.by[1], sub.key), *rp.cells(sub)])
    rows.append(["total", *rp.cells(result.total)])
    return rows


async def open_report(pilot, search: str = "") -> None:  # noqa: ANN001
    await pilot.press("f2")
    await settle(pilot)
    if search:
        await pilot.press("slash")
        pilot.app.screen.query_one("#history-search").value = search  # typing is tested elsewhere
        await pilot.press("enter")
        await settle(pilot)
    await pilot.press("r")
    await settle(pilot)


@aio
async def test_report_from_history_shows_what_journal_report_computes(seeded):
    app = make_app(seeded, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_report(pilot)
        from journal.tui.screens.report import ReportScreen

        assert isinstance(app.screen, ReportScreen)
        nov = computed(seeded, NOV, ("tool",))
        assert head(app) == "2026-11-01 to 2026-11-30 (30 days), by tool"
        assert table_rows(app) == expected_rows(nov)
        # Claude and claude are one tool; people time sits beside AI time in the total
        assert table_rows(app)[0] == ["Copilot", "1h 30m", "1", "–", "0"]
        assert table_rows(app)[1][:3] == ["Claude", present.minutes(75), "2"]
        assert table_rows(app)[-1] == ["total", "3h 05m", "4", "30m", "1"]
        total = str(app.screen.query_one("#report-total").render())
        assert total == "AI 3h 05m in 4 sessions  ·  people 30m in 1 interaction"

        await pilot.press("g")  # tool -> purpose
        await settle(pilot)
        assert head(app).endswith("by purpose")
        assert table_rows(app) == expected_rows(computed(seeded, NOV, ("purpose",)))

        await pilot.press("G")  # a second level: the first field not taken, tool
        await settle(pilot)
        by = ("purpose", "tool")
        assert head(app).endswith("by purpose and tool")
        assert table_rows(app) == expected_rows(computed(seeded, NOV, by))

        await pilot.press("left_square_bracket")  # October
        await settle(pilot)
        assert head(app).startswith("2026-10-01 to 2026-10-31 (31 days)")
        assert table_rows(app) == expected_rows(computed(seeded, OCT, by))
        assert ["learn", "1h", "1", "–", "0"] in table_rows(app)

        await pilot.press("right_square_bracket", "right_square_bracket")  # December: empty
        await settle(pilot)
        assert head(app).startswith("2026-12-01 to 2026-12-31")
        assert table_rows(app) == [["total", "–", "0", "–", "0"]]
        assert rp.EMPTY in str(app.screen.query_one("#report-note").render())

        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ReportScreen)
        assert app.current_mode == "history"


@aio
async def test_report_takes_historys_period_and_people_count_in_each_group(seeded):
    app = make_app(seeded, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_report(pilot, "from:2026-10-01 to:2026-11-05 @Sam")
        period = (dt.date(2026, 10, 1), dt.date(2026, 11, 5))
        assert head(app) == "2026-10-01 to 2026-11-05 (36 days), by tool"
        for _ in range(3):  # tool -> purpose -> skill -> person
            await pilot.press("g")
            await settle(pilot)
        result = computed(seeded, period, ("person",))
        assert table_rows(app) == expected_rows(result)
        assert ["Sam", "–", "0", "1h 20m", "2"] in table_rows(app)
        note = str(app.screen.query_one("#report-note").render())
        assert rp.SHARED_NOTE in note
        assert "search words and type are not applied" in note  # @Sam narrows History only
        await pilot.press("right_square_bracket")  # the next 36 days
        await settle(pilot)
        assert head(app).startswith("2026-11-06 to 2026-12-11 (36 days)")


def test_shifted_moves_months_by_months_and_other_periods_by_days():
    assert rp.shifted(*NOV, 1) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert rp.shifted(*NOV, -2) == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert rp.shifted(*year, -1) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    week = (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert rp.shifted(*week, 1) == (dt.date(2026, 11, 30), dt.date(2026, 12, 6))


# --- the help lists every key --------------------------------------------------------------------

# Which help section lists the keys of each screen and widget that binds any. A new screen with
# keys fails the test below until it is named here and its keys are in the help.
SECTIONS = {
    "JournalApp": "Everywhere",
    "JournalScreen": "Everywhere",
    "TodayScreen": "Today",
    "QuickLog": "Today",
    "Scale": "Today",
    "Choice": "Today",
    "Tick": "Today",
    "Press": "Today",
    "CompletingInput": "Today",
    "HistoryScreen": "History",
    "ReportScreen": "Report",
    "DashboardScreen": "Dashboard",
    "InsightsScreen": "Insights",
    "PeopleScreen": "People",
    "ClassifyScreen": "Classify (c)",
    "Who5Screen": "WHO-5 (w)",
    "Answer": "WHO-5 (w)",
    "EditScreen": "Dialogs",
    "ProfileScreen": "Dialogs",
    "RelationScreen": "Dialogs",
    "Confirm": "Dialogs",
    "EvidenceScreen": "Dialogs",
    "HelpScreen": "Dialogs",
    "WelcomeScreen": "Dialogs",
    "ExperimentsScreen": "Experiments",
    "ChooseSources": "Dialogs",
}
SHOWN = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}


def keys_with_own_bindings() -> dict[str, set[str]]:
    """Every class of journal.tui that declares BINDINGS, with the keys they bind."""
    import journal.tui.screens
    import journal.tui.widgets

    modules = [importlib.import_module("journal.tui.app")]
    for package in (journal.tui.screens, journal.tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    found: dict[str, set[str]] = {}
    for module in modules:
        for name, cls in inspect.getmembers(module, inspect.isclass):
            own = cls.__dict__.get("BINDINGS")
            if cls.__module__ != module.__name__ or not own:
                continue
            keys = found.setdefault(name, set())
            for binding in own:
                assert isinstance(binding, Binding)
                keys.update(SHOWN.get(k, k) for k in binding.key.split(","))
    return found


def listed(rows: tuple[tuple[str, str], ...]) -> set[str]:
    """The keys a help section names: `d or delete`, `1 … 5`, `[ / ]`, `t, ctrl+t`."""
    out: set[str] = set()
    for keys, _ in rows:
        for part in re.split(r" or |, | / ", keys):
            span = re.fullmatch(r"([Ff]?)(\d) … [Ff]?(\d)", part.strip())
            if span:
                prefix = span[1].lower()
                out.update(f"{prefix}{n}" for n in range(int(span[2]), int(span[3]) + 1))
            else:
                out.add(part.strip().lower() if len(part.strip()) > 1 else part.strip())
    return out


def test_the_help_lists_every_key_of_every_screen():
    from journal.tui.text import HELP_SECTIONS

    sections = {title: listed(rows) for title, rows in HELP_SECTIONS}
    missing = []
    for name, keys in keys_with_own_bindings().items():
        assert name in SECTIONS, f"{name} binds keys: add them to the help and name it in SECTIONS"
        missing += [(name, k) for k in sorted(keys - sections.get(SECTIONS[name], set()))]
    assert not missing, f"keys bound but not in the help: {missing}"


@aio
async def test_the_help_screen_shows_the_new_keys(db_path):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one("#help-keys").content
        cells = [str(c) for column in table.columns for c in column.cells]
        assert "Report" in cells and "G" in cells and "[ / ]" in cells
        assert any("Cancel the timer" in c for c in cells)
        assert any("type the skill" in c for c in cells)


# --- the Today forms at 80 columns ---------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@aio
async def test_every_form_control_is_inside_the_screen(db_path, size):
    app = make_app(db_path, welcome=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key, form in (("a", "form-ai"), ("m", "form-met")):
            await pilot.press(key)
            await settle(pilot)
            controls = list(app.screen.query_one(f"#{form}").query("Press, Tick, Choice"))
            assert any(isinstance(c, Press) for c in controls)
            screen = app.screen.region
            for control in controls:
                region = control.region
                whole = control.get_content_width(screen.size, screen.size)
                assert region.width >= whole, control.id
                assert screen.contains_region(region), (control.id, region, screen)
            await pilot.press("escape")
