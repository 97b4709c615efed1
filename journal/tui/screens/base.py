"""What the five tab screens share: header, tab bar, footer, and reloading when stale."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from journal.tui.widgets.navbar import TopBar

if TYPE_CHECKING:
    from journal.tui.app import JournalApp

# Keys that name a single character: they would be typed into a text field, so their commands
# are off (and out of the footer) while one has focus.
CHARACTER_KEYS = {"slash", "question_mark", "space"}


def in_text_field(widget: Widget | None) -> bool:
    """Whether keys typed now go into text: an Input, a TextArea, a Select (its list types ahead
    to an option), or a widget of ours that takes letters (TAKES_LETTERS: a Choice)."""
    if widget is None:
        return False
    from textual.widgets import Input, Select, TextArea

    return any(
        isinstance(node, (Input, TextArea, Select)) or getattr(node, "TAKES_LETTERS", False)
        for node in widget.ancestors_with_self
    )


def focus_now(widget: Widget) -> None:
    """Focus `widget` before the next key is handled. Textual's Widget.focus() waits for the
    app's queue, behind keys already typed: "aClaude" typed in one go would run `u` (undo) and
    `e` (energy) as commands before the Tool field had focus. Screen.set_focus is at once, so
    the one-letter commands are off (check_action) for the very next key."""
    widget.screen.set_focus(widget)


def character_actions(bindings: Iterable[object]) -> frozenset[str]:
    """The actions of bindings whose key is one character (`a`, `1`, `/`)."""
    return frozenset(
        binding.action.partition("(")[0]
        for binding in bindings
        if isinstance(binding, Binding)
        and any(len(key) == 1 or key in CHARACTER_KEYS for key in binding.key.split(","))
    )


class JournalScreen(Screen[None]):
    """A tab. Subclasses set TAB, compose their body in `body()` and read in `load()` (which
    starts a worker)."""

    TAB = ""
    AUTO_FOCUS = ""  # nothing focused at first, so the one-letter keys and 1–5 work at once
    BINDINGS = [Binding("escape", "leave_field", "Leave field", show=False)]

    def __init__(self) -> None:
        super().__init__(id=f"screen-{self.TAB}")
        self.loaded_version = -1
        self.width_seen = 0
        self.built = False
        self._build_started = False

    @property
    def journal(self) -> JournalApp:
        from journal.tui.app import JournalApp

        assert isinstance(self.app, JournalApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield TopBar(self.TAB)
        yield from self.body()

    def body(self) -> ComposeResult:
        yield from ()

    def late_body(self) -> list[Widget]:
        """Widgets mounted right after the first frame (the heavy ones)."""
        return []

    def start_build(self) -> None:
        """Start reading and mount the heavy part of the screen (and the footer).

        The first frame shows only the light part: for the first tab the app calls this on its
        Ready event (sent once the first frame is on screen); a tab shown later builds when it
        is first resumed.
        """
        if not self._build_started:
            self._build_started = True
            self.call_later(self._build)

    async def _build(self) -> None:
        from textual.widgets import Footer

        if not self.is_attached or self.app.return_code is not None or not self.app.is_running:
            return  # the app is closing before its second frame
        # The read runs in its worker while the widgets mount; its message is handled after
        # this method returns, so the widgets are there for it.
        self._start_load()
        with self.app.batch_update():  # one frame once all are mounted, none half-way
            await self.mount(*self.late_body(), Footer())
        self.built = True
        self.refresh_bindings()  # the footer, mounted just now, shows the keys
        self.resumed()

    def on_resize(self) -> None:
        # Only a change of the terminal's width matters (tables refit their columns), and it is
        # read from the app, not from the event: two resizes in flight, of different sizes, once
        # answered each other for ever when each handled one asked for a refresh (seen with a
        # headless driver whose size differs from the console's).
        width = self.app.size.width
        if width != self.width_seen:
            self.width_seen = width
            self.width_changed()

    def width_changed(self) -> None:
        """The screen got narrower or wider."""

    def on_screen_resume(self) -> None:
        if self.journal.ready:
            self.start_build()
        self.resumed()

    def resumed(self) -> None:
        """Shown again: read afresh if something was written since the last read."""
        if self.built and self.loaded_version != self.journal.version:
            self.reload()

    def reload(self) -> None:
        if self.built:
            self._start_load()

    def _start_load(self) -> None:
        self.loaded_version = self.journal.version
        self.load()

    def load(self) -> None:
        """Start reading this screen's data (in a worker)."""

    def action_leave_field(self) -> None:
        self.set_focus(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A one-letter command never acts, and is not offered in the footer, while the keys go
        # into a text field: "pytest fixtures" typed there must not undo, time or switch.
        if action in character_actions(self.BINDINGS) and in_text_field(self.focused):
            return False
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    # Screen-level names for app actions, so that check_action above sees their keys.

    def action_undo(self) -> None:
        self.journal.action_undo()

    def action_classify(self) -> None:
        self.journal.action_classify()
