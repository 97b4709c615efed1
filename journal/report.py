"""Time totals over a period, grouped (by tool, purpose, skill, person, ...): `aijournal report`.

Pure: AI sessions and interactions in, a tree of totals out, AI and people time side by side.
Text labels ("Claude" and "claude" are one tool, shown as first written) follow one rule,
journal.names.key, as people's names do.

An entry counts once in each group it belongs to: a meeting with Sam and Priya is 30 minutes
with Sam and 30 with Priya, so the groups of a many-valued field (person, tag) may add up to more
than the total. An entry without the field (an interaction grouped by tool, an untagged session
grouped by tag) goes to the group whose key is None.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from journal import models as m
from journal import present
from journal.names import key as name_key

GROUPS = ("tool", "purpose", "skill", "person", "kind", "channel", "tag", "day", "week", "month")
FOLDED = ("tool", "skill", "person", "tag")  # free text: one group whatever the case
TIME_GROUPS = ("day", "week", "month")  # in time order; the others by most time first
NONE_LABELS = {
    "tool": "(no tool)",
    "purpose": "(no purpose)",
    "skill": "(no skill)",
    "person": "(no person)",
    "kind": "(no kind)",
    "channel": "(no channel)",
    "tag": "(no tag)",
}


@dataclass
class Group:
    """Totals of one group (or of the whole period, key None), with its subgroups."""

    key: str | None = None
    ai_minutes: int = 0
    people_minutes: int = 0
    ai_sessions: int = 0
    interactions: int = 0
    groups: list[Group] = field(default_factory=list)

    def add(self, entry: m.AISession | m.Interaction) -> None:
        if isinstance(entry, m.AISession):
            self.ai_minutes += entry.minutes
            self.ai_sessions += 1
        else:
            self.people_minutes += entry.minutes
            self.interactions += 1

    @property
    def minutes(self) -> int:
        return self.ai_minutes + self.people_minutes

    def as_dict(self, by: tuple[str, ...]) -> dict[str, object]:
        """The JSON form (keys documented in the README)."""
        data: dict[str, object] = {
            "key": self.key,
            "ai_minutes": self.ai_minutes,
            "people_minutes": self.people_minutes,
            "ai_sessions": self.ai_sessions,
            "interactions": self.interactions,
        }
        if by:
            data["groups"] = [g.as_dict(by[1:]) for g in self.groups]
        return data


@dataclass
class Report:
    since: dt.date
    until: dt.date
    by: tuple[str, ...]
    total: Group

    def as_dict(self) -> dict[str, object]:
        total = self.total.as_dict(())
        del total["key"]
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "days": (self.until - self.since).days + 1,
            "by": list(self.by),
            "total": total,
            "groups": [g.as_dict(self.by[1:]) for g in self.total.groups],
        }

    def rows(self) -> list[tuple[tuple[str | None, ...], Group]]:
        """The deepest groups as flat rows: (keys from the first level down, totals)."""
        out: list[tuple[tuple[str | None, ...], Group]] = []

        def walk(group: Group, keys: tuple[str | None, ...], depth: int) -> None:
            if depth == len(self.by):
                out.append((keys, group))
                return
            for sub in group.groups:
                walk(sub, (*keys, sub.key), depth + 1)

        walk(self.total, (), 0)
        return out


def label(by: str, key: str | None) -> str:
    """A group's key as a person reads it."""
    if key is None:
        return NONE_LABELS.get(by, "–")
    return key


HEADERS = ("AI", "sessions", "people", "interactions")
SHARED_NOTE = (
    "An entry with several people or tags counts in each of their groups, once in the total."
)
EMPTY = "(nothing logged in this period)"


def heading(result: Report) -> str:
    """`2026-11-01 to 2026-11-30 (30 days), by tool and skill`: the first line of a report."""
    days = (result.until - result.since).days + 1
    return (
        f"{result.since.isoformat()} to {result.until.isoformat()} "
        f"({present.count(days, 'day')}), by {' and '.join(result.by)}"
    )


def cells(group: Group) -> list[str]:
    """A group's figures in human units, as HEADERS names them (– for no entries of a kind)."""
    return [
        present.minutes(group.ai_minutes) if group.ai_sessions else "–",
        str(group.ai_sessions),
        present.minutes(group.people_minutes) if group.interactions else "–",
        str(group.interactions),
    ]


def shifted(since: dt.date, until: dt.date, steps: int) -> tuple[dt.date, dt.date]:
    """The period `steps` periods of the same length before (negative) or after this one.

    Whole months (a month, a quarter, a year) move by months, so November's next period is
    all of December; any other period (a week, a few days) moves by its number of days."""
    after = until + dt.timedelta(days=1)
    if since.day == 1 and after.day == 1:
        months = (after.year - since.year) * 12 + after.month - since.month
        first = _add_months(since, steps * months)
        return first, _add_months(first, months) - dt.timedelta(days=1)
    days = (until - since).days + 1
    move = dt.timedelta(days=steps * days)
    return since + move, until + move


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of a month, `months` months on (day is a first of a month)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _keys(entry: m.AISession | m.Interaction, by: str) -> list[str | None]:
    """The groups an entry belongs to for one grouping (several for people and tags)."""
    ai = isinstance(entry, m.AISession)
    if by == "day":
        return [entry.day.isoformat()]
    if by == "week":
        year, week, _ = entry.day.isocalendar()
        return [f"{year}-W{week:02d}"]
    if by == "month":
        return [entry.day.isoformat()[:7]]
    if by == "tag":
        return list(entry.tags) or [None]
    if ai:
        assert isinstance(entry, m.AISession)
        value = {"tool": entry.tool, "purpose": entry.purpose.value, "skill": entry.skill}
        return [value.get(by)]
    assert isinstance(entry, m.Interaction)
    if by == "person":
        return list(entry.people) or [None]
    value = {"kind": entry.kind.value, "channel": entry.channel.value}
    return [value.get(by)]


def build(
    sessions: list[m.AISession],
    interactions: list[m.Interaction],
    *,
    since: dt.date,
    until: dt.date,
    by: tuple[str, ...] = (),
) -> Report:
    """Totals of the entries whose day is in [since, until], grouped by up to two fields."""
    total = Group()
    # per level: (parent id, folded key) -> group; a label is the first spelling met in time
    index: dict[tuple[int, str | None], Group] = {}
    entries: list[m.AISession | m.Interaction] = [*sessions, *interactions]
    entries.sort(key=lambda e: (e.at, e.id))
    for entry in entries:
        if not since <= entry.day <= until:
            continue
        total.add(entry)
        parents = [total]
        for by_field in by:
            found: list[Group] = []
            seen: set[int] = set()
            for parent in parents:
                for value in dict.fromkeys(_keys(entry, by_field)):
                    folded = name_key(value) if value and by_field in FOLDED else value
                    slot = (id(parent), folded)
                    group = index.get(slot)
                    if group is None:
                        group = index[slot] = Group(key=value)
                        parent.groups.append(group)
                    if id(group) not in seen:
                        seen.add(id(group))
                        group.add(entry)
                        found.append(group)
            parents = found
    _order(total, by)
    return Report(since=since, until=until, by=by, total=total)


def _order(group: Group, by: tuple[str, ...]) -> None:
    if not by:
        return
    if by[0] in TIME_GROUPS:
        group.groups.sort(key=lambda g: g.key or "")
    else:  # most time first; the group without a key last
        group.groups.sort(key=lambda g: (g.key is None, -g.minutes, name_key(g.key or "")))
    for sub in group.groups:
        _order(sub, by[1:])
