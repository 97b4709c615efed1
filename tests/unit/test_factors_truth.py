"""`factors` on journals built with a known truth: planted effects are found with their sign and
about their size, no effect gives (almost) no findings, a weekday confound is not an effect."""

from __future__ import annotations

import random

import pytest

from journal.reflect.factors import Q_LEVEL, Factor, analyse
from tests.unit.reflect_builders import D, Journal

WINDOW = 90


def _level(value: float) -> int:
    return max(1, min(5, round(value)))


def _journal(
    seed: int,
    *,
    lars_lift: float = 0.0,
    next_day_lift: float = 0.0,
    day_off_lift: float = 0.0,
    people_on_days_off: bool = True,
) -> Journal:
    """90 days ending on D: energy 3 ± noise each day; Lars on about 40 % of days, Sam on 30 %,
    AI (learn or automate) on most days; effects planted as asked."""
    rng = random.Random(seed)
    j = Journal()
    lars_days: set[int] = set()
    for offset in range(-(WINDOW - 1), 1):
        day = D.toordinal() + offset
        workday = j.profile_record.is_workday(D.fromordinal(day))
        meets = workday or people_on_days_off
        if meets and rng.random() < 0.4:
            j.met(offset, "Lars", 30, kind="collaboration")
            lars_days.add(offset)
        if meets and rng.random() < 0.3:
            j.met(offset, "Sam", 45, kind="meeting")
        if rng.random() < 0.7:
            j.ai(offset, rng.choice((20, 40, 90)), rng.choice(("learn", "automate")))
        value = 3.0 + rng.gauss(0, 0.8)
        value += lars_lift if offset in lars_days else 0.0
        value += next_day_lift if offset - 1 in lars_days else 0.0
        value += 0.0 if workday else day_off_lift
        j.energy(offset, _level(value))
    return j


def _by_id(found: list[Factor]) -> dict[str, Factor]:
    return {f.id: f for f in found}


def test_a_planted_lift_is_found_with_its_sign_and_about_its_size() -> None:
    found = _by_id(analyse(_journal(1, lars_lift=1.0).records(), D, WINDOW, "energy"))
    lars = found["person:lars"]
    assert lars.shown and lars.q is not None and lars.q <= Q_LEVEL
    assert lars.diff is not None and 0.6 <= lars.diff <= 1.4
    assert lars.low is not None and lars.high is not None and lars.low < lars.diff < lars.high
    assert lars.method == "bootstrap"
    assert lars.sentence.startswith("Energy is ")
    assert " higher on days you see Lars (workdays compared with workdays, " in lars.sentence
    assert f"on {lars.n_on} days vs" in lars.sentence
    assert lars.n_on + lars.n_off == WINDOW


def test_a_planted_drop_says_lower() -> None:
    found = _by_id(analyse(_journal(2, lars_lift=-1.0).records(), D, WINDOW, "energy"))
    lars = found["person:lars"]
    assert lars.shown and lars.diff is not None and lars.diff < -0.6
    assert " lower on days you see Lars" in lars.sentence


def test_no_effect_gives_false_discoveries_within_the_level() -> None:
    seeds = range(100, 140)
    with_any = 0
    for seed in seeds:
        found = analyse(_journal(seed).records(), D, WINDOW, "energy", bootstrap="none")
        with_any += any(f.shown for f in found)
    # Benjamini–Hochberg at q <= 0.10 under no effect: a journal shows anything about 10 % of the
    # time (4 of 40 expected; 8 or more would happen by chance about 2 % of the time).
    assert with_any <= 0.1 * len(seeds) + 3


def test_a_weekday_confound_is_not_read_as_people_draining_you() -> None:
    j = _journal(3, day_off_lift=1.2, people_on_days_off=False)
    found = _by_id(analyse(j.records(), D, WINDOW, "energy"))
    for fid in ("person:lars", "person:sam", "kind:meeting", "kind:collaboration"):
        factor = found[fid]
        assert not factor.shown, factor.sentence
        assert "workdays" in factor.sentence  # compared on workdays only
    workday = found["workday"]
    assert workday.shown and workday.diff is not None and workday.diff < -0.6
    assert workday.sentence.startswith("Energy is ")
    assert "lower on workdays than on days off" in workday.sentence


def test_next_day_energy_uses_the_next_calendar_day() -> None:
    records = _journal(4, next_day_lift=1.0).records()
    after = _by_id(analyse(records, D, WINDOW, "next-day-energy"))["person:lars"]
    assert after.shown and after.diff is not None and 0.6 <= after.diff <= 1.4
    assert " higher after days you see Lars" in after.sentence
    same = _by_id(analyse(records, D, WINDOW, "energy"))["person:lars"]
    assert not same.shown and same.diff is not None and abs(same.diff) < 0.5


def test_too_few_days_say_how_many_more_are_needed() -> None:
    j = _journal(5)
    for offset in (-3, -10):
        j.met(offset, "Noor", 30)
    noor = _by_id(analyse(j.records(), D, WINDOW, "energy"))["person:noor"]
    assert not noor.enough and noor.q is None and noor.n_on == 2
    assert noor.more_on == 3 and noor.more_off == 0
    assert noor.sentence == "Seeing Noor: not enough days yet (3 more days with it needed)"


def test_paused_days_and_days_without_the_outcome_leave_the_comparison() -> None:
    j = _journal(6, lars_lift=1.0)
    j.pause(-20, -11)
    lars = _by_id(analyse(j.records(), D, WINDOW, "energy"))["person:lars"]
    assert lars.n_on + lars.n_off == WINDOW - 10
    connection = _by_id(analyse(j.records(), D, WINDOW, "connection"))
    assert connection["person:lars"].n_on == 0 and not connection["person:lars"].enough


def test_the_interval_is_the_same_from_run_to_run() -> None:
    records = _journal(7, lars_lift=1.0).records()
    first = _by_id(analyse(records, D, WINDOW, "energy"))["person:lars"]
    again = _by_id(analyse(records, D, WINDOW, "energy"))["person:lars"]
    assert (first.low, first.high) == (again.low, again.high)


@pytest.mark.slow
def test_no_effect_over_many_seeds_stays_within_the_level() -> None:
    seeds = range(1000, 1200)
    with_any = sum(
        any(f.shown for f in analyse(_journal(s).records(), D, WINDOW, "energy", bootstrap="none"))
        for s in seeds
    )
    assert with_any <= 0.1 * len(seeds) * 1.5
