"""Calendars as real accounts export them (issue 14): Google's export zip, Gmail reservations,
rooms and lists, unanswered invitations, all-day summits and webinars, a mistyped --me, Outlook's
Windows time zones, and the odd event that must not sink the file. The fixtures follow the
layouts Google Calendar, Outlook and Exchange write. (The clock is pinned to 2026-11-26 15:00
Europe/Berlin; the default window is 90 days.)"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from journal.errors import BadInput
from journal.importers import ics
from tests.conftest import snapshot_files

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
PRIMARY = str(DATA / "google-primary.ics")
BIRTHDAYS = str(DATA / "google-birthdays.ics")
OUTLOOK = str(DATA / "outlook-windows-zones.ics")
EXCHANGE = str(DATA / "exchange-odd-events.ics")


def met(store) -> dict[str, tuple[str, ...]]:
    return {e.note: e.people for e in store.all_entries("interaction")}


def instants(store) -> dict[str, str]:
    return {e.note: e.at.astimezone(dt.UTC).isoformat() for e in store.all_entries("interaction")}


def export_zip(tmp_path: Path) -> str:
    """Google Calendar's Export download: one .ics per calendar in a zip."""
    path = tmp_path / "gabi@gmail.com.ical.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(PRIMARY, "gabi@gmail.com.ics")
        archive.write(BIRTHDAYS, "Birthdays_c8r2@group.v.calendar.google.com.ics")
    return str(path)


# --- what is a meeting -------------------------------------------------------------------------


def test_reservations_rooms_lists_and_system_addresses_are_not_meetings(store):
    result = ics.run(store, PRIMARY)
    # the user is X-WR-CALNAME; Sam's 1:1 had a room with no CUTYPE; the design review a group
    # list and a projector: only people remain
    assert met(store) == {
        "1:1 Gabi / Sam": ("Sam Lee",),
        "Design review": ("Priya Raman", "Jo Park"),
    }
    names = {p.name for p in store.people()}
    assert names == {"Sam Lee", "Priya Raman", "Jo Park"}
    assert result.reasons == {
        "reservations": 2,  # a flight and a restaurant from Gmail
        "system organisers": 2,  # a gym's no-reply booking, a shared absence calendar
        "unanswered": 2,
        "long events": 1,  # the 10-hour summit
        "broadcasts": 1,  # the webinar with 30 invitees
        "rooms": 1,  # only a phone booth booked
        "no attendees": 4,  # personal appointments
    }
    assert result.skipped == 13
    assert result.details[-1] == (
        "left out: 2 reservations, 2 system organisers, 2 unanswered, 1 long event, "
        "1 broadcast, 1 room, 4 no attendees"
    )


def test_flags_take_unanswered_long_events_and_broadcasts(store):
    result = ics.run(store, PRIMARY, include_unanswered=True)
    assert set(met(store)) == {"1:1 Gabi / Sam", "Design review", "Vendor demo", "Coffee chat?"}
    assert "unanswered" not in result.reasons
    ics.run(store, PRIMARY, include_broadcasts=True)
    webinar = met(store)["Q4 product webinar"]
    assert len(webinar) == 31 and webinar[-1] == "Product Marketing"  # 30 guests, the organizer
    ics.run(store, PRIMARY, include_long=True, include_broadcasts=True)
    summit = [e for e in store.all_entries("interaction") if e.note == "Company summit"]
    assert summit[0].minutes == 600
    assert "DL All Users Berlin" not in summit[0].people
    assert len(summit[0].people) == 31  # 30 colleagues and the organizer


def test_flags_are_said_in_the_notes(store):
    result = ics.run(store, PRIMARY, dry_run=True)
    assert result.notes == [
        "looked at events since 2026-08-28 (default; --since all for every year)",
        "events of 8 hours or more left out; --include-long takes them",
        "events with over 25 invitees left out; --include-broadcasts takes them",
        "invitations you never answered left out; --include-unanswered takes them",
    ]


def test_a_mistyped_me_is_refused_with_the_addresses_found(store, db_path):
    before = snapshot_files(db_path)
    with pytest.raises(BadInput) as err:
        ics.run(store, PRIMARY, me="gabi@gmial.com")
    assert str(err.value) == (
        "google-primary.ics: --me 'gabi@gmial.com' is on no event of the file; give your "
        "address as the invitations write it (found most often: gabi@gmail.com, "
        "colleague00@example.com, colleague01@example.com, colleague02@example.com, "
        "colleague03@example.com)"
    )
    assert snapshot_files(db_path) == before


