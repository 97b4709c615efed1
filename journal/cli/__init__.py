"""The `aijournal` command: hot commands take a lean path, everything else goes to Typer."""

from __future__ import annotations

import sys

from journal.cli.common import DB_OPTION, fail
from journal.errors import JournalError

HELP_WORDS = {"-h", "--help", "--install-completion", "--show-completion", "--version"}


def _split_globals(argv: list[str]) -> tuple[str | None, list[str]]:
    """Take a leading --db PATH (or --db=PATH) off the words; the rest is command and args."""
    db = None
    words = list(argv)
    while words and words[0].startswith("--db"):
        word = words.pop(0)
        if word == "--db" and words:
            db = words.pop(0)
        elif word.startswith("--db="):
            db = word[5:]
        else:
            return db, [word, *words]
    return db, words


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    db, rest = _split_globals(args)
    if rest and not HELP_WORDS.intersection(rest):
        from journal.cli.spec import HOT

        if rest[0] in HOT:
            DB_OPTION["path"] = db
            try:
                from journal.cli import lean, quick

                return quick.HANDLERS[rest[0]](**lean.parse(rest[0], rest[1:]))
            except JournalError as err:
                return fail(err)
    if not rest:
        DB_OPTION["path"] = db
        from journal.cli.app import run_tui

        return run_tui()
    from journal.cli.app import run_typer

    return run_typer(args)
