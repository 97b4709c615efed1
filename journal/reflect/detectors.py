"""The detectors of PRODUCT.md ("Reflection engine"), each deciding its rule exactly.

Each detector reads a Context (the records as of a day, grouped once) and returns Findings: the
insight without its actions. What each one claims, its minimum evidence and its thresholds, with
their reasons, are in docs/reflection.md; the numbers live in journal.reflect.rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction

from journal import models as m
from journal.names import key as name_key
from journal.present import minutes as duration
from journal.reflect import rules as r
from journal.reflect.context import (
    Context,
    Finding,
    by_day,
    colleagues,
    minutes,
    one_decimal,
    plural,
    rounded,
    short,
    whole,
)

__all__ = ["Context", "Finding", "detect", "DETECTORS"]


def _mean(values: Sequence[int | Fraction]) -> Fraction:
    return Fraction(sum(values), len(values))


def _soften(severity: str, ctx: Context) -> str:
    """Proportion: while the person is doing well, a pattern informs rather than warns."""
    return r.INFO if ctx.well() else severity


def _covered(days: Sequence[dt.date], ctx: Context) -> str:
    """ "on 5 of 7 days (2 paused)": the window an absence claim rests on, in words."""
    logged = len(ctx.logged_in(days))
    return f"{logged} of your last {plural(len(days), 'known day')} are logged"


# --- wellbeing -----------------------------------------------------------------------------------


def wellbeing_low(ctx: Context) -> list[Finding]:
    latest = ctx.latest_who5()
    if latest is None or latest.percent > r.WHO5_LOW:
        return []
    very = latest.percent <= r.WHO5_VERY_LOW
    if very:
        detail = (
            f"Your WHO-5 on {short(latest.day)} was {latest.percent}% ({latest.raw} of 25). At "
            f"{r.WHO5_VERY_LOW}% or below, the WHO-5 suggests talking to a doctor or another "
            "professional about how you have been. It is a wellbeing questionnaire, not a "
            "diagnosis, and asking for support is an ordinary, good step."
        )
        title = "Your wellbeing score is very low: please talk to a doctor or a professional"
    else:
        detail = (
            f"Your WHO-5 on {short(latest.day)} was {latest.percent}% ({latest.raw} of 25). At "
            f"{r.WHO5_LOW}% or below, the WHO-5 reads as low wellbeing: worth talking to someone "
            "you trust, or a professional. It is a questionnaire, not a diagnosis."
        )
        title = f"Your wellbeing score was {latest.percent}%, in the low range"
    return [
        Finding(
            id="wellbeing-low",
            severity=r.ACT,
            title=title,
            detail=detail,
            evidence=by_day([latest]),
            metrics={
                "percent": latest.percent,
                "raw": latest.raw,
                "day": latest.day.isoformat(),
                "band": "very low" if very else "low",
            },
            days=tuple(ctx.known(r.WHO5_RECENT_DAYS)),
            support=very,
        )
    ]


def wellbeing_drop(ctx: Context) -> list[Finding]:
    if len(ctx.who5) < 2:
        return []
    before, latest = ctx.who5[-2], ctx.who5[-1]
    if latest.day < ctx.last(r.WHO5_RECENT_DAYS)[0]:
        return []
    if (latest.day - before.day).days > r.WHO5_DROP_WITHIN_DAYS:
        return []
    drop = before.percent - latest.percent
    if drop < r.WHO5_DROP:
        return []
    return [
        Finding(
            id="wellbeing-drop",
            severity=r.ACT if latest.percent <= r.WHO5_LOW else r.WATCH,
            title=f"Your wellbeing score fell {drop} points, to {latest.percent}%",
            detail=(
                f"WHO-5 {before.percent}% on {short(before.day)}, {latest.percent}% on "
                f"{short(latest.day)}. A change of {r.WHO5_DROP} points or more is the change the "
                "WHO-5 treats as meaningful: worth noticing what changed, and telling someone."
            ),
            evidence=by_day([before, latest]),
            metrics={"before": before.percent, "after": latest.percent, "drop": drop},
            days=tuple(ctx.known((ctx.as_of - before.day).days + 1)),
        )
    ]


def connection_low(ctx: Context) -> list[Finding]:
    answers = ctx.connection_answers()
    if len(answers) < r.CONNECTION_MIN_ANSWERS:
        return []
    mean = _mean([c.connection or 0 for c in answers])
    if mean > r.CONNECTION_LOW:
        return []
    return [
        Finding(
            id="connection-low",
            severity=r.ACT if ctx.wellbeing_low() else r.WATCH,
            title=f"You have felt less connected to {colleagues(ctx.role)} this week",
            detail=(
                f"Your {plural(len(answers), 'check-in')} of the last {r.CONNECTION_DAYS} days "
                f"rate connection {one_decimal(mean)} of 5 on average."
            ),
            evidence=by_day(answers),
            metrics={"mean": rounded(mean), "answers": len(answers)},
            days=tuple(ctx.known(r.CONNECTION_DAYS)),
        )
    ]


# --- trust and AI use ----------------------------------------------------------------------------


def trust_streak(ctx: Context) -> list[Finding]:
    days = list(ctx.checkins)
    if not days or (ctx.as_of - days[-1]).days > r.TRUST_STREAK_RECENT_DAYS:
        return []
    run: list[m.CheckIn] = []
    for day in reversed(days):  # days without a check-in are simply not in the dict
        checkin = ctx.checkins[day]
        gap = checkin.trust_ai - checkin.trust_team
        if gap <= 0 or (gap == 1 and (checkin.connection or 0) >= r.CONNECTION_HIGH):
            break  # a one-point gap on a well-connected day is no alarm
        run.append(checkin)
    if len(run) < r.TRUST_STREAK_MIN:
        return []
    run.reverse()
    n = len(run)
    mean_ai = _mean([c.trust_ai for c in run])
    mean_team = _mean([c.trust_team for c in run])
    streak_days = {c.day for c in run}
    instead = [s for s in ctx.ai if s.day in streak_days and s.instead_of_person]
    severity = r.ACT if n >= r.TRUST_STREAK_ACT else r.WATCH
    return [
        Finding(
            id="trust-streak",
            severity=_soften(severity, ctx),
            title=f"You trusted AI over {colleagues(ctx.role)} {n} check-ins running",
            detail=(
                f"Your last {n} check-ins, from {short(run[0].day)} to {short(run[-1].day)}, put "
                f"trust in AI above trust in people: {one_decimal(mean_ai)} vs "
                f"{one_decimal(mean_team)} of 5 on average."
            ),
            evidence=by_day([*run, *instead]),
            metrics={"days": n, "since": run[0].day.isoformat()},
        )
    ]


def augmentation_share(ctx: Context) -> list[Finding]:
    sessions = ctx.on(ctx.ai, ctx.active(r.AUGMENTATION_DAYS))
    weighed = [
        s for s in sessions if s.purpose in m.AUGMENTATION or s.purpose == m.Purpose.AUTOMATE
    ]
    total = minutes(weighed)
    if total < r.AUGMENTATION_MIN_MINUTES:
        return []
    augmenting = minutes(s for s in weighed if s.purpose in m.AUGMENTATION)
    automating = total - augmenting
    share = Fraction(augmenting, total)
    target = ctx.profile.augmentation_target
    reference = Fraction(target, 100) if target is not None else r.AUGMENTATION_REFERENCE
    percent = round(share * 100)
    unclassified = minutes(s for s in sessions if s.purpose == m.Purpose.UNCLASSIFIED)
    notes = []
    if unclassified:
        notes.append(f"{duration(unclassified)} unclassified are left out until you classify them.")
    point = (
        f"your own target is {target}%"
        if target is not None
        else f"for comparison, freelancers surveyed in 2025 reported about "
        f"{round(r.AUGMENTATION_REFERENCE * 100)}% of their AI use as augmentation on "
        "average: a reference point, not a target"
    )
    base = (
        f"In the last {r.AUGMENTATION_DAYS} days, {duration(augmenting)} of "
        f"{duration(total)} spent learning, co-creating or automating with AI "
        f"({plural(len(weighed), 'session')}) went to learning or co-creating, and "
        f"{duration(automating)} to automating"
    )
    metrics = {
        "share": rounded(share),
        "reference": rounded(reference),
        "target": target,
        "augmenting_minutes": augmenting,
        "automating_minutes": automating,
        "classified_minutes": total,
    }
    if share >= reference:
        return [
            Finding(
                id="augmentation-share",
                severity=r.GOOD,
                title=f"{percent}% of your AI time went to learning and co-creating",
                detail=f"{base}; {point}. " + " ".join(notes),
                evidence=by_day(weighed),
                metrics=metrics,
            )
        ]
    shown = f"your target {target}%" if target is not None else "reference point 71%"
    return [
        Finding(
            id="augmentation-share",
            severity=_soften(r.WATCH, ctx),
            title=f"{percent}% of your AI time went to learning and co-creating ({shown})",
            detail=f"{base}; {point}. " + " ".join(notes),
            evidence=by_day(weighed),
            metrics=metrics,
        )
    ]


def learning_partner(ctx: Context) -> list[Finding]:
    learning = [
        s for s in ctx.on(ctx.ai, ctx.active(r.LEARNING_DAYS)) if s.purpose == m.Purpose.LEARN
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
            title=f"AI was your learning partner for {duration(total)} this week",
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
        for s in ctx.on(ctx.ai, ctx.active(r.INSTEAD_DAYS))
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
    severity = r.ACT if len(hits) >= r.INSTEAD_ACT or ctx.connection_low() else r.WATCH
    return [
        Finding(
            id="ai-instead-of-people",
            severity=_soften(severity, ctx),
            title=f"You turned to AI instead of a person {plural(len(hits), 'time')} this week",
            detail=(
                f"In the last {r.INSTEAD_DAYS} days: {' and '.join(parts)}, on "
                f"{plural(len({s.day for s in hits}), 'day')}."
            ),
            evidence=by_day(hits),
            metrics={"count": len(hits)},
        )
    ]


def _late(session: m.AISession) -> bool:
    """Started late at night in the user's local time (whatever offset it was stored with)."""
    hour = session.started_at.astimezone().hour
    return hour >= r.LATE_FROM or hour < r.LATE_UNTIL


