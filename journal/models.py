"""Domain records of the journal: frozen dataclasses and enums, with their JSONL record form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from journal.metrics import AUGMENTING


class Purpose(StrEnum):
    LEARN = "learn"
    AUGMENT = "augment"
    AUTOMATE = "automate"
    COMPANION = "companion"
    UNCLASSIFIED = "unclassified"


AUGMENTATION = frozenset(Purpose(p) for p in AUGMENTING)
CLASSIFIED = frozenset(Purpose) - {Purpose.UNCLASSIFIED}


class Kind(StrEnum):
    MENTORING = "mentoring"
    FEEDBACK = "feedback"
    COLLABORATION = "collaboration"
    HELP = "help"
    SOCIAL = "social"
    MEETING = "meeting"


class Channel(StrEnum):
    IN_PERSON = "in_person"
    CALL = "call"
    VIDEO = "video"
    CHAT = "chat"
    EMAIL = "email"


class Relation(StrEnum):
    TEAMMATE = "teammate"
    MANAGER = "manager"
    MENTOR = "mentor"
    REPORT = "report"
    CLIENT = "client"
    PEER = "peer"
    FRIEND = "friend"
    FAMILY = "family"
    OTHER = "other"


@dataclass(frozen=True, kw_only=True)
class Entry:
    """Fields every record carries."""

    id: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None

    TYPE = ""  # the JSONL "type"; set on each subclass

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True, kw_only=True)
class AISession(Entry):
    TYPE = "ai_session"
    started_at: dt.datetime
    minutes: int
    tool: str
    purpose: Purpose = Purpose.UNCLASSIFIED
    instead_of_person: bool = False
    skill: str | None = None
    day: dt.date = field(default=dt.date.min, compare=False)

    @property
    def at(self) -> dt.datetime:
        return self.started_at


@dataclass(frozen=True, kw_only=True)
class Interaction(Entry):
    TYPE = "interaction"
    at: dt.datetime
    minutes: int
    people: tuple[str, ...]
    kind: Kind = Kind.COLLABORATION
    channel: Channel = Channel.IN_PERSON
    quality: int = 3
    initiated: bool = False
    day: dt.date = field(default=dt.date.min, compare=False)


@dataclass(frozen=True, kw_only=True)
class Person(Entry):
    TYPE = "person"
    name: str
    relation: Relation = Relation.OTHER


@dataclass(frozen=True, kw_only=True)
class Energy(Entry):
    TYPE = "energy"
    at: dt.datetime
    level: int
    day: dt.date = field(default=dt.date.min, compare=False)


@dataclass(frozen=True, kw_only=True)
class CheckIn(Entry):
    TYPE = "checkin"
    day: dt.date
    trust_ai: int
    trust_team: int
    connection: int | None = None


@dataclass(frozen=True, kw_only=True)
class Who5(Entry):
    TYPE = "who5"
    day: dt.date
    items: tuple[int, int, int, int, int]

    @property
    def raw(self) -> int:
        return sum(self.items)

    @property
    def percent(self) -> int:
        return self.raw * 4


@dataclass(frozen=True, kw_only=True)
class Intention(Entry):
    TYPE = "intention"
    insight_id: str
    action_id: str
    text: str
    done_at: dt.datetime | None = None
    dismissed_at: dt.datetime | None = None


class Role(StrEnum):
    EMPLOYEE = "employee"
    FREELANCER = "freelancer"
    MANAGER = "manager"
    STUDENT = "student"
    OTHER = "other"


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
DEFAULT_WORKDAYS = (0, 1, 2, 3, 4)


@dataclass(frozen=True, kw_only=True)
class Profile(Entry):
    """Who the journal belongs to, for wording and for comparing like days with like: one record.

    `workdays` are date.weekday() numbers (0 = Monday); `augmentation_target` a percentage the
    user chose (None: the research figure is shown as a reference point only)."""

    TYPE = "profile"
    id: str = "profile"
    created_at: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    updated_at: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    role: Role = Role.EMPLOYEE
    workdays: tuple[int, ...] = DEFAULT_WORKDAYS
    augmentation_target: int | None = None

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() in self.workdays


@dataclass(frozen=True, kw_only=True)
class Pause(Entry):
    """Days declared away (holiday, sick leave): they leave every window of the engine."""

    TYPE = "pause"
    from_day: dt.date
    to_day: dt.date
    reason: str | None = None

    def covers(self, day: dt.date) -> bool:
        return self.from_day <= day <= self.to_day


@dataclass(frozen=True, kw_only=True)
class Mute(Entry):
    """An insight hidden until a day (inclusive)."""

    TYPE = "mute"
    insight_id: str
    until: dt.date


MEASURES = ("energy", "connection", "augmentation", "people-minutes")
DESIGNS = ("before-after", "alternate")


@dataclass(frozen=True, kw_only=True)
class Experiment(Entry):
    """A change tried for some days and what it is measured by (an n-of-1 experiment).

    `before-after` compares its days with as many comparable days before `started_day`;
    `alternate` puts each day on or off in a balanced order drawn from `seed`."""

    TYPE = "experiment"
    name: str
    change: str
    days: int = 14
    measures: tuple[str, ...] = ("energy",)
    design: str = "before-after"
    started_day: dt.date
    seed: int = 0
    ended_at: dt.datetime | None = None

    @property
    def last_day(self) -> dt.date:
        return self.started_day + dt.timedelta(days=self.days - 1)


RECORD_TYPES: dict[str, type[Entry]] = {
    cls.TYPE: cls
    for cls in (
        AISession,
        Interaction,
        Person,
        Energy,
        CheckIn,
        Who5,
        Intention,
        Profile,
        Pause,
        Mute,
        Experiment,
    )
}
# Insight ids a mute may name: the detectors PRODUCT lists, and every `good-` finding.
DETECTOR_IDS = (
    "trust-streak",
    "augmentation-share",
    "learning-partner",
    "ai-instead-of-people",
    "people-fading",
    "isolation-streak",
    "no-mentoring",
    "energy-slide",
    "people-lift-energy",
    "neglected-person",
    "wellbeing-low",
    "wellbeing-drop",
    "connection-low",
    "companion-rising",
    "meeting-load",
)
GOOD_PREFIX = "good-"

# The short names `log --type` accepts.
SHORT_TYPES = {
    "ai": "ai_session",
    "met": "interaction",
    "energy": "energy",
    "checkin": "checkin",
    "who5": "who5",
}
TIMELINE_TYPES = ("ai_session", "interaction", "energy", "checkin", "who5")

WHO5_ITEMS = (
    "I have felt cheerful and in good spirits.",
    "I have felt calm and relaxed.",
    "I have felt active and vigorous.",
    "I woke up feeling fresh and rested.",
    "My daily life has been filled with things that interest me.",
)
WHO5_SCALE = (
    "At no time",
    "Some of the time",
    "Less than half of the time",
    "More than half of the time",
    "Most of the time",
    "All of the time",
)
WHO5_CITATION = (
    "WHO-5 Well-Being Index, Psychiatric Research Unit, Mental Health Centre North Zealand"
)
WHO5_DISCLAIMER = "The WHO-5 is a wellbeing screen, not a diagnosis."


def who5_band(percent: int) -> str:
    """The standard band of a WHO-5 percentage score."""
    if percent <= 28:
        return "very low wellbeing: please seek professional advice"
    if percent <= 50:
        return "low wellbeing: worth talking to someone you trust or a professional"
    return "no sign of low wellbeing"


def entry_time(entry: Entry) -> dt.datetime:
    """When an entry happened, for ordering and display (noon for day-only records)."""
    for name in ("started_at", "at"):
        value = getattr(entry, name, None)
        if isinstance(value, dt.datetime):
            return value
    day = getattr(entry, "day", None)
    if isinstance(day, dt.date):
        return dt.datetime.combine(day, dt.time(12)).astimezone()
    return entry.created_at


# --- JSONL record form -------------------------------------------------------------------------

_RECORD_SKIP = {"day"}  # derived columns that are not part of the record form
# Record names that differ from the field names (`from` is a Python keyword).
_RECORD_NAMES = {"from_day": "from", "to_day": "to"}


def to_record(entry: Entry) -> dict[str, Any]:
    """The JSONL record of an entry: "type" first, ISO times with offset, days as YYYY-MM-DD."""
    out: dict[str, Any] = {"type": entry.TYPE}
    for f in fields(entry):
        if f.name in _RECORD_SKIP and entry.TYPE not in ("checkin", "who5"):
            continue
        value = getattr(entry, f.name)
        if f.name == "workdays":
            value = [WEEKDAYS[d] for d in value]
        out[_RECORD_NAMES.get(f.name, f.name)] = _jsonable(value)
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    return value
