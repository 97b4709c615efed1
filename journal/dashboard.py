"""Weekly series for the TUI dashboard, from per-day rows: pure (no SQL, no Textual).

The store hands over one row per day (journal.store "reads for the TUI"); this module folds them
into Monday-to-Sunday weeks, an augmentation share against the benchmark, a calendar of daily
values for the "year in pixels" and the logging streak.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from journal import metrics
from journal.vocab import PURPOSES

__all__ = ["PURPOSES"]  # re-exported for the dashboard charts
BENCHMARK = metrics.augmentation_benchmark()
HEAT_METRICS = ("energy", "connection")
MIN_WEEKS, MAX_WEEKS = 4, 12


@dataclass(frozen=True)
class Week:
    start: dt.date  # a Monday
    ai: dict[str, int]  # minutes by purpose
    people_minutes: int
    interactions: int
    energy: float | None  # mean of the daily means
    trust_ai: float | None
    trust_team: float | None
    connection: float | None
    logged_days: int

    @property
    def ai_minutes(self) -> int:
        return sum(self.ai.values())

    @property
    def share(self) -> Fraction | None:
        """(learn + augment) / classified minutes; None without classified minutes."""
        return augmentation_share(self.ai)


@dataclass(frozen=True)
class Dashboard:
    as_of: dt.date
    weeks: tuple[Week, ...]
    share: Fraction | None  # over the whole window
    classified_minutes: int
    energy_days: tuple[float | None, ...]  # one per day of the window, for a sparkline
    heat_metric: str
    heat: dict[dt.date, float] = field(default_factory=dict)  # the last year, by day
    heat_first: dt.date = dt.date.min  # the Monday the heatmap starts on
    streak: int = 0
    longest_streak: int = 0

    @property
    def empty(self) -> bool:
        return not any(w.logged_days for w in self.weeks)


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def window(as_of: dt.date, weeks: int) -> tuple[dt.date, dt.date]:
    """The first and last day of `weeks` Monday-aligned weeks, the last one holding as_of."""
    weeks = max(MIN_WEEKS, min(MAX_WEEKS, weeks))
    first = week_start(as_of) - dt.timedelta(weeks=weeks - 1)
    return first, as_of


def heat_window(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """53 Monday-aligned weeks ending with as_of's week: a calendar year of pixels."""
    return week_start(as_of) - dt.timedelta(weeks=52), as_of


augmentation_share = metrics.augmentation_share


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _day(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def streaks(logged_days: Iterable[str | dt.date], as_of: dt.date) -> tuple[int, int]:
    """(current, longest) runs of consecutive logged days. The current run may end yesterday:
    a day not logged *yet* does not break it."""
    days = sorted({_day(d) for d in logged_days if _day(d) <= as_of})
    longest = run = 0
    previous: dt.date | None = None
    for day in days:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    current = 0
    if previous is not None and (as_of - previous).days <= 1:
        current = run
    return current, longest


def build(
    *,
    as_of: dt.date,
    weeks: int,
    ai_rows: Iterable[tuple[str, str, int]],
    people_rows: Iterable[tuple[str, int, int, float]],
    energy_rows: Iterable[tuple[str, float, int]],
    checkin_rows: Iterable[tuple[str, int, int, int | None]],
    logged_days: Iterable[str],
    heat_metric: str = "energy",
) -> Dashboard:
    """Fold per-day rows (as the store's TUI reads return them) into the dashboard.

    energy_rows and checkin_rows may reach back a year (for the heatmap); the weekly series use
    only the days inside window(as_of, weeks).
    """
    first, last = window(as_of, weeks)
    count = (last - week_start(first)).days // 7 + 1
    starts = [first + dt.timedelta(weeks=i) for i in range(count)]
    ai: dict[dt.date, dict[str, int]] = {s: {} for s in starts}
    people: dict[dt.date, list[int]] = {s: [0, 0] for s in starts}
    energy: dict[dt.date, list[float]] = {s: [] for s in starts}
    trust: dict[dt.date, list[tuple[int, int, int | None]]] = {s: [] for s in starts}
    logged: dict[dt.date, int] = {s: 0 for s in starts}
    total: dict[str, int] = {}

    def inside(day: dt.date) -> bool:
        return first <= day <= last

    for day_text, purpose, minutes in ai_rows:
        day = _day(day_text)
        if inside(day):
            bucket = ai[week_start(day)]
            bucket[purpose] = bucket.get(purpose, 0) + minutes
            total[purpose] = total.get(purpose, 0) + minutes
    for day_text, minutes, n, _quality in people_rows:
        day = _day(day_text)
        if inside(day):
            people[week_start(day)][0] += minutes
            people[week_start(day)][1] += n
    daily_energy: dict[dt.date, float] = {}
    for day_text, level, _n in energy_rows:
        day = _day(day_text)
        daily_energy[day] = level
        if inside(day):
            energy[week_start(day)].append(level)
    daily_connection: dict[dt.date, float] = {}
    for day_text, trust_ai, trust_team, connection in checkin_rows:
        day = _day(day_text)
        if connection is not None:
            daily_connection[day] = float(connection)
        if inside(day):
            trust[week_start(day)].append((trust_ai, trust_team, connection))
    all_logged = [_day(d) for d in logged_days]
    for day in all_logged:
        if inside(day):
            logged[week_start(day)] += 1

    built = []
    for start in starts:
        rows = trust[start]
        connections = [float(c) for _, _, c in rows if c is not None]
        built.append(
            Week(
                start=start,
                ai=ai[start],
                people_minutes=people[start][0],
                interactions=people[start][1],
                energy=_mean(energy[start]),
                trust_ai=_mean([float(a) for a, _, _ in rows]),
                trust_team=_mean([float(t) for _, t, _ in rows]),
                connection=_mean(connections),
                logged_days=logged[start],
            )
        )
    span = (last - first).days + 1
    energy_days = tuple(daily_energy.get(first + dt.timedelta(days=i)) for i in range(span))
    heat_first, _ = heat_window(as_of)
    source = daily_energy if heat_metric == "energy" else daily_connection
    heat = {day: value for day, value in source.items() if heat_first <= day <= as_of}
    current, longest = streaks(all_logged, as_of)
    return Dashboard(
        as_of=as_of,
        weeks=tuple(built),
        share=augmentation_share(total),
        classified_minutes=metrics.classified_minutes(total),
        energy_days=energy_days,
        heat_metric=heat_metric,
        heat=heat,
        heat_first=heat_first,
        streak=current,
        longest_streak=longest,
    )
