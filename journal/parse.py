"""DURATION, WHEN and small value parsing: pure functions that raise BadInput with one line.

This module is on the quick-add path, so it imports neither `re` nor dateutil at the top:
dateutil is loaded only for a WHEN that none of the simple forms below match.
"""

from __future__ import annotations

import datetime as dt

from journal.errors import BadInput
from journal.metrics import MAX_MINUTES

TYPE_CHECKING = False  # typing is not loaded on the quick-add path; mypy still sees the block
if TYPE_CHECKING:
    from typing import Literal, overload

DURATION_FORMS = "minutes such as 45 or 45m, hours such as 1h, 1h30 or 1.5h (1 minute to 24 hours)"
WHEN_FORMS = (
    "a date or date-time (2026-11-20, 2026-11-20T14:30), today, yesterday, 14:30, 9am, noon, "
    "'yesterday at 14:00', a weekday (mon, 'last friday'), '3 days ago' or '2 days ago 10:00'"
)
PERIOD_FORMS = "this week, last week, this month, last month, this year or last year"
# A filter (--since, --until, report) also takes a period: it starts on its first day and ends
# on its last.
RANGE_FORMS = f"{WHEN_FORMS}; or a period: {PERIOD_FORMS}"
NOON = dt.time(12, 0)
# Days a WHEN may name: outside them local-time arithmetic overflows (and no journal goes there).
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(9998, 12, 31)

_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}
_DAY = 24 * 60
_AGO_UNITS = {
    "minute": 1,
    "minutes": 1,
    "min": 1,
    "mins": 1,
    "hour": 60,
    "hours": 60,
    "h": 60,
    "day": _DAY,
    "days": _DAY,
    "d": _DAY,
    "week": 7 * _DAY,
    "weeks": 7 * _DAY,
    "w": 7 * _DAY,
}


# --- durations ---------------------------------------------------------------------------------


def parse_duration(text: str) -> int:
    """Minutes from `45`, `45m`, `45min`, `1h`, `1h30`, `1h30m`, `1.5h`; 1..MAX_MINUTES."""
    raw = str(text).strip().lower().replace(" ", "")
    minutes = _duration_minutes(raw)
    if minutes is None:
        raise BadInput(f"duration {text!r} is not understood; use {DURATION_FORMS}")
    if not 1 <= minutes <= MAX_MINUTES:
        raise BadInput(f"duration {text!r} is {minutes} minutes; accepted: {DURATION_FORMS}")
    return minutes


def _digits(text: str) -> bool:
    """ASCII digits only: str.isdigit() also passes '²', which int() and float() refuse."""
    return text.isascii() and text.isdigit()


def _number(text: str) -> float | None:
    if not text or not all(c in "0123456789." for c in text) or text.count(".") > 1:
        return None
    if len(text) > 12:  # no duration needs more digits; a megabyte of them would overflow float
        return None
    if text == ".":
        return None
    return float(text)


def _round(value: float) -> int:
    """Half up (2.5 -> 3), not Python's half to even."""
    return int(value + 0.5)


def _duration_minutes(raw: str) -> int | None:
    for suffix in ("minutes", "minute", "mins", "min", "m"):
        if raw.endswith(suffix) and "h" not in raw:
            value = _number(raw[: -len(suffix)])
            return None if value is None else _round(value)
    if "h" in raw:
        hours_text, _, rest = raw.partition("h")
        for suffix in ("ours", "our", "rs", "r"):  # 1hour, 2hours, 2hrs
            if rest.startswith(suffix):
                rest = rest[len(suffix) :]
                break
        hours = _number(hours_text)
        if hours is None:
            return None
        extra = 0.0
        if rest:
            rest = rest.removesuffix("min").removesuffix("m")
            if not _digits(rest) or len(rest) > 2 or int(rest) > 59 or "." in hours_text:
                return None
            extra = float(rest)
        return _round(hours * 60 + extra)
    value = _number(raw)
    return None if value is None else _round(value)


# --- WHEN --------------------------------------------------------------------------------------


def parse_when(text: str, now: dt.datetime) -> tuple[dt.date, dt.time | None]:
    """A day and, when the text gives one, a local time of day."""
    raw = " ".join(str(text).strip().lower().split())
    if not raw:
        raise BadInput(f"date {text!r} is empty; use {WHEN_FORMS}")
    try:
        result = _simple_when(raw, now)
        if result is None:
            result = _iso_when(str(text).strip(), now) or _dateutil_when(raw, now)
    except (OverflowError, ValueError):  # "999999999 days ago", 0001-01-01T00:00+14:00
        result = (dt.date.min, None)
    if result is None:
        raise BadInput(f"date {text!r} is not understood; use {WHEN_FORMS}")
    if not FIRST_DAY <= result[0] <= LAST_DAY:
        raise BadInput(
            f"date {text!r} is out of range; accepted: days from "
            f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
        )
    return result


