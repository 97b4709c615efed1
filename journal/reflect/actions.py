"""Concrete next steps for each finding, personalised from the journal: people, tool, skill, role.

Every action is an invitation, never a verdict. Its id is `<insight-id>/<slug>` and stays the same
from run to run, so `aijournal act ID` works on the id the user saw yesterday. Modelled on the
augmentation pattern: learn with AI then teach a person; take an AI answer to a colleague for a
second opinion; book mentoring or feedback; reconnect; protect a people block in the day.

Who an action goes to: the people who lift the user's energy and felt most connected, not only the
most met, and only people the role makes sense for (a freelancer has peers and clients, not
teammates; a manager's mentoring comes from above or beside, not from their reports). The tool an
action names is the tool in the insight's evidence.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from fractions import Fraction

from journal import models as m
from journal.names import key, slug
from journal.reflect import rules as r
from journal.reflect.context import Context, Finding

Suggestion = tuple[str, str]  # (slug, text)

# Steps that a ready-made experiment tests (journal.experiments.TEMPLATES): the action says so, so
# the user can try the change for two weeks and read what it did, instead of taking it on faith.
EXPERIMENTS = {
    "draft-first": "draft-first",
    "learn-one-thing": "learn-daily",
    "ask-a-person": "ask-a-person",
    "ask-first": "ask-a-person",
    "people-block": "people-block",
    "screens-off": "no-late-companion",
}

R = m.Relation
# Who counts as "someone you work with", by role, best first.
WORK_BY_ROLE: dict[m.Role, tuple[m.Relation, ...]] = {
    m.Role.EMPLOYEE: (R.TEAMMATE, R.PEER, R.MENTOR, R.MANAGER, R.OTHER, R.CLIENT, R.REPORT),
    m.Role.MANAGER: (R.PEER, R.MANAGER, R.MENTOR, R.TEAMMATE, R.OTHER, R.REPORT, R.CLIENT),
    m.Role.FREELANCER: (R.PEER, R.MENTOR, R.CLIENT, R.OTHER, R.TEAMMATE),
    m.Role.STUDENT: (R.PEER, R.TEAMMATE, R.MENTOR, R.OTHER),
    m.Role.OTHER: (R.PEER, R.TEAMMATE, R.MENTOR, R.MANAGER, R.OTHER, R.CLIENT),
}
# Who to ask for mentoring or feedback, by role.
GUIDES_BY_ROLE: dict[m.Role, tuple[m.Relation, ...]] = {
    m.Role.EMPLOYEE: (R.MENTOR, R.MANAGER, R.PEER, R.TEAMMATE),
    m.Role.MANAGER: (R.MENTOR, R.MANAGER, R.PEER),
    m.Role.FREELANCER: (R.MENTOR, R.PEER),
    m.Role.STUDENT: (R.MENTOR, R.PEER, R.TEAMMATE),
    m.Role.OTHER: (R.MENTOR, R.PEER, R.MANAGER),
}
CLOSE = (R.FRIEND, R.FAMILY)
# Whom to tell how you feel or plan something energising with, after friends and family: never
# the people one manages or works for.
CONFIDANTS = (R.MENTOR, R.PEER, R.TEAMMATE, R.MANAGER, R.OTHER)


class Personal:
    """Names, tools and skill from the journal, for wording the actions."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.role = ctx.role
        self.relations = {key(p.name): p.relation for p in ctx.people}
        roster = {key(p.name): p.name for p in ctx.people}
        days = set(ctx.known(r.LIFT_DAYS))
        contacts: Counter[str] = Counter()
        met_days: dict[str, set[dt.date]] = {}
        quality: dict[str, list[int]] = {}
        latest: dict[str, dt.datetime] = {}
        spelled: dict[str, str] = {}
        for interaction in ctx.interactions:
            if interaction.day not in days:
                continue
            for name in interaction.people:
                who = key(name)
                contacts[who] += 1
                quality.setdefault(who, []).append(interaction.quality)
                if interaction.quality >= r.LIFT_QUALITY:
                    met_days.setdefault(who, set()).add(interaction.day)
                latest[who] = interaction.at
                spelled.setdefault(who, roster.get(who, name))
        energy = ctx.energy_by_day
        overall = (
            sum((energy[d] for d in days if d in energy), Fraction(0))
            / max(1, sum(1 for d in days if d in energy))
            if energy
            else Fraction(0)
        )

        def lift(who: str) -> Fraction:
            with_energy = [energy[d] for d in met_days.get(who, ()) if d in energy]
            lifted = (
                sum(with_energy, Fraction(0)) / len(with_energy) - overall
                if len(with_energy) >= 2
                else Fraction(0)
            )
            felt = Fraction(sum(quality[who]), len(quality[who])) - 3
            return lifted + felt / 2

        self.score = {who: lift(who) for who in contacts}
        # who lifts energy and felt connected first, then the most met, the latest, the name
        self.ranked = sorted(
            contacts,
            key=lambda k: (-self.score[k], -contacts[k], -latest[k].timestamp(), k),
        )
        self.spelled = spelled
        learn = [
            s
            for s in ctx.within(ctx.ai, ctx.last(r.LEARNING_DAYS * 2))
            if s.purpose == m.Purpose.LEARN and s.skill and s.skill.strip()
        ]
        self.skill_name = learn[-1].skill.strip() if learn else None

    def _pick(
        self, relations: tuple[m.Relation, ...], *, skip: tuple[str | None, ...] = ()
    ) -> str | None:
        skipped = {key(s) for s in skip if s}
        for name in self.ctx.lifting:  # whose days go with more energy (factors) come first
            who = key(name)
            if who not in skipped and self.relations.get(who, R.OTHER) in relations:
                return self.spelled.get(who, name)
        rank = {who: n for n, who in enumerate(self.ranked)}
        for relation in relations:
            met = [w for w in self.ranked if self.relations.get(w, R.OTHER) == relation]
            met = [w for w in met if w not in skipped]
            if met:
                return self.spelled[min(met, key=lambda w: rank[w])]
        for person in self.ctx.people:  # on the roster but not met lately
            if key(person.name) not in skipped and person.relation in relations[:2]:
                return person.name
        return None

    def colleague(self, *, skip: tuple[str | None, ...] = ()) -> str | None:
        """Someone the user works with, in the order their role suggests, who lifts them most."""
        return self._pick(WORK_BY_ROLE[self.role], skip=skip)

    def guide(self, *, skip: tuple[str | None, ...] = ()) -> str | None:
        """Someone to ask for mentoring or feedback: a mentor, else by role."""
        return self._pick(GUIDES_BY_ROLE[self.role], skip=skip)

    def close(self) -> str | None:
        """Someone who lifts the user's energy, friends and family first, else anyone."""
        return self._pick(CLOSE) or self._pick(CONFIDANTS)

    def tool(self, finding: Finding) -> str:
        """The AI tool in the finding's evidence: the one used instead of a person first, then
        the one with most minutes; "AI" when the evidence holds no session."""
        ids = {i for _, day_ids in finding.evidence for i in day_ids}
        sessions = [s for s in self.ctx.ai if s.id in ids]
        if not sessions:
            return "AI"
        instead = [s for s in sessions if s.instead_of_person or s.purpose == m.Purpose.COMPANION]
        pool = instead or sessions
        minutes: Counter[str] = Counter()
        spelled: dict[str, str] = {}
        for session in pool:
            minutes[session.tool.casefold()] += session.minutes
            spelled.setdefault(session.tool.casefold(), session.tool)
        return spelled[max(minutes, key=lambda t: (minutes[t], t))]


