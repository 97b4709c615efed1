"""The `aijournal` command: hot commands take a lean path, everything else goes to Typer."""

from __future__ import annotations

import os
import sys

from journal.cli.common import DB_OPTION, fail
from journal.errors import JournalError

HELP_WORDS = {"-h", "--help", "--install-completion", "--show-completion", "--version"}


def _split_globals(argv: list[str]) -> tuple[str | None, list[str]]:
    """Take --db PATH (or --db=PATH) off the words, wherever it stands before a `--`.

    Users write `aijournal demo --db demo.db` as often as `aijournal --db demo.db demo`.
    """
    db = None
    words: list[str] = []
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--":
            words += [word, *rest]
            break
        if word == "--db" and rest:
            db = rest.pop(0)
        elif word.startswith("--db="):
            db = word[5:]
        else:
            words.append(word)
    return db, words


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except Exception as err:
        # SQLite errors the store did not expect (a damaged file, a full disk) still get one line.
        sqlite3 = sys.modules.get("sqlite3")
        if sqlite3 is None or not isinstance(err, sqlite3.DatabaseError):
            raise
        from journal.cli.common import storage_error

        return fail(storage_error(err))


def _main(argv: list[str] | None) -> int:
    if os.environ.get("_AIJOURNAL_COMPLETE"):  # a shell's Tab: Typer answers, never the app
        from journal.cli.app import complete

        return complete()
    args = sys.argv[1:] if argv is None else list(argv)
    db, rest = _split_globals(args)
    if rest and not HELP_WORDS.intersection(rest):
        from journal.cli.spec import HOT

        if rest[0] in HOT:
            DB_OPTION["path"] = db
            try:
                from journal.cli import lean

                if rest[0] in ("sync", "sources"):  # the daily timer's call: not even quick.py
                    from journal.cli import syncing

                    handler = getattr(syncing, rest[0])
                    return int(handler(**lean.parse(rest[0], rest[1:])))
                from journal.cli import quick

                return quick.HANDLERS[rest[0]](**lean.parse(rest[0], rest[1:]))
            except JournalError as err:
                return fail(err)
        if rest[0] == "insights":
            from journal.cli import quick

            options = quick.fast_json(rest[0], rest[1:])
            if options is not None:
                DB_OPTION["path"] = db
                try:
                    return quick.insights_json(**options)
                except JournalError as err:
                    return fail(err)
        if rest[0] == "factors":
            from journal.cli import quick

            found = quick.fast_factors(rest[1:])
            if found is not None:
                DB_OPTION["path"] = db
                try:
                    return quick.factors_json(**found)
                except JournalError as err:
                    return fail(err)
    if not rest:
        DB_OPTION["path"] = db
        from journal.cli.app import run_tui

        return run_tui()
    from journal.cli.app import run_typer

    return run_typer(["--db", db, *rest] if db is not None else rest)
