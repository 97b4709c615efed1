"""Limits every importer keeps on any file: only regular files are opened, lines and JSON numbers
are capped while streaming, zip members are checked before they are read, and years stay in the
range the CLI accepts. So a hostile file is refused (or its bad record skipped) in seconds, with
bounded memory, never with a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import stat
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from journal.errors import BadInput
from journal.paths import file_kind

FIRST_YEAR, LAST_YEAR = 1900, 9998  # the years the CLI accepts (parse.py)
MAX_DIGITS = 30  # a JSON integer longer than this is no time, count or level
MAX_LINE = 32 * 1024 * 1024  # bytes in one JSONL / Claude Code line
MAX_ITEM = 16 * 1024 * 1024  # characters in one conversation (4-byte ones: 185 MB peak)
MAX_MEMBER = 2 * 1024 * 1024 * 1024  # uncompressed bytes of one zip member
MAX_RATIO = 200  # uncompressed / compressed size of a zip member (JSON compresses ~10x)
READ = 1 << 20


class Refused(Exception):
    """One record cannot be imported (a time or number out of range): it is skipped and named,
    and the rest of the file imports."""


class BadNumber:
    """A JSON number no field accepts (over MAX_DIGITS digits, infinite, NaN), kept as a marker
    so the record holding it can be named: Python refuses to parse integers over 4,300 digits."""

    __slots__ = ("shown",)

    def __init__(self, shown: str):
        self.shown = shown

    def __repr__(self) -> str:
        return self.shown

    __str__ = __repr__


def _int(digits: str) -> int | BadNumber:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        return BadNumber(f"a {len(digits.lstrip('-')):,}-digit number")
    return int(digits)


def _float(digits: str) -> float | BadNumber:
    value = float(digits)
    if math.isfinite(value):
        return value
    return BadNumber(digits if len(digits) <= 24 else f"a {len(digits):,}-character number")


def _constant(name: str) -> BadNumber:
    return BadNumber(name)  # NaN, Infinity, -Infinity


def decoder() -> json.JSONDecoder:
    """A JSON decoder that turns numbers no field accepts into BadNumber markers."""
    return json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=_constant)


_DECODER = decoder()


def loads(text: str) -> Any:
    """json.loads with the number markers; JSONDecodeError and RecursionError as json raises."""
    return _DECODER.decode(text)


def number(value: object) -> int | float | None:
    """A finite JSON number (not a boolean), or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value if not isinstance(value, float) or math.isfinite(value) else None


# --- times -------------------------------------------------------------------------------------

_EARLIEST = dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC).timestamp()
_LATEST = dt.datetime(LAST_YEAR + 1, 1, 1, tzinfo=dt.UTC).timestamp()


def unix_seconds(value: object, field: str) -> float | None:
    """Unix seconds of a JSON number; None when absent; Refused when it is no time the journal
    can hold (not finite, over 30 digits, before 1900 or after 9998)."""
    if value is None:
        return None
    if isinstance(value, BadNumber):
        raise Refused(f"{field} is {value}, not a time from {FIRST_YEAR} to {LAST_YEAR}")
    seconds = number(value)
    if seconds is None:
        return None  # a string or object: not a time, left out as before
    if not _EARLIEST <= seconds < _LATEST:
        raise Refused(f"{field} is {shown(value)}, not a time from {FIRST_YEAR} to {LAST_YEAR}")
    return float(seconds)


def in_range(moment: dt.datetime, field: str, value: object) -> dt.datetime:
    """An aware moment whose year, here and in UTC, is one the journal accepts."""
    try:
        years: tuple[int, ...] = (
            moment.year,
            moment.astimezone(dt.UTC).year,
            moment.astimezone().year,
        )
    except (OverflowError, ValueError, OSError):
        years = (0,)
    if not all(FIRST_YEAR <= year <= LAST_YEAR for year in years):
        raise Refused(
            f"{field} is {shown(value)}, not a time from {FIRST_YEAR} to {LAST_YEAR}".strip()
        )
    return moment


def shown(value: object, limit: int = 40) -> str:
    """A value as an error message shows it: short, one line, quoted when text."""
    text = repr(value) if isinstance(value, str) else str(value)
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- files -------------------------------------------------------------------------------------


def kind_of_file(mode: int) -> str:
    """A non-regular file in words, with its article: "a folder", "a named pipe (FIFO)"."""
    kind = file_kind(mode) or "regular file"
    return "a folder" if kind == "directory" else f"a {kind}"


def is_regular(path: str) -> bool:
    """Is path (after following links) a regular file? Never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def open_regular(path: str, accepted: str) -> IO[bytes]:
    """Open a regular file for reading, binary. A FIFO, device or socket (or a link to one) is
    refused at once: opened non-blocking, then checked, so a FIFO never hangs the import."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise BadInput(f"{path}: is a folder; give {accepted}") from None
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise BadInput(f"{path}: cannot be read ({reason}); give {accepted}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise BadInput(f"{path}: is {kind_of_file(mode)}, not a file; give {accepted}")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def lines(handle: IO[bytes], limit: int = MAX_LINE) -> Iterator[tuple[int, bytes | None]]:
    """(number, bytes) of each line, read as a stream; a line over `limit` bytes is read past in
    pieces (never held whole) and given as None."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit:
            while line and not line.endswith(b"\n"):
                line = handle.readline(READ)
            yield number, None
            continue
        yield number, line


def size_of(file: str) -> int:
    """A file's size for a progress meter (0 when it cannot be read: the read says why)."""
    try:
        return os.path.getsize(file)
    except OSError:
        return 0


def log_lines(
    file: str, name: str, what: str, accepted: str
) -> Iterator[tuple[int, str | None, bool]]:
    """(number, text, is the last line) of the non-blank lines of a JSONL session log, read as a
    stream; a line over MAX_LINE bytes comes as None, never held whole. `what` names the file
    for open_regular, `accepted` what a non-UTF-8 file should have been."""
    try:
        with open_regular(file, what) as handle:
            previous: tuple[int, str | None] | None = None
            for number, raw in lines(handle):
                line = raw.decode("utf-8") if raw is not None else None
                if line is not None and not line.strip():
                    continue
                if previous is not None:
                    yield previous[0], previous[1], False
                previous = (number, line)
            if previous is not None:
                yield previous[0], previous[1], True
    except UnicodeDecodeError:
        raise BadInput(f"{name}: is not UTF-8 text; accepted: {accepted}") from None
    except OSError as err:
        raise BadInput(f"{name}: cannot be read ({err.strerror})") from None


# --- zip members -------------------------------------------------------------------------------


def check_member(archive: str, info: zipfile.ZipInfo) -> None:
    """Refuse a zip member whose stated size or compression ratio no real export has, before any
    of it is read (zipfile also stops a member that inflates past its stated size)."""
    size, packed = info.file_size, max(info.compress_size, 1)
    if size > MAX_MEMBER:
        raise BadInput(
            f"{archive}: {info.filename} would unpack to {size:,} bytes; accepted: "
            f"members up to {MAX_MEMBER // 1024**3} GB"
        )
    if size > READ and size / packed > MAX_RATIO:
        raise BadInput(
            f"{archive}: {info.filename} is compressed {size // packed:,} to 1 (a zip "
            f"bomb?); accepted: up to {MAX_RATIO} to 1, as real exports are"
        )
