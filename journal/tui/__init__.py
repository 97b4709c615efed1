"""The terminal app. `run(db_path)` is all the CLI calls; Textual is imported only below here."""

from __future__ import annotations


def run(db_path: str) -> int:
    """Open the journal at db_path in the Textual app; returns the exit code."""
    import os
    import sys

    from journal.errors import JournalError, one_line
    from journal.store import JournalStore

    os.umask(0o077)  # WAL, shm and backup files of a private journal are private too
    try:
        from journal.clock import now

        now()  # a pinned AIJOURNAL_NOW no screen could use is one line here, not a crash later
        store = JournalStore.open(db_path)
    except JournalError as err:
        sys.stderr.write(f"aijournal: {one_line(err)}\n")  # as the CLI shows it
        return err.exit_code
    from journal.tui.app import make_app

    app = make_app(db_path, store=store)
    app.run()
    return app.return_code or 0
