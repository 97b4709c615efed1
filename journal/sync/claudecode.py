"""The `claude-code` sync reader: Claude Code's session logs, read with the importer's rules.

Each session log (~/.claude/projects/<project>/<session>.jsonl) is read by
journal.importers.claude_code; its messages become intervals split at pauses over 30 minutes, as
an import splits them. The cursor remembers each log's size and modification time, so a sync
re-reads only the logs that changed (a session that grew comes back whole and is updated).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from journal.errors import BadInput
from journal.sync.captured import Captured, Reading

NAMES = ("claude-code",)
TOOL = "Claude Code"


def default_paths(name: str, home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    base = env.get("CLAUDE_CONFIG_DIR", "").strip()
    root = Path(base) if base else home / ".claude"
    return [root / "projects"]


def read(
    name: str,
    path: Path,
    *,
    since: float | None,
    state: Mapping[str, Any],
    hosts: Mapping[str, str],
    keep_titles: bool,
) -> Reading:
    from journal.importers import claude_code as importer
    from journal.importers._chat import split

    files = importer.session_files(str(path))
    seen: dict[str, list[int]] = {}
    changed: list[str] = []
    before = state.get("files", {})
    for file in files:
        try:
            info = os.stat(file)
        except OSError:
            continue
        mark = [info.st_mtime_ns, info.st_size]
        seen[file] = mark
        if before.get(file) != mark:
            changed.append(file)
    if not changed:
        return Reading([], {"files": seen}, {}, unchanged=True)
    sessions: dict[str, dict[str, Any]] = {}
    refused: list[str] = []
    errors: list[Any] = []
    for file in changed:
        try:
            importer._read_log(file, os.path.basename(file), sessions, refused, errors)
        except BadInput as err:  # a log that vanished or cannot be read: tried again next time
            refused.append(str(err))
            seen.pop(file, None)
    captured: list[Captured] = []
    for key, session in sessions.items():
        title = session["summary"] if keep_titles else None
        for n, (first, last) in enumerate(split(sorted(session["times"])), 1):
            if since is not None and last < since:
                continue
            captured.append(
                Captured(
                    source=name,
                    key=f"{key}:{n}",
                    tool=TOOL,
                    start=first,
                    end=last,
                    context=session["project"],
                    title=title,
                )
            )
    skipped = {"unreadable lines": len(refused)} if refused else {}
    return Reading(captured, {"files": seen}, skipped)
