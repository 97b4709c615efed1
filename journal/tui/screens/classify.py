"""The classification queue as a screen: unclassified AI sessions one at a time, one key each."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from journal import classify as queue
from journal.errors import JournalError
from journal.richtext import plain

TITLE = "Classify AI sessions"
EMPTY = "Nothing to classify: every AI session has a purpose. Press q to go back."
DONE = "That was the last one. Press q to go back."


class ClassifyScreen(Screen[dict[str, Any]]):
    """Shows each unclassified AI session, newest first; dismisses with what was given.

    The result passed to a push_screen callback: {"given": {purpose: count}, "skipped": n,
    "left": n}, so the caller can refresh its views when something changed.
    """

    DEFAULT_CSS = """
    ClassifyScreen { align: center middle; }
    ClassifyScreen #classify-box { width: 80; height: auto; border: round $accent; padding: 1 2; }
    ClassifyScreen #classify-progress { color: $text-muted; }
    ClassifyScreen #classify-card { margin: 1 0; text-style: bold; }
    ClassifyScreen #classify-hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("l", "answer('l')", "learn"),
        Binding("a", "answer('a')", "augment"),
        Binding("t", "answer('t')", "automate"),
        Binding("c", "answer('c')", "companion"),
        Binding("s", "skip", "skip"),
        Binding("q,escape", "close", "done"),
    ]

    def __init__(
        self,
        store_path: str,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.store_path = store_path
        self.tally = queue.Tally()
        self._ids: list[str] = []
        self._pos = 0
        self._current: str | None = None
        self._store: Any = None

    def compose(self) -> ComposeResult:
        with Vertical(id="classify-box"):
            yield Static(TITLE, id="classify-progress")
            yield Static("", id="classify-card")
            yield Static(queue.HINT, id="classify-hint")
        yield Footer()

    def on_mount(self) -> None:
        from journal.store import JournalStore

        self._store = JournalStore.open(self.store_path, create=False)
        self._ids = queue.pending(self._store)
        self._show_next()

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _show_next(self) -> None:
        from journal.clock import today

        card = self.query_one("#classify-card", Static)
        progress = self.query_one("#classify-progress", Static)
        while self._pos < len(self._ids):
            entry = queue.session(self._store, self._ids[self._pos])
            if entry is not None:
                self._current = entry.id
                progress.update(f"{TITLE} · {self._pos + 1} of {len(self._ids)}")
                card.update(plain(queue.card(entry, today())))
                return
            self._pos += 1  # changed elsewhere meanwhile
        self._current = None
        progress.update(TITLE)
        card.update(DONE if self._ids else EMPTY)

    def action_answer(self, key: str) -> None:
        if self._current is None:
            return
        try:
            self.tally.add(queue.answer(self._store, self._current, key))
        except JournalError as err:
            self.notify(str(err), severity="error")
        self._pos += 1
        self._show_next()

    def action_skip(self) -> None:
        if self._current is None:
            return
        self.tally.skipped += 1
        self._pos += 1
        self._show_next()

    def action_close(self) -> None:
        left = len(queue.pending(self._store)) if self._store is not None else 0
        if self.tally.classified:
            self.notify(self.tally.summary(left))
        self.dismiss({"given": dict(self.tally.given), "skipped": self.tally.skipped, "left": left})
