"""Opening another program's SQLite file without ever locking it or waiting for it.

A file with no `-wal` or hot `-journal` beside it is opened `immutable` (SQLite takes no lock and
writes nothing, not even a -shm). One with them is copied, with them, into a private temporary
folder and the copy opened, so SQLite applies the pending log to the copy and never touches the
program's own files. A file torn by a write under way fails with sqlite3.Error: the caller skips
it and tries again next time.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HEADER = b"SQLite format 3\x00"


def is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(HEADER)) == HEADER
    except OSError:
        return False


@contextmanager
def opened(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to path that takes no lock its owner could wait on."""
    if not path.is_file():
        raise OSError(f"{path.name} is not a file")
    sides = [path.with_name(path.name + s) for s in ("-wal", "-journal")]
    live = [s for s in sides if s.is_file() and s.stat().st_size > 0]
    if not live:
        uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro&immutable=1"
        db = sqlite3.connect(uri, uri=True, timeout=0)
        try:
            yield db
        finally:
            db.close()
        return
    with tempfile.TemporaryDirectory(prefix="aijournal-sync-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        for side in live:
            shutil.copyfile(side, Path(folder) / side.name)
        db = sqlite3.connect(str(copy), timeout=0)
        try:
            yield db
        finally:
            db.close()
