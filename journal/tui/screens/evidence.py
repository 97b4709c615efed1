"""An insight's evidence: exactly the entries it counted, one line each, not their whole dates."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from journal import models as m
from journal.clock import now
from journal.present import TYPE_LABELS, day_text, minutes
from journal.textsafe import visible

NONE_LEFT = "None of its evidence entries is in the journal any more (deleted since)."


def entry_line(entry: m.Entry, today: Any) -> Text:
    """`Mon 24 Nov 09:00  AI session  Claude 45m · learn`."""
    if isinstance(entry, m.CheckIn | m.Who5):
        when = day_text(entry.day, today)
    else:
        moment = m.entry_time(entry)
        when = f"{day_text(moment.date(), today)} {moment:%H:%M}"
    what = ""
    if isinstance(entry, m.AISession):
        what = f"{entry.tool} {minutes(entry.minutes)} · {entry.purpose.value}"
    elif isinstance(entry, m.Interaction):
        what = f"{', '.join(entry.people)} {minutes(entry.minutes)} · {entry.kind.value}"
    elif isinstance(entry, m.Energy):
        what = f"{entry.level}/5"
    elif isinstance(entry, m.CheckIn):
        what = f"trust AI {entry.trust_ai} · trust team {entry.trust_team}"
    elif isinstance(entry, m.Who5):
        what = f"{entry.percent}%"
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{when:<18}", style="dim")
    text.append(f"{TYPE_LABELS.get(entry.TYPE, entry.TYPE):<12}", style="bold")
    text.append(visible(what))
    return text


class EvidenceScreen(ModalScreen[None]):
    """Lists the entries given (an insight's evidence ids, read by the caller)."""

    DEFAULT_CSS = """
    EvidenceScreen { align: center middle; }
    EvidenceScreen #evidence-box {
        width: 100%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1;
    }
    EvidenceScreen #evidence-list { height: auto; max-height: 30; border: none; }
    EvidenceScreen #evidence-hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape,q,v", "close", "Close")]

    def __init__(self, title: str, entries: list[m.Entry]) -> None:
        super().__init__()
        self.title_text = title
        self.entries = entries

    def compose(self) -> ComposeResult:
        today = now().date()
        count = len(self.entries)
        with Vertical(id="evidence-box") as box:
            box.border_title = f"Evidence: {count} {'entry' if count == 1 else 'entries'}"
            yield Static(Text(visible(self.title_text), style="bold"), id="evidence-title")
            if self.entries:
                yield OptionList(
                    *(Option(entry_line(e, today), id=f"entry:{e.id}") for e in self.entries),
                    id="evidence-list",
                )
            else:
                yield Static(NONE_LEFT, id="evidence-none")
            yield Static("esc closes", id="evidence-hint")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
