"""What a personal experiment shows: pure, from the experiment, the profile, pauses and day values.

`before-after` compares the experiment's days with as many comparable days right before the start
(workdays with workdays, days off with days off, per the profile; paused days left out).
`alternate` puts each day of the experiment on or off in a seeded random order, balanced within
each week, and compares ON days with OFF days of the same kind. Each measure gets the weighted
difference of means with its 90 % interval (journal.reflect.stats.compare, Welch), n on each
side and a sentence; a side with fewer than MIN_DAYS days gives "too few days yet". Caveats name
what else changed over the period.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from journal import models as m
from journal.metrics import augmentation_share
from journal.reflect.context import paused_days
from journal.reflect.stats import Comparison, Stratum, compare

DAY = dt.timedelta(days=1)
MIN_DAYS = 5  # days on each side before a measure is compared
LEVEL = 0.90
FEWER_LOGGED = 0.6  # logging this share of the days before, or less, is named as a caveat
LOOKBACK_FACTOR = 4  # before-after looks this many experiment lengths back for comparable days

LABELS = {
    "energy": "energy",
    "connection": "connection",
    "augmentation": "augmentation share",
    "people-minutes": "time with people",
}
UNITS = {"energy": "", "connection": "", "augmentation": " points", "people-minutes": " min"}
MEAN_UNITS = {"energy": "", "connection": "", "augmentation": "%", "people-minutes": " min"}
DIGITS = {"energy": 1, "connection": 1, "augmentation": 0, "people-minutes": 0}


@dataclass(frozen=True)
class DayValues:
    """What the journal holds per day, for the days an experiment looks at."""

    energy: Mapping[dt.date, float] = field(default_factory=dict)  # the day's mean level
    connection: Mapping[dt.date, float] = field(default_factory=dict)  # the check-in's answer
    ai_by_purpose: Mapping[dt.date, Mapping[str, int]] = field(default_factory=dict)
    people_minutes: Mapping[dt.date, int] = field(default_factory=dict)
    logged: frozenset[dt.date] = frozenset()  # days with any entry

    def value(self, measure: str, day: dt.date) -> float | None:
        """The day's value of a measure, None where the journal does not know it."""
        if measure == "energy":
            return self.energy.get(day)
        if measure == "connection":
            return self.connection.get(day)
        if measure == "augmentation":
            share = augmentation_share(self.ai_by_purpose.get(day, {}))
            return None if share is None else float(share) * 100
        if measure == "people-minutes":  # a logged day without anyone met is 0 minutes
            if day in self.people_minutes:
                return float(self.people_minutes[day])
            return 0.0 if day in self.logged else None
        raise ValueError(f"unknown measure {measure!r}")


@dataclass(frozen=True)
class MeasureResult:
    measure: str
    enough: bool  # both sides have MIN_DAYS days
    n_on: int
    n_off: int
    diff: float | None = None  # on minus off (during minus before)
    low: float | None = None
    high: float | None = None
    mean_on: float | None = None
    mean_off: float | None = None
    sentence: str = ""

    @property
    def detected(self) -> bool:
        """The interval leaves out no change."""
        if not self.enough or self.low is None or self.high is None:
            return False
        return self.low > 0 or self.high < 0

    def to_json(self) -> dict[str, Any]:
        digits = DIGITS[self.measure] + 1

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, digits)

        return {
            "measure": self.measure,
            "enough_days": self.enough,
            "n_on": self.n_on,
            "n_off": self.n_off,
            "mean_on": r(self.mean_on),
            "mean_off": r(self.mean_off),
            "effect": r(self.diff),
            "interval": None if self.low is None else [r(self.low), r(self.high)],
            "level": LEVEL,
            "detected": self.detected,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Result:
    design: str
    on_label: str  # "during" / "ON days"
    off_label: str
    measures: tuple[MeasureResult, ...]
    caveats: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "design": self.design,
            "results": [r.to_json() for r in self.measures],
            "caveats": list(self.caveats),
        }


# --- days ----------------------------------------------------------------------------------------


