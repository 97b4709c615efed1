"""JournalStore: the only module with SQL. Guards the file, writes with undo, reads models.

Writes go through `with store.write("label"):`, one IMMEDIATE transaction that also records what
each row looked like before, so `undo` can put it back. Rows are plain dicts of column values; the
read side turns them into journal.models records (imported lazily: quick-adds never need them).
"""

from __future__ import annotations

import _thread
import datetime as dt
import os
import sqlite3
import stat

from journal.errors import BadInput, JournalError, NotAJournal, NotFound, NothingToUndo
from journal.paths import file_kind

TYPE_CHECKING = False  # typing costs a quick-add more than its insert; mypy still sees the block
if not TYPE_CHECKING:

    def overload(func: object) -> object:  # typing.overload without importing typing
        return func


if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, Literal, TypeVar, overload

    from journal.models import (
        AISession,
        CheckIn,
        Entry,
        Experiment,
        Intention,
        Mute,
        Pause,
        Person,
        Profile,
    )

    E = TypeVar("E", bound=Entry)  # a model class: reads given it return its instances

SQLITE_MAGIC = b"SQLite format 3\x00"
SCHEMA_VERSION = 3  # must equal migrations.CURRENT (a unit test checks)
UNDO_DEPTH = 50
BUSY_TIMEOUT_S = 30.0
ENTRY_TABLES = ("ai_session", "interaction", "energy", "checkin", "who5", "person", "intention")
TIMELINE_TABLES = ("ai_session", "interaction", "energy", "checkin", "who5")
COMMON = ("id", "created_at", "updated_at", "deleted_at", "note", "tags", "source")
COLUMNS = {
    "ai_session": COMMON
    + ("started_at", "ts", "day", "minutes", "tool", "purpose", "instead_of_person", "skill"),
    "interaction": COMMON
    + ("at", "ts", "day", "minutes", "kind", "channel", "quality", "initiated"),
    "person": COMMON + ("name", "name_key", "relation"),
    "energy": COMMON + ("at", "ts", "day", "level"),
    "checkin": COMMON + ("day", "ts", "trust_ai", "trust_team", "connection"),
    "who5": COMMON + ("day", "ts", "items"),
    "intention": COMMON + ("insight_id", "action_id", "text", "done_at", "dismissed_at"),
    "profile": COMMON + ("role", "workdays", "augmentation_target"),
    "pause": COMMON + ("from_day", "to_day", "reason"),
    "mute": COMMON + ("insight_id", "until"),
    "experiment": COMMON
    + ("name", "change", "days", "measures", "design", "started_day", "seed", "ended_at"),
}
# An interaction's people, read with the row: names in the order they were given.
PEOPLE_SQL = (
    "(SELECT json_group_array(name) FROM (SELECT p.name AS name"
    " FROM interaction_person ip"
    " JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = interaction.id"
    " ORDER BY ip.pos)) AS people"
)


def now_iso() -> str:
    from journal.clock import now

    return now().isoformat()


# Files this process has (or is about to have) a SQLite connection to, by (device, inode), with
# how many. On POSIX, closing *any* descriptor of a file drops every lock this process holds on
# it, SQLite's included; another process then takes itself for the journal's last user and
# removes its -wal and -shm under our feet (lost writes, "disk I/O error", "malformed"). So the
# header is read raw only while this process has no connection to the file: once, before the
# first one. `_thread`, not threading: it costs a quick-add nothing to import.
_LIVE: dict[tuple[int, int], int] = {}
_LIVE_LOCK = _thread.allocate_lock()
LOW_SPACE = 1024 * 1024  # an I/O error with less free space than this is a full disk


def _stat(path: str) -> os.stat_result | None:
    """The file at `path` (symlinks followed); None if nothing is there. Refuses what is not a
    regular file before anything opens it: a FIFO or a device would hang or never end."""
    if not os.path.lexists(path):
        return None
    try:
        found = os.stat(path)
    except OSError as err:
        raise NotAJournal(
            f"--db {path!r} cannot be read ({err.strerror}); accepted: a readable "
            "aijournal database file"
        ) from None
    kind = file_kind(found.st_mode)
    if kind == "directory":
        raise NotAJournal(
            f"--db {path!r} is a directory; accepted: an aijournal database file "
            "or a path where a new one may be created"
        )
    if kind is not None:
        raise NotAJournal(
            f"--db {path!r} is a {kind}, not a file; accepted: an aijournal "
            "database file or a path where a new one may be created"
        )
    if found.st_size == 0:
        raise NotAJournal(
            f"--db {path!r} is an empty file, not an aijournal database; "
            "accepted: an aijournal database or a path that does not exist yet"
        )
    return found


def _read_header(path: str) -> None:
    try:
        # Non-blocking: a FIFO swapped in after the stat must not hang the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise NotAJournal(
                    f"--db {path!r} is not a regular file; accepted: an aijournal "
                    "database file or a path where a new one may be created"
                )
            head = os.read(fd, 16)
        finally:
            os.close(fd)
    except OSError as err:
        raise NotAJournal(
            f"--db {path!r} cannot be read ({err.strerror}); accepted: a readable "
            "aijournal database file"
        ) from None
    if head != SQLITE_MAGIC:
        raise NotAJournal(
            f"--db {path!r} is not a SQLite database; accepted: an aijournal "
            "database or a path that does not exist yet"
        )


def check_file(path: str) -> bool:
    """Refuse anything at `path` that is not an aijournal-shaped SQLite file. True if it exists.

    Reads the header only while this process holds no connection to the file (see _LIVE)."""
    found = _stat(path)
    if found is None:
        return False
    with _LIVE_LOCK:
        if _LIVE.get((found.st_dev, found.st_ino)):
            return True
        _read_header(path)
    return True


def _claim(path: str) -> tuple[int, int] | None:
    """Check the file and count a connection to it as live from now on (None: nothing there).

    One step under the lock, so no other thread reads the header raw between our check and
    our connection."""
    found = _stat(path)
    if found is None:
        return None
    key = (found.st_dev, found.st_ino)
    with _LIVE_LOCK:
        if not _LIVE.get(key):
            _read_header(path)
        _LIVE[key] = _LIVE.get(key, 0) + 1
    return key


