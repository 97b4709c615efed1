"""The demo personas under engine v2, on every as-of day of their last four weeks: `balanced`
raises nothing at act level, `drifting` still tells its story (PRODUCT: "Reflection engine")."""

from __future__ import annotations

import datetime as dt
import functools

from journal import demo, insights
from journal.store import JournalStore

TODAY = dt.date(2026, 11, 26)
DAYS = [TODAY - dt.timedelta(days=n) for n in range(27, -1, -1)]


@functools.cache
def seen(persona: str, folder: str) -> dict[dt.date, list[tuple[str, str]]]:
    path = f"{folder}/{persona}.db"
    with JournalStore.open(path) as store:
        demo.fill(store, persona=persona, days=60, seed=7, today=TODAY)
        return {d: [(i.severity, i.id) for i in insights.current(store, d)] for d in DAYS}


def test_balanced_raises_nothing_at_act_level_on_any_day(tmp_path_factory):
    found = seen("balanced", str(tmp_path_factory.mktemp("demo")))
    acts = {d.isoformat(): [i for s, i in f if s == "act"] for d, f in found.items()}
    assert not any(acts.values()), {d: a for d, a in acts.items() if a}


def test_drifting_still_tells_its_story(tmp_path_factory):
    found = seen("drifting", str(tmp_path_factory.mktemp("demo")))
    acted = {i for f in found.values() for s, i in f if s == "act"}
    assert {"ai-instead-of-people", "energy-slide"} <= acted
    last = {i for _, i in found[TODAY]}
    assert {"companion-rising", "trust-streak", "people-fading"} & last
    assert any(s == "act" for s, _ in found[TODAY])
