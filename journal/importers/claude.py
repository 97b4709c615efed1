"""Import a Claude data export: each conversation becomes one or more AI sessions.

A conversation's `chat_messages` is a chronological list; human and assistant messages count, and
their ISO 8601 `created_at` (with `Z` or `+00:00`) gives the session's start and length.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from journal.errors import BadInput
from journal.importers import ImportResult
from journal.importers._chat import Conversation, Progress, iso_time, kind_of, run_chat, text

TOOL = "Claude"
SENDERS = ("human", "assistant")


def run(
    store: Any,
    path: str,
    *,
    dry_run: bool = False,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    progress: Progress | None = None,
    **_options: Any,
) -> ImportResult:
    """Add the sessions of a Claude conversations.json (or export zip) not in the journal yet."""
    return run_chat(
        store,
        path,
        tool=TOOL,
        label="claude",
        read=read_conversation,
        dry_run=dry_run,
        since=since,
        until=until,
        progress=progress,
    )


def read_conversation(item: dict[str, Any], where: str) -> Conversation:
    if "chat_messages" not in item:
        raise BadInput(
            f"{where} has no chat_messages; every conversation of a Claude export has "
            "them (is this another program's file?)"
        )
    messages = item["chat_messages"] if item["chat_messages"] is not None else []
    if not isinstance(messages, list):
        raise BadInput(f"{where}: chat_messages is {kind_of(messages)}, not an array")
    times: list[float] = []
    counted = 0
    for number, message in enumerate(messages, 1):
        if not isinstance(message, dict):
            raise BadInput(f"{where}: message {number} is {kind_of(message)}, not an object")
        if message.get("sender") not in SENDERS:
            continue
        counted += 1
        moment = iso_time(message.get("created_at"), "a message's created_at")
        if moment is not None:
            times.append(moment)
    return Conversation(
        id=text(item.get("uuid"), 200),
        title=text(item.get("name")),
        times=times,
        messages=counted,
        created=iso_time(item.get("created_at")),
        updated=iso_time(item.get("updated_at"), "updated_at"),
    )
