"""Import meetings from an iCalendar (.ics) file, or Google Calendar's export zip of .ics files,
as interactions of kind `meeting`.

Recurrences are expanded with recurring-ical-events over a window (default: the last 90 days up
to now; `since=ALL_YEARS` for every year). An occurrence counts when it is timed, not cancelled,
not declined nor left unanswered by the user, already begun, shorter than 8 hours, has at least
one other human attendee and at most 25 invitees. Reservations Gmail makes from mails
(`unknownorganizer@calendar.google.com`) and events of other system organisers (resource and group
calendars, no-reply addresses) are not meetings; rooms, resources and distribution lists are not
people. Each event left out is counted by its reason; one that cannot be read is named and
skipped, and the rest of the calendar imports.

Which attendee is the user: `--me EMAIL` (refused when no event holds it); else the calendar's
X-WR-CALNAME when it is an email address (Google names a primary calendar so); else the one address
present on every event that has attendees; else the import asks for --me.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from journal.errors import BadInput
from journal.importers import ImportResult, NothingNew
from journal.importers import _icsblocks as blocks
from journal.importers import _recurrence as recurrence
from journal.importers import _windowszones as windows
from journal.importers import counted as singular
from journal.importers._bounds import FIRST_YEAR, check_member, is_regular, open_regular
from journal.importers._chat import Meter, Progress
from journal.metrics import MAX_MINUTES

WINDOW_DAYS = 90
ALL_YEARS = dt.datetime(FIRST_YEAR, 1, 2, tzinfo=dt.UTC)  # `--since all`
PREVIEW_LINES = 20
DROPPED_CUTYPES = ("ROOM", "RESOURCE")
LONG_MINUTES = 8 * 60  # an event this long is a conference, a trip or a blocked day
BROADCAST_INVITEES = 25  # more invitees than this: a town hall or a webinar
RESERVATIONS = "unknownorganizer@calendar.google.com"  # Gmail's flights, hotels, restaurants
SYSTEM_DOMAINS = (  # calendars, not people
    "resource.calendar.google.com",
    "group.calendar.google.com",
    "group.v.calendar.google.com",
    "import.calendar.google.com",
)
SYSTEM_MAILBOX = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|notifications?|"
    r"calendar-notification|bookings?|reservations?)(?:[-+._].*)?$"
)
ROOM_NAME = re.compile(r"\b(?:room|rooms|conference|besprechungsraum|salle|sala)\b", re.I)
LIST_NAME = re.compile(r"^(?:dl|dg|grp)[\s_-]|\bdistribution list\b|\ball[\s_-]users\b", re.I)
MAX_ZIP_MEMBERS = 1000
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
# The order reasons are listed in (any other reason follows).
SKIP_REASONS = (
    "reservations",
    "system organisers",
    "unanswered",
    "declined",
    "cancelled",
    "all-day",
    "long events",
    "broadcasts",
    "rooms",
    "no attendees",
    "untimed",
    "in the future",
    "unreadable",
    "too large",
    "recurring too often",
    "already there",
)
# Time properties whose parse errors make an event unreadable.
TIME_PROPS = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")


@dataclass(frozen=True, slots=True)
class Meeting:
    source: str
    start: dt.datetime
    minutes: int
    people: tuple[str, ...]
    channel: str
    initiated: bool
    title: str | None


@dataclass(frozen=True, slots=True)
class Rules:
    """Who is the user, and which of the usual exclusions the user lifted."""

    mine: frozenset[str]
    unanswered: bool = False  # --include-unanswered
    long: bool = False  # --include-long
    broadcasts: bool = False  # --include-broadcasts


@dataclass
class Tally:
    """Events left out, by reason, and the unreadable or too large ones named."""

    reasons: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    named: set[str] = field(default_factory=set)

    def refuse(self, reason: str, label: str, why: str) -> None:
        """Count one event (once, however many occurrences) and name it with why."""
        if label in self.named:
            return
        self.named.add(label)
        self.reasons[reason] += 1
        self.problems.append(f"event {label}: {why}, left out")


def run(
    store: Any,
    path: str,
    *,
    dry_run: bool = False,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    me: str | None = None,
    include_unanswered: bool = False,
    include_long: bool = False,
    include_broadcasts: bool = False,
    progress: Progress | None = None,
    **_options: Any,
) -> ImportResult:
    """Add the meetings of an .ics file (or export zip) in [since, until] not in the journal yet."""
    from journal.clock import now as clock_now

    now = clock_now()
    end = min(until, now) if until is not None else now
    start = since if since is not None else now - dt.timedelta(days=WINDOW_DAYS)
    name = os.path.basename(path) or path
    stream = _load(path, name, start, end)
    rules = Rules(
        mine=frozenset(_my_addresses(stream, me, name)),
        unanswered=include_unanswered,
        long=include_long,
        broadcasts=include_broadcasts,
    )
    tally = Tally()
    for problem in stream.too_large:
        tally.reasons["too large"] += 1
        tally.problems.append(problem)
    if stream.empty:
        tally.reasons["unreadable"] += stream.empty
        tally.problems.append(
            f"{stream.empty} empty event{'s' if stream.empty > 1 else ''} "
            "(no UID, time or title), left out"
        )
    if stream.alone:
        tally.reasons["no attendees"] += stream.alone
    meetings: dict[str, Meeting] = {}
    # One bar over parsing (the kept events) and writing (the last fifth), as for chat imports.
    meter = Meter(progress, sum(1 for c in stream.calendars for e in c.events if e.raw))
    parsed = 0
    for calendar in _parsed(stream, name, tally):
        parsed += len(calendar.walk("VEVENT"))
        meter.read(parsed)
        for event in _occurrences(calendar, start, end, tally):
            found = _meeting(event, rules, now, (start, end), tally)
            if isinstance(found, str):
                tally.reasons[found] += 1
            elif found is not None:
                meetings.setdefault(found.source, found)
    notes = [_window_note(since, start, end)]
    if not rules.long and tally.reasons["long events"]:
        notes.append(
            f"events of {LONG_MINUTES // 60} hours or more left out; --include-long takes them"
        )
    if not rules.broadcasts and tally.reasons["broadcasts"]:
        notes.append(
            f"events with over {BROADCAST_INVITEES} invitees left out; "
            "--include-broadcasts takes them"
        )
    if not rules.unanswered and tally.reasons["unanswered"]:
        notes.append("invitations you never answered left out; --include-unanswered takes them")

    def result_for(present: set[str]) -> tuple[list[Meeting], ImportResult]:
        counted = tally.reasons + Counter({"already there": len(present)})
        new = sorted(
            (m for m in meetings.values() if m.source not in present),
            key=lambda m: (m.start, m.source),
        )
        details = [_preview(m) for m in new[:PREVIEW_LINES]]
        order = [*SKIP_REASONS, *sorted(set(counted) - set(SKIP_REASONS))]
        left_out = [f"{counted[r]} {singular(counted[r], r)}" for r in order if counted[r]]
        if left_out:
            details.append("left out: " + ", ".join(left_out))
        result = ImportResult(
            added=len(new),
            skipped=sum(counted.values()),
            reasons=+counted,
            details=details,
            problems=list(tally.problems),
            notes=list(notes),
            noun="meetings",
        )
        return new, result

    if dry_run or not meetings:
        return result_for(store.known_sources("interaction", list(meetings)))[1]
    from journal.service import add_interaction, interaction_row

    result = result_for(set())[1]
    try:
        # Which meetings are there already is read under the write lock (BEGIN IMMEDIATE), so two
        # imports of one file at once add each meeting once.
        with store.write(f"import ics {name}"):
            new, result = result_for(store.known_sources("interaction", list(meetings)))
            if not new:
                raise NothingNew
            for done, meeting in enumerate(new, 1):
                meter.wrote(done, len(new))
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


def _window_note(since: dt.datetime | None, start: dt.datetime, end: dt.datetime) -> str:
    """Which events were looked at, said in the output (a first import of a 10-year calendar
    would otherwise add little and not say why)."""
    first = start.astimezone().date()
    if since is None:
        return f"looked at events since {first:%Y-%m-%d} (default; --since all for every year)"
    if since <= ALL_YEARS:
        return f"looked at events of every year up to {end.astimezone():%Y-%m-%d}"
    return f"looked at events since {first:%Y-%m-%d}"


# --- reading the file --------------------------------------------------------------------------


def _load(path: str, name: str, start: dt.datetime, end: dt.datetime) -> blocks.Stream:
    """The file (or each .ics of an export zip) cut into blocks as text, read in bounded chunks:
    only the VEVENTs that can matter in [start, end] are kept, to be parsed a few at a time."""
    accepted = "an .ics calendar file or Google Calendar's export .zip"
    if os.path.isdir(path):
        return _load_folder(path, name, start, end)
    if is_regular(path) and zipfile.is_zipfile(path):
        return _load_zip(path, name, start, end)
    with open_regular(path, accepted) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            stream = _read_one(handle, size, name, start, end)
        except OSError as err:
            raise BadInput(f"{path}: cannot be read ({err.strerror}); give {accepted}") from None
    if not stream.calendars:
        raise BadInput(f"{name}: holds no VCALENDAR; accepted: an .ics export of a calendar")
    return stream


def _load_zip(path: str, name: str, start: dt.datetime, end: dt.datetime) -> blocks.Stream:
    """Google Calendar's Export: a zip with one .ics per calendar, each read as a file is."""
    merged = blocks.Stream()
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir() and info.filename.lower().endswith(".ics")
            ]
            if not members:
                raise BadInput(
                    f"{name}: the zip holds no .ics file; accepted: Google Calendar's export "
                    "zip (one .ics per calendar) or an .ics file"
                )
            if len(members) > MAX_ZIP_MEMBERS:
                raise BadInput(
                    f"{name}: the zip holds {len(members):,} .ics files; accepted: up to "
                    f"{MAX_ZIP_MEMBERS:,}, as calendar exports have"
                )
            total = 0
            for info in members:
                check_member(name, info)
                total += info.file_size
                if info.file_size > MAX_BYTES or total > MAX_BYTES:
                    raise BadInput(
                        f"{name}: its .ics files hold over {MAX_BYTES // 1024**2} MB; accepted: "
                        "calendars up to that size (export a shorter period)"
                    )
                label = f"{name}: {os.path.basename(info.filename)}"
                with archive.open(info) as member:
                    part = _read_one(member, info.file_size, label, start, end)
                merged.calendars += part.calendars
                merged.too_large += part.too_large
                merged.dropped += part.dropped
                merged.alone += part.alone
                merged.empty += part.empty
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as err:
        raise BadInput(f"{name}: is not a readable zip ({_short(err)}); export it again") from None
    except OSError as err:
        raise BadInput(f"{path}: cannot be read ({err.strerror or err}); export it again") from None
    if not merged.calendars:
        raise BadInput(f"{name}: holds no VCALENDAR; accepted: an .ics export of a calendar")
    return merged


