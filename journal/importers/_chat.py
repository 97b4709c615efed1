"""Shared by the AI chat importers: read a conversations.json (or its export zip) one conversation
at a time, split each conversation's messages into sessions, and add the new ones in one write.

The file is decoded incrementally (one array element at a time), so a 100 MB export needs memory
for one conversation plus a read buffer, not for the whole parsed document.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from journal.errors import BadInput
from journal.importers import ImportResult, NothingNew
from journal.importers._bounds import (
    MAX_ITEM,
    Refused,
    check_member,
    decoder,
    is_regular,
    open_regular,
    unix_seconds,
)
from journal.importers._bounds import in_range as _in_range
from journal.metrics import MAX_MINUTES

MEMBER = "conversations.json"
GAP_SECONDS = 30 * 60  # a pause longer than this starts a new session
CHUNK = 1 << 20
PREVIEW_LINES = 20
# Timestamps outside these bounds are treated as missing (a garbled value must not become 1970).
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC).timestamp()
LATEST = dt.datetime(2100, 1, 1, tzinfo=dt.UTC).timestamp()

Progress = Callable[[int, int], None]  # (bytes read, bytes in all)


@dataclass(frozen=True, slots=True)
class Conversation:
    """What an importer takes from one conversation of an export."""

    id: str | None
    title: str | None
    times: list[float]  # Unix seconds of the counted messages that have a time
    messages: int  # counted messages (user/human and assistant), with or without a time
    created: float | None = None
    updated: float | None = None


@dataclass(frozen=True, slots=True)
class Part:
    source: str
    start: float
    minutes: int
    title: str | None


# --- small defensive readers -------------------------------------------------------------------


def kind_of(value: object) -> str:
    """How a JSON value reads in an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def text(value: object, limit: int = 500) -> str | None:
    """A trimmed one-line string, or None for anything else or nothing."""
    if not isinstance(value, str):
        return None
    value = value[: limit * 4]  # only the start is kept: never walk a huge string char by char
    clean = " ".join("".join(c if c.isprintable() else " " for c in value).split())
    return clean[:limit] or None


def unix_time(value: object, field: str = "create_time") -> float | None:
    """Unix seconds from a number (ChatGPT), or None when missing or implausible (before 2000,
    after 2100). A value no journal can hold (not finite, huge, outside 1900-9998) raises Refused:
    its conversation is skipped and named."""
    seconds = unix_seconds(value, field)
    return seconds if seconds is not None and EARLIEST <= seconds <= LATEST else None


