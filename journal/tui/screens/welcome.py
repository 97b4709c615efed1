"""First run on an empty journal: what to log, and an offer to explore the demo persona."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.tui.text import (
    WELCOME_BODY,
    WELCOME_DEMO,
    WELCOME_DEMO_HINT,
    WELCOME_EMPTY,
    WELCOME_TITLE,
)


class WelcomeScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("d", "demo", "Demo journal"), Binding("s,escape", "start", "Start empty")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome-box") as box:
            box.border_title = WELCOME_TITLE
            yield Static(WELCOME_BODY, id="welcome-body")
            with Horizontal(id="welcome-buttons"):
                yield Button(f"{WELCOME_EMPTY} (s)", id="start", variant="primary")
                yield Button(f"{WELCOME_DEMO} (d)", id="demo")
            yield Static(WELCOME_DEMO_HINT, id="welcome-hint")

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "demo":
            self.action_demo()
        else:
            self.action_start()

    def action_demo(self) -> None:
        self.query_one("#welcome-hint", Static).update("Filling the demo journal…")
        self.dismiss(None)
        self.app.action_demo()  # type: ignore[attr-defined]  # JournalApp

    def action_start(self) -> None:
        self.dismiss(None)
        self.app.notify("Your journal is ready. Press a, m or e to log; ? shows every key.")
