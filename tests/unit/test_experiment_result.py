"""Experiment results on day values built with a known truth: a planted effect is found with its
sign, no effect is found no more often than the level allows, alternate days are balanced and
fixed by the seed, and the caveats name what else changed."""

from __future__ import annotations

import datetime as dt
import random

from journal import models as m
from journal.reflect import experiment as rx
from journal.reflect.context import paused_days

START = dt.date(2026, 11, 2)  # a Monday
STAMP = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
PROFILE = m.Profile()  # mon-fri


def _experiment(design: str = "before-after", days: int = 14, seed: int = 1, **kw) -> m.Experiment:
    return m.Experiment(
        id="e" * 32,
        created_at=STAMP,
        updated_at=STAMP,
        name="draft first",
        change="write the first draft myself",
        days=days,
        measures=kw.pop("measures", ("energy",)),
        design=design,
        started_day=START,
        seed=seed,
        **kw,
    )


def _energy(rng: random.Random, days, level) -> dict[dt.date, float]:
    """One mean energy a day: level(day) plus noise, kept to the 1..5 scale."""
    return {d: min(5.0, max(1.0, rng.gauss(level(d), 0.6))) for d in days}


def _span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]


def _values(energy: dict[dt.date, float], **kw) -> rx.DayValues:
    return rx.DayValues(energy=energy, logged=frozenset(kw.pop("logged", energy)), **kw)


def _before_after(seed: int, effect: float) -> rx.MeasureResult:
    exp = _experiment()
    rng = random.Random(seed)

    def level(d: dt.date) -> float:  # days off are better anyway; the change adds `effect`
        return 3.0 + (0.0 if PROFILE.is_workday(d) else 1.0) + (effect if d >= START else 0.0)

    days = _span(START - dt.timedelta(days=30), exp.last_day)
    found = rx.result(exp, _values(_energy(rng, days, level)), PROFILE, [], exp.last_day)
    return found.measures[0]


def test_before_after_finds_a_planted_effect_with_its_sign_and_size():
    results = [_before_after(seed, 1.0) for seed in range(30)]
    assert all(r.enough and (r.n_on, r.n_off) == (14, 14) for r in results)
    assert sum(r.detected for r in results) >= 27
    assert all(r.diff is not None and r.diff > 0 for r in results)
    mean_diff = sum(r.diff or 0 for r in results) / len(results)
    assert 0.8 < mean_diff < 1.2
    assert "Energy was" in results[0].sentence and "higher during the experiment" in (
        results[0].sentence
    )
    lowered = _before_after(0, -1.0)
    assert lowered.detected and lowered.diff is not None and lowered.diff < 0
    assert "lower" in lowered.sentence


def test_before_after_without_an_effect_detects_nothing_beyond_the_level():
    results = [_before_after(seed, 0.0) for seed in range(30)]
    false = sum(r.detected for r in results)
    assert false <= 6  # a 90 % interval misses 3 of 30 on average; 7 or more: P < 0.03
    assert any("No clear difference in energy" in r.sentence for r in results)


def _alternate(seed: int, effect: float) -> rx.MeasureResult:
    exp = _experiment("alternate", days=28, seed=seed)
    plan = rx.assignment(START, 28, seed)
    rng = random.Random(1000 + seed)

    def level(d: dt.date) -> float:
        return 3.0 + (0.0 if PROFILE.is_workday(d) else 1.0) + (effect if plan[d] else 0.0)

    found = rx.result(
        exp, _values(_energy(rng, _span(START, exp.last_day), level)), PROFILE, [], exp.last_day
    )
    return found.measures[0]


def test_alternate_finds_a_planted_effect_and_no_effect_within_the_level():
    planted = [_alternate(seed, 0.9) for seed in range(30)]
    assert sum(r.detected for r in planted) >= 25
    assert all(r.diff is not None and r.diff > 0 for r in planted)
    assert all(20 <= r.n_on + r.n_off <= 28 for r in planted)  # a kind of day may drop out
    assert "on ON days than on OFF days" in planted[0].sentence
    null = [_alternate(seed, 0.0) for seed in range(30)]
    assert sum(r.detected for r in null) <= 6