def iso_time(value: object, field: str = "created_at") -> float | None:
    """Unix seconds from an ISO 8601 string (Claude: `Z` or `+00:00`; no offset is read as UTC);
    None when missing or not a date; Refused when its year is outside 1900-9998."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return unix_time(_in_range(moment, field, value).timestamp(), field)


# --- reading the file --------------------------------------------------------------------------

# The conversations of an export: one conversations.json, or (ChatGPT since early 2026) shards
# conversations-000.json, conversations-001.json, … beside an export_manifest.json.
SHARD = re.compile(r"conversations(-\d+)?\.json", re.IGNORECASE)
ACCEPTED = (
    "the ChatGPT or Claude data export (its .zip, the folder it unzips to, or the "
    "conversations.json / conversations-000.json inside it)"
)


def _chosen(names: list[str]) -> list[str]:
    """Of the paths (with '/') of an export's files, the conversations files to read: the
    shallowest conversations.json, else every shard of the shallowest folder holding shards."""
    found = [
        n for n in names if SHARD.fullmatch(n.rsplit("/", 1)[-1]) and not n.startswith("__MACOSX/")
    ]
    whole = [n for n in found if n.rsplit("/", 1)[-1].lower() == MEMBER]
    if whole:
        return [min(whole, key=lambda n: (n.count("/"), n))]
    if not found:
        return []
    folder = min((n.rpartition("/")[0] for n in found), key=lambda f: (f.count("/"), f))
    return sorted(n for n in found if n.rpartition("/")[0] == folder)


class _Source:
    """One conversations file, plain or inside a zip: a binary stream, its size and name."""

    def __init__(
        self,
        path: str,
        *,
        stream: IO[bytes] | None = None,
        size: int = 0,
        name: str | None = None,
    ):
        self.path = path
        self.base = os.path.basename(path) or path
        self.name = name or self.base
        self._handle: IO[bytes] | None = None
        if stream is not None:
            self.stream, self.size = stream, size
            return
        handle = open_regular(path, ACCEPTED)
        self._handle = handle
        self.stream = handle
        self.size = os.fstat(handle.fileno()).st_size

    def close(self) -> None:
        self.stream.close()
        if self._handle is not None:
            self._handle.close()

    def read(self, size: int) -> bytes:
        try:
            return self.stream.read(size)
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as err:
            raise BadInput(
                f"{self.name}: the zip is damaged or truncated ({err}); download the export again"
            ) from None


class _Export:
    """Every conversations file an export path names: a plain .json, a zip, or an unzipped
    folder (its own files and those one folder down). Opened one file at a time."""

    def __init__(self, path: str):
        self.path = path
        self.base = os.path.basename(os.path.normpath(path)) or path
        self._zip: zipfile.ZipFile | None = None
        self._handle: IO[bytes] | None = None
        self.files: list[str] = []  # plain files
        self.members: list[zipfile.ZipInfo] = []
        if os.path.isdir(path):
            self.files = self._in_folder(path)
            self.size = sum(os.path.getsize(f) for f in self.files)
            return
        handle = open_regular(path, ACCEPTED)
        head = handle.read(4)
        handle.seek(0)
        if head.startswith(b"PK") or path.lower().endswith(".zip"):
            self._handle = handle
            self._open_zip(handle)
        else:
            handle.close()
            self.files = [path]
            self.size = os.path.getsize(path)

    def _in_folder(self, path: str) -> list[str]:
        names: list[str] = []
        try:
            for name in sorted(os.listdir(path)):
                full = os.path.join(path, name)
                if os.path.isdir(full) and not os.path.islink(full):
                    names += [f"{name}/{inner}" for inner in sorted(os.listdir(full))]
                else:
                    names.append(name)
        except OSError as err:
            raise BadInput(
                f"{self.base}: cannot be read ({err.strerror}); give {ACCEPTED}"
            ) from None
        chosen = [os.path.join(path, *n.split("/")) for n in _chosen(names)]
        chosen = [f for f in chosen if is_regular(f)]
        if not chosen:
            raise BadInput(
                f"{self.base}: the folder holds no {MEMBER} nor conversations-000.json; "
                f"accepted: {ACCEPTED}"
            )
        return chosen

    def _open_zip(self, handle: IO[bytes]) -> None:
        try:
            self._zip = zipfile.ZipFile(handle)
            infos = {i.filename: i for i in self._zip.infolist() if not i.is_dir()}
            chosen = _chosen(list(infos))
            if not chosen:
                raise BadInput(
                    f"{self.base}: the zip holds no {MEMBER} nor conversations-000.json; "
                    f"accepted: {ACCEPTED}"
                )
            self.members = [infos[n] for n in chosen]
            for info in self.members:
                check_member(self.base, info)
        except ZIP_ERRORS as err:
            self.close()
            raise _damaged(self.base, err) from None
        except BadInput:
            self.close()
            raise
        self.size = sum(i.file_size for i in self.members)

    def sources(self) -> Iterator[_Source]:
        """Each conversations file, opened in turn (the caller closes it)."""
        for file in self.files:
            shown = (
                self.base
                if file == self.path
                else f"{self.base}/{os.path.relpath(file, self.path)}"
            )
            source = _Source(file)
            source.name = shown
            yield source
        for info in self.members:
            assert self._zip is not None
            try:
                stream = self._zip.open(info)
            except ZIP_ERRORS as err:
                raise _damaged(self.base, err) from None
            yield _Source(
                self.path, stream=stream, size=info.file_size, name=f"{self.base}/{info.filename}"
            )

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        if self._handle is not None:
            self._handle.close()


ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    zlib.error,
    NotImplementedError,
)


def _damaged(base: str, err: BaseException) -> BadInput:
    return BadInput(
        f"{base}: not a complete zip archive ({err}); it may be truncated or damaged: "
        "download the export again, or give the conversations.json inside it"
    )


def iter_array(source: _Source, progress: Progress | None = None) -> Iterator[tuple[int, Any]]:
    """Yield (1-based index, value) for each element of the file's top-level JSON array."""
    reader = _ArrayReader(source, progress)
    return reader.items()


