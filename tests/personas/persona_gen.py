"""Realistic six-week journals of made-up people, for judging the reflection engine from outside.

Each persona is a seeded draw (`random.Random(seed)`) of 42 days ending on `end` (day 1 is
end-41): weekends, public holidays, times of day that move around, the tools people really use,
names in several scripts. `records(persona)` hands it to `journal.reflect.engine.run` as-is (every
entry, also those after the as-of day: the engine must ignore them); `jsonl_lines(persona)` writes
it in PRODUCT's JSONL record form for `aijournal import jsonl`.

The personas (PERSONAS maps key -> builder(seed, end)):

- engineer: heavy Copilot automation, standup and pairing every workday, energy ~4, WHO-5 ~76 %,
  weekends without people (and more energy on them), no companion use; trust_ai one above
  trust_team all of week 4 on well-connected days; week 5 a focus week (standups, little pairing).
- manager: energy slides 3.5 -> 2.2 smoothly (no week drops 0.75), WHO-5 56 % -> 44 % -> 36 %,
  late-night companion sessions rising, connection falling; gives feedback to reports.
- holiday_paused / holiday_unpaused: two weeks of holiday (weeks 3 and 4), declared with a Pause
  or just nothing logged, then back to daily contact with teammate Elif.
- sparse: logs only two or three days a week (meets Hana most workdays, logged or not).
- freelancer: role freelancer, clients and peers, no teammates; energy ~4.3, WHO-5 ~76 %,
  connection 4-5, trust_ai now and then one point above trust_team (all of week 4).
- low_wellbeing: WHO-5 28 % then 24 %; tired, a run of trusting AI over the team.
- part_time: works mon-wed (profile says so); family and friends on other days.
- sun_thu: works sunday to thursday (profile says so); friday and saturday off.
- student: role student; learns with ChatGPT and Claude late at night (not companionship),
  study group with peers, office hours with a mentor, lectures.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from journal import models as m
from journal.reflect.engine import Records

ZONE = ZoneInfo("Europe/Berlin")  # the test suite's zone (tests/conftest.py sets TZ)
END = dt.date(2026, 11, 29)  # a Sunday: the six weeks run Monday 19 Oct .. Sunday 29 Nov
DAYS = 42
MON_FRI = (0, 1, 2, 3, 4)


@dataclass
class Persona:
    key: str
    end: dt.date
    profile: m.Profile = field(default_factory=m.Profile)
    people: list[m.Person] = field(default_factory=list)
    ai_sessions: list[m.AISession] = field(default_factory=list)
    interactions: list[m.Interaction] = field(default_factory=list)
    energy: list[m.Energy] = field(default_factory=list)
    checkins: list[m.CheckIn] = field(default_factory=list)
    who5: list[m.Who5] = field(default_factory=list)
    pauses: list[m.Pause] = field(default_factory=list)
    away: tuple[dt.date, dt.date] | None = None  # a holiday taken (declared or not)
    holidays: tuple[dt.date, ...] = ()  # public holidays on workdays

    @property
    def days(self) -> list[dt.date]:
        """Day 1 .. day 42 (index 0 .. 41)."""
        return [self.end - dt.timedelta(days=DAYS - 1 - i) for i in range(DAYS)]

    def day(self, number: int) -> dt.date:
        """Day `number` of the six weeks, 1-based (day 42 is `end`)."""
        return self.end - dt.timedelta(days=DAYS - number)

    def entries(self) -> list[m.Entry]:
        return [
            *self.people,
            *self.ai_sessions,
            *self.interactions,
            *self.energy,
            *self.checkins,
            *self.who5,
            *self.pauses,
        ]

    def entry_day(self, entry: m.Entry) -> dt.date | None:
        """The local day of an entry (None for people and pauses)."""
        if isinstance(entry, m.AISession | m.Interaction | m.Energy | m.CheckIn | m.Who5):
            return entry.day
        return None

    @property
    def relations(self) -> dict[str, m.Relation]:
        return {p.name: p.relation for p in self.people}


# --- building blocks ---------------------------------------------------------------------------


class Builder:
    """Adds entries to a persona with seeded ids and local times (fractional hours allowed)."""

    def __init__(self, persona: Persona, rng: random.Random):
        self.p = persona
        self.rng = rng

    def _id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def _common(self, at: dt.datetime) -> dict[str, Any]:
        return {"id": self._id(), "created_at": at, "updated_at": at}

    def at(self, day: dt.date, hour: float) -> dt.datetime:
        base = dt.datetime.combine(day, dt.time(0), tzinfo=ZONE)
        # wall-clock arithmetic: add to the naive time, then attach the zone (DST-proof)
        naive = base.replace(tzinfo=None) + dt.timedelta(minutes=round(hour * 60))
        return naive.replace(tzinfo=ZONE)

    def person(self, name: str, relation: str) -> str:
        first = self.at(self.p.end - dt.timedelta(days=DAYS + 30), 9)
        self.p.people.append(
            m.Person(**self._common(first), name=name, relation=m.Relation(relation))
        )
        return name

    def ai(
        self,
        day: dt.date,
        hour: float,
        minutes: int,
        tool: str,
        purpose: str,
        *,
        instead: bool = False,
        skill: str | None = None,
    ) -> None:
        at = self.at(day, hour)
        if at.date() > self.p.end:
            return
        self.p.ai_sessions.append(
            m.AISession(
                **self._common(at + dt.timedelta(minutes=minutes)),
                started_at=at,
                minutes=max(1, min(minutes, 1440)),
                tool=tool,
                purpose=m.Purpose(purpose),
                instead_of_person=instead,
                skill=skill,
                day=at.date(),
            )
        )

    def met(
        self,
        day: dt.date,
        hour: float,
        minutes: int,
        people: Iterable[str],
        kind: str,
        *,
        channel: str = "in_person",
        quality: int = 4,
        initiated: bool = False,
    ) -> None:
        at = self.at(day, hour)
        if at.date() > self.p.end:
            return
        self.p.interactions.append(
            m.Interaction(
                **self._common(at + dt.timedelta(minutes=minutes)),
                at=at,
                minutes=minutes,
                people=tuple(people),
                kind=m.Kind(kind),
                channel=m.Channel(channel),
                quality=max(1, min(quality, 5)),
                initiated=initiated,
                day=at.date(),
            )
        )

    def energy(self, day: dt.date, hour: float, level: int) -> None:
        at = self.at(day, hour)
        if at.date() > self.p.end:
            return
        self.p.energy.append(
            m.Energy(**self._common(at), at=at, level=max(1, min(level, 5)), day=at.date())
        )

    def level(self, mean: float, spread: float = 0.0) -> int:
        """An integer reading whose expectation is `mean` (stochastic rounding, a little noise)."""
        value = mean + (self.rng.uniform(-spread, spread) if spread else 0.0)
        low = int(value // 1)
        return max(1, min(5, low + (1 if self.rng.random() < value - low else 0)))

    def checkin(self, day: dt.date, trust_ai: int, trust_team: int, connection: int | None) -> None:
        at = self.at(day, self.rng.uniform(20.5, 22.5))
        self.p.checkins.append(
            m.CheckIn(
                **self._common(at),
                day=day,
                trust_ai=max(1, min(trust_ai, 5)),
                trust_team=max(1, min(trust_team, 5)),
                connection=None if connection is None else max(1, min(connection, 5)),
            )
        )

    def who5(self, day: dt.date, percent: int) -> None:
        """A WHO-5 scoring exactly `percent` (a multiple of 4), its items spread realistically."""
        raw = percent // 4
        items = [raw // 5] * 5
        for i in self.rng.sample(range(5), raw % 5):
            items[i] += 1
        for _ in range(2):  # move a point between two items, staying within 0..5
            a, b = self.rng.sample(range(5), 2)
            if items[a] > 0 and items[b] < 5:
                items[a] -= 1
                items[b] += 1
        at = self.at(day, self.rng.uniform(19, 22))
        self.p.who5.append(
            m.Who5(
                **self._common(at),
                day=day,
                items=(items[0], items[1], items[2], items[3], items[4]),
            )
        )

    def pause(self, first: dt.date, last: dt.date, reason: str) -> None:
        at = self.at(first - dt.timedelta(days=3), 18)
        self.p.pauses.append(
            m.Pause(**self._common(at), from_day=first, to_day=last, reason=reason)
        )


def _workday(p: Persona, day: dt.date) -> bool:
    if day in p.holidays:
        return False
    if p.away and p.away[0] <= day <= p.away[1]:
        return False
    return p.profile.is_workday(day)


def _holidays(p: Persona, *numbers: int) -> tuple[dt.date, ...]:
    """Public holidays: the given days of the six weeks that are workdays of the profile."""
    return tuple(p.day(n) for n in numbers if p.profile.is_workday(p.day(n)))


def _pick(rng: random.Random, names: list[str], k: int) -> list[str]:
    return rng.sample(names, min(k, len(names)))


# --- personas ----------------------------------------------------------------------------------


def engineer(seed: int = 1, end: dt.date = END) -> Persona:
    rng = random.Random(seed)
    p = Persona("engineer", end)
    b = Builder(p, rng)
    team = [
        b.person("Elif Yılmaz", "teammate"),
        b.person("Priya Raman", "teammate"),
        b.person("张伟", "teammate"),
        b.person("Lukas Hoffmann", "teammate"),
        b.person("Ana Souza", "teammate"),
    ]
    lead = b.person("Ingrid Solberg", "manager")
    p.holidays = _holidays(p, 11, 31)
    trusting = {p.day(n) for n in range(22, 27)}  # trust_ai one above trust_team, feeling fine
    focus = set(p.days[28:35])  # week 5: a focus week, pairing only now and then
    for number, day in enumerate(p.days, 1):
        work = _workday(p, day)
        b.energy(day, rng.uniform(7.5, 9.5), b.level(4.0 if work else 4.4, 0.3))
        if work:
            b.energy(day, rng.uniform(15, 17.5), b.level(3.8, 0.3))
            b.met(
                day,
                9.5 + rng.choice((0, 0, 0.25)),
                15,
                _pick(rng, team, rng.randint(3, 5)),
                "meeting",
                channel="video",
                quality=rng.choice((3, 4, 4)),
            )
            if day not in focus or rng.random() < 0.3:
                b.met(
                    day,
                    rng.uniform(10, 14),
                    rng.choice((60, 75, 90, 120)),
                    [rng.choice(team)],
                    "collaboration",
                    quality=rng.choice((4, 4, 5)),
                    initiated=rng.random() < 0.5,
                )
            if day.weekday() == 1:
                b.met(day, 16, 30, [lead], "feedback", channel="video", quality=4)
            if day.weekday() == 4:
                b.met(day, 12.5, 60, _pick(rng, team, 4), "social", quality=5, initiated=True)
            if day.weekday() == 2 and number % 14 < 7:
                b.met(day, 11, 60, [*team, lead], "meeting", channel="video", quality=3)
            for _ in range(rng.randint(2, 4)):
                b.ai(day, rng.uniform(9, 18), rng.choice((20, 30, 45, 60)), "Copilot", "automate")
            if rng.random() < 0.5:
                b.ai(day, rng.uniform(10, 17), rng.choice((10, 15, 20)), "ChatGPT", "augment")
            if rng.random() < 0.2:
                b.ai(day, rng.uniform(13, 17), 25, "Claude", "learn", skill="Rust lifetimes")
            t_ai, t_team = (
                (5, 4) if day in trusting else (rng.choice((3, 4)), rng.choice((4, 4, 5)))
            )
            b.checkin(day, t_ai, t_team, rng.choice((4, 4, 5)))
        else:
            b.energy(day, rng.uniform(17, 20), b.level(4.4, 0.3))
            if rng.random() < 0.25:
                b.ai(day, rng.uniform(10, 16), 40, "Claude", "learn", skill="woodworking joints")
        if number in (7, 21, 35):
            b.who5(day, {7: 76, 21: 72, 35: 80}[number])
    return p


def manager(seed: int = 2, end: dt.date = END) -> Persona:
    rng = random.Random(seed)
    p = Persona("manager", end, profile=m.Profile(role=m.Role.MANAGER))
    b = Builder(p, rng)
    reports = [
        b.person("Mateo García", "report"),
        b.person("田中 愛子", "report"),
        b.person("Oluwaseun Adeyemi", "report"),
        b.person("Сергей Иванов", "report"),
    ]
    boss = b.person("Karin Berg", "manager")
    peer = b.person("Rahul Mehta", "peer")
    p.holidays = _holidays(p, 11)
    who5 = {5: 56, 22: 44, 36: 36}
    for number, day in enumerate(p.days, 1):
        progress = (number - 1) / (DAYS - 1)
        mean = 3.5 - 1.3 * progress  # 3.5 -> 2.2, about 0.22 a week
        work = _workday(p, day)
        b.energy(day, rng.uniform(7, 9), b.level(mean + 0.15))
        b.energy(day, rng.uniform(17, 21), b.level(mean - 0.15))
        if work:
            b.met(day, 9, 30, reports, "meeting", channel="video", quality=3)
            r = reports[number % len(reports)]
            b.met(
                day,
                rng.uniform(10, 12),
                30,
                [r],
                "feedback",
                channel="video",
                quality=rng.choice((3, 4)),
                initiated=True,
            )
            if rng.random() < 0.5:
                b.met(
                    day,
                    rng.uniform(13, 16),
                    60,
                    [boss, peer],
                    "meeting",
                    channel="video",
                    quality=2 if progress > 0.5 else 3,
                )
            if day.weekday() == 3:
                b.met(day, 16.5, 30, [boss], "feedback", channel="call", quality=3)
            b.ai(day, rng.uniform(8, 18), rng.choice((20, 30, 40)), "ChatGPT", "augment")
            if rng.random() < 0.6:
                b.ai(day, rng.uniform(8, 18), 25, "Copilot", "automate")
            connection = 4 if progress < 0.3 else (3 if progress < 0.65 else 2)
            b.checkin(day, 3, 4 if progress < 0.5 else 3, connection)
        # late-night companion sessions: about one a week at first, most nights by week six
        if rng.random() < 0.1 + 0.75 * progress:
            b.ai(
                day,
                rng.uniform(22.5, 25),
                int(15 + 45 * progress + rng.randint(0, 15)),
                rng.choice(("ChatGPT", "Claude")),
                "companion",
            )
        if number in who5:
            b.who5(day, who5[number])
    return p


def _holiday(seed: int, end: dt.date, declared: bool) -> Persona:
    rng = random.Random(seed)
    p = Persona("holiday_paused" if declared else "holiday_unpaused", end)
    b = Builder(p, rng)
    elif_ = b.person("Elif Demir", "teammate")
    team = [elif_, b.person("Tomás Novák", "teammate"), b.person("Fatima Zahra", "teammate")]
    mentor = b.person("佐藤 浩", "mentor")
    friend = b.person("Jan Novák", "friend")
    p.away = (p.day(15), p.day(28))
    if declared:
        b.pause(p.day(15), p.day(28), "holiday")
    mentoring_days = {p.day(3), p.day(10), p.day(34), p.day(41)}
    for day in p.days:
        if p.away[0] <= day <= p.away[1]:
            continue  # nothing logged on holiday
        work = _workday(p, day)
        b.energy(day, rng.uniform(8, 10), b.level(3.9, 0.3))
        if work:
            b.met(day, 9.25, 15, team, "meeting", channel="video", quality=4)
            b.met(
                day,
                rng.uniform(10, 16),
                rng.choice((30, 45, 60)),
                [elif_],
                "collaboration",
                quality=rng.choice((4, 5)),
                initiated=rng.random() < 0.5,
            )
            if day in mentoring_days:
                b.met(day, 15, 45, [mentor], "mentoring", channel="video", quality=5)
            for _ in range(rng.randint(1, 3)):
                b.ai(
                    day,
                    rng.uniform(9, 17),
                    rng.choice((20, 30, 45)),
                    rng.choice(("Cursor", "Cursor", "Claude")),
                    rng.choice(("augment", "automate")),
                )
            b.checkin(day, rng.choice((3, 4)), 4, rng.choice((4, 5)))
            b.energy(day, rng.uniform(15, 18), b.level(3.8, 0.3))
        elif rng.random() < 0.5:
            b.met(day, rng.uniform(12, 19), 120, [friend], "social", quality=5, initiated=True)
    b.who5(p.day(6), 72)
    b.who5(p.day(33), 80)
    return p


def holiday_paused(seed: int = 3, end: dt.date = END) -> Persona:
    return _holiday(seed, end, declared=True)


def holiday_unpaused(seed: int = 3, end: dt.date = END) -> Persona:
    return _holiday(seed, end, declared=False)


def sparse(seed: int = 4, end: dt.date = END) -> Persona:
    rng = random.Random(seed)
    p = Persona("sparse", end)
    b = Builder(p, rng)
    hana = b.person("Hana Kobayashi", "teammate")
    others = [b.person("Marek Kowalski", "teammate"), b.person("Nguyễn Thu Trang", "peer")]
    weeks = [p.days[i : i + 7] for i in range(0, DAYS, 7)]
    for number, week in enumerate(weeks, 1):
        logged = sorted(rng.sample(week, rng.choice((2, 3))))
        if number in (2, 5):
            b.who5(logged[-1], 64 if number == 2 else 68)
        for day in logged:
            work = _workday(p, day)
            b.energy(day, rng.uniform(8, 21), b.level(3.8, 0.3))
            if work:
                if rng.random() < 0.7:
                    b.met(
                        day,
                        rng.uniform(9, 16),
                        rng.choice((30, 60)),
                        [hana],
                        "collaboration",
                        quality=rng.choice((3, 4, 4)),
                    )
                if rng.random() < 0.5:
                    b.met(day, 10, 30, [hana, *others], "meeting", channel="video", quality=3)
                b.ai(
                    day,
                    rng.uniform(9, 17),
                    rng.choice((30, 45, 60)),
                    "ChatGPT",
                    rng.choice(("augment", "automate", "learn")),
                )
                b.checkin(day, rng.choice((3, 4)), rng.choice((3, 4)), rng.choice((3, 4)))
    return p


def freelancer(seed: int = 5, end: dt.date = END) -> Persona:
    rng = random.Random(seed)
    p = Persona("freelancer", end, profile=m.Profile(role=m.Role.FREELANCER))
    b = Builder(p, rng)
    clients = [b.person("Deniz Kaya", "client"), b.person("María José Fernández", "client")]
    peers = [b.person("Kwame Mensah", "peer"), b.person("Ивана Петровић", "peer")]
    friend = b.person("Sara Lindqvist", "friend")
    for number, day in enumerate(p.days, 1):
        work = _workday(p, day)
        b.energy(day, rng.uniform(8, 10), b.level(4.3, 0.3))
        if work:
            b.energy(day, rng.uniform(16, 19), b.level(4.3, 0.3))
            if rng.random() < 0.6:
                b.met(
                    day,
                    rng.uniform(10, 16),
                    rng.choice((30, 45, 60)),
                    [rng.choice(clients)],
                    rng.choice(("meeting", "feedback", "collaboration")),
                    channel="video",
                    quality=rng.choice((4, 5)),
                    initiated=rng.random() < 0.5,
                )
            if rng.random() < 0.4:
                b.met(
                    day,
                    rng.uniform(11, 17),
                    30,
                    [rng.choice(peers)],
                    rng.choice(("help", "collaboration", "social")),
                    channel="chat",
                    quality=rng.choice((4, 5)),
                    initiated=True,
                )
            b.ai(
                day,
                rng.uniform(9, 12),
                rng.choice((40, 60, 90)),
                "Claude",
                "learn",
                skill=rng.choice(("Figma variables", "SvelteKit", "pricing a retainer")),
            )
            b.ai(day, rng.uniform(13, 17), rng.choice((45, 60)), "Cursor", "augment")
            if rng.random() < 0.5:
                b.ai(day, rng.uniform(14, 18), 20, "ChatGPT", "automate")
            team = 4 if number in range(22, 27) else rng.choice((4, 5))
            # trust_ai a point above trust_team now and then, and all week 4
            gap = 1 if number in range(22, 27) or (rng.random() < 0.3 and team < 5) else 0
            b.checkin(day, team + gap, team, 5 if gap else rng.choice((4, 5, 5)))
        elif rng.random() < 0.6:
            b.met(
                day,
                rng.uniform(11, 20),
                rng.choice((90, 120, 180)),
                [friend],
                "social",
                quality=5,
                initiated=rng.random() < 0.5,
            )
        if number in (4, 18, 32):
            b.who5(day, {4: 76, 18: 80, 32: 76}[number])
    return p


def low_wellbeing(seed: int = 6, end: dt.date = END) -> Persona:
    rng = random.Random(seed)
    p = Persona("low_wellbeing", end)
    b = Builder(p, rng)
    team = [b.person("陈静", "teammate"), b.person("Omar Farouk", "teammate")]
    lead = b.person("Beatriz Lima", "manager")
    p.holidays = _holidays(p, 11)
    for day in p.days:
        work = _workday(p, day)
        b.energy(day, rng.uniform(8, 11), b.level(2.6, 0.3))
        if work:
            if rng.random() < 0.7:
                b.met(day, 9.5, 15, team, "meeting", channel="video", quality=rng.choice((2, 3)))
            if rng.random() < 0.3:
                b.met(
                    day,
                    rng.uniform(11, 16),
                    30,
                    [rng.choice(team)],
                    "help",
                    channel="chat",
                    quality=3,
                )
            if day.weekday() == 2:
                b.met(day, 15, 30, [lead], "feedback", channel="video", quality=3)
            b.ai(day, rng.uniform(9, 17), rng.choice((30, 60, 90)), "ChatGPT", "automate")
            if rng.random() < 0.4:
                b.ai(day, rng.uniform(10, 17), 20, "ChatGPT", "augment", instead=True)
            t_team = rng.choice((2, 3))
            b.checkin(day, t_team + rng.choice((0, 1, 1)), t_team, rng.choice((2, 3)))
        if rng.random() < 0.3:
            b.ai(day, rng.uniform(21, 23.5), 30, "Character.AI", "companion")
    b.who5(p.day(8), 28)
    b.who5(p.day(15), 24)
    b.who5(p.day(29), 24)
    b.who5(p.day(40), 24)
    return p


def part_time(seed: int = 7, end: dt.date = END) -> Persona:
    rng = random.Random(seed)
    p = Persona("part_time", end, profile=m.Profile(workdays=(0, 1, 2)))
    b = Builder(p, rng)
    team = [b.person("Katarzyna Nowak", "teammate"), b.person("Pedro Alves", "teammate")]
    family = [b.person("Mama", "family"), b.person("Zeynep Aydın", "friend")]
    for number, day in enumerate(p.days, 1):
        work = _workday(p, day)
        b.energy(day, rng.uniform(7.5, 10), b.level(4.0, 0.3))
        if work:
            b.met(day, 9, 20, team, "meeting", channel="video", quality=4)
            b.met(
                day,
                rng.uniform(10, 15),
                60,
                [rng.choice(team)],
                "collaboration",
                quality=4,
                initiated=rng.random() < 0.5,
            )
            b.ai(day, rng.uniform(9, 16), 45, "Gemini", rng.choice(("augment", "automate")))
            b.checkin(day, rng.choice((3, 4)), 4, 4)
        elif rng.random() < 0.5:
            b.met(
                day,
                rng.uniform(10, 18),
                rng.choice((60, 120)),
                [rng.choice(family)],
                "social",
                channel=rng.choice(("in_person", "call")),
                quality=5,
                initiated=True,
            )
        if number in (10, 31):
            b.who5(day, 72)
    return p


def sun_thu(seed: int = 8, end: dt.date = END) -> Persona:
    rng = random.Random(seed)
    p = Persona("sun_thu", end, profile=m.Profile(workdays=(6, 0, 1, 2, 3)))
    b = Builder(p, rng)
    team = [
        b.person("יעל כהן", "teammate"),
        b.person("أحمد الخطيب", "teammate"),
        b.person("Daniel Levi", "teammate"),
    ]
    lead = b.person("Noa Friedman", "manager")
    for number, day in enumerate(p.days, 1):
        work = _workday(p, day)
        b.energy(day, rng.uniform(7, 9), b.level(3.9, 0.3))
        if work:
            b.met(day, 9, 15, team, "meeting", channel="video", quality=4)
            b.met(
                day,
                rng.uniform(10, 15),
                rng.choice((45, 60)),
                [rng.choice(team)],
                "collaboration",
                quality=rng.choice((4, 5)),
                initiated=rng.random() < 0.5,
            )
            if day.weekday() == 6:
                b.met(day, 14, 30, [lead], "feedback", quality=4)
            b.ai(day, rng.uniform(9, 17), rng.choice((30, 60)), "Copilot", "automate")
            b.ai(day, rng.uniform(9, 17), 30, "Claude", rng.choice(("augment", "learn")))
            b.checkin(day, rng.choice((3, 4)), rng.choice((4, 5)), rng.choice((4, 5)))
        if number in (9, 30):
            b.who5(day, 76)
    return p


def student(seed: int = 9, end: dt.date = END) -> Persona:
    rng = random.Random(seed)
    p = Persona("student", end, profile=m.Profile(role=m.Role.STUDENT))
    b = Builder(p, rng)
    peers = [
        b.person("Lina Schäfer", "peer"),
        b.person("Arjun Nair", "peer"),
        b.person("Chidi Okeke", "peer"),
    ]
    prof = b.person("Prof. Ngozi Okonkwo", "mentor")
    friend = b.person("Mei Lin", "friend")
    for number, day in enumerate(p.days, 1):
        work = _workday(p, day)
        b.energy(day, rng.uniform(9, 12), b.level(3.8, 0.4))
        if work:
            b.met(day, rng.choice((9, 11, 14)), 90, [*peers, prof], "meeting", quality=3)
            if rng.random() < 0.5:
                b.met(
                    day,
                    rng.uniform(15, 19),
                    120,
                    _pick(rng, peers, 2),
                    "collaboration",
                    quality=rng.choice((4, 5)),
                    initiated=rng.random() < 0.5,
                )
            if day.weekday() == 3:
                b.met(day, 16, 20, [prof], "mentoring", quality=4, initiated=True)
            b.checkin(day, rng.choice((3, 4)), rng.choice((3, 4)), rng.choice((3, 4, 4)))
        elif rng.random() < 0.6:
            b.met(
                day,
                rng.uniform(18, 22),
                150,
                [friend],
                "social",
                quality=5,
                initiated=rng.random() < 0.5,
            )
        # study sessions, often late (learning, not company)
        for _ in range(rng.randint(1, 2)):
            b.ai(
                day,
                rng.uniform(20, 25),
                rng.choice((30, 45, 60)),
                rng.choice(("ChatGPT", "Claude")),
                "learn",
                skill=rng.choice(("linear algebra", "statistics", "essay structure")),
            )
        if rng.random() < 0.3:
            b.ai(day, rng.uniform(14, 18), 30, "ChatGPT", "automate")
        if number in (12, 33):
            b.who5(day, 68)
    return p


PERSONAS: dict[str, Callable[..., Persona]] = {
    "engineer": engineer,
    "manager": manager,
    "holiday_paused": holiday_paused,
    "holiday_unpaused": holiday_unpaused,
    "sparse": sparse,
    "freelancer": freelancer,
    "low_wellbeing": low_wellbeing,
    "part_time": part_time,
    "sun_thu": sun_thu,
    "student": student,
}


# --- outputs -----------------------------------------------------------------------------------


def records(persona: Persona) -> Records:
    """Everything the persona logged, for `journal.reflect.engine.run(records, as_of)`."""
    days = [d for d in (persona.entry_day(e) for e in persona.entries()) if d is not None]
    return Records(
        ai_sessions=tuple(persona.ai_sessions),
        interactions=tuple(persona.interactions),
        energy=tuple(persona.energy),
        checkins=tuple(persona.checkins),
        people=tuple(persona.people),
        who5=tuple(persona.who5),
        intentions=(),
        profile=persona.profile,
        pauses=tuple(persona.pauses),
        first_day=min(days) if days else None,
    )


def _record(entry: m.Entry) -> dict[str, Any]:
    """PRODUCT's record form (journal.models.to_record writes pause as from/to, workdays as
    day names)."""
    return m.to_record(entry)


def jsonl_lines(persona: Persona, *, with_profile: bool | None = None) -> list[str]:
    """The persona in PRODUCT's JSONL record form, one JSON object a line (people first).

    The profile record is written when it differs from the default (or when asked)."""
    if with_profile is None:
        with_profile = persona.profile != m.Profile()
    entries: list[m.Entry] = [*([persona.profile] if with_profile else []), *persona.entries()]
    return [json.dumps(_record(e), ensure_ascii=False) for e in entries]
