"""The reflection engine's contract: Records in, ordered Insights out (pure; no SQL, no widgets).

`run(records, as_of)` hands the records to the ten detectors (journal.reflect.detectors), gives
every finding its actions (journal.reflect.actions) and orders them act, watch, info, then by id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from journal import models as m
from journal.reflect import rules


@dataclass(frozen=True)
class Evidence:
    """One day that made an insight fire, with the entries of that day that count."""

    day: dt.date
    entry_ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "entry_ids": list(self.entry_ids)}


@dataclass(frozen=True)
class Action:
    """A concrete next step; `id` is `<insight-id>/<slug>`, stable from run to run."""

    id: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True)
class Coverage:
    """How much of an insight's window the journal knows: days with any entry, days paused."""

    window_days: int = 0
    logged_days: int = 0
    paused_days: int = 0

    def to_json(self) -> dict[str, int]:
        return {
            "window_days": self.window_days,
            "logged_days": self.logged_days,
            "paused_days": self.paused_days,
        }


@dataclass(frozen=True)
class Insight:
    id: str
    severity: str  # "act" | "watch" | "info" | "good"
    title: str
    detail: str
    evidence: tuple[Evidence, ...]
    metrics: dict[str, Any]
    actions: tuple[Action, ...]
    coverage: Coverage = field(default_factory=Coverage)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity,
            "title": self.title,
            "detail": self.detail,
            "evidence": [e.to_json() for e in self.evidence],
            "metrics": dict(self.metrics),
            "coverage": self.coverage.to_json(),
            "actions": [a.to_json() for a in self.actions],
        }


@dataclass(frozen=True)
class Records:
    """What the detectors receive.

    Each entry list must cover at least its window ending on the as-of day (rules.AI_WINDOW_DAYS,
    INTERACTION_WINDOW_DAYS, ENERGY_WINDOW_DAYS, CHECKIN_WINDOW_DAYS); more does no harm, and
    entries after the as-of day or deleted never count. Two runs may look further back, so the
    caller extends where they go on: `checkins` back to the last check-in that does not trust AI
    over the team (trust-streak); `interactions` back to the last one of quality >= 3
    (isolation-streak), with `logged_days` naming the entries of the logged days of that stretch
    that the other lists do not cover.

    `first_day` and `last_mentoring_day` may come from the store (they can lie before the
    window); the engine also derives them from the lists and takes whichever reaches further.
    """

    ai_sessions: tuple[m.AISession, ...] = ()
    interactions: tuple[m.Interaction, ...] = ()
    energy: tuple[m.Energy, ...] = ()
    checkins: tuple[m.CheckIn, ...] = ()
    people: tuple[m.Person, ...] = ()
    who5: tuple[m.Who5, ...] = ()
    intentions: tuple[m.Intention, ...] = ()  # all of them, open and closed
    profile: m.Profile = field(default_factory=m.Profile)
    pauses: tuple[m.Pause, ...] = ()  # declared breaks (live ones; deleted are ignored)
    first_day: dt.date | None = None  # the journal's first entry (any day)
    last_mentoring_day: dt.date | None = None  # the last mentoring/feedback on or before as_of
    logged_days: Mapping[dt.date, tuple[str, ...]] = field(default_factory=dict)


def run(records: Records, as_of: dt.date) -> list[Insight]:
    """All insights as of a day, ordered act, watch, info, then by id (then by subject)."""
    from journal.reflect import actions, detectors

    context = detectors.Context(records, as_of)
    found: list[tuple[tuple[int, str, str], Insight]] = []
    for finding in detectors.detect(context):
        steps = tuple(
            Action(f"{finding.id}/{slug}", text) for slug, text in actions.suggest(finding, context)
        )
        insight = Insight(
            id=finding.id,
            severity=finding.severity,
            title=finding.title,
            detail=finding.detail,
            evidence=tuple(Evidence(day, tuple(ids)) for day, ids in finding.evidence),
            metrics=finding.metrics,
            actions=steps,
        )
        key = (
            rules.SEVERITY_ORDER[finding.severity],
            finding.id,
            (finding.subject or "").casefold(),
        )
        found.append((key, insight))
    found.sort(key=lambda pair: pair[0])
    return [insight for _, insight in found]
