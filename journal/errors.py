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


def one_line(err: JournalError) -> str:
    """The one line a user reads for an error, whichever face shows it: its message on a single
    line, control characters shown escaped, a huge message cut in the middle."""
    from journal.textsafe import visible

    # One line, whatever the user's text held, and no control character reaches the terminal.
    message = visible(" ".join(str(err).splitlines()))
    if len(message) > 600:  # a megabyte of pasted text is not echoed back in full
        message = f"{message[:300]} … {message[-300:]}"
    return message