def companion_rising(ctx: Context) -> list[Finding]:
    companion = [s for s in ctx.ai if s.purpose == m.Purpose.COMPANION]
    recent = ctx.on(companion, ctx.active(r.COMPANION_RECENT_DAYS))
    if len(recent) < r.COMPANION_MIN_SESSIONS:
        return []
    weeks_now = Fraction(r.COMPANION_RECENT_DAYS, 7)
    weeks_before = Fraction(r.COMPANION_BEFORE_DAYS, 7)
    weekly_now = minutes(recent) / weeks_now
    both = ctx.active(r.COMPANION_RECENT_DAYS + r.COMPANION_BEFORE_DAYS)
    earlier = ctx.on(companion, both[: -r.COMPANION_RECENT_DAYS])
    weekly_before = minutes(earlier) / weeks_before
    if weekly_now < r.COMPANION_MIN_WEEKLY or weekly_now < r.COMPANION_RISE * weekly_before:
        return []
    late = [s for s in recent if _late(s)]
    # Rising company alone is worth watching; with low wellbeing or connection, acting on.
    act = ctx.wellbeing_low() or ctx.connection_low()
    night = f" {len(late)} of them started late at night (after {r.LATE_FROM}:00)." if late else ""
    return [
        Finding(
            id="companion-rising",
            severity=r.ACT if act else r.WATCH,
            title=f"You have been keeping AI company more: {duration(int(weekly_now))} a week",
            detail=(
                f"{plural(len(recent), 'companion session')} in the last "
                f"{r.COMPANION_RECENT_DAYS} days ({duration(minutes(recent))}), against "
                f"{duration(int(weekly_before))} a week in the {r.COMPANION_BEFORE_DAYS // 7} "
                f"weeks before.{night}"
            ),
            evidence=by_day(recent),
            metrics={
                "weekly_minutes": rounded(weekly_now),
                "weekly_minutes_before": rounded(weekly_before),
                "sessions": len(recent),
                "late_night": len(late),
            },
        )
    ]


