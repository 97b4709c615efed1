"""The records as of a day, grouped once for every detector: days known and unknown, the person's
own baselines, and how they are doing.

A day with no entries is unknown, not empty. Paused days (declared with `aijournal pause`) and
breaks (BREAK_MIN_DAYS or more days in a row without any entry) leave every window: `known(n)`
gives the n most recent days that are neither, so a window reaches back past a holiday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from journal import models as m
from journal.names import key as name_key
from journal.reflect import rules as r

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.reflect.engine import Records

DAY = dt.timedelta(days=1)
Window = tuple[dt.date, dt.date]  # first and last day, inclusive
EvidenceDays = tuple[tuple[dt.date, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Finding:
    """What a detector found: an insight before actions are suggested for it."""

    id: str
    severity: str
    title: str
    detail: str
    evidence: EvidenceDays
    metrics: dict[str, Any]
    subject: str | None = None  # the person, for neglected-person
    days: tuple[dt.date, ...] = ()  # the window the claim rests on (for coverage); () = evidence
    support: bool = False  # the WHO-5 support insight: shown before everything else


def entry_day(entry: m.Entry) -> dt.date:
    """The local day an entry belongs to: its stored day, else the local day it starts on."""
    day = getattr(entry, "day", dt.date.min)
    if day != dt.date.min:
        return day
    return m.entry_time(entry).astimezone().date()


class Context:
    """The records as of a day: live entries on or before it, in time order, grouped once."""

    def __init__(self, records: Records, as_of: dt.date):
        self.as_of = as_of
        self.profile = records.profile
        self.role = records.profile.role
        self.lifting = records.lifting
        self.ai: list[m.AISession] = self._live(records.ai_sessions)
        self.interactions: list[m.Interaction] = self._live(records.interactions)
        self.energy: list[m.Energy] = self._live(records.energy)
        self.checkins: dict[dt.date, m.CheckIn] = _one_per_day(records.checkins, as_of)
        self.who5: list[m.Who5] = list(_one_per_day(records.who5, as_of).values())
        self.people = tuple(p for p in records.people if p.deleted_at is None)
        self._relations = {name_key(p.name): p.relation for p in self.people}
        self.intentions = tuple(i for i in records.intentions if i.deleted_at is None)

        ids: dict[dt.date, dict[str, None]] = {}
        timed: list[Any] = [*self.ai, *self.interactions, *self.energy]
        timed.sort(key=lambda e: (e.day, e.at))
        for entry in timed:
            ids.setdefault(entry.day, {})[entry.id] = None
        dayly: list[m.CheckIn | m.Who5] = [*self.checkins.values(), *self.who5]
        for record in dayly:  # day-only records: after the day's timed entries
            ids.setdefault(record.day, {})[record.id] = None
        for day, extra in records.logged_days.items():  # a day may come without its ids
            if day <= as_of:
                ids.setdefault(day, {}).update(dict.fromkeys(extra))
        self.logged: dict[dt.date, tuple[str, ...]] = {d: tuple(ids[d]) for d in sorted(ids)}

        firsts = [d for d in (records.first_day, next(iter(self.logged), None)) if d is not None]
        self.first_day: dt.date | None = min(firsts) if firsts else None
        mentoring = [i.day for i in self.interactions if self.is_mentoring_received(i)]
        loaded_from = as_of - dt.timedelta(days=r.LOOKBACK_DAYS - 1)  # what the caller loads
        if records.last_mentoring_day is not None and records.last_mentoring_day < loaded_from:
            mentoring.append(records.last_mentoring_day)
        self.last_mentoring_day: dt.date | None = max(mentoring) if mentoring else None

        horizon = as_of - dt.timedelta(days=r.LOOKBACK_DAYS - 1)  # what the caller loads
        self.paused: set[dt.date] = paused_days(records.pauses, horizon, as_of)
        self.breaks: set[dt.date] = self._breaks(horizon)
        self.ai_by_day: dict[dt.date, int] = {}
        for session in self.ai:
            self.ai_by_day[session.day] = self.ai_by_day.get(session.day, 0) + session.minutes
        for day, total in records.ai_minutes_by_day.items():
            if day <= as_of:
                self.ai_by_day[day] = total
        self.energy_by_day: dict[dt.date, Fraction] = {}
        levels: dict[dt.date, list[int]] = {}
        for reading in self.energy:
            levels.setdefault(reading.day, []).append(reading.level)
        for day, values in levels.items():
            self.energy_by_day[day] = Fraction(sum(values), len(values))

    def _live(self, entries: Iterable[Any]) -> list[Any]:
        out = []
        for entry in entries:
            if entry.deleted_at is not None:
                continue
            day = entry_day(entry)
            if day > self.as_of:
                continue
            out.append(entry if entry.day == day else replace(entry, day=day))
        out.sort(key=lambda e: (e.day, e.at, e.id))
        return out

    def _breaks(self, horizon: dt.date) -> set[dt.date]:
        """Days inside runs of empty days (paused days count as empty) long enough to be a break:
        BREAK_MIN_DAYS, or twice the person's usual gap between logged days if that is longer (so
        someone who logs Mondays and Tuesdays has no "break" every week). A run still going on the
        as-of day counts too."""
        if self.first_day is None:
            return set()
        start = max(self.first_day, horizon)
        logged = [d for d in self.logged if start <= d and d not in self.paused]
        gaps = sorted((b - a).days - 1 for a, b in zip(logged, logged[1:], strict=False))
        usual = gaps[(len(gaps) * 3) // 4] if gaps else 0
        shortest = max(r.BREAK_MIN_DAYS, 2 * usual)
        out: set[dt.date] = set()
        run: list[dt.date] = []
        day = start
        while day <= self.as_of:
            if day in self.logged and day not in self.paused:
                if len(run) >= shortest:
                    out.update(run)
                run = []
            else:
                run.append(day)
            day += DAY
        if len(run) >= shortest:
            out.update(run)
        return out - self.paused

    # --- days ---------------------------------------------------------------------------------

    def is_known(self, day: dt.date) -> bool:
        return day not in self.paused and day not in self.breaks

    def is_workday(self, day: dt.date) -> bool:
        return self.profile.is_workday(day)

    def known(self, days: int, *, skip: int = 0) -> list[dt.date]:
        """The `days` most recent known days on or before D, after skipping the `skip` most recent
        ones; oldest first. Never before the journal's first day or the lookback."""
        out: list[dt.date] = []
        if self.first_day is None:
            return out
        oldest = max(self.first_day, self.as_of - dt.timedelta(days=r.LOOKBACK_DAYS - 1))
        day, skipped = self.as_of, 0
        while day >= oldest and len(out) < days:
            if self.is_known(day):
                if skipped < skip:
                    skipped += 1
                else:
                    out.append(day)
            day -= DAY
        out.reverse()
        return out

    def active(self, days: int) -> list[dt.date]:
        """The `days` most recent calendar days on or before D that are not paused; oldest first.
        Pattern windows (AI use, meetings, connection answers) use these: a declared holiday
        leaves them, a quiet stretch does not (it is part of the pattern)."""
        return active_days(self.as_of, days, self.paused)

    def last(self, days: int) -> Window:
        """The last N calendar days: D-(N-1) ... D."""
        return self.as_of - dt.timedelta(days=days - 1), self.as_of

    def before(self, recent: int, days: int) -> Window:
        """The N calendar days right before the last `recent` days."""
        end = self.as_of - dt.timedelta(days=recent)
        return end - dt.timedelta(days=days - 1), end

    @staticmethod
    def within(entries: Sequence[Any], window: Window) -> list[Any]:
        first, last = window
        return [e for e in entries if first <= e.day <= last]

    @staticmethod
    def on(entries: Sequence[Any], days: Iterable[dt.date]) -> list[Any]:
        wanted = set(days)
        return [e for e in entries if e.day in wanted]

    def logged_in(self, days: Iterable[dt.date]) -> list[dt.date]:
        return [d for d in days if d in self.logged]

    def coverage(self, days: Sequence[dt.date]) -> Fraction:
        """Logged days / known days of a window (0 for an empty window)."""
        return Fraction(len(self.logged_in(days)), len(days)) if days else Fraction(0)

    def absence_cap(self, days: Sequence[dt.date]) -> str | None:
        """How strongly an absence over these days may be claimed: None (say nothing), `watch`
        (too thin for more) or `act` (well covered)."""
        logged = len(self.logged_in(days))
        share = self.coverage(days)
        if logged < r.COVERAGE_MIN_LOGGED or share < r.COVERAGE_SILENT:
            return None
        return r.ACT if share >= r.COVERAGE_FULL else r.WATCH

    def connected_days(self, quality: int) -> set[dt.date]:
        return {i.day for i in self.interactions if i.quality >= quality}

    # --- the person ---------------------------------------------------------------------------

    def is_mentoring_received(self, interaction: m.Interaction) -> bool:
        """Mentoring or feedback the user received: not feedback given to their own reports."""
        if interaction.kind.value not in r.MENTORING_KINDS:
            return False
        relations = {n: self.relation(n) for n in interaction.people}
        return not relations or any(rel != m.Relation.REPORT for rel in relations.values())

    def relation(self, name: str) -> m.Relation:
        return self._relations.get(name_key(name), m.Relation.OTHER)

    def latest_who5(self) -> m.Who5 | None:
        """The latest WHO-5 of the last WHO5_RECENT_DAYS days."""
        first, _ = self.last(r.WHO5_RECENT_DAYS)
        recent = [w for w in self.who5 if w.day >= first]
        return recent[-1] if recent else None

    def connection_answers(self, days: int = r.CONNECTION_DAYS) -> list[m.CheckIn]:
        """The check-ins with a connection answer of the last `days` days not paused."""
        window = set(self.active(days))
        return [c for d, c in self.checkins.items() if d in window and c.connection is not None]

    def energy_mean(self, window: Window) -> tuple[Fraction | None, int]:
        readings = self.within(self.energy, window)
        if not readings:
            return None, 0
        return Fraction(sum(e.level for e in readings), len(readings)), len(readings)

    def connection_low(self) -> bool:
        answers = self.connection_answers()
        if len(answers) < r.CONNECTION_MIN_ANSWERS:
            return False
        mean = Fraction(sum(c.connection or 0 for c in answers), len(answers))
        return mean <= r.CONNECTION_LOW

    def wellbeing_low(self) -> bool:
        latest = self.latest_who5()
        return latest is not None and latest.percent <= r.WHO5_LOW

    def well(self) -> bool:
        """Every wellbeing signal present is good, and at least one is present."""
        cached: bool | None = getattr(self, "_well", None)
        if cached is not None:
            return cached
        signals: list[bool] = []
        latest = self.latest_who5()
        if latest is not None:
            signals.append(latest.percent > r.WHO5_LOW)
        mean, n = self.energy_mean(self.last(r.WELL_ENERGY_DAYS))
        if mean is not None and n >= r.WELL_ENERGY_MIN_READINGS:
            signals.append(mean >= r.WELL_ENERGY)
        answers = self.connection_answers()
        if len(answers) >= 2:
            signals.append(
                Fraction(sum(c.connection or 0 for c in answers), len(answers)) >= r.WELL_CONNECTION
            )
        self._well = bool(signals) and all(signals)
        return bool(signals) and all(signals)

    def ai_minutes_on(self, days: Iterable[dt.date]) -> int:
        return sum(self.ai_by_day.get(d, 0) for d in days)


