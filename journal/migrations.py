"""The only place the schema changes: numbered steps under PRAGMA user_version, backup first.

Imported only when a database needs creating or upgrading, so the quick-add path never pays for
sqlite-utils.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable

import sqlite_utils

COMMON = {
    "created_at": str,
    "updated_at": str,
    "deleted_at": str,
    "note": str,
    "tags": str,
    "source": str,
}
TIMELINE_TABLES = ("ai_session", "interaction", "energy", "checkin", "who5")


def _table(db: sqlite_utils.Database, name: str, columns: dict[str, type]) -> None:
    db.table(name).create(
        {"id": str, **columns, **COMMON},
        pk="id",
        not_null={"id", "created_at", "updated_at"},
        defaults={"tags": "[]"},
    )


def _v1(db: sqlite_utils.Database) -> None:
    """The first schema: one table per record type, a day and ts column on the timed ones."""
    _table(
        db,
        "ai_session",
        {
            "started_at": str,
            "ts": float,
            "day": str,
            "minutes": int,
            "tool": str,
            "purpose": str,
            "instead_of_person": int,
            "skill": str,
        },
    )
    _table(
        db,
        "interaction",
        {
            "at": str,
            "ts": float,
            "day": str,
            "minutes": int,
            "kind": str,
            "channel": str,
            "quality": int,
            "initiated": int,
        },
    )
    _table(db, "person", {"name": str, "name_key": str, "relation": str})
    db.table("interaction_person").create(
        {"interaction_id": str, "person_id": str, "pos": int},
        pk=("interaction_id", "person_id"),
        foreign_keys=[("interaction_id", "interaction", "id"), ("person_id", "person", "id")],
    )
    _table(db, "energy", {"at": str, "ts": float, "day": str, "level": int})
    _table(
        db,
        "checkin",
        {"day": str, "ts": float, "trust_ai": int, "trust_team": int, "connection": int},
    )
    _table(db, "who5", {"day": str, "ts": float, "items": str})
    _table(
        db,
        "intention",
        {"insight_id": str, "action_id": str, "text": str, "done_at": str, "dismissed_at": str},
    )
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("undo_step").create({"seq": int, "at": str, "label": str}, pk="seq")
    db.table("undo_op").create(
        {"step": int, "n": int, "tbl": str, "id": str, "before": str}, pk=("step", "n")
    )
    for table in TIMELINE_TABLES:
        # Covering indexes for the windowed queries of the engine, the dashboard and History.
        db.table(table).create_index(["day"], if_not_exists=True)
        db.table(table).create_index(["ts"], if_not_exists=True)
    db.table("ai_session").create_index(["source"], if_not_exists=True)
    db.table("interaction").create_index(["source"], if_not_exists=True)
    db.table("interaction_person").create_index(["person_id"], if_not_exists=True)
    db.execute("CREATE UNIQUE INDEX person_name_live ON person(name_key) WHERE deleted_at IS NULL")
    db.execute(
        "CREATE VIEW timeline AS "
        + " UNION ALL ".join(
            f"SELECT '{t}' AS type, id, ts, day, deleted_at, tags, note FROM {t}"
            for t in TIMELINE_TABLES
        )
    )
    db.table("meta").insert({"key": "app", "value": "aijournal"})


def _v2(db: sqlite_utils.Database) -> None:
    """What the user tells the engine about their life: the profile (one row, id "profile"),
    declared pauses (holidays, sick leave) and muted insights."""
    _table(db, "profile", {"role": str, "workdays": str, "augmentation_target": int})
    _table(db, "pause", {"from_day": str, "to_day": str, "reason": str})
    _table(db, "mute", {"insight_id": str, "until": str})
    db.table("pause").create_index(["to_day"], if_not_exists=True)
    db.table("mute").create_index(["until"], if_not_exists=True)


def _v3(db: sqlite_utils.Database) -> None:
    """Personal experiments (a change tried for some days, and what it is measured by) and where
    each `sync` source was read up to (not a journal record: never exported or merged)."""
    _table(
        db,
        "experiment",
        {
            "name": str,
            "change": str,
            "days": int,
            "measures": str,  # JSON list of measure names
            "design": str,  # before-after | alternate
            "started_day": str,
            "seed": int,
            "ended_at": str,
        },
    )
    db.table("experiment").create_index(["started_day"], if_not_exists=True)
    db.table("sync_state").create(
        {"source": str, "state": str, "updated_at": str},
        pk="source",
        not_null={"source", "state", "updated_at"},
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2, _v3]
CURRENT = len(MIGRATIONS)


def backup_copy(conn: sqlite3.Connection, target: str) -> str:
    """A consistent copy of the open database, created 0600, through SQLite's backup API."""
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(conn: sqlite3.Connection, path: str, version: int, stamp: str) -> str | None:
    """Bring the database from `version` to CURRENT, one transaction per step.

    Returns the path of the backup made first, if the database held a schema already.
    """
    backup = None
    if version > 0:
        backup = backup_copy(conn, f"{path}.v{version}-{stamp}.bak")
    db = sqlite_utils.Database(conn)
    for number in range(version + 1, CURRENT + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](db)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return backup
