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


def test_insights_are_ordered_act_watch_good_info_then_id():
    found = busy_journal().run()
    keys = [(rules.SEVERITY_ORDER[i.severity], i.id) for i in found]
    assert keys == sorted(keys)
    assert {i.severity for i in found} == {"act", "watch", "good", "info"}
    ids = {i.id for i in found}
    assert {
        "trust-streak",
        "ai-instead-of-people",
        "companion-rising",
        "people-fading",
        "energy-slide",
        "isolation-streak",
        "no-mentoring",
        "augmentation-share",
        "learning-partner",
        "people-lift-energy",
    } <= ids


def test_the_wellbeing_support_insight_comes_before_every_act():
    j = busy_journal()
    j.who5(-1, 24)
    found = j.run()
    assert found[0].id == "wellbeing-low" and found[0].metrics["band"] == "very low"
    keys = [(rules.SEVERITY_ORDER[i.severity], i.id) for i in found[1:]]
    assert keys == sorted(keys) and found[1].severity == "act"


def many_journals() -> list[Journal]:
    """Journals that between them raise every detector."""
    busy = busy_journal()
    busy.who5(-30, 76)
    busy.who5(-2, 48)
    busy.intention("x/one", done=-2)
    busy.intention("x/two", done=-3)
    for n in range(3):
        busy.checkin(-n, 5, 2, connection=2)
    up = Journal()
    for n in range(-27, 1):
        up.energy(n, 4 if n > -7 else 3)
    up.met(-3, ("A", "B"), 300, kind="meeting", quality=1)
    return [busy, up]


def test_to_json_has_exactly_the_contract_keys_and_coverage():
    for j in many_journals():
        for insight in j.run():
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
            assert data["severity"] in ("info", "watch", "act", "good")
            assert data["evidence"]
            assert all(list(e) == ["day", "entry_ids"] for e in data["evidence"])
            dt.date.fromisoformat(data["evidence"][0]["day"])
            assert all(
                list(a) in (["id", "text"], ["id", "text", "experiment"]) for a in data["actions"]
            )
            cover = data["coverage"]
            assert list(cover) == ["window_days", "logged_days", "paused_days"], insight.id
            assert cover["window_days"] >= 1, insight.id
            assert 0 <= cover["logged_days"] <= cover["window_days"], insight.id
            assert 0 <= cover["paused_days"] <= cover["window_days"] - cover["logged_days"]
            json.dumps(data)  # serialisable as it stands


def test_coverage_counts_paused_days_of_the_window():
    j = Journal()
    for n in range(-30, 1):
        if not -9 <= n <= -5:
            j.energy(n, 3)
    j.pause(-9, -5)
    insight = j.get("no-mentoring")
    assert insight.to_json()["coverage"] == {"window_days": 19, "logged_days": 14, "paused_days": 5}


METRIC_KEYS = {
    "wellbeing-low": {"percent", "raw", "day", "band"},
    "wellbeing-drop": {"before", "after", "drop"},
    "connection-low": {"mean", "answers"},
    "trust-streak": {"days", "since"},
    "augmentation-share": {
        "share",
        "reference",
        "target",
        "augmenting_minutes",
        "automating_minutes",
        "classified_minutes",
    },
    "learning-partner": {"minutes", "skills"},
    "ai-instead-of-people": {"count"},
    "companion-rising": {"weekly_minutes", "weekly_minutes_before", "sessions", "late_night"},
    "people-fading": {
        "people_minutes_per_day",
        "people_minutes_per_day_before",
        "ai_minutes_per_day",
        "ai_minutes_per_day_before",
        "workdays",
        "workdays_before",
    },
    "isolation-streak": {"days"},
    "no-mentoring": {"days_since"},
    "energy-slide": {"recent_mean", "fall", "weeks", "kind", "ai_rising"},
    "people-lift-energy": {"difference", "n_with", "n_without"},
    "neglected-person": {"person", "days_since"},
    "meeting-load": {"low_quality_minutes", "meeting_minutes", "one_to_one_minutes"},
    "good-energy-up": {"recent_mean", "earlier_mean"},
    "good-follow-through": {"done"},
}


def test_metric_keys_are_the_specified_ones():
    seen = set()
    for j in many_journals():
        for insight in j.run():
            assert set(insight.metrics) == METRIC_KEYS[insight.id], insight.id
            seen.add(insight.id)
    assert seen == set(METRIC_KEYS) - {"neglected-person"}


def test_every_warning_has_personal_actions_with_stable_ids():
    first, second = busy_journal().run(), busy_journal().run()
    assert [a.id for i in first for a in i.actions] == [a.id for i in second for a in i.actions]
    by_id = {i.id: i for i in first}
    for insight in first:
        for action in insight.actions:
            assert action.id.startswith(insight.id + "/")
            assert action.text.endswith(".")
    for name in ("trust-streak", "ai-instead-of-people", "isolation-streak", "no-mentoring"):
        assert by_id[name].actions, name
    texts = " ".join(a.text for a in by_id["no-mentoring"].actions)
    assert "Priya" in texts  # the mentor
    assert "Sam" in " ".join(a.text for a in by_id["trust-streak"].actions)
    assert "regex lookarounds" in " ".join(a.text for a in by_id["learning-partner"].actions)


