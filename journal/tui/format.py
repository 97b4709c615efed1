"""Short, readable renderings of values and entries for tables and status lines (no Textual)."""

from __future__ import annotations

import datetime as dt

from journal.models import AISession, CheckIn, Energy, Entry, Interaction, Who5, entry_time
from journal.tui.text import CHANNEL_LABELS, ENERGY_WORDS

TYPE_LABELS = {"ai_session": "AI", "interaction": "people", "energy": "energy",
               "checkin": "check-in", "who5": "WHO-5"}


def minutes(value: int | float | None) -> str:
    """45m, 2h, 2h05."""
    if value is None:
        return "–"
    total = int(round(value))
    if total < 60:
        return f"{total}m"
    hours, rest = divmod(total, 60)
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"


def hours(value: int | float) -> str:
    """Minutes as a compact amount for chart labels: 45m, 3.5h, 12h."""
    if value < 60:
        return f"{int(round(value))}m"
    h = value / 60
    return f"{h:.1f}h" if h < 10 else f"{h:.0f}h"


def clock(at: dt.datetime) -> str:
    return at.astimezone().strftime("%H:%M")


def when(entry: Entry, today: dt.date) -> str:
    at = entry_time(entry).astimezone()
    if isinstance(entry, CheckIn | Who5):
        stamp = ""
    else:
        stamp = at.strftime(" %H:%M")
    day = at.date()
    if day == today:
        label = "today"
    elif day == today - dt.timedelta(days=1):
        label = "yesterday"
    elif day.year == today.year:
        label = day.strftime("%a %d %b")
    else:
        label = day.strftime("%Y-%m-%d")
    return label + stamp


def ago(day: dt.date | None, today: dt.date) -> str:
    if day is None:
        return "never"
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    return f"{days // 30} months ago"


def summary(entry: Entry) -> str:
    """One line saying what an entry holds."""
    if isinstance(entry, AISession):
        parts = [entry.tool, entry.purpose.value]
        if entry.instead_of_person:
            parts.append("instead of a person")
        if entry.skill:
            parts.append(f"learned {entry.skill}")
        return " · ".join(parts)
    if isinstance(entry, Interaction):
        return " · ".join([", ".join(entry.people), entry.kind.value,
                           CHANNEL_LABELS.get(entry.channel.value, entry.channel.value),
                           f"felt {entry.quality}/5"]
                          + (["I reached out"] if entry.initiated else []))
    if isinstance(entry, Energy):
        return f"energy {entry.level}/5 ({ENERGY_WORDS.get(entry.level, '')})"
    if isinstance(entry, CheckIn):
        text = f"trust AI {entry.trust_ai} · team {entry.trust_team}"
        if entry.connection is not None:
            text += f" · connection {entry.connection}"
        return text
    if isinstance(entry, Who5):
        return f"WHO-5 {entry.percent} % ({entry.raw}/25)"
    return entry.TYPE


def entry_minutes(entry: Entry) -> str:
    value = getattr(entry, "minutes", None)
    return minutes(value) if value else ""


def extra(entry: Entry) -> str:
    """Tags and the first line of the note."""
    bits = [f"#{t}" for t in entry.tags]
    if entry.note:
        bits.append(entry.note.splitlines()[0])
    return " ".join(bits)


def time_label(entry: Entry) -> str:
    """HH:MM of a timed entry; blank for day-only records (check-in, WHO-5)."""
    if isinstance(entry, CheckIn | Who5):
        return ""
    return clock(entry_time(entry))
