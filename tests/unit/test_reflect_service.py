"""journal.insights over a real store: the loaded window, intentions, and the review."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import insights, service
from journal.clock import localize
from journal.errors import BadInput, NotFound
from journal.reflect import rules

D = dt.date(2026, 11, 26)


def at(offset: int, hour: int = 10) -> dt.datetime:
    return localize(dt.datetime.combine(D + dt.timedelta(days=offset), dt.time(hour)))


def test_empty_journal_gives_nothing(store):
    assert insights.current(store, D) == []
    assert insights.is_young(store, D)


def test_a_trust_run_longer_than_the_window_is_counted_whole(store):
    service.checkin(store, day=D - dt.timedelta(days=90), trust_ai=2, trust_team=4)
    for n in range(80):
        service.checkin(store, day=D - dt.timedelta(days=n), trust_ai=5, trust_team=2)
    found = {i.id: i for i in insights.current(store, D)}
    assert found["trust-streak"].metrics == {"days": 80, "since": "2026-09-08"}
    assert found["trust-streak"].severity == "act"
    assert len(found["trust-streak"].evidence) == 80


def test_an_isolation_run_longer_than_the_window_is_counted_whole(store):
    service.log_interaction(store, people=["Sam"], minutes=30, at=at(-105), quality=4)
    for n in range(100):
        service.log_energy(store, level=3, at=at(-n))
    service.log_interaction(store, people=["Sam"], minutes=30, at=at(-3), quality=2)
    found = {i.id: i for i in insights.current(store, D)}
    iso = found["isolation-streak"]
    workdays = [n for n in range(100) if (D - dt.timedelta(days=n)).weekday() < 5]
    assert rules.LOOKBACK_DAYS < 100
    assert iso.metrics == {"days": len(workdays)} and iso.severity == "act"
    assert iso.evidence[0].day == D - dt.timedelta(days=workdays[-1]) and iso.evidence[0].entry_ids
    assert found["no-mentoring"].metrics == {"days_since": None}


def daily_ai(store, days: int) -> None:
    for n in range(days):
        service.log_ai(store, tool="Claude", minutes=20, at=at(-n), purpose="automate")


@pytest.mark.parametrize("offset", [-85, -100])
def test_the_last_mentoring_day_may_lie_before_the_window(store, offset):
    service.log_interaction(store, people=["Priya"], minutes=30, at=at(offset), kind="mentoring")
    daily_ai(store, 20)
    found = {i.id: i for i in insights.current(store, D)}
    assert found["no-mentoring"].metrics == {"days_since": 14}  # logged days of the window
    assert "Your last mentoring or feedback was on" in found["no-mentoring"].detail


def test_mentoring_just_outside_the_lookback_still_counts(store):
    offset = -rules.LOOKBACK_DAYS
    service.log_interaction(store, people=["Priya"], minutes=30, at=at(offset), kind="mentoring")
    service.log_interaction(store, people=["Sam"], minutes=30, at=at(-10), quality=4)
    daily_ai(store, 20)
    found = {i.id: i for i in insights.current(store, D)}
    assert found["no-mentoring"].metrics == {"days_since": 14}


def test_deleted_entries_do_not_count(store):
    rows = [
        service.log_ai(store, tool="Claude", minutes=20, at=at(-n), purpose="companion")
        for n in range(3)
    ]
    assert "ai-instead-of-people" in {i.id for i in insights.current(store, D)}
    service.delete_entry(store, rows[0]["id"])
    assert "ai-instead-of-people" not in {i.id for i in insights.current(store, D)}


def companions(store) -> None:
    service.log_interaction(store, people=["Sam"], minutes=30, at=at(-20), quality=4)
    for n in range(3):
        service.log_ai(store, tool="Claude", minutes=20, at=at(-n), instead_of_person=True)


def test_act_records_an_intention_and_done_closes_it(store):
    companions(store)
    intention = insights.act(store, "ai-instead-of-people/ask-a-person", D)
    assert intention.insight_id == "ai-instead-of-people"
    assert intention.action_id == "ai-instead-of-people/ask-a-person"
    assert "Sam" in intention.text and "Claude" in intention.text
    assert insights.act(store, "ai-instead-of-people/ask-a-person", D).id == intention.id
    assert [i.id for i in insights.intentions(store)] == [intention.id]
    closed = insights.done(store, intention.id[:6])
    assert closed.done_at is not None
    assert insights.intentions(store) == []
    assert [i.id for i in insights.intentions(store, open_only=False)] == [intention.id]
    with pytest.raises(BadInput, match="already done"):
        insights.done(store, intention.id)


def test_act_refuses_an_unknown_action_naming_it_and_the_current_ones(store):
    companions(store)
    with pytest.raises(BadInput) as err:
        insights.act(store, "no-such/thing", D)
    message = str(err.value)
    assert "'no-such/thing'" in message and "ai-instead-of-people/ask-a-person" in message
    assert insights.intentions(store) == []


def test_act_on_an_empty_journal_says_there_are_none(store):
    with pytest.raises(BadInput, match="none right now"):
        insights.act(store, "trust-streak/ask-first", D)


def test_dismiss_and_unknown_intentions(store):
    companions(store)
    intention = insights.act(store, "ai-instead-of-people/people-block", D)
    assert insights.dismiss(store, intention.id).dismissed_at is not None
    assert insights.intentions(store) == []
    with pytest.raises(NotFound, match="aijournal intentions"):
        insights.done(store, "abcdef12")
    with pytest.raises(BadInput):
        insights.done(store, "zz")


def test_review_week_balance(store):
    service.log_ai(store, tool="Claude", minutes=60, at=at(0), purpose="learn")
    service.log_ai(store, tool="Claude", minutes=40, at=at(-6), purpose="automate")
    service.log_ai(store, tool="Claude", minutes=30, at=at(-2), purpose="unclassified")
    service.log_ai(store, tool="Claude", minutes=99, at=at(-7), purpose="automate")  # last week
    service.log_interaction(
        store, people=["Sam", "Priya"], minutes=45, at=at(-1), kind="feedback", quality=4
    )
    for n, level in enumerate([4, 4, 3, 3]):
        service.log_energy(store, level=level, at=at(-n))
    for n in range(7, 11):
        service.log_energy(store, level=2, at=at(-n))
    service.checkin(store, day=D, trust_ai=4, trust_team=3)
    service.checkin(store, day=D - dt.timedelta(days=1), trust_ai=3, trust_team=4)
    data = insights.review(store, "week", D).to_json()
    assert data["start"] == "2026-11-20" and data["end"] == "2026-11-26" and data["days"] == 7
    assert data["ai"]["minutes_by_purpose"] == {
        "learn": 60,
        "augment": 0,
        "automate": 40,
        "companion": 0,
        "unclassified": 30,
    }
    assert data["ai"]["augmentation_share"] == 0.6 and data["ai"]["benchmark"] == 0.71
    assert data["ai"]["below_benchmark"] is True and data["ai"]["total_minutes"] == 130
    assert data["people"]["minutes_by_kind"]["feedback"] == 45
    assert data["people"]["interactions"] == 1 and data["people"]["people"] == ["Priya", "Sam"]
    assert data["energy"]["mean"] == 3.5 and data["energy"]["previous_mean"] == 2.0
    assert data["energy"]["trend"] == "rising"
    assert data["trust"] == {"ai_mean": 3.5, "team_mean": 3.5, "checkins": 2}
    assert data["energy_after_done"]["enough"] is False
    assert isinstance(data["insights"], list)


def test_review_energy_after_done_intentions(store):
    companions(store)
    first = insights.act(store, "ai-instead-of-people/ask-a-person", D)
    second = insights.act(store, "ai-instead-of-people/people-block", D)
    for intention, offset in ((first, -20), (second, -10)):
        with store.write("test: done in the past"):
            store.update("intention", intention.id, {"done_at": at(offset, 17).isoformat()})
    for n in range(30):
        level = 5 if n in (19, 9) else 3
        service.log_energy(store, level=level, at=at(-n))
    data = insights.review(store, "month", D).to_json()
    after = data["energy_after_done"]
    assert after == {
        "after_mean": 5.0,
        "other_mean": 3.0,
        "n_after": 2,
        "n_other": 28,
        "enough": False,
        "min_days": 3,
    }
    assert [i["id"] for i in data["intentions_done"]] == [first.id, second.id]
    third = insights.act(store, "ai-instead-of-people/ask-a-person", D)
    with store.write("test: done in the past"):
        store.update("intention", third.id, {"done_at": at(-5, 17).isoformat()})
    after = insights.review(store, "month", D).to_json()["energy_after_done"]
    assert after["n_after"] == 3 and after["enough"] is True


def test_review_refuses_an_unknown_period(store):
    with pytest.raises(BadInput, match="'year'"):
        insights.review(store, "year", D)


def test_the_lean_window_read_gives_the_same_models_as_the_general_one(store):
    service.log_ai(
        store,
        tool="Claude",
        minutes=20,
        at=at(-2),
        purpose="learn",
        skill="SQL",
        tags=["work"],
        note="n",
    )
    service.log_interaction(
        store,
        people=["Sam", "Priya"],
        minutes=30,
        at=at(-1),
        kind="help",
        channel="video",
        quality=5,
        initiated=True,
    )
    service.log_energy(store, level=4, at=at(0))
    service.checkin(store, day=D, trust_ai=4, trust_team=3, connection=2)
    gone = service.log_ai(store, tool="Claude", minutes=20, at=at(-1))
    service.delete_entry(store, gone["id"])
    first, last = D - dt.timedelta(days=5), D
    for table in ("ai_session", "interaction", "energy", "checkin"):
        lean = sorted(store.reflect_entries(table, first, last), key=lambda e: e.id)
        general = sorted(store.entries_between(table, first, last), key=lambda e: e.id)
        assert lean == general and len(lean) == 1
        assert [getattr(e, "day", None) for e in lean] == [getattr(e, "day", None) for e in general]
    later = D + dt.timedelta(days=1)
    assert store.reflect_entries("ai_session", later, later + dt.timedelta(days=9)) == []


# --- the v2 records reach the engine -----------------------------------------------------------


def test_a_logged_who5_reaches_the_insights_support_first(store):
    daily_ai(store, 20)
    service.log_who5(store, items=(1, 1, 2, 1, 1), day=D)  # 6 of 25: 24 %
    found = insights.current(store, D)
    assert found and found[0].id == "wellbeing-low"
    assert found[0].metrics["band"] == "very low"


def test_a_done_action_is_not_offered_again(store):
    companions(store)
    intention = insights.act(store, "ai-instead-of-people/ask-a-person", D)
    insights.done(store, intention.id)
    offered = {a.id for i in insights.current(store, D) for a in i.actions}
    assert "ai-instead-of-people/ask-a-person" not in offered
