"""Short, readable renderings of values and entries for tables and status lines (no Textual)."""

from __future__ import annotations

import datetime as dt

from journal.models import AISession, CheckIn, Energy, Entry, Interaction, Who5, entry_time
from journal.present import TYPE_LABELS, ago, day_word, hours, minutes
from journal.tui.text import CHANNEL_LABELS, ENERGY_WORDS

__all__ = ["TYPE_LABELS", "ago", "hours", "minutes"]  # re-exported from journal.present


def clock(at: dt.datetime) -> str:
    return at.astimezone().strftime("%H:%M")


def when(entry: Entry, today: dt.date) -> str:
    at = entry_time(entry).astimezone()
    if isinstance(entry, CheckIn | Who5):
        stamp = ""
    else:
        stamp = at.strftime(" %H:%M")
    day = at.date()
    label = day_word(day, today) or day.strftime(
        "%a %d %b" if day.year == today.year else "%Y-%m-%d"
    )
    return label + stamp


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
        return " · ".join(
            [
                ", ".join(entry.people),
                entry.kind.value,
                CHANNEL_LABELS.get(entry.channel.value, entry.channel.value),
                f"felt {entry.quality}/5",
            ]
            + (["I reached out"] if entry.initiated else [])
        )
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
