"""The first-run question of `sync`: which of the sources found on this machine to read."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from journal.richtext import plain

QUESTION = (
    "aijournal can fill itself from traces your AI tools already leave on this machine. "
    "Which of these may it read? Nothing is read that you do not tick; "
    "`aijournal sources` changes it later."
)


class ChooseSources(ModalScreen[list[str] | None]):
    """Ticks for the sources found; Enable returns the ticked names, Not now returns []."""

    DEFAULT_CSS = """
    ChooseSources { align: center middle; }
    ChooseSources > Vertical {
        width: 76; max-width: 95%; height: auto; padding: 1 2;
        border: thick $accent 60%; background: $surface;
    }
    ChooseSources #question { margin-bottom: 1; }
    ChooseSources Checkbox { border: none; padding: 0; }
    ChooseSources Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ChooseSources Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "later", "Not now", show=False)]

    def __init__(self, found: list[tuple[str, str, str]]) -> None:
        """found: (name, label, where) of each source found."""
        super().__init__()
        self.found = found

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(QUESTION), id="question")
            for name, label, where in self.found:
                yield Checkbox(plain(f"{label}  ({where})"), id=f"source-{name}")
            with Horizontal():
                yield Button("Not now", id="later")
                yield Button("Enable ticked", id="enable", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "later":
            self.dismiss([])
            return
        ticked = [
            name
            for name, _label, _where in self.found
            if self.query_one(f"#source-{name}", Checkbox).value
        ]
        self.dismiss(ticked)

    def action_later(self) -> None:
        self.dismiss([])
