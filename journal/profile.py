"""What the user tells the engine about their life: the profile, declared pauses, muted insights.

Both faces call these with user text or parsed values; every write is one store transaction and
one undo step. Bad input raises BadInput (one line, nothing written).
"""

from __future__ import annotations

import datetime as dt
import json

from journal import models as m
from journal.errors import BadInput
from journal.service import base_row

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from journal.store import JournalStore

ROLES = tuple(r.value for r in m.Role)
MUTE_DAYS = 14  # how long `mute` hides an insight unless told otherwise
MUTE_MAX_DAYS = 365
REASON_MAX = 200
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WORKDAYS_ACCEPTED = "weekday names, ranges and lists such as mon-fri, sun-thu or mon,tue,thu"


def _now() -> dt.datetime:
    from journal.clock import now

    return now()


# --- parsing user text -------------------------------------------------------------------------


def parse_workdays(text: str) -> tuple[int, ...]:
    """`mon-fri`, `sun-thu` (wrapping), `mon,tue,thu`, `mon-wed,fri`: weekday numbers, sorted."""
    names = {name: n for n, name in enumerate(m.WEEKDAYS)}
    raw = str(text).strip().lower().replace(" ", "")

    def day(word: str) -> int:
        if word in names:
            return names[word]
        if word in _FULL_NAMES:
            return _FULL_NAMES.index(word)
        raise BadInput(f"workdays {text!r} are not accepted; use {_WORKDAYS_ACCEPTED}")

    found: set[int] = set()
    if not raw:
        raise BadInput(f"workdays {text!r} are not accepted; use {_WORKDAYS_ACCEPTED}")
    for part in raw.split(","):
        if part.count("-") > 1:
            raise BadInput(f"workdays {text!r} are not accepted; use {_WORKDAYS_ACCEPTED}")
        if "-" in part:
            first, last = (day(w) for w in part.split("-"))
            span = (last - first) % 7
            found |= {(first + k) % 7 for k in range(span + 1)}
        else:
            found.add(day(part))
    return tuple(sorted(found))


def workdays_text(workdays: tuple[int, ...]) -> str:
    """The shortest way to write a set of workdays back: `mon-fri`, `sun-thu`, `mon,wed,fri`."""
    days = sorted(set(workdays))
    if not days:
        return "none"
    if len(days) == 7:
        return "mon-sun"
    # A run that wraps the week (sun-thu) starts on the day after a gap.
    start = next(d for d in days if (d - 1) % 7 not in days) if len(days) < 7 else 0
    order = [(start + k) % 7 for k in range(7)]
    runs: list[list[int]] = []
    for d in order:
        if d not in days:
            continue
        if runs and (runs[-1][-1] + 1) % 7 == d:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = [
        f"{m.WEEKDAYS[r[0]]}-{m.WEEKDAYS[r[-1]]}"
        if len(r) > 2
        else ",".join(m.WEEKDAYS[d] for d in r)
        for r in runs
    ]
    return ",".join(parts)


def parse_target(text: str) -> int | None:
    """An augmentation target: a whole percentage 0..100 (`60` or `60%`), or `none` to clear."""
    raw = str(text).strip().lower().removesuffix("%").strip()
    if raw in ("none", "off", ""):
        return None
    if len(raw) > 3 or not raw.isdigit() or not 0 <= int(raw) <= 100:
        raise BadInput(
            f"augmentation target {text!r} is not accepted; use a whole percentage from 0 to "
            "100, or none"
        )
    return int(raw)


def parse_role(text: str) -> m.Role:
    raw = str(text).strip().lower()
    if raw not in ROLES:
        raise BadInput(f"role {text!r} is not accepted; use one of: {', '.join(ROLES)}")
    return m.Role(raw)


def check_insight_id(text: str) -> str:
    """An insight id a mute may name: a detector id (PRODUCT's list) or a `good-` finding."""
    raw = str(text).strip().lower()
    good = raw.startswith(m.GOOD_PREFIX) and len(raw) > len(m.GOOD_PREFIX)
    if not (raw in m.DETECTOR_IDS or good) or any(
        not (c.isascii() and (c.isalnum() or c == "-")) for c in raw
    ):
        raise BadInput(
            f"insight id {text!r} is not accepted; use one of: {', '.join(m.DETECTOR_IDS)}, "
            f"or a {m.GOOD_PREFIX}… id as `aijournal insights --json` shows it"
        )
    return raw


# --- profile -----------------------------------------------------------------------------------

_UNSET = object()


def get_profile(store: JournalStore) -> m.Profile:
    """The profile (the default one until the user sets something)."""
    return store.profile()


