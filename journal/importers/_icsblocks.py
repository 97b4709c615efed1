"""An .ics file read as a stream of top-level blocks, as text, before any of it is parsed.

The file is read in bounded binary chunks and cut at its `BEGIN:`/`END:` lines into the
properties of each VCALENDAR, its VTIMEZONE blocks and its VEVENT blocks. Only the blocks that can
matter are kept (as bytes) for icalendar to parse: a VEVENT with no ATTENDEE and no ORGANIZER (a
personal appointment, a birthday: never a meeting), or one that neither recurs (RRULE, RDATE,
RECURRENCE-ID) nor starts near the import window, is dropped unparsed. Whatever the file holds, no
physical line over MAX_LINE and no block over MAX_BLOCK is ever held whole: such a VEVENT is
skipped and named, the rest of the calendar reads on (RFC 5545 §3.1: a line that starts with a
space or tab continues the one before it, so a folded line is measured with its block).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

READ = 1 << 20  # bytes read at a time
MAX_LINE = 1 << 20  # bytes in one physical line
MAX_BLOCK = 4 << 20  # bytes in one VEVENT or VTIMEZONE (its folded lines included)
MAX_HEAD = 1 << 20  # bytes of calendar-level properties kept
MARGIN = dt.timedelta(days=2)  # any UTC offset or DST shift is well inside this

_EDGE = re.compile(rb"^(BEGIN|END)[ \t]*:[ \t]*([A-Za-z0-9-]+)[ \t]*\r?$", re.M | re.I)
_FOLD = re.compile(rb"\r?\n[ \t]")
_WHEN = re.compile(rb"^(\d{8})(?:T(\d{6})Z?)?$")


@dataclass(slots=True)
class Event:
    """One top-level VEVENT, as its bytes (empty when it was dropped or too large)."""

    raw: bytes
    uid: str
    summary: str
    tzids: set[str]
    attendees: list[bytes]  # the unfolded ATTENDEE lines of the event itself (not its alarms)
    organizers: list[bytes]
    alone: bool = False  # an event or series in the window with nobody invited (dropped, counted)


@dataclass(slots=True)
class Calendar:
    head: bytes = b""  # calendar-level property lines
    timezones: dict[str, bytes] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


@dataclass(slots=True)
class Stream:
    calendars: list[Calendar] = field(default_factory=list)
    too_large: list[str] = field(default_factory=list)  # "event 'uid' (title): a line of 60 MB"
    dropped: int = 0  # VEVENTs read past unparsed: outside the window, never recurring
    alone: int = 0  # events and series in the window with no ATTENDEE nor ORGANIZER (not meetings)
    empty: int = 0  # VEVENTs holding no property at all (Exchange writes some)


class Broken(ValueError):
    """The file's component structure is not iCalendar (an END without its BEGIN)."""