def _or(name: str | None, fallback: str) -> str:
    return name if name else fallback


def _colleague_word(p: Personal) -> str:
    return {
        m.Role.FREELANCER: "a peer",
        m.Role.STUDENT: "a classmate",
        m.Role.MANAGER: "a peer",
    }.get(p.role, "a teammate")


# --- per insight -------------------------------------------------------------------------------


def _wellbeing_low(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.close(), "someone you trust")
    if f.support:
        return [
            (
                "talk-to-a-professional",
                "Book a conversation with your doctor or another professional this week, and "
                "tell them how the last two weeks have been.",
            ),
            ("tell-someone", f"Tell {who} how you have been feeling; you do not have to fix it."),
        ]
    return [
        ("tell-someone", f"Tell {who} how you have been feeling; you do not have to fix it."),
        (
            "one-good-thing",
            "Plan one thing this week that usually does you good, and note your energy after.",
        ),
    ]


def _wellbeing_drop(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.close(), "someone you trust")
    return [
        ("notice-change", "Write one line on what changed since your previous WHO-5."),
        ("tell-someone", f"Tell {who} how you have been feeling; you do not have to fix it."),
    ]


def _connection(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), _colleague_word(p))
    return [
        ("one-to-one", f"Ask {who} for a 20-minute one-to-one this week, with no agenda."),
        (
            "people-block",
            "Protect a 30-minute people block in your day this week: a call, a walk or lunch.",
        ),
    ]


