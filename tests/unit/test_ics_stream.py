"""The .ics file read as a stream of blocks: folded lines wherever they fall, LF-only files,
VTIMEZONEs kept for the events that name them, moved occurrences kept with their series, a line
or event larger than any real one skipped and named, and only the events that can matter parsed.
(The clock is pinned to 2026-11-26 15:00 Europe/Berlin; the default window is 90 days.)"""

from __future__ import annotations

import pytest

from journal.importers import ics

ME = "me@example.com"


def event(uid: str, start: str, *lines: str, end: str | None = None) -> str:
    timing = [f"DTSTART:{start}", f"DTEND:{end}" if end else "DURATION:PT30M"]
    return "\r\n".join(
        ["BEGIN:VEVENT", f"UID:{uid}", f"SUMMARY:{uid} title", *timing, *lines, "END:VEVENT", ""]
    )


def calendar(*parts: str, head: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//stream//EN\r\n"
        + head
        + "".join(parts)
        + "END:VCALENDAR\r\n"
    )


def people(store) -> dict[str, tuple[str, ...]]:
    return {e.note: e.people for e in store.all_entries("interaction")}


def starts(store) -> dict[str, str]:
    return {e.note: e.at.isoformat() for e in store.all_entries("interaction")}


WITH_SAM = ("ATTENDEE;CN=Sam Lee:mailto:sam@example.com", f"ATTENDEE:mailto:{ME}")


def test_folded_lines_across_reads_and_inside_attendees(store, tmp_path, monkeypatch):
    """RFC 5545 folding (CRLF + space or tab) inside ATTENDEE lines and right at the BEGIN and END
    of events, read 7 bytes at a time so every fold also straddles a read."""
    monkeypatch.setattr("journal.importers._icsblocks.READ", 7)
    folded = event(
        "fold-1",
        "20261120T100000Z",
        'ATTEN\r\n DEE;CN="Lee,\r\n\t Sam":mailto:sam@exa\r\n mple.com',
        f"ATTENDEE:mailto:{ME}",
        "DESCRIPTION:line one\r\n END:VEVENT is text here\r\n BEGIN:VEVENT too",
    )
    plain = event(
        "fold-2",
        "20261121T100000Z",
        "ATTENDEE;CN=Ann:mailto:ann@example.com",
        f"ATTENDEE:mailto:{ME}",
    )
    path = tmp_path / "folded.ics"
    path.write_bytes(calendar(folded, plain).encode())
    result = ics.run(store, str(path))  # who is me: found through the folded lines too
    assert result.added == 2
    assert people(store) == {"fold-1 title": ("Lee, Sam",), "fold-2 title": ("Ann",)}


def test_lf_only_file(store, tmp_path):
    text = calendar(
        event("lf-1", "20261120T100000Z", *WITH_SAM),
        event("lf-2", "20261122T100000Z", f"ATTENDEE:mailto:{ME}"),
    )
    path = tmp_path / "lf.ics"
    path.write_bytes(text.replace("\r\n", "\n").replace("Sam Lee", "Sam\n  Lee").encode())
    result = ics.run(store, str(path), me=ME)
    assert result.added == 1
    assert people(store) == {"lf-1 title": ("Sam Lee",)}
    assert result.details[-1] == "left out: 1 no attendee"


TIMEZONE = "\r\n".join(
    [
        "BEGIN:VTIMEZONE",
        "TZID:Custom Plus Five",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0500",
        "TZOFFSETTO:+0500",
        "END:STANDARD",
        "END:VTIMEZONE",
        "",
    ]
)


def test_a_vtimezone_named_by_tzid_is_applied(store, tmp_path):
    """A zone no library knows, defined only by the file's VTIMEZONE, found after the split."""
    path = tmp_path / "zone.ics"
    zoned = event("zoned", "X", *WITH_SAM).replace(
        "DTSTART:X\r\nDURATION:PT30M",
        "DTSTART;TZID=Custom Plus Five:20261120T150000\r\n"
        'DTEND;TZID="Custom Plus Five":20261120T160000',
    )
    path.write_bytes(
        calendar(event("other", "20261101T100000Z", *WITH_SAM), TIMEZONE, zoned).encode()
    )
    assert ics.run(store, str(path), me=ME).added == 2
    assert starts(store)["zoned title"] == "2026-11-20T11:00:00+01:00"  # 10:00 UTC
    minutes = {e.note: e.minutes for e in store.all_entries("interaction")}
    assert minutes["zoned title"] == 60


