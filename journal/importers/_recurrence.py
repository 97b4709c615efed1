"""How often an iCalendar event can recur in a window, known before expanding it.

`bound` is an upper bound on the occurrences of one VEVENT in a window, computed from its RRULE
(FREQ, INTERVAL, COUNT, UNTIL and how many values each BY part lists: RFC 5545 §3.3.10) without
generating a single date, so a 290-byte `FREQ=SECONDLY` event costs microseconds to refuse.
`stop_at` gives an open-ended rule an UNTIL at the window's end, so the expansion (dateutil under
recurring-ical-events) never walks on towards year 9999 looking for a next date.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

DAY = 86400.0
# Shortest length of one period of each FREQ, in days (a month has at least 28 days).
PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 28, "YEARLY": 365}


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _aware(moment: dt.date) -> dt.datetime:
    """A date or floating time as the user's local time; an aware one as it is."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time())
    if moment.tzinfo is None:
        from journal.clock import localize

        return localize(moment)
    return moment


def _length(event: Any) -> dt.timedelta:
    try:
        if event.get("DTEND") is not None:
            length = _aware(event["DTEND"].dt) - _aware(event["DTSTART"].dt)
        elif event.get("DURATION") is not None:
            length = event["DURATION"].dt
        else:
            return dt.timedelta(0)
        return max(length, dt.timedelta(0)) if isinstance(length, dt.timedelta) else dt.timedelta(0)
    except Exception:  # a broken DTEND or DURATION: the expansion names it
        return dt.timedelta(0)


def bound(event: Any, start: dt.datetime, end: dt.datetime) -> int:
    """At most how many occurrences of this VEVENT overlap [start, end] (1 for a single event)."""
    extra = sum(
        len(getattr(rdate, "dts", None) or [rdate]) for rdate in _listed(event.get("RDATE"))
    )
    rules = _listed(event.get("RRULE"))
    if not rules:
        return 1 + extra
    try:
        first = _aware(event["DTSTART"].dt)
        lo = max(start - _length(event), first)
    except Exception:  # no or a broken DTSTART: the expansion names the event
        return 1 + extra
    return 1 + extra + sum(_rule_bound(rule, lo, end) for rule in rules)


def _number(rule: Any, key: str, default: int) -> int:
    try:
        return int(_listed(rule.get(key))[0])
    except (IndexError, TypeError, ValueError):
        return default


def _rule_bound(rule: Any, lo: dt.datetime, hi: dt.datetime) -> int:
    try:
        until = _listed(rule.get("UNTIL"))
        if until:
            hi = min(hi, _aware(until[0]))
        freq = str(_listed(rule.get("FREQ"))[0]).upper()
    except Exception:
        return 0  # a rule this broken is refused by the expansion, which names it
    if hi < lo:
        return 0
    interval = max(1, _number(rule, "INTERVAL", 1))
    days = (hi - lo).total_seconds() / DAY

    def many(key: str) -> int:
        return len(set(map(str, _listed(rule.get(key)))))

    hours, minutes, seconds = many("BYHOUR"), many("BYMINUTE"), many("BYSECOND")
    if freq == "SECONDLY":
        per_day = min(math.ceil(DAY / interval), (hours or 24) * (minutes or 60) * (seconds or 60))
        total = per_day * (math.floor(days) + 2)
    elif freq == "MINUTELY":
        per_day = min(math.ceil(DAY / 60 / interval), (hours or 24) * (minutes or 60)) * (
            seconds or 1
        )
        total = per_day * (math.floor(days) + 2)
    elif freq == "HOURLY":
        per_day = min(math.ceil(24 / interval), hours or 24) * (minutes or 1) * (seconds or 1)
        total = per_day * (math.floor(days) + 2)
    elif freq in PERIOD_DAYS:
        periods = math.floor(days / (PERIOD_DAYS[freq] * interval)) + 2
        per = _days_per_period(rule, freq) * (hours or 1) * (minutes or 1) * (seconds or 1)
        if many("BYSETPOS"):
            per = min(per, many("BYSETPOS"))
        total = periods * per
    else:
        return 0  # an unknown FREQ: the expansion refuses it
    count = _number(rule, "COUNT", 0)
    return min(total, count) if count > 0 else total


def _days_per_period(rule: Any, freq: str) -> int:
    """At most how many days of one period a DAILY..YEARLY rule picks."""
    byday = [str(d) for d in _listed(rule.get("BYDAY"))]

    def weekdays(per_weekday: int) -> int:  # "MO" is every Monday, "1MO" or "-1FR" just one
        return sum(1 if any(c.isdigit() for c in day) else per_weekday for day in byday)

    monthdays = len(_listed(rule.get("BYMONTHDAY")))
    if freq == "DAILY":
        return 1
    if freq == "WEEKLY":
        return min(7, len(set(byday)) or 1)
    if freq == "MONTHLY":
        found = [n for n in (monthdays, weekdays(5) if byday else 0) if n]
        return min(31, min(found) if found else 1)
    yeardays = len(_listed(rule.get("BYYEARDAY")))
    weeks = len(_listed(rule.get("BYWEEKNO")))
    months = len(_listed(rule.get("BYMONTH")))
    found = []
    if yeardays:
        found.append(yeardays)
    if weeks:
        found.append(weeks * (min(7, len(set(byday))) if byday else 7))
    if months:
        found.append(months * (monthdays or (weekdays(5) if byday else 1)))
    elif monthdays:
        found.append(12 * monthdays)
    elif byday and not weeks:
        found.append(weekdays(53))
    return min(366, min(found) if found else 1)


def stop_at(event: Any, end: dt.datetime) -> None:
    """Give each open-ended RRULE of this event an UNTIL at `end` (in DTSTART's own kind: a
    date, a UTC time, or a floating local time), so its expansion stops at the window's end."""
    try:
        first = event["DTSTART"].dt
    except Exception:
        return
    if not isinstance(first, dt.datetime):
        limit: dt.date = end.astimezone().date()
    elif first.tzinfo is None:
        limit = end.astimezone().replace(tzinfo=None)
    else:
        limit = end.astimezone(dt.UTC)
    for rule in _listed(event.get("RRULE")):
        try:
            if rule.get("COUNT") is not None:
                continue  # COUNT already ends it (RFC 5545 forbids UNTIL beside COUNT)
            until = _listed(rule.get("UNTIL"))
            if until and _aware(until[0]) <= _aware(limit):
                continue
            rule["UNTIL"] = [limit]
        except Exception:  # an UNTIL that cannot be compared: leave the rule as given
            continue
