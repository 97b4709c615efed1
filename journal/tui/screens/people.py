"""People: the roster with relation, last contact, contacts per month and how connected it felt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static

from journal import service, views, vocab
from journal.clock import now
from journal.richtext import plain
from journal.tui import format as fmt
from journal.tui.screens.base import JournalScreen
from journal.tui.text import PEOPLE_EMPTY
from journal.tui.widgets.dashcharts import LEVEL_COLORS
from journal.tui.widgets.tables import set_columns
from journal.views import RATE_MONTHS

SPARK = "▁▂▃▄▅▆▇█"


def trend_text(trend: list[float | None]) -> Text:
    text = Text(no_wrap=True)
    for value in trend:
        if value is None:
            text.append("·", style="#6B7075")
        else:
            level = max(1, min(5, round(value)))
            text.append(SPARK[min(7, int((value - 1) / 4 * 7.999))], style=LEVEL_COLORS[level])
    return text


class RelationScreen(ModalScreen[str | None]):
    """Pick a relation for one person."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, name: str, current: str) -> None:
        super().__init__()
        self.person, self.current = name, current

    def compose(self) -> ComposeResult:
        with Vertical(id="relation-box") as box:
            box.border_title = plain(f"{self.person} is my…")
            yield OptionList(*vocab.RELATIONS, id="relation-list")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = vocab.RELATIONS.index(self.current)
        listing.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(vocab.RELATIONS[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class PeopleScreen(JournalScreen):
    TAB = "people"
    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("enter", "history", "Their entries", show=True),
        Binding("r", "relation", "Relation"),
    ]

    @dataclass
    class Loaded(Message):
        rows: list[views.PersonRow]
        today: dt.date

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[views.PersonRow] = []
        self.today = dt.date.min

    def body(self) -> ComposeResult:
        yield DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="people-summary")

    def on_mount(self) -> None:
        self.query_one("#people-table").focus()

    def load(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="people")
    def _read(self) -> None:
        today = now().date()
        with self.journal.reader() as store:
            rows = views.people(store, today)
        self.post_message(self.Loaded(rows, today))

    def on_people_screen_loaded(self, message: Loaded) -> None:
        self.rows, self.today = message.rows, message.today
        self._fill()

    def width_changed(self) -> None:
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        table = self.query_one("#people-table", DataTable)
        keep = table.cursor_row
        set_columns(
            table,
            [
                ("Name", "name", 20),
                ("Relation", "relation", 9),
                ("Last contact", "last", 13),
                ("Per month", "rate", 9),
                ("Together", "total", 12),
                ("Felt, 6 months", "trend", None),
            ],
            minimum=14,
        )
        for row in self.rows:
            rate = f"{row.per_month:.1f}" if row.per_month else "–"
            together = f"{row.count}× {fmt.hours(row.minutes)}" if row.count else "–"
            trend = trend_text(row.trend)
            if row.mean_quality is not None:
                trend.append(f" {row.mean_quality:.1f}", style="dim")
            table.add_row(
                plain(row.name),
                row.relation,
                fmt.ago(row.last_day, self.today),
                rate,
                together,
                trend,
                key=row.name,
            )
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        summary = self.query_one("#people-summary", Static)
        if not self.rows:
            summary.update(PEOPLE_EMPTY)
        else:
            summary.update(
                f"{len(self.rows)} people · per month = contacts a month over the "
                f"last {RATE_MONTHS} months · felt = how connected (1–5), by month"
            )

    def _selected(self) -> views.PersonRow | None:
        table = self.query_one("#people-table", DataTable)
        if not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowSelected, "#people-table")
    def _row_selected(self) -> None:
        self.action_history()

    def action_history(self) -> None:
        row = self._selected()
        if row is None:
            return
        name = row.name
        search = f'@"{name}"' if " " in name else f"@{name}"
        self.journal.show_history(search)

    def action_relation(self) -> None:
        row = self._selected()
        if row is None:
            return

        def chosen(relation: Any) -> None:
            if relation:
                self.journal.write(
                    lambda s: service.set_relation(s, row.name, relation),
                    f"{row.name}: {relation}.",
                )

        self.app.push_screen(RelationScreen(row.name, row.relation), chosen)
