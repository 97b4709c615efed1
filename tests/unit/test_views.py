"""The reads both faces ask the service for (counts, check-in, completion lists) and the loaders
the TUI's views call (journal.views): what they hand back for a known journal."""

from __future__ import annotations

import datetime as dt

from journal import dashboard, service, views

CET = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 26, 15, 0, tzinfo=CET)  # the pinned now, a Thursday


def at(days_ago: int, hour: int = 10) -> dt.datetime:
    return (NOW - dt.timedelta(days=days_ago)).replace(hour=hour)


def fill(store) -> None:
    service.log_ai(store, tool="Claude", minutes=30, at=at(0), purpose="augment", tags=["work"])
    service.log_ai(store, tool="Claude", minutes=20, at=at(1), purpose="learn")
    service.log_ai(store, tool="ChatGPT", minutes=15, at=at(40))  # unclassified
    service.log_interaction(store, people=["Sam"], minutes=25, at=at(2), quality=4)
    service.log_interaction(
        store,
        people=["Sam", "Priya"],
        minutes=40,
        at=at(70),
        quality=2,
        note="planning with Claude",
    )
    service.log_energy(store, level=4, at=at(0, 9))
    service.checkin(store, day=NOW.date(), trust_ai=4, trust_team=3, connection=5)
    service.log_interaction(store, people=["Zoe"], minutes=5, at=at(1))
    service.delete_entry(store, service.entries(store, person="Zoe")[0].id)


# --- counts and timelines ----------------------------------------------------------------------


def test_count_entries_counts_what_entries_finds_without_a_limit(store):
    fill(store)
    since = NOW - dt.timedelta(days=3)
    filters = [
        {},
        {"since": since},
        {"until": since},
        {"since": since, "until": at(1, 12)},
        {"types": ["ai_session"]},
        {"types": ["interaction", "energy"]},
        {"person": "sam"},
        {"tag": "work"},
        {"text": "claude"},
        {"person": "Zoe"},
    ]
    counts = [service.count_entries(store, **f) for f in filters]
    assert counts == [len(service.entries(store, **f)) for f in filters]
    assert counts == [7, 5, 2, 2, 3, 3, 2, 1, 3, 0]
    # a page of entries does not change the count
    assert len(service.entries(store, limit=2, newest_first=True)) == 2


def test_count_entries_on_an_empty_journal_is_zero(store):
    assert service.count_entries(store) == 0
    assert service.count_entries(store, since=NOW, text="anything") == 0


def test_the_days_checkin_and_the_unclassified_count(store):
    assert service.checkin_on(store, NOW.date()) is None
    assert service.unclassified_count(store) == 0
    fill(store)
    found = service.checkin_on(store, NOW.date())
    assert found is not None and (found.trust_ai, found.trust_team, found.connection) == (4, 3, 5)
    assert service.checkin_on(store, NOW.date() - dt.timedelta(days=1)) is None
    assert service.unclassified_count(store) == 1


def test_completion_lists_name_tools_by_use_and_people_by_name(store):
    assert (service.tools(store), service.person_names(store)) == ([], [])
    fill(store)
    assert service.tools(store) == ["Claude", "ChatGPT"]
    assert service.person_names(store) == ["Priya", "Sam", "Zoe"]


# --- the views' loaders ------------------------------------------------------------------------


def test_the_dashboard_loader_reads_the_window_and_the_year(store):
    fill(store)
    board = views.board(store, as_of=NOW.date(), weeks=4, heat_metric="energy")
    assert isinstance(board, dashboard.Dashboard)
    assert board.as_of == NOW.date() and board.heat_metric == "energy"
    assert len(board.weeks) == 4
    this_week = board.weeks[-1]
    assert this_week.start == dt.date(2026, 11, 23)
    assert this_week.ai == {"augment": 30, "learn": 20}
    assert (this_week.people_minutes, this_week.interactions) == (25, 1)
    assert this_week.energy == 4 and this_week.connection == 5
    assert board.share == 1  # only learn and augment minutes are classified in the window
    assert board.heat == {NOW.date(): 4}
    assert board.streak == 3  # today, yesterday and the day before
    connection = views.board(store, as_of=NOW.date(), weeks=4, heat_metric="connection")
    assert connection.heat == {NOW.date(): 5.0}


def test_the_dashboard_loader_on_an_empty_journal(store):
    board = views.board(store, as_of=NOW.date(), weeks=12, heat_metric="energy")
    assert board.empty and board.share is None and board.streak == 0


def test_month_keys_run_back_across_a_year():
    assert views.month_keys(dt.date(2026, 2, 10), 4) == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_the_people_loader_orders_by_last_contact_and_counts_recent_months(store):
    fill(store)
    rows = views.people(store, NOW.date())
    assert [r.name for r in rows] == ["Sam", "Priya", "Zoe"]
    sam, priya, zoe = rows
    assert (sam.relation, sam.last_day, sam.count, sam.minutes) == (
        "other",
        dt.date(2026, 11, 24),
        2,
        65,
    )
    assert sam.mean_quality == 3.0
    # contacts a month over the last three months (September to November): two
    assert sam.per_month == 2 / views.RATE_MONTHS
    # quality by month over six months, oldest first: September (2) and November (4)
    assert sam.trend == [None, None, None, 2.0, None, 4.0]
    assert (priya.last_day, priya.count, priya.per_month) == (dt.date(2026, 9, 17), 1, 1 / 3)
    assert priya.trend == [None, None, None, 2.0, None, None]
    assert (zoe.last_day, zoe.count, zoe.minutes, zoe.mean_quality) == (None, 0, 0, None)
    assert zoe.trend == [None] * views.MONTHS


def test_the_people_loader_on_an_empty_journal(store):
    assert views.people(store, NOW.date()) == []
