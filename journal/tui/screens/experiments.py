"""The Experiments view: the running experiment (today ON or OFF, how far along, its result so
far) and a key to end it; with none running, the last result and the ready-made experiments to
start one from. Reads in a worker; writes through journal.experiments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from journal import experiments as svc
from journal.clock import now
from journal.textsafe import visible
from journal.tui.text import EXPERIMENTS_HINT, EXPERIMENTS_NONE


@dataclass
class ExperimentsData:
    current: dict[str, Any] | None  # the running experiment (or the one ended last), described
    line: str | None  # the running one's line for today


def result_text(data: dict[str, Any]) -> Text:
    """An experiment's result: one sentence a measure, then the caveats."""
    text = Text()
    for part in data["results"]:
        style = "bold" if part["detected"] else ""
        text.append("• ", style="dim")
        text.append(visible(part["sentence"]) + "\n", style=style)
    for caveat in data["caveats"]:
        text.append("! ", style="bold yellow")
        text.append(visible(caveat) + "\n", style="dim")
    text.rstrip()
    return text


class ExperimentsScreen(ModalScreen[None]):
    """`e` on Insights or the command palette opens it; escape closes it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+e", "end", "End the experiment"),
    ]

    @dataclass
    class Loaded(Message):
        data: ExperimentsData

    def __init__(self) -> None:
        super().__init__()
        self.data: ExperimentsData | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="experiments-box") as box:
            box.border_title = "Experiments"
            box.border_subtitle = "enter starts the highlighted one · ctrl+e ends · escape closes"
            yield Static(EXPERIMENTS_HINT, classes="hint")
            yield Static("", id="x-current")
            yield Static("", id="x-result")
            with Horizontal(id="x-buttons"):
                yield Button("End it and read the result (ctrl+e)", id="x-end", compact=True)
            listing = OptionList(
                *(
                    Option(
                        Text.assemble(
                            (t.name, "bold"),
                            f"  {t.change}",
                            (f"  ({t.design}; {', '.join(t.measures)})", "dim"),
                        ),
                        id=t.key,
                    )
                    for t in svc.TEMPLATES.values()
                ),
                id="x-suggestions",
            )
            listing.border_title = "Try one of these"
            yield listing

    def on_mount(self) -> None:
        self.query_one("#x-buttons").display = False
        self.query_one("#x-suggestions").focus()
        self.reload()

    def reload(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="experiments")
    def _read(self) -> None:
        today = now().date()
        with self.app.reader() as store:  # type: ignore[attr-defined]  # JournalApp
            current = svc.latest(store)
            described = None if current is None else svc.describe(store, current, today)
        line = svc.prompt_line(current, today)
        self.post_message(self.Loaded(ExperimentsData(described, line)))

    def on_experiments_screen_loaded(self, message: Loaded) -> None:
        self.data = data = message.data
        current = data.current
        running = current is not None and current["status"] == "running"
        head = self.query_one("#x-current", Static)
        if current is None:
            head.update(Text(EXPERIMENTS_NONE, style="dim"))
        elif running:
            line = data.line or current["name"]
            change = (
                ()
                if current["change"] in line
                else ("\n", ("Change: ", "dim"), visible(current["change"]))
            )
            head.update(
                Text.assemble((visible(line), "bold"), *change, ("\nResult so far:", "dim"))
            )
        else:
            head.update(
                Text.assemble(
                    ("Last experiment: ", "dim"),
                    (visible(current["name"]), "bold"),
                    (f"  ended {current['ended_at'][:10]}", "dim"),
                    ("\nResult:", "dim"),
                )
            )
        result = self.query_one("#x-result", Static)
        result.display = current is not None
        result.update(result_text(current) if current is not None else "")
        self.query_one("#x-buttons").display = running
        self.query_one("#experiments-box").border_subtitle = (
            "ctrl+e ends it · escape closes"
            if running
            else "enter starts the highlighted one · escape closes"
        )
        listing = self.query_one("#x-suggestions", OptionList)
        listing.display = not running
        if running:
            self.query_one("#x-end", Button).focus()
        elif listing.highlighted is None:
            listing.highlighted = 0

    @on(OptionList.OptionSelected, "#x-suggestions")
    def _start(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id
        if key is None:
            return
        today = now().date()
        found = self.app.write(  # type: ignore[attr-defined]  # JournalApp
            lambda store: svc.start(store, template=key, today=today)
        )
        if found is not None:
            self.app.notify(
                f"Started '{found.name}' for {found.days} days. Press ctrl+z to undo.",
                markup=False,
            )
            self.reload()

    @on(Button.Pressed, "#x-end")
    def action_end(self) -> None:
        if self.data is None or self.data.current is None:
            return
        if self.data.current["status"] != "running":
            return
        found = self.app.write(lambda store: svc.end(store))  # type: ignore[attr-defined]
        if found is not None:
            self.app.notify(
                f"Ended '{found.name}'. Its result is below; ctrl+z takes the end back.",
                markup=False,
            )
            self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
