"""The .ics importer: recurrences with exceptions, declines, cancellations, rooms, who is me."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.clock import localize
from journal.errors import BadInput
from journal.importers import ics
from tests.conftest import snapshot_files

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
CALENDAR = str(DATA / "calendar.ics")
ME = "me@example.com"

MEETINGS = [
    # (local start, minutes, people, channel, initiated, note, source)
    # weekly, organised by me, a zoom link; Nov 9 is an EXDATE, Nov 30 is in the future
    (
        "2026-10-26T10:00:00+01:00",
        30,
        ("Sam Lee",),
        "video",
        True,
        "Team sync",
        "ics:team-sync-7f3a@google.com:2026-10-26T09:00:00+00:00",
    ),
    (
        "2026-11-02T10:00:00+01:00",
        30,
        ("Sam Lee",),
        "video",
        True,
        "Team sync",
        "ics:team-sync-7f3a@google.com:2026-11-02T09:00:00+00:00",
    ),
    # the Nov 16 occurrence moved to Nov 17 (RECURRENCE-ID), into a room: in person
    (
        "2026-11-17T14:00:00+01:00",
        45,
        ("Sam Lee",),
        "in_person",
        True,
        "Team sync (moved)",
        "ics:team-sync-7f3a@google.com:2026-11-16T09:00:00+00:00",
    ),
    # organiser not among the attendees still counts; the room is dropped
    (
        "2026-11-18T09:30:00+01:00",
        30,
        ("Priya Raman",),
        "in_person",
        False,
        "1:1 Priya",
        "ics:one-on-one-priya:2026-11-18T08:30:00+00:00",
    ),
    # DURATION instead of DTEND; no CN: the email's local part; Jo declined, so is not there
    (
        "2026-11-20T11:00:00+01:00",
        60,
        ("alex.k",),
        "video",
        True,
        "Pairing",
        "ics:pairing-1:2026-11-20T10:00:00+00:00",
    ),
    (
        "2026-11-23T10:00:00+01:00",
        30,
        ("Sam Lee",),
        "video",
        True,
        "Team sync",
        "ics:team-sync-7f3a@google.com:2026-11-23T09:00:00+00:00",
    ),
    # a floating time is local time; a café is in person
    (
        "2026-11-24T16:00:00+01:00",
        30,
        ("Maria",),
        "in_person",
        False,
        "Coffee",
        "ics:coffee-maria:2026-11-24T15:00:00+00:00",
    ),
]


def meetings(store):
    return sorted(
        (
            (e.at.isoformat(), e.minutes, e.people, e.channel.value, e.initiated, e.note, e.source)
            for e in store.all_entries("interaction")
        ),
        key=lambda m: m[0],
    )


def test_meetings_exact(store):
    result = ics.run(store, CALENDAR, me=ME)
    assert result.added == 7
    assert meetings(store) == MEETINGS
    assert {e.kind.value for e in store.all_entries("interaction")} == {"meeting"}
    # declined, cancelled, all-day and me-only are left out and said so
    assert result.skipped == 4
    assert result.reasons == {"declined": 1, "cancelled": 1, "all-day": 1, "no attendees": 1}
    assert result.details[-1] == "left out: 1 declined, 1 cancelled, 1 all-day, 1 no attendee"
    names = sorted(p.name for p in store.people())
    assert names == ["Maria", "Priya Raman", "Sam Lee", "alex.k"]


def test_reimport_adds_nothing(store, db_path):
    ics.run(store, CALENDAR, me=ME)
    before = snapshot_files(db_path)
    again = ics.run(store, CALENDAR, me=ME)
    assert again.added == 0
    assert again.reasons["already there"] == 7
    assert "7 already there" in again.details[-1]
    assert snapshot_files(db_path) == before


def test_window(store):
    result = ics.run(
        store,
        CALENDAR,
        me=ME,
        since=localize(dt.datetime(2026, 5, 1)),
        until=localize(dt.datetime(2026, 10, 31, 23, 59)),
    )
    assert result.added == 2
    assert [m[5] for m in meetings(store)] == ["Spring review", "Team sync"]


def test_dry_run_writes_nothing(store, db_path):
    before = snapshot_files(db_path)
    result = ics.run(store, CALENDAR, me=ME, dry_run=True)
    assert result.added == 7
    assert result.details[0] == "2026-10-26 10:00  meeting  30 min  Sam Lee  (video)  Team sync"
    assert snapshot_files(db_path) == before


def test_me_from_attendance_everywhere(store):
    """Without --me: the one address on every event with attendees is the user."""
    assert ics.run(store, CALENDAR).added == 7
    assert meetings(store) == MEETINGS


def test_me_from_google_calendar_name(store, tmp_path):
    text = Path(CALENDAR).read_text().replace("X-WR-CALNAME:Work", "X-WR-CALNAME:sam@example.com")
    path = tmp_path / "sam.ics"
    path.write_text(text)
    ics.run(store, str(path))
    people = {e.note: e.people for e in store.all_entries("interaction")}
    assert people["Team sync"] == ("Me Myself",)


def test_ambiguous_me_asks_for_it(store, tmp_path):
    path = tmp_path / "two.ics"
    path.write_text(
        _calendar(
            _event(
                "a",
                "20261120T100000Z",
                "20261120T110000Z",
                "ATTENDEE;CN=Ann:mailto:ann@example.com",
                "ATTENDEE;CN=Bo:mailto:bo@example.com",
            )
        )
    )
    with pytest.raises(BadInput, match=r"two\.ics: cannot tell which attendee is you; .*--me"):
        ics.run(store, str(path))
    assert ics.run(store, str(path), me="ann@example.com").added == 1


def test_event_without_uid_or_end(store, tmp_path):
    path = tmp_path / "cal.ics"
    path.write_text(
        _calendar(
            "BEGIN:VEVENT\r\nDTSTART:20261120T100000Z\r\nDTEND:20261120T103000Z\r\n"
            "SUMMARY:No uid\r\nATTENDEE;CN=Ann:mailto:ann@example.com\r\n"
            f"ATTENDEE:mailto:{ME}\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:no-end\r\nDTSTART:20261121T100000Z\r\n"
            "ATTENDEE;CN=Ann:mailto:ann@example.com\r\nEND:VEVENT\r\n",
        )
    )
    result = ics.run(store, str(path), me=ME)
    assert result.added == 1
    assert result.reasons["untimed"] == 1
    assert store.all_entries("interaction")[0].source.startswith("ics:noid-")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "cal.ics: is empty"),
        (b'[{"id": "a"}]', "cal.ics: is not an iCalendar file"),
        (
            b"BEGIN:VCALENDAR\r\nthis is not a content line\r\nEND:VCALENDAR\r\n",
            "cal.ics: is not a valid iCalendar file",
        ),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n",
            "cal.ics: is not a valid iCalendar file",
        ),
    ],
)
def test_malformed_calendars_change_nothing(store, db_path, tmp_path, content, message):
    ics.run(store, CALENDAR, me=ME)
    path = tmp_path / "cal.ics"
    path.write_bytes(content)
    before = snapshot_files(db_path)
    with pytest.raises(BadInput) as err:
        ics.run(store, str(path), me=ME)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)
    assert snapshot_files(db_path) == before


def test_broken_event_is_named_and_skipped(store, db_path, tmp_path):
    """One event whose DTSTART cannot be read is named and left out; the rest imports."""
    path = tmp_path / "cal.ics"
    path.write_text(
        _calendar(
            _event(
                "fine",
                "20261120T100000Z",
                "20261120T110000Z",
                "ATTENDEE;CN=Ann:mailto:ann@example.com",
                f"ATTENDEE:mailto:{ME}",
            ),
            _event(
                "broken",
                "20261121T100000Z",
                "20261121T110000Z",
                "ATTENDEE;CN=Ann:mailto:ann@example.com",
            ).replace("DTSTART:20261121T100000Z", "DTSTART:2026-11-21 at ten"),
        )
    )
    result = ics.run(store, str(path), me=ME)
    assert result.added == 1
    assert result.reasons["unreadable"] == 1
    assert result.problems == [
        "event 'broken' (broken): DTSTART cannot be read (Expected datetime, date, or time. "
        "Got: '2026-11-21 at ten'), left out"
    ]


@pytest.mark.parametrize(
    ("location", "channel"),
    [
        ("", "video"),
        ("https://meet.google.com/abc-defg-hij", "video"),
        ("Zoom", "video"),
        ("Microsoft Teams Meeting", "video"),
        ("Room 4.12", "in_person"),
        ("Café Einstein", "in_person"),
        ("tel:+49301234567", "call"),
        ("+49 30 1234567", "call"),
    ],
)
def test_channel_rule(location, channel):
    assert ics.channel_for(location) == channel


def _event(uid: str, start: str, end: str, *lines: str) -> str:
    body = "\r\n".join(lines)
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\nDTEND:{end}\r\nSUMMARY:{uid}\r\n"
        f"{body}\r\nEND:VEVENT\r\n"
    )


def _calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + "".join(events)
        + "END:VCALENDAR\r\n"
    )
