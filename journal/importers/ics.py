"""Import meetings from an iCalendar (.ics) file as interactions of kind `meeting`.

Recurrences are expanded with recurring-ical-events over a window (default: the last 90 days up
to now). An occurrence counts when it is timed, not cancelled, not declined by the user, already
begun, and has at least one other human attendee. Which attendee is the user: `--me EMAIL`; else
the calendar's X-WR-CALNAME when it is an email address (Google names a primary calendar so);
else the one address present on every event that has attendees; else the import asks for --me.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from journal.errors import BadInput
from journal.importers import ImportResult, NothingNew
from journal.importers import _icsblocks as blocks
from journal.importers import _recurrence as recurrence
from journal.importers._bounds import open_regular
from journal.metrics import MAX_MINUTES

WINDOW_DAYS = 90
PREVIEW_LINES = 20
DROPPED_CUTYPES = ("ROOM", "RESOURCE")
# A LOCATION mentioning any of these is a video call; any other non-empty location is a place.
VIDEO_WORDS = (
    "://",
    "zoom",
    "meet.google",
    "google meet",
    "teams",
    "webex",
    "whereby",
    "jitsi",
    "skype",
    "hangout",
    "gotomeeting",
    "bluejeans",
    "chime",
    "online",
    "video",
    "virtual",
)
PHONE_WORDS = ("tel:", "phone")
MAX_OCCURRENCES = 1000  # an event recurring more often than this in the window is skipped
CHUNK_OCCURRENCES = 5000  # events are expanded a few at a time, so memory stays bounded
MAX_BYTES = 256 * 1024 * 1024
BATCH_EVENTS = 200  # VEVENTs parsed at a time
SKIP_REASONS = (
    "cancelled",
    "all-day",
    "declined",
    "with nobody else",
    "untimed or over a day",
    "in the future",
    "already imported",
)


@dataclass(frozen=True, slots=True)
class Meeting:
    source: str
    start: dt.datetime
    minutes: int
    people: tuple[str, ...]
    channel: str
    initiated: bool
    title: str | None


def run(
    store: Any,
    path: str,
    *,
    dry_run: bool = False,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    me: str | None = None,
    **_options: Any,
) -> ImportResult:
    """Add the meetings of an .ics file in [since, until] that are not in the journal yet."""
    from journal.clock import now as clock_now

    now = clock_now()
    end = min(until, now) if until is not None else now
    start = since if since is not None else now - dt.timedelta(days=WINDOW_DAYS)
    name = os.path.basename(path) or path
    stream = _load(path, name, start, end)
    mine = _my_addresses(stream, me, name)
    skipped: Counter[str] = Counter()
    meetings: dict[str, Meeting] = {}
    refused: list[str] = list(stream.too_large)
    for calendar in _parsed(stream, name):
        for event in _occurrences(calendar, start, end, name, refused):
            found = _meeting(event, mine, now, (start, end), name)
            if isinstance(found, str):
                skipped[found] += 1
            elif found is not None:
                meetings.setdefault(found.source, found)

    def result_for(present: set[str]) -> tuple[list[Meeting], ImportResult]:
        counted = skipped + Counter({"already imported": len(present)})
        new = sorted(
            (m for m in meetings.values() if m.source not in present),
            key=lambda m: (m.start, m.source),
        )
        details = [_preview(m) for m in new[:PREVIEW_LINES]]
        left_out = [f"{counted[r]} {r}" for r in SKIP_REASONS if counted[r]]
        if left_out:
            details.append("left out: " + ", ".join(left_out))
        reasons = Counter(
            {("already there" if r == "already imported" else r): n for r, n in counted.items()}
        )
        reasons["unreadable"] += len(refused)
        return new, ImportResult(
            added=len(new),
            skipped=sum(counted.values()) + len(refused),
            reasons=reasons,
            details=details,
            problems=refused,
            noun="meetings",
        )

    if dry_run or not meetings:
        return result_for(store.known_sources("interaction", list(meetings)))[1]
    from journal.service import add_interaction, interaction_row

    result = ImportResult()
    try:
        # Which meetings are there already is read under the write lock (BEGIN IMMEDIATE), so two
        # imports of one file at once add each meeting once.
        with store.write(f"import ics {name}"):
            new, result = result_for(store.known_sources("interaction", list(meetings)))
            if not new:
                raise NothingNew
            for meeting in new:
                row = interaction_row(
                    minutes=meeting.minutes,
                    at=meeting.start,
                    kind="meeting",
                    channel=meeting.channel,
                    initiated=meeting.initiated,
                    note=meeting.title,
                    source=meeting.source,
                    now=now,
                )
                add_interaction(store, row, meeting.people)
    except NothingNew:
        pass
    return result


# --- reading the file --------------------------------------------------------------------------


def _load(path: str, name: str, start: dt.datetime, end: dt.datetime) -> blocks.Stream:
    """The file cut into blocks as text, read in bounded chunks: only the VEVENTs that can
    matter in [start, end] are kept, to be parsed a few at a time (see _icsblocks)."""
    with open_regular(path, "an .ics calendar file") as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise BadInput(
                    f"{name}: is over {MAX_BYTES // 1024**2} MB; accepted: calendar "
                    "files up to that size (export a shorter period)"
                )
            first = handle.read(4096)
            handle.seek(max(0, size - 4096))
            last = handle.read(4096)
            handle.seek(0)
            if not (first + last).strip() and not handle.read(1 << 16).strip():
                raise BadInput(f"{name}: is empty; accepted: an iCalendar (.ics) file")
            handle.seek(0)
            if b"BEGIN:VCALENDAR" not in first.upper():
                raise BadInput(
                    f"{name}: is not an iCalendar file (no BEGIN:VCALENDAR at its "
                    "start); accepted: an .ics export of a calendar"
                )
            if b"END:VCALENDAR" not in last.upper():
                raise BadInput(
                    f"{name}: is not a valid iCalendar file (it ends before "
                    "END:VCALENDAR: truncated?); export the calendar again"
                )
            stream = blocks.read(handle, start, end)
        except OSError as err:
            raise BadInput(
                f"{path}: cannot be read ({err.strerror}); give an .ics calendar file"
            ) from None
        except blocks.Broken as err:
            raise BadInput(f"{name}: is not a valid iCalendar file ({err})") from None
    if not stream.calendars:
        raise BadInput(f"{name}: holds no VCALENDAR; accepted: an .ics export of a calendar")
    return stream


def _from_ical(text: bytes, name: str) -> Any:
    import icalendar

    try:
        return icalendar.Calendar.from_ical(text)
    except Exception as err:  # icalendar raises ValueError and others on broken content
        raise BadInput(f"{name}: is not a valid iCalendar file ({_short(err)})") from None


def _head(calendar: blocks.Calendar, name: str) -> Any:
    """The calendar's own properties (X-WR-CALNAME, X-WR-TIMEZONE, CALSCALE), parsed."""
    return _from_ical(b"BEGIN:VCALENDAR\r\n" + calendar.head + b"END:VCALENDAR\r\n", name)


