"""Merge a JSONL backup (`export --format jsonl`, from this device or another) into the journal.

Every line is validated before anything is written; a bad line raises BadInput naming file:line
and what is wrong. Then one transaction (one undo step) applies the merge rules:

- a new id is added (a tombstone too, so an older live copy cannot come back later);
- an existing id is replaced only by a record with a later `updated_at` (same instant: a deletion
  wins, then the greater canonical JSON, so two devices always pick the same one); a record
  without `updated_at` never replaces anything;
- a tombstone (`deleted_at` set) that wins deletes the entry;
- people: names are unique (case-insensitive) among live people. When two devices created the
  same name under different ids, the older person row (earlier `created_at`, then smaller id)
  stays live, the other becomes a tombstone and its interactions move to the one that stays;
- check-ins: one live per day. When two ids hold the same day, the later `updated_at` (then the
  greater id) stays live and the other becomes a tombstone;
- interactions name their people; names map to live people case-insensitively, and names not
  on the roster join it.

So importing the same file twice changes nothing, and two journals that exchange JSONL both ways
end with equal content. A loser of the person/check-in rules is stamped with the import's time,
so the next exchange carries that decision back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Callable
from typing import Any

from journal import models as m
from journal import names, service, vocab
from journal.clock import localize
from journal.clock import now as clock_now
from journal.errors import BadInput
from journal.importers import ImportResult
from journal.importers._bounds import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_LINE,
    BadNumber,
    Refused,
    in_range,
    lines,
    loads,
    open_regular,
    shown,
)
from journal.metrics import MAX_MINUTES
from journal.store import JournalStore

REQUIRED = object()
TIMED = {"ai_session": "started_at", "interaction": "at", "energy": "at"}


# --- field checkers: value -> python value, or ValueError("what is wrong") ----------------------


def _when(value: Any) -> dt.datetime:
    if not isinstance(value, str) or len(value) < 16:
        raise ValueError(
            f"{value!r} is not a date-time; use ISO 8601 such as 2026-11-20T14:30:00+01:00"
        )
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not a date-time; use ISO 8601 such as 2026-11-20T14:30:00+01:00"
        ) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise Refused(f"is {shown(value)}, not a time from {FIRST_YEAR} to {LAST_YEAR}")
    return in_range(moment if moment.tzinfo else localize(moment), "", value)


def _opt_when(value: Any) -> dt.datetime | None:
    return None if value is None else _when(value)


def _day(value: Any) -> dt.date:
    try:
        if isinstance(value, str) and len(value) == 10:
            day = dt.date.fromisoformat(value)
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise Refused(f"is {value!r}, not a day from {FIRST_YEAR} to {LAST_YEAR}")
            return day
    except ValueError:
        pass
    raise ValueError(f"{value!r} is not a day; use YYYY-MM-DD")


def _int(lo: int, hi: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, BadNumber):
            raise Refused(f"is {value}; use a whole number from {lo} to {hi}")
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise ValueError(f"{value!r} is not accepted; use a whole number from {lo} to {hi}")
        return value

    return check


def _opt_int(lo: int, hi: int) -> Callable[[Any], int | None]:
    check = _int(lo, hi)
    return lambda value: None if value is None else check(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not accepted; use true or false")
    return value


def _choice(values: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in values:
            raise ValueError(f"{value!r} is not accepted; use one of: {', '.join(values)}")
        return str(value)

    return check


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{value!r} is not accepted; use non-empty text")
    if "\x00" in value:
        raise ValueError("contains a NUL character; use plain text")
    return value


def _opt_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _strings(value: Any, *, at_least: int = 0) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < at_least:
        need = f"at least {at_least} " if at_least else ""
        raise ValueError(f"{value!r} is not accepted; use a list of {need}text values")
    return tuple(_text(v) for v in value)


def _workdays(value: Any) -> tuple[int, ...]:
    """A list of weekday names (the record form), or the words `profile --workdays` takes
    (`mon-fri`, `sun-thu`, `mon,tue,thu`), or weekday numbers 0..6 (Monday 0)."""
    from journal.profile import parse_workdays

    accepted = f"use a list of weekday names ({', '.join(m.WEEKDAYS)}) or a range like mon-fri"
    if isinstance(value, str):
        try:
            return parse_workdays(value)
        except BadInput:
            raise ValueError(f"{value!r} is not accepted; {accepted}") from None
    if not isinstance(value, list) or not value:
        raise ValueError(f"{value!r} is not accepted; {accepted}")
    days: set[int] = set()
    for v in value:
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 6:
            days.add(v)
        elif isinstance(v, str) and v.strip().lower()[:3] in m.WEEKDAYS:
            days.add(m.WEEKDAYS.index(v.strip().lower()[:3]))
        else:
            raise ValueError(f"{value!r} is not accepted; {accepted}")
    return tuple(sorted(days))


def _insight_id(value: Any) -> str:
    from journal.profile import check_insight_id

    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not accepted; use an insight id such as trust-streak")
    try:
        return check_insight_id(value)
    except BadInput as err:
        raise ValueError(str(err).removeprefix("insight id ")) from None


def _measures(value: Any) -> tuple[str, ...]:
    accepted = f"use a list of one or more of: {', '.join(m.MEASURES)}"
    if not isinstance(value, list) or not value:
        raise ValueError(f"{value!r} is not accepted; {accepted}")
    if any(not isinstance(v, str) or v not in m.MEASURES for v in value):
        raise ValueError(f"{value!r} is not accepted; {accepted}")
    return tuple(dict.fromkeys(value))


def _items(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or len(value) != 5:
        raise ValueError(f"{value!r} is not accepted; use a list of five numbers from 0 to 5")
    check = _int(0, 5)
    return tuple(check(v) for v in value)


COMMON: dict[str, tuple[Callable[[Any], Any], Any]] = {
    "created_at": (_when, None),
    "updated_at": (_when, None),
    "deleted_at": (_opt_when, None),
    "note": (_opt_text, None),
    "tags": (_strings, ()),
    "source": (_opt_text, None),
}
FIELDS: dict[str, dict[str, tuple[Callable[[Any], Any], Any]]] = {
    "ai_session": {
        "started_at": (_when, REQUIRED),
        "minutes": (_int(1, MAX_MINUTES), REQUIRED),
        "tool": (_text, REQUIRED),
        "purpose": (_choice(vocab.PURPOSES), "unclassified"),
        "instead_of_person": (_bool, False),
        "skill": (_opt_text, None),
    },
    "interaction": {
        "at": (_when, REQUIRED),
        "minutes": (_int(1, MAX_MINUTES), REQUIRED),
        "people": (lambda v: _strings(v, at_least=1), REQUIRED),
        "kind": (_choice(vocab.KINDS), "collaboration"),
        "channel": (_choice(vocab.CHANNELS), "in_person"),
        "quality": (_int(1, 5), 3),
        "initiated": (_bool, False),
    },
    "person": {"name": (_text, REQUIRED), "relation": (_choice(vocab.RELATIONS), "other")},
    "energy": {"at": (_when, REQUIRED), "level": (_int(1, 5), REQUIRED)},
    "checkin": {
        "day": (_day, REQUIRED),
        "trust_ai": (_int(1, 5), REQUIRED),
        "trust_team": (_int(1, 5), REQUIRED),
        "connection": (_opt_int(1, 5), None),
    },
    "who5": {"day": (_day, REQUIRED), "items": (_items, REQUIRED)},
    "intention": {
        "insight_id": (_text, REQUIRED),
        "action_id": (_text, REQUIRED),
        "text": (_text, REQUIRED),
        "done_at": (_opt_when, None),
        "dismissed_at": (_opt_when, None),
    },
    "profile": {
        "role": (_choice(tuple(r.value for r in m.Role)), "employee"),
        "workdays": (_workdays, m.DEFAULT_WORKDAYS),
        "augmentation_target": (_opt_int(0, 100), None),
    },
    "pause": {"from": (_day, REQUIRED), "to": (_day, REQUIRED), "reason": (_opt_text, None)},
    "mute": {"insight_id": (_insight_id, REQUIRED), "until": (_day, REQUIRED)},
    "experiment": {
        "name": (_text, REQUIRED),
        "change": (_text, REQUIRED),
        "days": (_int(1, 365), REQUIRED),
        "measures": (_measures, REQUIRED),
        "design": (_choice(m.DESIGNS), "before-after"),
        "started_day": (_day, REQUIRED),
        "seed": (_int(0, 2**31 - 1), 0),
        "ended_at": (_opt_when, None),
    },
}
ENUMS = {
    "purpose": m.Purpose,
    "kind": m.Kind,
    "channel": m.Channel,
    "relation": m.Relation,
    "role": m.Role,
}
# Record names that are not the model's field names (`from` is a Python keyword).
FIELD_NAMES = {"from": "from_day", "to": "to_day"}


@dataclasses.dataclass
class Incoming:
    line: int
    entry: m.Entry
    dated: bool  # the record gave updated_at (only such a record may replace an existing one)


def _id(value: Any) -> str:
    text = value.strip().lower().replace("-", "") if isinstance(value, str) else ""
    if not 8 <= len(text) <= 64 or any(c not in "0123456789abcdef" for c in text):
        raise ValueError(
            f"id {value!r} is not accepted; use a hex id (such as a UUID), 8 to 64 characters"
        )
    return text


def parse_record(obj: Any, now: dt.datetime) -> tuple[m.Entry, bool]:
    """A record as a model, defaults filled in; ValueError says what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError("is not a JSON object")
    kind = obj.get("type")
    if kind not in FIELDS:
        raise ValueError(f"type {kind!r} is not accepted; use one of: {', '.join(FIELDS)}")
    if kind == "profile":  # one profile a journal: whatever id it came with, it is "profile"
        obj = {**obj, "id": "profile"}
    if "id" not in obj:
        raise ValueError(f"a {kind} record needs an id")
    spec = {**COMMON, **FIELDS[kind]}
    allowed = set(spec) | {"id", "type"} | ({"day"} if kind in TIMED else set())
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise ValueError(
            f"a {kind} has no field {unknown[0]!r}; accepted: {', '.join(['id', 'type', *spec])}"
        )
    for name, value in obj.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BadNumber):
                raise Refused(f"{name} is {item}, which no field accepts")
    values: dict[str, Any] = {"id": "profile" if kind == "profile" else _id(obj["id"])}
    for name, (check, default) in spec.items():
        if name not in obj:
            if default is REQUIRED:
                raise ValueError(f"a {kind} record needs {name!r}")
            values[name] = default
            continue
        try:
            values[name] = check(obj[name])
        except Refused as err:
            raise Refused(f"{name} {err}") from None
        except ValueError as err:
            raise ValueError(f"{name} {err}") from None
        if name in ENUMS:
            values[name] = ENUMS[name](values[name])
    dated = values["updated_at"] is not None
    values["created_at"] = values["created_at"] or values["updated_at"] or now
    values["updated_at"] = values["updated_at"] or values["created_at"]
    if kind in TIMED:
        values["day"] = values[TIMED[kind]].astimezone().date()
    if kind == "pause" and values["to"] < values["from"]:
        raise ValueError(f"to {values['to'].isoformat()} is before from; use a day on or after it")
    values = {FIELD_NAMES.get(k, k): v for k, v in values.items()}
    cls = m.RECORD_TYPES[kind]
    return cls(**values), dated