# --- people --------------------------------------------------------------------------------------


def people_fading(ctx: Context) -> list[Finding]:
    recent_days = ctx.known(r.FADING_RECENT_DAYS)
    before_days = ctx.known(r.FADING_BEFORE_DAYS, skip=r.FADING_RECENT_DAYS)
    cap = ctx.absence_cap(recent_days)
    if cap is None or ctx.absence_cap(before_days) is None:
        return []
    recent_work = [d for d in ctx.logged_in(recent_days) if ctx.is_workday(d)]
    before_work = [d for d in ctx.logged_in(before_days) if ctx.is_workday(d)]
    if len(recent_work) < r.FADING_MIN_RECENT_WORKDAYS or len(before_work) < 2 * len(recent_work):
        return []
    earlier = ctx.on(ctx.interactions, before_work)
    if len(earlier) < r.FADING_MIN_INTERACTIONS:
        return []
    now_met = ctx.on(ctx.interactions, recent_work)
    rate_now = Fraction(minutes(now_met), len(recent_work))
    rate_before = Fraction(minutes(earlier), len(before_work))
    if not rate_now < r.FADING_RATIO * rate_before:
        return []
    ai_now_sessions = ctx.on(ctx.ai, recent_work)
    ai_now = Fraction(ctx.ai_minutes_on(recent_work), len(recent_work))
    ai_before = Fraction(ctx.ai_minutes_on(before_work), len(before_work))
    if not (ai_now > 0 and ai_now >= ai_before):
        return []
    strong = ctx.connection_low() or ctx.wellbeing_low()
    severity = r.ACT if cap == r.ACT and strong and not ctx.well() else r.WATCH
    return [
        Finding(
            id="people-fading",
            severity=severity,
            title="Time with people is fading while AI time holds",
            detail=(
                f"{whole(rate_now)} minutes with people a workday over your last "
                f"{plural(len(recent_work), 'logged workday')}, against {whole(rate_before)} over "
                f"the {len(before_work)} before ({plural(len(earlier), 'interaction')}); AI time: "
                f"{whole(ai_now)} minutes a workday against {whole(ai_before)}. "
                f"{_covered(recent_days, ctx)}."
            ),
            evidence=by_day([*now_met, *ai_now_sessions]),
            metrics={
                "people_minutes_per_day": rounded(rate_now),
                "people_minutes_per_day_before": rounded(rate_before),
                "ai_minutes_per_day": rounded(ai_now),
                "ai_minutes_per_day_before": rounded(ai_before),
                "workdays": len(recent_work),
                "workdays_before": len(before_work),
            },
            days=tuple(recent_days),
        )
    ]


