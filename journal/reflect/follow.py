"""What became of the actions a user took on: intentions that closed themselves, intentions that
lapsed, and how the days after a done action went against comparable days.

Pure, like the rest of the engine: records in, values out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from journal import models as m
from journal.metrics import mean
from journal.names import key
from journal.reflect import rules as r

# Actions fulfilled by any conversation the user starts, when they name nobody.
PEOPLE_ACTIONS = frozenset(
    {
        "ask-a-person",
        "people-block",
        "reach-out",
        "plan-a-conversation",
        "one-to-one",
        "evening-call",
        "energising-plan",
        "plan-people-time",
        "tell-someone",
    }
)


def _names_in(text: str, names: Iterable[str]) -> list[str]:
    """The roster names a text mentions, as whole words, whatever their spelling."""
    folded = key(text)
    found = []
    for name in names:
        wanted = key(name)
        if wanted and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", folded):
            found.append(wanted)
    return found


def settle(
    intentions: Sequence[m.Intention],
    interactions: Sequence[m.Interaction],
    names: Iterable[str],
    now: dt.datetime,
) -> list[m.Intention]:
    """Intentions as they stand at `now`: an open one that a later conversation the user
    started fulfils is done (at that conversation's time); one open for longer than
    INTENTION_LAPSE_DAYS has lapsed (dismissed at its lapse time). Closed ones are kept as they
    are. Interactions must be live (not deleted)."""
    roster = list(dict.fromkeys(names))
    started = sorted((i for i in interactions if i.initiated), key=lambda i: i.at)
    lapse = dt.timedelta(days=r.INTENTION_LAPSE_DAYS)
    out = []
    for intention in intentions:
        if intention.done_at is not None or intention.dismissed_at is not None:
            out.append(intention)
            continue
        wanted = _names_in(intention.text, roster)
        slug = intention.action_id.rsplit("/", 1)[-1]
        match = None
        if wanted or slug in PEOPLE_ACTIONS or slug.startswith("reconnect-"):
            for interaction in started:
                if not intention.created_at < interaction.at <= now:
                    continue
                met = {key(p) for p in interaction.people}
                if not wanted or met.intersection(wanted):
                    match = interaction
                    break
        if match is not None and match.at <= intention.created_at + lapse:
            out.append(replace(intention, done_at=match.at))
        elif now - intention.created_at > lapse:
            out.append(replace(intention, dismissed_at=intention.created_at + lapse))
        else:
            out.append(intention)
    return out


def lapsed(intention: m.Intention) -> bool:
    """Whether an intention was let go by lapsing (as settle() marks it), not by the user."""
    lapse = dt.timedelta(days=r.INTENTION_LAPSE_DAYS)
    return intention.dismissed_at == intention.created_at + lapse and intention.done_at is None


@dataclass(frozen=True)
class FollowThrough:
    """One action done: how often, and energy and connection on the days after it."""

    action_id: str
    text: str
    times: int
    energy_after: Fraction | None
    energy_comparable: Fraction | None
    connection_after: Fraction | None
    connection_comparable: Fraction | None
    n_after: int
    n_comparable: int

    @property
    def enough(self) -> bool:
        return self.n_after >= r.FOLLOW_MIN_DAYS and self.n_comparable >= r.FOLLOW_MIN_DAYS

    def to_json(self) -> dict[str, Any]:
        def rounded(value: Fraction | None) -> float | None:
            return None if value is None else round(float(value), r.METRIC_DIGITS)

        return {
            "action_id": self.action_id,
            "text": self.text,
            "times": self.times,
            "energy_after": rounded(self.energy_after),
            "energy_comparable": rounded(self.energy_comparable),
            "connection_after": rounded(self.connection_after),
            "connection_comparable": rounded(self.connection_comparable),
            "n_after": self.n_after,
            "n_comparable": self.n_comparable,
            "enough": self.enough,
            "min_days": r.FOLLOW_MIN_DAYS,
        }


def follow_through(
    done: Sequence[m.Intention],
    energy_by_day: Mapping[dt.date, Fraction],
    connection_by_day: Mapping[dt.date, int],
    profile: m.Profile,
    days: Sequence[dt.date],
) -> list[FollowThrough]:
    """For each action done (grouped by action id, in order of first done): energy and
    connection on the day after each time it was done, against comparable days of `days` (the
    same kind, workday or day off, that follow no done action)."""
    by_action: dict[str, list[m.Intention]] = {}
    for intention in sorted(done, key=lambda i: (i.done_at or i.created_at, i.id)):
        if intention.done_at is not None:
            by_action.setdefault(intention.action_id, []).append(intention)
    after_any = {
        i.done_at.astimezone().date() + dt.timedelta(days=1)
        for group in by_action.values()
        for i in group
        if i.done_at is not None
    }
    out = []
    for action_id, group in by_action.items():
        after = sorted(
            {i.done_at.astimezone().date() + dt.timedelta(days=1) for i in group if i.done_at}
        )
        kinds = {profile.is_workday(d) for d in after}
        comparable = [d for d in days if d not in after_any and profile.is_workday(d) in kinds]
        energy_after = [energy_by_day[d] for d in after if d in energy_by_day]
        energy_other = [energy_by_day[d] for d in comparable if d in energy_by_day]
        out.append(
            FollowThrough(
                action_id=action_id,
                text=group[-1].text,
                times=len(group),
                energy_after=mean(energy_after),
                energy_comparable=mean(energy_other),
                connection_after=mean(
                    [connection_by_day[d] for d in after if d in connection_by_day]
                ),
                connection_comparable=mean(
                    [connection_by_day[d] for d in comparable if d in connection_by_day]
                ),
                n_after=len(energy_after),
                n_comparable=len(energy_other),
            )
        )
    return out
