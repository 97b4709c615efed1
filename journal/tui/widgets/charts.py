"""A widget that paints a rich Text to its width, for the dashboard's bars and calendars."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.widget import Widget

Painter = Callable[[Any, int], Text]


class Chart(Widget):
    """Repaints with `painter(data, width)` whenever its data or its width changes."""

    DEFAULT_CSS = "Chart { height: auto; text-wrap: nowrap; text-overflow: clip; }"

    def __init__(
        self, painter: Painter, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.painter = painter
        self.data: Any = None

    def show(self, data: Any) -> None:
        self.data = data
        self.refresh(layout=True)

    def _paint(self, width: int) -> Text:
        if self.data is None:
            return Text("")
        return self.painter(self.data, max(10, width))

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return max(1, len(self._paint(width).split()))

    def render(self) -> Text:
        text = self._paint(self.content_size.width)
        text.no_wrap = True
        text.overflow = "crop"
        return text