def _trust(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), _colleague_word(p))
    tool = p.tool(f)
    return [
        (
            "second-opinion",
            f"Take one answer {tool} gave you this week to {who} for a second opinion, and "
            "compare notes.",
        ),
        (
            "ask-first",
            f"Next time a work question comes up, ask {who} before you ask {tool}, and see what "
            "each adds.",
        ),
    ]


def _augmentation(f: Finding, p: Personal) -> list[Suggestion]:
    tool = p.tool(f)
    if f.severity == r.GOOD:
        who = _or(p.colleague(), _colleague_word(p))
        return [
            (
                "share-how",
                f"Show {who} how you learn with {tool}: one example, ten minutes.",
            )
        ]
    return [
        (
            "draft-first",
            f"Before handing the next task to {tool}, sketch your own first take and use {tool} "
            "as a co-creator to improve it.",
        ),
        (
            "learn-one-thing",
            f"In one {tool} session this week, ask it to explain how the result works, not only "
            "to produce it.",
        ),
    ]


def _learning(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), _colleague_word(p))
    skills = f.metrics.get("skills") or []
    topic = skills[-1] if skills else (p.skill_name or None)
    out = [
        (
            "teach-a-colleague",
            f"Teach {who} what you learned about {topic} in a 15-minute walkthrough."
            if topic
            else f"Teach {who} one thing you learned with AI this week, in a 15-minute "
            "walkthrough.",
        )
    ]
    if topic:
        out.append(
            ("practise-together", f"Try {topic} on a real task with {who} and compare approaches.")
        )
    else:
        out.append(
            (
                "log-skills",
                "Add `--skill` when you log a learning session, so you can see what AI helped "
                "you learn.",
            )
        )
    return out


def _instead(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), _colleague_word(p))
    return [
        (
            "ask-a-person",
            f"Next time you reach for {p.tool(f)} instead of someone, message {who} first; even "
            "a 10-minute chat counts.",
        ),
        (
            "people-block",
            "Protect a 30-minute people block in your day this week: a call, a walk or lunch.",
        ),
    ]


def _companion(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.close(), "someone you like")
    return [
        (
            "evening-call",
            f"On an evening you would chat with {p.tool(f)}, call or message {who} instead.",
        ),
        ("screens-off", "Pick one night this week to close the laptop by 22:00."),
    ]


def _fading(f: Finding, p: Personal) -> list[Suggestion]:
    first = p.colleague()
    second = p.colleague(skip=(first,))
    return [
        (
            "people-block",
            "Protect a 30-minute people block on two days this week"
            + (f", starting with {first}." if first else "."),
        ),
        (
            "reach-out",
            f"Bring one question you would otherwise ask AI to "
            f"{_or(second or first, _colleague_word(p))} this week.",
        ),
    ]


def _isolation(f: Finding, p: Personal) -> list[Suggestion]:
    who = p.close()
    return [
        (
            "reach-out",
            f"Reach out to {_or(who, 'someone you like working with')} today for a short call or "
            "coffee; ten minutes is enough.",
        ),
        (
            "plan-a-conversation",
            "Put one conversation with a person into tomorrow's plan, before your first AI "
            "session.",
        ),
    ]


