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
import zipfile
import zlib
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


class _Source:
    """An open conversations.json, plain or inside a zip: a binary stream, its size and name."""

    def __init__(self, path: str):
        self.path = path
        self.base = os.path.basename(path) or path
        self.name = self.base
        self._zip: zipfile.ZipFile | None = None
        self.stream: IO[bytes]
        handle = open_regular(path, "the export's conversations.json or its .zip")
        self._handle = handle
        head = handle.read(4)
        handle.seek(0)
        if head.startswith(b"PK") or path.lower().endswith(".zip"):
            self._open_zip(handle)
        else:
            self.stream = handle
            self.size = os.fstat(handle.fileno()).st_size

    def _open_zip(self, handle: IO[bytes]) -> None:
        try:
            self._zip = zipfile.ZipFile(handle)
            members = [
                i
                for i in self._zip.infolist()
                if not i.is_dir()
                and i.filename.rsplit("/", 1)[-1] == MEMBER
                and not i.filename.startswith("__MACOSX/")
            ]
            if not members:
                raise BadInput(
                    f"{self.base}: the zip holds no {MEMBER}; accepted: the ChatGPT or "
                    "Claude data export zip, or the conversations.json inside it"
                )
            info = min(members, key=lambda i: (i.filename.count("/"), i.filename))
            check_member(self.base, info)
            self.stream = self._zip.open(info)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            OSError,
            zlib.error,
            NotImplementedError,
        ) as err:
            handle.close()
            raise BadInput(
                f"{self.base}: not a complete zip archive ({err}); it may be truncated "
                "or damaged: download the export again, or give the conversations.json "
                "inside it"
            ) from None
        except BadInput:
            handle.close()
            raise
        self.size = info.file_size
        self.name = f"{self.base}/{info.filename}"

    def close(self) -> None:
        self.stream.close()
        if self._zip is not None:
            self._zip.close()
        self._handle.close()

    def read(self, size: int) -> bytes:
        try:
            return self.stream.read(size)
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as err:
            raise BadInput(
                f"{self.name}: the zip is damaged or truncated ({err}); download the export again"
            ) from None


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
    key = conv.id or _anonymous_id(conv)
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
    """Read every conversation of an export (validating all of it), then add the new sessions.
    A conversation with a time no journal can hold is skipped and named; the rest imports."""
    source = _Source(path)
    refused: list[str] = []

    def conversations() -> Iterator[Conversation]:
        try:
            for index, item in iter_array(source, progress):
                where = f"{source.name}: item {index}"
                if not isinstance(item, dict):
                    raise BadInput(
                        f"{where} is {kind_of(item)}, not a conversation object; "
                        f"accepted: the {MEMBER} of a {tool} export"
                    )
                try:
                    yield read(item, where)
                except Refused as err:
                    title = text(item.get("title"), 60) or text(item.get("name"), 60)
                    named = f"conversation {index}" + (f" ({title!r})" if title else "")
                    refused.append(f"{named}: {err}")
        finally:
            source.close()

    return add_sessions(
        store,
        conversations(),
        tool=tool,
        undo_label=f"import {label} {source.base}",
        dry_run=dry_run,
        since=since,
        until=until,
        refused=refused,
    )


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
) -> ImportResult:
    """Split every conversation into sessions first (reading and validating all the input),
    then insert the ones whose source is not in the journal yet, in one write.

    Which sources are there already is read inside the write transaction (BEGIN IMMEDIATE), so
    two imports of one file at once add it once: the second waits, then finds the first's rows.
    `refused` (filled while `conversations` is read) names the records left out."""
    from journal.clock import now as clock_now

    now = clock_now()
    parts: dict[str, Part] = {}
    filtered = 0
    for conversation in conversations:
        for part in parts_of(conversation, tool):
            moment = local_start(part)
            if moment > now or (since and moment < since) or (until and moment > until):
                filtered += 1
                continue
            parts.setdefault(part.source, part)  # a conversation listed twice counts once
    found = list(parts.values())
    problems = list(refused or ())
    result = ImportResult()

    def result_for(present: set[str]) -> tuple[list[Part], ImportResult]:
        new = sorted(
            (p for p in found if p.source not in present), key=lambda p: (p.start, p.source)
        )
        return new, ImportResult(
            added=len(new),
            skipped=len(found) - len(new) + filtered + len(problems),
            details=[preview(p, tool) for p in new[:PREVIEW_LINES]],
            problems=problems,
        )

    if dry_run or not found:
        return result_for(store.known_sources("ai_session", [p.source for p in found]))[1]
    from journal.service import ai_row

    try:
        with store.write(undo_label):
            new, result = result_for(store.known_sources("ai_session", [p.source for p in found]))
            if not new:
                raise NothingNew
            for part in new:
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
    except NothingNew:
        pass
    return result
