"""The JournalError hierarchy: one message, one exit code; the CLI and the TUI render it."""


class JournalError(Exception):
    """An error the user can act on. `str(err)` is the one line shown to them."""

    exit_code = 1


class BadInput(JournalError):
    """A value the user gave is not accepted; nothing was written."""

    exit_code = 2


class NotAJournal(JournalError):
    """The database path points at something that is not an aijournal database."""

    exit_code = 2


class NotFound(JournalError):
    """No entry, person or intention matches what the user named."""

    exit_code = 2


class NothingToUndo(JournalError):
    exit_code = 1