def test_alternate_days_are_balanced_within_each_week_and_fixed_by_the_seed():
    for seed in range(40):
        plan = rx.assignment(START, 30, seed)
        assert sorted(plan) == _span(START, START + dt.timedelta(days=29))
        flags = [plan[d] for d in sorted(plan)]
        for week in range(0, 30, 7):
            chunk = flags[week : week + 7]
            assert abs(sum(chunk) - (len(chunk) - sum(chunk))) <= 1, (seed, week)
        assert abs(sum(flags) - (len(flags) - sum(flags))) <= 1, seed
        assert rx.assignment(START, 30, seed) == plan
    orders = {tuple(rx.assignment(START, 14, seed).values()) for seed in range(20)}
    assert len(orders) > 10  # the seed, not the calendar, decides


def test_is_on_before_after_every_day_alternate_by_plan_none_outside():
    exp = _experiment()
    assert rx.is_on(exp, START) is True and rx.is_on(exp, exp.last_day) is True
    assert rx.is_on(exp, START - dt.timedelta(days=1)) is None
    assert rx.is_on(exp, exp.last_day + dt.timedelta(days=1)) is None
    alt = _experiment("alternate", seed=5)
    plan = rx.assignment(START, 14, 5)
    assert [rx.is_on(alt, d) for d in sorted(plan)] == [plan[d] for d in sorted(plan)]


def test_too_few_days_yet_names_how_many_more_each_side_needs():
    exp = _experiment()
    days = _span(START - dt.timedelta(days=20), START + dt.timedelta(days=2))
    values = _values({d: 3.0 + (d >= START) for d in days})
    [energy] = rx.result(exp, values, PROFILE, [], START + dt.timedelta(days=2)).measures
    assert not energy.enough and not energy.detected
    assert (energy.n_on, energy.n_off) == (3, 3)
    assert energy.sentence.startswith("Too few days yet for energy")
    assert "2 more during and 2 more before" in energy.sentence


def test_before_after_compares_like_days_and_leaves_paused_days_out():
    exp = _experiment()
    pause = m.Pause(
        id="p" * 32,
        created_at=STAMP,
        updated_at=STAMP,
        from_day=START - dt.timedelta(days=3),
        to_day=START - dt.timedelta(days=1),
    )
    paused = paused_days([pause], START - dt.timedelta(days=60), exp.last_day)
    during, before = rx.sides(exp, PROFILE, paused, exp.last_day)
    assert during == _span(START, exp.last_day)
    assert not set(before) & paused
    assert max(before) < START - dt.timedelta(days=3)
    work = sum(PROFILE.is_workday(d) for d in during)
    assert sum(PROFILE.is_workday(d) for d in before) == work == 10
    assert len(before) == 14


def test_caveats_name_a_pause_fewer_logged_days_a_profile_change_and_another_measure():
    exp = _experiment()
    days = _span(START - dt.timedelta(days=30), exp.last_day)
    rng = random.Random(3)
    energy = {d: rng.gauss(3.5, 0.5) for d in days}
    # Far fewer days logged during; people-minutes jump when the change starts.
    logged = {d for d in days if d < START or d.weekday() in (0, 2, 4)}
    people = {d: (90 if d >= START else 10) + rng.randrange(10) for d in logged}
    pause = m.Pause(
        id="p" * 32,
        created_at=STAMP,
        updated_at=STAMP,
        from_day=START + dt.timedelta(days=5),
        to_day=START + dt.timedelta(days=6),
    )
    values = rx.DayValues(energy=energy, people_minutes=people, logged=frozenset(logged))
    changed = dt.datetime(2026, 11, 4, 12, tzinfo=dt.UTC)
    found = rx.result(exp, values, PROFILE, [pause], exp.last_day, profile_changed=changed)
    text = " ".join(found.caveats)
    assert "A pause (2026-11-07 to 2026-11-08) fell inside the experiment" in text
    assert "You logged 6 of 12 days during against 12 of 12 days before" in text
    assert "profile changed on 2026-11-04" in text
    assert "time with people was also higher" in text
    quiet = rx.result(exp, _values(energy), PROFILE, [], exp.last_day)
    assert quiet.caveats == ()


def test_result_json_carries_effect_interval_and_n():
    data = rx.result(
        _experiment(measures=("energy", "people-minutes")),
        _values({d: 3.0 for d in _span(START - dt.timedelta(days=20), START)}),
        PROFILE,
        [],
        START,
    ).to_json()
    assert data["design"] == "before-after"
    assert [r["measure"] for r in data["results"]] == ["energy", "people-minutes"]
    assert set(data["results"][0]) >= {"effect", "interval", "n_on", "n_off", "sentence"}
