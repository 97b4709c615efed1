"""`factors` on journals built with a known truth: planted effects are found with their sign and
about their size, no effect gives (almost) no findings, a weekday confound is not an effect."""

from __future__ import annotations

import math
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
    carry: float = 0.0,
    spells: bool = False,
) -> Journal:
    """90 days ending on D: energy 3 ± noise each day; Lars on about 40 % of days, Sam on 30 %,
    AI (learn or automate) on most days; effects planted as asked. `carry`: that share of a
    day's energy mood carries over into the next (AR(1), as real energy does); `spells`: Lars
    comes in runs of days (a shared project) rather than at random."""
    rng = random.Random(seed)
    j = Journal()
    lars_days: set[int] = set()
    mood = 0.0
    for offset in range(-(WINDOW - 1), 1):
        day = D.toordinal() + offset
        workday = j.profile_record.is_workday(D.fromordinal(day))
        meets = workday or people_on_days_off
        chance = (0.8 if offset - 1 in lars_days else 0.15) if spells else 0.4
        if meets and rng.random() < chance:
            j.met(offset, "Lars", 30, kind="collaboration")
            lars_days.add(offset)
        if meets and rng.random() < 0.3:
            j.met(offset, "Sam", 45, kind="meeting")
        if rng.random() < 0.7:
            j.ai(offset, rng.choice((20, 40, 90)), rng.choice(("learn", "automate")))
        mood = carry * mood + math.sqrt(1 - carry * carry) * rng.gauss(0, 0.8)
        value = 3.0 + mood
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


def _with_any(journals: list[Journal]) -> int:
    """How many of the journals show at least one factor at the default level."""
    return sum(
        any(f.shown for f in analyse(j.records(), D, WINDOW, "energy", bootstrap="none"))
        for j in journals
    )


# The claim (docs/statistics.md, the output): on a journal where nothing matters, at most 1 run
# in 10 shows a finding. Measured over 200 seeds: about 6 % with independent days, about 6 % with
# carry-over and runs of days, about 6 % with a slow drift (the tests marked slow); before the
# two-week blocks and the pooled test it was 11 %, 18 % and 84 %. The fast tests hold each
# claim to 40 journals, with no slack: 10 % of 40 is 4.
CLAIM = 0.10


def test_no_effect_gives_false_discoveries_within_the_level() -> None:
    seeds = range(100, 140)
    with_any = _with_any([_journal(seed) for seed in seeds])
    assert with_any <= CLAIM * len(seeds)


def test_no_effect_with_carry_over_stays_within_the_level() -> None:
    """Real energy carries over from day to day and people come in runs of days: that makes a
    test that takes the days as independent find things that are not there."""
    seeds = range(200, 240)
    with_any = _with_any([_journal(seed, carry=0.6, spells=True) for seed in seeds])
    assert with_any <= CLAIM * len(seeds)


def _drifting(seed: int, drop: float = 1.5) -> Journal:
    """90 days in which energy slides down `drop` points while AI use grows (longer sessions,
    more of them handed off), with no effect of any day's AI, people or meetings on that day."""
    rng = random.Random(seed)
    j = Journal()
    for offset in range(-(WINDOW - 1), 1):
        t = (offset + WINDOW - 1) / (WINDOW - 1)  # 0 on the first day, 1 on the last
        if rng.random() < 0.4:
            j.met(offset, "Lars", 30, kind="collaboration")
        if rng.random() < 0.3 + 0.6 * t:
            purpose = "automate" if rng.random() < t else "learn"
            j.ai(offset, max(10, round(rng.gauss(40 + 160 * t, 50))), purpose)
        j.energy(offset, _level(3.75 - drop * t + rng.gauss(0, 0.6)))
    return j


def test_a_slow_drift_is_not_read_as_factors() -> None:
    for seed in (11, 12, 13):
        found = analyse(_drifting(seed).records(), D, WINDOW, "energy", bootstrap="none")
        assert [f.sentence for f in found if f.shown] == []
    # the same AI use with energy that does not drift, but drops on days with over 2 h of AI: found
    j = _drifting(11, drop=0.0)
    heavy = {s.day for s in j.ai_sessions if s.minutes > 120}
    for reading in list(j.energy_readings):
        if reading.day in heavy:
            j.energy_readings.remove(reading)
            j.energy(reading.day, max(1, reading.level - 1))
    found = _by_id(analyse(j.records(), D, WINDOW, "energy"))
    assert found["ai-over-120"].shown and (found["ai-over-120"].diff or 0) < -0.5


def test_factors_on_the_same_days_are_shown_once() -> None:
    """Lars, always met in person to collaborate, and nobody else: one question, not three."""
    rng = random.Random(9)
    j = Journal()
    for offset in range(-(WINDOW - 1), 1):
        met = rng.random() < 0.4
        if met:
            j.met(offset, "Lars", 30, kind="collaboration")
        j.energy(offset, _level(3.0 + (1.0 if met else 0.0) + rng.gauss(0, 0.8)))
    found = _by_id(analyse(j.records(), D, WINDOW, "energy"))
    assert "kind:collaboration" not in found and "channel:in_person" not in found
    lars = found["person:lars"]
    assert lars.shown
    assert lars.sentence.endswith(" (the same days as collaborating and meeting in person)")


def test_a_weekday_confound_is_not_read_as_people_draining_you() -> None:
    j = _journal(3, day_off_lift=1.2, people_on_days_off=False)
    found = _by_id(analyse(j.records(), D, WINDOW, "energy"))
    for fid in ("person:lars", "person:sam"):  # (the same days as their kinds of meeting)
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
    # the ten paused days are out; a day may also drop out when its stratum (a kind of day in a
    # two-week block) has no day with Lars or none without him
    assert WINDOW - 15 <= lars.n_on + lars.n_off <= WINDOW - 10
    connection = _by_id(analyse(j.records(), D, WINDOW, "connection"))
    assert connection["person:lars"].n_on == 0 and not connection["person:lars"].enough


def test_the_interval_is_the_same_from_run_to_run() -> None:
    records = _journal(7, lars_lift=1.0).records()
    first = _by_id(analyse(records, D, WINDOW, "energy"))["person:lars"]
    again = _by_id(analyse(records, D, WINDOW, "energy"))["person:lars"]
    assert (first.low, first.high) == (again.low, again.high)


@pytest.mark.slow
@pytest.mark.parametrize("carry", [0.0, 0.6])
def test_no_effect_over_many_seeds_stays_within_the_level(carry: float) -> None:
    seeds = range(1000, 1200)
    journals = [_journal(s, carry=carry, spells=carry > 0) for s in seeds]
    assert _with_any(journals) <= CLAIM * len(seeds)


@pytest.mark.slow
def test_slow_drifts_over_many_seeds_stay_within_the_level() -> None:
    seeds = range(1000, 1100)
    assert _with_any([_drifting(s) for s in seeds]) <= CLAIM * len(seeds)