def _mentoring(f: Finding, p: Personal) -> list[Suggestion]:
    guide = p.guide()
    peer = p.colleague(skip=(guide,))
    what = {
        m.Role.MANAGER: "how you lead",
        m.Role.FREELANCER: "your latest piece of work",
        m.Role.STUDENT: "your current project",
    }.get(p.role, "something you made recently")
    return [
        (
            "book-mentoring",
            f"Ask {guide} for 15 minutes of mentoring this week."
            if guide
            else "Ask someone you look up to for 15 minutes of mentoring this week "
            "(`aijournal people NAME --relation mentor` remembers them).",
        ),
        (
            "ask-feedback",
            f"Ask {_or(peer, _colleague_word(p))} for 15 minutes of feedback on {what}.",
        ),
    ]


def _energy(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.close(), "someone you like")
    out = [
        (
            "energising-plan",
            f"Plan one energising thing with {who} this week: a walk, lunch or a call.",
        )
    ]
    if f.metrics.get("ai_rising"):
        out.append(
            (
                "ai-free-block",
                f"Try one focus block without {p.tool(f)} tomorrow and note your energy "
                "afterwards.",
            )
        )
    out.append(
        (
            "notice-drains",
            "Log your energy twice a day this week to see which moments drain you and which "
            "lift you.",
        )
    )
    return out


def _lift(f: Finding, p: Personal) -> list[Suggestion]:
    if f.severity == r.GOOD:
        who = _or(p.close(), "someone you like")
        return [
            (
                "plan-people-time",
                f"People lift your energy: plan time with {who} on a day you expect to be heavy.",
            )
        ]
    return [
        (
            "lighter-meetings",
            "Try one shorter, more focused meeting this week and notice whether it leaves you "
            "with more energy.",
        ),
        ("recovery-gap", "Leave 15 quiet minutes after your next long conversation."),
    ]


def _neglected(f: Finding, p: Personal) -> list[Suggestion]:
    name = str(f.metrics["person"])
    relation = p.relations.get(key(name))
    if relation == R.MENTOR:
        text = f"Reconnect with {name}: ask for 15 minutes of mentoring this week."
    elif relation in CLOSE:
        text = f"Reconnect with {name}: send a short message and suggest a walk or a call."
    else:
        text = (
            f"Reconnect with {name}: send a short message this week and suggest a call or coffee."
        )
    return [(f"reconnect-{slug(name)}", text)]


def _meetings(f: Finding, p: Personal) -> list[Suggestion]:
    who = _or(p.colleague(), _colleague_word(p))
    return [
        (
            "trim-a-meeting",
            "Decline, shorten or turn into a written update one meeting this week that leaves "
            "you drained.",
        ),
        ("one-to-one", f"Use the time for a 20-minute one-to-one with {who}."),
    ]


def _good(f: Finding, p: Personal) -> list[Suggestion]:
    return []


SUGGEST: dict[str, Callable[[Finding, Personal], list[Suggestion]]] = {
    "wellbeing-low": _wellbeing_low,
    "wellbeing-drop": _wellbeing_drop,
    "connection-low": _connection,
    "trust-streak": _trust,
    "augmentation-share": _augmentation,
    "learning-partner": _learning,
    "ai-instead-of-people": _instead,
    "companion-rising": _companion,
    "people-fading": _fading,
    "isolation-streak": _isolation,
    "no-mentoring": _mentoring,
    "energy-slide": _energy,
    "people-lift-energy": _lift,
    "neglected-person": _neglected,
    "meeting-load": _meetings,
}


def recently_done(ctx: Context) -> set[str]:
    """Action ids done in the last ACTION_REPEAT_DAYS days: not offered again as new."""
    first, _ = ctx.last(r.ACTION_REPEAT_DAYS)
    return {
        i.action_id
        for i in ctx.intentions
        if i.done_at is not None and first <= i.done_at.astimezone().date() <= ctx.as_of
    }


def suggest(finding: Finding, personal: Personal) -> list[Suggestion]:
    """(slug, text) pairs for a finding, best first; may be empty (good findings)."""
    return SUGGEST.get(finding.id, _good)(finding, personal)
