"""Import Claude Code's local session logs: `~/.claude/projects/<project>/<session id>.jsonl`.

Each line of a log is one JSON object; `user` and `assistant` lines carry an ISO `timestamp` and
the `sessionId`, and a `summary` line may name the session. Every session becomes one or more AI
sessions (tool "Claude Code", split at pauses over 30 minutes, like the chat exports), its note
the summary or else the project folder. Subagent transcripts (in a session's own folder) are part
of their session's time and are not read separately.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
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

TOOL = "Claude Code"
ROLES = ("user", "assistant")


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
    """Add the sessions of Claude Code logs under path (~/.claude, its projects folder, one
    project folder or one .jsonl file) that are not in the journal yet, and update those that
    grew since. A line that is not a JSON object is skipped and named (file:line); only input
    with no readable line at all is refused whole."""
    refused: list[str] = []
    files = session_files(path, refused, base=os.path.dirname(os.path.abspath(path)))
    sizes = [size_of(f) for f in files]
    meter = Meter(progress, sum(sizes))
    sessions: dict[str, dict[str, Any]] = {}
    read = 0
    errors: list[BadInput] = []
    for file, size in zip(files, sizes, strict=True):
        read += _read_log(
            file,
            os.path.relpath(file, os.path.dirname(os.path.abspath(path))),
            sessions,
            refused,
            errors,
        )
        meter.next_file(size)
        meter.read(0)
    if not read and errors:
        raise errors[0]
    label = os.path.basename(os.path.normpath(path)) or path
    return add_sessions(
        store,
        _conversations(sessions),
        tool=TOOL,
        undo_label=f"import claude-code {label}",
        dry_run=dry_run,
        since=since,
        until=until,
        refused=refused,
        meter=meter,
    )


def session_files(path: str, refused: list[str] | None = None, base: str = "") -> list[str]:
    """The session logs a path names, in a stable order. In a folder, a .jsonl that is not a
    regular file (a link to /dev/zero, a FIFO) is not opened: it is named in `refused`."""
    path = os.path.expanduser(path)
    if os.path.exists(path) and not os.path.isdir(path):
        return [path]  # opened as a regular file only (open_regular refuses anything else)
    if not os.path.isdir(path):
        raise BadInput(
            f"{path}: does not exist; give Claude Code's folder (~/.claude), its "
            "projects folder, a project folder or a session .jsonl file"
        )
    if os.path.isdir(os.path.join(path, "projects")):
        path = os.path.join(path, "projects")
    found = [os.path.join(path, name) for name in _names(path) if name.endswith(".jsonl")]
    for name in _names(path):
        folder = os.path.join(path, name)
        if os.path.isdir(folder) and not os.path.islink(folder):
            found += [os.path.join(folder, f) for f in _names(folder) if f.endswith(".jsonl")]
    regular = [f for f in found if is_regular(f)]
    if refused is not None:
        refused += [
            f"{os.path.relpath(f, base or path)}: not a regular file, not read"
            for f in found
            if f not in regular
        ]
    if not regular:
        raise BadInput(
            f"{path}: holds no Claude Code session logs (*.jsonl); give ~/.claude or "
            "~/.claude/projects"
        )
    return regular


def _names(folder: str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError as err:
        raise BadInput(f"{folder}: cannot be read ({err.strerror})") from None


def _read_log(
    file: str,
    name: str,
    sessions: dict[str, dict[str, Any]],
    refused: list[str],
    errors: list[BadInput],
) -> int:
    """Gather each session's message times, summary and project from one log file; returns how
    many lines were read. A line that is not a JSON object, has a time no journal can hold, or
    is longer than any real one, is skipped and named (its BadInput kept in `errors`)."""
    fallback = os.path.splitext(os.path.basename(file))[0]
    read = 0

    def bad(message: str) -> None:
        refused.append(message)
        errors.append(BadInput(message))

    for number, line, last in log_lines(
        file, name, "a Claude Code session log (.jsonl)", "a Claude Code session log"
    ):
        if line is None:
            refused.append(f"{name}: line {number} is over {MAX_LINE // 1024**2} MB, skipped")
            continue
        try:
            record = loads(line)
        except json.JSONDecodeError as err:
            if last and read:
                continue  # a log still being written may end in half a line
            bad(
                f"{name}: line {number} is not valid JSON ({err.msg}); accepted: a "
                "Claude Code session log, one JSON object per line"
            )
            continue
        except RecursionError:
            bad(f"{name}: line {number} is nested too deeply to be a Claude Code log line")
            continue
        if not isinstance(record, dict):
            bad(f"{name}: line {number} is {kind_of(record)}, not an object")
            continue
        read += 1
        try:
            _read_record(record, fallback, sessions)
        except Refused as err:
            refused.append(f"{name}: line {number}: {err}")
    return read


def _read_record(
    record: dict[str, Any], fallback: str, sessions: dict[str, dict[str, Any]]
) -> None:
    kind = record.get("type")
    if kind == "summary" or (kind in ROLES and record.get("isSidechain") is not True):
        moment = iso_time(record.get("timestamp"), "timestamp") if kind in ROLES else None
    else:
        return
    key = text(record.get("sessionId"), 200) or fallback
    session = sessions.setdefault(key, {"times": set(), "summary": None, "project": None})
    if kind == "summary":
        session["summary"] = text(record.get("summary")) or session["summary"]
        return
    if moment is not None:
        session["times"].add(moment)
    cwd = text(record.get("cwd"), 1000)
    if cwd and session["project"] is None:
        session["project"] = os.path.basename(cwd.rstrip("/\\")) or cwd


def _conversations(sessions: dict[str, dict[str, Any]]) -> Iterator[Conversation]:
    for key, session in sessions.items():
        times = sorted(session["times"])
        yield Conversation(
            id=key, title=session["summary"] or session["project"], times=times, messages=len(times)
        )