def test_since_all_reaches_every_year(store, tmp_path):
    text = Path(PRIMARY).read_text().replace("20261103T1000", "20190311T1000")
    text = text.replace("20261103T1030", "20190311T1030")
    path = tmp_path / "old.ics"
    path.write_text(text)
    assert "1:1 Gabi / Sam" not in met(store) and ics.run(store, str(path)).added == 1
    result = ics.run(store, str(path), since=ics.ALL_YEARS)
    assert result.added == 1 and "1:1 Gabi / Sam" in met(store)
    assert result.notes[0] == "looked at events of every year up to 2026-11-26"


# --- Google's export zip -----------------------------------------------------------------------


def test_google_export_zip_reads_every_calendar_once(store, tmp_path):
    path = export_zip(tmp_path)
    result = ics.run(store, path)
    assert result.added == 2 and set(met(store)) == {"1:1 Gabi / Sam", "Design review"}
    again = ics.run(store, path)
    assert again.added == 0 and again.reasons["already there"] == 2
    assert store.undo() == "import ics gabi@gmail.com.ical.zip"  # one import, one undo step
    assert met(store) == {}


def test_a_zip_bomb_or_a_zip_without_calendars_is_refused(store, db_path, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("cal.ics", b"BEGIN:VCALENDAR\r\n" + b" " * (64 << 20))
    empty = tmp_path / "photos.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("a.txt", "hello")
    before = snapshot_files(db_path)
    with pytest.raises(BadInput, match=r"^bomb\.zip: cal\.ics is compressed \d[\d,]* to 1"):
        ics.run(store, str(bomb))
    with pytest.raises(BadInput, match=r"^photos\.zip: the zip holds no \.ics file"):
        ics.run(store, str(empty))
    assert snapshot_files(db_path) == before


# --- time zones --------------------------------------------------------------------------------


def test_windows_zone_names_and_ids_land_at_their_true_instant(store):
    """Outlook's display names and Windows ids with no VTIMEZONE, DST on both sides of the
    world; a stray quote in one TZID is tolerated."""
    ics.run(store, OUTLOOK)
    assert instants(store) == {
        "Sydney sync (winter)": "2026-09-15T03:30:00+00:00",  # AEST, +10
        "Sydney sync (summer)": "2026-11-20T02:30:00+00:00",  # AEDT, +11
        "Boston sync (EDT)": "2026-09-15T17:30:00+00:00",
        "Boston sync (EST)": "2026-11-20T18:30:00+00:00",
        "Berlin stand-up": "2026-11-03T08:30:00+00:00",
        "NY check-in": "2026-11-04T14:30:00+00:00",
        "Stray quote": "2026-11-04T22:00:00+00:00",
    }


@pytest.mark.parametrize(
    ("tzid", "zone"),
    [
        ("(GMT+10:00) Canberra, Melbourne, Sydney", "Australia/Sydney"),
        ("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"),
        ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"),
        ("(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London", "Europe/London"),
        ("W. Europe Standard Time", "Europe/Berlin"),
        ('"Eastern Standard Time', "America/New_York"),
        ("Europe/Berlin", None),  # icalendar reads IANA names itself
        ("/mozilla.org/20050126_1/America/New_York", "America/New_York"),
        ("/freeassociation.sourceforge.net/Tzfile/Europe/London", "Europe/London"),
        (
            "/citadel.org/20210210_1/America/Argentina/Buenos_Aires",
            "America/Argentina/Buenos_Aires",
        ),
        ("/example.com/Not/A_Zone", None),
        ("/../../etc/passwd", None),
    ],
)
def test_zone_for(tzid, zone):
    assert ics.zone_for(tzid) == zone


def test_vendor_prefixed_zones_land_at_their_instant_and_nothing_is_printed(
    store, tmp_path, recwarn
):
    """Mozilla and libical write "globally unique" TZIDs (RFC 5545 3.2.19); with no VTIMEZONE
    the IANA tail is used, and icalendar's guessing warning never reaches the terminal."""
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            *(
                line
                for uid, zone, day, who in (
                    ("ny", "/mozilla.org/20050126_1/America/New_York", "20261120", "Sam Lee"),
                    (
                        "ldn",
                        "/freeassociation.sourceforge.net/Tzfile/Europe/London",
                        "20261121",
                        "Ana",
                    ),
                )
                for line in (
                    "BEGIN:VEVENT",
                    f"UID:{uid}@test",
                    "DTSTAMP:20261101T000000Z",
                    f"DTSTART;TZID={zone}:{day}T090000",
                    f"DTEND;TZID={zone}:{day}T100000",
                    f"SUMMARY:{uid}",
                    f"ATTENDEE;CN={who}:mailto:{uid}@example.com",
                    "ORGANIZER;CN=Me:mailto:me@example.com",
                    "END:VEVENT",
                )
            ),
            "END:VCALENDAR",
            "",
        ]
    )
    path = tmp_path / "vendor.ics"
    path.write_text(text, encoding="utf-8")
    ics.run(store, str(path))
    assert instants(store) == {
        "ny": "2026-11-20T14:00:00+00:00",  # EST, -5
        "ldn": "2026-11-21T09:00:00+00:00",  # GMT
    }
    assert not [w for w in recwarn if "icalendar" in w.filename]