def assignment(started_day: dt.date, days: int, seed: int) -> dict[dt.date, bool]:
    """Each day of an alternate experiment, on (True) or off: within every week from the start,
    half the days on in a shuffled order; a week of odd length has its extra day on or off by
    turns (the first by the seed), so the whole stays balanced too. The same seed always gives
    the same days."""
    rng = random.Random(seed)
    out: dict[dt.date, bool] = {}
    extra_on = rng.random() < 0.5
    for week in range(0, days, 7):
        size = min(7, days - week)
        ons = size // 2 + (size % 2 if extra_on else 0)
        if size % 2:
            extra_on = not extra_on
        flags = [True] * ons + [False] * (size - ons)
        rng.shuffle(flags)
        for k, flag in enumerate(flags):
            out[started_day + (week + k) * DAY] = flag
    return out


def is_on(experiment: m.Experiment, day: dt.date) -> bool | None:
    """Is the change on that day? None outside the experiment's days; before-after: every day."""
    if not experiment.started_day <= day <= experiment.last_day:
        return None
    if experiment.design != "alternate":
        return True
    return assignment(experiment.started_day, experiment.days, experiment.seed)[day]


def period(experiment: m.Experiment, as_of: dt.date) -> list[dt.date]:
    """The experiment's days so far (up to as_of, or its end day, or the day it was ended)."""
    last = min(experiment.last_day, as_of)
    if experiment.ended_at is not None:
        last = min(last, experiment.ended_at.astimezone().date())
    out, day = [], experiment.started_day
    while day <= last:
        out.append(day)
        day += DAY
    return out


def lookback_first(experiment: m.Experiment) -> dt.date:
    """The earliest day a before-after experiment may compare with."""
    return experiment.started_day - LOOKBACK_FACTOR * max(experiment.days, 7) * DAY


def sides(
    experiment: m.Experiment, profile: m.Profile, paused: set[dt.date], as_of: dt.date
) -> tuple[list[dt.date], list[dt.date]]:
    """(days with the change, comparable days without it), paused days left out."""
    during = [d for d in period(experiment, as_of) if d not in paused]
    if experiment.design == "alternate":
        plan = assignment(experiment.started_day, experiment.days, experiment.seed)
        return [d for d in during if plan[d]], [d for d in during if not plan[d]]
    wanted = {
        True: sum(1 for d in during if profile.is_workday(d)),
        False: sum(1 for d in during if not profile.is_workday(d)),
    }
    before: list[dt.date] = []
    day, first = experiment.started_day - DAY, lookback_first(experiment)
    while day >= first and any(wanted.values()):
        kind = profile.is_workday(day)
        if day not in paused and wanted[kind] > 0:
            before.append(day)
            wanted[kind] -= 1
        day -= DAY
    before.reverse()
    return during, before


# --- the result ------------------------------------------------------------------------------


def _strata(
    measure: str,
    values: DayValues,
    profile: m.Profile,
    on: Sequence[dt.date],
    off: Sequence[dt.date],
) -> tuple[list[Stratum], int, int]:
    groups: dict[bool, tuple[list[float], list[float]]] = {True: ([], []), False: ([], [])}
    for side, days in ((0, on), (1, off)):
        for day in days:
            value = values.value(measure, day)
            if value is not None:
                groups[profile.is_workday(day)][side].append(value)
    n_on = sum(len(g[0]) for g in groups.values())
    n_off = sum(len(g[1]) for g in groups.values())
    return [groups[True], groups[False]], n_on, n_off


def _num(measure: str, value: float) -> str:
    digits = DIGITS[measure]
    return f"{value:.{digits}f}"


def _count(n: int, side: str) -> str:
    """ "7 ON days", "7 days during"."""
    days = f"day{'s' if n != 1 else ''}"
    return f"{n} {side} {days}" if side in ("ON", "OFF") else f"{n} {days} {side}"


def side_words(design: str) -> tuple[str, str, str]:
    """(the ON side, the OFF side, the headline's "where"), for a design."""
    if design == "alternate":
        return "ON", "OFF", "on ON days than on OFF days"
    return "during", "before", "during the experiment than before"


