"""The ten detectors of PRODUCT.md ("Reflection engine"), each deciding its rule exactly.

Each detector reads a Context (the records as of a day, grouped once) and returns Findings: the
insight without its actions. Thresholds are compared as integers or Fractions; metrics are
rounded to rules.METRIC_DIGITS only when reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from journal import metrics
from journal import models as m
from journal.names import key as name_key
from journal.reflect import rules as r

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.reflect.engine import Records

Window = tuple[dt.date, dt.date]  # first and last day, inclusive


@dataclass(frozen=True)
class Finding:
    """What a detector found: an insight before actions are suggested for it."""

    id: str
    severity: str
    title: str
    detail: str
    evidence: tuple[tuple[dt.date, tuple[str, ...]], ...]
    metrics: dict[str, Any]
    subject: str | None = None  # the person, for neglected-person


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
        self.ai: list[m.AISession] = self._live(records.ai_sessions)
        self.interactions: list[m.Interaction] = self._live(records.interactions)
        self.energy: list[m.Energy] = self._live(records.energy)
        self.checkins: dict[dt.date, m.CheckIn] = {}
        ordered = sorted(
            (c for c in records.checkins if c.deleted_at is None and c.day <= as_of),
            key=lambda c: (c.day, c.updated_at, c.created_at, c.id),
        )
        for checkin in ordered:  # one per day: the later one replaces
            self.checkins[checkin.day] = checkin
        self.people = tuple(p for p in records.people if p.deleted_at is None)

        ids: dict[dt.date, dict[str, None]] = {}
        timed: list[Any] = [*self.ai, *self.interactions, *self.energy]
        timed.sort(key=lambda e: (e.day, e.at))
        for entry in timed:
            ids.setdefault(entry.day, {})[entry.id] = None
        for checkin in self.checkins.values():  # day-only: after the day's timed entries
            ids.setdefault(checkin.day, {})[checkin.id] = None
        for day, extra in records.logged_days.items():
            if day <= as_of and extra:
                ids.setdefault(day, {}).update(dict.fromkeys(extra))
        self.logged: dict[dt.date, tuple[str, ...]] = {d: tuple(ids[d]) for d in sorted(ids)}

        firsts = [d for d in (records.first_day, next(iter(self.logged), None)) if d is not None]
        self.first_day: dt.date | None = min(firsts) if firsts else None
        mentoring = [i.day for i in self.interactions if i.kind.value in r.MENTORING_KINDS]
        if records.last_mentoring_day is not None and records.last_mentoring_day <= as_of:
            mentoring.append(records.last_mentoring_day)
        self.last_mentoring_day: dt.date | None = max(mentoring) if mentoring else None

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

    # --- windows ------------------------------------------------------------------------------

    def last(self, days: int) -> Window:
        """The last N days: D-(N-1) ... D."""
        return self.as_of - dt.timedelta(days=days - 1), self.as_of

    def before(self, recent: int, days: int) -> Window:
        """The N days right before the last `recent` days."""
        end = self.as_of - dt.timedelta(days=recent)
        return end - dt.timedelta(days=days - 1), end

    @staticmethod
    def within(entries: Sequence[Any], window: Window) -> list[Any]:
        first, last = window
        return [e for e in entries if first <= e.day <= last]

    def connected_days(self, quality: int) -> set[dt.date]:
        return {i.day for i in self.interactions if i.quality >= quality}


# --- helpers -----------------------------------------------------------------------------------


def rounded(value: Fraction | int) -> float:
    return round(float(value), r.METRIC_DIGITS)


def by_day(
    entries: Iterable[m.AISession | m.Interaction | m.Energy | m.CheckIn],
) -> tuple[tuple[dt.date, tuple[str, ...]], ...]:
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


# --- the detectors -----------------------------------------------------------------------------


def trust_streak(ctx: Context) -> list[Finding]:
    days = list(ctx.checkins)
    if not days or (ctx.as_of - days[-1]).days > r.TRUST_STREAK_RECENT_DAYS:
        return []
    run: list[m.CheckIn] = []
    for day in reversed(days):  # days without a check-in are simply not in the dict
        checkin = ctx.checkins[day]
        if checkin.trust_ai <= checkin.trust_team:
            break
        run.append(checkin)
    if len(run) < r.TRUST_STREAK_MIN:
        return []
    run.reverse()
    n = len(run)
    mean_ai = Fraction(sum(c.trust_ai for c in run), n)
    mean_team = Fraction(sum(c.trust_team for c in run), n)
    return [
        Finding(
            id="trust-streak",
            severity=r.ACT if n >= r.TRUST_STREAK_ACT else r.WATCH,
            title=f"You trusted AI over your teammates {n} days running",
            detail=(
                f"Your last {n} check-ins, from {short(run[0].day)} to {short(run[-1].day)}, put "
                f"trust in AI above trust in your team: {one_decimal(mean_ai)} vs "
                f"{one_decimal(mean_team)} of 5 on average."
            ),
            evidence=by_day(run),
            metrics={"days": n, "since": run[0].day.isoformat()},
        )
    ]


def augmentation_share(ctx: Context) -> list[Finding]:
    sessions = ctx.within(ctx.ai, ctx.last(r.AUGMENTATION_DAYS))
    classified = [s for s in sessions if s.purpose in m.CLASSIFIED]
    total = minutes(classified)
    if total < r.AUGMENTATION_MIN_MINUTES:
        return []
    by_purpose: dict[str, int] = {}
    for s in classified:
        by_purpose[s.purpose.value] = by_purpose.get(s.purpose.value, 0) + s.minutes
    augmenting = metrics.augmentation_minutes(by_purpose)
    share = metrics.share(augmenting, total)
    assert share is not None  # total >= AUGMENTATION_MIN_MINUTES > 0
    if share >= r.AUGMENTATION_BENCHMARK:
        return []
    unclassified = minutes(s for s in sessions if s.purpose not in m.CLASSIFIED)
    note = (
        f" {unclassified} unclassified minutes are left out until you classify them."
        if unclassified
        else ""
    )
    percent = round(share * 100)
    benchmark = round(r.AUGMENTATION_BENCHMARK * 100)
    return [
        Finding(
            id="augmentation-share",
            severity=r.WATCH,
            title=f"Learning and co-creating were {percent}% of your AI time "
            f"(benchmark {benchmark}%)",
            detail=(
                f"In the last {r.AUGMENTATION_DAYS} days, {augmenting} of {total} classified AI "
                f"minutes ({plural(len(classified), 'session')}) went to learning or augmenting; "
                f"the rest handed work off or kept you company. Freelancers who thrive with AI "
                f"put about {benchmark}% of it into augmentation.{note}"
            ),
            evidence=by_day(classified),
            metrics={
                "share": rounded(share),
                "benchmark": rounded(r.AUGMENTATION_BENCHMARK),
                "classified_minutes": total,
            },
        )
    ]


def learning_partner(ctx: Context) -> list[Finding]:
    learning = [
        s for s in ctx.within(ctx.ai, ctx.last(r.LEARNING_DAYS)) if s.purpose == m.Purpose.LEARN
    ]
    total = minutes(learning)
    if total < r.LEARNING_MIN_MINUTES:
        return []
    skills: dict[str, str] = {}
    for session in learning:
        if session.skill and session.skill.strip():
            skills.setdefault(session.skill.strip().casefold(), session.skill.strip())
    listed = list(skills.values())
    what = (
        f" Skills: {', '.join(listed)}."
        if listed
        else " No skills logged yet: `--skill` keeps them."
    )
    return [
        Finding(
            id="learning-partner",
            severity=r.INFO,
            title=f"AI was your learning partner for {total} minutes this week",
            detail=(
                f"{plural(len(learning), 'learning session')} in the last {r.LEARNING_DAYS} days "
                f"on {plural(len({s.day for s in learning}), 'day')}.{what}"
            ),
            evidence=by_day(learning),
            metrics={"minutes": total, "skills": listed},
        )
    ]


def ai_instead_of_people(ctx: Context) -> list[Finding]:
    hits = [
        s
        for s in ctx.within(ctx.ai, ctx.last(r.INSTEAD_DAYS))
        if s.instead_of_person or s.purpose == m.Purpose.COMPANION
    ]
    if len(hits) < r.INSTEAD_MIN_COUNT:
        return []
    instead = sum(1 for s in hits if s.instead_of_person)
    companion = sum(1 for s in hits if s.purpose == m.Purpose.COMPANION and not s.instead_of_person)
    parts = []
    if instead:
        parts.append(plural(instead, "session") + " marked 'instead of a person'")
    if companion:
        parts.append(plural(companion, "companion session"))
    return [
        Finding(
            id="ai-instead-of-people",
            severity=r.ACT,
            title=f"You turned to AI instead of a person {len(hits)} times this week",
            detail=(
                f"In the last {r.INSTEAD_DAYS} days: {' and '.join(parts)}, on "
                f"{plural(len({s.day for s in hits}), 'day')}."
            ),
            evidence=by_day(hits),
            metrics={"count": len(hits)},
        )
    ]


def people_fading(ctx: Context) -> list[Finding]:
    recent, before = (
        ctx.last(r.FADING_RECENT_DAYS),
        ctx.before(r.FADING_RECENT_DAYS, r.FADING_BEFORE_DAYS),
    )
    weeks = r.FADING_BEFORE_DAYS // 7
    earlier = ctx.within(ctx.interactions, before)
    if len(earlier) < r.FADING_MIN_INTERACTIONS:
        return []
    now_met = ctx.within(ctx.interactions, recent)
    people_now = minutes(now_met)
    people_mean = Fraction(minutes(earlier), weeks)
    if not people_now < r.FADING_RATIO * people_mean:
        return []
    ai_now_sessions = ctx.within(ctx.ai, recent)
    ai_now = minutes(ai_now_sessions)
    ai_mean = Fraction(minutes(ctx.within(ctx.ai, before)), weeks)
    if not (ai_now > 0 and ai_now >= ai_mean):
        return []
    return [
        Finding(
            id="people-fading",
            severity=r.ACT,
            title="Time with people is fading while AI time holds",
            detail=(
                f"{people_now} minutes with people in the last {r.FADING_RECENT_DAYS} days "
                f"({plural(len(now_met), 'interaction')}) against a weekly mean of "
                f"{whole(people_mean)} in the {weeks} weeks before "
                f"({plural(len(earlier), 'interaction')}); AI time: {ai_now} minutes against a "
                f"weekly mean of {whole(ai_mean)}."
            ),
            evidence=by_day([*now_met, *ai_now_sessions]),
            metrics={
                "people_minutes": people_now,
                "people_weekly_mean": rounded(people_mean),
                "ai_minutes": ai_now,
                "ai_weekly_mean": rounded(ai_mean),
            },
        )
    ]


def isolation_streak(ctx: Context) -> list[Finding]:
    logged = list(ctx.logged)
    if not logged or (ctx.as_of - logged[-1]).days > r.ISOLATION_RECENT_DAYS:
        return []
    connected = ctx.connected_days(r.CONNECTED_QUALITY)
    run: list[dt.date] = []
    for day in reversed(logged):  # days without any entry are not in the list: skipped
        if day in connected:
            break
        run.append(day)
    if len(run) < r.ISOLATION_MIN:
        return []
    run.reverse()
    n = len(run)
    return [
        Finding(
            id="isolation-streak",
            severity=r.ACT if n >= r.ISOLATION_ACT else r.WATCH,
            title=f"{n} logged days in a row without a conversation that felt connected",
            detail=(
                f"From {short(run[0])} to {short(run[-1])}, none of your {n} logged days had an "
                f"interaction of quality {r.CONNECTED_QUALITY} or more."
            ),
            evidence=tuple((day, ctx.logged[day]) for day in run),
            metrics={"days": n},
        )
    ]


def no_mentoring(ctx: Context) -> list[Finding]:
    first, _ = ctx.last(r.MENTORING_SPAN_DAYS)
    if ctx.first_day is None or ctx.first_day > first:
        return []
    window_start, _ = ctx.last(r.MENTORING_DAYS)
    last = ctx.last_mentoring_day
    if last is not None and last >= window_start:
        return []
    days_since = None if last is None else (ctx.as_of - last).days
    recent = ctx.within(ctx.interactions, ctx.last(r.MENTORING_DAYS))
    met = (
        f" You met people {plural(len(recent), 'time')} in that time, none of it mentoring or "
        "feedback."
        if recent
        else ""
    )
    if last is None:
        detail = "You have not logged any mentoring or feedback yet." + met
        evidence: list[tuple[dt.date, tuple[str, ...]]] = []
    else:
        detail = (
            f"Your last mentoring or feedback was {plural(days_since or 0, 'day')} ago, on "
            f"{short(last)}.{met}"
        )
        ids = tuple(
            i.id for i in ctx.interactions if i.day == last and i.kind.value in r.MENTORING_KINDS
        )
        evidence = [(last, ids)]
    evidence += list(by_day(recent))
    if not evidence:
        evidence = [(ctx.first_day, ctx.logged.get(ctx.first_day, ()))]
    return [
        Finding(
            id="no-mentoring",
            severity=r.WATCH,
            title=f"No mentoring or feedback in the last {r.MENTORING_DAYS} days",
            detail=detail,
            evidence=tuple(evidence),
            metrics={"days_since": days_since},
        )
    ]


def energy_slide(ctx: Context) -> list[Finding]:
    recent_window = ctx.last(r.ENERGY_RECENT_DAYS)
    before = ctx.before(r.ENERGY_RECENT_DAYS, r.ENERGY_BEFORE_DAYS)
    recent = ctx.within(ctx.energy, recent_window)
    earlier = ctx.within(ctx.energy, before)
    if len(recent) < r.ENERGY_MIN_READINGS or len(earlier) < r.ENERGY_MIN_READINGS:
        return []
    recent_mean = Fraction(sum(e.level for e in recent), len(recent))
    earlier_mean = Fraction(sum(e.level for e in earlier), len(earlier))
    drop = earlier_mean - recent_mean
    if drop < r.ENERGY_DROP:
        return []
    weeks = r.ENERGY_BEFORE_DAYS // 7
    ai_now = minutes(ctx.within(ctx.ai, recent_window))
    ai_mean = Fraction(minutes(ctx.within(ctx.ai, before)), weeks)
    ai_rising = ai_now > 0 and ai_now >= ai_mean
    rising = (
        f" Meanwhile your AI time held or grew: {ai_now} minutes against a weekly mean of "
        f"{whole(ai_mean)}."
        if ai_rising
        else ""
    )
    return [
        Finding(
            id="energy-slide",
            severity=r.ACT if ai_rising else r.WATCH,
            title=f"Your energy dipped by {one_decimal(drop)} points this week",
            detail=(
                f"Mean energy {one_decimal(recent_mean)} over "
                f"{plural(len(recent), 'reading')} in the last {r.ENERGY_RECENT_DAYS} days, "
                "against "
                f"{one_decimal(earlier_mean)} over {plural(len(earlier), 'reading')} in the "
                f"{weeks} weeks before.{rising}"
            ),
            evidence=by_day(recent),
            metrics={
                "recent_mean": rounded(recent_mean),
                "earlier_mean": rounded(earlier_mean),
                "drop": rounded(drop),
                "ai_rising": ai_rising,
            },
        )
    ]


def people_lift_energy(ctx: Context) -> list[Finding]:
    window = ctx.last(r.LIFT_DAYS)
    readings: dict[dt.date, list[m.Energy]] = {}
    for reading in ctx.within(ctx.energy, window):
        readings.setdefault(reading.day, []).append(reading)
    connected = ctx.connected_days(r.LIFT_QUALITY)
    with_days = [d for d in readings if d in connected]
    without_days = [d for d in readings if d not in connected]
    if len(with_days) < r.LIFT_MIN_DAYS or len(without_days) < r.LIFT_MIN_DAYS:
        return []

    def mean_of_days(days: list[dt.date]) -> Fraction:
        daily = [Fraction(sum(e.level for e in readings[d]), len(readings[d])) for d in days]
        return sum(daily, Fraction(0)) / len(daily)

    mean_with, mean_without = mean_of_days(with_days), mean_of_days(without_days)
    difference = mean_with - mean_without
    if abs(difference) < r.LIFT_DIFFERENCE:
        return []
    lifts = difference > 0
    good = [i for i in ctx.within(ctx.interactions, window) if i.quality >= r.LIFT_QUALITY]
    evidence = by_day([*(e for d in readings for e in readings[d]), *good])
    return [
        Finding(
            id="people-lift-energy",
            severity=r.INFO,
            title=(
                "Days with people lift your energy"
                if lifts
                else "Days with people have felt more draining lately"
            ),
            detail=(
                f"Mean energy {one_decimal(mean_with)} on days with a good conversation against "
                f"{one_decimal(mean_without)} on days without, over the last {r.LIFT_DAYS} days "
                f"({len(with_days)} days with people vs {len(without_days)} without)."
            ),
            evidence=evidence,
            metrics={
                "with": rounded(mean_with),
                "without": rounded(mean_without),
                "n_with": len(with_days),
                "n_without": len(without_days),
            },
        )
    ]


def neglected_person(ctx: Context) -> list[Finding]:
    recent = ctx.last(r.NEGLECT_RECENT_DAYS)
    before = ctx.before(r.NEGLECT_RECENT_DAYS, r.NEGLECT_BEFORE_DAYS)
    roster = {name_key(p.name): p.name for p in ctx.people}
    earlier: dict[str, list[m.Interaction]] = {}
    names: dict[str, str] = {}
    for interaction in ctx.within(ctx.interactions, before):
        for name in dict.fromkeys(name_key(n) for n in interaction.people):
            earlier.setdefault(name, []).append(interaction)
        for name in interaction.people:
            names[name_key(name)] = name  # the latest spelling, when not on the roster
    seen_recently = {name_key(n) for i in ctx.within(ctx.interactions, recent) for n in i.people}
    found = []
    for key, met in earlier.items():
        if len(met) < r.NEGLECT_MIN_INTERACTIONS or key in seen_recently:
            continue
        name = roster.get(key, names[key])
        last = max(i.day for i in met)
        days_since = (ctx.as_of - last).days
        found.append(
            Finding(
                id="neglected-person",
                severity=r.WATCH,
                title=f"It has been {days_since} days since you last met {name}",
                detail=(
                    f"You met {name} {plural(len(met), 'time')} in the "
                    f"{r.NEGLECT_BEFORE_DAYS // 7} weeks before the last two, and nothing is "
                    f"logged since {short(last)}."
                ),
                evidence=by_day(met),
                metrics={"person": name, "days_since": days_since},
                subject=name,
            )
        )
    return sorted(found, key=lambda f: name_key(f.subject or ""))


DETECTORS: tuple[Callable[[Context], list[Finding]], ...] = (
    trust_streak,
    augmentation_share,
    learning_partner,
    ai_instead_of_people,
    people_fading,
    isolation_streak,
    no_mentoring,
    energy_slide,
    people_lift_energy,
    neglected_person,
)


def detect(ctx: Context) -> Iterator[Finding]:
    for detector in DETECTORS:
        yield from detector(ctx)