class _ArrayReader:
    """Incremental decoding of one top-level JSON array with json.JSONDecoder.raw_decode.

    A decode that fails near the end of the buffer just needs more bytes; one that fails well
    inside it is a real syntax error, reported with its line and column.
    """

    def __init__(self, source: _Source, progress: Progress | None):
        self.source = source
        self.progress = progress
        self.decoder = decoder()
        self.utf8 = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf = ""
        self.pos = 0
        self.lines_before = 0  # newlines in text already dropped from the buffer
        self.done = 0
        self.eof = False

    def _more(self, at_least: int = CHUNK) -> bool:
        if self.eof:
            return False
        data = self.source.read(at_least)
        self.done += len(data)
        final = not data
        try:
            decoded = self.utf8.decode(data, final=final)
        except UnicodeDecodeError as err:
            raise BadInput(
                f"{self.source.name}: is not UTF-8 text near byte "
                f"{self.done - len(data) + err.start}; give the export's "
                f"{MEMBER} unchanged"
            ) from None
        if self.pos > CHUNK:  # drop what is decoded already, so the buffer stays small
            self.lines_before += self.buf.count("\n", 0, self.pos)
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += decoded
        if self.progress is not None:
            self.progress(self.done, self.source.size)
        self.eof = final
        return not final or bool(decoded)

    def _skip_space(self) -> str:
        """The next non-space character ("" at the end of the file), without consuming it."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def _where(self, index: int) -> str:
        line = self.lines_before + self.buf.count("\n", 0, index) + 1
        column = index - self.buf.rfind("\n", 0, index)
        return f"line {line} column {column}"

    def _fail(self, what: str, index: int | None = None) -> BadInput:
        at = self._where(self.pos if index is None else index)
        return BadInput(
            f"{self.source.name}: {what} at {at}; accepted: the {MEMBER} of a "
            "ChatGPT or Claude data export (a JSON array of conversations)"
        )

    def _value(self) -> Any:
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as err:
                near_end = err.pos >= len(self.buf) - 8 or err.msg.startswith("Unterminated")
                if near_end and not self.eof:
                    held = len(self.buf) - self.pos
                    if held >= MAX_ITEM:  # checked as it streams in: never read whole
                        raise self._fail(
                            f"one conversation is over {MAX_ITEM // 1024**2:,} "
                            "million characters long (no real export has one)"
                        ) from None
                    self._more(max(CHUNK, min(held, MAX_ITEM - held)))
                    continue  # decode again: positions may have moved
                if self.eof and near_end:
                    raise self._fail(
                        "the file ends in the middle of a conversation (truncated?)", err.pos
                    ) from None
                raise self._fail(f"not valid JSON ({err.msg})", err.pos) from None
            except RecursionError:
                raise self._fail("nested too deeply to be a conversation", self.pos) from None
            # A number can be cut by the buffer end and still decode: make sure it is complete.
            if end == len(self.buf) and not self.eof:
                self._more()
                continue
            if end - self.pos > MAX_ITEM:
                raise self._fail(
                    f"one conversation is over {MAX_ITEM // 1024**2:,} million "
                    "characters long (no real export has one)"
                )
            self.pos = end
            return value

    def items(self) -> Iterator[tuple[int, Any]]:
        first = self._skip_space()
        if first == "":
            raise BadInput(
                f"{self.source.name}: is empty; accepted: the {MEMBER} of a ChatGPT or "
                "Claude data export"
            )
        if first != "[":
            shape = "a JSON object" if first == "{" else "not JSON"
            raise self._fail(f"the top level is {shape}, not an array of conversations")
        self.pos += 1
        index = 0
        while True:
            nxt = self._skip_space()
            if nxt == "]":
                self.pos += 1
                break
            if index:
                if nxt != ",":
                    raise self._fail(
                        "expected ',' or ']' after a conversation"
                        if nxt
                        else "the file ends before the array is closed (truncated?)"
                    )
                self.pos += 1
                if self._skip_space() == "":
                    raise self._fail("the file ends before the array is closed (truncated?)")
            elif nxt == "":
                raise self._fail("the file ends before the array is closed (truncated?)")
            index += 1
            yield index, self._value()
        if self._skip_space() != "":
            raise self._fail("there is more data after the array")


# --- conversations to sessions -----------------------------------------------------------------


def split(times: list[float]) -> list[tuple[float, float]]:
    """(first, last) of each run of message times with no gap over 30 minutes."""
    parts: list[tuple[float, float]] = []
    ordered = sorted(times)
    if not ordered:
        return parts
    first = last = ordered[0]
    for moment in ordered[1:]:
        if moment - last > GAP_SECONDS:
            parts.append((first, last))
            first = moment
        last = moment
    parts.append((first, last))
    return parts


def minutes_between(first: float, last: float) -> int:
    """Whole minutes, rounded half up, at least 1 and at most a day."""
    return max(1, min(MAX_MINUTES, int((last - first) / 60 + 0.5)))


def parts_of(conv: Conversation, tool: str) -> list[Part]:
    """The sessions of one conversation; an untimed one falls back to its created time."""
    key = conv_key(conv)
    spans = split(conv.times)
    if not spans and conv.messages and conv.created is not None:
        # No message carries a time: one session at the conversation's start; its length is
        # known only if the conversation was last updated within the session gap.
        end = (
            conv.updated
            if conv.updated is not None and 0 <= conv.updated - conv.created <= GAP_SECONDS
            else conv.created
        )
        spans = [(conv.created, end)]
    return [
        Part(f"{tool}:{key}:{n}", first, minutes_between(first, last), conv.title)
        for n, (first, last) in enumerate(spans, 1)
    ]


def conv_key(conv: Conversation) -> str:
    return conv.id or _anonymous_id(conv)


def _anonymous_id(conv: Conversation) -> str:
    """A stable stand-in for a conversation without an id (title and first time)."""
    import hashlib

    first = min(conv.times) if conv.times else conv.created
    seed = f"{conv.title or ''}|{first}"
    return "noid-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16]


def local_start(part: Part) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(part.start), dt.UTC).astimezone()


def preview(part: Part, tool: str) -> str:
    title = f"  {part.title}" if part.title else ""
    return f"{local_start(part):%Y-%m-%d %H:%M}  {tool}  {part.minutes} min{title}"


def named(title: str | None, key: str | None) -> str:
    """A conversation as a message names it: its title, else its id."""
    if title:
        return f"conversation {title!r}"
    return f"conversation {key}" if key else "a conversation"


class Meter:
    """One progress count over reading (bytes) and writing (rows, a fifth of the bar)."""

    def __init__(self, progress: Progress | None, size: int):
        self.progress = progress
        self.size = max(size, 1)
        self.total = self.size + max(self.size // 4, 1)
        self.offset = 0

    def read(self, done: int) -> None:
        if self.progress is not None:
            self.progress(min(self.offset + done, self.size), self.total)

    def next_file(self, size: int) -> None:
        self.offset += size

    def wrote(self, done: int, count: int) -> None:
        if self.progress is not None:
            share = (self.total - self.size) * done // max(count, 1)
            self.progress(self.size + share, self.total)


def run_chat(
    store: Any,
    path: str,
    *,
    tool: str,
    label: str,
    read: Callable[[dict[str, Any], str], Conversation],
    dry_run: bool,
    since: dt.datetime | None,
    until: dt.datetime | None,
    progress: Progress | None,
) -> ImportResult:
    """Read every conversation of an export (validating all of it), then add, update or remove
    sessions (see `add_sessions`). A conversation that cannot be read (not an object, a field of
    the wrong kind, a time no journal can hold) is skipped and named; the rest imports. If no
    conversation at all can be read, the file is not an export: refused whole."""
    export = _Export(path)
    meter = Meter(progress, export.size)
    refused: list[str] = []
    first_error: list[BadInput] = []
    readable = 0

    def conversations() -> Iterator[Conversation]:
        nonlocal readable
        try:
            for source in export.sources():
                try:
                    for index, item in iter_array(source, lambda done, _all: meter.read(done)):
                        where = f"{source.name}: item {index}"
                        try:
                            if not isinstance(item, dict):
                                raise BadInput(
                                    f"{where} is {kind_of(item)}, not a conversation object; "
                                    f"accepted: the {MEMBER} of a {tool} export"
                                )
                            found = read(item, where)
                        except (BadInput, Refused) as err:
                            if isinstance(err, BadInput) and not first_error:
                                first_error.append(err)
                            refused.append(_refusal(item, index, source.name, err))
                            continue
                        readable += 1
                        yield found
                finally:
                    meter.next_file(source.size)
                    source.close()
        finally:
            export.close()
        if not readable and first_error:
            raise first_error[0]

    return add_sessions(
        store,
        conversations(),
        tool=tool,
        undo_label=f"import {label} {export.base}",
        dry_run=dry_run,
        since=since,
        until=until,
        refused=refused,
        meter=meter,
    )


def _refusal(item: object, index: int, name: str, err: Exception) -> str:
    """A skipped conversation named by its title or id, where it is, and why."""
    title = key = None
    if isinstance(item, dict):
        title = text(item.get("title"), 60) or text(item.get("name"), 60)
        key = text(item.get("id"), 60) or text(item.get("uuid"), 60)
    reason = str(err)
    prefix = f"{name}: item {index}"
    if reason.startswith(prefix):
        reason = reason[len(prefix) :].lstrip(":, ")
    reason = reason.split("; accepted:")[0]
    who = named(title, key) if (title or key) else f"conversation {index}"
    return f"{who} ({name}, item {index}): {reason}"


@dataclass(slots=True)
class _Plan:
    """What one import does to the journal's sessions of its tool."""

    inserts: list[Part]
    updates: list[tuple[dict[str, Any], Part]]
    removals: list[dict[str, Any]]
    reasons: Counter[str]
    problems: list[str]


