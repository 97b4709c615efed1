"""What the TUI's views show, read in one go: the loaders its screens call from their workers.

Each loader takes an open store and the moment it is for, and hands back plain values (no
Textual, no Rich); the screens only lay them out. Reads go through journal.service and the store's
typed readers, never SQL of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal import dashboard, service

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.store import JournalStore

MONTHS = 6  # the People view's quality trend
RATE_MONTHS = 3  # contacts per month: the mean over this many months (this one included)


# --- Dashboard ---------------------------------------------------------------------------------


def board(
    store: JournalStore, *, as_of: dt.date, weeks: int, heat_metric: str
) -> dashboard.Dashboard:
    """The dashboard of the `weeks` weeks up to `as_of`, with its year of `heat_metric`."""
    first, last = dashboard.window(as_of, weeks)
    heat_first, _ = dashboard.heat_window(as_of)
    early = min(first, heat_first)
    return dashboard.build(
        as_of=as_of,
        weeks=weeks,
        ai_rows=store.daily_ai_minutes(first, last),
        people_rows=store.daily_people(first, last),
        energy_rows=store.daily_energy(early, last),
        checkin_rows=store.daily_checkins(early, last),
        logged_days=store.logged_days(),
        heat_metric=heat_metric,
    )


# --- People ------------------------------------------------------------------------------------


@dataclass
class PersonRow:
    name: str
    relation: str
    last_day: dt.date | None
    count: int
    minutes: int
    mean_quality: float | None
    per_month: float
    trend: list[float | None]  # mean quality per month, oldest first


def month_keys(today: dt.date, count: int) -> list[str]:
    """The `count` months up to today's, oldest first, as "YYYY-MM"."""
    keys = []
    year, month = today.year, today.month
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def people(store: JournalStore, today: dt.date) -> list[PersonRow]:
    """The roster as the People view lists it: the latest contact first, never-met last."""
    months = month_keys(today, MONTHS)
    roster = service.people(store)
    monthly = store.monthly_contacts(dt.date.fromisoformat(months[0] + "-01"))
    by_person: dict[str, dict[str, tuple[int, float]]] = {}
    for person_id, month, count, quality in monthly:
        by_person.setdefault(person_id, {})[month] = (count, quality)
    rows = []
    for person, stats in roster:
        per = by_person.get(person.id, {})
        recent = sum(per.get(m, (0, 0.0))[0] for m in months[-RATE_MONTHS:])
        rows.append(
            PersonRow(
                name=person.name,
                relation=person.relation.value,
                last_day=dt.date.fromisoformat(stats["last_day"]) if stats["last_day"] else None,
                count=stats["count"],
                minutes=stats["minutes"] or 0,
                mean_quality=stats["mean_quality"],
                per_month=recent / RATE_MONTHS,
                trend=[per[m][1] if m in per else None for m in months],
            )
        )
    rows.sort(
        key=lambda r: (
            r.last_day is None,
            -(r.last_day or dt.date.min).toordinal(),
            r.name.casefold(),
        )
    )
    return rows
