"""The engine's contract: ordering, JSON shape, actions, purity, and the demo personas."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from reflect_builders import D, Journal, day

from journal.reflect import rules
from journal.reflect.actions import slug
from journal.reflect.engine import Action, Evidence, Insight


def busy_journal() -> Journal:
    """A journal where most detectors fire at once."""
    j = Journal()
    j.person("Priya", "mentor")
    j.person("Sam", "teammate")
    j.person("Lena", "friend")
    for n in range(55, 14, -1):
        j.met(-n, ("Priya", "Sam") if n % 9 == 0 else "Sam", 60, quality=4)
        j.energy(-n, 4)
        j.ai(-n, 20, "learn", skill="pandas groupby")
    for n in range(6, -1, -1):
        j.ai(-n, 120, "automate", tool="ChatGPT")
        j.ai(-n, 30, "companion", instead=True, hour=22)
        j.energy(-n, 2)
        j.checkin(-n, 5, 2)
    j.ai(0, 60, "learn", skill="regex lookarounds")
    return j


def test_insights_are_ordered_act_watch_info_then_id():
    found = busy_journal().run()
    keys = [(rules.SEVERITY_ORDER[i.severity], i.id) for i in found]
    assert keys == sorted(keys)
    ids = {i.id for i in found}
    assert {
        "trust-streak",
        "ai-instead-of-people",
        "people-fading",
        "energy-slide",
        "isolation-streak",
        "no-mentoring",
        "augmentation-share",
        "learning-partner",
        "neglected-person",
    } <= ids


def test_to_json_has_exactly_the_contract_keys():
    for insight in busy_journal().run():
        data = insight.to_json()
        assert list(data) == [
            "id",
            "severity",
            "title",
            "detail",
            "evidence",
            "metrics",
            "coverage",
            "actions",
        ]
        assert data["severity"] in ("info", "watch", "act")
        assert data["evidence"] and all(list(e) == ["day", "entry_ids"] for e in data["evidence"])
        dt.date.fromisoformat(data["evidence"][0]["day"])
        assert data["actions"] and all(list(a) == ["id", "text"] for a in data["actions"])
        json.dumps(data)  # serialisable as it stands


METRIC_KEYS = {
    "trust-streak": {"days", "since"},
    "augmentation-share": {"share", "benchmark", "classified_minutes"},
    "learning-partner": {"minutes", "skills"},
    "ai-instead-of-people": {"count"},
    "people-fading": {"people_minutes", "people_weekly_mean", "ai_minutes", "ai_weekly_mean"},
    "isolation-streak": {"days"},
    "no-mentoring": {"days_since"},
    "energy-slide": {"recent_mean", "earlier_mean", "drop", "ai_rising"},
    "people-lift-energy": {"with", "without", "n_with", "n_without"},
    "neglected-person": {"person", "days_since"},
}


def test_metric_keys_are_the_specified_ones():
    for insight in busy_journal().run():
        assert set(insight.metrics) == METRIC_KEYS[insight.id], insight.id


def test_every_insight_has_personal_actions_with_stable_ids():
    first, second = busy_journal().run(), busy_journal().run()
    assert [a.id for i in first for a in i.actions] == [a.id for i in second for a in i.actions]
    by_id = {i.id: i for i in first}
    for insight in first:
        assert insight.actions
        for action in insight.actions:
            assert action.id.startswith(insight.id + "/")
            assert action.text.endswith(".")
    texts = " ".join(a.text for a in by_id["no-mentoring"].actions)
    assert "Priya" in texts and "ChatGPT" in texts
    assert "Sam" in " ".join(a.text for a in by_id["trust-streak"].actions)
    assert "regex lookarounds" in " ".join(a.text for a in by_id["learning-partner"].actions)


def test_action_words_stay_kind():
    words = " ".join(
        a.text + " " + i.title + " " + i.detail for i in busy_journal().run() for a in i.actions
    ).lower()
    for unkind in ("fail", "should", "must", "bad ", "lazy", "too much", "addict", "wrong"):
        assert unkind not in words


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Priya", "priya"), ("Jo Ann", "jo-ann"), ("Zoë", "zoe"), ("O'Brien", "o-brien")],
)
def test_person_slugs(name, expected):
    assert slug(name) == expected
    assert slug("李").startswith("p")


def test_entries_after_as_of_and_deleted_entries_never_count():
    j = Journal()
    for n in range(3):
        j.ai(-n, 30, "companion")
    j.ai(1, 30, "companion")
    assert j.get("ai-instead-of-people").metrics["count"] == 3
    j2 = Journal()
    for n in range(2):
        j2.ai(-n, 30, "companion")
    j2.ai(0, 30, "companion", deleted=True)
    assert j2.get("ai-instead-of-people") is None


def test_insight_value_objects():
    insight = Insight(
        id="x",
        severity="info",
        title="t",
        detail="d",
        evidence=(Evidence(D, ("a",)),),
        metrics={"n": 1},
        actions=(Action("x/y", "Do."),),
    )
    assert insight.to_json()["evidence"] == [{"day": "2026-11-26", "entry_ids": ["a"]}]
    assert rules.WINDOW_DAYS == 56


def test_reflect_is_pure():
    code = (
        "import sys, journal.reflect, journal.reflect.engine, journal.reflect.detectors, "
        "journal.reflect.actions, journal.reflect.rules; "
        "print(sorted(m for m in ('sqlite3', 'typer', 'rich', 'textual', 'journal.store') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- personas ----------------------------------------------------------------------------------


def persona_insights(store, persona):
    from journal import demo, insights

    demo.fill(store, persona=persona, days=60, seed=7, today=D)
    return insights.current(store, D)


def test_drifting_persona_raises_its_four_insights(store):
    found = {i.id: i for i in persona_insights(store, "drifting")}
    assert {"trust-streak", "augmentation-share", "people-fading", "energy-slide"} <= set(found)


def test_freelancer_persona_learns_and_needs_no_action(store):
    found = persona_insights(store, "freelancer")
    assert "learning-partner" in {i.id for i in found}
    assert [i.id for i in found if i.severity == "act"] == []


def test_day_helper():
    assert day(-1) == dt.date(2026, 11, 25)