def _load_folder(path: str, name: str, start: dt.datetime, end: dt.datetime) -> blocks.Stream:
    """A vdir as vdirsyncer and khal keep it: one .ics per event, in collection folders (a
    folder starting with a dot is not a collection); each file read as a file is."""
    merged = blocks.Stream()
    total = 0
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(f for f in files if f.lower().endswith(".ics")):
            full = os.path.join(folder, file)
            if not is_regular(full):
                continue
            label = f"{name}: {os.path.relpath(full, path)}"
            with open_regular(full, "an .ics file") as handle:
                size = os.fstat(handle.fileno()).st_size
                total += size
                if total > MAX_BYTES:
                    raise BadInput(
                        f"{name}: its .ics files hold over {MAX_BYTES // 1024**2} MB; accepted: "
                        "calendars up to that size"
                    )
                part = _read_one(handle, size, label, start, end)
            merged.calendars += part.calendars
            merged.too_large += part.too_large
            merged.dropped += part.dropped
            merged.alone += part.alone
            merged.empty += part.empty
    if not merged.calendars:
        raise BadInput(f"{name}: holds no .ics file; accepted: a vdir folder of .ics files")
    return merged


def _read_one(
    handle: IO[bytes], size: int, name: str, start: dt.datetime, end: dt.datetime
) -> blocks.Stream:
    """One .ics read as a stream of blocks, its start and end checked first."""
    if size > MAX_BYTES:
        raise BadInput(
            f"{name}: is over {MAX_BYTES // 1024**2} MB; accepted: calendar "
            "files up to that size (export a shorter period)"
        )
    if not handle.seekable():
        handle = io.BytesIO(handle.read(MAX_BYTES + 1))
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
    try:
        return blocks.read(handle, start, end)
    except blocks.Broken as err:
        raise BadInput(f"{name}: is not a valid iCalendar file ({err})") from None


