"""Which importer reads a file: `aijournal import FILE` looks at the content, not only the name.

ChatGPT and Claude exports are told apart by their first conversation's keys (`mapping` vs
`chat_messages`), in a conversations.json, its shards, a zip or an unzipped folder; a calendar by
`BEGIN:VCALENDAR` (or a zip of .ics files); a Claude Code log (folder or .jsonl) by its
`sessionId`/`type` lines; a journal JSONL backup by its record types. Only the start of a file is
read. Anything else, or a folder holding two kinds, is refused with the accepted formats.
"""

from __future__ import annotations

import json
import os
import re
import zipfile

from journal.errors import BadInput
from journal.importers._bounds import is_regular

ACCEPTED = (
    "accepted: a ChatGPT export (.zip, its folder, conversations.json or "
    "conversations-000.json), a Claude export (.zip or conversations.json), Claude Code's "
    "folder (~/.claude) or a session .jsonl, Codex's folder (~/.codex) or a rollout .jsonl, "
    "an .ics calendar or its .zip, an aijournal .jsonl "
    "backup; or name the format: aijournal import chatgpt|claude|claude-code|codex|ics|jsonl FILE"
)
HEAD = 1 << 20  # bytes read to tell a JSON export apart
SHARD = re.compile(r"conversations(-\d+)?\.json", re.IGNORECASE)
KEY = re.compile(rb'"(mapping|current_node|chat_messages)"\s*:')
JOURNAL_TYPES = ("ai_session", "interaction", "energy", "checkin", "who5", "person", "intention")
CODE_TYPES = ("user", "assistant", "summary", "system")


def detect(path: str) -> str:
    """The importer module for path ("chatgpt", "claude", "claude_code", "codex", "ics",
    "jsonl"), or
    BadInput (one line: what was found and the formats accepted)."""
    name = os.path.basename(os.path.normpath(path)) or path
    if os.path.isdir(path):
        return _folder(path, name)
    if not is_regular(path):
        raise BadInput(f"{name}: is not a file nor a folder; {ACCEPTED}")
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD)
    except OSError as err:
        raise BadInput(f"{name}: cannot be read ({err.strerror}); {ACCEPTED}") from None
    if head.startswith(b"PK"):
        return _zip(path, name)
    found = _content(head)
    if found is None:
        part = _component(head)
        if part is not None:
            raise BadInput(
                f"{name}: is an iCalendar {part} on its own, not a calendar (it does not begin "
                "with BEGIN:VCALENDAR); export the whole calendar (.ics) from your calendar app"
            )
        raise BadInput(f"{name}: is none of the formats aijournal imports; {ACCEPTED}")
    return found


def _component(head: bytes) -> str | None:
    """The iCalendar component a file begins with when it is not a VCALENDAR (a VEVENT copied on
    its own, a VTIMEZONE), or None."""
    found = re.match(rb"BEGIN:(V[A-Z]{2,20})\r?\n", head.lstrip(b"\xef\xbb\xbf \t\r\n"), re.I)
    return found.group(1).decode().upper() if found else None


def _content(head: bytes) -> str | None:
    """The format of a file from its first bytes, or None."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:15].upper() == b"BEGIN:VCALENDAR":
        return "ics"
    if text.startswith(b"["):
        key = KEY.search(text)
        if key is None:
            return None
        return "claude" if key.group(1) == b"chat_messages" else "chatgpt"
    if text.startswith(b"{"):
        return _lines(text)
    return None


def _lines(text: bytes) -> str | None:
    """A JSONL file from its first lines: Claude Code's (lines with a sessionId; its first lines
    may be summaries or file snapshots) or an aijournal backup (records with a type and an id)."""
    for line in text.split(b"\n")[:50]:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue  # a blank line, or the last one cut by the head's end
        if not isinstance(record, dict):
            return None
        kind = record.get("type")
        if kind == "session_meta" or (kind is None and {"id", "instructions"} <= record.keys()):
            return "codex"  # a Codex rollout (the 2025 format's first line has no type)
        if "sessionId" in record or (kind in CODE_TYPES and "timestamp" in record):
            return "claude_code"
        if kind in JOURNAL_TYPES and "id" in record:
            return "jsonl"
    return None


def _zip(path: str, name: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [
                i
                for i in archive.infolist()
                if not i.is_dir() and not i.filename.startswith("__MACOSX/")
            ]
            chats = [i for i in infos if SHARD.fullmatch(i.filename.rsplit("/", 1)[-1])]
            if chats:
                first = min(chats, key=lambda i: (i.filename.count("/"), i.filename))
                with archive.open(first) as member:
                    found = _content(member.read(HEAD))
                if found in ("chatgpt", "claude"):
                    return found
            elif any(i.filename.lower().endswith(".ics") for i in infos):
                return "ics"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError):
        raise BadInput(f"{name}: is a damaged or incomplete zip; {ACCEPTED}") from None
    raise BadInput(f"{name}: the zip holds no chat export nor calendar; {ACCEPTED}")


def _folder(path: str, name: str) -> str:
    """An unzipped chat export (conversations*.json here or one folder down), Claude Code's
    folder (.jsonl logs here, in projects/ or one folder down), or Codex's (rollout-*.jsonl in
    sessions/YYYY/MM/DD, or below the folder given)."""
    kinds: set[str] = set()
    rollout = _rollout(path)
    if rollout is not None and _sniff(rollout) == "codex":
        kinds.add("codex")
    for folder in (path, os.path.join(path, "projects")):
        for file in _files(folder):
            base = os.path.basename(file)
            if SHARD.fullmatch(base):
                found = _sniff(file)
                if found in ("chatgpt", "claude"):
                    kinds.add(found)
            elif base.endswith(".jsonl"):
                found = _sniff(file)
                if found in ("claude_code", "codex"):
                    kinds.add(found)
    if len(kinds) == 1:
        return kinds.pop()
    if kinds:
        raise BadInput(
            f"{name}: holds more than one kind ({', '.join(sorted(kinds))}); name the format: "
            "aijournal import chatgpt|claude|claude-code|codex FILE"
        )
    raise BadInput(f"{name}: the folder holds no export aijournal imports; {ACCEPTED}")


def _files(folder: str) -> list[str]:
    """The regular files of a folder and of its folders (one level), sorted; none if absent."""
    found: list[str] = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    for entry in names:
        full = os.path.join(folder, entry)
        if os.path.isdir(full) and not os.path.islink(full):
            try:
                found += [os.path.join(full, inner) for inner in sorted(os.listdir(full))]
            except OSError:
                continue
        else:
            found.append(full)
    return [f for f in found if is_regular(f)]


def _sniff(file: str) -> str | None:
    try:
        with open(file, "rb") as handle:
            return _content(handle.read(HEAD))
    except OSError:
        return None


def _rollout(path: str) -> str | None:
    """The first rollout-*.jsonl in path, its sessions/ folder or date folders below (at most
    four levels down, following no links), or None."""
    start = (
        os.path.join(path, "sessions") if os.path.isdir(os.path.join(path, "sessions")) else path
    )

    def first(folder: str, depth: int) -> str | None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return None
        for entry in entries:
            if entry.name.startswith("rollout-") and entry.name.endswith(".jsonl"):
                return entry.path
        if depth > 1:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    found = first(entry.path, depth - 1)
                    if found is not None:
                        return found
        return None

    return first(start, 4)