def edited_by_user(row: dict[str, Any]) -> bool:
    """Has the user changed this imported session since an import wrote it? Any edit (or a
    classification) moves its updated_at past its created_at, and is in the undo history (the
    store marks those rows `edited`); an import's own update of a session leaves updated_at
    alone, so the next import still recognises it as untouched. A classified session counts as
    edited: its purpose was given for the session as it was."""
    return bool(
        row.get("edited")
        or row["updated_at"] != row["created_at"]
        or row.get("purpose") != "unclassified"
    )


def _index(source: str) -> int:
    tail = source.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _plan(
    convs: dict[str, tuple[Conversation, list[Part]]],
    old: dict[str, list[dict[str, Any]]],
    *,
    tool: str,
    inside: Callable[[Part], bool],
    in_window: Callable[[float], bool],
) -> _Plan:
    """Compare each conversation's sessions in the export with those the journal holds.

    A session is the same as a journal one when it starts at the same second, or else when their
    spans overlap (a thread edited at its start). The same and unchanged: already there. The same
    but longer, shorter or renamed: updated in place (same id), unless the user edited it (then
    kept and named). Deleted by the user: stays deleted. New (a continued conversation, a branch
    edited days later): added. A journal session the export no longer has (its branch abandoned)
    is removed, unless the user edited it or it lies outside --since/--until."""
    plan = _Plan([], [], [], Counter(), [])
    for key, (conv, parts) in convs.items():
        rows = sorted(old.get(key, ()), key=lambda r: (r["ts"], r["source"]))
        free = list(rows)
        next_n = max((_index(r["source"]) for r in rows), default=0)
        for part in parts:
            match = next((r for r in free if int(r["ts"]) == int(part.start)), None)
            if match is None:
                part_end = part.start + part.minutes * 60
                match = next(
                    (
                        r
                        for r in free
                        if r["ts"] <= part_end and part.start <= r["ts"] + r["minutes"] * 60
                    ),
                    None,
                )
            if match is not None:
                free.remove(match)
            if not inside(part):
                continue
            if match is None:
                if rows:
                    next_n += 1
                    part = Part(f"{tool}:{key}:{next_n}", part.start, part.minutes, part.title)
                plan.inserts.append(part)
            elif match["deleted_at"] is not None:
                plan.reasons["deleted by you"] += 1
            elif (int(match["ts"]), match["minutes"], match["note"]) == (
                int(part.start),
                part.minutes,
                part.title,
            ):
                plan.reasons["already there"] += 1
            elif edited_by_user(match):
                plan.reasons["edited by you"] += 1
                plan.problems.append(
                    f"{named(conv.title, key)}: the session of "
                    f"{str(match['started_at'])[:16].replace('T', ' ')} is kept as you "
                    f"edited it (the export now says {preview(part, tool)})"
                )
            else:
                plan.updates.append((match, part))
        for row in free:
            if row["deleted_at"] is None and not edited_by_user(row) and in_window(row["ts"]):
                plan.removals.append(row)
    return plan


