"""Importers: one module per format, each with `run(store, path, *, dry_run, **options)`.

Every importer reads and validates the whole file first, then writes in one store transaction
(one undo step); a malformed file raises BadInput naming the file and the place, and changes
nothing. `--dry-run` reports what would be added without writing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

FORMATS = ("chatgpt", "claude", "ics", "jsonl", "claude_code", "codex")  # module names


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    skipped: int = 0  # already in the journal, not newer, or filtered out
    # Why records were left out, by reason ("reservations", "unanswered", "already there"...):
    # short plural nouns, counted by each importer so the summary says one part per reason.
    reasons: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)  # lines for the user (dry-run preview)
    problems: list[str] = field(default_factory=list)  # records skipped, each named with why
    notes: list[str] = field(default_factory=list)  # what the import looked at ("events since …")
    noun: str = "records"  # what one import adds: "sessions", "meetings", "records"

    def skip(self, reason: str, n: int = 1) -> None:
        """Count n records left out for one reason."""
        self.reasons[reason] += n
        self.skipped += n

    def summary(self) -> str:
        """One line: `12 sessions added, 3 updated · 40 already there, 5 without times skipped`."""
        parts = [f"{self.added} {counted(self.added, self.noun)} added"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.deleted:
            parts.append(f"{self.deleted} deleted")
        left_out = self.left_out()
        return ", ".join(parts) + (f" · {left_out} skipped" if left_out else "")

    def left_out(self) -> str:
        """The skipped records by reason, most first: `40 already there, 5 without times`; a
        count in `skipped` that no reason explains shows as "other"."""
        reasons = Counter({r: n for r, n in self.reasons.items() if n > 0})
        rest = self.skipped - sum(reasons.values())
        if rest > 0:
            reasons["other"] += rest
        return ", ".join(f"{n} {counted(n, r)}" for r, n in reasons.most_common())


def counted(n: int, phrase: str) -> str:
    """A plural phrase for n: its first plural word loses its s for one ("1 broadcast",
    "1 long event", "1 system organiser"); phrases without one stay ("1 already there")."""
    if n != 1:
        return phrase
    words = phrase.split(" ")
    for i, word in enumerate(words):
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            words[i] = word[:-1]
            break
    return " ".join(words)


class NothingNew(Exception):
    """Raised inside an import's write transaction when, read under the lock, nothing is new:
    the transaction rolls back, so no empty undo step is left behind."""
