"""The classification queue as a screen: unclassified AI sessions one at a time, one key each."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from journal import classify as queue
from journal.errors import JournalError
from journal.richtext import plain
from journal.tui.screens.base import character_actions, in_text_field
from journal.tui.widgets.completion import PlainInput

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
    ClassifyScreen #classify-card { margin: 1 0 0 0; text-style: bold; }
    ClassifyScreen #classify-suggestion { margin: 0 0 1 0; color: $text-accent; }
    ClassifyScreen #classify-hint { color: $text-muted; }
    ClassifyScreen #classify-skill { display: none; margin-top: 1; }
    ClassifyScreen #classify-skill.shown { display: block; }
    """

    AUTO_FOCUS = None  # the keys are answers from the start
    BINDINGS = [
        Binding("l", "answer('l')", "learn"),
        Binding("a", "answer('a')", "augment"),
        Binding("t", "answer('t')", "automate"),
        Binding("c", "answer('c')", "companion"),
        Binding("y,enter", "accept", "accept suggestion"),
        Binding("k", "skill", "skill"),
        Binding("s", "skip", "skip"),
        Binding("q", "close", "done"),
        Binding("escape", "back", "done", show=False),
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
        self._suggestion: Any = None  # journal.suggest.Suggestion for the current session
        self._store: Any = None

    def compose(self) -> ComposeResult:
        with Vertical(id="classify-box"):
            yield Static(TITLE, id="classify-progress")
            yield Static("", id="classify-card")
            yield Static("", id="classify-suggestion")
            yield Static(queue.HINT, id="classify-hint")
            yield PlainInput(
                placeholder="what I learned, then Enter (Esc: leave it)",
                id="classify-skill",
                disabled=True,  # not focusable until k shows it
            )
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
        hint = self.query_one("#classify-suggestion", Static)
        while self._pos < len(self._ids):
            entry = queue.session(self._store, self._ids[self._pos])
            if entry is not None:
                self._current = entry.id
                self._suggestion = queue.suggestion(self._store, entry)
                progress.update(f"{TITLE} · {self._pos + 1} of {len(self._ids)}")
                card.update(plain(queue.card(entry, today())))
                found = self._suggestion
                hint.update(plain(queue.suggestion_line(found)) if found is not None else "")
                self.query_one("#classify-hint", Static).update(
                    queue.HINT if found is None else queue.accept_hint(found)
                )
                self.refresh_bindings()
                return
            self._pos += 1  # changed elsewhere meanwhile
        self._current = None
        self._suggestion = None
        progress.update(TITLE)
        card.update(DONE if self._ids else EMPTY)
        hint.update("")
        self.query_one("#classify-hint", Static).update(queue.HINT)
        self.refresh_bindings()

    def action_answer(self, key: str) -> None:
        if self._current is None:
            return
        try:
            self.tally.add(queue.answer(self._store, self._current, key))
        except JournalError as err:
            self.notify(str(err), severity="error")
        self._pos += 1
        self._show_next()

    def action_accept(self) -> None:
        """Give the current session its suggested purpose."""
        if self._current is None or self._suggestion is None:
            return
        try:
            self.tally.add(queue.give(self._store, self._current, self._suggestion.purpose))
        except JournalError as err:
            self.notify(str(err), severity="error")
        self._pos += 1
        self._show_next()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the skill is typed, its letters are text, not answers.
        if action in character_actions(self.BINDINGS) and in_text_field(self.focused):
            return False
        if action == "accept" and self._suggestion is None:
            return False  # nothing to accept: the key is not offered
        return True

    def action_skill(self) -> None:
        """Type what was learned in the current session; its purpose key follows."""
        if self._current is None:
            return
        field = self.query_one("#classify-skill", Input)
        field.disabled = False
        field.add_class("shown")
        # After this key is handled: focused now, the field would receive the k itself.
        self.call_after_refresh(field.focus)

    def _close_skill(self) -> None:
        field = self.query_one("#classify-skill", Input)
        field.value = ""
        field.remove_class("shown")
        field.disabled = True
        self.set_focus(None)
        self.refresh_bindings()

    @on(Input.Submitted, "#classify-skill")
    def _skill_given(self, event: Input.Submitted) -> None:
        event.stop()
        if self._current is not None and event.value.strip():
            try:
                queue.set_skill(self._store, self._current, event.value)
            except JournalError as err:
                self.notify(str(err), severity="error", markup=False)
                return
        self._close_skill()
        self._show_next()  # the card shows the skill; the purpose key comes next

    def action_back(self) -> None:
        if self.query_one("#classify-skill", Input).has_class("shown"):
            self._close_skill()
        else:
            self.action_close()

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
