"""The two lines on top of every main screen: the title (with the app's sub_title, which says
when the demo journal is open) and the row of tabs. One plain widget, so the first frame stays
as light as an empty app's (Textual's Header and Tabs each cost more than a whole frame)."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from journal.tui.text import TABS


class TopBar(Widget):
    """`aijournal` centred above Today · History · Dashboard · Insights · People with their
    F-keys; a click on a tab switches to it."""

    def __init__(self, active: str) -> None:
        super().__init__(id="top-bar")
        parts = []
        for n, (name, label) in enumerate(TABS, 1):
            link = f"[@click=app.tab('{name}')]"
            if name == active:
                parts.append(f"{link}[b $background on $primary] F{n} {label} [/][/]")
            else:
                parts.append(f"{link}[$text-muted] F{n}[/] {label} [/]")
        self.tabs = Content.from_markup(" ".join(parts))

    def on_mount(self) -> None:
        self.watch(self.app, "sub_title", self._sub_title_changed)

    def _sub_title_changed(self) -> None:
        self.refresh()

    def render(self) -> Content:
        sub_title = self.app.sub_title
        title = Content.from_markup("[b]◐ aijournal[/]")
        if sub_title:
            title += Content.from_markup("  [$text-muted]·[/]  [$warning]$sub[/]", sub=sub_title)
        # Centred by padding the left only: trailing spaces would reach the right edge, where
        # the ellipsis of an overflowing line is drawn.
        left = max(0, (self.content_size.width - title.cell_length) // 2)
        return Content("\n").join([title.pad_left(left), self.tabs])