def read(path: str, refused: list[str] | None = None) -> list[Incoming]:
    """Every record of the file, validated; BadInput names file:line on the first bad one. A
    record with a time or number no journal can hold (a year outside 1900-9998, a number of
    thousands of digits), or a line over 32 MB, is skipped and named in `refused`."""
    label = os.path.basename(path)
    if not os.path.lexists(path):
        raise BadInput(
            f"{path!r} does not exist; give a JSONL file from `aijournal export --format jsonl`"
        )
    now = clock_now()
    found: list[Incoming] = []
    skipped: list[str] = [] if refused is None else refused
    with open_regular(path, "a JSONL file from `aijournal export --format jsonl`") as handle:
        try:
            for number, raw in lines(handle):
                if raw is None:
                    skipped.append(
                        f"{label}:{number}: the line is over {MAX_LINE // 1024**2} "
                        "MB; no journal record is"
                    )
                    continue
                text = raw.decode("utf-8")
                if not text.strip():
                    continue
                item = _record(text, label, number, now)
                if isinstance(item, str):
                    skipped.append(item)
                else:
                    found.append(item)
        except UnicodeDecodeError:
            raise BadInput(
                f"{label} is not UTF-8 text; give a JSONL file from "
                "`aijournal export --format jsonl`"
            ) from None
        except OSError as err:
            raise BadInput(f"{path!r} cannot be read ({err.strerror})") from None
    return found


