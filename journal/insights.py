"""Reflection as a user does it: current insights, acting on one, intentions, and the review.

Loads only the window the detectors need (rules.WINDOW_DAYS, plus the two runs that may reach
further back) from the store and hands it to the pure engine in journal.reflect.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from journal import metrics
from journal import models as m
from journal.errors import BadInput
from journal.factors import Factor
from journal.reflect import rules
from journal.reflect.context import active_days, paused_days
from journal.reflect.engine import Insight, Records, run
from journal.reflect.follow import FollowThrough, follow_through

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.store import JournalStore

DAY = dt.timedelta(days=1)
REVIEW_FACTORS = 3  # the review names the top factors of `aijournal factors` (energy, 90 days)


def _now() -> dt.datetime:
    from journal.clock import now

    return now()


# --- insights ----------------------------------------------------------------------------------


def load(store: JournalStore, as_of: dt.date) -> Records:
    """The records the detectors need as of a day, and no more."""
    first = store.first_day()
    people = tuple(store.people())
    profile = store.profile()
    if first is None:
        return Records(people=people, profile=profile)

    def since(days: int) -> dt.date:
        return as_of - dt.timedelta(days=days - 1)

    # trust-streak and isolation-streak count back until their run breaks, which may lie before
    # the windows: read check-ins and interactions back to that day (the journal start if none),
    # and the ids of the logged days of that stretch that the windowed lists do not cover.
    trust_break = store.last_checkin_day_not_trusting_ai(as_of) or first
    connected = store.last_connected_day(rules.CONNECTED_QUALITY, as_of) or first
    lookback = since(rules.LOOKBACK_DAYS)
    checkins_from = min(lookback, trust_break)
    interactions_from = min(lookback, connected)
    # AI sessions are many: whole ones for the last AI_WINDOW_DAYS; before that, the companion
    # ones companion-rising compares, and minutes per day.
    pauses = tuple(store.pauses(lookback, as_of))
    paused = paused_days(pauses, lookback, as_of)
    ai_from = active_days(as_of, rules.AI_WINDOW_DAYS, paused)[0]
    sessions = store.reflect_entries(m.AISession, ai_from, as_of)
    companion_days = rules.COMPANION_RECENT_DAYS + rules.COMPANION_BEFORE_DAYS
    companion_from = active_days(as_of, companion_days, paused)[0]
    if companion_from < ai_from:
        sessions += store.reflect_companion_sessions(companion_from, ai_from - DAY)
    ai_minutes: dict[dt.date, int] = {}
    for text, _, total in store.daily_ai_minutes(lookback, ai_from - DAY):
        day = dt.date.fromisoformat(text)
        ai_minutes[day] = ai_minutes.get(day, 0) + total
    # Which days are logged (for coverage and breaks), with their entries' ids where a long
    # isolation run needs them as evidence.
    older: dict[dt.date, tuple[str, ...]] = {
        day: () for day in map(dt.date.fromisoformat, store.logged_days(lookback)) if day < ai_from
    }
    if connected < ai_from:
        ids = store.logged_day_ids(connected, ai_from - DAY)
        older.update({day: tuple(found) for day, found in ids.items()})
    interactions = tuple(store.reflect_entries(m.Interaction, interactions_from, as_of))
    records = Records(
        ai_sessions=tuple(sessions),
        interactions=interactions,
        energy=tuple(store.reflect_entries(m.Energy, lookback, as_of)),
        checkins=tuple(store.reflect_entries(m.CheckIn, checkins_from, as_of)),
        people=people,
        who5=tuple(store.reflect_entries(m.Who5, lookback, as_of)),
        intentions=tuple(_settled(store, store.intentions(), _end_of(as_of))),
        profile=profile,
        pauses=pauses,
        first_day=first,
        last_mentoring_day=store.last_interaction_day(rules.MENTORING_KINDS, as_of),
        logged_days=older,
        ai_minutes_by_day=ai_minutes,
    )
    return replace(records, lifting=_lifting(records, as_of))


def _lifting(records: Records, as_of: dt.date) -> tuple[str, ...]:
    """The people whose days go with significantly higher energy, the largest lift first: the
    factors of the records already read (the lookback's twelve weeks) without the AI ones, whose
    days would cost a read of every session (the people, meetings and workday factors are
    corrected among themselves; `aijournal factors` also counts the AI ones)."""
    from journal.reflect.factors import analyse

    found = analyse(records, as_of, rules.LOOKBACK_DAYS, "energy", bootstrap="none", ai_uses=())
    lifting = [f for f in found if f.kind == "person" and f.shown and (f.diff or 0) > 0]
    lifting.sort(key=lambda f: -(f.diff or 0))
    return tuple(f.subject for f in lifting if f.subject)


def current(store: JournalStore, as_of: dt.date) -> list[Insight]:
    """The insights as of a day, ordered as the engine orders them, less those muted that day."""
    muted = {mute.insight_id for mute in store.mutes(as_of)}
    return [i for i in run(load(store, as_of), as_of) if i.id not in muted]


def is_young(store: JournalStore, as_of: dt.date) -> bool:
    """Too little journal to say much yet: empty, or spanning fewer than two weeks."""
    first = store.first_day()
    return first is None or (as_of - first).days + 1 < rules.MENTORING_SPAN_DAYS


# --- intentions --------------------------------------------------------------------------------


def act(store: JournalStore, action_id: str, as_of: dt.date) -> m.Intention:
    """Turn one of the current actions into an intention (an open one for it is reused)."""
    wanted = action_id.strip()
    offered = {a.id: (insight, a) for insight in current(store, as_of) for a in insight.actions}
    if wanted not in offered:
        listed = ", ".join(offered) if offered else "none right now"
        raise BadInput(
            f"action {action_id!r} is not among the current suggestions; accepted: {listed}"
        )
    for intention in intentions(store, open_only=True):
        if intention.action_id == wanted:
            return intention
    insight, action = offered[wanted]
    from journal.service import base_row

    row = {
        **base_row(_now()),
        "insight_id": insight.id,
        "action_id": action.id,
        "text": action.text,
        "done_at": None,
        "dismissed_at": None,
    }
    with store.write(f"intend {action.id}"):
        store.insert("intention", row)
    return _intention(store, row["id"])


def _end_of(day: dt.date) -> dt.datetime:
    """The last moment of a local day, or now when the day is today."""
    now = _now()
    if day >= now.astimezone().date():
        return now
    return dt.datetime.combine(day, dt.time(23, 59, 59)).astimezone()


def _settled(store: JournalStore, found: list[m.Intention], now: dt.datetime) -> list[m.Intention]:
    """Intentions as they stand: closed by a matching conversation, or lapsed (journal.reflect
    .follow.settle); nothing is written."""
    from journal.reflect.follow import settle

    open_ones = [i for i in found if i.done_at is None and i.dismissed_at is None]
    if not open_ones:
        return found
    first = min(i.created_at for i in open_ones).astimezone().date()
    met = store.entries_between(m.Interaction, first, now.astimezone().date())
    names = [p.name for p in store.people()] + [n for i in met for n in i.people]
    return settle(found, met, names, now)


def intentions(store: JournalStore, *, open_only: bool = True) -> list[m.Intention]:
    """The intentions as they stand now: one that a conversation you started fulfilled is done,
    one open for more than two weeks has lapsed (shown as dismissed)."""
    found = _settled(store, store.intentions(), _now())
    if open_only:
        return [i for i in found if i.done_at is None and i.dismissed_at is None]
    return found


def done(store: JournalStore, intention_id_prefix: str) -> m.Intention:
    """Mark an open intention done."""
    return _close(store, intention_id_prefix, "done_at", "done")


def dismiss(store: JournalStore, intention_id_prefix: str) -> m.Intention:
    """Let an open intention go, without judgement."""
    return _close(store, intention_id_prefix, "dismissed_at", "dismissed")


def _close(store: JournalStore, prefix: str, column: str, verb: str) -> m.Intention:
    _, row_id = store.find(
        prefix, tables=("intention",), what="intention", listed_by="aijournal intentions"
    )
    intention = _intention(store, row_id)
    if intention.done_at is not None or intention.dismissed_at is not None:
        state = "done" if intention.done_at is not None else "dismissed"
        raise BadInput(
            f"intention {prefix!r} is already {state}; accepted: an open intention "
            "(`aijournal intentions` lists them)"
        )
    with store.write(f"intention {row_id[:8]} {verb}"):
        store.update("intention", row_id, {column: _now().isoformat()})
    return _intention(store, row_id)


def _intention(store: JournalStore, row_id: str) -> m.Intention:
    entry = store.entry(m.Intention, row_id)
    assert isinstance(entry, m.Intention)
    return entry


# --- review ------------------------------------------------------------------------------------


def _mean(values: Sequence[int | Fraction]) -> Fraction | None:
    return _mean_of(values) if values else None


def _mean_of(values: Sequence[int | Fraction]) -> Fraction:
    """The mean of values known to be there (a day in a `daily` map has at least one reading)."""
    return Fraction(sum(values), len(values))


def _r(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), rules.METRIC_DIGITS)


@dataclass(frozen=True)
class Review:
    """The period's balance, its insights and the follow-through on intentions."""

    period: str
    start: dt.date
    end: dt.date
    ai: dict[str, Any]
    people: dict[str, Any]
    energy: dict[str, Any]
    trust: dict[str, Any]
    insights: list[Insight] = field(default_factory=list)
    intentions_done: list[m.Intention] = field(default_factory=list)
    energy_after_done: dict[str, Any] = field(default_factory=dict)
    follow_through: list[FollowThrough] = field(default_factory=list)
    factors: list[Factor] = field(default_factory=list)  # the top ones that survive, energy

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": (self.end - self.start).days + 1,
            "ai": self.ai,
            "people": self.people,
            "energy": self.energy,
            "trust": self.trust,
            "insights": [i.to_json() for i in self.insights],
            "intentions_done": [
                {
                    "id": i.id,
                    "insight_id": i.insight_id,
                    "action_id": i.action_id,
                    "text": i.text,
                    "done_at": i.done_at.isoformat() if i.done_at else None,
                }
                for i in self.intentions_done
            ],
            "energy_after_done": self.energy_after_done,
            "follow_through": [f.to_json() for f in self.follow_through],
            "factors": [f.to_json() for f in self.factors],
        }


