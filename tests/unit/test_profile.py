"""journal.profile: workdays, the profile, pauses, mutes; what insights.load gives the engine."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal import insights, service
from journal import models as m
from journal import profile as svc
from journal.errors import BadInput
from journal.reflect.context import paused_days
from journal.reflect.engine import Coverage, Insight

D = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 15, 0).astimezone()


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon-fri", (0, 1, 2, 3, 4)),
        ("sun-thu", (0, 1, 2, 3, 6)),
        ("mon,tue,thu", (0, 1, 3)),
        ("Mon - Wed, fri", (0, 1, 2, 4)),
        ("saturday", (5,)),
        ("fri-mon", (0, 4, 5, 6)),
        ("mon-sun", (0, 1, 2, 3, 4, 5, 6)),
    ],
)
def test_workdays_accept_ranges_and_lists(text, days):
    assert svc.parse_workdays(text) == days


@pytest.mark.parametrize("text", ["", "mo", "mon-", "funday", "mon-tue-wed", "1-5", "mon;tue"])
def test_workdays_refuse_other_text(text):
    with pytest.raises(BadInput, match="workdays"):
        svc.parse_workdays(text)


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(0, 6), min_size=1))
def test_workdays_text_reads_back_as_the_same_days(days):
    assert svc.parse_workdays(svc.workdays_text(tuple(days))) == tuple(sorted(days))


def test_workdays_text_is_short():
    assert svc.workdays_text((0, 1, 2, 3, 4)) == "mon-fri"
    assert svc.workdays_text((0, 1, 2, 3, 6)) == "sun-thu"
    assert svc.workdays_text((0, 1, 3)) == "mon,tue,thu"


def test_profile_set_keeps_what_is_not_given_and_undoes(store):
    assert svc.get_profile(store) == m.Profile()
    svc.set_profile(store, role="manager", augmentation_target=40)
    svc.set_profile(store, workdays=(6, 0, 1, 2, 3))
    found = svc.get_profile(store)
    assert (found.role, found.workdays, found.augmentation_target) == (
        m.Role.MANAGER,
        (0, 1, 2, 3, 6),
        40,
    )
    assert found.is_workday(dt.date(2026, 11, 29))  # a Sunday
    service.undo(store)
    assert svc.get_profile(store).workdays == m.DEFAULT_WORKDAYS
    service.undo(store)
    assert svc.get_profile(store) == m.Profile()


def test_pauses_overlapping_a_range(store):
    a = svc.add_pause(store, from_day=dt.date(2026, 11, 2), to_day=dt.date(2026, 11, 6))
    b = svc.add_pause(store, from_day=dt.date(2026, 11, 5), to_day=dt.date(2026, 11, 12))
    svc.add_pause(store, from_day=dt.date(2026, 12, 1), to_day=dt.date(2026, 12, 1))
    assert [p.id for p in store.pauses(dt.date(2026, 11, 6), dt.date(2026, 11, 30))] == [a.id, b.id]
    assert [p.id for p in store.pauses(dt.date(2026, 11, 7), dt.date(2026, 11, 30))] == [b.id]
    days = paused_days(svc.pauses(store), dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert len(days) == 11  # overlaps counted once
    svc.delete_pause(store, a.id[:6])
    assert [p.id for p in store.pauses(dt.date(2026, 11, 1), dt.date(2026, 11, 30))] == [b.id]
    with pytest.raises(BadInput, match="TO must be on or after FROM"):
        svc.add_pause(store, from_day=D, to_day=D - dt.timedelta(days=1))


def test_save_writes_profile_and_pause_as_one_undo_step(store):
    svc.save(store, profile={"role": "student"}, pause=(D, D, "sick"))
    assert svc.get_profile(store).role == m.Role.STUDENT and len(svc.pauses(store)) == 1
    service.undo(store)
    assert svc.get_profile(store) == m.Profile() and svc.pauses(store) == []
    with pytest.raises(BadInput):
        svc.save(store, profile={"role": "student"}, pause=(D, D - dt.timedelta(days=1), None))
    assert svc.get_profile(store) == m.Profile()


def test_insights_load_hands_profile_pauses_who5_and_intentions(store):
    service.log_energy(store, level=3, at=NOW)
    old = service.log_who5(store, items=[1, 1, 1, 1, 1], day=D - dt.timedelta(days=100))
    recent = service.log_who5(store, items=[3, 3, 3, 3, 3], day=D - dt.timedelta(days=20))
    svc.set_profile(store, role="freelancer")
    long_ago = svc.add_pause(store, from_day=dt.date(2025, 1, 1), to_day=dt.date(2025, 1, 9))
    holiday = svc.add_pause(store, from_day=D - dt.timedelta(days=9), to_day=D + dt.timedelta(3))
    gone = svc.add_pause(store, from_day=D, to_day=D)
    svc.delete_pause(store, gone.id)
    records = insights.load(store, D)
    assert records.profile.role == m.Role.FREELANCER
    assert [p.id for p in records.pauses] == [holiday.id]
    assert long_ago.id not in {p.id for p in records.pauses}
    assert [w.id for w in records.who5] == [recent["id"]] and old["id"] != recent["id"]
    assert records.intentions == tuple(store.intentions())


def _insight(insight_id: str) -> Insight:
    return Insight(insight_id, "watch", "t", "d", (), {}, (), Coverage(7, 5, 2))


def test_current_drops_muted_insights_through_until(store, monkeypatch):
    found = [_insight("trust-streak"), _insight("neglected-person"), _insight("good-energy")]
    monkeypatch.setattr(insights, "run", lambda records, as_of: list(found))
    svc.add_mute(store, "neglected-person", days=2, today=D)
    svc.add_mute(store, "good-energy", days=1, today=D)
    assert [i.id for i in insights.current(store, D)] == ["trust-streak"]
    assert [i.id for i in insights.current(store, D + dt.timedelta(days=1))] == [
        "trust-streak",
        "good-energy",
    ]
    assert len(insights.current(store, D + dt.timedelta(days=2))) == 3


@pytest.mark.parametrize("text", ["trust-streak", "GOOD-energy-up", " meeting-load "])
def test_insight_ids_a_mute_accepts(text):
    assert svc.check_insight_id(text) == text.strip().lower()


@pytest.mark.parametrize("text", ["", "good-", "trust", "good-é", "people-fading/x"])
def test_insight_ids_a_mute_refuses(text):
    with pytest.raises(BadInput, match="insight id"):
        svc.check_insight_id(text)
