"""Importers: one module per format, each with `run(store, path, *, dry_run, **options)`.

Every importer reads and validates the whole file first, then writes in one store transaction
(one undo step); a malformed file raises BadInput naming the file and the place, and changes
nothing. `--dry-run` reports what would be added without writing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

FORMATS = ("chatgpt", "claude", "ics", "jsonl", "claude_code")  # module names


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    skipped: int = 0  # already in the journal, not newer, or filtered out
    # Why records were left out, by reason ("reservation", "unanswered", "already there"...):
    # importers count each reason here so the summary can say one line per reason.
    reasons: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)  # lines for the user (dry-run preview)
    problems: list[str] = field(default_factory=list)  # records skipped, each named with why
    notes: list[str] = field(default_factory=list)  # what the import looked at ("events since …")

    def summary(self) -> str:
        parts = [f"{self.added} added"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.deleted:
            parts.append(f"{self.deleted} deleted")
        parts.append(f"{self.skipped} already there or skipped")
        return ", ".join(parts)


class NothingNew(Exception):
    """Raised inside an import's write transaction when, read under the lock, nothing is new:
    the transaction rolls back, so no empty undo step is left behind."""