def _release(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _LIVE_LOCK:
        left = _LIVE.get(key, 0) - 1
        if left > 0:
            _LIVE[key] = left
        else:
            _LIVE.pop(key, None)


def is_journal_file(path: str, journal: str) -> bool:
    """Whether `path` is the journal itself or its -wal or -shm (by inode, so links count): an
    input read with open() there would drop this process's SQLite locks when it is closed."""
    try:
        found = os.stat(path)
    except OSError:
        return False
    for name in (journal, f"{journal}-wal", f"{journal}-shm"):
        try:
            other = os.stat(name)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (found.st_dev, found.st_ino):
            return True
    return False


def free_bytes(path: str) -> int | None:
    """Free space (for ordinary users) on the disk holding `path`, if it can be told."""
    try:
        found = os.statvfs(os.path.dirname(os.path.abspath(path)) or ".")
    except (OSError, AttributeError):
        return None
    return found.f_bavail * found.f_frsize


def _size(count: int) -> str:
    size: float = count
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"  # pragma: no cover


def is_disk_full(path: str, err: BaseException) -> bool:
    """Whether an error writing near `path` is a full disk (SQLITE_FULL, ENOSPC, or an I/O
    error with next to no space left: SQLite reports a -shm it cannot grow as an I/O error)."""
    import errno

    if isinstance(err, OSError):
        return err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    name = getattr(err, "sqlite_errorname", "") or ""
    text = str(err)
    if name == "SQLITE_FULL" or "disk is full" in text:
        return True
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        free = free_bytes(path)
        return free is not None and free < LOW_SPACE
    return False


def disk_full(path: str, what: str) -> JournalError:
    """'disk full' and what could not be done, with the space left: the one line for ENOSPC."""
    free = free_bytes(path)
    left = "" if free is None else f" ({_size(free)} free on its disk)"
    return JournalError(
        f"disk full: {what}{left}; nothing was written, free some space and try again"
    )


def _not_writable(path: str) -> bool:
    """Whether the journal or its folder cannot be written here (read-only mount, permissions):
    SQLite in WAL mode needs to create -wal and -shm files beside the journal."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    return not os.access(path, os.W_OK) or not os.access(folder, os.W_OK)


def _why_damaged(err: Exception) -> str:
    """What is wrong with a stored value, from the error reading it raised."""
    import json

    if isinstance(err, json.JSONDecodeError):
        return f"{err.doc[:40]!r} is not a JSON list"
    if isinstance(err, KeyError):
        return f"{err.args[0]!r} is not a known value" if err.args else "a value is missing"
    return str(err) or type(err).__name__


def storage_error(path: str, err: Exception, *, writing: bool = True) -> JournalError:
    """A SQLite error as the one line a user can act on: full, read-only, busy, damaged, other."""
    text = str(err)
    name = getattr(err, "sqlite_errorname", "") or ""
    if is_disk_full(path, err):
        return disk_full(
            path, f"the journal {path!r} could not be {'written' if writing else 'opened or read'}"
        )
    if (
        "readonly" in text
        or "read-only" in text
        or name.startswith("SQLITE_READONLY")
        or (name == "SQLITE_CANTOPEN" and _not_writable(path))
    ):
        return NotAJournal(f"--db {path!r} is read-only; nothing was written")
    if "locked" in text or "busy" in text or name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return JournalError(
            f"the journal {path!r} is busy: another program kept it locked for "
            f"{BUSY_TIMEOUT_S:g} s; nothing was written, try again"
        )
    if (
        "malformed" in text
        or "not a database" in text
        or "corrupt" in text
        or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    ):
        return NotAJournal(
            f"the journal {path!r} is damaged ({text}); restore a backup, or "
            "check it with `sqlite3 FILE 'PRAGMA integrity_check'`"
        )
    if writing:
        return JournalError(
            f"the journal {path!r} could not be written ({text}); nothing was written"
        )
    return JournalError(f"the journal {path!r} could not be read or written ({text})")


class JournalStore:
    """One open journal database."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path
        self.read_only = False  # opened read-only: the file or its folder cannot be written
        self._key: tuple[int, int] | None = None  # its entry in _LIVE while open
        self._step: int | None = None
        self._ops = 0

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str, *, create: bool = True) -> JournalStore:
        key = _claim(path)
        if key is None:
            if not create:
                raise NotAJournal(f"--db {path!r} does not exist; accepted: an existing journal")
            cls._create(path)
            key = _claim(path)
            if key is None:
                raise NotAJournal(f"--db {path!r} was removed while it was being created")
        try:
            conn, version, read_only = cls._connect(path)
            store = cls(conn, path)
            store.read_only = read_only
            try:
                store._prepare(version, fresh=False)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            _release(key)
            raise
        store._key = key
        return store

    @staticmethod
    def _connect(path: str) -> tuple[sqlite3.Connection, int, bool]:
        """A connection and the schema version; read-only if the journal or its folder cannot
        be written (a read-only mount): reads still work, a write then says read-only."""
        conn = None
        try:
            conn = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            return conn, conn.execute("PRAGMA user_version").fetchone()[0], False
        except sqlite3.OperationalError as err:
            if conn is not None:
                conn.close()
            name = getattr(err, "sqlite_errorname", "") or ""
            if not (
                _not_writable(path)
                and (name == "SQLITE_CANTOPEN" or name.startswith("SQLITE_READONLY"))
            ):
                raise storage_error(path, err, writing=False) from None
        except sqlite3.DatabaseError as err:
            if conn is not None:
                conn.close()
            raise NotAJournal(
                f"--db {path!r} is not a usable SQLite database ({err}); "
                "accepted: an aijournal database"
            ) from None
        return (*_connect_read_only(path), True)

    @classmethod
    def _create(cls, path: str) -> None:
        """Build a new journal under a temporary name, then link it into place in one step.

        So a crash during the first run, or a second aijournal starting at the same moment,
        never leaves a half-made file at `path` (which every later run would refuse): the path
        either holds a whole journal or nothing.
        """
        temp = f"{path}.new-{os.getpid()}-{os.urandom(4).hex()}"
        try:
            os.makedirs(os.path.dirname(path) or ".", mode=0o700, exist_ok=True)
            os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except OSError as err:
            if is_disk_full(path, err):
                raise disk_full(path, f"a new journal {path!r} could not be created") from None
            raise NotAJournal(
                f"--db {path!r} cannot be created ({err.strerror}); accepted: "
                "a path in a folder you can write to"
            ) from None
        try:
            conn = sqlite3.connect(temp, isolation_level=None)
            try:
                cls(conn, temp)._prepare(0, fresh=True)
            finally:
                conn.close()  # the last connection folds the WAL back into the file
            try:
                os.link(temp, path)  # never replaces: if another run won the race, use its file
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links
                if not os.path.lexists(path):
                    os.rename(temp, path)
        except (sqlite3.Error, OSError) as err:
            if is_disk_full(path, err):
                raise disk_full(path, f"a new journal {path!r} could not be created") from None
            detail = err.strerror if isinstance(err, OSError) else str(err)
            raise NotAJournal(
                f"--db {path!r} cannot be created ({detail}); accepted: a path "
                "in a folder you can write to"
            ) from None
        finally:
            _remove_quietly(temp)

    def _prepare(self, version: int, *, fresh: bool) -> None:
        conn = self.conn
        if not fresh:
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
            except sqlite3.OperationalError as err:
                if "no such table" not in str(err):  # busy, I/O: not a verdict on the file
                    raise storage_error(self.path, err, writing=False) from None
                row = None  # no meta table: another program's database
            except sqlite3.DatabaseError as err:
                raise NotAJournal(
                    f"--db {self.path!r} is damaged ({err}); restore a backup "
                    "(the file was left untouched)"
                ) from None
            if row is None or row[0] != "aijournal" or version == 0:
                raise NotAJournal(
                    f"--db {self.path!r} is a SQLite database of another program; "
                    "accepted: an aijournal database (it was left untouched)"
                )
            if version > SCHEMA_VERSION:
                raise NotAJournal(
                    f"--db {self.path!r} was written by a newer aijournal (schema "
                    f"{version}; this one reads up to {SCHEMA_VERSION}); upgrade "
                    "aijournal (the file was left untouched)"
                )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise NotAJournal(
                    f"--db {self.path!r} is read-only here and was written by an "
                    f"older aijournal (schema {version}); open it once where it "
                    "can be written, so it can be upgraded"
                )
            if fresh:
                conn.execute("PRAGMA journal_mode = WAL")
            from journal.migrations import migrate

            stamp = now_iso()[:19].replace(":", "").replace("-", "")
            try:
                migrate(conn, self.path, version, stamp)
            except sqlite3.OperationalError as err:
                if fresh:  # _create names the error for the journal's own path
                    raise
                raise self._write_error(err) from None
            except OSError as err:  # the backup made before an upgrade
                if is_disk_full(self.path, err):
                    raise disk_full(
                        self.path,
                        "the backup made before upgrading the journal could not be written",
                    ) from None
                raise JournalError(
                    f"the backup made before upgrading {self.path!r} could not "
                    f"be written ({err.strerror}); the journal was left "
                    "untouched"
                ) from None

    def close(self) -> None:
        self.conn.close()
        _release(self._key)  # after the close: from now on the header may be read raw again
        self._key = None

    def data_version(self) -> int:
        """Changes when another connection (another process, another thread) commits."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------

    def write(self, label: str, *, undoable: bool = True) -> _Write:
        """`with store.write(label):` one transaction; with `undoable`, also one undo step."""
        return _Write(self, label, undoable)

    def _write_error(self, err: sqlite3.OperationalError) -> JournalError:
        return storage_error(self.path, err)

    def _record(self, table: str, row_id: str, before: dict[str, Any] | None) -> None:
        if not self._step:
            return
        self._ops += 1
        if before is None:
            payload = None
        else:
            import json

            payload = json.dumps(before)
        self.conn.execute(
            "INSERT INTO undo_op (step, n, tbl, id, before) VALUES (?, ?, ?, ?, ?)",
            (self._step, self._ops, table, row_id, payload),
        )

    def _require_write(self) -> None:
        if self._step is None:
            raise RuntimeError("store writes must happen inside `with store.write(...)`")

    def insert(self, table: str, row: dict[str, Any]) -> str:
        """Add a new row (its dict holds every column value it sets, `id` included)."""
        self._require_write()
        cols = [c for c in row if c in COLUMNS[table]]
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
        self.conn.execute(sql, [row[c] for c in cols])
        self._record(table, row["id"], None)
        return str(row["id"])

    def insert_many(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Add many new rows of one shape at once (a sync's thousands of sessions), each an
        undo op as `insert` makes it."""
        self._require_write()
        if not rows:
            return
        cols = [c for c in rows[0] if c in COLUMNS[table]]
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
        self.conn.executemany(sql, ([row[c] for c in cols] for row in rows))
        if self._step:
            first = self._ops + 1
            self._ops += len(rows)
            self.conn.executemany(
                "INSERT INTO undo_op (step, n, tbl, id, before) VALUES (?, ?, ?, ?, NULL)",
                ((self._step, first + n, table, row["id"]) for n, row in enumerate(rows)),
            )

    def update(
        self, table: str, row_id: str, changes: dict[str, Any], *, touch: bool = True
    ) -> None:
        self._require_write()
        before = self._snapshot(table, row_id)
        if before is None:
            raise NotFound(f"no {table} with id {row_id!r}")
        values = {c: v for c, v in changes.items() if c in COLUMNS[table] and c != "id"}
        if touch:
            values["updated_at"] = now_iso()
        if values:
            sets = ", ".join(f"{c} = ?" for c in values)
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*values.values(), row_id])
        self._record(table, row_id, before)

    def put(self, table: str, row: dict[str, Any], people: Sequence[str] | None = None) -> None:
        """Insert or fully replace a row by id (imports and merges), with its people links."""
        if self.row(table, row["id"]) is None:
            self.insert(table, row)
        else:
            self.update(table, row["id"], row, touch=False)
        if people is not None:
            self.set_people(row["id"], people)

    def soft_delete(self, table: str, row_id: str) -> None:
        stamp = now_iso()
        self.update(table, row_id, {"deleted_at": stamp, "updated_at": stamp}, touch=False)

    def set_people(self, interaction_id: str, person_ids: Sequence[str]) -> None:
        """Replace an interaction's people links (their previous state goes into the undo step)."""
        self._require_write()
        self.conn.execute(
            "DELETE FROM interaction_person WHERE interaction_id = ?", (interaction_id,)
        )
        self.conn.executemany(
            "INSERT INTO interaction_person (interaction_id, person_id, pos) VALUES (?, ?, ?)",
            [
                (interaction_id, pid, pos)  # a name given twice ("Sam, SAM") links once
                for pos, pid in enumerate(dict.fromkeys(person_ids))
            ],
        )

    def live_person_id(self, name: str) -> str | None:
        """The live person row of a name, in any case or Unicode spelling (names.key), if any."""
        from journal import names  # only where people are named: `ai` never loads unicodedata

        found = self.conn.execute(
            "SELECT id FROM person WHERE name_key IN (?, ?) AND deleted_at IS NULL",
            (names.key(name), name.casefold()),
        ).fetchone()
        if found is not None:
            return str(found[0])
        # Rows keyed by an older rule (casefold only: "Zoë" typed in NFD, a zero-width space).
        ids = self.person_ids_named(name, live_only=True)
        return ids[0] if ids else None

    def person_ids_named(self, name: str, *, live_only: bool = False) -> list[str]:
        """Every person row whose name is `name` by names.key, live ones first, oldest first."""
        from journal import names

        wanted = names.key(name)
        rows = self.conn.execute(
            "SELECT id, name FROM person"
            + (" WHERE deleted_at IS NULL" if live_only else "")
            + " ORDER BY deleted_at IS NOT NULL, created_at, id"
        ).fetchall()
        return [str(row_id) for row_id, spelled in rows if names.key(spelled or "") == wanted]

    def ensure_people(self, names: Sequence[str], new_row: Any) -> list[str]:
        """Person ids for names (case-insensitive); unknown names join via new_row(name)."""
        return [self.live_person_id(name) or self.insert("person", new_row(name)) for name in names]

    def interaction_people(self, interaction_id: str) -> list[str]:
        """An interaction's people as the roster spells them, in the order given."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT p.name FROM interaction_person ip JOIN person p ON p.id = ip.person_id "
                "WHERE ip.interaction_id = ? ORDER BY ip.pos",
                (interaction_id,),
            )
        ]

    def _snapshot(self, table: str, row_id: str) -> dict[str, Any] | None:
        row = self.row(table, row_id)
        if row is not None and table == "interaction":
            row["_people"] = [
                r[0]
                for r in self.conn.execute(
                    "SELECT person_id FROM interaction_person WHERE interaction_id = ? "
                    "ORDER BY pos",
                    (row_id,),
                )
            ]
        return row

    # --- undo ----------------------------------------------------------------------------------

    def undo(self) -> str:
        """Revert the latest undo step; returns its label."""
        step = self.conn.execute(
            "SELECT seq, label FROM undo_step ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if step is None:
            raise NothingToUndo("nothing to undo")
        seq, label = step
        ops = self.conn.execute(
            "SELECT tbl, id, before FROM undo_op WHERE step = ? ORDER BY n DESC", (seq,)
        ).fetchall()
        with self.write("undo", undoable=False):
            stamp = now_iso()
            for table, row_id, before in ops:
                if before is None:
                    self.conn.execute(
                        f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
                        (stamp, stamp, row_id),
                    )
                    continue
                import json

                row = json.loads(before)
                people = row.pop("_people", None)
                row["updated_at"] = stamp  # a restore is a new change, so merges carry it
                sets = ", ".join(f"{c} = ?" for c in row if c != "id")
                self.conn.execute(
                    f"UPDATE {table} SET {sets} WHERE id = ?",
                    [*(v for c, v in row.items() if c != "id"), row_id],
                )
                if people is not None:
                    self.set_people(row_id, people)
            self.conn.execute("DELETE FROM undo_op WHERE step = ?", (seq,))
            self.conn.execute("DELETE FROM undo_step WHERE seq = ?", (seq,))
        return str(label)

    # --- meta ----------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str | None) -> None:
        """Settings and the live timer: outside undo, in their own small transaction."""
        with self.write("meta", undoable=False):
            if value is None:
                self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
                )

    def drop_meta(self, key: str) -> None:
        """Remove a setting inside the caller's write (the timer, ended in the same transaction
        as the session it logs); outside undo, as set_meta is."""
        self._require_write()
        self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))

    # --- sync cursors ----------------------------------------------------------------------------

    def sync_states(self) -> dict[str, str]:
        """Where each `sync` source was read up to: source name -> its JSON state."""
        rows = self.conn.execute("SELECT source, state FROM sync_state").fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    def set_sync_state(self, source: str, state: str, at: str) -> None:
        """Inside the caller's write, so a source's cursor moves with the rows it read."""
        self._require_write()
        self.conn.execute(
            "INSERT OR REPLACE INTO sync_state (source, state, updated_at) VALUES (?, ?, ?)",
            (source, state, at),
        )

    def ai_sessions_near(self, tool: str, first_ts: float, last_ts: float) -> list[dict[str, Any]]:
        """Every session of a tool (deleted ones too) that may overlap [first_ts, last_ts]: one
        starting in it or up to a day before (no session is longer). A sync merges with them."""
        cur = self.conn.execute(
            "SELECT * FROM ai_session WHERE tool = ? AND ts >= ? AND ts <= ? ORDER BY ts, source",
            (tool, first_ts - 86_400, last_ts),
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, found, strict=True)) for found in cur]

    # --- reading rows --------------------------------------------------------------------------

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        cur = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        found = cur.fetchone()
        if found is None:
            return None
        return dict(zip([d[0] for d in cur.description], found, strict=True))

    def find(
        self,
        prefix: str,
        tables: Sequence[str] = ENTRY_TABLES,
        *,
        what: str = "entry",
        listed_by: str = "aijournal log",
    ) -> tuple[str, str]:
        """(table, id) of the one live row whose id starts with `prefix`; `what` the rows are
        and the command `listed_by` that shows their ids name them in the errors."""
        key = prefix.strip().lower()
        if len(key) < 4 or any(c not in "0123456789abcdef" for c in key):
            raise BadInput(
                f"id {prefix!r} is not accepted; use an {what} id or its first 4 or "
                f"more characters, as `{listed_by}` shows them"
            )
        hits: list[tuple[str, str]] = []
        for table in tables:
            hits += [
                (table, r[0])
                for r in self.conn.execute(
                    f"SELECT id FROM {table} WHERE id >= ? AND id < ? AND deleted_at IS NULL "
                    "LIMIT 2",
                    (key, key + "g"),
                )
            ]
        if not hits:
            raise NotFound(f"id {prefix!r} matches no {what}; `{listed_by}` lists {what} ids")
        if len(hits) > 1:
            many = f"{what[:-1]}ies" if what.endswith("y") else f"{what}s"
            raise BadInput(f"id {prefix!r} matches {len(hits)} {many}; give more characters")
        return hits[0]

    # --- reading models ------------------------------------------------------------------------

    # Each read takes a table name or its model class (models.AISession, ...): given the class,
    # the result is typed as that class; the table is the class's TYPE (the SQL is the same).
    # The implementations return list[Any]: rows.to_model builds the class of its table, which
    # mypy cannot see, so the overloads above each implementation carry the types.

    @overload
    def entry(self, kind: type[E], row_id: str) -> E | None: ...
    @overload
    def entry(self, kind: str, row_id: str) -> Entry | None: ...
    def entry(self, kind: type[Entry] | str, row_id: str) -> Entry | None:
        rows = self._select(kind, "id = ?", (row_id,), include_deleted=True)
        return rows[0] if rows else None

    @overload
    def _select(
        self,
        kind: type[E],
        where: str,
        params: Sequence[Any],
        *,
        include_deleted: bool = False,
        order: str = "",
        limit: int | None = None,
    ) -> list[E]: ...
    @overload
    def _select(
        self,
        kind: str,
        where: str,
        params: Sequence[Any],
        *,
        include_deleted: bool = False,
        order: str = "",
        limit: int | None = None,
    ) -> list[Entry]: ...
    def _select(
        self,
        kind: type[Entry] | str,
        where: str,
        params: Sequence[Any],
        *,
        include_deleted: bool = False,
        order: str = "",
        limit: int | None = None,
    ) -> list[Any]:
        from journal.rows import to_model

        table = kind if isinstance(kind, str) else kind.TYPE
        cols = "*" + (", " + PEOPLE_SQL if table == "interaction" else "")
        clause = where if include_deleted else f"({where}) AND deleted_at IS NULL"
        sql = f"SELECT {cols} FROM {table} WHERE {clause} {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        try:
            return [to_model(table, dict(zip(names, r, strict=True))) for r in cur]
        except (ValueError, KeyError, TypeError) as err:
            raise self._damaged(table, sql, params, names) from err

    def _damaged(
        self, table: str, sql: str, params: Sequence[Any], names: list[str]
    ) -> NotAJournal:
        """The one line for a row that was changed outside aijournal and no longer reads as an
        entry (a date that is no date, a purpose that is no purpose, tags that are no list)."""
        from journal.rows import to_model
        from journal.textsafe import visible

        for r in self.conn.execute(sql, params):
            row = dict(zip(names, r, strict=True))
            try:
                to_model(table, row)
            except (ValueError, KeyError, TypeError) as err:
                why = visible(_why_damaged(err))[:120]
                return NotAJournal(
                    f"the journal {self.path!r} has a damaged {table} row "
                    f"{visible(str(row.get('id')))[:40]!r} ({why}); it was changed outside "
                    "aijournal: restore a backup, or fix or delete that row with sqlite3"
                )
        return NotAJournal(f"the journal {self.path!r} has a damaged {table} row")

    @overload
    def entries_between(self, kind: type[E], first_day: dt.date, last_day: dt.date) -> list[E]: ...
    @overload
    def entries_between(self, kind: str, first_day: dt.date, last_day: dt.date) -> list[Entry]: ...
    def entries_between(
        self, kind: type[Entry] | str, first_day: dt.date, last_day: dt.date
    ) -> list[Any]:
        """Live entries of one timeline table whose local day is in [first_day, last_day]."""
        return self._select(
            kind,
            "day >= ? AND day <= ?",
            (first_day.isoformat(), last_day.isoformat()),
            order="ORDER BY ts, id",
        )

    @overload
    def all_entries(self, kind: type[E], *, include_deleted: bool = False) -> list[E]: ...
    @overload
    def all_entries(self, kind: str, *, include_deleted: bool = False) -> list[Entry]: ...
    def all_entries(self, kind: type[Entry] | str, *, include_deleted: bool = False) -> list[Any]:
        table = kind if isinstance(kind, str) else kind.TYPE
        order = "ORDER BY ts, id" if table in TIMELINE_TABLES else "ORDER BY created_at, id"
        return self._select(table, "1", (), include_deleted=include_deleted, order=order)

    def timeline(
        self,
        *,
        since: float | None = None,
        until: float | None = None,
        types: Sequence[str] = TIMELINE_TABLES,
        person: str | None = None,
        tag: str | None = None,
        text: str | None = None,
        tools: Sequence[str] | None = None,
        purpose: str | None = None,
        skill: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[Entry]:
        """Live timeline entries in time order, filtered; pages with limit/offset. `tools` (the
        spellings to match), `purpose` and `skill` (a part of it) keep AI sessions only."""
        where, params = self._timeline_filter(
            since, until, types, person, tag, text, tools=tools, purpose=purpose, skill=skill
        )
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT type, id FROM timeline WHERE {where} ORDER BY ts {order}, id {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        keys = self.conn.execute(sql, params).fetchall()
        by_table: dict[str, list[str]] = {}
        for table, row_id in keys:
            by_table.setdefault(table, []).append(row_id)
        found = {e.id: e for table, ids in by_table.items() for e in self._with_ids(table, ids)}
        return [found[row_id] for _, row_id in keys if row_id in found]

    def _with_ids(self, table: str, ids: Sequence[str]) -> list[Entry]:
        """The live rows of a table among `ids` (500 ids a query: SQLite's parameter limit)."""
        found: list[Entry] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            found += self._select(table, f"id IN ({marks})", chunk)
        return found

    def entries_with_ids(self, ids: Sequence[str]) -> list[Entry]:
        """The live timeline entries among `ids`, in time order (an insight's evidence)."""
        wanted = list(dict.fromkeys(ids))
        found = [e for table in TIMELINE_TABLES for e in self._with_ids(table, wanted)]
        from journal.models import entry_time

        return sorted(found, key=lambda e: (entry_time(e).timestamp(), e.id))

    def count_timeline(
        self,
        *,
        since: float | None = None,
        until: float | None = None,
        types: Sequence[str] = TIMELINE_TABLES,
        person: str | None = None,
        tag: str | None = None,
        text: str | None = None,
        tools: Sequence[str] | None = None,
        purpose: str | None = None,
        skill: str | None = None,
    ) -> int:
        where, params = self._timeline_filter(
            since, until, types, person, tag, text, tools=tools, purpose=purpose, skill=skill
        )
        return int(
            self.conn.execute(f"SELECT count(*) FROM timeline WHERE {where}", params).fetchone()[0]
        )

    def timeline_minutes(
        self,
        *,
        since: float | None = None,
        until: float | None = None,
        types: Sequence[str] = TIMELINE_TABLES,
        person: str | None = None,
        tag: str | None = None,
        text: str | None = None,
        tools: Sequence[str] | None = None,
        purpose: str | None = None,
        skill: str | None = None,
    ) -> tuple[int, int]:
        """(AI minutes, people minutes) of the entries `timeline` finds with the same filters."""
        where, params = self._timeline_filter(
            since, until, types, person, tag, text, tools=tools, purpose=purpose, skill=skill
        )
        totals = []
        for table in ("ai_session", "interaction"):
            sql = (
                f"SELECT coalesce(sum(minutes), 0) FROM {table} WHERE id IN "
                f"(SELECT id FROM timeline WHERE type = '{table}' AND {where})"
            )
            totals.append(int(self.conn.execute(sql, params).fetchone()[0]))
        return totals[0], totals[1]

    def _timeline_filter(
        self,
        since: float | None,
        until: float | None,
        types: Sequence[str],
        person: str | None,
        tag: str | None,
        text: str | None,
        *,
        tools: Sequence[str] | None = None,
        purpose: str | None = None,
        skill: str | None = None,
    ) -> tuple[str, list[Any]]:
        clauses = ["deleted_at IS NULL", f"type IN ({', '.join('?' for _ in types)})"]
        params: list[Any] = list(types)
        if tools is not None or purpose is not None or skill is not None:
            ai: list[str] = []
            if tools is not None:
                ai.append(f"tool IN ({', '.join('?' * len(tools)) or 'NULL'})")
                params += list(tools)
            if purpose is not None:
                ai.append("purpose = ?")
                params.append(purpose)
            if skill is not None:
                escaped = skill.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                ai.append("skill LIKE ? ESCAPE '\\'")
                params.append(f"%{escaped}%")
            clauses.append(f"id IN (SELECT id FROM ai_session WHERE {' AND '.join(ai)})")
        if since is not None:
            clauses.append("ts >= ?")
            params.append(since)
        if until is not None:
            clauses.append("ts <= ?")
            params.append(until)
        if person is not None:
            ids = self.person_ids_named(person)
            clauses.append(
                "id IN (SELECT interaction_id FROM interaction_person WHERE person_id "
                f"IN ({', '.join('?' * len(ids)) or 'NULL'}))"
            )
            params += ids
        if tag is not None:
            clauses.append("EXISTS (SELECT 1 FROM json_each(timeline.tags) WHERE value = ?)")
            params.append(tag)
        if text:
            # The user's % and _ are text to find, not LIKE wildcards.
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            like = f"%{escaped}%"
            clauses.append(
                "(note LIKE ? ESCAPE '\\' OR id IN (SELECT id FROM ai_session WHERE tool LIKE ? "
                "ESCAPE '\\' OR skill LIKE ? ESCAPE '\\') OR id IN (SELECT ip.interaction_id "
                "FROM interaction_person ip JOIN person p ON p.id = ip.person_id "
                "WHERE p.name LIKE ? ESCAPE '\\'))"
            )
            params += [like, like, like, like]
        return " AND ".join(clauses), params

    def people(self) -> list[Person]:
        from journal.models import Person  # loaded with journal.rows anyway

        return self._select(Person, "1", (), order="ORDER BY name_key")

    def person_by_name(self, name: str) -> Person | None:
        from journal.models import Person

        ids = self.person_ids_named(name)
        return self.entry(Person, ids[0]) if ids else None

    def contact_stats(self) -> dict[str, dict[str, Any]]:
        """Per person id: interaction count, minutes, last day, mean quality (live entries)."""
        cur = self.conn.execute(
            "SELECT ip.person_id, count(*), sum(i.minutes), max(i.day), avg(i.quality), "
            "min(i.day) FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id "
            "WHERE i.deleted_at IS NULL GROUP BY ip.person_id"
        )
        return {
            r[0]: {
                "count": r[1],
                "minutes": r[2],
                "last_day": r[3],
                "mean_quality": r[4],
                "first_day": r[5],
            }
            for r in cur
        }

    def tool_spellings(self) -> list[str]:
        """Every way a tool has been written (live or deleted), oldest first."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT tool FROM ai_session GROUP BY tool ORDER BY min(ts), tool"
            )
        ]

    def tool_uses(self) -> list[tuple[str, int, float, float]]:
        """(tool as written, live sessions, first ts, last ts) per exact spelling, oldest first;
        service.tools folds the spellings of one tool together."""
        return [
            (r[0], r[1], r[2], r[3])
            for r in self.conn.execute(
                "SELECT tool, count(*), min(ts), max(ts) FROM ai_session WHERE deleted_at IS NULL "
                "GROUP BY tool ORDER BY min(ts), tool"
            )
        ]

    def checkin_on(self, day: dt.date) -> CheckIn | None:
        from journal.models import CheckIn

        rows = self._select(CheckIn, "day = ?", (day.isoformat(),), order="ORDER BY ts DESC")
        return rows[0] if rows else None

    def counts_on(self, day: str) -> dict[str, int]:
        """How many live entries of each timeline type fall on a local day (one cheap query)."""
        sql = " UNION ALL ".join(
            f"SELECT '{t}', count(*) FROM {t} WHERE day = ? AND deleted_at IS NULL"
            for t in TIMELINE_TABLES
        )
        return {r[0]: r[1] for r in self.conn.execute(sql, [day] * len(TIMELINE_TABLES))}

    def first_day(self) -> dt.date | None:
        """The local day of the journal's first live entry (an index lookup per table)."""
        days = [
            self.conn.execute(f"SELECT min(day) FROM {t} WHERE deleted_at IS NULL").fetchone()[0]
            for t in TIMELINE_TABLES
        ]
        present = [d for d in days if d]
        return dt.date.fromisoformat(min(present)) if present else None

    def last_interaction_day(self, kinds: Sequence[str], on_or_before: dt.date) -> dt.date | None:
        marks = ", ".join("?" for _ in kinds)
        row = self.conn.execute(
            f"SELECT max(day) FROM interaction WHERE deleted_at IS NULL AND kind IN ({marks}) "
            "AND day <= ?",
            [*kinds, on_or_before.isoformat()],
        ).fetchone()
        return dt.date.fromisoformat(row[0]) if row and row[0] else None

    def known_sources(self, table: str, sources: Sequence[str]) -> set[str]:
        """Which of these import sources a table holds already, deleted rows too: a re-import
        adds only what is new, and never brings back what the user deleted."""
        found: set[str] = set()
        for start in range(0, len(sources), 500):
            chunk = list(sources[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            found |= {
                r[0]
                for r in self.conn.execute(
                    f"SELECT source FROM {table} WHERE source IN ({marks})", chunk
                )
            }
        return found

    def rows_from(self, table: str, prefix: str) -> list[dict[str, Any]]:
        """Every row (deleted ones too) whose import source starts with prefix, e.g. all the
        sessions one chat tool's imports made ("ChatGPT:"): a re-import compares against them.
        A range on `source`, so its index serves it."""
        if not prefix:
            raise ValueError("rows_from needs a non-empty prefix")
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        cur = self.conn.execute(
            f"SELECT * FROM {table} WHERE source >= ? AND source < ? ORDER BY source",
            (prefix, upper),
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, found, strict=True)) for found in cur]

    def changed_outside_imports(self, table: str, ids: Sequence[str]) -> set[str]:
        """Which of these rows a write other than an import (an edit, a classification) changed,
        as far as the undo history reaches: with a pinned or coarse clock, updated_at alone
        cannot tell an edit made in the same instant as the import."""
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            found |= {
                r[0]
                for r in self.conn.execute(
                    "SELECT DISTINCT o.id FROM undo_op o JOIN undo_step s ON s.seq = o.step "
                    f"WHERE o.tbl = ? AND o.id IN ({marks}) AND s.label NOT LIKE 'import %'",
                    [table, *chunk],
                )
            }
        return found

    def intentions(self, *, open_only: bool = False) -> list[Intention]:
        from journal.models import Intention

        where = "done_at IS NULL AND dismissed_at IS NULL" if open_only else "1"
        return self._select(Intention, where, (), order="ORDER BY created_at, id")

    # --- the profile, pauses and mutes (journal/profile.py) ------------------------------------

    def profile(self) -> Profile:
        """The live profile, or the default one (employee, mon-fri, no target) if none is set."""
        from journal.models import Profile

        rows = self._select(Profile, "id = 'profile'", ())
        return rows[0] if rows else Profile()

    def pauses(
        self, first_day: dt.date | None = None, last_day: dt.date | None = None
    ) -> list[Pause]:
        """Live pauses overlapping [first_day, last_day] (either end open), earliest first."""
        from journal.models import Pause

        where = ["1"]
        params: list[str] = []
        if first_day is not None:
            where.append("to_day >= ?")
            params.append(first_day.isoformat())
        if last_day is not None:
            where.append("from_day <= ?")
            params.append(last_day.isoformat())
        return self._select(Pause, " AND ".join(where), params, order="ORDER BY from_day, id")

    def mutes(self, on: dt.date | None = None) -> list[Mute]:
        """Live mutes, soonest end first; with `on`, only those still in force that day."""
        from journal.models import Mute

        if on is None:
            return self._select(Mute, "1", (), order="ORDER BY until, id")
        return self._select(Mute, "until >= ?", (on.isoformat(),), order="ORDER BY until, id")

    def experiments(self) -> list[Experiment]:
        """Live experiments, earliest start first (journal/experiments.py)."""
        from journal.models import Experiment

        return self._select(Experiment, "1", (), order="ORDER BY started_day, created_at, id")

    def backup_to(self, target: str) -> None:
        from journal.migrations import backup_copy

        try:
            backup_copy(self.conn, target)
        except FileExistsError:  # a dangling symlink, or a file made since the caller looked
            raise BadInput(
                f"backup target {target!r} exists already (a file or a link); "
                "accepted: a new file path or a folder"
            ) from None
        except OSError as err:  # the target could not be created: nothing to clean up
            if is_disk_full(target, err):
                raise disk_full(target, f"the backup {target!r} could not be created") from None
            raise BadInput(
                f"backup target {target!r} cannot be created ({err.strerror}); "
                "accepted: a new file path in a folder you can write to"
            ) from None
        except sqlite3.Error as err:  # created, then the copy failed: leave no half a backup
            _remove_quietly(target)
            if is_disk_full(target, err):
                raise disk_full(target, f"the backup {target!r} could not be written") from None
            raise JournalError(
                f"the backup {target!r} could not be written ({err}); no backup was made"
            ) from None

    # --- reads for the reflection engine (journal/insights.py) ---------------------------------

    def last_checkin_day_not_trusting_ai(self, on_or_before: dt.date) -> dt.date | None:
        """The last day on or before a day whose check-in did not trust AI over the team."""
        row = self.conn.execute(
            "SELECT max(day) FROM checkin WHERE deleted_at IS NULL AND trust_ai <= trust_team "
            "AND day <= ?",
            (on_or_before.isoformat(),),
        ).fetchone()
        return dt.date.fromisoformat(row[0]) if row and row[0] else None

    def last_connected_day(self, min_quality: int, on_or_before: dt.date) -> dt.date | None:
        """The last day on or before a day with an interaction of at least this quality."""
        row = self.conn.execute(
            "SELECT max(day) FROM interaction WHERE deleted_at IS NULL AND quality >= ? "
            "AND day <= ?",
            (min_quality, on_or_before.isoformat()),
        ).fetchone()
        return dt.date.fromisoformat(row[0]) if row and row[0] else None

    def logged_day_ids(self, first_day: dt.date, last_day: dt.date) -> dict[dt.date, list[str]]:
        """Per logged day in [first_day, last_day]: the ids of its AI sessions, interactions,
        energy readings and check-ins (ids only: older days of a long run need no models)."""
        days: dict[dt.date, list[str]] = {}
        span = (first_day.isoformat(), last_day.isoformat())
        sql = " UNION ALL ".join(
            f"SELECT day, ts, id FROM {t} WHERE day >= ? AND day <= ? AND deleted_at IS NULL"
            for t in ("ai_session", "interaction", "energy", "checkin")
        )
        for day, _, row_id in self.conn.execute(f"{sql} ORDER BY day, ts, id", span * 4):
            days.setdefault(dt.date.fromisoformat(day), []).append(row_id)
        return days

    @overload
    def reflect_entries(self, kind: type[E], first_day: dt.date, last_day: dt.date) -> list[E]: ...
    @overload
    def reflect_entries(self, kind: str, first_day: dt.date, last_day: dt.date) -> list[Entry]: ...
    def reflect_entries(
        self, kind: type[Entry] | str, first_day: dt.date, last_day: dt.date
    ) -> list[Any]:
        """Live entries of one timeline table in a day range, unordered (the engine sorts)."""
        return self._select(
            kind, "day >= ? AND day <= ?", (first_day.isoformat(), last_day.isoformat())
        )

    def reflect_companion_sessions(self, first_day: dt.date, last_day: dt.date) -> list[Any]:
        """Live AI sessions of purpose companion in a day range (the engine looks further back
        at these than at all sessions)."""
        from journal.models import AISession

        return self._select(
            AISession,
            "day >= ? AND day <= ? AND purpose = 'companion'",
            (first_day.isoformat(), last_day.isoformat()),
        )

    # --- reads for the TUI ---------------------------------------------------------------------

    def daily_ai_minutes(self, first_day: dt.date, last_day: dt.date) -> list[tuple[str, str, int]]:
        """(day, purpose, minutes) of live AI sessions per local day and purpose, in a day range."""
        return [
            (r[0], r[1], int(r[2]))
            for r in self.conn.execute(
                "SELECT day, purpose, sum(minutes) FROM ai_session WHERE deleted_at IS NULL "
                "AND day >= ? AND day <= ? GROUP BY day, purpose ORDER BY day",
                (first_day.isoformat(), last_day.isoformat()),
            )
        ]

    def daily_ai_uses(
        self, first_day: dt.date, last_day: dt.date
    ) -> list[tuple[str, str, str, bool, int]]:
        """(day, purpose, tool, any instead of a person, minutes) of live AI sessions per local
        day, purpose and tool as typed, in a day range (the factors need no more than this)."""
        return [
            (r[0], r[1], r[2], bool(r[3]), int(r[4]))
            for r in self.conn.execute(
                "SELECT day, purpose, tool, max(instead_of_person), sum(minutes) FROM ai_session "
                "WHERE deleted_at IS NULL AND day >= ? AND day <= ? GROUP BY day, purpose, tool "
                "ORDER BY day",
                (first_day.isoformat(), last_day.isoformat()),
            )
        ]

    def daily_people(
        self, first_day: dt.date, last_day: dt.date
    ) -> list[tuple[str, int, int, float]]:
        """(day, minutes, interactions, mean quality) of live interactions per local day."""
        return [
            (r[0], int(r[1]), int(r[2]), float(r[3]))
            for r in self.conn.execute(
                "SELECT day, sum(minutes), count(*), avg(quality) FROM interaction "
                "WHERE deleted_at IS NULL AND day >= ? AND day <= ? GROUP BY day ORDER BY day",
                (first_day.isoformat(), last_day.isoformat()),
            )
        ]

    def daily_energy(self, first_day: dt.date, last_day: dt.date) -> list[tuple[str, float, int]]:
        """(day, mean level, readings) of live energy readings per local day."""
        return [
            (r[0], float(r[1]), int(r[2]))
            for r in self.conn.execute(
                "SELECT day, avg(level), count(*) FROM energy WHERE deleted_at IS NULL "
                "AND day >= ? AND day <= ? GROUP BY day ORDER BY day",
                (first_day.isoformat(), last_day.isoformat()),
            )
        ]

    def daily_checkins(
        self, first_day: dt.date, last_day: dt.date
    ) -> list[tuple[str, int, int, int | None]]:
        """(day, trust_ai, trust_team, connection) of each day's live check-in (the latest)."""
        rows = self.conn.execute(
            "SELECT day, trust_ai, trust_team, connection FROM checkin WHERE deleted_at IS NULL "
            "AND day >= ? AND day <= ? ORDER BY day, ts",
            (first_day.isoformat(), last_day.isoformat()),
        ).fetchall()
        latest = {r[0]: r for r in rows}
        return [latest[day] for day in sorted(latest)]

    def logged_days(self, first_day: dt.date | None = None) -> list[str]:
        """The local days (ISO) holding any live timeline entry, oldest first."""
        since = first_day.isoformat() if first_day else ""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT day FROM timeline WHERE deleted_at IS NULL AND day >= ? "
                "ORDER BY day",
                (since,),
            )
        ]

    def monthly_contacts(self, first_day: dt.date) -> list[tuple[str, str, int, float]]:
        """(person id, month YYYY-MM, interactions, mean quality) from first_day on."""
        return [
            (r[0], r[1], int(r[2]), float(r[3]))
            for r in self.conn.execute(
                "SELECT ip.person_id, substr(i.day, 1, 7), count(*), avg(i.quality) "
                "FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id "
                "WHERE i.deleted_at IS NULL AND i.day >= ? "
                "GROUP BY ip.person_id, substr(i.day, 1, 7)",
                (first_day.isoformat(),),
            )
        ]

    def unclassified_count(self) -> int:
        """Live AI sessions still waiting for a purpose (imports)."""
        return int(
            self.conn.execute(
                "SELECT count(*) FROM ai_session WHERE deleted_at IS NULL "
                "AND purpose = 'unclassified'"
            ).fetchone()[0]
        )

    # --- exports, JSONL merge and imports ------------------------------------------------------

    def person_first_seen(self) -> dict[str, float]:
        """Per person id: the instant of their first live interaction (export pseudonym order)."""
        return {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT ip.person_id, min(i.ts) FROM interaction_person ip JOIN interaction i "
                "ON i.id = ip.interaction_id WHERE i.deleted_at IS NULL GROUP BY ip.person_id"
            )
        }

    def live_checkin_ids(self, day: dt.date) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM checkin WHERE day = ? AND deleted_at IS NULL ORDER BY id",
                (day.isoformat(),),
            )
        ]

    def relink_person(self, old_id: str, new_id: str) -> int:
        """Point every interaction of person old_id at new_id (a merged duplicate); undoable."""
        self._require_write()
        affected = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT interaction_id FROM interaction_person WHERE person_id = ?",
                (old_id,),
            )
        ]
        for interaction_id in affected:
            links = [
                r[0]
                for r in self.conn.execute(
                    "SELECT person_id FROM interaction_person WHERE interaction_id = ? "
                    "ORDER BY pos",
                    (interaction_id,),
                )
            ]
            merged = list(dict.fromkeys(new_id if pid == old_id else pid for pid in links))
            self.update("interaction", interaction_id, {}, touch=False)  # records the links
            self.set_people(interaction_id, merged)
        return len(affected)

    def unclassified_ai(self) -> list[AISession]:
        """Live AI sessions still `unclassified`, newest first (what suggestions are made for)."""
        from journal.models import AISession

        return self._select(
            AISession, "purpose = 'unclassified'", (), order="ORDER BY ts DESC, id DESC"
        )

    def classified_ai_since(self, since_ts: float) -> list[tuple[float, int, str, str, str | None]]:
        """(ts, minutes, tool, purpose, source) of live AI sessions with a purpose started at or
        after since_ts, oldest first: what suggestions learn from (plain tuples: a year of synced
        sessions is read on every queue step)."""
        return self.conn.execute(
            "SELECT ts, minutes, tool, purpose, source FROM ai_session WHERE deleted_at IS NULL "
            "AND purpose != 'unclassified' AND ts >= ? ORDER BY ts, id",
            (since_ts,),
        ).fetchall()

    def unclassified_ai_ids(self) -> list[str]:
        """Ids of live AI sessions still `unclassified`, newest first (the classification queue)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM ai_session WHERE deleted_at IS NULL AND purpose = 'unclassified' "
                "ORDER BY ts DESC, id DESC"
            )
        ]


class _Write:
    """The transaction behind `store.write()`; a nested one joins the outer transaction.

    A class rather than @contextmanager: contextlib is not worth its import on the quick-add path.
    """

    def __init__(self, store: JournalStore, label: str, undoable: bool):
        self.store, self.label, self.undoable = store, label, undoable
        self.outer = False

    def __enter__(self) -> JournalStore:
        store = self.store
        if store._step is not None:
            self.outer = True
            return store
        try:
            store.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise store._write_error(err) from None
        try:
            if self.undoable:
                cur = store.conn.execute(
                    "INSERT INTO undo_step (at, label) VALUES (?, ?)", (now_iso(), self.label)
                )
                store._step = cur.lastrowid
            else:
                store._step = 0
            store._ops = 0
        except BaseException as err:
            _rollback(store.conn)
            store._step = None
            if isinstance(err, sqlite3.OperationalError):  # e.g. a read-only file
                raise store._write_error(err) from None
            raise
        return store

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> Literal[False]:
        if self.outer:
            return False
        store, step = self.store, self.store._step
        store._step = None
        if exc is not None:
            _rollback(store.conn)
            if isinstance(exc, sqlite3.OperationalError):
                raise store._write_error(exc) from None
            return False
        try:
            if self.undoable and step:
                store.conn.execute("DELETE FROM undo_op WHERE step <= ?", (step - UNDO_DEPTH,))
                store.conn.execute("DELETE FROM undo_step WHERE seq <= ?", (step - UNDO_DEPTH,))
            store.conn.execute("COMMIT")
        except sqlite3.OperationalError as err:
            _rollback(store.conn)
            raise store._write_error(err) from None
        return False


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo an open transaction after an error, never raising a second error in place of the
    first: SQLite may have rolled back already (a full disk, an I/O error), and a rollback that
    fails leaves the same state as one that was not needed."""
    if not conn.in_transaction:
        return
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _connect_read_only(path: str) -> tuple[sqlite3.Connection, int]:
    """Open a journal that cannot be written here, for reading.

    WAL mode keeps an index in a -shm file beside the journal: `mode=ro` uses one that exists.
    With none (a journal closed cleanly, then mounted read-only) and no -wal either, the file
    holds every saved change and nothing can write to it here, so it is opened immutable.
    A -wal with changes not yet folded in cannot be read without its index: refused.
    """
    from urllib.parse import quote

    uri = f"file:{quote(path)}"
    conn = None
    try:
        conn = sqlite3.connect(
            f"{uri}?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
        )
        return conn, conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError:
        if conn is not None:
            conn.close()
    wal = f"{path}-wal"
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        raise NotAJournal(
            f"--db {path!r} is read-only here and its latest changes are still in "
            f"{wal!r}, which cannot be read without writing; open it once where "
            "it can be written"
        ) from None
    conn = None
    try:
        conn = sqlite3.connect(
            f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False
        )
        return conn, conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as err:
        if conn is not None:
            conn.close()
        raise storage_error(path, err, writing=False) from None


def _remove_quietly(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except OSError:
            pass
