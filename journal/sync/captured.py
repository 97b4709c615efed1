"""What every `sync` reader hands the orchestrator: one trace of AI use, an interval in time.

Readers (journal/sync/*.py, one per kind of source) turn what a program left on disk into
`Captured` intervals and know nothing of the journal; `journal.sync` merges overlapping intervals
of one tool into one session, dedupes against what earlier syncs wrote, and writes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Captured:
    source: str  # the sync source's name: "codex", "claude-code", "chrome", "firefox", ...
    key: str  # stable within the source (a session id, a first visit id, an event id)
    tool: str  # as the journal shows it: "Codex", "Claude Code", "ChatGPT", "Claude", ...
    start: float  # Unix seconds
    end: float  # Unix seconds, >= start
    context: str | None = None  # the host (claude.ai) or project: what classification learns from
    title: str | None = None  # a page or session title: stored only with --keep-titles


@dataclass(slots=True)
class Reading:
    """What one reader found at one path: the intervals, its cursor to keep for next time, the
    records it left out by reason, and whether nothing changed since the cursor it was given."""

    captured: list[Captured]
    state: dict  # JSON-able; handed back to the reader on the next sync
    skipped: dict[str, int]
    unchanged: bool = False


# Hosts whose visits count as AI use, and the tool each is shown as (the user's config adds more).
AI_HOSTS: dict[str, str] = {
    "chatgpt.com": "ChatGPT",
    "chat.openai.com": "ChatGPT",
    "claude.ai": "Claude",
    "gemini.google.com": "Gemini",
    "copilot.microsoft.com": "Copilot",
    "perplexity.ai": "Perplexity",
    "www.perplexity.ai": "Perplexity",
    "poe.com": "Poe",
    "chat.mistral.ai": "Mistral",
    "chat.deepseek.com": "DeepSeek",
}
