"""A small builder of journal records for the reflection engine's tests (no store, no demo)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from journal import models as m
from journal.reflect.engine import Insight, Records, run

D = dt.date(2026, 11, 26)  # the pinned today of the test suite (a Thursday)
BERLIN = dt.timezone(dt.timedelta(hours=1))  # late November in Europe/Berlin


def day(offset_or_day: int | dt.date) -> dt.date:
    """`day(-3)` is D-3; a date passes through."""
    if isinstance(offset_or_day, dt.date):
        return offset_or_day
    return D + dt.timedelta(days=offset_or_day)


def moment(on: int | dt.date, hour: float = 10) -> dt.datetime:
    base = dt.datetime.combine(day(on), dt.time(0), tzinfo=BERLIN)
    return base + dt.timedelta(hours=hour)


class Journal:
    """Collects records; `.run()` hands them to the engine as of D (or another day)."""

    def __init__(self) -> None:
        self.ai_sessions: list[m.AISession] = []
        self.interactions: list[m.Interaction] = []
        self.energy_readings: list[m.Energy] = []
        self.checkins: list[m.CheckIn] = []
        self.people: list[m.Person] = []
        self.who5s: list[m.Who5] = []
        self.intentions: list[m.Intention] = []
        self.pauses: list[m.Pause] = []
        self.profile_record = m.Profile()
        self._n = 0

    def _common(self, prefix: str, at: dt.datetime, deleted: bool) -> dict[str, Any]:
        self._n += 1
        return {
            "id": f"{prefix}{self._n:03d}",
            "created_at": at,
            "updated_at": at,
            "deleted_at": at if deleted else None,
        }

    def ai(
        self,
        on: int | dt.date,
        minutes: int = 30,
        purpose: str = "augment",
        *,
        tool: str = "Claude",
        instead: bool = False,
        skill: str | None = None,
        hour: float = 10,
        deleted: bool = False,
    ) -> str:
        at = moment(on, hour)
        entry = m.AISession(
            **self._common("ai", at, deleted),
            started_at=at,
            minutes=minutes,
            tool=tool,
            purpose=m.Purpose(purpose),
            instead_of_person=instead,
            skill=skill,
            day=at.date(),
        )
        self.ai_sessions.append(entry)
        return entry.id

    def met(
        self,
        on: int | dt.date,
        people: str | tuple[str, ...] = "Sam",
        minutes: int = 30,
        *,
        kind: str = "collaboration",
        quality: int = 4,
        hour: float = 11,
        deleted: bool = False,
    ) -> str:
        at = moment(on, hour)
        names = (people,) if isinstance(people, str) else tuple(people)
        entry = m.Interaction(
            **self._common("met", at, deleted),
            at=at,
            minutes=minutes,
            people=names,
            kind=m.Kind(kind),
            quality=quality,
            day=at.date(),
        )
        self.interactions.append(entry)
        return entry.id

    def energy(
        self, on: int | dt.date, level: int, *, hour: float = 9, deleted: bool = False
    ) -> str:
        at = moment(on, hour)
        entry = m.Energy(**self._common("en", at, deleted), at=at, level=level, day=at.date())
        self.energy_readings.append(entry)
        return entry.id

    def checkin(
        self,
        on: int | dt.date,
        trust_ai: int,
        trust_team: int,
        *,
        connection: int | None = None,
        written: dt.datetime | None = None,
        deleted: bool = False,
    ) -> str:
        at = written or moment(on, 18)
        entry = m.CheckIn(
            **self._common("ck", at, deleted),
            day=day(on),
            trust_ai=trust_ai,
            trust_team=trust_team,
            connection=connection,
        )
        self.checkins.append(entry)
        return entry.id

    def who5(self, on: int | dt.date, percent: int, *, deleted: bool = False) -> str:
        """A WHO-5 scoring `percent` (a multiple of 4: raw score x 4)."""
        assert percent % 4 == 0 and 0 <= percent <= 100, percent
        raw = percent // 4
        items = tuple(min(5, max(0, raw - 5 * k)) for k in range(5))
        at = moment(on, 20)
        entry = m.Who5(**self._common("w5", at, deleted), day=day(on), items=items)  # type: ignore[arg-type]
        assert entry.percent == percent
        self.who5s.append(entry)
        return entry.id

    def profile(
        self,
        role: str = "employee",
        workdays: tuple[int, ...] = m.DEFAULT_WORKDAYS,
        target: int | None = None,
    ) -> None:
        self.profile_record = m.Profile(
            role=m.Role(role), workdays=workdays, augmentation_target=target
        )

    def pause(self, first: int | dt.date, last: int | dt.date, *, deleted: bool = False) -> str:
        at = moment(first, 8)
        entry = m.Pause(**self._common("pa", at, deleted), from_day=day(first), to_day=day(last))
        self.pauses.append(entry)
        return entry.id

    def intention(
        self, action_id: str, *, done: int | dt.date | None = None, text: str = "Do it."
    ) -> str:
        """An intention for an action, done on the day `done` (at 17:00) or still open."""
        at = moment(-30, 9)
        entry = m.Intention(
            **self._common("in", at, False),
            insight_id=action_id.split("/")[0],
            action_id=action_id,
            text=text,
            done_at=None if done is None else moment(done, 17),
        )
        self.intentions.append(entry)
        return entry.id

    def person(self, name: str, relation: str = "teammate") -> None:
        at = moment(-100)
        self.people.append(
            m.Person(**self._common("p", at, False), name=name, relation=m.Relation(relation))
        )

    def records(self, **overrides: Any) -> Records:
        values: dict[str, Any] = {
            "ai_sessions": tuple(self.ai_sessions),
            "interactions": tuple(self.interactions),
            "energy": tuple(self.energy_readings),
            "checkins": tuple(self.checkins),
            "people": tuple(self.people),
            "who5": tuple(self.who5s),
            "intentions": tuple(self.intentions),
            "profile": self.profile_record,
            "pauses": tuple(self.pauses),
        }
        values.update(overrides)
        return Records(**values)

    def run(self, as_of: int | dt.date = 0, **overrides: Any) -> list[Insight]:
        return run(self.records(**overrides), day(as_of))

    def get(self, insight_id: str, as_of: int | dt.date = 0, **overrides: Any) -> Insight | None:
        found = [i for i in self.run(as_of, **overrides) if i.id == insight_id]
        assert len(found) <= 1, f"{insight_id} fired {len(found)} times"
        return found[0] if found else None

    def all(self, insight_id: str, as_of: int | dt.date = 0) -> list[Insight]:
        return [i for i in self.run(as_of) if i.id == insight_id]


def evidence(insight: Insight) -> dict[dt.date, tuple[str, ...]]:
    return {e.day: e.entry_ids for e in insight.evidence}