def test_a_moved_occurrence_stays_with_its_series(store, tmp_path):
    series = event("weekly", "20261102T100000Z", *WITH_SAM, "RRULE:FREQ=WEEKLY;COUNT=4")
    moved = event(
        "weekly", "20261110T150000Z", *WITH_SAM, "RECURRENCE-ID:20261109T100000Z"
    ).replace("weekly title", "moved")
    # a series over long before the window, one of its occurrences moved into it
    old = event("old", "20250106T100000Z", *WITH_SAM, "RRULE:FREQ=WEEKLY;UNTIL=20250301T000000Z")
    old_moved = event(
        "old", "20261105T120000Z", *WITH_SAM, "RECURRENCE-ID:20250113T100000Z"
    ).replace("old title", "old moved")
    filler = "".join(
        event(f"past-{n}", f"2019{m:02d}10T100000Z", *WITH_SAM) for n, m in enumerate(range(1, 13))
    )
    path = tmp_path / "moved.ics"
    path.write_bytes(calendar(series, filler, old, moved, old_moved).encode())
    result = ics.run(store, str(path), me=ME)
    assert result.added == 5
    found = sorted((e.at.isoformat(), e.note, e.source) for e in store.all_entries("interaction"))
    assert found == [
        ("2026-11-02T11:00:00+01:00", "weekly title", "ics:weekly:2026-11-02T10:00:00+00:00"),
        ("2026-11-05T13:00:00+01:00", "old moved", "ics:old:2025-01-13T10:00:00+00:00"),
        ("2026-11-10T16:00:00+01:00", "moved", "ics:weekly:2026-11-09T10:00:00+00:00"),
        ("2026-11-16T11:00:00+01:00", "weekly title", "ics:weekly:2026-11-16T10:00:00+00:00"),
        ("2026-11-23T11:00:00+01:00", "weekly title", "ics:weekly:2026-11-23T10:00:00+00:00"),
    ]


@pytest.mark.parametrize(
    ("huge", "said"),
    [
        ("SUMMARY:" + "z" * (3 << 20), "a line of 3 MB"),  # one physical line
        ("DESCRIPTION:" + "\r\n ".join(["y" * 73] * 70_000), "over 4 MB"),  # folded, 5 MB in all
    ],
)
def test_a_huge_line_skips_its_event_only(store, tmp_path, huge, said):
    big = event("huge-1", "20261119T100000Z", *WITH_SAM, huge)
    path = tmp_path / "huge.ics"
    path.write_bytes(
        calendar(
            event("before", "20261118T100000Z", *WITH_SAM),
            big,
            event("after", "20261120T100000Z", *WITH_SAM),
        ).encode()
    )
    result = ics.run(store, str(path), me=ME)
    assert result.added == 2
    assert sorted(people(store)) == ["after title", "before title"]
    assert len(result.problems) == 1
    assert result.problems[0].startswith("event 'huge-1'")
    assert said in result.problems[0]


def test_no_attendee_anywhere_adds_nothing_and_says_why(store, tmp_path):
    solo = "".join(event(f"solo-{n}", f"202611{d:02d}T100000Z") for n, d in enumerate((2, 9, 16)))
    path = tmp_path / "solo.ics"
    path.write_bytes(
        calendar(
            solo,
            event("all-day", "X").replace(
                "DTSTART:X\r\nDURATION:PT30M", "DTSTART;VALUE=DATE:20261112"
            ),
        ).encode()
    )
    result = ics.run(store, str(path))
    assert result.added == 0
    assert result.details[-1] == "left out: 4 no attendees"  # nobody invited: never parsed
    assert store.all_entries("interaction") == []


def test_routines_nobody_is_invited_to_are_said_as_skipped_not_silently_dropped(store, tmp_path):
    """A personal calendar is mostly series with nobody invited (the gym, a reminder): each one
    that may occur in the window is told as skipped, like a single event; a series over before
    the window is not, nor one of COUNT occurrences that began before it (only expanding it
    would tell)."""
    path = tmp_path / "personal.ics"
    path.write_bytes(
        calendar(
            event("gym", "20250106T070000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO"),
            event("standup-note", "20261102T090000Z", "RRULE:FREQ=DAILY;COUNT=20"),
            event("old-course", "20240101T180000Z", "RRULE:FREQ=WEEKLY;UNTIL=20240601T000000Z"),
            event("old-count", "20240101T180000Z", "RRULE:FREQ=WEEKLY;COUNT=10"),
            event("dentist", "20240301T080000Z", "RDATE:20261110T080000Z,20270110T080000Z"),
            event("sync", "20261110T100000Z", *WITH_SAM),
        ).encode()
    )
    result = ics.run(store, str(path), me=ME)
    assert result.added == 1
    assert result.details[-1] == "left out: 3 no attendees"  # gym, standup-note, dentist


def test_only_events_that_can_matter_are_parsed(store, tmp_path, monkeypatch):
    """Events far outside the window that never recur are never handed to icalendar (what keeps
    a 200,000-event calendar to seconds and bounded memory); who is me still counts them."""
    import icalendar

    parsed: list[bytes] = []
    real = icalendar.Calendar.from_ical

    def spy(text, *args, **kwargs):
        parsed.append(text if isinstance(text, bytes) else text.encode())
        return real(text, *args, **kwargs)

    monkeypatch.setattr(icalendar.Calendar, "from_ical", spy)
    old = "".join(
        event(
            f"old-{n}",
            f"2016{m:02d}10T100000Z",
            f"ATTENDEE:mailto:{ME}",
            "ATTENDEE:mailto:ann@example.com",
        )
        for n, m in enumerate(range(1, 13))
    )
    later = event("later", "20300101T100000Z", f"ATTENDEE:mailto:{ME}")
    path = tmp_path / "many.ics"
    path.write_bytes(calendar(old, later, event("now", "20261120T100000Z", *WITH_SAM)).encode())
    result = ics.run(store, str(path))
    assert result.added == 1 and people(store) == {"now title": ("Sam Lee",)}
    text = b"".join(parsed)
    assert b"UID:now" in text
    assert b"UID:old-" not in text and b"UID:later" not in text