def _from_ical(text: bytes, name: str) -> Any:
    import icalendar

    try:
        return icalendar.Calendar.from_ical(text)
    except Exception as err:  # icalendar raises ValueError and others on broken content
        raise BadInput(f"{name}: is not a valid iCalendar file ({_short(err)})") from None


def _head(calendar: blocks.Calendar, name: str) -> Any:
    """The calendar's own properties (X-WR-CALNAME, X-WR-TIMEZONE, CALSCALE), parsed."""
    return _from_ical(b"BEGIN:VCALENDAR\r\n" + calendar.head + b"END:VCALENDAR\r\n", name)


def _parsed(stream: blocks.Stream, name: str, tally: Tally) -> Iterator[Any]:
    """The kept VEVENTs as small calendars (their VCALENDAR's properties, the VTIMEZONEs they
    name, a batch of whole UIDs: a series and its moved occurrences stay together). A batch that
    icalendar cannot read is read again one UID at a time: only the bad event is left out."""
    for calendar in stream.calendars:
        head = calendar.head
        _head(calendar, name)  # broken calendar properties refuse the file, as before
        groups: dict[object, list[blocks.Event]] = {}
        for event in calendar.events:
            if event.raw:
                groups.setdefault(event.uid or id(event), []).append(event)
        batch: list[list[blocks.Event]] = []
        size = 0
        for group in [*groups.values(), []]:
            if group:
                batch.append(group)
                size += len(group)
            if batch and (size >= BATCH_EVENTS or not group):
                try:
                    yield _from_ical(_text_of(calendar, head, batch), name)
                except BadInput:
                    for one in batch:
                        try:
                            yield _from_ical(_text_of(calendar, head, [one]), name)
                        except BadInput as err:
                            why = str(err).split("(", 1)[-1].rstrip(")")
                            tally.refuse(
                                "unreadable", blocks.label(one[0]), f"cannot be read ({why})"
                            )
                batch, size = [], 0


