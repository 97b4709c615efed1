"""The `codex` sync reader: Codex CLI's rollouts, read by journal.importers.codex.

This module answers "nothing new" cheaply (`unchanged`): a listing of the sessions folder and a
stat() per rollout, compared with the cursor, without importing the importer (its JSON and zip
limits cost more than a sync with nothing new may). Reading is the importer's `read`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.sync.captured import Reading

NAMES = ("codex",)
DEPTH = 4  # sessions/YYYY/MM/DD/rollout-*.jsonl, as journal.importers.codex walks it


def default_paths(name: str, home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    """Codex keeps its sessions in $CODEX_HOME/sessions, ~/.codex/sessions by default, on every
    platform (%USERPROFILE%\\.codex on Windows)."""
    root = env.get("CODEX_HOME")
    return [(Path(root) if root else home / ".codex") / "sessions"]


def read(
    name: str,
    path: Path,
    *,
    since: float | None,
    state: Mapping[str, Any],
    hosts: Mapping[str, str],
    keep_titles: bool,
) -> Reading:
    from journal.importers import codex

    return codex.read(name, path, since=since, state=state, hosts=hosts, keep_titles=keep_titles)


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
