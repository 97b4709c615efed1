"""The lossless backup: every record of every type, tombstones too, one JSON object a line.

Nothing is redacted: this is what `aijournal import jsonl` merges back (on this device or
another). People come first so a reader can resolve the names interactions give.
"""

from __future__ import annotations

import json

from journal import models as m
from journal.export import Exporter
from journal.export.summary import Options, Reflect
from journal.store import JournalStore

ORDER = (
    "person",
    "ai_session",
    "interaction",
    "energy",
    "checkin",
    "who5",
    "intention",
    "profile",
    "pause",
    "mute",
    "experiment",
)


def lines(store: JournalStore) -> list[str]:
    return [
        json.dumps(m.to_record(entry), ensure_ascii=False)
        for table in ORDER
        for entry in store.all_entries(table, include_deleted=True)
    ]


class JsonlExporter(Exporter):
    names = ("jsonl",)
    extension = "jsonl"
    help = "a full backup of every record (nothing redacted), for `aijournal import jsonl`"

    def export(
        self, store: JournalStore, options: Options, *, reflect: Reflect | None = None
    ) -> str:
        return "".join(line + "\n" for line in lines(store))
