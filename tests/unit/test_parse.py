"""DURATION and WHEN parsing, table-driven: every form PRODUCT.md lists, variants and rejects."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import parse as p
from journal.clock import now as clock_now
from journal.errors import BadInput

# The pinned clock of tests/conftest.py: Thursday 2026-11-26 15:00 in Europe/Berlin (+01:00).
CET = dt.timezone(dt.timedelta(hours=1))
CEST = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def now() -> dt.datetime:
    return clock_now()


def test_the_pinned_clock_is_a_thursday_afternoon_in_berlin(now):
    assert now == dt.datetime(2026, 11, 26, 15, 0, tzinfo=CET)
    assert now.weekday() == 3
    assert now.utcoffset() == dt.timedelta(hours=1)


# --- DURATION ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("45", 45),
        ("45m", 45),
        ("1h", 60),
        ("1h30", 90),
        ("1.5h", 90),
        ("45min", 45),
        ("45mins", 45),
        ("45 minutes", 45),
        ("1 minute", 1),
        ("45M", 45),
        (" 45m ", 45),
        ("1h30m", 90),
        ("1h 30m", 90),
        ("1 h 30", 90),
        ("1h05", 65),
        ("2hrs", 120),
        ("1hour", 60),
        ("2hours", 120),
        ("1hr30", 90),
        ("0.25h", 15),
        (".5h", 30),
        ("1.h", 60),
        ("01h", 60),
        ("1", 1),
        ("1440", 1440),
        ("24h", 1440),
        ("23h59", 1439),
        ("2.5", 3),
        ("1.5m", 2),
        ("0.5", 1),
        ("1h59", 119),
    ],
)
def test_duration_forms(text, minutes):
    assert p.parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "0m",
        "0h",
        "1441",
        "24h1",
        "25h",
        "abc",
        "-5",
        "-5m",
        "1.5.5",
        "",
        " ",
        "h",
        "m",
        "hm",
        "1m30",
        "1mh",
        "1h30h",
        "1..5h",
        ".",
        "1.5h30",
        "1h.5",
        "1h60",
        "1h99",
        "1e3",
        "²",
        "1²h",
        "٣",
        "45s",
        "1d",
        "0.4",
        "forty",
        "1,5h",
        "+5",
        "nan",
        "inf",
    ],
)
def test_duration_rejects_name_the_value_and_the_forms(text):
    with pytest.raises(BadInput) as caught:
        p.parse_duration(text)
    message = str(caught.value)
    assert repr(text) in message
    assert "45m" in message and "1h30" in message
    assert "\n" not in message


def test_duration_out_of_range_says_how_many_minutes():
    with pytest.raises(BadInput, match="1441 minutes"):
        p.parse_duration("1441")


# --- WHEN --------------------------------------------------------------------------------------


def at(day: str, hhmm: str = "12:00", tz: dt.tzinfo = CET) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=tz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO date -> 12:00; ISO date-time, with and without offset
        ("2026-11-20", at("2026-11-20")),
        ("2026-11-20T14:30", at("2026-11-20", "14:30")),
        ("2026-11-20 14:30", at("2026-11-20", "14:30")),
        ("2026-11-20T14:30:45", at("2026-11-20", "14:30:45")),
        ("2026-11-20T14:30+01:00", at("2026-11-20", "14:30")),
        ("2026-11-20T13:30Z", at("2026-11-20", "14:30")),
        ("2026-11-20T14:30+05:30", at("2026-11-20", "10:00")),
        ("2026-11-26T14:00+00:00", at("2026-11-26", "15:00")),
        # words
        ("today", at("2026-11-26")),
        ("TODAY", at("2026-11-26")),
        ("now", at("2026-11-26", "15:00")),
        ("yesterday", at("2026-11-25")),
        ("14:30", at("2026-11-26", "14:30")),
        ("9:05", at("2026-11-26", "09:05")),
        ("00:00", at("2026-11-26", "00:00")),
        ("3pm", at("2026-11-26", "15:00")),
        ("9am", at("2026-11-26", "09:00")),
        ("12am", at("2026-11-26", "00:00")),
        ("yesterday 15:00", at("2026-11-25", "15:00")),
        ("yesterday 23:59", at("2026-11-25", "23:59")),
        ("today 8:15", at("2026-11-26", "08:15")),
        ("  yesterday   15:00 ", at("2026-11-25", "15:00")),
        # weekdays: the most recent one; the pinned Thursday's `thu` is today
        ("mon", at("2026-11-23")),
        ("monday", at("2026-11-23")),
        ("Tue", at("2026-11-24")),
        ("wed", at("2026-11-25")),
        ("thu", at("2026-11-26")),
        ("thursday", at("2026-11-26")),
        ("fri", at("2026-11-20")),
        ("sat", at("2026-11-21")),
        ("sunday", at("2026-11-22")),
        ("mon 9:30", at("2026-11-23", "09:30")),
        ("fri 17:00", at("2026-11-20", "17:00")),
        # ago
        ("3 days ago", at("2026-11-23")),
        ("1 day ago", at("2026-11-25")),
        ("0 days ago", at("2026-11-26")),
        ("3d ago", at("2026-11-23")),
        ("2 weeks ago", at("2026-11-12")),
        ("90 minutes ago", at("2026-11-26", "13:30")),
        ("2 hours ago", at("2026-11-26", "13:00")),
        ("20 min ago", at("2026-11-26", "14:40")),
        # words of issue 15: "at", named times, "last <weekday>", a time after "ago"
        ("noon", at("2026-11-26", "12:00")),
        ("midnight", at("2026-11-26", "00:00")),
        ("yesterday at 14:00", at("2026-11-25", "14:00")),
        ("yesterday noon", at("2026-11-25", "12:00")),
        ("today at 9am", at("2026-11-26", "09:00")),
        ("at 9:30", at("2026-11-26", "09:30")),
        ("last friday", at("2026-11-20")),
        ("last fri 17:00", at("2026-11-20", "17:00")),
        ("last thursday", at("2026-11-19")),  # today is a Thursday: a week ago
        ("last wed", at("2026-11-25")),
        ("2 days ago 10:00", at("2026-11-24", "10:00")),
        ("2 days ago at 10:00", at("2026-11-24", "10:00")),
        ("1 week ago 9am", at("2026-11-19", "09:00")),
        # dateutil forms (loaded only for these)
        ("Nov 20", at("2026-11-20")),
        ("20 November 2026", at("2026-11-20")),
        ("Nov 20 2026 10am", at("2026-11-20", "10:00")),
        ("Nov 20 2026 00:00", at("2026-11-20", "00:00")),
    ],
)
def test_when_forms_for_entries(text, expected, now):
    moment = p.entry_time(text, now)
    assert moment == expected
    assert moment.utcoffset() == expected.utcoffset()
    assert moment.microsecond == 0 or "." in text


def test_no_when_means_now(now):
    assert p.entry_time(None, now) == now


def test_today_means_now_while_noon_is_still_ahead():
    morning = dt.datetime(2026, 11, 26, 9, 0, tzinfo=CET)
    assert p.entry_time("today", morning) == morning
    assert p.entry_time("thu", morning) == morning
    assert p.entry_time("yesterday", morning) == at("2026-11-25")


def test_monday_on_a_monday_is_today():
    monday = dt.datetime(2026, 11, 23, 15, 0, tzinfo=CET)
    assert p.entry_time("mon", monday) == at("2026-11-23")
    assert p.entry_time("tue", monday) == at("2026-11-17")


@pytest.mark.parametrize(
    "text",
    [
        "16:00",
        "2026-11-27",
        "2026-11-26T15:30",
        "2026-12-01",
        "23:59",
        "Dec 24",
        "2026-11-26T15:00-01:00",
    ],
)
def test_the_future_is_refused_for_entries(text, now):
    with pytest.raises(BadInput) as caught:
        p.entry_time(text, now)
    assert repr(text) in str(caught.value)


def test_a_minute_of_clock_skew_is_allowed(now):
    assert p.entry_time("2026-11-26T15:01", now) == at("2026-11-26", "15:01")


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2026-12-31", at("2026-12-31", "00:00"), at("2026-12-31", "23:59:59.999999")),
        ("2026-11-26", at("2026-11-26", "00:00"), at("2026-11-26", "23:59:59.999999")),
        ("16:00", at("2026-11-26", "16:00"), at("2026-11-26", "16:00")),
        ("mon", at("2026-11-23", "00:00"), at("2026-11-23", "23:59:59.999999")),
        ("2027-07-01", at("2027-07-01", "00:00", CEST), at("2027-07-01", "23:59:59.999999", CEST)),
        # periods: a --since starts on their first day, an --until ends on their last
        ("this week", at("2026-11-23", "00:00"), at("2026-11-29", "23:59:59.999999")),
        ("last week", at("2026-11-16", "00:00"), at("2026-11-22", "23:59:59.999999")),
        ("This  Month", at("2026-11-01", "00:00"), at("2026-11-30", "23:59:59.999999")),
        (
            "last month",
            at("2026-10-01", "00:00", CEST),
            at("2026-10-31", "23:59:59.999999", CET),
        ),
        ("this year", at("2026-01-01", "00:00"), at("2026-12-31", "23:59:59.999999")),
        ("last year", at("2025-01-01", "00:00"), at("2025-12-31", "23:59:59.999999")),
    ],
)
def test_filters_may_name_any_day(text, first, last, now):
    assert p.range_start(text, now) == first
    assert p.range_end(text, now) == last
    assert p.filter_day(text, now) == first.date()
    assert p.filter_day(text, now, end=True) == last.date()


def test_last_month_in_january_is_december():
    january = dt.datetime(2027, 1, 10, 9, 0, tzinfo=CET)
    assert p.parse_period("last month", january) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert p.parse_period("this month", january) == (dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    assert p.parse_period("next month", january) is None


def test_a_period_is_not_a_moment_for_an_entry(now):
    with pytest.raises(BadInput) as caught:
        p.entry_time("last month", now)
    assert "'last month'" in str(caught.value)


def test_a_filter_error_lists_the_periods(now):
    with pytest.raises(BadInput) as caught:
        p.range_start("next week", now)
    assert "this month" in str(caught.value) and "'next week'" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "abc",
        "tomorrow",
        "next week",
        "2026-13-01",
        "2026-02-30",
        "25:00",
        "14:60",
        "yesterday 25:00",
        "mon 9:99",
        "last",
        "last monday 25:00",
        "2 hours ago 10:00",
        "2 days ago noonish",
        "3 parsecs ago",
        "x days ago",
        "-3 days ago",
        "maybe",
        "²:30",
        "1²h",
        "0001-01-01",
        "9999-12-31",
        "1899-12-31",
        "999999999 days ago",
        "99999999999 minutes ago",
        "0001-01-01T00:00+14:00",
    ],
)
def test_when_rejects_name_the_value(text, now):
    for parse in (p.entry_time, p.range_start, p.range_end, p.entry_day):
        with pytest.raises(BadInput) as caught:
            parse(text, now)
        assert repr(text) in str(caught.value)
        assert "\n" not in str(caught.value)


def test_entry_day(now):
    assert p.entry_day(None, now) == dt.date(2026, 11, 26)
    assert p.entry_day("yesterday", now) == dt.date(2026, 11, 25)
    assert p.entry_day("mon", now) == dt.date(2026, 11, 23)
    assert p.entry_day("2026-11-26T23:00", now) == dt.date(2026, 11, 26)
    with pytest.raises(BadInput, match="future"):
        p.entry_day("2026-11-27", now)


# --- DST in Europe/Berlin ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spring forward on 2026-03-29 at 02:00 -> 03:00
        ("2026-03-29", at("2026-03-29", "12:00", CEST)),
        ("2026-03-29T01:30", at("2026-03-29", "01:30", CET)),
        ("2026-03-29T03:30", at("2026-03-29", "03:30", CEST)),
        ("2026-03-28", at("2026-03-28", "12:00", CET)),
        # fall back on 2026-10-25 at 03:00 -> 02:00
        ("2026-10-25", at("2026-10-25", "12:00", CET)),
        ("2026-10-24", at("2026-10-24", "12:00", CEST)),
        ("2026-10-25T01:30", at("2026-10-25", "01:30", CEST)),
        ("2026-10-25T04:00", at("2026-10-25", "04:00", CET)),
        # an offset given in summer lands on summer wall time, not on today's +01:00
        ("2026-07-01T10:00+00:00", at("2026-07-01", "12:00", CEST)),
        ("2026-07-01T10:00Z", at("2026-07-01", "12:00", CEST)),
    ],
)
def test_dst_offsets(text, expected, now):
    moment = p.entry_time(text, now)
    assert moment == expected
    assert moment.utcoffset() == expected.utcoffset()
    assert moment.isoformat().endswith(expected.isoformat()[-6:])


def test_weekday_across_the_spring_change():
    tuesday = dt.datetime(2026, 3, 31, 9, 0, tzinfo=CEST)
    saturday = p.entry_time("sat", tuesday)
    assert saturday == at("2026-03-28", "12:00", CET)
    assert saturday.utcoffset() == dt.timedelta(hours=1)
    assert p.entry_time("2 days ago", tuesday).utcoffset() == dt.timedelta(hours=2)


# --- small values ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [("1", 1), (" 5 ", 5), ("3", 3)])
def test_parse_int(text, value):
    assert p.parse_int(text, 1, 5, "level") == value


@pytest.mark.parametrize("text", ["0", "6", "-1", "3.0", "x", "", "²", "٣", "1e0", None])
def test_parse_int_rejects(text):
    with pytest.raises(BadInput, match="1 to 5"):
        p.parse_int(text, 1, 5, "level")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("learn", "learn"),
        ("LEARN", "learn"),
        ("aug", "augment"),
        ("in-person", "in_person"),
        ("in person", "in_person"),
        ("Video", "video"),
    ],
)
def test_parse_choice(text, value):
    from journal import vocab

    assert p.parse_choice(vocab.PURPOSES + vocab.CHANNELS, text, "x") == value


@pytest.mark.parametrize("text", ["", "a", "foo", "c"])  # "a" and "c" are ambiguous prefixes
def test_parse_choice_rejects(text):
    from journal import vocab

    with pytest.raises(BadInput, match="use one of: learn, augment"):
        p.parse_choice(vocab.PURPOSES + vocab.CHANNELS, text, "purpose")


def test_people_lists():
    assert p.parse_people("Sam") == ["Sam"]
    assert p.parse_people("Sam, Priya") == ["Sam", "Priya"]
    assert p.parse_people(" Sam ,priya,  SAM , ") == ["Sam", "priya"]
    assert p.parse_people("Mary  Ann") == ["Mary Ann"]
    for bad in ("", " ", ",", " , ", "Sam\x07"):
        with pytest.raises(BadInput):
            p.parse_people(bad)


def test_text_and_tags():
    assert p.parse_text("  Claude  Code ", "tool") == "Claude Code"
    assert p.parse_text("", "skill", required=False) is None
    with pytest.raises(BadInput, match="empty"):
        p.parse_text("  ", "tool")
    with pytest.raises(BadInput, match="at most 200"):
        p.parse_text("x" * 201, "tool")
    assert p.parse_tags(["#work", "a,b", "work"]) == ["work", "a", "b"]
    assert p.parse_tags(None) == []
    assert p.parse_note("  hello ") == "hello"
    assert p.parse_note("   ") is None
    with pytest.raises(BadInput, match="NUL"):
        p.parse_note("a\x00b")