def _parsed(stream: blocks.Stream, name: str) -> Iterator[Any]:
    """The kept VEVENTs as small calendars (their VCALENDAR's properties, the VTIMEZONEs they
    name, a batch of whole UIDs: a series and its moved occurrences stay together)."""
    for calendar in stream.calendars:
        head = calendar.head
        _head(calendar, name)  # broken calendar properties refuse the file, as before
        groups: dict[object, list[blocks.Event]] = {}
        for event in calendar.events:
            if event.raw:
                groups.setdefault(event.uid or id(event), []).append(event)
        batch: list[blocks.Event] = []
        for group in [*groups.values(), []]:
            batch += group
            if batch and (len(batch) >= BATCH_EVENTS or not group):
                zones = {tzid for event in batch for tzid in event.tzids}
                text = b"".join(
                    [
                        b"BEGIN:VCALENDAR\r\n",
                        head,
                        *(calendar.timezones[z] for z in sorted(zones) if z in calendar.timezones),
                        *(event.raw for event in batch),
                        b"END:VCALENDAR\r\n",
                    ]
                )
                batch = []
                yield _from_ical(text, name)


def _occurrences(
    calendar: Any, start: dt.datetime, end: dt.datetime, name: str, refused: list[str]
) -> Iterator[Any]:
    """Every occurrence that overlaps [start, end], a few events at a time. An event that would
    recur more than MAX_OCCURRENCES times in the window (an RRULE every second or minute) is not
    expanded at all: it is named in `refused`, and the rest of the calendar imports."""
    if start >= end:
        return
    import recurring_ical_events

    groups: dict[object, list[Any]] = {}  # by UID: a series and its moved occurrences
    others: list[Any] = []
    for component in calendar.subcomponents:
        if getattr(component, "name", None) == "VEVENT":
            uid = str(component.get("UID") or "").strip() or id(component)
            groups.setdefault(uid, []).append(component)
        else:
            others.append(component)
    chunk: list[Any] = []
    weight = 0
    for events in groups.values():
        bound = sum(recurrence.bound(event, start, end) for event in events)
        if bound > MAX_OCCURRENCES:
            label = _label(events[0])
            refused.append(
                f"event {label}: recurs more than {MAX_OCCURRENCES:,} times between "
                f"{start:%Y-%m-%d} and {end:%Y-%m-%d} (RRULE "
                f"{_rule_text(events[0])}), left out"
            )
            continue
        for event in events:
            recurrence.stop_at(event, end)
        chunk += events
        weight += bound
        if weight >= CHUNK_OCCURRENCES:
            yield from _expand(recurring_ical_events, calendar, others, chunk, start, end, name)
            chunk, weight = [], 0
    if chunk:
        yield from _expand(recurring_ical_events, calendar, others, chunk, start, end, name)