def test_no_slug_or_text_is_offered_twice():
    for j in many_journals():
        actions = [a for i in j.run() for a in i.actions]
        slugs = [a.id.split("/", 1)[1] for a in actions]
        assert len(slugs) == len(set(slugs)), slugs
        assert len({a.text for a in actions}) == len(actions)


# --- actions that fit --------------------------------------------------------------------------


def test_the_tool_named_is_the_one_used_instead_of_a_person():
    j = Journal()
    for n in range(7):
        j.ai(-n, 300, "automate", tool="Copilot")
    for n in (0, 2, 4):
        j.ai(-n, 20, "unclassified", tool="ChatGPT", instead=True)
    by_id = {i.id: i for i in j.run()}
    instead = " ".join(a.text for a in by_id["ai-instead-of-people"].actions)
    assert "ChatGPT" in instead and "Copilot" not in instead
    share = " ".join(a.text for a in by_id["augmentation-share"].actions)
    assert "Copilot" in share and "ChatGPT" not in share


def test_the_tool_of_a_companion_rise_is_the_companion_tool():
    j = Journal()
    for n in range(7):
        j.ai(-n, 300, "automate", tool="Copilot")
        j.ai(-n, 20, "companion", tool="Replika", hour=23)
    by_id = {i.id: i for i in j.run()}
    for name in ("companion-rising", "ai-instead-of-people"):
        texts = " ".join(a.text for a in by_id[name].actions)
        assert "Replika" in texts and "Copilot" not in texts, name


def lifting_team() -> Journal:
    """Sam, met every workday on flat days; Ana, met three times on days of high energy."""
    j = Journal()
    j.person("Sam", "teammate")
    j.person("Ana", "teammate")
    for n in range(-30, 1):
        j.energy(n, 3)
        if day(n).weekday() < 5:
            j.met(n, "Sam", 30, quality=3)
    for n in (-24, -17, -10):
        j.met(n, "Ana", 30, quality=5)
        j.energy(n, 5, hour=20)
    for n in range(5):
        j.checkin(-n, 5, 2)
    return j


def test_people_are_chosen_by_who_lifts_energy_not_only_by_frequency():
    trust = lifting_team().get("trust-streak")
    texts = " ".join(a.text for a in trust.actions)
    assert "Ana" in texts and "Sam" not in texts


def test_a_freelancers_actions_never_name_teammates():
    for roster in ((), (("Deniz", "client"), ("Ola", "peer"))):
        j = busy_journal()
        j.people.clear()
        for name, relation in roster:
            j.person(name, relation)
        j.profile("freelancer")
        for n in range(3):
            j.checkin(-n, 5, 2, connection=2)
        found = j.run()
        assert {"trust-streak", "connection-low", "no-mentoring"} <= {i.id for i in found}
        words = " ".join(" ".join([i.title, i.detail, *(a.text for a in i.actions)]) for i in found)
        assert "teammate" not in words.lower()
        mentoring = " ".join(
            a.text for a in next(i for i in found if i.id == "no-mentoring").actions
        )
        assert "Deniz for 15 minutes of mentoring" not in mentoring


def test_a_managers_mentoring_never_goes_to_a_report():
    j = busy_journal()
    j.people.clear()
    j.profile("manager")
    j.person("Sam", "report")  # the most met, lifting energy
    j.person("Bo", "peer")
    j.met(-20, "Bo", 20, quality=3)  # met once, lately
    book = next(a for a in j.get("no-mentoring").actions if a.id == "no-mentoring/book-mentoring")
    assert "Bo" in book.text and "Sam" not in book.text
    k = busy_journal()
    k.people.clear()
    k.profile("manager")
    k.person("Sam", "report")
    book = next(a for a in k.get("no-mentoring").actions if a.id == "no-mentoring/book-mentoring")
    assert "Sam" not in book.text and "someone you look up to" in book.text


def test_low_wellbeing_is_not_confided_to_a_report_or_a_client():
    for role, relation in (("manager", "report"), ("freelancer", "client")):
        j = Journal()
        j.profile(role)
        j.person("Ana", relation)
        for n in range(-20, 1):
            j.energy(n, 3)
            if day(n).weekday() < 5:
                j.met(n, "Ana", 30, quality=5)
        j.who5(0, 40)
        texts = " ".join(a.text for a in j.get("wellbeing-low").actions)
        assert "Ana" not in texts, (role, texts)


@pytest.mark.parametrize(("done", "offered"), [(-13, False), (-14, True), (None, True)])
def test_an_action_done_in_the_last_14_days_is_not_offered_again(done, offered):
    j = busy_journal()
    j.intention("trust-streak/second-opinion", done=done)
    trust = j.get("trust-streak")
    ids = [a.id for a in trust.actions]
    assert ("trust-streak/second-opinion" in ids) is offered
    assert "trust-streak/ask-first" in ids


def test_action_words_stay_kind():
    words = " ".join(
        i.title + " " + i.detail + " " + " ".join(a.text for a in i.actions)
        for j in many_journals()
        for i in j.run()
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
    assert rules.WINDOW_DAYS == rules.LOOKBACK_DAYS == 84


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
