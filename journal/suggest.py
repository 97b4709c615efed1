"""Purpose suggestions learned from the user's own classifications: which purpose they gave past
AI sessions like an unclassified one (same tool, host or project, time of day, length).

The engine (`Learner`) is pure: facts of classified sessions in, a `Suggestion` out. It groups
past sessions by ever fewer features and answers from the most specific group with enough
support, so a project the user always spends on `augment` says so even when the tool as a whole
is mixed. `for_sessions`, `pending` and `apply` are the thin store-facing side: reads and the one
write go through journal.service; no SQL here.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from journal.models import AISession
    from journal.store import JournalStore

    Past = tuple[float, int, str, str, str | None]  # ts, minutes, tool, purpose, source

PURPOSES = ("learn", "augment", "automate", "companion")  # also the last tie-break, in this order
WINDOW_DAYS = 180  # only the last half year teaches: habits change
MIN_SUPPORT = 5  # a group of fewer past sessions suggests nothing
MIN_CONFIDENCE = 0.8  # `classify --accept` and `sync --classify` apply from here by default
SHORT_BELOW, LONG_ABOVE = 15, 60  # minutes: short < 15 ≤ medium ≤ 60 < long
SYNC_PREFIX = "sync:"  # journal.sync writes source = sync:<source>:<context>:<key>
NO_CONTEXT = "-"

# Most specific first; a level naming the context is skipped for a session without one.
LEVELS: tuple[tuple[str, ...], ...] = (
    ("tool", "context", "time", "length"),
    ("tool", "context", "time"),
    ("tool", "context"),
    ("tool", "time", "length"),
    ("tool", "time"),
    ("tool",),
)


@dataclass(frozen=True, slots=True)
class Facts:
    """What a suggestion looks at in one session."""

    tool: str  # as spelled; grouped case-insensitively
    context: str | None  # host or project (from a sync source), None when unknown
    time: str  # night, morning, afternoon, evening (local)
    length: str  # short, medium, long
    ts: float = 0.0  # start, Unix seconds: the newer use wins a tie


@dataclass(frozen=True, slots=True)
class Suggestion:
    purpose: str
    confidence: float  # (agree + 1) / (support + 2): a small group is trusted less
    basis: str  # "you called 9 of 10 morning Claude Code sessions in aijournal augment"
    agree: int  # past sessions in the group given this purpose
    support: int  # past sessions in the group

    def as_json(self) -> dict[str, object]:
        return {
            "purpose": self.purpose,
            "confidence": round(self.confidence, 3),
            "basis": self.basis,
        }


def context_of(source: str | None) -> str | None:
    """The host or project in a sync source `sync:<source>:<context>:<key>` (`-`: none)."""
    if not source or not source.startswith(SYNC_PREFIX):
        return None
    parts = source.split(":", 3)
    if len(parts) < 4 or not parts[2] or parts[2] == NO_CONTEXT:
        return None
    return parts[2].replace("%3A", ":").replace("%25", "%")  # as journal.sync writes it


def time_of_day(moment: dt.datetime) -> str:
    """night (22–6), morning (6–12), afternoon (12–17) or evening (17–22), in local time."""
    return _part_of_day(moment.astimezone().hour if moment.tzinfo else moment.hour)


def _part_of_day(hour: int) -> str:
    if hour < 6 or hour >= 22:
        return "night"
    if hour < 12:
        return "morning"
    if hour < 17:
        return "afternoon"
    return "evening"


def length_of(minutes: int) -> str:
    if minutes < SHORT_BELOW:
        return "short"
    if minutes > LONG_ABOVE:
        return "long"
    return "medium"


def facts(session: AISession) -> Facts:
    return Facts(
        tool=session.tool,
        context=context_of(session.source),
        time=time_of_day(session.started_at),
        length=length_of(session.minutes),
        ts=session.started_at.timestamp(),
    )


def row_facts(row: Past) -> tuple[Facts, str]:
    """A past session as the store reads it, (ts, minutes, tool, purpose, source): its facts and
    its purpose."""
    ts, minutes, tool, purpose, source = row
    hour = time.localtime(ts).tm_hour  # local wall time, as astimezone() gives for a target
    return Facts(tool, context_of(source), _part_of_day(hour), length_of(minutes), ts), purpose


def confidence(agree: int, support: int) -> float:
    """The majority's share shrunk towards a half for small groups (Laplace's rule of
    succession): 5 of 5 gives 0.86, 9 of 10 gives 0.83, 90 of 100 gives 0.89."""
    return (agree + 1) / (support + 2)


FIELDS = ("tool", "context", "time", "length")
_PICK = tuple(tuple(FIELDS.index(name) for name in level) for level in LEVELS)


def _cell(f: Facts) -> tuple[str, str | None, str, str]:
    return (f.tool.casefold(), f.context, f.time, f.length)


def _key(n: int, cell: tuple[str, str | None, str, str]) -> tuple[object, ...] | None:
    """The group of LEVELS[n] a session falls in; None on a context level without a context."""
    if cell[1] is None and 1 in _PICK[n]:
        return None
    return (n, *(cell[i] for i in _PICK[n]))


class Learner:
    """Counts of purposes per group of past sessions, built once; suggests for any session."""

    def __init__(
        self, history: Iterable[tuple[Facts, str]], *, min_support: int = MIN_SUPPORT
    ) -> None:
        self.min_support = max(1, min_support)
        # Sessions sharing all four facts first (a year of them falls into a few hundred cells),
        # then each cell into its group on every level: cell or group -> purpose -> [n, newest].
        cells: dict[tuple[str, str | None, str, str], dict[str, list[float]]] = {}
        for f, purpose in history:
            if purpose not in PURPOSES:
                continue
            tally = cells.setdefault(_cell(f), {}).setdefault(purpose, [0, f.ts])
            tally[0] += 1
            if f.ts > tally[1]:
                tally[1] = f.ts
        self._groups: dict[tuple[object, ...], dict[str, list[float]]] = {}
        for cell, purposes in cells.items():
            for n in range(len(LEVELS)):
                key = _key(n, cell)
                if key is None:
                    continue
                group = self._groups.setdefault(key, {})
                for purpose, (count, newest) in purposes.items():
                    tally = group.setdefault(purpose, [0, newest])
                    tally[0] += count
                    tally[1] = max(tally[1], newest)

    def suggest(self, target: Facts) -> Suggestion | None:
        cell = _cell(target)
        for n, level in enumerate(LEVELS):
            key = _key(n, cell)
            group = self._groups.get(key) if key is not None else None
            if not group:
                continue
            support = int(sum(t[0] for t in group.values()))
            if support < self.min_support:
                continue
            # Most votes; then the purpose used most recently; then the fixed order.
            purpose = min(group, key=lambda p: (-group[p][0], -group[p][1], PURPOSES.index(p)))
            agree = int(group[purpose][0])
            return Suggestion(
                purpose=purpose,
                confidence=confidence(agree, support),
                basis=basis(level, target, purpose, agree, support),
                agree=agree,
                support=support,
            )
        return None


def basis(level: tuple[str, ...], target: Facts, purpose: str, agree: int, support: int) -> str:
    """One sentence naming the group: "you called 9 of 10 short morning Codex sessions in
    aijournal augment"."""
    words = []
    if "length" in level:
        words.append(target.length)
    if "time" in level:
        words.append(target.time)
    words.append(target.tool)
    noun = "session" if support == 1 else "sessions"
    where = f" in {target.context}" if "context" in level else ""
    return f"you called {agree} of {support} {' '.join(words)} {noun}{where} {purpose}"


