"""Concrete next steps for each finding, personalised from the journal: people, tool, skill.

Every action is an invitation, never a verdict. Its id is `<insight-id>/<slug>` and stays the same
from run to run, so `aijournal act ID` works on the id the user saw yesterday. Modelled on the
augmentation pattern: learn with AI then teach a person; take an AI answer to a colleague for a
second opinion; book mentoring or feedback; reconnect; protect a people block in the day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from journal import models as m
from journal.names import key, slug
from journal.reflect import rules as r
from journal.reflect.detectors import Context, Finding

Suggestion = tuple[str, str]  # (slug, text)

WORK = frozenset(
    {
        m.Relation.TEAMMATE,
        m.Relation.MANAGER,
        m.Relation.MENTOR,
        m.Relation.REPORT,
        m.Relation.CLIENT,
        m.Relation.PEER,
        m.Relation.OTHER,
    }
)


class Personal:
    """Names, tool and skill from the journal, for wording the actions."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        window = ctx.last(r.WINDOW_DAYS)
        self.relations = {key(p.name): p.relation for p in ctx.people}
        self.roster = {key(p.name): p.name for p in ctx.people}
        contacts: Counter[str] = Counter()
        latest: dict[str, tuple[dt.date, dt.datetime]] = {}
        spelled: dict[str, str] = {}
        for interaction in ctx.within(ctx.interactions, window):
            for name in interaction.people:
                who = key(name)
                contacts[who] += 1
                latest[who] = (interaction.day, interaction.at)
                spelled.setdefault(who, self.roster.get(who, name))
        # most met first, then most recently met, then by name
        self.ranked = sorted(contacts, key=lambda k: (-contacts[k], _desc(latest[k]), k))
        self.spelled = spelled
        recent_ai = ctx.within(ctx.ai, ctx.last(r.AUGMENTATION_DAYS)) or ctx.ai
        tools: Counter[str] = Counter()
        spelled_tools: dict[str, str] = {}
        for session in recent_ai:
            tools[session.tool.casefold()] += session.minutes
            spelled_tools.setdefault(session.tool.casefold(), session.tool)
        self.tool_name = spelled_tools[max(tools, key=lambda t: (tools[t], t))] if tools else None
        learn = [
            s
            for s in ctx.within(ctx.ai, ctx.last(r.LEARNING_DAYS * 2))
            if s.purpose == m.Purpose.LEARN and s.skill and s.skill.strip()
        ]
        self.skill_name = learn[-1].skill.strip() if learn else None

    def colleague(self, *, skip: tuple[str, ...] = ()) -> str | None:
        """The person met most often lately with a work relation (or none set)."""
        skipped = {key(s) for s in skip}
        for who in self.ranked:
            if who not in skipped and self.relations.get(who, m.Relation.OTHER) in WORK:
                return self.spelled[who]
        for person in self.ctx.people:
            if key(person.name) not in skipped and person.relation in WORK:
                return person.name
        return None

    def anyone(self) -> str | None:
        if self.ranked:
            return self.spelled[self.ranked[0]]
        return self.ctx.people[0].name if self.ctx.people else None

    def mentor(self) -> str | None:
        mentors = [p.name for p in self.ctx.people if p.relation == m.Relation.MENTOR]
        if mentors:
            rank = {who: n for n, who in enumerate(self.ranked)}
            return min(mentors, key=lambda n: (rank.get(key(n), len(rank)), key(n)))
        given: Counter[str] = Counter()
        for interaction in self.ctx.interactions:
            if interaction.kind.value in r.MENTORING_KINDS:
                for name in interaction.people:
                    given[name] += 1
        return max(given, key=lambda n: (given[n], n)) if given else None

    def tool(self, fallback: str = "AI") -> str:
        return self.tool_name or fallback


def _desc(value: tuple[dt.date, dt.datetime]) -> tuple[int, float]:
    """Sort key turning "latest first" into ascending order (days and times invert by ordinal)."""
    day, at = value
    return (-day.toordinal(), -at.timestamp())


def _or(name: str | None, fallback: str) -> str:
    return name if name else fallback


# --- per insight -------------------------------------------------------------------------------


def _trust(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), "a teammate")
    return [
        (
            "second-opinion",
            f"Take one answer {p.tool()} gave you this week to {who} for a second "
            "opinion, and compare notes.",
        ),
        (
            "ask-first",
            f"Next time a work question comes up, ask {who} before you ask "
            f"{p.tool()}, and see what each adds.",
        ),
    ]


def _augmentation(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), "a teammate")
    tool = p.tool()
    return [
        (
            "learn-then-teach",
            f"Turn your next {tool} session into a learning one: ask it to "
            f"explain, then teach what you learned to {who}.",
        ),
        (
            "draft-first",
            f"Before handing the next task to {tool}, sketch your own first take and "
            f"use {tool} as a co-creator to improve it.",
        ),
    ]