def add_sessions(
    store: Any,
    conversations: Iterable[Conversation],
    *,
    tool: str,
    undo_label: str,
    dry_run: bool,
    since: dt.datetime | None,
    until: dt.datetime | None,
    refused: list[str] | None = None,
    meter: Meter | None = None,
) -> ImportResult:
    """Split every conversation into sessions first (reading and validating all the input),
    then bring the journal's sessions of each conversation in line with the export, in one
    write (one undo step): new sessions added, grown or renamed ones updated in place, ones of
    an abandoned branch removed; what the user edited or deleted is left as it is (`_plan`).

    The journal's sessions are read inside the write transaction (BEGIN IMMEDIATE), so two
    imports of one file at once add it once: the second waits, then finds the first's rows.
    `refused` (filled while `conversations` is read) names the records left out."""
    from journal.clock import now as clock_now

    now = clock_now()
    convs: dict[str, tuple[Conversation, list[Part]]] = {}
    reasons: Counter[str] = Counter()
    for conversation in conversations:
        parts = parts_of(conversation, tool)
        if not parts:
            if conversation.messages:  # an empty one (no user or assistant turn) has no time
                reasons["conversations without times"] += 1
            continue
        convs.setdefault(conv_key(conversation), (conversation, parts))  # listed twice: once
    problems = list(refused or ())
    reasons["unreadable"] += len(problems)

    def in_window(ts: float) -> bool:
        moment = dt.datetime.fromtimestamp(int(ts), dt.UTC).astimezone()
        return moment <= now and not (since and moment < since) and not (until and moment > until)

    for _conv, parts in convs.values():
        for part in parts:
            moment = local_start(part)
            if moment > now:
                reasons["in the future"] += 1
            elif not in_window(part.start):
                reasons["outside the dates"] += 1

    def planned() -> _Plan:
        prefix = f"{tool}:"
        old: dict[str, list[dict[str, Any]]] = {}
        for row in store.rows_from("ai_session", prefix):
            key = row["source"][len(prefix) :].rsplit(":", 1)[0]
            if key in convs:
                old.setdefault(key, []).append(row)
        rows = [row for found in old.values() for row in found]
        edited = store.changed_outside_imports("ai_session", [row["id"] for row in rows])
        for row in rows:
            row["edited"] = row["id"] in edited
        return _plan(
            convs, old, tool=tool, inside=lambda p: in_window(p.start), in_window=in_window
        )

    def result_of(plan: _Plan) -> ImportResult:
        inserts = sorted(plan.inserts, key=lambda p: (p.start, p.source))
        details = [preview(p, tool) for p in inserts[:PREVIEW_LINES]]
        details += [
            f"update {preview(p, tool)} (was {row['minutes']} min)"
            for row, p in plan.updates[: max(0, PREVIEW_LINES - len(details))]
        ]
        result = ImportResult(
            added=len(inserts),
            updated=len(plan.updates),
            deleted=len(plan.removals),
            details=details,
            problems=problems + plan.problems,
            noun="sessions",
        )
        for reason, n in (reasons + plan.reasons).items():
            result.skip(reason, n)
        return result

    if dry_run or not convs:
        return result_of(planned())
    from journal.service import ai_row

    result = ImportResult()
    try:
        with store.write(undo_label):
            plan = planned()
            result = result_of(plan)
            writes = len(plan.inserts) + len(plan.updates) + len(plan.removals)
            if not writes:
                raise NothingNew
            done = 0
            for part in sorted(plan.inserts, key=lambda p: (p.start, p.source)):
                store.insert(
                    "ai_session",
                    ai_row(
                        tool=tool,
                        minutes=part.minutes,
                        at=local_start(part),
                        note=part.title,
                        source=part.source,
                        now=now,
                    ),
                )
                done += 1
                if meter is not None and done % 200 == 0:
                    meter.wrote(done, writes)
            for row, part in plan.updates:
                fresh = ai_row(
                    tool=tool, minutes=part.minutes, at=local_start(part), note=part.title, now=now
                )
                changes = {c: fresh[c] for c in ("started_at", "ts", "day", "minutes", "note")}
                store.update("ai_session", row["id"], changes, touch=False)
                done += 1
            for row in plan.removals:
                store.soft_delete("ai_session", row["id"])
                done += 1
            if meter is not None:
                meter.wrote(writes, writes)
    except NothingNew:
        pass
    return result
