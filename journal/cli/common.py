"""What every command shares, kept lean: the chosen database, opening it, errors to one line."""

from __future__ import annotations

import os
import sys

from journal.errors import JournalError, one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.store import JournalStore

DB_OPTION: dict[str, str | None] = {"path": None}


def db_path() -> str:
    from journal.paths import resolve_db

    return resolve_db(DB_OPTION["path"])


def open_store() -> JournalStore:
    from journal.store import JournalStore

    os.umask(0o077)  # WAL, shm and backup files of a private journal are private too
    return JournalStore.open(db_path())


def storage_error(err: Exception) -> JournalError:
    """A SQLite error that escaped the store, as the one line a user can act on."""
    from journal.store import storage_error as describe

    return describe(db_path(), err, writing=False)


def fail(err: JournalError) -> int:
    """Show a JournalError as the one line a user reads; return its exit code."""
    sys.stderr.write(f"aijournal: {one_line(err)}\n")
    return err.exit_code