def isolation_streak(ctx: Context) -> list[Finding]:
    logged = [d for d in ctx.logged if ctx.is_known(d)]
    if not logged or (ctx.as_of - logged[-1]).days > r.ISOLATION_RECENT_DAYS:
        return []
    connected = ctx.connected_days(r.CONNECTED_QUALITY)
    run: list[dt.date] = []
    for day in reversed(logged):  # days without any entry are unknown: skipped
        if day in connected:
            break
        if ctx.is_workday(day):  # a quiet day off is no sign of isolation
            run.append(day)
    if len(run) < r.ISOLATION_MIN:
        return []
    run.reverse()
    span = [d for d in ctx.known((ctx.as_of - run[0]).days + 1) if d >= run[0]]
    cap = ctx.absence_cap(span)
    if cap is None:
        return []
    answers = [ctx.checkins[d].connection for d in run if d in ctx.checkins]
    felt = [a for a in answers if a is not None]
    if felt and _mean(felt) >= r.CONNECTION_HIGH:
        return []  # they felt connected: chats and calls they did not log as such
    n = len(run)
    strong = n >= r.ISOLATION_ACT or ctx.connection_low()  # low connection strengthens it
    severity = r.ACT if strong and cap == r.ACT and not ctx.well() else r.WATCH
    return [
        Finding(
            id="isolation-streak",
            severity=severity,
            title=f"{n} logged workdays in a row without a conversation that felt connected",
            detail=(
                f"From {short(run[0])} to {short(run[-1])}, none of your {n} logged workdays had "
                f"an interaction of quality {r.CONNECTED_QUALITY} or more. "
                f"{_covered(span, ctx)}."
            ),
            evidence=tuple((day, ctx.logged[day]) for day in run),
            metrics={"days": n},
            days=tuple(span),
        )
    ]


