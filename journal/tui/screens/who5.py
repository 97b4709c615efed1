"""The WHO-5 form: the five statements, each answered 0 to 5 with one key, then the score."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Static

from journal import models as m
from journal.clock import now

TITLE = "WHO-5 wellbeing index: over the last two weeks…"
HINT = "0–5 answers the highlighted statement · tab/↓ next · enter saves · esc closes"
MISSING = "Answer all five statements first (still open: {open})."


def scale_line() -> str:
    return "   ".join(f"{n} {label.lower()}" for n, label in enumerate(m.WHO5_SCALE))


def result_text(items: list[int], day: str) -> Text:
    """The score, percentage, band, citation and the not-a-diagnosis line."""
    raw = sum(items)
    percent = raw * 4
    text = Text()
    text.append(f"WHO-5 for {day}: {raw}/25 = {percent}%\n", style="bold")
    text.append(f"{m.who5_band(percent)}\n\n")
    text.append(
        f"{m.WHO5_DISCLAIMER} Bands: 50% or below = low wellbeing, 28% or below = please "
        f"seek professional advice.\nSource: {m.WHO5_CITATION}.",
        style="dim",
    )
    return text


class Answer(Widget, can_focus=True):
    """One statement with its 0–5 answer; a digit sets this statement only, never another."""

    DEFAULT_CSS = """
    Answer { height: auto; padding: 0 1; margin-bottom: 1; }
    Answer:focus { background: $boost; }
    Answer > .answer--chosen { background: $accent; color: $text; text-style: bold; }
    Answer > .answer--option { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"answer--chosen", "answer--option"}
    BINDINGS = [
        *(Binding(str(n), f"pick({n})", str(n), show=False) for n in range(6)),
        Binding("left", "step(-1)", show=False),
        Binding("right", "step(1)", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    @dataclass
    class Picked(Message):
        answer: Answer
        value: int

    def __init__(self, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.number = number

    def render(self) -> Text:
        chosen = self.get_component_rich_style("answer--chosen")
        option = self.get_component_rich_style("answer--option")
        text = Text()
        text.append(f"{self.number}. {m.WHO5_ITEMS[self.number - 1]}\n", style="bold")
        text.append("   ")
        for n in range(6):
            text.append(f" {n} ", chosen if n == self.value else option)
        word = m.WHO5_SCALE[self.value].lower() if self.value is not None else "not answered"
        text.append(f"  {word}", style="italic")
        return text

    def action_pick(self, value: int) -> None:
        self.value = value
        self.post_message(self.Picked(self, value))

    def action_step(self, delta: int) -> None:
        if self.value is None:
            self.action_pick(0 if delta > 0 else 5)
        else:
            self.action_pick(max(0, min(5, self.value + delta)))

    def on_click(self, event: Click) -> None:
        if event.y == 1 and event.x >= 4:
            slot = (event.x - 4) // 3
            if 0 <= slot <= 5:
                self.action_pick(slot)


class Who5Screen(ModalScreen[dict[str, object] | None]):
    """Asks the five statements; saves through journal.service and shows the result."""

    DEFAULT_CSS = """
    Who5Screen { align: center middle; }
    Who5Screen #who5-box {
        width: 100%; max-width: 96; height: auto; max-height: 100%;
        border: round $accent; padding: 0 1;
    }
    Who5Screen #who5-scale, Who5Screen #who5-hint { color: $text-muted; margin-bottom: 1; }
    Who5Screen #who5-items { height: auto; }
    Who5Screen #who5-result { margin-top: 1; }
    Who5Screen #who5-error { color: $error; }
    """
    BINDINGS = [
        Binding("enter", "save", "Save", priority=True),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[str, object] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="who5-box") as box:
            box.border_title = TITLE
            yield Static(scale_line(), id="who5-scale")
            with Vertical(id="who5-items"):
                for n in range(1, 6):
                    yield Answer(n, id=f"who5-{n}")
            yield Static("", id="who5-error")
            yield Static("", id="who5-result")
            yield Static(HINT, id="who5-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#who5-1", Answer).focus()

    @property
    def answers(self) -> list[int | None]:
        return [self.query_one(f"#who5-{n}", Answer).value for n in range(1, 6)]

    def on_answer_picked(self, _: Answer.Picked) -> None:
        self.query_one("#who5-error", Static).update("")

    def action_save(self) -> None:
        if self.saved is not None:
            self.dismiss(self.saved)
            return
        answers = self.answers
        missing = [str(n) for n, a in enumerate(answers, 1) if a is None]
        if missing:
            self.query_one("#who5-error", Static).update(MISSING.format(open=", ".join(missing)))
            self.query_one(f"#who5-{missing[0]}", Answer).focus()
            return
        from journal import service

        items = [int(a) for a in answers if a is not None]
        day = now().date()
        row = self.app.write(  # type: ignore[attr-defined]  # JournalApp.write
            lambda store: service.log_who5(store, items=items, day=day)
        )
        if row is None:
            return
        self.saved = row
        self.query_one("#who5-result", Static).update(result_text(items, str(row["day"])))
        self.query_one("#who5-hint", Static).update("Saved. enter or esc closes.")
        for answer in self.query(Answer):
            answer.can_focus = False
        self.set_focus(None)

    def action_close(self) -> None:
        self.dismiss(self.saved)
