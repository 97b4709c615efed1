"""Where the journal lives: --db, then AIJOURNAL_DB, then the platform's user data dir."""

import os
import stat
import sys

APP_NAME = "aijournal"
DB_NAME = "journal.db"


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular one is, in words (None for a regular file): the one
    wording for every refusal of a folder, FIFO, device or socket (--db, imports, outputs)."""
    for test, name in (
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "named pipe (FIFO)"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "special file"


def user_data_dir() -> str:
    """The platform's per-user data folder for aijournal.

    On Linux this is the XDG rule, computed here because importing platformdirs costs more than a
    whole quick-add; elsewhere platformdirs decides. A test checks both agree on Linux.
    """
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "").strip() or os.path.expanduser("~/.local/share")
        return os.path.join(base, APP_NAME)
    import platformdirs

    return platformdirs.user_data_dir(APP_NAME, appauthor=False)


def resolve_db(option: str | None = None) -> str:
    """The database path the user asked for, or the default one."""
    if option is not None and not option.strip():
        from journal.errors import NotAJournal

        raise NotAJournal(f"--db {option!r} is empty; accepted: the path of a journal database")
    chosen = option or os.environ.get("AIJOURNAL_DB") or os.path.join(user_data_dir(), DB_NAME)
    return os.path.abspath(os.path.expanduser(chosen))


def demo_db() -> str:
    """The separate database the TUI's welcome screen fills with a demo persona."""
    return os.path.join(user_data_dir(), "demo.db")