def active_days(as_of: dt.date, days: int, paused: set[dt.date]) -> list[dt.date]:
    """The `days` most recent days on or before as_of that are not paused, oldest first (never
    further back than the lookback)."""
    out: list[dt.date] = []
    day = as_of
    oldest = as_of - dt.timedelta(days=r.LOOKBACK_DAYS - 1)
    while len(out) < days and day >= oldest:
        if day not in paused:
            out.append(day)
        day -= DAY
    out.reverse()
    return out


def paused_days(pauses: Iterable[m.Pause], first: dt.date, last: dt.date) -> set[dt.date]:
    """The days of live pauses between first and last (inclusive)."""
    out: set[dt.date] = set()
    for pause in pauses:
        if pause.deleted_at is not None:
            continue
        day = max(pause.from_day, first)
        while day <= min(pause.to_day, last):
            out.add(day)
            day += DAY
    return out


def _one_per_day(entries: Iterable[Any], as_of: dt.date) -> dict[dt.date, Any]:
    """Day records (check-ins, WHO-5): live ones on or before D, the later one of a day wins."""
    ordered = sorted(
        (c for c in entries if c.deleted_at is None and c.day <= as_of),
        key=lambda c: (c.day, c.updated_at, c.created_at, c.id),
    )
    out: dict[dt.date, Any] = {}
    for entry in ordered:
        out[entry.day] = entry
    return out