def no_mentoring(ctx: Context) -> list[Finding]:
    if len(ctx.known(r.MENTORING_SPAN_DAYS)) < r.MENTORING_SPAN_DAYS:
        return []
    window = ctx.known(r.MENTORING_DAYS)
    cap = ctx.absence_cap(window)
    if cap is None:
        return []
    last = ctx.last_mentoring_day
    if last is not None and last >= window[0]:
        return []
    days_since = None if last is None else len(ctx.logged_in(d for d in window if d > last))
    recent = ctx.on(ctx.interactions, window)
    met = (
        f" You met people {plural(len(recent), 'time')} in that time, none of it mentoring or "
        "feedback for you."
        if recent
        else ""
    )
    given = (
        " Feedback you gave your reports is not counted here: this is about support for you."
        if ctx.role == m.Role.MANAGER
        else ""
    )
    if last is None:
        detail = "You have not logged any mentoring or feedback for you yet." + met + given
        evidence: list[tuple[dt.date, tuple[str, ...]]] = []
    else:
        detail = f"Your last mentoring or feedback was on {short(last)}.{met}{given}"
        ids = tuple(
            i.id for i in ctx.interactions if i.day == last and ctx.is_mentoring_received(i)
        )
        evidence = [(last, ids)]
    evidence += list(by_day(recent))
    if not evidence:
        evidence = [(window[-1], ctx.logged.get(window[-1], ()))]
    return [
        Finding(
            id="no-mentoring",
            severity=_soften(r.WATCH, ctx),
            title=f"No mentoring or feedback for you in your last {len(window)} days",
            detail=detail + f" {_covered(window, ctx)}.",
            evidence=tuple(evidence),
            metrics={"days_since": days_since},
            days=tuple(window),
        )
    ]


def neglected_person(ctx: Context) -> list[Finding]:
    recent = ctx.known(r.NEGLECT_RECENT_DAYS)
    before = ctx.known(r.NEGLECT_BEFORE_DAYS, skip=r.NEGLECT_RECENT_DAYS)
    if ctx.absence_cap(recent) is None or not before:
        return []
    roster = {name_key(p.name): p.name for p in ctx.people}
    earlier: dict[str, list[m.Interaction]] = {}
    names: dict[str, str] = {}
    for interaction in ctx.on(ctx.interactions, before):
        for name in dict.fromkeys(name_key(n) for n in interaction.people):
            earlier.setdefault(name, []).append(interaction)
        for name in interaction.people:
            names[name_key(name)] = name  # the latest spelling, when not on the roster
    seen_recently = {name_key(n) for i in ctx.on(ctx.interactions, recent) for n in i.people}
    found = []
    for who, met in earlier.items():
        if len(met) < r.NEGLECT_MIN_INTERACTIONS or who in seen_recently:
            continue
        weeks = {i.day.isocalendar()[:2] for i in met}
        if len(weeks) < r.NEGLECT_MIN_WEEKS:
            continue  # a burst (one project week), not a regular contact
        name = roster.get(who, names[who])
        last = max(i.day for i in met)
        since = len([d for d in ctx.logged if d > last and ctx.is_known(d)])
        found.append(
            Finding(
                id="neglected-person",
                severity=_soften(r.WATCH, ctx),
                title=f"You have not met {name} on your last {plural(since, 'logged day')}",
                detail=(
                    f"You met {name} {plural(len(met), 'time')} in the "
                    f"{len(before)} known days before your last {len(recent)}, and nothing is "
                    f"logged with them since {short(last)}. {_covered(recent, ctx)}."
                ),
                evidence=by_day(met),
                metrics={"person": name, "days_since": since},
                subject=name,
                days=tuple(recent),
            )
        )
    return sorted(found, key=lambda f: name_key(f.subject or ""))


