"""Demo personas: seeded, reproducible, realistic, and only into an empty journal."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

from journal import demo, service
from journal import models as m
from journal.clock import now as clock_now
from journal.errors import BadInput
from journal.store import JournalStore

TODAY = dt.date(2026, 11, 26)


def fill(path: str, persona: str, days: int = 70, seed: int = 7) -> JournalStore:
    store = JournalStore.open(path)
    demo.fill(store, persona=persona, days=days, seed=seed, today=TODAY)
    return store


def records(store: JournalStore) -> list[dict]:
    return [m.to_record(e) for e in service.entries(store)] + [
        m.to_record(p) for p in store.people()
    ]


def window(entries, first: int, last: int):  # noqa: ANN001, ANN201
    """Entries whose day is within [TODAY - first, TODAY - last] (days before today)."""
    lo, hi = TODAY - dt.timedelta(days=first), TODAY - dt.timedelta(days=last)
    return [e for e in entries if lo <= e.day <= hi]


@pytest.mark.parametrize("persona", demo.PERSONAS)
def test_same_seed_same_journal_ids_included(tmp_path, persona):
    one = fill(str(tmp_path / "one.db"), persona, days=21)
    two = fill(str(tmp_path / "two.db"), persona, days=21)
    assert records(one) == records(two)
    other = fill(str(tmp_path / "three.db"), persona, days=21, seed=8)
    assert records(other) != records(one)


@pytest.mark.parametrize("persona", demo.PERSONAS)
def test_a_persona_spans_its_days_and_stops_at_now(tmp_path, persona):
    store = fill(str(tmp_path / "j.db"), persona, days=30)
    entries = service.entries(store)
    assert store.first_day() >= TODAY - dt.timedelta(days=29)
    assert max(m.entry_time(e) for e in entries) <= clock_now()
    kinds = {e.TYPE for e in entries}
    assert {"ai_session", "interaction", "energy", "checkin", "who5"} <= kinds
    assert all(e.source == "demo" for e in entries)
    assert len(store.people()) >= 5


def test_the_demo_refuses_a_journal_with_entries(store):
    service.log_energy(store, level=3, at=clock_now())
    before = len(service.entries(store))
    with pytest.raises(BadInput, match="already has entries"):
        demo.fill(store, persona="drifting", days=14, seed=1, today=TODAY)
    assert len(service.entries(store)) == before
    with pytest.raises(BadInput, match="persona"):
        demo.fill(store, persona="nope", days=14, seed=1, today=TODAY)


def test_drifting_drifts(tmp_path):
    store = fill(str(tmp_path / "j.db"), "drifting")
    ai = store.all_entries("ai_session")
    met = store.all_entries("interaction")
    energy = store.all_entries("energy")
    checkins = store.all_entries("checkin")
    early, late = (69, 42), (13, 0)

    def share(sessions):  # noqa: ANN001, ANN202
        classified = sum(s.minutes for s in sessions)
        return sum(s.minutes for s in sessions if s.purpose in m.AUGMENTATION) / classified

    assert (
        sum(s.minutes for s in window(ai, *late))
        > 1.5 * sum(s.minutes for s in window(ai, *early)) * 14 / 28
    )
    assert share(window(ai, *late)) < 0.5 < share(window(ai, *early))
    assert sum(i.minutes for i in window(met, *late)) * 2 < sum(
        i.minutes for i in window(met, 27, 14)
    )
    assert statistics.mean(e.level for e in window(energy, *late)) + 1 < statistics.mean(
        e.level for e in window(energy, *early)
    )
    recent = window(checkins, 6, 0)
    assert recent and all(c.trust_ai > c.trust_team for c in recent)
    mentor = [i for i in met if demo.PERSONA_SETTINGS["drifting"].mentor in i.people]
    assert mentor and max(i.day for i in mentor) <= TODAY - dt.timedelta(days=21)


def test_freelancer_learns_and_meets_mentors(tmp_path):
    store = fill(str(tmp_path / "j.db"), "freelancer")
    ai = store.all_entries("ai_session")
    augmenting = sum(s.minutes for s in ai if s.purpose in m.AUGMENTATION)
    assert augmenting / sum(s.minutes for s in ai) >= 0.71
    assert sum(1 for s in ai if s.skill) >= 10
    met = store.all_entries("interaction")
    guidance = [i for i in met if i.kind in (m.Kind.MENTORING, m.Kind.FEEDBACK)]
    assert len(window(guidance, 13, 0)) >= 1 and len(guidance) >= 8
    energy = store.all_entries("energy")
    assert (
        abs(
            statistics.mean(e.level for e in window(energy, 13, 0))
            - statistics.mean(e.level for e in window(energy, 69, 42))
        )
        < 0.6
    )


def test_balanced_is_in_between(tmp_path):
    def share(path: str, persona: str) -> float:
        ai = fill(path, persona).all_entries("ai_session")
        recent = window(ai, 13, 0)
        return sum(s.minutes for s in recent if s.purpose in m.AUGMENTATION) / sum(
            s.minutes for s in recent
        )

    drifting = share(str(tmp_path / "d.db"), "drifting")
    balanced = share(str(tmp_path / "b.db"), "balanced")
    freelancer = share(str(tmp_path / "f.db"), "freelancer")
    assert drifting < balanced < freelancer
