"""Conversion between stored column values and journal.models records (no SQL here)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from journal import models as m


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _day(value: str | None) -> dt.date:
    return dt.date.fromisoformat(value) if value else dt.date.min


def to_model(table: str, row: dict[str, Any]) -> m.Entry:
    common = {
        "id": row["id"],
        "created_at": _time(row["created_at"]),
        "updated_at": _time(row["updated_at"]),
        "deleted_at": _time(row.get("deleted_at")),
        "note": row.get("note"),
        "tags": tuple(json.loads(row.get("tags") or "[]")),
        "source": row.get("source"),
    }
    if table == "ai_session":
        return m.AISession(**common, started_at=_time(row["started_at"]), minutes=row["minutes"],
                           tool=row["tool"], purpose=m.Purpose(row["purpose"]),
                           instead_of_person=bool(row["instead_of_person"]), skill=row["skill"],
                           day=_day(row["day"]))
    if table == "interaction":
        return m.Interaction(**common, at=_time(row["at"]), minutes=row["minutes"],
                             people=tuple(json.loads(row.get("people") or "[]")),
                             kind=m.Kind(row["kind"]), channel=m.Channel(row["channel"]),
                             quality=row["quality"], initiated=bool(row["initiated"]),
                             day=_day(row["day"]))
    if table == "person":
        return m.Person(**common, name=row["name"], relation=m.Relation(row["relation"]))
    if table == "energy":
        return m.Energy(**common, at=_time(row["at"]), level=row["level"], day=_day(row["day"]))
    if table == "checkin":
        return m.CheckIn(**common, day=_day(row["day"]), trust_ai=row["trust_ai"],
                         trust_team=row["trust_team"], connection=row["connection"])
    if table == "who5":
        items = tuple(json.loads(row["items"]))
        return m.Who5(**common, day=_day(row["day"]), items=items)  # type: ignore[arg-type]
    if table == "intention":
        return m.Intention(**common, insight_id=row["insight_id"], action_id=row["action_id"],
                           text=row["text"], done_at=_time(row["done_at"]),
                           dismissed_at=_time(row["dismissed_at"]))
    raise ValueError(f"unknown table {table!r}")