def _simple_when(raw: str, now: dt.datetime) -> tuple[dt.date, dt.time | None] | None:
    today = now.date()
    if raw == "now":
        return today, now.time().replace(microsecond=0)
    head, _, tail = raw.partition(" ")
    day: dt.date | None = None
    if head == "today":
        day = today
    elif head == "yesterday":
        day = today - dt.timedelta(days=1)
    elif head in _WEEKDAYS:
        day = today - dt.timedelta(days=(today.weekday() - _WEEKDAYS[head]) % 7)
    elif head == "last" and tail.partition(" ")[0] in _WEEKDAYS:
        # "last friday": the latest one before today (a week ago when today is a Friday)
        head, _, tail = tail.partition(" ")
        day = today - dt.timedelta(days=(today.weekday() - _WEEKDAYS[head] - 1) % 7 + 1)
    if day is not None:
        if not tail:
            return day, None
        time = _time_of_day(tail.removeprefix("at "))
        return None if time is None else (day, time)
    if " ago" in raw:  # "3 days ago", "2 days ago 10:00", "2 days ago at 10:00"
        amount, _, tail = raw.partition(" ago")
        found = _ago(amount.strip(), now)
        if found is None or not tail:
            return found
        time = _time_of_day(tail.strip().removeprefix("at "))
        if time is None or found[1] is not None:  # "2 hours ago 10:00" names two times
            return None
        return found[0], time
    time = _time_of_day(raw.removeprefix("at "))
    if time is not None:
        return today, time
    return None


def _ago(amount: str, now: dt.datetime) -> tuple[dt.date, dt.time | None] | None:
    number, _, unit = amount.partition(" ")
    if not unit:  # "3d ago"
        digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
        number, unit = digits, number[len(digits) :]
    if not _digits(number) or unit not in _AGO_UNITS:
        return None
    minutes = int(number) * _AGO_UNITS[unit]
    if _AGO_UNITS[unit] >= _DAY:
        return now.date() - dt.timedelta(minutes=minutes), None
    moment = now - dt.timedelta(minutes=minutes)
    return moment.date(), moment.time().replace(microsecond=0)


def _time_of_day(text: str) -> dt.time | None:
    """`14:30`, `9:05`, `3pm`, `3:30pm`, `15h`, `noon`, `midnight`."""
    raw = text.replace(" ", "")
    if raw in _NAMED_TIMES:
        return _NAMED_TIMES[raw]
    offset = 0
    if raw.endswith(("am", "pm")):
        offset = 12 if raw.endswith("pm") else 0
        raw = raw[:-2]
        hours_text, _, minutes_text = raw.partition(":")
        if not _digits(hours_text) or not 1 <= int(hours_text) <= 12:
            return None
        hours = int(hours_text) % 12 + offset
    else:
        hours_text, sep, minutes_text = raw.partition(":")
        if not sep:
            if raw.endswith("h") and _digits(raw[:-1]):
                hours_text, minutes_text = raw[:-1], "0"
            else:
                return None
        if not _digits(hours_text) or len(hours_text) > 2:
            return None
        hours = int(hours_text)
    minutes_text = minutes_text or "0"
    if not _digits(minutes_text) or len(minutes_text) > 2:
        return None
    if not (0 <= hours <= 23 and 0 <= int(minutes_text) <= 59):
        return None
    return dt.time(hours, int(minutes_text))


_NAMED_TIMES = {"noon": NOON, "midday": NOON, "midnight": dt.time(0, 0)}