def suggest_all(
    targets: Sequence[AISession], history: Iterable[Past], *, min_support: int = MIN_SUPPORT
) -> dict[str, Suggestion]:
    """Suggestions by session id for those targets that get one (pure)."""
    learner = Learner((row_facts(row) for row in history), min_support=min_support)
    out: dict[str, Suggestion] = {}
    for session in targets:
        found = learner.suggest(facts(session))
        if found is not None:
            out[session.id] = found
    return out


# --- the store-facing side ---------------------------------------------------------------------


def _history(store: JournalStore) -> list[Past]:
    from journal import service
    from journal.clock import now

    return service.classified_ai_since(store, now() - dt.timedelta(days=WINDOW_DAYS))


def for_session(store: JournalStore, session: AISession) -> Suggestion | None:
    """The suggestion for one unclassified session, if its group has enough support."""
    return suggest_all([session], _history(store)).get(session.id)


def for_sessions(store: JournalStore, ids: Sequence[str]) -> dict[str, Suggestion]:
    """Suggestions for those of these AI sessions that are live, unclassified and get one."""
    from journal import service

    wanted = set(ids)
    targets = [s for s in service.unclassified_ai(store) if s.id in wanted]
    return suggest_all(targets, _history(store)) if targets else {}


def pending(store: JournalStore) -> dict[str, Suggestion]:
    """Suggestions for every unclassified AI session that gets one, newest session first."""
    from journal import service

    targets = service.unclassified_ai(store)
    return suggest_all(targets, _history(store)) if targets else {}


def check_confidence(value: float) -> float:
    from journal.errors import BadInput

    if not 0.0 <= value <= 1.0:  # also refuses NaN
        raise BadInput(f"min confidence {value!r} is not accepted; use a number from 0 to 1")
    return value


def apply(store: JournalStore, min_confidence: float = MIN_CONFIDENCE) -> int:
    """Classify every unclassified AI session whose suggestion reaches min_confidence, in one
    write (one undo step); returns how many."""
    from journal import service

    check_confidence(min_confidence)
    chosen = {
        session_id: found.purpose
        for session_id, found in pending(store).items()
        if found.confidence >= min_confidence
    }
    return service.classify_sessions(store, chosen, "classify AI sessions from suggestions")