def _record(text: str, label: str, number: int, now: dt.datetime) -> Incoming | str:
    """One line as a record, or why it is skipped; BadInput when the file is not JSONL."""
    try:
        obj = loads(text)
    except json.JSONDecodeError as err:
        raise BadInput(
            f"{label}:{number}: not valid JSON ({err.msg} at column "
            f"{err.colno}); nothing was imported"
        ) from None
    except RecursionError:
        raise BadInput(
            f"{label}:{number}: nested too deeply to be a journal record; nothing was imported"
        ) from None
    try:
        entry, dated = parse_record(obj, now)
    except Refused as err:
        kind = obj.get("type") if isinstance(obj, dict) else None
        what = f" ({kind} {str(obj.get('id'))[:12]})" if isinstance(kind, str) else ""
        return f"{label}:{number}{what}: {str(err).strip()}"
    except ValueError as err:
        raise BadInput(f"{label}:{number}: {err}; nothing was imported") from None
    return Incoming(number, entry, dated)


def to_row(entry: m.Entry) -> dict[str, Any]:
    """The store row of a record (derived columns included, people left to the links)."""
    row = {FIELD_NAMES.get(k, k): v for k, v in m.to_record(entry).items()}
    row.pop("type")
    row.pop("people", None)
    row["tags"] = json.dumps(row["tags"], ensure_ascii=False)
    if "workdays" in row:
        row["workdays"] = json.dumps(row["workdays"])
    if "items" in row:
        row["items"] = json.dumps(row["items"])
    if "measures" in row:
        row["measures"] = json.dumps(row["measures"])
    for flag in ("instead_of_person", "initiated"):
        if flag in row:
            row[flag] = int(row[flag])
    if entry.TYPE in TIMED:
        row.update(service.timed(getattr(entry, TIMED[entry.TYPE])))
    elif isinstance(entry, (m.CheckIn, m.Who5)):
        row["ts"] = service.day_ts(entry.day)
    elif isinstance(entry, m.Person):
        row["name_key"] = names.key(entry.name)
    return row


