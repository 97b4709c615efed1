"""Domain models: the vocabularies, the JSONL record form, the WHO-5 bands."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import models as m
from journal import vocab

CET = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 26, 15, 0, tzinfo=CET)
COMMON = {"id", "created_at", "updated_at", "deleted_at", "note", "tags", "source"}


@pytest.mark.parametrize(
    ("values", "enum"),
    [
        (vocab.PURPOSES, m.Purpose),
        (vocab.KINDS, m.Kind),
        (vocab.CHANNELS, m.Channel),
        (vocab.RELATIONS, m.Relation),
    ],
)
def test_vocab_tuples_equal_the_enums(values, enum):
    assert values == tuple(member.value for member in enum)


def test_augmentation_and_classified_purposes():
    assert m.AUGMENTATION == {m.Purpose.LEARN, m.Purpose.AUGMENT}
    assert m.Purpose.UNCLASSIFIED not in m.CLASSIFIED and len(m.CLASSIFIED) == 4


def _common(**extra):  # noqa: ANN003, ANN202
    return {"id": "ab" * 16, "created_at": NOW, "updated_at": NOW, **extra}


RECORDS = [
    (
        m.AISession(**_common(), started_at=NOW, minutes=30, tool="Claude"),
        {"started_at", "minutes", "tool", "purpose", "instead_of_person", "skill"},
    ),
    (
        m.Interaction(**_common(), at=NOW, minutes=30, people=("Sam",)),
        {"at", "minutes", "people", "kind", "channel", "quality", "initiated"},
    ),
    (m.Person(**_common(), name="Sam"), {"name", "relation"}),
    (m.Energy(**_common(), at=NOW, level=3), {"at", "level"}),
    (
        m.CheckIn(**_common(), day=NOW.date(), trust_ai=3, trust_team=4),
        {"day", "trust_ai", "trust_team", "connection"},
    ),
    (m.Who5(**_common(), day=NOW.date(), items=(1, 2, 3, 4, 5)), {"day", "items"}),
    (
        m.Intention(**_common(), insight_id="i", action_id="i/a", text="t"),
        {"insight_id", "action_id", "text", "done_at", "dismissed_at"},
    ),
]


@pytest.mark.parametrize(("entry", "fields"), RECORDS, ids=lambda v: getattr(v, "TYPE", ""))
def test_record_form_has_exactly_the_product_fields(entry, fields):
    record = m.to_record(entry)
    assert next(iter(record)) == "type" and record["type"] == entry.TYPE
    assert set(record) == {"type"} | COMMON | fields
    assert record["created_at"] == "2026-11-26T15:00:00+01:00"
    assert record["tags"] == [] and record["deleted_at"] is None


def test_record_values_are_plain_json():
    ai, interaction = RECORDS[0][0], RECORDS[1][0]
    assert m.to_record(ai)["purpose"] == "unclassified"
    assert m.to_record(interaction)["people"] == ["Sam"]
    assert m.to_record(interaction)["channel"] == "in_person"
    assert m.to_record(RECORDS[4][0])["day"] == "2026-11-26"
    assert m.to_record(RECORDS[5][0])["items"] == [1, 2, 3, 4, 5]


def test_record_types_and_short_names():
    assert set(m.RECORD_TYPES) == {
        "ai_session",
        "interaction",
        "person",
        "energy",
        "checkin",
        "who5",
        "intention",
        "profile",
        "pause",
        "mute",
        "experiment",
    }
    assert m.SHORT_TYPES["ai"] == "ai_session" and m.SHORT_TYPES["met"] == "interaction"
    assert set(m.TIMELINE_TYPES) <= set(m.RECORD_TYPES)


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (100, "no sign"),
        (52, "no sign"),
        (50, "low wellbeing"),
        (32, "low wellbeing"),
        (28, "professional"),
        (0, "professional"),
    ],
)
def test_who5_bands(percent, band):
    assert band in m.who5_band(percent)


def test_who5_score_and_wording():
    who5 = RECORDS[5][0]
    assert (who5.raw, who5.percent) == (15, 60)
    assert "not a diagnosis" in m.WHO5_DISCLAIMER
    assert "Psychiatric Research Unit" in m.WHO5_CITATION
    assert "North Zealand" in m.WHO5_CITATION
    assert len(m.WHO5_ITEMS) == 5 and len(m.WHO5_SCALE) == 6


def test_entry_time_orders_day_records_at_noon():
    assert m.entry_time(RECORDS[0][0]) == NOW
    assert m.entry_time(RECORDS[4][0]).hour == 12
    assert m.entry_time(RECORDS[2][0]) == NOW  # a person: when it was created


def test_models_are_frozen():
    with pytest.raises(AttributeError):
        RECORDS[0][0].minutes = 5  # type: ignore[misc]