def _expand(
    library: Any,
    calendar: Any,
    others: list[Any],
    events: list[Any],
    start: dt.datetime,
    end: dt.datetime,
    name: str,
) -> list[Any]:
    import icalendar

    part = icalendar.Calendar()
    for key, value in calendar.items():
        part[key] = value  # CALSCALE, X-WR-TIMEZONE: what the expansion reads
    part.subcomponents = [*others, *events]
    try:
        return list(library.of(part).between(start, end))
    except Exception as err:  # a broken RRULE, DTSTART or time zone
        where = _culprit(part)
        raise BadInput(
            f"{name}: {where or 'the events'} cannot be read or expanded ({_short(err)})"
        ) from None


def _label(event: Any) -> str:
    uid = " ".join(str(event.get("UID") or "").split())[:80]
    summary = _text(event.get("SUMMARY"), 60)
    if uid and summary:
        return f"{uid!r} ({summary})"
    return repr(uid or summary or "without UID or title")


def _rule_text(event: Any) -> str:
    rule = event.get("RRULE")
    rule = rule[0] if isinstance(rule, list) and rule else rule
    try:
        return " ".join(rule.to_ical().decode("utf-8", "replace").split())[:80]
    except Exception:
        return "?"


def _culprit(calendar: Any) -> str | None:
    """Which event has a time property that cannot be read (to name it in the error)."""
    for event in calendar.walk("VEVENT"):
        for prop in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"):
            try:
                if event.get(prop) is not None:
                    _ = event[prop].dt
            except Exception:
                label = str(event.get("UID") or event.get("SUMMARY") or "?")[:80]
                return f"event {label!r} ({prop})"
    return None


def _short(err: Exception) -> str:
    return " ".join(str(err).split())[:200] or type(err).__name__


# --- who is who --------------------------------------------------------------------------------


def address(value: object) -> str:
    """The lower-case email of a CAL-ADDRESS (`mailto:` stripped)."""
    raw = str(value or "").strip()
    if raw.lower().startswith("mailto:"):
        raw = raw[7:]
    return raw.strip().lower()


def _listed(event: Any, prop: str) -> list[Any]:
    value = event.get(prop)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _param(value: Any, key: str) -> str:
    params = getattr(value, "params", None) or {}
    return str(params.get(key, "") or "").strip().strip('"')


def _my_addresses(stream: blocks.Stream, me: str | None, name: str) -> set[str]:
    if me:
        return {address(part) for part in me.split(",") if address(part)}
    heads = [_head(calendar, name) for calendar in stream.calendars]
    for head in heads:
        label = address(head.get("X-WR-CALNAME"))
        if "@" in label and " " not in label:
            return {label}
    everywhere: set[str] | None = None
    for calendar in stream.calendars:
        for found in calendar.events:
            if not found.attendees:
                continue
            # every event with attendees counts, in the window or not, read as text
            present = {address(blocks.value_of(line)) for line in found.attendees}
            if found.organizers:
                present.add(address(blocks.value_of(found.organizers[0])))
            present.discard("")
            everywhere = present if everywhere is None else everywhere & present
    if everywhere is None:
        return set()  # no event has attendees: nobody to tell apart
    if len(everywhere) == 1:
        return everywhere
    raise BadInput(
        f"{name}: cannot tell which attendee is you; give your address, e.g. "
        "`aijournal import ics FILE --me you@example.com`"
    )


# --- one occurrence ----------------------------------------------------------------------------


def _meeting(
    event: Any, mine: set[str], now: dt.datetime, window: tuple[dt.datetime, dt.datetime], name: str
) -> Meeting | str | None:
    """The meeting of one occurrence, why it is left out, or None if it began outside the window
    (the expansion also yields events that only overlap it)."""
    uid = str(event.get("UID") or "").strip()
    try:
        return _read_meeting(event, uid, mine, now, window)
    except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as err:
        label = uid or str(event.get("SUMMARY") or "?")
        raise BadInput(f"{name}: event {label[:80]!r} cannot be read ({_short(err)})") from None