def parse_period(text: str, now: dt.datetime) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a period word (this/last week, month, year), else None.

    Weeks start on Monday (ISO), as `mon` does."""
    raw = " ".join(str(text).strip().lower().split())
    which, _, unit = raw.partition(" ")
    if which not in ("this", "last") or unit not in ("week", "month", "year"):
        return None
    today = now.date()
    if unit == "week":
        first = today - dt.timedelta(days=today.weekday())
        if which == "last":
            first -= dt.timedelta(days=7)
        return first, first + dt.timedelta(days=6)
    if unit == "year":
        year = today.year - (which == "last")
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    first = today.replace(day=1)
    if which == "last":
        first = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _iso_when(text: str, now: dt.datetime) -> tuple[dt.date, dt.time | None] | None:
    if len(text) == 10:
        try:
            return dt.date.fromisoformat(text), None
        except ValueError:
            return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is not None:  # to local wall time in force then (now's offset may differ)
        value = value.astimezone().replace(tzinfo=None)
    return value.date(), value.time()


def _dateutil_when(raw: str, now: dt.datetime) -> tuple[dt.date, dt.time | None] | None:
    if not any(c.isdigit() for c in raw) and not any(m in raw for m in _MONTHS):
        return None
    from dateutil import parser as du_parser

    midnight = dt.datetime.combine(now.date(), dt.time(0))
    try:
        value = du_parser.parse(raw, default=midnight)
        # Parsed again with another default hour: the hour follows the default only when the
        # text names no time of day (so "may 5 00:00" stays midnight and "may 5" means noon).
        other = du_parser.parse(raw, default=midnight.replace(hour=13))
    except (ValueError, OverflowError):
        return None
    if value.hour != other.hour:
        return value.date(), None
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.date(), value.time()


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    from journal.clock import localize

    return localize(dt.datetime.combine(day, time))


def entry_time(text: str | None, now: dt.datetime, option: str = "--at") -> dt.datetime:
    """When an entry happened. None is now; a date alone is 12:00 (or now, if that is later
    today); the future is refused."""
    if text is None:
        return now
    day, time = parse_when(text, now)
    if time is None:
        moment = _local(day, NOON)
        if day == now.date() and moment > now:
            moment = now
    else:
        moment = _local(day, time)
    if moment > now + dt.timedelta(minutes=1):
        raise BadInput(
            f"{option} {text!r} is in the future; entries can be logged for now or earlier"
        )
    return moment


SPAN_FORMS = "a range such as 9:00-10:30 or 'yesterday 9:00-10:30'"


def when_range(
    text: str | None, now: dt.datetime, option: str = "--at"
) -> tuple[dt.datetime, int | None]:
    """When an entry started and, for a range (`9:00-10:30`, `yesterday 9:00-10:30`), how many
    minutes it lasted. Any other WHEN is taken as entry_time takes it, with no minutes. An end
    before the start is on the next day (23:30-0:15)."""
    if text is None:
        return now, None
    raw = " ".join(str(text).replace("\u2013", "-").split())
    cut = raw.rfind("-")
    if cut <= 0 or _iso_when(raw, now) is not None:  # 2026-11-20T14:30-05:00 is one moment
        return entry_time(text, now, option), None
    end = _time_of_day(raw[cut + 1 :].strip().lower())
    head = raw[:cut].strip()
    if end is None or not head:
        return entry_time(text, now, option), None
    try:
        day, begin = parse_when(head, now)
    except BadInput:
        raise BadInput(
            f"{option} {text!r} is not understood; use {WHEN_FORMS}, or {SPAN_FORMS}"
        ) from None
    if begin is None:
        raise BadInput(f"{option} {text!r} has no start time; use {SPAN_FORMS}")
    start = _local(day, begin)
    finish = _local(day, end)
    if end == begin:
        raise BadInput(f"{option} {text!r} ends when it starts; use {SPAN_FORMS}")
    if finish < start:
        finish = _local(day + dt.timedelta(days=1), end)
    if start > now + dt.timedelta(minutes=1):
        raise BadInput(
            f"{option} {text!r} is in the future; entries can be logged for now or earlier"
        )
    minutes = round((finish - start).total_seconds() / 60)
    if not 1 <= minutes <= MAX_MINUTES:
        raise BadInput(f"{option} {text!r} lasts {minutes} minutes; use {SPAN_FORMS}")
    return start, minutes


def start_and_minutes(
    when: str | None,
    duration: str | None,
    now: dt.datetime,
    option: str = "--at",
    what: str = "DURATION",
) -> tuple[dt.datetime, int]:
    """The start and minutes of a timed entry from a WHEN (maybe a range) and a DURATION (which
    a range makes optional). Both given and disagreeing is refused."""
    start, span = when_range(when, now, option)
    if duration is None:
        if span is None:
            raise BadInput(f"{what} is missing; give {DURATION_FORMS}, or {option} as {SPAN_FORMS}")
        return start, span
    minutes = parse_duration(duration)
    if span is not None and span != minutes:
        raise BadInput(
            f"duration {duration!r} is {minutes} minutes but {option} {when!r} spans {span}; "
            "give one of them, or make them agree"
        )
    return start, minutes


def entry_day(text: str | None, now: dt.datetime, option: str = "--day") -> dt.date:
    """A day for a day-only record (check-in, WHO-5); today by default; never in the future."""
    if text is None:
        return now.date()
    day, _ = parse_when(text, now)
    if day > now.date():
        raise BadInput(f"{option} {text!r} is in the future; accepted: today or an earlier day")
    return day


def _range_when(text: str, now: dt.datetime, end: bool) -> tuple[dt.date, dt.time | None]:
    """A filter's WHEN: a period word gives its first (or, for an end, its last) day."""
    period = parse_period(text, now)
    if period is not None:
        return period[1] if end else period[0], None
    try:
        return parse_when(text, now)
    except BadInput as err:
        raise BadInput(str(err).replace(WHEN_FORMS, RANGE_FORMS)) from None


