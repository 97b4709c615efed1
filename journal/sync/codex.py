"""The `codex` sync reader: Codex CLI's rollouts ($CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl),
each read by journal.importers.codex's read_log, with the import's rules.

"Nothing new" is told cheaply (`unchanged`): a listing of the sessions folder and a stat() per
rollout, compared with the cursor, without importing the importer (its JSON and zip limits cost
more than a sync with nothing new may).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from journal.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.sync.captured import Reading

NAMES = ("codex",)
DEPTH = 4  # sessions/YYYY/MM/DD/rollout-*.jsonl, as journal.importers.codex walks it


def default_paths(name: str, home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    """Codex keeps its sessions in $CODEX_HOME/sessions, ~/.codex/sessions by default, on every
    platform (%USERPROFILE%\\.codex on Windows), and moves those the user archives to
    archived_sessions beside it (flat). A session archived after it was synced meets itself
    in the journal (same tool, same times), so it is not added again."""
    root = Path(env["CODEX_HOME"]) if env.get("CODEX_HOME") else home / ".codex"
    return [root / "sessions", root / "archived_sessions"]


def read(
    name: str,
    path: Path,
    *,
    since: float | None,
    state: Mapping[str, Any],
    hosts: Mapping[str, str],
    keep_titles: bool,
) -> Reading:
    """The sessions of the rollouts under path that are new or grew since `state` (a size and
    mtime per file): one Captured per part (split at pauses over 30 minutes), keyed
    `<session id>:<part>`, the project as context. Files last written before `since` are not
    opened. Only the folder listing and a stat() per file are needed to say `unchanged`."""
    from journal.importers._chat import split
    from journal.importers.codex import TOOL, read_log, session_files
    from journal.sync.captured import Captured, Reading

    try:
        files = session_files(str(path)) if path.is_dir() else [str(path)]
    except BadInput:  # the folder went away or cannot be listed: nothing read, cursor kept
        return Reading([], dict(state), {"unreadable folders": 1})
    old = state.get("files") if isinstance(state.get("files"), dict) else {}
    assert isinstance(old, dict)
    found: dict[str, list[int]] = {}
    folder = path.is_dir()
    prefix = os.path.join(str(path), "")
    for file in files:
        try:
            info = os.stat(file)
        except OSError:
            continue
        if not folder:
            rel = file
        elif file.startswith(prefix):  # as relpath says it, without its cost per file
            rel = file[len(prefix) :]
        else:
            rel = os.path.relpath(file, path)
        found[rel] = [info.st_size, info.st_mtime_ns]
    fresh = {"files": found}
    if found == old:
        return Reading([], fresh, {}, unchanged=True)
    skipped: dict[str, int] = {}
    captured: list[Captured] = []
    refused: list[str] = []
    errors: list[BadInput] = []
    for rel, mark in found.items():
        if old.get(rel) == mark:
            continue
        if since is not None and mark[1] / 1e9 < since:
            continue
        full = os.path.join(path, rel) if path.is_dir() else rel
        try:
            session = read_log(full, rel, refused, errors)
        except BadInput:
            _count(skipped, "unreadable files")
            continue
        if session is None:
            _count(skipped, "unreadable files")
            continue
        if session.subagent:
            _count(skipped, "subagent sessions")
            continue
        spans = split(list(session.times))
        if not spans:
            _count(skipped, "sessions without times")
        for n, (first, last) in enumerate(spans, 1):
            if since is not None and last < since:
                continue
            captured.append(
                Captured(
                    source=name,
                    key=f"{session.id}:{n}",
                    tool=TOOL,
                    start=first,
                    end=last,
                    context=session.project,
                )
            )
    if refused:
        _count(skipped, "unreadable lines", len(refused))
    return Reading(captured, fresh, skipped)


def unchanged(path: Path, state: Mapping[str, Any]) -> bool:
    """No rollout added, grown or gone since `state` (the importer's cursor)."""
    old = state.get("files")
    return isinstance(old, dict) and bool(old) and os.path.isdir(path) and stamps(str(path)) == old


def stamps(root: str) -> dict[str, list[int]]:
    """The cursor journal.importers.codex.read keeps for a folder: [size, mtime_ns] of each
    regular *.jsonl file it reads, by its path relative to root."""
    folder = os.path.join(root, "sessions")
    found: dict[str, list[int]] = {}
    _walk(folder if os.path.isdir(folder) else root, DEPTH, len(root) + 1, found)
    return found


def _walk(folder: str, depth: int, cut: int, found: dict[str, list[int]]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.endswith(".jsonl"):
            try:
                info = os.stat(entry.path)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found[entry.path[cut:]] = [info.st_size, info.st_mtime_ns]
        elif depth > 1 and entry.is_dir(follow_symlinks=False):
            _walk(entry.path, depth - 1, cut, found)


def _count(skipped: dict[str, int], reason: str, n: int = 1) -> None:
    skipped[reason] = skipped.get(reason, 0) + n
