"""A small known journal for the export tests, built with the service functions (exact numbers)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from journal import models as m
from journal import service
from journal.clock import localize
from journal.store import JournalStore

SECRET_NOTE = "PLANTED-SECRET-NOTE about the reorg"
SECRET_TAG = "private-tag"
REAL_NAMES = ("Priya", "Sam")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return localize(dt.datetime(2026, 11, day, hour, minute))


def fixed_ids(monkeypatch: Any, prefix: str = "") -> None:
    """Deterministic ids (golden files), 32 hex characters each."""
    counter = itertools.count(1)
    monkeypatch.setattr(service, "new_id", lambda: f"{prefix}{next(counter):x}".rjust(32, "0"))


def build(store: JournalStore) -> None:
    """Nov 17 to 26, 2026. AI 170 min (learn 60, augment 45, automate 30, companion 15,
    unclassified 20: share 105/150 = 0.7); people 135 min in 3 interactions with Sam and Priya;
    energy 4, 4 | 2, 3 (mean 3.25, falling by 1.5); check-ins 4/2 and 3/3; WHO-5 48 %."""
    service.log_interaction(
        store, people=["Sam"], minutes=45, at=at(17, 10), kind="feedback", channel="call", quality=2
    )
    service.log_energy(store, level=4, at=at(17, 9))
    service.log_energy(store, level=4, at=at(18, 9))
    service.log_ai(
        store,
        tool="Claude",
        minutes=60,
        at=at(23, 9),
        purpose="learn",
        skill="SQL window functions",
        note=SECRET_NOTE,
        tags=[SECRET_TAG],
    )
    service.log_interaction(
        store,
        people=["Priya"],
        minutes=30,
        at=at(23, 13),
        kind="mentoring",
        channel="video",
        quality=4,
        initiated=True,
        note="Priya said <script>alert('x')</script> & more",
    )
    service.log_ai(
        store, tool="ChatGPT", minutes=30, at=at(24, 10), purpose="automate", instead_of_person=True
    )
    service.log_energy(store, level=2, at=at(24, 9))
    service.checkin(store, day=dt.date(2026, 11, 24), trust_ai=4, trust_team=2, connection=3)
    service.log_ai(store, tool="Claude", minutes=45, at=at(25, 11), purpose="augment")
    service.log_ai(store, tool="ChatGPT", minutes=15, at=at(25, 14), purpose="companion")
    service.log_interaction(
        store,
        people=["Sam", "Priya"],
        minutes=60,
        at=at(25, 16),
        kind="collaboration",
        channel="in_person",
        quality=3,
    )
    service.log_energy(store, level=3, at=at(25, 18), note="tired after the Sam meeting")
    service.checkin(store, day=dt.date(2026, 11, 25), trust_ai=3, trust_team=3)
    service.log_ai(store, tool="ChatGPT", minutes=20, at=at(26, 9))
    service.log_who5(store, items=[2, 3, 2, 2, 3], day=dt.date(2026, 11, 26))


INSIGHT = {
    "id": "neglected-person",
    "severity": "act",
    "title": "You have not met Priya for a while",
    "detail": "Priya was a regular; the last contact was 1 day ago.",
    "evidence": [{"day": "2026-11-25", "entry_ids": ["abc"]}],
    "metrics": {"person": "Priya", "days_since": 1},
    "actions": [{"id": "neglected-person/reconnect-priya", "text": "Ask Priya for a coffee"}],
}


def stub_reflect(
    store: JournalStore, as_of: dt.date
) -> tuple[list[dict[str, Any]], list[m.Intention]]:
    """A fixed insight and intention that name a person (the real engine has its own tests)."""
    made = localize(dt.datetime(2026, 11, 24, 8))
    intention = m.Intention(
        id="f" * 32,
        created_at=made,
        updated_at=made,
        insight_id="neglected-person",
        action_id="neglected-person/reconnect-priya",
        text="Ask Priya for a coffee",
    )
    return [dict(INSIGHT)], [intention]
