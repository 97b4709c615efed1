"""History's search line, parsed into a typed filter: `text @person #tag from:WHEN to:WHEN`.

Pure (no Textual): the History screen and its tests share it. Words are split as a shell
would, so quotes group words (`from:"3 days ago"`, `"pair review"`), except that a backslash
is kept as typed: searching for `\\x1b` (how control characters are shown) finds `\\x1b`.
"""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass
from typing import Any

from journal import parse


@dataclass(frozen=True)
class Filter:
    """What History shows: each field None means "any"."""

    types: tuple[str, ...] | None = None
    person: str | None = None
    tag: str | None = None
    text: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None

    def query(self) -> dict[str, Any]:
        """The filter as service.entries' keyword arguments."""
        return {
            "types": self.types,
            "person": self.person,
            "tag": self.tag,
            "text": self.text,
            "since": self.since,
            "until": self.until,
        }


def split_words(line: str) -> list[str]:
    """Shell-like words: quotes group, backslashes stay literal; an unclosed quote splits on
    whitespace instead (the quote kept as typed)."""
    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""  # '#' starts a tag, not a comment
    lexer.escape = ""  # a backslash is a character to search for, not an escape
    try:
        return list(lexer)
    except ValueError:  # "No closing quotation"
        return line.split()


def parse_search(line: str, types: str, moment: dt.datetime) -> Filter:
    """`text @person #tag from:WHEN to:WHEN` (quotes group words: from:"3 days ago").

    `since:` and `until:` are the long forms of `from:` and `to:`; any other word (an unknown
    `prefix:`, a lone `@` or `#`) is searched as text. A date that is not understood raises
    BadInput naming it. `types` is one entry type, or "" for all."""
    person = tag = None
    since = until = None
    text: list[str] = []
    for word in split_words(line):
        lower = word.lower()
        if word.startswith("@") and len(word) > 1:
            person = word[1:]
        elif word.startswith("#") and len(word) > 1:
            tag = word[1:]
        elif lower.startswith(("from:", "since:")):
            since = parse.range_start(word.split(":", 1)[1], moment)
        elif lower.startswith(("to:", "until:")):
            until = parse.range_end(word.split(":", 1)[1], moment)
        else:
            text.append(word)
    return Filter(
        types=(types,) if types else None,
        person=person,
        tag=tag,
        text=" ".join(text) or None,
        since=since,
        until=until,
    )