def range_start(text: str, now: dt.datetime) -> dt.datetime:
    """The start of a filter range: a date alone means the start of that day, a period (this
    month) the start of its first day."""
    day, time = _range_when(text, now, end=False)
    return _local(day, time or dt.time(0, 0))


def range_end(text: str, now: dt.datetime) -> dt.datetime:
    """The end of a filter range, inclusive: a date alone means the end of that day, a period
    (last week) the end of its last day."""
    day, time = _range_when(text, now, end=True)
    return _local(day, time or dt.time(23, 59, 59, 999999))


def filter_day(text: str, now: dt.datetime, *, end: bool = False) -> dt.date:
    """A day for filters such as --since or --as-of (any day, future allowed); a period means
    its first day, or with `end` (--until, --as-of) its last."""
    return _range_when(text, now, end=end)[0]


# --- small values ------------------------------------------------------------------------------


def parse_int(text: object, lo: int, hi: int, what: str) -> int:
    raw = str(text).strip()
    if len(raw) > 20:  # int() refuses over 4,300 digits; no accepted number needs 20
        raw = "x"
    whole = _digits(raw) or (raw.startswith("-") and _digits(raw[1:]))
    if not whole or not lo <= int(raw) <= hi:
        raise BadInput(f"{what} {text!r} is not accepted; use a whole number from {lo} to {hi}")
    return int(raw)


def parse_choice(values: tuple[str, ...], text: object, what: str) -> str:
    """One of a vocabulary (journal.vocab); a unique prefix is enough (`aug` for augment)."""
    raw = str(text).strip().lower().replace("-", "_").replace(" ", "_")
    matches = [v for v in values if v == raw] or [v for v in values if raw and v.startswith(raw)]
    if len(matches) == 1:
        return matches[0]
    raise BadInput(f"{what} {text!r} is not accepted; use one of: {', '.join(values)}")


if TYPE_CHECKING:  # overloads for mypy only; at run time parse_text is the plain function below

    @overload
    def parse_text(
        text: object, what: str, *, max_len: int = ..., required: Literal[True] = ...
    ) -> str: ...

    @overload
    def parse_text(
        text: object, what: str, *, max_len: int = ..., required: bool
    ) -> str | None: ...


def parse_text(text: object, what: str, *, max_len: int = 200, required: bool = True) -> str | None:
    """Free text such as a tool or a name: trimmed, no control characters, not too long."""
    raw = " ".join(str(text if text is not None else "").split())
    if not raw:
        if required:
            raise BadInput(f"{what} {text!r} is empty; give a name such as 'Claude' or 'Sam'")
        return None
    if any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise BadInput(f"{what} {text!r} contains control characters; use plain text")
    _check_utf8(raw, what)
    if len(raw) > max_len:
        raise BadInput(f"{what} is {len(raw)} characters long; accepted: at most {max_len}")
    return raw


def parse_note(text: str | None) -> str | None:
    if text is None:
        return None
    if "\x00" in text:
        raise BadInput("note contains a NUL character; use plain text")
    _check_utf8(text, "note")
    if len(text) > 10_000:
        raise BadInput(f"note is {len(text)} characters long; accepted: at most 10000")
    return text.strip() or None


def _check_utf8(text: str, what: str) -> None:
    """Refuse undecodable bytes from the command line (lone surrogates): SQLite can't store them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput(
            f"{what} {text!r} holds bytes that are not UTF-8 text; use plain text"
        ) from None


def parse_people(text: str) -> list[str]:
    """One name or a comma list ("Sam, Priya"); duplicates (ignoring case) are dropped."""
    from journal.names import key  # one rule for "the same name" (case and Unicode spelling)

    names: list[str] = []
    seen: set[str] = set()
    for part in str(text).split(","):
        name = parse_text(part, "person name", max_len=80, required=False)
        if name and key(name) not in seen:
            seen.add(key(name))
            names.append(name)
    if not names:
        raise BadInput(
            f"people {text!r} names nobody; give a name or a comma list like 'Sam, Priya'"
        )
    return names


def parse_tags(values: list[str] | tuple[str, ...] | None) -> list[str]:
    tags: list[str] = []
    for value in values or ():
        for part in str(value).split(","):
            tag = parse_text(part.lstrip("#"), "tag", max_len=40, required=False)
            if tag and tag not in tags:
                tags.append(tag)
    return tags