def meeting_load(ctx: Context) -> list[Finding]:
    window = ctx.active(r.MEETING_DAYS)
    workdays = [d for d in ctx.logged_in(window) if ctx.is_workday(d)]
    if len(workdays) < r.FADING_MIN_RECENT_WORKDAYS:
        return []
    met = ctx.on(ctx.interactions, window)
    meetings = [i for i in met if i.kind == m.Kind.MEETING]
    low = [i for i in meetings if i.quality <= r.MEETING_LOW_QUALITY]
    low_minutes, meeting_minutes = minutes(low), minutes(meetings)
    if low_minutes < r.MEETING_MIN_MINUTES or low_minutes < r.MEETING_LOW_SHARE * meeting_minutes:
        return []
    one_to_one = [i for i in met if i.kind != m.Kind.MEETING and len(i.people) == 1]
    if minutes(one_to_one) * 2 >= low_minutes:
        return []
    return [
        Finding(
            id="meeting-load",
            severity=r.WATCH,
            title=f"{duration(low_minutes)} of draining meetings this week",
            detail=(
                f"{plural(len(low), 'meeting')} of quality {r.MEETING_LOW_QUALITY} or less in the "
                f"last {r.MEETING_DAYS} days, out of {duration(meeting_minutes)} of meetings; "
                f"one-to-one time: {duration(minutes(one_to_one))}."
            ),
            evidence=by_day(low),
            metrics={
                "low_quality_minutes": low_minutes,
                "meeting_minutes": meeting_minutes,
                "one_to_one_minutes": minutes(one_to_one),
            },
        )
    ]


# --- energy --------------------------------------------------------------------------------------


def _adjusted(ctx: Context, days: list[dt.date]) -> dict[dt.date, Fraction]:
    """Daily energy means with the workday / day-off difference taken out, so a slide is read
    against comparable days (when both kinds have at least three days)."""
    values = {d: ctx.energy_by_day[d] for d in days}
    work = [v for d, v in values.items() if ctx.is_workday(d)]
    off = [v for d, v in values.items() if not ctx.is_workday(d)]
    if len(work) < 3 or len(off) < 3:
        return values
    overall = _mean(list(values.values()))
    shift = {True: _mean(work) - overall, False: _mean(off) - overall}
    return {d: v - shift[ctx.is_workday(d)] for d, v in values.items()}


def _slope(points: dict[dt.date, Fraction]) -> Fraction:
    """Least-squares slope, points per day."""
    xs = [Fraction(d.toordinal()) for d in points]
    ys = list(points.values())
    mx, my = _mean(xs), _mean(ys)
    sxx = sum(((x - mx) ** 2 for x in xs), Fraction(0))
    sxy = sum(((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)), Fraction(0))
    return sxy / sxx if sxx else Fraction(0)


