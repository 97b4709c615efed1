"""journal.present: labels, units and relative days, shared by the CLI, the TUI and the exports."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import models, present, vocab

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (0, "today"),
        (1, "yesterday"),
        (13, "13 days ago"),
        (14, "2 weeks ago"),
        (59, "8 weeks ago"),
        (60, "2 months ago"),
        (-1, "today"),
    ],
)
def test_ago(days, text):
    assert present.ago(TODAY - dt.timedelta(days=days), TODAY) == text


def test_ago_never():
    assert present.ago(None, TODAY) == "never"


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (0, "today"),
        (1, "yesterday"),
        (13, "13 days ago"),
        (14, "14 days ago"),
        (59, "59 days ago"),
        (60, "60 days ago"),
    ],
)
def test_days_ago(days, text):
    assert present.days_ago(days) == text


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (0, "today"),
        (1, "yesterday"),
        (2, "2026-11-24"),
        (60, "2026-09-27"),
        (-1, "2026-11-27"),
    ],
)
def test_day_text(days, text):
    assert present.day_text(TODAY - dt.timedelta(days=days), TODAY) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "–"),
        (0, "0m"),
        (59, "59m"),
        (60, "1h"),
        (61, "1h 01m"),
        (125, "2h 05m"),
        (1220, "20h 20m"),
    ],
)
def test_minutes(value, text):
    assert present.minutes(value) == text


@pytest.mark.parametrize(
    ("n", "word", "text"),
    [
        (1, "day", "1 day"),
        (2, "day", "2 days"),
        (0, "day", "0 days"),
        (1, "entry", "1 entry"),
        (3, "entry", "3 entries"),
        (1, "session", "1 session"),
        (2, "check-in", "2 check-ins"),
    ],
)
def test_counts_say_one_and_many(n, word, text):
    assert present.count(n, word) == text


@pytest.mark.parametrize(("value", "text"), [(45, "45m"), (210, "3.5h"), (600, "10h")])
def test_hours(value, text):
    assert present.hours(value) == text


def test_every_entry_type_and_vocabulary_value_has_a_label():
    types = {
        cls.TYPE
        for cls in (
            models.AISession,
            models.Interaction,
            models.Energy,
            models.CheckIn,
            models.Who5,
        )
    }
    for table in (present.TYPE_LABELS, present.TYPE_COUNT_LABELS, present.TYPE_NAMES):
        assert set(table) == types
    assert tuple(present.PURPOSE_LABELS) == vocab.PURPOSES
    assert tuple(present.CHANNEL_LABELS) == vocab.CHANNELS
    assert present.CHANNEL_LABELS["in_person"] == "in person"