def canonical(entry: m.Entry) -> str:
    return json.dumps(m.to_record(entry), sort_keys=True, ensure_ascii=False)


def replaces(new: Incoming, old: m.Entry) -> bool:
    """Does an incoming record win over the stored one with the same id?"""
    if not new.dated:
        return False
    a, b = new.entry, old
    if a.updated_at != b.updated_at:
        return a.updated_at > b.updated_at
    if a.deleted != b.deleted:
        return a.deleted
    return canonical(a) > canonical(b)


class _Rollback(Exception):
    """Leaves a dry run (or a merge that changed nothing) without a trace."""


class _Merge:
    def __init__(self, store: JournalStore, result: ImportResult, now: dt.datetime):
        self.store, self.result, self.now = store, result, now
        self.stamp = now.isoformat()
        self.changed = False

    def note(self, text: str) -> None:
        self.result.details.append(text)
        self.changed = True

    def tombstone(self, entry: m.Entry) -> m.Entry:
        return dataclasses.replace(entry, deleted_at=self.now, updated_at=self.now)

    def bury(self, table: str, row_id: str) -> None:
        self.store.update(
            table, row_id, {"deleted_at": self.stamp, "updated_at": self.stamp}, touch=False
        )

    def apply(self, item: Incoming) -> None:
        entry, store, result = item.entry, self.store, self.result
        table = entry.TYPE
        old = store.entry(table, entry.id)
        if old is not None and not replaces(item, old):
            result.skip("already there")
            return
        after: Callable[[], None] | None = None
        if not entry.deleted and isinstance(entry, m.Person):
            entry, after = self._person_clash(entry)
        elif not entry.deleted and isinstance(entry, m.CheckIn):
            entry = self._checkin_clash(entry)
        people = self._people_ids(entry) if isinstance(entry, m.Interaction) else None
        store.put(table, to_row(entry), people=people)
        if after is not None:
            after()
        label = f"{table.replace('_', ' ')} {entry.id[:8]}"
        if old is None and entry.deleted:
            result.skip("deletions")
            self.note(f"keep deletion of {label}")
        elif old is None:
            result.added += 1
            self.note(f"add {label}")
        elif entry.deleted and not old.deleted:
            result.deleted += 1
            self.note(f"delete {label}")
        else:
            result.updated += 1
            self.note(f"update {label}")

    def _person_clash(self, entry: m.Person) -> tuple[m.Entry, Callable[[], None] | None]:
        """Two live people of one name: the older row stays, the other is merged into it."""
        other_id = self.store.live_person_id(entry.name)
        if other_id is None or other_id == entry.id:
            return entry, None
        other = self.store.entry(m.Person, other_id)
        assert other is not None
        name = entry.name
        if (entry.created_at, entry.id) < (other.created_at, other.id):
            self.bury("person", other_id)
            self.note(f"merge person {name} ({other_id[:8]} into {entry.id[:8]})")
            return entry, lambda: self._relink(other_id, entry.id)
        self.note(f"merge person {name} ({entry.id[:8]} into {other_id[:8]})")
        return self.tombstone(entry), lambda: self._relink(entry.id, other_id)

    def _relink(self, old_id: str, new_id: str) -> None:
        self.store.relink_person(old_id, new_id)

    def _checkin_clash(self, entry: m.CheckIn) -> m.Entry:
        """One live check-in a day: the later updated_at (then the greater id) stays live."""
        day = entry.day
        rivals = [
            self.store.entry(m.CheckIn, i)
            for i in self.store.live_checkin_ids(day)
            if i != entry.id
        ]
        live = [r for r in rivals if r is not None]
        if not live:
            return entry
        winner = max([entry, *live], key=lambda e: (e.updated_at, e.id))
        for rival in live:
            if rival is not winner:
                self.bury("checkin", rival.id)
                self.note(f"replace check-in {rival.id[:8]} of {day} by {winner.id[:8]}")
        return entry if winner is entry else self.tombstone(entry)

    def _people_ids(self, entry: m.Interaction) -> list[str]:
        ids: list[str] = []
        for name in entry.people:
            found = self.store.live_person_id(name)
            if found is None:
                row = service.person_row(name, now=self.now, source="jsonl")
                found = self.store.insert("person", row)
                self.note(f"add person {name}")
            if found not in ids:
                ids.append(found)
        return ids


def run(store: JournalStore, path: str, *, dry_run: bool = False) -> ImportResult:
    """Merge a JSONL file into the journal (one transaction, one undo step)."""
    refused: list[str] = []
    records = read(path, refused)
    # People first, so the names interactions give find their rows.
    records.sort(key=lambda r: r.entry.TYPE != "person")
    result = ImportResult(problems=refused)
    result.skip("unreadable", len(refused))
    merge = _Merge(store, result, clock_now())
    try:
        with store.write(f"import jsonl {os.path.basename(path)}"):
            for item in records:
                merge.apply(item)
            if dry_run or not merge.changed:
                raise _Rollback
    except _Rollback:
        pass
    return result