def _learning(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), "a teammate")
    skills = f.metrics.get("skills") or []
    topic = skills[-1] if skills else (p.skill_name or None)
    out = [
        (
            "teach-a-teammate",
            f"Teach {who} what you learned about {topic} in a 15-minute walkthrough."
            if topic
            else f"Teach {who} one thing you learned with AI this week, "
            "in a 15-minute walkthrough.",
        )
    ]
    if topic:
        out.append(
            (
                "practise-together",
                f"Try {topic} on a real task together with {who} and compare approaches.",
            )
        )
    else:
        out.append(
            (
                "log-skills",
                "Add `--skill` when you log a learning session, so you can see "
                "what AI helped you learn.",
            )
        )
    return out


def _instead(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), "a teammate")
    return [
        (
            "ask-a-person",
            f"Next time you reach for {p.tool()} instead of someone, message {who} "
            "first; even a 10-minute chat counts.",
        ),
        (
            "people-block",
            "Protect a 30-minute people block in your day this week: a call, a walk "
            "or lunch with someone.",
        ),
    ]


def _fading(f: Finding, p: Personal) -> list[Suggestion]:
    first = p.colleague()
    second = p.colleague(skip=(first,) if first else ())
    return [
        (
            "people-block",
            "Protect a 30-minute people block on two days this week"
            + (f", starting with {first}." if first else "."),
        ),
        (
            "reach-out",
            f"Bring one question you would otherwise ask {p.tool()} to "
            f"{_or(second or first, 'a colleague')} this week.",
        ),
    ]


def _isolation(f: Finding, p: Personal) -> list[Suggestion]:
    who = p.anyone()
    return [
        (
            "reach-out",
            f"Reach out to {_or(who, 'someone you like working with')} today for a "
            "short call or coffee; ten minutes is enough.",
        ),
        (
            "people-block",
            "Put one conversation with a person into tomorrow's plan, before your "
            "first AI session.",
        ),
    ]


def _mentoring(f: Finding, p: Personal) -> list[Suggestion]:
    mentor = p.mentor()
    colleague = p.colleague(skip=(mentor,) if mentor else ())
    made = (
        f"the draft you wrote with {p.tool_name}" if p.tool_name else "something you made recently"
    )
    return [
        (
            "book-mentoring",
            f"Ask {mentor} for 15 minutes of mentoring this week."
            if mentor
            else "Ask someone you look up to for 15 minutes of mentoring this week "
            "(`aijournal people NAME --relation mentor` remembers them).",
        ),
        (
            "ask-feedback",
            f"Ask {_or(colleague, 'a colleague')} for 15 minutes of feedback on {made}.",
        ),
    ]


def _energy(f: Finding, p: Personal) -> list[Suggestion]:
    who = p.anyone()
    out = [
        (
            "energising-plan",
            f"Plan one energising thing with {_or(who, 'someone you like')} "
            "this week: a walk, lunch or a call.",
        )
    ]
    if f.metrics.get("ai_rising"):
        out.append(
            (
                "ai-free-block",
                f"Try one focus block without {p.tool()} tomorrow and note your energy afterwards.",
            )
        )
    else:
        out.append(
            (
                "notice-drains",
                "Log your energy twice a day this week to see which moments "
                "drain you and which lift you.",
            )
        )
    return out


def _lift(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.anyone(), "someone you like")
    if f.metrics["with"] > f.metrics["without"]:
        return [
            (
                "plan-people-time",
                f"People seem to lift your energy: plan time with {who} on a "
                "day you expect to be heavy.",
            )
        ]
    return [
        (
            "lighter-meetings",
            "Try one shorter, more focused meeting this week and notice "
            "whether it leaves you with more energy.",
        ),
        ("recovery-gap", "Leave 15 quiet minutes after your next long conversation."),
    ]


def _neglected(f: Finding, p: Personal) -> list[Suggestion]:
    name = str(f.metrics["person"])
    relation = p.relations.get(key(name))
    if relation == m.Relation.MENTOR:
        text = f"Reconnect with {name}: ask for 15 minutes of mentoring this week."
    elif relation in (m.Relation.FRIEND, m.Relation.FAMILY):
        text = f"Reconnect with {name}: send a short message and suggest a walk or a call."
    else:
        text = (
            f"Reconnect with {name}: send a short message this week and suggest a call or coffee."
        )
    return [(f"reconnect-{slug(name)}", text)]


SUGGEST: dict[str, Callable[[Finding, Personal], list[Suggestion]]] = {
    "trust-streak": _trust,
    "augmentation-share": _augmentation,
    "learning-partner": _learning,
    "ai-instead-of-people": _instead,
    "people-fading": _fading,
    "isolation-streak": _isolation,
    "no-mentoring": _mentoring,
    "energy-slide": _energy,
    "people-lift-energy": _lift,
    "neglected-person": _neglected,
}


def suggest(finding: Finding, ctx: Context) -> list[Suggestion]:
    """(slug, text) pairs for a finding; at least one."""
    personal = getattr(ctx, "_personal", None)
    if personal is None:
        personal = Personal(ctx)
        ctx._personal = personal  # type: ignore[attr-defined]  # shared by all findings of a run
    return SUGGEST[finding.id](finding, personal)