def _lines(handle: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """Runs of whole lines, and for a physical line over MAX_LINE its length alone (b"", n):
    a huge line is read past, never held."""
    rest = b""
    skipping = 0
    while True:
        chunk = handle.read(READ)
        if not chunk:
            break
        if skipping:
            cut = chunk.find(b"\n")
            if cut < 0:
                skipping += len(chunk)
                continue
            yield b"", skipping + cut + 1
            skipping = 0
            chunk = chunk[cut + 1 :]
        data = rest + chunk
        cut = data.rfind(b"\n")
        if cut < 0:
            rest = data
        else:
            yield data[: cut + 1], 0
            rest = data[cut + 1 :]
        if len(rest) > MAX_LINE:
            skipping, rest = len(rest), b""
    if skipping:
        yield b"", skipping
    elif rest:
        yield rest + b"\r\n", 0


def read(handle: IO[bytes], start: dt.datetime, end: dt.datetime) -> Stream:
    """Every VCALENDAR of the file, holding only the VEVENTs that can matter in [start, end]."""
    lo = start.astimezone(dt.UTC).replace(tzinfo=None) - MARGIN
    hi = end.astimezone(dt.UTC).replace(tzinfo=None) + MARGIN
    stream = Stream()
    stack: list[bytes] = []  # names of the open components
    parts: list[bytes] = []  # the open top-level block (or calendar properties)
    size = 0
    huge = 0  # the longest physical line read past in the open block
    calendar: Calendar | None = None

    def add(text: bytes) -> None:
        nonlocal size
        if size <= MAX_BLOCK:
            parts.append(text)
        size += len(text)
        if size > MAX_BLOCK and len(parts) > 1:
            parts[:] = [b"".join(parts)[: 64 * 1024]]  # the start is kept to name the event

    def close_block(kind: bytes, closing: bytes) -> None:
        nonlocal size, huge
        text = b"".join(parts) + closing
        longest = huge
        over = huge or (size > MAX_BLOCK and size)
        parts.clear()
        size, huge = 0, 0
        if calendar is None:
            return
        if kind == b"VTIMEZONE":
            if not over:
                tzid = _value(_unfold(text), b"TZID")
                if tzid is not None:
                    calendar.timezones.setdefault(tzid.decode("utf-8", "replace"), text)
            return
        if kind != b"VEVENT":
            return  # VTODO, VJOURNAL, VFREEBUSY: not meetings
        event = _event(text, over, lo, hi)
        if not over and text.count(b"\n") <= 2 and not _own_lines(text):
            stream.empty += 1  # BEGIN:VEVENT, END:VEVENT and nothing else
            return
        if over:
            what = (
                f"a line of {over / 2**20:.0f} MB" if longest else f"over {MAX_BLOCK // 2**20} MB"
            )
            stream.too_large.append(f"event {_name(event)}: {what}, left out")
            event.raw = b""
        elif not event.raw:
            stream.dropped += 1
            stream.alone += event.alone
            if not (event.attendees or event.organizers):
                return  # nothing left to read from it: who is me counts events with attendees
        calendar.events.append(event)

    for run, long in _lines(handle):
        if long:
            if len(stack) >= 2:
                huge = max(huge, long)
            continue
        at = 0
        for edge in _EDGE.finditer(run):
            word, kind = edge.group(1).upper(), edge.group(2).upper()
            before = run[at : edge.start()]
            at = edge.end() + 1
            depth = len(stack)
            if depth >= 2:
                add(before)
            elif depth == 1 and calendar is not None:
                head = calendar.head + before
                calendar.head = head if len(head) <= MAX_HEAD else calendar.head
            line = run[edge.start() : at]
            if word == b"BEGIN":
                stack.append(kind)
                if len(stack) == 1:
                    if kind == b"VCALENDAR":
                        calendar = Calendar()
                        stream.calendars.append(calendar)
                    else:
                        calendar = None
                elif len(stack) == 2:
                    parts.clear()
                    size, huge = 0, 0
                    add(line)
                else:
                    add(line)
                continue
            if not stack or stack[-1] != kind:
                raise Broken(f"END:{kind.decode('ascii', 'replace')} without its BEGIN")
            stack.pop()
            if len(stack) == 1:
                close_block(kind, line)
            elif len(stack) > 1:
                add(line)
            else:
                parts.clear()
                size = 0
        rest = run[at:]
        if len(stack) >= 2:
            add(rest)
        elif len(stack) == 1 and calendar is not None:
            head = calendar.head + rest
            calendar.head = head if len(head) <= MAX_HEAD else calendar.head
    if stack:
        raise Broken(f"it ends inside {stack[-1].decode('ascii', 'replace')}")
    return stream


def _unfold(text: bytes) -> bytes:
    return _FOLD.sub(b"", text)


unfold = _unfold


def _own_lines(text: bytes) -> list[bytes]:
    """The unfolded content lines of a block itself, without those of its sub-components."""
    lines = _unfold(text).splitlines()[1:-1]
    own: list[bytes] = []
    depth = 0
    for line in lines:
        upper = line[:6].upper()
        if upper.startswith(b"BEGIN:"):
            depth += 1
        elif upper.startswith(b"END:"):
            depth -= 1
        elif depth == 0:
            own.append(line)
    return own


def _prop(line: bytes) -> bytes:
    cut = len(line)
    for mark in (b";", b":"):
        at = line.find(mark)
        if 0 <= at < cut:
            cut = at
    return line[:cut].strip().upper()


def _value(text: bytes, name: bytes) -> bytes | None:
    for line in _own_lines(text):
        if _prop(line) == name:
            return line.split(b":", 1)[-1].strip()
    return None


def value_of(line: bytes) -> str:
    """The value of an unfolded content line: after the first colon outside quoted parameters."""
    if b'"' in line:
        quoted = False
        for at, char in enumerate(line):
            if char == 34:  # "
                quoted = not quoted
            elif char == 58 and not quoted:  # :
                return line[at + 1 :].decode("utf-8", "replace")
        return ""
    return line.split(b":", 1)[1].decode("utf-8", "replace") if b":" in line else ""


def tzid_span(line: bytes) -> tuple[int, int, str] | None:
    """Where the TZID parameter of an unfolded content line is (from its `;` to its end) and its
    value without quotes. A stray quote is tolerated: `TZID="(GMT+10:00) Sydney:2026…` ends at the
    line's last colon (date and time values hold none)."""
    cut = line.rfind(b":")
    if cut < 0:
        return None
    at = line.upper().find(b";TZID=", 0, cut)
    if at < 0:
        return None
    begin = at + 6
    if line[begin : begin + 1] == b'"':
        close = line.find(b'"', begin + 1, cut)
        end = close + 1 if close >= 0 else cut
    else:  # an unquoted value holds no colon nor semicolon
        ends = [i for i in (line.find(b";", begin, cut), line.find(b":", begin)) if i >= 0]
        end = min(ends) if ends else cut
    value = line[begin:end].decode("utf-8", "replace").strip().strip('"').strip()
    return at, end, value


def tzid_of(line: bytes) -> str | None:
    found = tzid_span(line)
    return found[2] if found is not None else None


def _until(rule: bytes) -> tuple[dt.datetime, bool] | None:
    """The UNTIL of an RRULE line as a naive time, if it has one that can be read."""
    found = re.search(rb"[:;]UNTIL=(\d{8}(?:T\d{6}Z?)?)", rule, re.I)
    return _when(b":" + found.group(1)) if found else None


def _when(line: bytes | None) -> tuple[dt.datetime, bool] | None:
    """DTSTART or DTEND as a naive time (any zone: MARGIN covers it) and whether it is a date."""
    if line is None:
        return None
    value = line.rsplit(b":", 1)[-1].strip()
    found = _WHEN.match(value)
    if not found:
        return None
    try:
        day = dt.datetime.strptime(found.group(1).decode(), "%Y%m%d")
        if found.group(2) is None:
            return day, True
        clock = found.group(2).decode()
        return day.replace(hour=int(clock[:2]), minute=int(clock[2:4])), False
    except ValueError:
        return None


def _event(text: bytes, over: int, lo: dt.datetime, hi: dt.datetime) -> Event:
    own = _own_lines(text[: 64 * 1024]) if over else _own_lines(text)
    named: dict[bytes, list[bytes]] = {}
    for line in own:
        named.setdefault(_prop(line), []).append(line)

    def first(name: bytes) -> bytes | None:
        return named[name][0] if name in named else None

    uid = (first(b"UID") or b"").split(b":", 1)[-1]
    summary = (first(b"SUMMARY") or b"").split(b":", 1)[-1]
    tzids = {tzid for line in own if (tzid := tzid_of(line)) is not None}
    event = Event(
        raw=text,
        uid=uid.decode("utf-8", "replace").strip()[:200],
        summary=summary.decode("utf-8", "replace").strip()[:200],
        tzids=tzids,
        attendees=named.get(b"ATTENDEE", []),
        organizers=named.get(b"ORGANIZER", []),
    )
    if over:
        return event
    _window(event, named, lo, hi)
    if event.raw and not (b"ATTENDEE" in named or b"ORGANIZER" in named):
        if b"RECURRENCE-ID" not in named:  # a moved occurrence stays with its series
            event.raw = b""  # nobody invited: not a meeting, never parsed
            event.alone = _may_occur(named, lo)
    return event


def _may_occur(named: dict[bytes, list[bytes]], lo: dt.datetime) -> bool:
    """Whether an event the window check kept is told as skipped: a single one, or a series
    (a routine, a reminder) but not one of COUNT occurrences that began before the window,
    which may be over already (only expanding it would tell)."""
    if not (b"RRULE" in named or b"RDATE" in named):
        return True
    begins = _when(named[b"DTSTART"][0]) if b"DTSTART" in named else None
    if begins is not None and begins[0] >= lo:
        return True
    dates = [
        _when(b":" + value)
        for line in named.get(b"RDATE", [])
        for value in line.rsplit(b":", 1)[-1].split(b",")
    ]
    if any(d is not None and d[0] >= lo for d in dates):
        return True
    for rule in named.get(b"RRULE", []):
        if b"COUNT=" in rule.upper():
            continue  # began before the window: only expanding it would tell
        until = _until(rule)
        if until is None or until[0] >= lo:
            return True
    return False


def _window(
    event: Event, named: dict[bytes, list[bytes]], lo: dt.datetime, hi: dt.datetime
) -> None:
    """Empty the event's raw when it cannot occur in [lo, hi] (read from its text)."""

    def first(name: bytes) -> bytes | None:
        return named[name][0] if name in named else None

    if b"RDATE" in named:
        return
    begins = _when(first(b"DTSTART"))
    if b"RRULE" in named:
        ends = [_until(rule) for rule in named[b"RRULE"]]
        if begins is not None and (
            begins[0] > hi or not begins[1] and all(e is not None and e[0] < lo for e in ends)
        ):
            event.raw = b""  # a timed series over before the window, or one after it
        return
    if b"RECURRENCE-ID" in named:
        slot = _when(first(b"RECURRENCE-ID"))
        if (
            begins is not None
            and slot is not None
            and not begins[1]
            and not slot[1]
            and all(m[0] < lo for m in (begins, slot))
            or begins is not None
            and slot is not None
            and all(m[0] > hi for m in (begins, slot))
        ):
            event.raw = b""  # moved from and to a time outside the window
        return
    if begins is None:
        return  # no or an odd DTSTART: icalendar reads it (and names it if broken)
    moment, is_date = begins
    if moment > hi:
        event.raw = b""
    elif moment < lo:
        if not is_date:
            event.raw = b""  # a timed event counts only if it starts in the window
        elif b"DURATION" not in named:
            finish = _when(first(b"DTEND"))
            if finish is None and b"DTEND" not in named or finish is not None and finish[0] < lo:
                event.raw = b""  # an all-day event that is over before the window
    return


def _name(event: Event) -> str:
    uid = " ".join(event.uid.split())[:80]
    summary = " ".join("".join(c if c.isprintable() else " " for c in event.summary).split())[:60]
    if uid and summary:
        return f"{uid!r} ({summary})"
    return repr(uid or summary or "without UID or title")


def label(event: Event) -> str:
    """The event as an error message names it: its UID and title."""
    return _name(event)