# --- one odd event -----------------------------------------------------------------------------


def test_odd_events_are_named_and_the_rest_imports(store):
    result = ics.run(store, EXCHANGE)
    assert set(met(store)) == {"Weekly planning", "Retro"}
    assert result.reasons == {"unreadable": 3}
    assert result.problems == [
        "1 empty event (no UID, time or title), left out",
        "event '040000008200E00074C5B7101A82E0080000000012' (Backwards meeting): it ends "
        "before it starts, left out",
        "event '040000008200E00074C5B7101A82E0080000000013' (Garbled start): DTSTART cannot "
        "be read (Wrong datetime format: 2026-11-10 10:00), left out",
    ]


def test_google_birthdays_with_an_rdate_like_20131210z(store, tmp_path):
    """Google's birthdays calendar imports (nothing: nobody is invited); the same odd RDATE on
    an event with attendees skips that event only."""
    assert ics.run(store, BIRTHDAYS, since=ics.ALL_YEARS).added == 0
    odd = "\r\n".join(
        [
            "BEGIN:VEVENT",
            "DTSTART:20261110T100000Z",
            "DTEND:20261110T110000Z",
            "RRULE:FREQ=WEEKLY;COUNT=3",
            "RDATE:20131210Z",
            "UID:odd-rdate@google.com",
            "SUMMARY:Odd series",
            "ORGANIZER;CN=Sam Lee:mailto:sam.lee@example.com",
            "ATTENDEE;PARTSTAT=ACCEPTED;CN=Sam Lee:mailto:sam.lee@example.com",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:gabi@gmail.com",
            "END:VEVENT",
            "",
        ]
    )
    path = tmp_path / "odd.ics"
    path.write_text(Path(PRIMARY).read_text().replace("END:VCALENDAR", odd + "END:VCALENDAR"))
    result = ics.run(store, str(path))
    assert set(met(store)) == {"1:1 Gabi / Sam", "Design review"}
    assert result.reasons["unreadable"] == 1
    assert result.problems == [
        "event 'odd-rdate@google.com' (Odd series): RDATE cannot be read (Expected datetime, "
        "date, or time. Got: '20131210Z'), left out"
    ]


# --- speed: what is parsed ---------------------------------------------------------------------


def test_events_with_nobody_invited_are_never_parsed(store, monkeypatch):
    import icalendar

    parsed: list[bytes] = []
    real = icalendar.Calendar.from_ical

    def spy(text, *args, **kwargs):
        parsed.append(text if isinstance(text, bytes) else text.encode())
        return real(text, *args, **kwargs)

    monkeypatch.setattr(icalendar.Calendar, "from_ical", spy)
    assert ics.run(store, PRIMARY).added == 2
    text = b"".join(parsed)
    assert b"UID:5k2m9q1h0c3b@google.com" in text
    assert b"UID:gym-" not in text  # in the window, but nobody is invited


# --- the command -------------------------------------------------------------------------------


def test_cli_states_the_window_and_refuses_a_mistyped_me(cli, tmp_path):
    result = cli("import", "ics", export_zip(tmp_path), "--dry-run")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "  looked at events since 2026-08-28 (default; --since all for every year)" in lines
    wrong = cli("import", "ics", PRIMARY, "--me", "gabi@gmial.com")
    assert wrong.code == 2
    assert wrong.err.count("\n") == 1 and "found most often: gabi@gmail.com" in wrong.err
    every = cli("import", "ics", PRIMARY, "--since", "all", "--include-unanswered", "--json")
    assert every.code == 0, every.err
    assert json.loads(every.out)["added"] == 4
    other = cli("import", "claude", str(DATA / "claude-conversations.json"), "--include-long")
    assert other.code == 2 and "--include-long applies to `import ics` only" in other.err


def test_progress_covers_parsing_and_writing(store):
    calls: list[tuple[int, int]] = []
    result = ics.run(
        store,
        str(DATA / "google-primary.ics"),
        since=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        progress=lambda done, total: calls.append((done, total)),
    )
    assert result.added and calls
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)  # only ever forward
    assert len({t for _, t in calls}) == 1  # one bar, its end known from the start
    assert calls[-1][0] == calls[-1][1]  # the writing takes it to the end