def energy_slide(ctx: Context) -> list[Finding]:
    recent_days = ctx.known(r.ENERGY_RECENT_DAYS)
    before_days = ctx.known(r.ENERGY_BEFORE_DAYS, skip=r.ENERGY_RECENT_DAYS)
    recent = ctx.on(ctx.energy, recent_days)
    earlier = ctx.on(ctx.energy, before_days)
    if len(recent) < 2:
        return []
    recent_mean = _mean([e.level for e in recent])
    sudden = None
    if len(recent) >= r.ENERGY_MIN_READINGS and len(earlier) >= r.ENERGY_MIN_READINGS:
        drop = _mean([e.level for e in earlier]) - recent_mean
        if drop >= r.ENERGY_DROP:
            sudden = drop
    slow = None
    days = [d for d in ctx.known(r.SLIDE_DAYS) if d in ctx.energy_by_day]
    if len(days) >= r.SLIDE_MIN_DAYS and (days[-1] - days[0]).days + 1 >= r.SLIDE_MIN_SPAN:
        points = _adjusted(ctx, days)
        span = (days[-1] - days[0]).days
        fall = -_slope(points) * span
        third = max(1, len(days) // 3)
        head = _mean([points[d] for d in days[:third]])
        tail = _mean([points[d] for d in days[-third:]])
        if fall >= r.SLIDE_FALL and head - tail >= r.SLIDE_FALL * Fraction(2, 3):
            slow = (fall, span + 1)
    if sudden is None and slow is None:
        return []
    ai_days = ctx.logged_in(recent_days)
    ai_now = ctx.ai_minutes_on(ai_days)
    before_logged = ctx.logged_in(before_days)
    ai_before = ctx.ai_minutes_on(before_logged)
    ai_rising = (
        bool(ai_days and before_logged)
        and ai_now > 0
        and (Fraction(ai_now, len(ai_days)) >= Fraction(ai_before, len(before_logged)))
    )
    low = recent_mean <= r.SLIDE_LOW_LEVEL or ctx.wellbeing_low() or ctx.connection_low()
    severity = r.ACT if low and not ctx.well() else r.WATCH
    if slow is not None:
        fall, span_days = slow
        title = f"Your energy has slid by {one_decimal(fall)} points over {span_days // 7} weeks"
        detail = (
            f"Your daily energy, workdays and days off each against their own kind, fell by "
            f"about {one_decimal(fall)} points from {short(days[0])} to {short(days[-1])} "
            f"({plural(len(days), 'day')} with readings); the last week averaged "
            f"{one_decimal(recent_mean)}."
        )
    else:
        assert sudden is not None
        fall, span_days = sudden, r.ENERGY_RECENT_DAYS + r.ENERGY_BEFORE_DAYS
        title = f"Your energy dipped by {one_decimal(sudden)} points this week"
        detail = (
            f"Mean energy {one_decimal(recent_mean)} over {plural(len(recent), 'reading')} in "
            f"your last {r.ENERGY_RECENT_DAYS} known days, against "
            f"{one_decimal(recent_mean + sudden)} over {plural(len(earlier), 'reading')} in the "
            f"{r.ENERGY_BEFORE_DAYS} before."
        )
    if ai_rising:
        detail += " Meanwhile your AI time per logged day held or grew."
    return [
        Finding(
            id="energy-slide",
            severity=severity,
            title=title,
            detail=detail,
            evidence=by_day(recent),
            metrics={
                "recent_mean": rounded(recent_mean),
                "fall": rounded(fall),
                "weeks": span_days // 7,
                "kind": "slow" if slow is not None else "sudden",
                "ai_rising": ai_rising,
            },
            days=tuple(days) if slow is not None else tuple([*before_days, *recent_days]),
        )
    ]


def _lift_groups(
    ctx: Context, days: list[dt.date], connected: set[dt.date]
) -> tuple[Fraction, int, int] | None:
    """Energy on days with a connected conversation against days without, each compared within
    its own kind of day (workdays with workdays, days off with days off); None when no kind has
    LIFT_MIN_DAYS in both groups. Returns the weighted difference and the two day counts."""
    diffs: list[tuple[Fraction, int]] = []
    n_with = n_without = 0
    for workday in (True, False):
        group = [d for d in days if ctx.is_workday(d) == workday]
        with_ = [d for d in group if d in connected]
        without = [d for d in group if d not in connected]
        if len(with_) < r.LIFT_MIN_DAYS or len(without) < r.LIFT_MIN_DAYS:
            continue
        mean_with = _mean([ctx.energy_by_day[d] for d in with_])
        mean_without = _mean([ctx.energy_by_day[d] for d in without])
        diffs.append((mean_with - mean_without, min(len(with_), len(without))))
        n_with += len(with_)
        n_without += len(without)
    if not diffs:
        return None
    weight = sum(w for _, w in diffs)
    return sum((d * w for d, w in diffs), Fraction(0)) / weight, n_with, n_without


def people_lift_energy(ctx: Context) -> list[Finding]:
    days = [d for d in ctx.known(r.LIFT_DAYS) if d in ctx.energy_by_day]
    connected = ctx.connected_days(r.LIFT_QUALITY)
    found = _lift_groups(ctx, days, connected)
    if found is None:
        return []
    difference, n_with, n_without = found
    if abs(difference) < r.LIFT_DIFFERENCE:
        return []
    lifts = difference > 0
    good = [i for i in ctx.on(ctx.interactions, days) if i.quality >= r.LIFT_QUALITY]
    evidence = by_day([*ctx.on(ctx.energy, days), *good])
    return [
        Finding(
            id="people-lift-energy",
            severity=r.GOOD if lifts else r.INFO,
            title=(
                "Days with people lift your energy"
                if lifts
                else "Days with people have felt more draining lately"
            ),
            detail=(
                f"Your energy is {one_decimal(abs(difference))} points "
                f"{'higher' if lifts else 'lower'} on days with a good conversation than on "
                f"comparable days without (workdays with workdays, days off with days off): "
                f"{n_with} days with people, {n_without} without, in your last "
                f"{plural(len(ctx.known(r.LIFT_DAYS)), 'known day')}."
            ),
            evidence=evidence,
            metrics={"difference": rounded(difference), "n_with": n_with, "n_without": n_without},
            days=tuple(ctx.known(r.LIFT_DAYS)),
        )
    ]


# --- going well ----------------------------------------------------------------------------------


def good_energy_up(ctx: Context) -> list[Finding]:
    recent_days = ctx.known(r.ENERGY_RECENT_DAYS)
    before_days = ctx.known(r.ENERGY_BEFORE_DAYS, skip=r.ENERGY_RECENT_DAYS)
    recent = ctx.on(ctx.energy, recent_days)
    earlier = ctx.on(ctx.energy, before_days)
    if len(recent) < r.ENERGY_MIN_READINGS or len(earlier) < r.ENERGY_MIN_READINGS:
        return []
    now, then = _mean([e.level for e in recent]), _mean([e.level for e in earlier])
    if now - then < r.GOOD_ENERGY_UP:
        return []
    start = (before_days or recent_days)[0]
    gap = any(start <= d <= ctx.as_of for d in ctx.paused | ctx.breaks)
    after = " since your break" if gap else ""
    return [
        Finding(
            id="good-energy-up",
            severity=r.GOOD,
            title=f"Your energy is up{after}: {one_decimal(now)} this week",
            detail=(
                f"Mean energy {one_decimal(now)} over {plural(len(recent), 'reading')} in your "
                f"last {r.ENERGY_RECENT_DAYS} known days, against {one_decimal(then)} over "
                f"{plural(len(earlier), 'reading')} in the {r.ENERGY_BEFORE_DAYS} before."
            ),
            evidence=by_day(recent),
            metrics={"recent_mean": rounded(now), "earlier_mean": rounded(then)},
            days=tuple([*before_days, *recent_days]),
        )
    ]


def good_follow_through(ctx: Context) -> list[Finding]:
    first, _ = ctx.last(r.GOOD_FOLLOW_DAYS)
    done = [
        i
        for i in ctx.intentions
        if i.done_at is not None and first <= i.done_at.astimezone().date() <= ctx.as_of
    ]
    if len(done) < r.GOOD_FOLLOW_MIN:
        return []
    days: dict[dt.date, list[str]] = {}
    for intention in sorted(done, key=lambda i: (i.done_at, i.id)):
        assert intention.done_at is not None
        days.setdefault(intention.done_at.astimezone().date(), []).append(intention.id)
    return [
        Finding(
            id="good-follow-through",
            severity=r.GOOD,
            title=f"You followed through on {plural(len(done), 'intention')} in two weeks",
            detail=(
                f"Done in the last {r.GOOD_FOLLOW_DAYS} days: "
                + "; ".join(i.text for i in done[:3])
                + (f"; and {len(done) - 3} more." if len(done) > 3 else "")
            ),
            evidence=tuple((d, tuple(ids)) for d, ids in days.items()),
            metrics={"done": len(done)},
        )
    ]


DETECTORS: tuple[Callable[[Context], list[Finding]], ...] = (
    wellbeing_low,
    wellbeing_drop,
    connection_low,
    trust_streak,
    augmentation_share,
    learning_partner,
    ai_instead_of_people,
    companion_rising,
    people_fading,
    isolation_streak,
    no_mentoring,
    neglected_person,
    meeting_load,
    energy_slide,
    people_lift_energy,
    good_energy_up,
    good_follow_through,
)


def detect(ctx: Context) -> Iterator[Finding]:
    for detector in DETECTORS:
        yield from detector(ctx)
