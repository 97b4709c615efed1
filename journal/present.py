"""How values read to a person, in one place: entry-type and vocabulary labels, units and
relative days. Used by the CLI, the TUI and the exports.

Pure (no I/O, no UI libraries) and cheap to import: the shell quick-add path uses it.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not loaded on the quick-add path; mypy still sees the block
if TYPE_CHECKING:
    import datetime as dt

# --- entry types ---------------------------------------------------------------------------------

TYPE_LABELS = {
    "ai_session": "AI",
    "interaction": "people",
    "energy": "energy",
    "checkin": "check-in",
    "who5": "WHO-5",
}  # a table's type column
TYPE_COUNT_LABELS = {
    "ai_session": "AI sessions",
    "interaction": "interactions",
    "energy": "energy",
    "checkin": "check-in",
    "who5": "WHO-5",
}  # "AI sessions 3"
TYPE_NAMES = {
    "ai_session": "an AI session",
    "interaction": "an interaction",  # in a sentence
    "energy": "an energy reading",
    "checkin": "a check-in",
    "who5": "a WHO-5",
}

# --- vocabularies --------------------------------------------------------------------------------

PURPOSE_LABELS = {
    "learn": "learn: AI as a tutor",
    "augment": "augment: co-create",
    "automate": "automate: hand work off",
    "companion": "companion: company, chat",
    "unclassified": "unclassified",
}
CHANNEL_LABELS = {
    "in_person": "in person",
    "call": "call",
    "video": "video",
    "chat": "chat",
    "email": "email",
}

# --- units ---------------------------------------------------------------------------------------


def minutes(value: int | float | None) -> str:
    """45m, 2h, 2h 05m: the one way a duration reads (CLI, TUI, exports)."""
    if value is None:
        return "–"
    total = int(round(value))
    if total < 60:
        return f"{total}m"
    hours, rest = divmod(total, 60)
    return f"{hours}h {rest:02d}m" if rest else f"{hours}h"


_PLURALS = {"entry": "entries", "activity": "activities", "person": "people"}


def count(n: int, word: str, plural: str | None = None) -> str:
    """1 day, 2 days, 1 entry, 1,234 entries."""
    if n == 1:
        return f"{n} {word}"
    return f"{n:,} {plural or _PLURALS.get(word) or word + 's'}"


def hours(value: int | float) -> str:
    """Minutes as a compact amount for chart labels: 45m, 3.5h, 12h."""
    if value < 60:
        return f"{int(round(value))}m"
    h = value / 60
    return f"{h:.1f}h" if h < 10 else f"{h:.0f}h"


# --- relative days -------------------------------------------------------------------------------


def day_word(day: dt.date, today: dt.date) -> str | None:
    """ "today" or "yesterday"; None for any other day (the caller picks the date form)."""
    days = (today - day).days
    return "today" if days == 0 else "yesterday" if days == 1 else None


def day_text(day: dt.date, today: dt.date) -> str:
    """today, yesterday, or the ISO date."""
    return day_word(day, today) or day.isoformat()


def days_ago(days: int) -> str:
    """today, yesterday, or "N days ago" for a count of days."""
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def ago(day: dt.date | None, today: dt.date) -> str:
    """A rough age: never, today, yesterday, N days ago (under two weeks), N weeks ago (under 60
    days), N months ago (counted as 30 days)."""
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
