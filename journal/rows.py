"""Conversion between stored column values and journal.models records (no SQL here).

The engine and History read thousands of rows at a time, so records are built the way unpickling
builds them (fields set straight into a new instance) rather than through each frozen dataclass's
__init__, which would cost more than the query. Every field is set here, so nothing relies on
the dataclass defaults.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from journal import models as m

_PURPOSES = {p.value: p for p in m.Purpose}
_KINDS = {k.value: k for k in m.Kind}
_CHANNELS = {c.value: c for c in m.Channel}
_RELATIONS = {r.value: r for r in m.Relation}
_ROLES = {r.value: r for r in m.Role}
_WEEKDAY = {name: n for n, name in enumerate(m.WEEKDAYS)}
_time = dt.datetime.fromisoformat


def _maybe_time(value: str | None) -> dt.datetime | None:
    return _time(value) if value else None


def _whole(value: Any) -> int:
    """A stored count (minutes, a level): an int, or the row is damaged."""
    if type(value) is not int:
        raise ValueError(f"{value!r} is not a whole number")
    return value


def _day(value: str | None) -> dt.date:
    return dt.date.fromisoformat(value) if value else dt.date.min


def _build(cls: type[m.Entry], fields: dict[str, Any]) -> m.Entry:
    entry = object.__new__(cls)
    entry.__dict__.update(fields)
    return entry


def to_model(table: str, row: dict[str, Any]) -> m.Entry:
    tags = row.get("tags")
    fields: dict[str, Any] = {
        "id": row["id"],
        "created_at": _time(row["created_at"]),
        "updated_at": _time(row["updated_at"]),
        "deleted_at": _maybe_time(row.get("deleted_at")),
        "note": row.get("note"),
        "tags": () if tags in (None, "[]") else tuple(json.loads(tags)),
        "source": row.get("source"),
    }
    if table == "ai_session":
        fields.update(
            started_at=_time(row["started_at"]),
            minutes=_whole(row["minutes"]),
            tool=row["tool"],
            purpose=_PURPOSES[row["purpose"]],
            instead_of_person=bool(row["instead_of_person"]),
            skill=row["skill"],
            day=_day(row["day"]),
        )
        return _build(m.AISession, fields)
    if table == "interaction":
        fields.update(
            at=_time(row["at"]),
            minutes=_whole(row["minutes"]),
            people=tuple(json.loads(row.get("people") or "[]")),
            kind=_KINDS[row["kind"]],
            channel=_CHANNELS[row["channel"]],
            quality=row["quality"],
            initiated=bool(row["initiated"]),
            day=_day(row["day"]),
        )
        return _build(m.Interaction, fields)
    if table == "person":
        fields.update(name=row["name"], relation=_RELATIONS[row["relation"]])
        return _build(m.Person, fields)
    if table == "energy":
        fields.update(at=_time(row["at"]), level=_whole(row["level"]), day=_day(row["day"]))
        return _build(m.Energy, fields)
    if table == "checkin":
        fields.update(
            day=_day(row["day"]),
            trust_ai=row["trust_ai"],
            trust_team=row["trust_team"],
            connection=row["connection"],
        )
        return _build(m.CheckIn, fields)
    if table == "who5":
        fields.update(day=_day(row["day"]), items=tuple(json.loads(row["items"])))
        return _build(m.Who5, fields)
    if table == "intention":
        fields.update(
            insight_id=row["insight_id"],
            action_id=row["action_id"],
            text=row["text"],
            done_at=_maybe_time(row["done_at"]),
            dismissed_at=_maybe_time(row["dismissed_at"]),
        )
        return _build(m.Intention, fields)
    if table == "profile":
        workdays = row.get("workdays")
        fields.update(
            role=_ROLES[row["role"]],
            workdays=(
                m.DEFAULT_WORKDAYS
                if workdays is None
                else tuple(_WEEKDAY[d] for d in json.loads(workdays))
            ),
            augmentation_target=row["augmentation_target"],
        )
        return _build(m.Profile, fields)
    if table == "pause":
        fields.update(
            from_day=_day(row["from_day"]), to_day=_day(row["to_day"]), reason=row["reason"]
        )
        return _build(m.Pause, fields)
    if table == "mute":
        fields.update(insight_id=row["insight_id"], until=_day(row["until"]))
        return _build(m.Mute, fields)
    if table == "experiment":
        fields.update(
            name=row["name"],
            change=row["change"],
            days=row["days"],
            measures=tuple(json.loads(row["measures"] or "[]")),
            design=row["design"],
            started_day=_day(row["started_day"]),
            seed=row["seed"],
            ended_at=_maybe_time(row["ended_at"]),
        )
        return _build(m.Experiment, fields)
    raise ValueError(f"unknown table {table!r}")