def _read_meeting(
    event: Any, uid: str, mine: set[str], now: dt.datetime, window: tuple[dt.datetime, dt.datetime]
) -> Meeting | str | None:
    if event.get("DTSTART") is None:
        return "untimed or over a day"
    start = event["DTSTART"].dt
    if isinstance(start, dt.datetime):
        start = _aware(start)
        if not window[0] <= start <= window[1]:
            return None  # the window ends at now at the latest, so this also drops the future
    if str(event.get("STATUS") or "").strip().upper() == "CANCELLED":
        return "cancelled"
    if not isinstance(start, dt.datetime):
        return "all-day"
    end = _end(event, start)
    minutes = round((end - start).total_seconds() / 60) if end is not None else 0
    if not 1 <= minutes <= MAX_MINUTES:
        return "untimed or over a day"
    if start > now:
        return "in the future"
    people: list[str] = []
    seen: set[str] = set()
    listed: set[str] = set()
    for attendee in _listed(event, "ATTENDEE"):
        email = address(attendee)
        listed.add(email)
        if email in mine:
            if _param(attendee, "PARTSTAT").upper() == "DECLINED":
                return "declined"
            continue
        if _param(attendee, "CUTYPE").upper() in DROPPED_CUTYPES:
            continue
        if _param(attendee, "ROLE").upper() == "NON-PARTICIPANT":
            continue
        if _param(attendee, "PARTSTAT").upper() == "DECLINED":
            continue  # they did not come
        _add_person(people, seen, attendee, email)
    organizer = event.get("ORGANIZER")
    initiated = address(organizer) in mine if organizer is not None else False
    if (
        organizer is not None
        and not initiated
        and address(organizer) not in listed
        and _param(organizer, "CUTYPE").upper() not in DROPPED_CUTYPES
    ):
        # an organizer not listed as an attendee still takes part in the meeting
        _add_person(people, seen, organizer, address(organizer))
    if not people:
        return "with nobody else"
    recurrence = event.get("RECURRENCE-ID")
    slot = (
        _aware(recurrence.dt)
        if recurrence is not None and isinstance(recurrence.dt, dt.datetime)
        else start
    )
    slot_iso = slot.astimezone(dt.UTC).isoformat()
    seed = f"{event.get('SUMMARY')}|{slot_iso}".encode()
    key = uid or "noid-" + hashlib.sha1(seed).hexdigest()[:16]
    location = str(event.get("LOCATION") or "")
    return Meeting(
        source=f"ics:{key}:{slot_iso}",
        start=start,
        minutes=minutes,
        people=tuple(people),
        channel=channel_for(location),
        initiated=initiated,
        title=_text(event.get("SUMMARY")),
    )


def _add_person(people: list[str], seen: set[str], who: Any, email: str) -> None:
    person = _text(_param(who, "CN"), 80) or _text(email.split("@")[0], 80)
    if person and person.casefold() not in seen and (email or person.casefold()) not in seen:
        seen.add(person.casefold())
        if email:
            seen.add(email)
        people.append(person)


def _end(event: Any, start: dt.datetime) -> dt.datetime | None:
    if event.get("DTEND") is not None:
        end = event["DTEND"].dt
        if isinstance(end, dt.datetime):
            return _aware(end)
        return None
    if event.get("DURATION") is not None:
        duration = event["DURATION"].dt
        if isinstance(duration, dt.timedelta):
            return start + duration
    return None


def _aware(moment: dt.datetime) -> dt.datetime:
    """A floating (zone-less) time is the user's local time."""
    if moment.tzinfo is None:
        from journal.clock import localize

        return localize(moment)
    return moment


def _text(value: object, limit: int = 500) -> str | None:
    if value is None:
        return None
    start = str(value)[: limit * 4]  # only the start is kept: never walk a huge string
    clean = " ".join("".join(c if c.isprintable() else " " for c in start).split())
    return clean[:limit] or None


def channel_for(location: str) -> str:
    """`video` for no location or an online one, `call` for a phone, else `in_person`."""
    place = location.strip().lower()
    if not place or any(word in place for word in VIDEO_WORDS):
        return "video"
    if place.startswith("+") or any(word in place for word in PHONE_WORDS):
        return "call"
    return "in_person"


def _preview(meeting: Meeting) -> str:
    title = f"  {meeting.title}" if meeting.title else ""
    local = meeting.start.astimezone()
    return (
        f"{local:%Y-%m-%d %H:%M}  meeting  {meeting.minutes} min  "
        f"{', '.join(meeting.people)}  ({meeting.channel.replace('_', ' ')}){title}"
    )
