"""The classification queue shared by `aijournal classify` and the TUI: keys, order, answers.

Imported AI sessions arrive `unclassified`; the queue shows them newest first, one key per
purpose (and `k` to type what was learned), and writes each answer through service.edit_entry
(one undo step per answer). Where the user's own past classifications suggest a purpose
(journal.suggest), the queue shows it with its basis and `y` (or Enter) accepts it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from journal.present import day_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.models import AISession
    from journal.store import JournalStore
    from journal.suggest import Suggestion

KEYS = {"l": "learn", "a": "augment", "t": "automate", "c": "companion"}
SKIP, QUIT, SKILL, ACCEPT = "s", "q", "k", "y"
HINT = "l learn · a augment · t automate · c companion · k skill · s skip · q quit"


def pending(store: JournalStore) -> list[str]:
    """Ids of the unclassified AI sessions, newest first."""
    return store.unclassified_ai_ids()


def session(store: JournalStore, session_id: str) -> AISession | None:
    """The session, if it is still live and unclassified (it may have changed meanwhile)."""
    from journal.models import AISession  # loaded by the read anyway (journal.rows)

    entry = store.entry(AISession, session_id)
    if entry is None or entry.deleted or entry.purpose != "unclassified":
        return None
    return entry


def card(entry: AISession, today: dt.date) -> str:
    """One line about a session: tool, when, minutes and its title."""
    moment = entry.started_at.astimezone()
    label = day_text(moment.date(), today)
    note = f" · {entry.note}" if entry.note else ""
    skill = f" · skill: {entry.skill}" if entry.skill else ""
    return f"{entry.tool} · {label} {moment:%H:%M} · {entry.minutes} min{skill}{note}"


def answer(store: JournalStore, session_id: str, key: str) -> str:
    """Give the session the purpose of a key; returns the purpose."""
    return give(store, session_id, KEYS[key])


def give(store: JournalStore, session_id: str, purpose: str) -> str:
    """Give the session a purpose (an accepted suggestion's); returns it."""
    from journal.service import edit_entry

    edit_entry(store, session_id, {"purpose": purpose})
    return purpose


def suggestion(store: JournalStore, entry: AISession) -> Suggestion | None:
    """What the user's past classifications suggest for this session, read afresh (each answer
    in the queue teaches the next suggestion)."""
    from journal import suggest

    return suggest.for_session(store, entry)


def suggestion_line(found: Suggestion) -> str:
    """The suggestion and why: "suggested: augment (confidence 0.83): you called 9 of 10 ..."."""
    return f"suggested: {found.purpose} (confidence {found.confidence:.2f}): {found.basis}"


def accept_hint(found: Suggestion) -> str:
    return f"y or Enter: {found.purpose} · {HINT}"


def set_skill(store: JournalStore, session_id: str, text: str) -> str:
    """Give the session what was learned (typed after `k`); returns it as stored."""
    from journal.parse import parse_text
    from journal.service import edit_entry

    skill = parse_text(text, "skill")
    edit_entry(store, session_id, {"skill": skill})
    return skill


@dataclass
class Tally:
    """What a queue run did, for its closing summary."""

    given: dict[str, int] = field(default_factory=dict)
    skipped: int = 0

    def add(self, purpose: str) -> None:
        self.given[purpose] = self.given.get(purpose, 0) + 1

    @property
    def classified(self) -> int:
        return sum(self.given.values())

    def summary(self, left: int) -> str:
        parts = [
            f"{purpose} {self.given[purpose]}"
            for purpose in KEYS.values()
            if self.given.get(purpose)
        ]
        head = f"Classified {self.classified}" + (f" ({', '.join(parts)})" if parts else "")
        skipped = f", skipped {self.skipped}" if self.skipped else ""
        return f"{head}{skipped}; {left} still unclassified."
