"""Import a ChatGPT data export: each conversation's kept thread becomes one or more AI sessions.

A conversation's `mapping` is a tree (editing or regenerating a message branches it); the thread
the user kept is the chain of `parent` links from `current_node` to the root. Only user and
assistant messages count; a message without a time is left out of the session's length.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from journal.errors import BadInput
from journal.importers import ImportResult
from journal.importers._chat import Conversation, Progress, kind_of, run_chat, text, unix_time

TOOL = "ChatGPT"
ROLES = ("user", "assistant")


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
    """Add the sessions of a ChatGPT conversations.json (or export zip) not in the journal yet."""
    return run_chat(
        store,
        path,
        tool=TOOL,
        label="chatgpt",
        read=read_conversation,
        dry_run=dry_run,
        since=since,
        until=until,
        progress=progress,
    )


def read_conversation(item: dict[str, Any], where: str) -> Conversation:
    if "mapping" not in item:
        raise BadInput(
            f"{where} has no mapping; every conversation of a ChatGPT export has one "
            "(is this another program's file?)"
        )
    mapping = item["mapping"] if item["mapping"] is not None else {}
    if not isinstance(mapping, dict):
        raise BadInput(f"{where}: mapping is {kind_of(mapping)}, not an object of message nodes")
    for key, node in mapping.items():
        if not isinstance(node, dict):
            raise BadInput(
                f"{where}: mapping node {text(key, 60)!r} is {kind_of(node)}, not an object"
            )
    times: list[float] = []
    counted = 0
    for node in thread(mapping, item.get("current_node")):
        message = node.get("message")
        if not isinstance(message, dict):
            continue
        author = message.get("author")
        role = author.get("role") if isinstance(author, dict) else None
        if role not in ROLES:
            continue
        metadata = message.get("metadata")
        if isinstance(metadata, dict) and metadata.get("is_visually_hidden_from_conversation"):
            continue  # context ChatGPT adds by itself, not a turn of the conversation
        counted += 1
        moment = unix_time(message.get("create_time"), "a message's create_time")
        if moment is not None:
            times.append(moment)
    return Conversation(
        id=text(item.get("id"), 200) or text(item.get("conversation_id"), 200),
        title=text(item.get("title")),
        times=times,
        messages=counted,
        created=unix_time(item.get("create_time")),
        updated=unix_time(item.get("update_time"), "update_time"),
    )


def thread(mapping: dict[str, dict[str, Any]], current: object) -> list[dict[str, Any]]:
    """The nodes from the root to the kept leaf (`current_node`, else the latest message)."""
    if not isinstance(current, str) or current not in mapping:
        current = _latest_node(mapping)
    chain: list[dict[str, Any]] = []
    seen: set[str] = set()
    key: object = current
    while isinstance(key, str) and key in mapping and key not in seen:  # `seen` guards a cycle
        seen.add(key)
        node = mapping[key]
        chain.append(node)
        key = node.get("parent")
    chain.reverse()
    return chain


def _latest_node(mapping: dict[str, dict[str, Any]]) -> str | None:
    """Without a usable current_node: the node with the latest message time, else the last one."""
    best: tuple[float, str] | None = None
    for key, node in mapping.items():
        message = node.get("message")
        moment = (
            unix_time(message.get("create_time"), "a message's create_time")
            if isinstance(message, dict)
            else None
        )
        if moment is not None and (best is None or moment > best[0]):
            best = (moment, key)
    if best is not None:
        return best[1]
    return next(reversed(mapping), None) if mapping else None