def _follow_through(
    store: JournalStore, done: list[m.Intention], as_of: dt.date
) -> list[FollowThrough]:
    """Each action done in the period: energy and connection on the days after it against
    comparable days of the last rules.FOLLOW_BASELINE_DAYS."""
    if not done:
        return []
    first = as_of - dt.timedelta(days=rules.FOLLOW_BASELINE_DAYS - 1)
    daily: dict[dt.date, list[int]] = {}
    for reading in store.entries_between(m.Energy, first, as_of):
        daily.setdefault(reading.day, []).append(reading.level)
    energy = {d: Fraction(sum(v), len(v)) for d, v in daily.items()}
    connection = {
        c.day: c.connection
        for c in sorted(
            store.entries_between(m.CheckIn, first, as_of), key=lambda c: (c.day, c.updated_at)
        )
        if c.connection is not None
    }
    days = [first + dt.timedelta(days=n) for n in range(rules.FOLLOW_BASELINE_DAYS)]
    return follow_through(done, energy, connection, store.profile(), days)


def review(store: JournalStore, period: str, as_of: dt.date) -> Review:
    """The week's or month's balance ending on `as_of`, with insights and intentions done."""
    if period not in rules.REVIEW_DAYS:
        raise BadInput(
            f"review period {period!r} is not accepted; use one of: {', '.join(rules.REVIEW_DAYS)}"
        )
    days = rules.REVIEW_DAYS[period]
    start = as_of - dt.timedelta(days=days - 1)
    sessions: list[m.AISession] = store.entries_between(m.AISession, start, as_of)
    met: list[m.Interaction] = store.entries_between(m.Interaction, start, as_of)
    energy: list[m.Energy] = store.entries_between(m.Energy, start, as_of)
    previous: list[m.Energy] = store.entries_between(
        m.Energy, start - dt.timedelta(days=days), start - DAY
    )
    checkins: list[m.CheckIn] = store.entries_between(m.CheckIn, start, as_of)

    by_purpose = {p.value: 0 for p in m.Purpose}
    for s in sessions:
        by_purpose[s.purpose.value] += s.minutes
    classified = metrics.classified_minutes(by_purpose)
    share = metrics.augmentation_share(by_purpose)
    ai = {
        "minutes_by_purpose": by_purpose,
        "total_minutes": sum(by_purpose.values()),
        "sessions": len(sessions),
        "classified_minutes": classified,
        "augmentation_share": _r(share),
        "benchmark": _r(rules.AUGMENTATION_REFERENCE),
        "below_benchmark": metrics.below_benchmark(share),
    }

    by_kind = {k.value: 0 for k in m.Kind}
    for i in met:
        by_kind[i.kind.value] += i.minutes
    people = {
        "minutes_by_kind": by_kind,
        "total_minutes": sum(by_kind.values()),
        "interactions": len(met),
        "people": sorted({n for i in met for n in i.people}, key=str.casefold),
    }

    mean_now = _mean([e.level for e in energy])
    mean_before = _mean([e.level for e in previous])
    change, trend = metrics.energy_trend_period_over_period(
        [e.level for e in energy], [e.level for e in previous]
    )
    daily: dict[dt.date, list[int]] = {}
    for e in energy:
        daily.setdefault(e.day, []).append(e.level)
    energy_part = {
        "mean": _r(mean_now),
        "readings": len(energy),
        "previous_mean": _r(mean_before),
        "previous_readings": len(previous),
        "change": _r(change),
        "trend": trend,
        "daily": [{"day": d.isoformat(), "mean": _r(_mean(v))} for d, v in sorted(daily.items())],
    }

    last_per_day = {c.day: c for c in sorted(checkins, key=lambda c: (c.day, c.updated_at))}
    trust = {
        "ai_mean": _r(_mean([c.trust_ai for c in last_per_day.values()])),
        "team_mean": _r(_mean([c.trust_team for c in last_per_day.values()])),
        "checkins": len(last_per_day),
    }

    all_intentions = intentions(store, open_only=False)
    done_days = {i.done_at.astimezone().date() for i in all_intentions if i.done_at is not None}
    done_in_period = sorted(
        (
            i
            for i in all_intentions
            if i.done_at is not None and start <= i.done_at.astimezone().date() <= as_of
        ),
        key=lambda i: (i.done_at, i.id),
    )
    after = [d for d in daily if d - DAY in done_days]
    other = [d for d in daily if d - DAY not in done_days]
    after_mean = _mean([_mean_of(daily[d]) for d in after])
    other_mean = _mean([_mean_of(daily[d]) for d in other])
    enough = len(after) >= rules.REVIEW_MIN_DAYS and len(other) >= rules.REVIEW_MIN_DAYS
    after_done = {
        "after_mean": _r(after_mean),
        "other_mean": _r(other_mean),
        "n_after": len(after),
        "n_other": len(other),
        "enough": enough,
        "min_days": rules.REVIEW_MIN_DAYS,
    }

    from journal import factors

    top = [f for f in factors.current(store, as_of) if f.shown][:REVIEW_FACTORS]
    return Review(
        factors=top,
        follow_through=_follow_through(store, done_in_period, as_of),
        period=period,
        start=start,
        end=as_of,
        ai=ai,
        people=people,
        energy=energy_part,
        trust=trust,
        insights=current(store, as_of),
        intentions_done=done_in_period,
        energy_after_done=after_done,
    )