# --- wording helpers ---------------------------------------------------------------------------


def rounded(value: Fraction | int | float) -> float:
    return round(float(value), r.METRIC_DIGITS)


def by_day(
    entries: Iterable[m.AISession | m.Interaction | m.Energy | m.CheckIn | m.Who5],
) -> EvidenceDays:
    """Evidence: the entries grouped by their day, days in order, ids in time order."""
    days: dict[dt.date, list[str]] = {}
    for entry in sorted(entries, key=lambda e: (e.day, m.entry_time(e), e.id)):
        days.setdefault(entry.day, []).append(entry.id)
    return tuple((day, tuple(ids)) for day, ids in days.items())


def minutes(entries: Iterable[m.AISession | m.Interaction]) -> int:
    return sum(e.minutes for e in entries)


def one_decimal(value: Fraction | float) -> str:
    return f"{float(value):.1f}"


def whole(value: Fraction | int) -> str:
    return str(round(value))


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short(day: dt.date) -> str:
    """ "Nov 20": a day in prose, the same in every locale."""
    return f"{MONTHS[day.month - 1]} {day.day}"


def colleagues(role: m.Role) -> str:
    """Who the user works with, in the words of their role."""
    if role == m.Role.FREELANCER:
        return "the people you work with"
    if role == m.Role.STUDENT:
        return "your classmates and teachers"
    if role == m.Role.OTHER:
        return "the people around you"
    return "your teammates"