def _text_of(calendar: blocks.Calendar, head: bytes, batch: list[list[blocks.Event]]) -> bytes:
    """A VCALENDAR holding the batch's events with the time zones they name; a time zone written
    as a Windows id or display name with no VTIMEZONE (Outlook, Exchange) is given its IANA name,
    so the meeting lands at its true instant, DST included."""
    events = [event for group in batch for event in group]
    zones = {tzid for event in events for tzid in event.tzids}
    # the others are written again too, clean: a stray quote in a TZID is no reason to lose it
    renamed = {z: zone_for(z) or z for z in zones if z not in calendar.timezones}
    return b"".join(
        [
            b"BEGIN:VCALENDAR\r\n",
            head,
            *(calendar.timezones[z] for z in sorted(zones) if z in calendar.timezones),
            *(_rezoned(event.raw, renamed) if renamed else event.raw for event in events),
            b"END:VCALENDAR\r\n",
        ]
    )


_DISPLAY = re.compile(r"^\(\s*(?:UTC|GMT)\s*([+-]\d{1,2}:\d\d)?\s*\)\s*(.*)$", re.I)


def zone_for(tzid: str) -> str | None:
    """The IANA zone of a Windows time zone id ("W. Europe Standard Time") or display name
    ("(GMT+10:00) Canberra, Melbourne, Sydney"), from the CLDR windowsZones table, or of a
    "globally unique" TZID with a vendor prefix ("/mozilla.org/20050126_1/America/New_York",
    libical's "/freeassociation.sourceforge.net/Tzfile/Europe/London"); None when the TZID is
    none of these (an IANA name icalendar reads itself, or a custom one)."""
    clean = " ".join(tzid.strip().strip('"').split())
    if clean in windows.IDS:
        return windows.IDS[clean]
    if clean.startswith("/"):
        return _vendor_zone(clean)
    found = _DISPLAY.match(clean)
    if found is None:
        return None
    sign_hours, _, minutes = (found.group(1) or "+00:00").partition(":")
    offset = f"{sign_hours[0]}{int(sign_hours[1:]):02d}:{minutes}"
    places = found.group(2).casefold()
    exact = windows.NAMES.get(f"{offset} {places}")
    if exact:
        return exact
    # Older Windows wrote other place lists ("(GMT) Greenwich Mean Time : Dublin, Edinburgh,
    # Lisbon, London"): the zone of the same offset naming most of the same places.
    wanted = {p.strip() for p in re.split(r"[,:;]| and ", places) if p.strip()}
    best, score = None, 0
    for key, zone in windows.NAMES.items():
        there, _, listed = key.partition(" ")
        if there != offset:
            continue
        shared = len(wanted & {p.strip() for p in re.split(r"[,:;]| and ", listed)})
        if shared > score:
            best, score = zone, shared
    if best is not None:
        return best
    hours, mins = int(offset[1:3]), int(offset[4:6])
    if mins == 0 and hours <= 14:  # no place known: the fixed offset (Etc/GMT signs are reversed)
        return "Etc/GMT" + ("" if hours == 0 else f"{'-' if offset[0] == '+' else '+'}{hours}")
    return None