def set_profile(
    store: JournalStore,
    *,
    role: m.Role | str | None = None,
    workdays: tuple[int, ...] | None = None,
    augmentation_target: int | None | object = _UNSET,
) -> m.Profile:
    """Change the given fields of the profile (the others stay); one undo step."""
    if role is not None and not isinstance(role, m.Role):
        role = parse_role(role)
    if workdays is not None:
        if not workdays or any(
            isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in workdays
        ):
            raise BadInput(f"workdays {workdays!r} are not accepted; use {_WORKDAYS_ACCEPTED}")
        workdays = tuple(sorted(set(workdays)))
    if augmentation_target is not _UNSET and augmentation_target is not None:
        if (
            isinstance(augmentation_target, bool)
            or not isinstance(augmentation_target, int)
            or not 0 <= augmentation_target <= 100
        ):
            raise BadInput(
                f"augmentation target {augmentation_target!r} is not accepted; use a whole "
                "percentage from 0 to 100, or none"
            )
    current = store.profile()
    values = {
        "role": (role or current.role).value,
        "workdays": json.dumps(
            [m.WEEKDAYS[d] for d in (workdays if workdays is not None else current.workdays)]
        ),
        "augmentation_target": (
            current.augmentation_target if augmentation_target is _UNSET else augmentation_target
        ),
    }
    with store.write("profile"):
        if store.row("profile", "profile") is None:
            row = {**base_row(_now()), "id": "profile", **values}
            store.insert("profile", row)
        else:  # a deleted (merged-away) profile comes back with the new values
            store.update("profile", "profile", {**values, "deleted_at": None})
    return store.profile()


# --- pauses ------------------------------------------------------------------------------------


def check_pause(from_day: dt.date, to_day: dt.date) -> None:
    """Refuse a pause that ends before it starts."""
    if to_day < from_day:
        raise BadInput(
            f"pause from {from_day.isoformat()} to {to_day.isoformat()} is not accepted; "
            "TO must be on or after FROM"
        )


def add_pause(
    store: JournalStore, *, from_day: dt.date, to_day: dt.date, reason: str | None = None
) -> m.Pause:
    """Declare days away (holiday, sick leave); overlapping pauses are fine."""
    check_pause(from_day, to_day)
    if reason is not None:
        from journal.parse import parse_text

        reason = parse_text(reason, "reason", max_len=REASON_MAX, required=False)
    row = {
        **base_row(_now()),
        "from_day": from_day.isoformat(),
        "to_day": to_day.isoformat(),
        "reason": reason,
    }
    with store.write(f"pause {from_day.isoformat()} to {to_day.isoformat()}"):
        store.insert("pause", row)
    pause = store.entry(m.Pause, row["id"])
    assert pause is not None
    return pause


def pauses(store: JournalStore) -> list[m.Pause]:
    """Every live pause, earliest first."""
    return store.pauses()


def delete_pause(store: JournalStore, id_prefix: str) -> m.Pause:
    _, row_id = store.find(
        id_prefix, tables=("pause",), what="pause", listed_by="aijournal pause --list"
    )
    with store.write(f"delete pause {row_id[:8]}"):
        store.soft_delete("pause", row_id)
    pause = store.entry(m.Pause, row_id)
    assert pause is not None
    return pause


def save(
    store: JournalStore,
    *,
    profile: dict[str, Any] | None = None,
    pause: tuple[dt.date, dt.date, str | None] | None = None,
) -> None:
    """The profile dialog's save: profile changes (set_profile's keywords) and a pause to
    declare (from, to, reason), checked first and written as one undo step."""
    if pause is not None:
        check_pause(pause[0], pause[1])
    label = " and ".join(w for w, on in (("profile", profile), ("pause", pause)) if on)
    with store.write(label or "profile"):  # the writes below join this one transaction
        if profile:
            set_profile(store, **profile)
        if pause is not None:
            add_pause(store, from_day=pause[0], to_day=pause[1], reason=pause[2])


# --- mutes -------------------------------------------------------------------------------------


def add_mute(
    store: JournalStore, insight_id: str, *, days: int = MUTE_DAYS, today: dt.date | None = None
) -> m.Mute:
    """Hide an insight for `days` days from today (until today + days - 1, inclusive)."""
    wanted = check_insight_id(insight_id)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MUTE_MAX_DAYS:
        raise BadInput(
            f"--days {days!r} is not accepted; use a whole number from 1 to {MUTE_MAX_DAYS}"
        )
    start = today or _now().date()
    until = start + dt.timedelta(days=days - 1)
    row = {**base_row(_now()), "insight_id": wanted, "until": until.isoformat()}
    with store.write(f"mute {wanted} until {until.isoformat()}"):
        store.insert("mute", row)
    mute = store.entry(m.Mute, row["id"])
    assert mute is not None
    return mute


def mutes(store: JournalStore, *, on: dt.date | None = None) -> list[m.Mute]:
    """Live mutes (with `on`: those in force that day), soonest end first."""
    return store.mutes(on)


def delete_mute(store: JournalStore, id_prefix: str) -> m.Mute:
    _, row_id = store.find(
        id_prefix, tables=("mute",), what="mute", listed_by="aijournal mute --list"
    )
    with store.write(f"delete mute {row_id[:8]}"):
        store.soft_delete("mute", row_id)
    mute = store.entry(m.Mute, row_id)
    assert mute is not None
    return mute


def muted_ids(store: JournalStore, on: dt.date) -> set[str]:
    """The insight ids hidden on a day."""
    return {mute.insight_id for mute in store.mutes(on)}
