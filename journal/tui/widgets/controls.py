"""Three small controls for the quick log, each one widget: Choice (a few options side by side,
one lit), Tick (a checkbox) and Press (a button).

Why not Textual's Select, Checkbox and Button: the quick log is in Today's first frame, and those
three cost that frame about a third of its time (their stylesheets are parsed on first use, and a
Select is five widgets with a scrolling list inside). These draw one line and do one thing. They
also read better here: a purpose is one of four words, all in sight, picked with one key."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.events import Click, Key
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Choice(Widget, can_focus=True):
    """Shows ` learn  augment  automate  companion ` with the chosen one lit. ←/→ move, 1–9 pick
    by place, a letter picks the next option starting with it, a click picks; Enter is left to
    the form (it logs). `value` is None until something is chosen."""

    DEFAULT_CSS = """
    Choice { width: auto; height: 1; background: $boost; }
    Choice > .choice--chosen { background: $accent; color: $text; text-style: bold; }
    Choice > .choice--option { color: $text-muted; }
    Choice:focus > .choice--option { color: $text; }
    Choice:focus { background: $primary 20%; }
    """
    COMPONENT_CLASSES = {"choice--chosen", "choice--option"}
    TAKES_DIGITS = True  # while focused, digits are its own (the app's digit tabs step aside)
    TAKES_LETTERS = True  # and letters: the one-letter commands step aside too
    BINDINGS = [
        Binding("left", "step(-1)", show=False),
        Binding("right", "step(1)", show=False),
    ]

    value: reactive[str | None] = reactive(None)

    @dataclass
    class Changed(Message):
        """An option was chosen with a key or a click."""

        choice: Choice
        value: str

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self,
        options: list[tuple[str, str]],
        *,
        value: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`options` are (label, value) pairs, shown in this order."""
        super().__init__(id=id, classes=classes)
        self.options = options
        self.set_reactive(Choice.value, value)

    def render(self) -> Text:
        chosen = self.get_component_rich_style("choice--chosen")
        option = self.get_component_rich_style("choice--option")
        text = Text(no_wrap=True)
        for label, value in self.options:
            text.append(f" {label} ", chosen if value == self.value else option)
        return text

    def clear(self) -> None:
        self.value = None

    def pick(self, index: int) -> None:
        if 0 <= index < len(self.options):
            self.value = self.options[index][1]
            self.post_message(self.Changed(self, self.value))

    def _index(self) -> int | None:
        values = [value for _label, value in self.options]
        return values.index(self.value) if self.value in values else None

    def action_step(self, delta: int) -> None:
        index = self._index()
        if index is None:
            self.pick(0 if delta > 0 else len(self.options) - 1)
        else:
            self.pick(max(0, min(len(self.options) - 1, index + delta)))

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Letters and digits are its own (as an Input's are): no one-letter command fires.
        return _picks(character)

    def on_key(self, event: Key) -> None:
        char = event.character or ""
        if not _picks(char):
            return
        event.stop()
        event.prevent_default()
        if char.isdigit():
            self.pick(int(char) - 1)
            return
        # The next option after the chosen one that starts with the letter, round the list.
        start = self._index()
        count = len(self.options)
        for step in range(1, count + 1):
            index = ((start if start is not None else -1) + step) % count
            if self.options[index][0].lower().startswith(char.lower()):
                self.pick(index)
                return

    def on_click(self, event: Click) -> None:
        x = 0
        for index, (label, _value) in enumerate(self.options):
            x += len(label) + 2
            if event.x < x:
                self.pick(index)
                return


def _picks(character: str | None) -> bool:
    """Whether a Choice takes this character: a letter or a digit."""
    return character is not None and len(character) == 1 and character.isalnum()


class Tick(Widget, can_focus=True):
    """`[x] label` or `[ ] label`; space or a click turns it over. Enter is left to the form."""

    DEFAULT_CSS = """
    Tick { width: auto; height: 1; color: $text-muted; }
    Tick:focus { background: $boost; color: $text; }
    """
    BINDINGS = [Binding("space", "flip", "Tick", show=False)]

    value: reactive[bool] = reactive(False)

    def __init__(self, label: str, *, value: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.set_reactive(Tick.value, value)

    def render(self) -> Text:
        return Text.assemble(("[x]" if self.value else "[ ]", "bold"), " ", self.label)

    def action_flip(self) -> None:
        self.value = not self.value

    def on_click(self) -> None:
        self.action_flip()


class Press(Widget, can_focus=True):
    """A button: ` Log `. Enter, space or a click posts Pressed."""

    DEFAULT_CSS = """
    Press { width: auto; min-width: 8; height: 1; padding: 0 1; content-align: center middle;
            background: $panel; color: $text; text-style: bold; }
    Press.-primary { background: $primary; color: $background; }
    Press:focus { text-style: bold reverse; }
    Press:hover { background: $panel-lighten-2; }
    Press.-primary:hover { background: $primary-lighten-2; }
    """
    BINDINGS = [
        Binding("enter", "press", "Press", show=False),
        Binding("space", "press", "Press", show=False),
    ]

    @dataclass
    class Pressed(Message):
        press: Press

        @property
        def control(self) -> Press:
            return self.press

    def __init__(self, label: str, *, id: str | None = None, primary: bool = False) -> None:
        super().__init__(id=id, classes="-primary" if primary else None)
        self.label = label

    def render(self) -> Text:
        return Text(self.label, no_wrap=True)

    def action_press(self) -> None:
        self.post_message(self.Pressed(self))

    def on_click(self) -> None:
        self.action_press()
