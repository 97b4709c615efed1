"""A 1–5 scale picked with one keypress (or a click): energy, quality, trust, connection."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Scale(Widget, can_focus=True):
    """Shows ` 1  2  3  4  5 ` with the chosen value lit; 1–5 pick, ←/→ move."""

    DEFAULT_CSS = """
    Scale { width: auto; height: 1; }
    Scale > .scale--chosen { background: $accent; color: $text; text-style: bold; }
    Scale > .scale--option { color: $text-muted; }
    Scale > .scale--word { color: $text-muted; text-style: italic; }
    Scale:focus > .scale--option { color: $text; }
    Scale:focus { background: $boost; text-style: none; }
    """
    COMPONENT_CLASSES = {"scale--chosen", "scale--option", "scale--word"}
    TAKES_DIGITS = True  # while focused, 1-5 are its own (the app's digit tabs step aside)
    BINDINGS = [
        *(Binding(str(n), f"pick({n})", f"{n}", show=False) for n in range(1, 6)),
        Binding("left", "step(-1)", show=False),
        Binding("right", "step(1)", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    @dataclass
    class Picked(Message):
        """A value was chosen with a key or a click."""

        scale: Scale
        value: int

        @property
        def control(self) -> Scale:
            return self.scale

    def __init__(
        self,
        value: int | None = None,
        *,
        words: dict[int, str] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(Scale.value, value)
        self.words = words or {}

    def render(self) -> Text:
        chosen = self.get_component_rich_style("scale--chosen")
        option = self.get_component_rich_style("scale--option")
        text = Text(no_wrap=True)
        for n in range(1, 6):
            text.append(f" {n} ", chosen if n == self.value else option)
        if self.words:
            word = self.words.get(self.value or 0, "")
            width = max(len(w) for w in self.words.values())
            text.append(f" {word:<{width}}", self.get_component_rich_style("scale--word"))
        return text

    def action_pick(self, value: int) -> None:
        self.value = value
        self.post_message(self.Picked(self, value))

    def action_step(self, delta: int) -> None:
        self.value = max(1, min(5, (self.value or 3 - delta) + delta))

    def on_click(self, event: Click) -> None:
        slot = event.x // 3 + 1
        if 1 <= slot <= 5:
            self.action_pick(slot)