def measure_result(
    measure: str,
    values: DayValues,
    profile: m.Profile,
    on: Sequence[dt.date],
    off: Sequence[dt.date],
    design: str,
) -> MeasureResult:
    strata, n_on, n_off = _strata(measure, values, profile, on, off)
    label = LABELS[measure]
    on_side, off_side, where = side_words(design)
    if n_on < MIN_DAYS or n_off < MIN_DAYS:
        need = [
            f"{MIN_DAYS - n} more {side}"
            for n, side in ((n_on, on_side), (n_off, off_side))
            if n < MIN_DAYS
        ]
        return MeasureResult(
            measure,
            False,
            n_on,
            n_off,
            sentence=(
                f"Too few days yet for {label}: {_count(n_on, on_side)} and "
                f"{_count(n_off, off_side)} with a value; {MIN_DAYS} on each side are needed "
                f"({' and '.join(need)})."
            ),
        )
    found: Comparison | None = compare(strata, level=LEVEL)
    if found is None:  # every stratum has fewer than two days on a side
        return MeasureResult(
            measure,
            False,
            n_on,
            n_off,
            sentence=(
                f"Too few comparable days yet for {label}: workdays or days off need two days "
                f"{on_side} and two {off_side} to be compared."
            ),
        )
    unit = UNITS[measure]
    per = MEAN_UNITS[measure]
    means = (
        f"{_num(measure, found.mean_on)}{per} on {_count(found.n_on, on_side)} vs "
        f"{_num(measure, found.mean_off)}{per} on {_count(found.n_off, off_side)}"
    )
    interval = (
        f"{round(LEVEL * 100)}% interval {_num(measure, found.low)} to "
        f"{_num(measure, found.high)}{unit}"
    )
    base = MeasureResult(
        measure,
        True,
        found.n_on,
        found.n_off,
        diff=found.diff,
        low=found.low,
        high=found.high,
        mean_on=found.mean_on,
        mean_off=found.mean_off,
    )
    if base.detected:
        way = "higher" if found.diff > 0 else "lower"
        text = (
            f"{label.capitalize()} was {_num(measure, abs(found.diff))}{unit} {way} {where}: "
            f"{means} ({interval})."
        )
    else:
        text = f"No clear difference in {label}: {means} ({interval}, which includes no change)."
    return replace(base, sentence=text)


def result(
    experiment: m.Experiment,
    values: DayValues,
    profile: m.Profile,
    pauses: Iterable[m.Pause],
    as_of: dt.date,
    *,
    profile_changed: dt.datetime | None = None,
) -> Result:
    """The experiment's result as of a day (its days so far)."""
    pauses = list(pauses)
    first = lookback_first(experiment)
    paused = paused_days(pauses, first, max(as_of, experiment.last_day))
    on, off = sides(experiment, profile, paused, as_of)
    design = experiment.design
    measured = tuple(
        measure_result(x, values, profile, on, off, design) for x in experiment.measures
    )
    caveats = _caveats(experiment, values, profile, pauses, as_of, on, off, profile_changed)
    on_side, off_side, _ = side_words(design)
    return Result(design, on_side, off_side, measured, tuple(caveats))


def _caveats(
    experiment: m.Experiment,
    values: DayValues,
    profile: m.Profile,
    pauses: Sequence[m.Pause],
    as_of: dt.date,
    on: Sequence[dt.date],
    off: Sequence[dt.date],
    profile_changed: dt.datetime | None,
) -> list[str]:
    out: list[str] = []
    days = period(experiment, as_of)
    if days:
        first, last = days[0], days[-1]
        for pause in pauses:
            if pause.deleted_at is None and pause.from_day <= last and pause.to_day >= first:
                out.append(
                    f"A pause ({pause.from_day.isoformat()} to {pause.to_day.isoformat()}) fell "
                    "inside the experiment; its days are left out."
                )
        if profile_changed is not None and first <= profile_changed.astimezone().date() <= last:
            out.append(
                f"Your profile changed on {profile_changed.astimezone().date().isoformat()}, "
                "during the experiment; workdays and days off follow the current one."
            )
    logged_on = sum(1 for d in on if d in values.logged)
    logged_off = sum(1 for d in off if d in values.logged)
    on_side, off_side, where = side_words(experiment.design)
    if on and off and logged_on / len(on) <= FEWER_LOGGED * (logged_off / len(off)):
        out.append(
            f"You logged {logged_on} of {_count(len(on), on_side)} against {logged_off} of "
            f"{_count(len(off), off_side)}: fewer days to go on, and the days logged may not be "
            "typical."
        )
    for other in (x for x in m.MEASURES if x not in experiment.measures):
        moved = measure_result(other, values, profile, on, off, experiment.design)
        if moved.detected and moved.diff is not None:
            way = "higher" if moved.diff > 0 else "lower"
            out.append(
                f"Your {LABELS[other]} was also {way} {where} "
                f"({_num(other, moved.mean_on or 0)}{MEAN_UNITS[other]} vs "
                f"{_num(other, moved.mean_off or 0)}{MEAN_UNITS[other]}): "
                "something besides the change may have moved."
            )
    return out