def _vendor_zone(tzid: str) -> str | None:
    """The longest tail of a "/vendor/.../Area/Place" TZID that is an IANA zone of this machine
    (icalendar would guess the same, with a warning on the terminal)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    parts = [part for part in tzid.split("/") if part]
    for at in range(1, len(parts)):
        name = "/".join(parts[at:])
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        return name
    return None


def _rezoned(raw: bytes, renamed: dict[str, str]) -> bytes:
    """The event with each TZID parameter in `renamed` written as its IANA name, or again without
    stray quotes (its lines unfolded)."""
    out: list[bytes] = []
    for line in blocks.unfold(raw).split(b"\n"):
        span = blocks.tzid_span(line)
        if span is not None and span[2] in renamed:
            at, end, value = span
            zone = renamed[value].encode()
            if any(char in zone for char in b':;,"'):
                zone = b'"' + zone.replace(b'"', b"") + b'"'
            line = line[:at] + b";TZID=" + zone + line[end:]
        out.append(line)
    return b"\n".join(out)


def _occurrences(
    calendar: Any, start: dt.datetime, end: dt.datetime, tally: Tally
) -> Iterator[Any]:
    """Every occurrence that overlaps [start, end], a few events at a time. An event that would
    recur more than MAX_OCCURRENCES times in the window (an RRULE every second or minute) is not
    expanded at all, nor is one whose times cannot be read: each is named in the tally, and the
    rest of the calendar imports."""
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
    chunk: list[list[Any]] = []
    weight = 0
    for events in groups.values():
        broken = next((why for event in events if (why := _unreadable(event))), None)
        if broken:
            tally.refuse("unreadable", _label(events[0]), broken)
            continue
        try:
            bound = sum(recurrence.bound(event, start, end) for event in events)
        except Exception as err:  # a time the bound cannot read: the event is unreadable
            tally.refuse("unreadable", _label(events[0]), f"cannot be read ({_short(err)})")
            continue
        if bound > MAX_OCCURRENCES:
            tally.refuse(
                "recurring too often",
                _label(events[0]),
                f"recurs more than {MAX_OCCURRENCES:,} times between {start:%Y-%m-%d} and "
                f"{end:%Y-%m-%d} (RRULE {_rule_text(events[0])})",
            )
            continue
        for event in events:
            recurrence.stop_at(event, end)
        chunk.append(events)
        weight += bound
        if weight >= CHUNK_OCCURRENCES:
            yield from _expand(recurring_ical_events, calendar, others, chunk, start, end, tally)
            chunk, weight = [], 0
    if chunk:
        yield from _expand(recurring_ical_events, calendar, others, chunk, start, end, tally)


def _unreadable(event: Any) -> str | None:
    """Why an event's times cannot be read (icalendar keeps a broken property as an error), or
    None."""
    for prop, message in getattr(event, "errors", None) or []:
        if prop is None or str(prop).upper() in TIME_PROPS:
            return f"{prop or 'a line'} cannot be read ({_short(Exception(message))})"
    if event.get("DTSTART") is None:
        return "it has no DTSTART"
    if event.get("DTEND") is not None:
        begins, ends = event["DTSTART"].dt, event["DTEND"].dt
        if isinstance(begins, dt.datetime) and isinstance(ends, dt.datetime):
            begins, ends = _aware(begins), _aware(ends)
        if type(begins) is type(ends) and ends < begins:
            return "it ends before it starts"
    return None


def _expand(
    library: Any,
    calendar: Any,
    others: list[Any],
    groups: list[list[Any]],
    start: dt.datetime,
    end: dt.datetime,
    tally: Tally,
) -> list[Any]:
    import icalendar

    def between(events: list[Any]) -> list[Any]:
        part = icalendar.Calendar()
        for key, value in calendar.items():
            part[key] = value  # CALSCALE, X-WR-TIMEZONE: what the expansion reads
        part.subcomponents = [*others, *events]
        return list(library.of(part).between(start, end))

    try:
        return between([event for events in groups for event in events])
    except Exception:  # a broken RRULE, DTSTART or time zone: find it, one series at a time
        found: list[Any] = []
        for events in groups:
            try:
                found += between(events)
            except Exception as err:
                tally.refuse("unreadable", _label(events[0]), f"cannot be expanded ({_short(err)})")
        return found


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


def _system(email: str) -> bool:
    """Is this address a calendar or a mailbox rather than a person (a room's or a shared
    calendar's address, a no-reply sender, Gmail's reservations)?"""
    local, _, domain = email.rpartition("@")
    return (
        email == RESERVATIONS
        or any(domain == d or domain.endswith("." + d) for d in SYSTEM_DOMAINS)
        or bool(local and SYSTEM_MAILBOX.match(local))
    )


def _not_a_person(who: Any, email: str) -> str | None:
    """Why an attendee is no person: "rooms" (a room, a resource or its calendar), "groups" (a
    group or distribution list), "system" (another system address); None for a person."""
    cutype = _param(who, "CUTYPE").upper()
    name = _param(who, "CN")
    if cutype in DROPPED_CUTYPES or email.endswith("resource.calendar.google.com"):
        return "rooms"
    if cutype == "GROUP" or LIST_NAME.search(name) or LIST_NAME.search(email.split("@")[0]):
        return "groups"
    if _system(email):
        return "system"
    if ROOM_NAME.search(name) and not cutype:  # "R_BU2_ROOM [2.17] Conference Room" without CUTYPE
        return "rooms"
    return None


def _addresses_found(stream: blocks.Stream) -> Counter[str]:
    """How many events each attendee or organizer address is on, read from the text of every
    event with attendees (in the window or not)."""
    found: Counter[str] = Counter()
    for calendar in stream.calendars:
        for event in calendar.events:
            present = {address(blocks.value_of(line)) for line in event.attendees}
            present |= {address(blocks.value_of(line)) for line in event.organizers[:1]}
            present.discard("")
            found.update(present)
    return found


def _my_addresses(stream: blocks.Stream, me: str | None, name: str) -> set[str]:
    if me:
        mine = {address(part) for part in me.split(",") if address(part)}
        found = _addresses_found(stream)
        if found and not mine & set(found):
            ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
            common = [a for a, _ in ranked if "@" in a and not _system(a)][:5]
            raise BadInput(
                f"{name}: --me {me!r} is on no event of the file; give your address as the "
                f"invitations write it (found most often: {', '.join(common) or 'none'})"
            )
        return mine
    heads = [_head(calendar, name) for calendar in stream.calendars]
    for head in heads:
        label = address(head.get("X-WR-CALNAME"))
        if "@" in label and " " not in label:
            return {label}
    everywhere: set[str] | None = None
    for calendar in stream.calendars:
        for block in calendar.events:
            if not block.attendees:
                continue
            # every event with attendees counts, in the window or not, read as text
            present = {address(blocks.value_of(line)) for line in block.attendees}
            if block.organizers:
                present.add(address(blocks.value_of(block.organizers[0])))
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
    event: Any,
    rules: Rules,
    now: dt.datetime,
    window: tuple[dt.datetime, dt.datetime],
    tally: Tally,
) -> Meeting | str | None:
    """The meeting of one occurrence, why it is left out, or None if it began outside the window
    (the expansion also yields events that only overlap it). An occurrence that cannot be read
    is named in the tally and left out."""
    uid = str(event.get("UID") or "").strip()
    try:
        found = _read_meeting(event, uid, rules, now, window)
    except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as err:
        tally.refuse("unreadable", _label(event), f"cannot be read ({_short(err)})")
        return None
    if found == "ends before it starts":
        tally.refuse("unreadable", _label(event), "it ends before it starts")
        return None
    return found


def _read_meeting(
    event: Any,
    uid: str,
    rules: Rules,
    now: dt.datetime,
    window: tuple[dt.datetime, dt.datetime],
) -> Meeting | str | None:
    mine = rules.mine
    if event.get("DTSTART") is None:
        return "untimed"
    start = event["DTSTART"].dt
    if isinstance(start, dt.datetime):
        start = _aware(start)
        if not window[0] <= start <= window[1]:
            return None  # the window ends at now at the latest, so this also drops the future
    if str(event.get("STATUS") or "").strip().upper() == "CANCELLED":
        return "cancelled"
    organizer = event.get("ORGANIZER")
    organizer_email = address(organizer) if organizer is not None else ""
    if organizer_email == RESERVATIONS:
        return "reservations"
    if organizer_email and organizer_email not in mine and _system(organizer_email):
        return "system organisers"
    if not isinstance(start, dt.datetime):
        return "all-day"
    end = _end(event, start)
    minutes = round((end - start).total_seconds() / 60) if end is not None else 0
    if minutes < 0:
        return "ends before it starts"
    if minutes < 1:
        return "untimed"
    if start > now:
        return "in the future"
    initiated = organizer_email in mine if organizer_email else False
    attendees = _listed(event, "ATTENDEE")
    people: list[str] = []
    seen: set[str] = set()
    listed: set[str] = set()
    invitees = 0
    dropped: Counter[str] = Counter()
    answered: list[str] = []  # PARTSTAT of each attendee that is me
    for attendee in attendees:
        email = address(attendee)
        listed.add(email)
        if email in mine:
            answered.append(_param(attendee, "PARTSTAT").upper())
            invitees += 1
            continue
        why = _not_a_person(attendee, email)
        if why:
            dropped[why] += 1
            continue
        invitees += 1
        if _param(attendee, "ROLE").upper() == "NON-PARTICIPANT":
            continue
        if _param(attendee, "PARTSTAT").upper() == "DECLINED":
            continue  # they did not come
        _add_person(people, seen, attendee, email)
    if "DECLINED" in answered:
        return "declined"
    unanswered = (
        "NEEDS-ACTION" in answered
        if answered
        else len(attendees) == 1 and _param(attendees[0], "PARTSTAT").upper() == "NEEDS-ACTION"
    )
    if unanswered and not initiated and not rules.unanswered:
        return "unanswered"
    if minutes > MAX_MINUTES or minutes >= LONG_MINUTES and not rules.long:
        return "long events"
    if (
        organizer is not None
        and not initiated
        and organizer_email not in listed
        and not _not_a_person(organizer, organizer_email)
    ):
        # an organizer not listed as an attendee still takes part in the meeting
        _add_person(people, seen, organizer, organizer_email)
    if not people:
        return "rooms" if dropped["rooms"] else "no attendees"
    if invitees > BROADCAST_INVITEES and not rules.broadcasts:
        return "broadcasts"
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
