"""The ten detectors, rule by rule: fires, just below each threshold, window edges, evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from reflect_builders import D, Journal, day, evidence

# --- trust-streak ------------------------------------------------------------------------------


def test_trust_streak_fires_at_three_with_its_evidence():
    j = Journal()
    j.checkin(-3, 3, 3)  # breaks the run
    ids = [j.checkin(n, 4, 3) for n in (-2, -1, 0)]
    insight = j.get("trust-streak")
    assert insight is not None
    assert insight.severity == "watch"
    assert insight.title == "You trusted AI over your teammates 3 days running"
    assert insight.metrics == {"days": 3, "since": day(-2).isoformat()}
    assert evidence(insight) == {day(-2): (ids[0],), day(-1): (ids[1],), day(0): (ids[2],)}


def test_trust_streak_two_is_not_enough():
    j = Journal()
    j.checkin(-2, 2, 4)
    j.checkin(-1, 4, 3)
    j.checkin(0, 5, 1)
    assert j.get("trust-streak") is None


@pytest.mark.parametrize(("length", "severity"), [(4, "watch"), (5, "act"), (9, "act")])
def test_trust_streak_turns_act_at_five(length, severity):
    j = Journal()
    for n in range(length):
        j.checkin(-n, 5, 2)
    insight = j.get("trust-streak")
    assert insight is not None and insight.severity == severity
    assert insight.metrics["days"] == length


def test_trust_streak_days_without_checkin_neither_break_nor_extend():
    j = Journal()
    j.checkin(-20, 1, 5)
    for n in (-12, -6, -1):
        j.checkin(n, 4, 2)
    j.energy(-3, 3)  # a logged day without a check-in
    insight = j.get("trust-streak")
    assert insight is not None
    assert insight.metrics == {"days": 3, "since": day(-12).isoformat()}


def test_trust_streak_equal_trust_breaks_the_run():
    j = Journal()
    for n in (-4, -3):
        j.checkin(n, 5, 1)
    j.checkin(-2, 3, 3)
    j.checkin(-1, 4, 3)
    j.checkin(0, 4, 3)
    assert j.get("trust-streak") is None


@pytest.mark.parametrize(("last", "fires"), [(-7, True), (-8, False)])
def test_trust_streak_last_checkin_within_seven_days(last, fires):
    j = Journal()
    for n in range(3):
        j.checkin(last - n, 5, 2)
    assert (j.get("trust-streak") is not None) is fires


def test_trust_streak_latest_checkin_must_hold_the_condition():
    j = Journal()
    for n in range(1, 7):
        j.checkin(-n, 5, 1)
    j.checkin(0, 2, 4)  # today's check-in ends it
    assert j.get("trust-streak") is None
    assert j.get("trust-streak", as_of=-1).metrics["days"] == 6  # as of yesterday it held


def test_trust_streak_later_checkin_of_a_day_replaces_the_earlier():
    j = Journal()
    j.checkin(-2, 5, 1)
    j.checkin(-1, 5, 1)
    j.checkin(0, 5, 1, written=dt.datetime(2026, 11, 26, 9, tzinfo=dt.UTC))
    j.checkin(0, 2, 4, written=dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC))
    assert j.get("trust-streak") is None


def test_trust_streak_ignores_deleted_and_future_checkins():
    j = Journal()
    for n in (-3, -2, -1):
        j.checkin(n, 5, 1)
    j.checkin(0, 1, 5, deleted=True)
    assert j.get("trust-streak").metrics["days"] == 3
    j2 = Journal()
    for n in (-3, -2, -1):
        j2.checkin(n, 5, 1)
    j2.checkin(0, 1, 5)
    assert j2.get("trust-streak", as_of=-1).metrics["days"] == 3


# --- augmentation-share ------------------------------------------------------------------------


def test_augmentation_share_fires_below_the_benchmark_with_evidence():
    j = Journal()
    a = j.ai(-13, 141, "learn")
    b = j.ai(0, 59, "automate")
    j.ai(-14, 500, "automate")  # before the window
    insight = j.get("augmentation-share")
    assert insight is not None and insight.severity == "watch"
    assert insight.metrics == {"share": 0.705, "benchmark": 0.71, "classified_minutes": 200}
    assert evidence(insight) == {day(-13): (a,), day(0): (b,)}


def test_augmentation_share_exactly_at_the_benchmark_does_not_fire():
    j = Journal()
    j.ai(-3, 142, "augment")
    j.ai(-2, 58, "companion")
    assert j.get("augmentation-share") is None


def test_augmentation_share_needs_120_classified_minutes():
    j = Journal()
    j.ai(-1, 119, "automate")
    j.ai(0, 600, "unclassified")  # counts in totals, never in shares
    assert j.get("augmentation-share") is None
    j.ai(0, 1, "companion")
    assert j.get("augmentation-share").metrics["classified_minutes"] == 120


@pytest.mark.parametrize(("offset", "fires"), [(-13, True), (-14, False)])
def test_augmentation_share_window_is_fourteen_days(offset, fires):
    j = Journal()
    j.ai(offset, 120, "automate")
    assert (j.get("augmentation-share") is not None) is fires


# --- learning-partner --------------------------------------------------------------------------


def test_learning_partner_fires_at_sixty_minutes_with_skills():
    j = Journal()
    a = j.ai(-6, 30, "learn", skill="SQL window functions")
    b = j.ai(0, 20, "learn", skill="git rebase")
    c = j.ai(0, 10, "learn", skill="sql window functions", hour=15)
    j.ai(-7, 300, "learn", skill="Rust")  # outside the week
    j.ai(-1, 300, "augment")
    insight = j.get("learning-partner")
    assert insight is not None and insight.severity == "info"
    assert insight.metrics == {"minutes": 60, "skills": ["SQL window functions", "git rebase"]}
    assert evidence(insight) == {day(-6): (a,), day(0): (b, c)}
    assert any("git rebase" in a.text for a in insight.actions)


def test_learning_partner_below_sixty_minutes_does_not_fire():
    j = Journal()
    j.ai(-6, 30, "learn")
    j.ai(0, 29, "learn")
    j.ai(-7, 30, "learn")
    assert j.get("learning-partner") is None


# --- ai-instead-of-people ----------------------------------------------------------------------


def test_ai_instead_of_people_fires_at_three():
    j = Journal()
    a = j.ai(-6, 20, "augment", instead=True)
    b = j.ai(-3, 20, "companion")
    c = j.ai(0, 20, "companion", instead=True)  # both: counted once
    j.ai(-7, 20, "companion")
    insight = j.get("ai-instead-of-people")
    assert insight is not None and insight.severity == "act"
    assert insight.metrics == {"count": 3}
    assert evidence(insight) == {day(-6): (a,), day(-3): (b,), day(0): (c,)}


def test_ai_instead_of_people_two_is_not_enough():
    j = Journal()
    j.ai(-6, 20, "learn", instead=True)
    j.ai(0, 20, "companion")
    j.ai(-7, 20, "companion", instead=True)
    j.ai(-1, 20, "automate")
    assert j.get("ai-instead-of-people") is None


# --- people-fading -----------------------------------------------------------------------------


def fading(recent_people: int = 59, recent_ai: int = 100, earlier: int = 3) -> Journal:
    """Earlier 28 days: 400 people minutes (weekly mean 100), 400 AI minutes (weekly mean 100)."""
    j = Journal()
    minutes = [400 // earlier] * earlier
    minutes[0] += 400 - sum(minutes)
    for n, mins in enumerate(minutes):
        j.met(-34 + n * 9, "Sam", mins)
    j.ai(-34, 200, "automate")
    j.ai(-7, 200, "automate")
    j.met(-35, "Sam", 900)  # before both windows
    if recent_people:
        j.met(-6, "Sam", recent_people)
    if recent_ai:
        j.ai(0, recent_ai, "automate")
    return j


def test_people_fading_fires_with_evidence_and_metrics():
    j = fading()
    insight = j.get("people-fading")
    assert insight is not None and insight.severity == "act"
    assert insight.metrics == {
        "people_minutes": 59,
        "people_weekly_mean": 100.0,
        "ai_minutes": 100,
        "ai_weekly_mean": 100.0,
    }
    days = evidence(insight)
    assert set(days) == {day(-6), day(0)}
    assert "59 minutes with people" in insight.detail and "3 interactions" in insight.detail


def test_people_fading_at_sixty_percent_does_not_fire():
    assert fading(recent_people=60).get("people-fading") is None


def test_people_fading_needs_three_earlier_interactions():
    assert fading(earlier=2).get("people-fading") is None


def test_people_fading_needs_ai_holding():
    assert fading(recent_ai=99).get("people-fading") is None


def test_people_fading_needs_ai_minutes_now():
    j = Journal()
    for n in (-30, -20, -10):
        j.met(n, "Sam", 100)
    assert j.get("people-fading") is None  # no AI at all: 0 >= 0 is not "holding"


def test_people_fading_window_edges():
    j = Journal()
    for n in (-34, -20, -7):  # all three in the 28 days before (D-34 ... D-7)
        j.met(n, "Sam", 100)
    j.ai(-6, 10, "automate")
    insight = j.get("people-fading")
    assert insight is not None and insight.metrics["people_weekly_mean"] == 75.0
    j.met(-6, "Sam", 44)  # 44 < 45 = 60 % of 75
    assert j.get("people-fading").metrics["people_minutes"] == 44
    j.met(-6, "Sam", 1)
    assert j.get("people-fading") is None


# --- isolation-streak --------------------------------------------------------------------------


def test_isolation_streak_fires_at_three_logged_days():
    j = Journal()
    j.met(-3, "Sam", quality=3)
    a = j.ai(-2)
    b = j.met(-1, "Sam", quality=2)
    c = j.energy(0, 3)
    insight = j.get("isolation-streak")
    assert insight is not None and insight.severity == "watch"
    assert insight.metrics == {"days": 3}
    assert evidence(insight) == {day(-2): (a,), day(-1): (b,), day(0): (c,)}


def test_isolation_streak_two_days_do_not_fire():
    j = Journal()
    j.met(-2, "Sam", quality=3)
    j.ai(-1)
    j.energy(0, 3)
    assert j.get("isolation-streak") is None


@pytest.mark.parametrize(("length", "severity"), [(4, "watch"), (5, "act")])
def test_isolation_streak_turns_act_at_five(length, severity):
    j = Journal()
    for n in range(length):
        j.energy(-n, 3)
    assert j.get("isolation-streak").severity == severity


def test_isolation_streak_skips_days_without_entries():
    j = Journal()
    j.met(-30, "Sam", quality=5)
    for n in (-20, -9, -2):
        j.ai(n)
    assert j.get("isolation-streak").metrics["days"] == 3


@pytest.mark.parametrize(("last", "fires"), [(-2, True), (-3, False)])
def test_isolation_streak_must_end_within_two_days(last, fires):
    j = Journal()
    for n in range(3):
        j.checkin(last - n, 3, 3)
    assert (j.get("isolation-streak") is not None) is fires


def test_isolation_streak_counts_older_logged_days_the_caller_supplies():
    j = Journal()
    for n in range(3):
        j.ai(-n)
    old = {day(-100): ("x1",), day(-80): ("x2", "x3"), day(1): ("future",)}
    insight = j.get("isolation-streak", logged_days=old)
    assert insight.metrics == {"days": 5}
    assert evidence(insight)[day(-80)] == ("x2", "x3")


# --- no-mentoring ------------------------------------------------------------------------------


def test_no_mentoring_fires_when_the_journal_spans_fourteen_days():
    j = Journal()
    first = j.ai(-13)
    j.met(-5, "Sam", kind="collaboration")
    insight = j.get("no-mentoring")
    assert insight is not None and insight.severity == "watch"
    assert insight.metrics == {"days_since": None}
    assert day(-5) in evidence(insight)
    assert first  # the journal's first day is D-13


def test_no_mentoring_needs_fourteen_days_of_journal():
    j = Journal()
    j.ai(-12)
    assert j.get("no-mentoring") is None
    assert j.get("no-mentoring", first_day=day(-13)) is not None  # the store may know better


@pytest.mark.parametrize(("offset", "fires"), [(-13, False), (-14, True)])
def test_no_mentoring_window_edge(offset, fires):
    j = Journal()
    j.ai(-30)
    m = j.met(offset, "Priya", kind="feedback")
    insight = j.get("no-mentoring")
    assert (insight is not None) is fires
    if fires:
        assert insight.metrics == {"days_since": 14}
        assert evidence(insight)[day(-14)] == (m,)


def test_no_mentoring_days_since_from_the_store():
    j = Journal()
    j.ai(-20)
    insight = j.get("no-mentoring", last_mentoring_day=day(-40), first_day=day(-90))
    assert insight.metrics == {"days_since": 40}
    assert j.get("no-mentoring", last_mentoring_day=day(-3)) is None


# --- energy-slide ------------------------------------------------------------------------------


def slide(recent: list[int], earlier: list[int]) -> Journal:
    j = Journal()
    for n, level in enumerate(recent):
        j.energy(-(n % 7), level, hour=8 + n // 7)
    for n, level in enumerate(earlier):
        j.energy(-7 - (n % 21), level, hour=8 + n // 21)
    return j


def test_energy_slide_fires_at_exactly_three_quarters():
    # 1.8 vs 2.55: the drop is exactly 0.75, which floats get wrong (0.7499999999999998)
    j = slide([2, 2, 2, 2, 1], [3] * 11 + [2] * 9)
    insight = j.get("energy-slide")
    assert insight is not None and insight.severity == "watch"
    assert insight.metrics == {
        "recent_mean": 1.8,
        "earlier_mean": 2.55,
        "drop": 0.75,
        "ai_rising": False,
    }
    assert sum(len(e.entry_ids) for e in insight.evidence) == 5
    assert all(e.day >= day(-6) for e in insight.evidence)


def test_energy_slide_just_below_does_not_fire():
    assert slide([2, 2, 2, 2, 2], [3] * 11 + [2] * 9).get("energy-slide") is None  # 0.55
    assert slide([2, 2, 2, 2], [3] * 15 + [2] * 6).get("energy-slide") is None  # 57/21 - 2 < 3/4
    assert slide([2, 2, 2, 2], [3] * 16 + [2] * 5).get("energy-slide") is not None  # 58/21 - 2


def test_energy_slide_needs_four_readings_each():
    assert slide([1, 1, 1], [5, 5, 5, 5]).get("energy-slide") is None
    assert slide([1, 1, 1, 1], [5, 5, 5]).get("energy-slide") is None
    assert slide([1, 1, 1, 1], [5, 5, 5, 5]).get("energy-slide") is not None


def test_energy_slide_window_edges():
    j = slide([1, 1, 1, 1], [5, 5, 5])
    j.energy(-28, 5)  # before the 21 days
    assert j.get("energy-slide") is None
    j.energy(-27, 5)
    assert j.get("energy-slide") is not None


@pytest.mark.parametrize(("recent_ai", "severity"), [(100, "act"), (99, "watch")])
def test_energy_slide_acts_when_ai_is_rising(recent_ai, severity):
    j = slide([2, 2, 2, 2], [4, 4, 4, 4])
    j.ai(-27, 150)
    j.ai(-7, 150)  # weekly mean of the 21 days before: 100
    j.ai(-6, recent_ai)
    insight = j.get("energy-slide")
    assert insight.severity == severity
    assert insight.metrics["ai_rising"] is (severity == "act")


# --- people-lift-energy ------------------------------------------------------------------------


def lift(with_levels: list[list[int]], without_levels: list[list[int]]) -> Journal:
    j = Journal()
    n = 0
    for levels in with_levels:
        j.met(-n, "Sam", quality=3)
        for k, level in enumerate(levels):
            j.energy(-n, level, hour=8 + k)
        n += 1
    for levels in without_levels:
        j.met(-n, "Sam", quality=2)  # a day with people, but not a connected one
        for k, level in enumerate(levels):
            j.energy(-n, level, hour=8 + k)
        n += 1
    return j


def test_people_lift_energy_fires_with_day_means():
    # days weigh equally: [5, 3, 3] is one day of 11/3, not three readings
    j = lift([[5, 3, 3], [4], [4], [4], [4]], [[3]] * 5)
    insight = j.get("people-lift-energy")
    assert insight is not None and insight.severity == "info"
    assert insight.metrics == {"with": 3.933, "without": 3.0, "n_with": 5, "n_without": 5}
    assert insight.title == "Days with people lift your energy"
    assert "5 days with people vs 5 without" in insight.detail
    assert len(insight.evidence) == 10


def test_people_lift_energy_fires_in_the_other_direction_at_one_half():
    j = lift([[3]] * 5, [[3, 4]] * 5)
    insight = j.get("people-lift-energy")
    assert insight is not None
    assert insight.metrics["with"] == 3.0 and insight.metrics["without"] == 3.5
    assert insight.title == "Days with people have felt more draining lately"


def test_people_lift_energy_just_below_thresholds():
    assert lift([[4]] * 4, [[3]] * 7).get("people-lift-energy") is None  # 4 days with
    assert lift([[4]] * 7, [[3]] * 4).get("people-lift-energy") is None  # 4 days without
    # 3.4 vs 3.0: a difference of 0.4
    assert lift([[4], [4], [3], [3], [3]], [[3]] * 5).get("people-lift-energy") is None


def test_people_lift_energy_window_edge():
    j = lift([[4]] * 5, [[3]] * 4)
    j.energy(-28, 3)  # a day outside the 28 days
    assert j.get("people-lift-energy") is None
    j.energy(-27, 3)
    assert j.get("people-lift-energy").metrics["n_without"] == 5


# --- neglected-person --------------------------------------------------------------------------


def test_neglected_person_fires_per_person_with_reconnect_action():
    j = Journal()
    j.person("Priya", "mentor")
    ids = [j.met(n, ("Priya", "Sam")) for n in (-55, -30, -14)]
    j.met(-13, "Sam")
    j.met(-40, "Lena")
    j.met(-41, "Lena")
    j.met(-42, "lena")
    found = j.all("neglected-person")
    assert [i.metrics for i in found] == [
        {"person": "Lena", "days_since": 40},
        {"person": "Priya", "days_since": 14},
    ]
    priya = found[1]
    assert priya.severity == "watch"
    assert evidence(priya) == {day(-55): (ids[0],), day(-30): (ids[1],), day(-14): (ids[2],)}
    assert [a.id for a in priya.actions] == ["neglected-person/reconnect-priya"]
    assert "Priya" in priya.actions[0].text


def test_neglected_person_just_below():
    j = Journal()
    for n in (-56, -30, -20):  # D-56 is before the 42 days
        j.met(n, "Priya")
    assert j.all("neglected-person") == []
    j.met(-55, "Priya")
    assert len(j.all("neglected-person")) == 1
    j.met(-13, "Priya", quality=1)  # any contact in the last 14 days
    assert j.all("neglected-person") == []


def test_neglected_person_counts_an_interaction_once_per_person():
    j = Journal()
    for n in (-50, -40):
        j.met(n, ("Kofi", "Dana"))
    j.met(-30, "Kofi")
    found = j.all("neglected-person")
    assert [i.metrics["person"] for i in found] == ["Kofi"]


# --- young journal -----------------------------------------------------------------------------


def test_empty_and_young_journals_say_nothing():
    assert Journal().run() == []
    j = Journal()
    for n in range(3):
        j.ai(-n, 40, "learn")
        j.energy(-n, 4)
        j.checkin(-n, 3, 4)
        j.met(-n, "Sam", quality=4)
    assert j.run() == [] or {i.id for i in j.run()} <= {"learning-partner"}
    assert D.weekday() == 3
