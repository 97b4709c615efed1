"""The title line and the row of tabs on every main screen: plain Statics, so the first frame
stays as light as an empty app's (Textual's Header and Tabs each cost more than a whole frame)."""

from __future__ import annotations

from textual.widgets import Static

from journal.tui.text import TABS


class TitleBar(Static):
    """`aijournal`, and the app's sub_title (the demo journal says so here)."""

    def on_mount(self) -> None:
        self.watch(self.app, "sub_title", self._show)

    def _show(self, sub_title: str) -> None:
        extra = f"  [$text-muted]·[/]  [$warning]{sub_title}[/]" if sub_title else ""
        self.update(f"[b]◐ aijournal[/]{extra}")


class NavBar(Static):
    """Today · History · Dashboard · Insights · People with their F-keys; a click switches."""

    def __init__(self, active: str) -> None:
        parts = []
        for n, (name, label) in enumerate(TABS, 1):
            link = f"[@click=app.tab('{name}')]"
            if name == active:
                parts.append(f"{link}[b $background on $primary] F{n} {label} [/][/]")
            else:
                parts.append(f"{link}[$text-muted] F{n}[/] {label} [/]")
        super().__init__(" ".join(parts))
