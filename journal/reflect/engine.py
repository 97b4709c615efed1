"""The reflection engine's contract: Records in, ordered Insights out (pure; no SQL, no widgets).

`run(records, as_of)` hands the records to the detectors (journal.reflect.detectors), gives every
finding its actions (journal.reflect.actions) and its coverage, and orders them: the WHO-5 support
insight first, then act, watch, good, info, then by id.
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
    experiment: str | None = None  # the ready-made experiment that tests this step, if one does

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "text": self.text}
        if self.experiment:
            out["experiment"] = self.experiment
        return out


@dataclass(frozen=True)
class Coverage:
    """How much of an insight's window the journal knows: days with any entry, days paused."""

    window_days: int = 0
    logged_days: int = 0
    paused_days: int = 0

    def describe(self) -> str:
        """ "5 of 7 days logged · 2 paused" (empty for no window), as the CLI and the TUI say it."""
        if not self.window_days:
            return ""
        text = f"{self.logged_days} of {self.window_days} days logged"
        return text + (f" · {self.paused_days} paused" if self.paused_days else "")

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

    Each entry list must cover at least rules.LOOKBACK_DAYS ending on the as-of day, except
    `ai_sessions`: every session of the last rules.AI_WINDOW_DAYS, and before that the companion
    ones of companion-rising's windows, with `ai_minutes_by_day` and `logged_days` (a day may map
    to no ids: logged, ids not given) telling the rest; more does no harm, and entries after the
    as-of day or deleted never count. Two runs may look further back, so the caller extends
    where they go on: `checkins` back to the last check-in that does not trust AI over the team
    (trust-streak); `interactions` back to the last one of quality >= 3 (isolation-streak),
    with `logged_days` naming the entries of the logged days of that stretch that the other
    lists do not cover.

    `first_day` and `last_mentoring_day` may come from the store (they can lie before the
    window); the engine also derives them from the lists. A `last_mentoring_day` inside the
    lookback is ignored: the interactions there say who gave it (feedback a manager gives their
    reports is not mentoring they received).
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
    # AI minutes per day for days whose sessions are not all in `ai_sessions` (optional: days not
    # named here are summed from `ai_sessions`)
    ai_minutes_by_day: Mapping[dt.date, int] = field(default_factory=dict)
    # people whose days go with significantly higher energy (journal.factors at its default
    # level), the largest lift first: the actions suggest them before others
    lifting: tuple[str, ...] = ()


MAX_ACTIONS = 2  # per insight


def run(records: Records, as_of: dt.date) -> list[Insight]:
    """All insights as of a day: the WHO-5 support insight first, then act, watch, good, info,
    then by id (then by subject). Actions are not repeated across insights, and an action done in
    the last two weeks is not offered again."""
    from journal.reflect import actions, detectors
    from journal.reflect.context import Context

    ctx = Context(records, as_of)
    findings = sorted(
        detectors.detect(ctx),
        key=lambda f: (
            rules.SEVERITY_ORDER[rules.SUPPORT if f.support else f.severity],
            f.id,
            (f.subject or "").casefold(),
        ),
    )
    personal = actions.Personal(ctx)
    done = actions.recently_done(ctx)
    offered_slugs: set[str] = set()
    offered_texts: set[str] = set()
    out: list[Insight] = []
    for finding in findings:
        steps: list[Action] = []
        for slug, text in actions.suggest(finding, personal):
            action_id = f"{finding.id}/{slug}"
            if slug in offered_slugs or text in offered_texts or action_id in done:
                continue
            offered_slugs.add(slug)
            offered_texts.add(text)
            steps.append(Action(action_id, text, actions.EXPERIMENTS.get(slug)))
            if len(steps) == MAX_ACTIONS:
                break
        out.append(
            Insight(
                id=finding.id,
                severity=finding.severity,
                title=finding.title,
                detail=finding.detail,
                evidence=tuple(Evidence(day, tuple(ids)) for day, ids in finding.evidence),
                metrics=finding.metrics,
                actions=tuple(steps),
                coverage=coverage(ctx, finding),
            )
        )
    return out


def coverage(ctx: Any, finding: Any) -> Coverage:
    """The calendar span an insight rests on (its window, else its evidence, to the as-of day):
    how many of its days are logged, and how many paused or read as a break."""
    days = finding.days or tuple(day for day, _ in finding.evidence)
    if not days:
        return Coverage()
    first = min(days)
    span = (ctx.as_of - first).days + 1
    logged = sum(1 for d in ctx.logged if first <= d and ctx.is_known(d))
    paused = sum(1 for d in ctx.paused | ctx.breaks if first <= d <= ctx.as_of)
    return Coverage(window_days=span, logged_days=logged, paused_days=paused)
