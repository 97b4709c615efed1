"""Seeded demo personas: realistic, reproducible journals for the tour, screenshots and tests.

- drifting: AI time rising and sliding from learn/augment to automate/companion; people time,
  energy and trust in the team falling over the last five weeks; the mentor not seen for weeks.
- freelancer: mostly learning and augmenting with skills logged, weekly mentoring and feedback,
  steady energy.
- balanced: in between, steady.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from journal import service
from journal.clock import localize
from journal.errors import BadInput
from journal.store import JournalStore

PERSONAS = ("drifting", "freelancer", "balanced")

SKILLS = (
    "SQL window functions",
    "pandas groupby",
    "regex lookarounds",
    "Rust lifetimes",
    "pricing a fixed-bid project",
    "writing a proposal",
    "Docker networking",
    "CSS grid",
    "unit test design",
    "git rebase",
    "Spanish email etiquette",
    "async Python",
    "data cleaning",
    "Figma auto layout",
)


@dataclass(frozen=True)
class Persona:
    people: tuple[tuple[str, str], ...]  # (name, relation)
    tools: tuple[str, ...]
    mentor: str
    # purpose weights (learn, augment, automate, companion) at the start and at full drift
    purposes_start: tuple[float, float, float, float]
    purposes_end: tuple[float, float, float, float]
    ai_minutes: tuple[float, float]  # mean AI minutes a workday, start -> drift
    people_minutes: tuple[float, float]  # mean people minutes a workday, start -> drift
    energy: tuple[float, float]  # mean energy, start -> drift
    trust_ai: tuple[float, float]
    trust_team: tuple[float, float]
    instead_of_person: tuple[float, float]  # chance per session
    mentor_gap_days: int  # the mentor is not seen in the last N days
    feedback_every: int  # days between feedback/mentoring (0: never)


PERSONA_SETTINGS = {
    "drifting": Persona(
        people=(
            ("Priya", "mentor"),
            ("Sam", "teammate"),
            ("Alex", "teammate"),
            ("Jordan", "manager"),
            ("Mei", "peer"),
            ("Lena", "friend"),
        ),
        tools=("ChatGPT", "Claude", "Copilot"),
        mentor="Priya",
        purposes_start=(0.35, 0.45, 0.15, 0.05),
        purposes_end=(0.05, 0.2, 0.45, 0.3),
        ai_minutes=(80, 230),
        people_minutes=(110, 18),
        energy=(4.1, 1.9),
        trust_ai=(2.8, 4.6),
        trust_team=(4.1, 2.2),
        instead_of_person=(0.04, 0.45),
        mentor_gap_days=30,
        feedback_every=6,
    ),
    "freelancer": Persona(
        people=(
            ("Ines", "mentor"),
            ("Tom", "client"),
            ("Ruth", "client"),
            ("Kofi", "peer"),
            ("Dana", "peer"),
            ("Noor", "friend"),
        ),
        tools=("Claude", "ChatGPT", "Perplexity"),
        mentor="Ines",
        purposes_start=(0.45, 0.42, 0.11, 0.02),
        purposes_end=(0.45, 0.42, 0.11, 0.02),
        ai_minutes=(110, 110),
        people_minutes=(75, 75),
        energy=(3.9, 3.9),
        trust_ai=(3.2, 3.2),
        trust_team=(4.0, 4.0),
        instead_of_person=(0.0, 0.0),
        mentor_gap_days=0,
        feedback_every=5,
    ),
    "balanced": Persona(
        people=(
            ("Chris", "mentor"),
            ("Robin", "teammate"),
            ("Kai", "teammate"),
            ("Morgan", "manager"),
            ("Ana", "friend"),
        ),
        tools=("ChatGPT", "Claude", "Gemini"),
        mentor="Chris",
        purposes_start=(0.25, 0.4, 0.3, 0.05),
        purposes_end=(0.25, 0.4, 0.3, 0.05),
        ai_minutes=(90, 100),
        people_minutes=(80, 70),
        energy=(3.6, 3.5),
        trust_ai=(3.3, 3.5),
        trust_team=(3.8, 3.6),
        instead_of_person=(0.08, 0.1),
        mentor_gap_days=0,
        feedback_every=8,
    ),
}

PURPOSE_ORDER = ("learn", "augment", "automate", "companion")


class _SeededIds:
    """The store as the demo writes to it: each new row's id comes from the seed too, so the same
    persona, seed, days and clock give the same journal, ids included."""

    def __init__(self, store: JournalStore, seed: str):
        self.store = store
        self.rng = random.Random(f"{seed}-ids")

    def insert(self, table: str, row: dict) -> str:
        row["id"] = f"{self.rng.getrandbits(128):032x}"
        return self.store.insert(table, row)

    def set_people(self, interaction_id: str, person_ids: list[str]) -> None:
        self.store.set_people(interaction_id, person_ids)


def _mix(pair: tuple[float, float], drift: float) -> float:
    return pair[0] + (pair[1] - pair[0]) * drift


def _clamp(value: float, lo: int, hi: int) -> int:
    return max(lo, min(hi, round(value)))


def drift_at(days_before_end: int) -> float:
    """0 before the last ~six weeks, rising to 1 at the end, faster near the end."""
    return max(0.0, min(1.0, 1 - days_before_end / 40)) ** 1.4


def fill(
    store: JournalStore,
    *,
    persona: str,
    days: int,
    seed: int,
    today: dt.date,
    now: dt.datetime | None = None,
    density: int = 1,
) -> str:
    """Write `days` days of the persona, ending today, into an empty journal; returns a summary."""
    if persona not in PERSONA_SETTINGS:
        raise BadInput(f"persona {persona!r} is not accepted; use one of: {', '.join(PERSONAS)}")
    if not service.is_empty(store):
        raise BadInput(
            f"the journal {store.path!r} already has entries; the demo only fills an "
            "empty journal (use --db demo.db for a separate one)"
        )
    from journal.clock import now as clock_now

    now = now or clock_now()
    settings = PERSONA_SETTINGS[persona]
    rng = random.Random(f"{persona}-{seed}")
    counts = {"ai": 0, "met": 0, "energy": 0, "checkin": 0, "who5": 0}
    first = today - dt.timedelta(days=days - 1)

    def at(day: dt.date, hour: float) -> dt.datetime | None:
        moment = localize(dt.datetime.combine(day, dt.time(0)) + dt.timedelta(hours=hour))
        return moment if moment <= now else None

    with store.write(f"demo persona {persona}"):
        writer = _SeededIds(store, f"{persona}-{seed}")
        ids = {}
        for name, relation in settings.people:
            ids[name] = writer.insert(
                "person", service.person_row(name, relation, now=now, source="demo")
            )
        for index in range(days):
            day = first + dt.timedelta(days=index)
            drift = drift_at(days - 1 - index)
            workday = day.weekday() < 5
            _ai_day(writer, rng, settings, day, drift, workday, at, counts, now, density)
            _people_day(
                writer, rng, settings, day, drift, workday, at, counts, now, index, days, ids
            )
            for hour in [9.5, 16.5] if rng.random() < 0.6 else [13.0]:
                moment = at(day, hour + rng.uniform(-0.7, 0.7))
                if moment is None:
                    continue
                weekend_lift = 0 if workday else 0.3
                level = _clamp(
                    rng.gauss(_mix(settings.energy, drift**2) + weekend_lift, 0.55), 1, 5
                )
                writer.insert(
                    "energy",
                    {
                        **service.base_row(now, source="demo"),
                        **service.timed(moment),
                        "at": moment.isoformat(),
                        "level": level,
                    },
                )
                counts["energy"] += 1
            checkin_time = at(day, 18.0)
            if checkin_time is not None and rng.random() < 0.85:
                trust_ai = _clamp(rng.gauss(_mix(settings.trust_ai, drift), 0.45), 1, 5)
                trust_team = _clamp(rng.gauss(_mix(settings.trust_team, drift), 0.45), 1, 5)
                if persona == "drifting" and drift > 0.55:
                    trust_team = min(trust_team, trust_ai - 1) if trust_ai > 1 else trust_team
                if persona == "freelancer":
                    trust_ai = min(trust_ai, trust_team)
                writer.insert(
                    "checkin",
                    {
                        **service.base_row(now, source="demo"),
                        "day": day.isoformat(),
                        "ts": service.day_ts(day),
                        "trust_ai": trust_ai,
                        "trust_team": max(1, trust_team),
                        "connection": _clamp(
                            rng.gauss(_mix(settings.trust_team, drift), 0.6), 1, 5
                        ),
                    },
                )
                counts["checkin"] += 1
            if (days - 1 - index) % 14 == 0 and at(day, 20.0) is not None:
                base = _mix((3.8, 2.0) if persona == "drifting" else (3.6, 3.6), drift)
                items = [_clamp(rng.gauss(base, 0.6), 0, 5) for _ in range(5)]
                writer.insert(
                    "who5",
                    {
                        **service.base_row(now, source="demo"),
                        "day": day.isoformat(),
                        "ts": service.day_ts(day),
                        "items": "[" + ", ".join(map(str, items)) + "]",
                    },
                )
                counts["who5"] += 1
    return (
        f"{counts['ai']} AI sessions, {counts['met']} interactions, {counts['energy']} energy "
        f"readings, {counts['checkin']} check-ins, {counts['who5']} WHO-5"
    )


def _ai_day(store, rng, settings, day, drift, workday, at, counts, now, density):  # noqa: ANN001
    mean = _mix(settings.ai_minutes, drift) * (1 if workday else 0.25)
    base = max(0, round(rng.gauss(mean / 40, 0.8)))
    sessions = base * density
    weights = [
        _mix((a, b), drift)
        for a, b in zip(settings.purposes_start, settings.purposes_end, strict=True)
    ]
    for _ in range(sessions):
        purpose = rng.choices(PURPOSE_ORDER, weights)[0]
        hour = (
            rng.uniform(21, 23)
            if purpose == "companion" and rng.random() < 0.6
            else rng.uniform(8.5, 18)
        )
        moment = at(day, hour)
        if moment is None:
            continue
        minutes = _clamp(rng.gauss(mean / base, 12), 5, 180)
        skill = rng.choice(SKILLS) if purpose == "learn" and rng.random() < 0.8 else None
        instead = purpose != "automate" and rng.random() < _mix(settings.instead_of_person, drift)
        store.insert(
            "ai_session",
            service.ai_row(
                tool=rng.choice(settings.tools),
                minutes=minutes,
                at=moment,
                purpose=purpose,
                instead_of_person=instead,
                skill=skill,
                source="demo",
                now=now,
            ),
        )
        counts["ai"] += 1


MEETING_KINDS = ("collaboration", "meeting", "help", "collaboration", "social")


def _people_day(
    store,
    rng,
    settings,
    day,
    drift,
    workday,
    at,
    counts,
    now,
    index,
    days,  # noqa: ANN001
    ids,
):
    names = [name for name, relation in settings.people if relation not in ("friend", "family")]
    friends = [name for name, relation in settings.people if relation in ("friend", "family")]
    days_left = days - 1 - index
    mentor_ok = days_left >= settings.mentor_gap_days
    plans: list[tuple[list[str], str, float, int]] = []
    if workday:
        mean = _mix(settings.people_minutes, drift)
        count = max(0, round(rng.gauss(mean / 45, 0.6)))
        for _ in range(count):
            pool = [n for n in names if n != settings.mentor] or names
            people = rng.sample(pool, k=1 if rng.random() < 0.7 else min(2, len(pool)))
            minutes = _clamp(rng.gauss(mean / max(count, 1), 10), 5, 240)
            plans.append((people, rng.choice(MEETING_KINDS), rng.uniform(9, 17.5), minutes))
        every = settings.feedback_every
        if every and index % every == 0 and (mentor_ok or drift < 0.3):
            who = settings.mentor if mentor_ok else rng.choice(names)
            kind = "mentoring" if who == settings.mentor else "feedback"
            plans.append(([who], kind, rng.uniform(10, 16), _clamp(rng.gauss(40, 8), 15, 90)))
    elif friends and rng.random() < 0.5 * (1 - 0.6 * drift):
        plans.append(
            (
                [rng.choice(friends)],
                "social",
                rng.uniform(11, 20),
                _clamp(rng.gauss(90, 30), 20, 240),
            )
        )
    for people, kind, hour, minutes in plans:
        moment = at(day, hour)
        if moment is None:
            continue
        quality = _clamp(
            rng.gauss(_mix((4.0, 2.3), drift) if settings.energy[1] < 3 else 3.9, 0.7), 1, 5
        )
        if kind in ("mentoring", "feedback", "social"):
            quality = max(quality, 3)
        row = service.interaction_row(
            minutes=minutes,
            at=moment,
            kind=kind,
            channel=rng.choice(("in_person", "video", "call", "chat", "in_person")),
            quality=quality,
            initiated=rng.random() < _mix((0.5, 0.15), drift),
            source="demo",
            now=now,
        )
        store.insert("interaction", row)
        store.set_people(row["id"], [ids[n] for n in people])
        counts["met"] += 1
