"""The help screen: every key, by screen (the list lives in journal.tui.text)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from journal.tui.text import HELP_INTRO, HELP_SECTIONS


def keys_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold", min_width=14)
    table.add_column(ratio=1)
    for title, rows in HELP_SECTIONS:
        table.add_row(Text(title, style="bold underline"), "")
        for key, what in rows:
            table.add_row(key, what)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """`?` opens it; escape, q or ? closes it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape closes"
            yield Static(HELP_INTRO, id="help-intro")
            yield Static(keys_table(), id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
