"""What every `sync` reader hands the orchestrator: one trace of AI use, an interval in time.

Readers (journal/sync/*.py, one per kind of source) turn what a program left on disk into
`Captured` intervals and know nothing of the journal; `journal.sync` merges overlapping intervals
of one tool into one session, dedupes against what earlier syncs wrote, and writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Captured:
    source: str  # the sync source's name: "codex", "claude-code", "chrome", "firefox", ...
    key: str  # stable within the source (a session id, a first visit id, an event id)
    tool: str  # as the journal shows it: "Codex", "Claude Code", "ChatGPT", "Claude", ...
    start: float  # Unix seconds
    end: float  # Unix seconds, >= start
    context: str | None = None  # the host (claude.ai) or project: what classification learns from
    title: str | None = None  # a page or session title: stored only with --keep-titles


@dataclass(frozen=True, slots=True)
class Reading:
    """What one reader hands back from one source path: the intervals it found, the cursor to
    give it next time (JSON-able), what it left out by reason, and whether nothing changed since
    the cursor (then `captured` is empty and the source was not opened beyond a stat())."""

    captured: list[Captured]
    state: dict[str, Any]
    skipped: dict[str, int] = field(default_factory=dict)
    unchanged: bool = False


# The AI services whose visits count, host -> the tool the journal shows; a host matches itself
# and its subdomains (www.perplexity.ai). The user's config may extend it.
AI_HOSTS: Mapping[str, str] = MappingProxyType(
    {
        "chatgpt.com": "ChatGPT",
        "chat.openai.com": "ChatGPT",
        "claude.ai": "Claude",
        "gemini.google.com": "Gemini",
        "copilot.microsoft.com": "Copilot",
        "perplexity.ai": "Perplexity",
        "www.perplexity.ai": "Perplexity",
        "poe.com": "Poe",
        "chat.mistral.ai": "Le Chat",
        "chat.deepseek.com": "DeepSeek",
    }
)


def host_of(url: str) -> str | None:
    """The lower-case host of an http(s) URL, or None for anything else."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    return host.rstrip(".")


def ai_host(host: str | None, hosts: Mapping[str, str]) -> str | None:
    """The key of `hosts` that host is (or is a subdomain of), the most specific first; None
    when it is no AI host."""
    if not host:
        return None
    name = host
    while True:
        if name in hosts:
            return name
        if "." not in name:
            return None
        name = name.split(".", 1)[1]


def stamp(path: Path) -> list[int]:
    """Size and modification time (ns) of a file and of its SQLite `-wal` beside it: what a
    cursor compares to tell, without opening the file, that nothing changed."""
    found: list[int] = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            info = candidate.stat()
        except OSError:
            found += [-1, -1]
        else:
            found += [info.st_size, info.st_mtime_ns]
    return found
