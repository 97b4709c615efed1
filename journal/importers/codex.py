"""Import Codex CLI's local session logs: `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl`.

Each line of a rollout is `{"timestamp", "type", "payload"}`; the first is a `session_meta`
(payload: the session `id`, its `timestamp`, the `cwd`, the `source`), then `response_item`,
`event_msg`, `turn_context` and `compacted` lines. The times of the response_item and event_msg
lines are the session's activity; every session becomes one or more AI sessions (tool "Codex",
split at pauses over 30 minutes, like Claude Code), its note the project (the cwd's last folder).
Sessions a subagent ran for another are part of that session's time and are not counted again.

`aijournal sync` reads the same logs with read_log (journal.sync.codex).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from journal.errors import BadInput
from journal.importers import ImportResult
from journal.importers._bounds import MAX_LINE, Refused, is_regular, loads, log_lines, size_of
from journal.importers._chat import (
    Conversation,
    Meter,
    Progress,
    add_sessions,
    iso_time,
    kind_of,
    text,
)

TOOL = "Codex"
ACTIVITY = ("response_item", "event_msg")
MESSAGES = ("message", "user_message", "agent_message")
ACCEPTED = "Codex's folder (~/.codex), its sessions folder or a rollout-*.jsonl file"


# --- reading the logs --------------------------------------------------------------------------


def session_files(path: str, refused: list[str] | None = None) -> list[str]:
    """The rollout logs a path names, in a stable order: one file, or every *.jsonl under a
    sessions folder (date folders three deep). Files that are not regular are named and left."""
    path = os.path.expanduser(path)
    if os.path.exists(path) and not os.path.isdir(path):
        return [path]
    if not os.path.isdir(path):
        raise BadInput(f"{path}: does not exist; give {ACCEPTED}")
    if os.path.isdir(os.path.join(path, "sessions")):
        path = os.path.join(path, "sessions")
    found = _walk(path, 4)
    regular = [f for f in found if is_regular(f)]
    if refused is not None:
        refused += [
            f"{os.path.relpath(f, path)}: not a regular file, not read"
            for f in found
            if f not in regular
        ]
    return regular


def _walk(folder: str, depth: int) -> list[str]:
    """The .jsonl files in folder and its folders down to depth levels, sorted; symlinked
    folders are not followed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    found: list[str] = []
    for entry in entries:
        if entry.name.endswith(".jsonl"):
            found.append(entry.path)
        elif depth > 1 and entry.is_dir(follow_symlinks=False):
            found += _walk(entry.path, depth - 1)
    return found


class Session:
    """What one rollout says: its id, project, activity times and whether a subagent ran it."""

    __slots__ = ("id", "project", "times", "messages", "subagent")

    def __init__(self, fallback: str):
        self.id = fallback
        self.project: str | None = None
        self.times: set[float] = set()
        self.messages = 0
        self.subagent = False


def read_log(file: str, name: str, refused: list[str], errors: list[BadInput]) -> Session | None:
    """One rollout's session; None when no line could be read. A line that is not a JSON object
    or carries a time no journal can hold is skipped and named (in `refused`)."""
    session = Session(_fallback_id(file))
    read = 0
    meta_seen = False

    def bad(message: str) -> None:
        refused.append(message)
        errors.append(BadInput(message))

    for number, line, last in log_lines(file, name, "a Codex session log (.jsonl)", ACCEPTED):
        if line is None:
            refused.append(f"{name}: line {number} is over {MAX_LINE // 1024**2} MB, skipped")
            continue
        try:
            record = loads(line)
        except json.JSONDecodeError as err:
            if last and read:
                continue  # a log still being written may end in half a line
            bad(f"{name}: line {number} is not valid JSON ({err.msg}); accepted: {ACCEPTED}")
            continue
        except RecursionError:
            bad(f"{name}: line {number} is nested too deeply to be a Codex log line")
            continue
        if not isinstance(record, dict):
            bad(f"{name}: line {number} is {kind_of(record)}, not an object")
            continue
        read += 1
        try:
            meta_seen = _read_record(record, session, meta_seen)
        except Refused as err:
            refused.append(f"{name}: line {number}: {err}")
    return session if read else None


def _fallback_id(file: str) -> str:
    """The session id in a rollout's name (rollout-2025-10-29T00-59-38-<uuid>.jsonl)."""
    stem = os.path.splitext(os.path.basename(file))[0]
    parts = stem.split("-")
    return "-".join(parts[-5:]) if len(parts) >= 11 else stem


def _read_record(record: dict[str, Any], session: Session, meta_seen: bool) -> bool:
    kind = record.get("type")
    payload = record.get("payload")
    if not isinstance(payload, dict):
        payload = {}
    if kind == "session_meta" or (kind is None and "instructions" in record and "id" in record):
        meta = payload if kind == "session_meta" else record  # the 2025 format had no wrapper
        if not meta_seen:  # a resumed or forked log repeats the first session's meta later
            session.id = text(meta.get("id"), 200) or session.id
            cwd = text(meta.get("cwd"), 1000)
            if cwd:
                session.project = os.path.basename(cwd.rstrip("/\\")) or cwd
            source = meta.get("source")
            session.subagent = isinstance(source, dict) and "subagent" in source
        return True
    if kind in ACTIVITY:
        moment = iso_time(record.get("timestamp"), "timestamp")
        if moment is not None:
            session.times.add(moment)
        if payload.get("type") in MESSAGES:
            session.messages += 1
    elif kind == "turn_context" and session.project is None:
        cwd = text(payload.get("cwd"), 1000)
        if cwd:
            session.project = os.path.basename(cwd.rstrip("/\\")) or cwd
    return meta_seen


# --- aijournal import codex --------------------------------------------------------------------


def run(
    store: Any,
    path: str,
    *,
    dry_run: bool = False,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    progress: Progress | None = None,
    **_options: Any,
) -> ImportResult:
    """Add the sessions of Codex logs under path (~/.codex, its sessions folder, a date folder
    or one rollout .jsonl) that are not in the journal yet, and update those that grew since."""
    refused: list[str] = []
    files = session_files(path, refused)
    if not files:
        raise BadInput(f"{path}: holds no Codex session logs (rollout-*.jsonl); give {ACCEPTED}")
    sizes = [size_of(f) for f in files]
    meter = Meter(progress, sum(sizes))
    base = os.path.dirname(os.path.abspath(path))
    sessions: list[Session] = []
    errors: list[BadInput] = []
    subagents = 0
    for file, size in zip(files, sizes, strict=True):
        session = read_log(file, os.path.relpath(file, base), refused, errors)
        meter.next_file(size)
        meter.read(0)
        if session is None:
            continue
        if session.subagent:
            subagents += 1
            continue
        sessions.append(session)
    if not sessions and not subagents and errors:
        raise errors[0]
    label = os.path.basename(os.path.normpath(path)) or path
    result = add_sessions(
        store,
        (
            Conversation(id=s.id, title=s.project, times=sorted(s.times), messages=s.messages)
            for s in sessions
        ),
        tool=TOOL,
        undo_label=f"import codex {label}",
        dry_run=dry_run,
        since=since,
        until=until,
        refused=refused,
        meter=meter,
    )
    if subagents:
        result.skip("subagent sessions", subagents)
    return result
