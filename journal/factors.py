"""What goes with your good days, as a user asks it: the window's records from the store, handed to
the pure comparison in journal.reflect.factors (the CLI, the TUI, `review` and exports call this).
"""

from __future__ import annotations

import datetime as dt

from journal import models as m
from journal.errors import BadInput
from journal.reflect.engine import Records
from journal.reflect.factors import (
    CHANCE_IN,
    DEFAULT_DAYS,
    MIN_DAYS,
    OUTCOMES,
    Q_LEVEL,
    AIUse,
    Factor,
    analyse,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.store import JournalStore

__all__ = [
    "CHANCE_IN",
    "DEFAULT_DAYS",
    "MIN_DAYS",
    "OUTCOMES",
    "Q_LEVEL",
    "Factor",
    "current",
    "shown",
]

DAY = dt.timedelta(days=1)
MAX_DAYS = 3660  # ten years: more is surely a typo


def check(days: int, outcome: str) -> None:
    """Refuse a window or an outcome the comparison does not take (one line, exit 2)."""
    if outcome not in OUTCOMES:
        raise BadInput(f"outcome {outcome!r} is not accepted; use one of: {', '.join(OUTCOMES)}")
    if not 2 * MIN_DAYS <= days <= MAX_DAYS:
        raise BadInput(
            f"--days {days} is not accepted; use a whole number of days from {2 * MIN_DAYS} "
            f"to {MAX_DAYS}"
        )


def parse_days(text: object) -> int:
    """--days as the user typed it."""
    from journal.parse import parse_int

    return parse_int(text, 2 * MIN_DAYS, MAX_DAYS, "--days")


def load(store: JournalStore, as_of: dt.date, days: int) -> tuple[Records, list[AIUse]]:
    """The records of the `days` days ending on as_of (and the day after, for next-day energy);
    AI use as per-day sums rather than sessions (a busy journal has thousands)."""
    first = as_of - DAY * (days - 1)
    last = as_of + DAY
    done = [
        i
        for i in store.intentions()
        if i.done_at is not None and first <= i.done_at.astimezone().date() <= as_of
    ]
    uses = [
        (dt.date.fromisoformat(day), purpose, tool, instead, minutes)
        for day, purpose, tool, instead, minutes in store.daily_ai_uses(first, as_of)
    ]
    records = Records(
        interactions=tuple(store.reflect_entries(m.Interaction, first, as_of)),
        energy=tuple(store.reflect_entries(m.Energy, first, last)),
        checkins=tuple(store.reflect_entries(m.CheckIn, first, as_of)),
        people=tuple(store.people()),
        intentions=tuple(done),
        profile=store.profile(),
        pauses=tuple(store.pauses(first, last)),
    )
    return records, uses


def current(
    store: JournalStore,
    as_of: dt.date,
    days: int = DEFAULT_DAYS,
    outcome: str = "energy",
    *,
    bootstrap: str = "shown",
) -> list[Factor]:
    """Every factor of the window against the outcome: the tested ones (by q) first, then the
    ones with not enough days yet. Bootstrap intervals for the ones that survive the correction
    (`bootstrap="all"`: for every tested one)."""
    check(days, outcome)
    records, uses = load(store, as_of, days)
    return analyse(records, as_of, days, outcome, bootstrap=bootstrap, ai_uses=uses)


def shown(found: list[Factor], *, every: bool = False) -> list[Factor]:
    """What the user sees: with `every`, all of them; else the factors that survive the
    correction at Q_LEVEL and those waiting for more days."""
    return [f for f in found if every or f.shown or not f.enough]
