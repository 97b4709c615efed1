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

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.sync.captured import Reading

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
    from journal.sync.captured import Captured, Reading

    seen = _logs(str(path))
    before = state.get("files", {})
    changed = [file for file, mark in seen.items() if before.get(file) != mark]
    if not changed:  # nothing new (a log that went away takes its cursor with it)
        return Reading([], {"files": seen}, {}, unchanged=set(before) == set(seen))
    from journal.importers import claude_code as importer
    from journal.importers._chat import split

    files = set(importer.session_files(str(path)))  # its rules: regular files only
    changed = [file for file in changed if file in files]
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


def unchanged(path: Path, state: Mapping[str, Any]) -> bool:
    """No log added, grown or gone since `state`: told by stat() alone, before anything heavier
    than this module is imported (a sync with nothing new)."""
    return bool(state.get("files")) and state.get("files") == _logs(str(path))


def _logs(path: str) -> dict[str, list[int]]:
    """Size and time of each session log where the importer looks (a folder's .jsonl files and
    those one folder down), by stat alone: a sync with nothing new opens no log."""
    if os.path.isdir(os.path.join(path, "projects")):
        path = os.path.join(path, "projects")
    if not os.path.isdir(path):
        return {path: _mark(path)} if os.path.isfile(path) else {}
    found: dict[str, list[int]] = {}
    with os.scandir(path) as entries:
        for entry in entries:
            if entry.name.endswith(".jsonl"):
                found[entry.path] = _mark(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                with os.scandir(entry.path) as inner:
                    for log in inner:
                        if log.name.endswith(".jsonl"):
                            found[log.path] = _mark(log.path)
    return found


def _mark(path: str) -> list[int]:
    try:
        info = os.stat(path)
    except OSError:
        return [0, 0]
    return [info.st_mtime_ns, info.st_size]
