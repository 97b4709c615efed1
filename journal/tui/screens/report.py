"""The report view: `aijournal report` in the TUI, time totals of a period grouped one or two
levels deep, AI and people time side by side; g / G change the grouping, [ and ] the period.

Read through journal.service.report in a worker (the same function the CLI prints), so the
figures are the command's figures; the rows and units come from journal.report as well.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from journal import report as rp
from journal import service
from journal.clock import now
from journal.parse import parse_period
from journal.present import count, minutes
from journal.richtext import plain
from journal.search import Filter
from journal.tui.text import REPORT_FILTER_NOTE, REPORT_HINT, REPORT_TITLE
from journal.tui.widgets.tables import clip, set_columns

WIDTHS = (9, 8, 9, 12)  # AI, sessions, people, interactions


def period_of(flt: Filter | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """History's from:/to: as the report's days; without them, this month."""
    month = parse_period("this month", dt.datetime.combine(today, dt.time()))
    assert month is not None
    if flt is None or (flt.since is None and flt.until is None):
        return month
    if flt.since is None:
        assert flt.until is not None
        last = flt.until.date()
        return last.replace(day=1), last
    first = flt.since.date()
    last = flt.until.date() if flt.until is not None else max(first, today)
    return first, max(first, last)


def totals_line(total: rp.Group) -> str:
    """`AI 56h 15m in 89 sessions  ·  people 18h in 28 interactions`: the total, always in view."""
    return (
        f"AI {minutes(total.ai_minutes)} in {count(total.ai_sessions, 'session')}  ·  "
        f"people {minutes(total.people_minutes)} in {count(total.interactions, 'interaction')}"
    )


def filtered_beyond_period(flt: Filter | None) -> bool:
    """Whether History's filter narrows more than the days (which the report does not do)."""
    return flt is not None and any((flt.types, flt.person, flt.tag, flt.text))


class ReportScreen(ModalScreen[None]):
    """Opened with r on History (its period), or from the command palette (this month)."""

    CSS_PATH = "report.tcss"
    BINDINGS = [
        Binding("g", "group(0)", "Group by"),
        Binding("G", "group(1)", "Then by", key_display="G"),
        Binding("left_square_bracket", "period(-1)", "Earlier", key_display="["),
        Binding("right_square_bracket", "period(1)", "Later", key_display="]"),
        Binding("escape,q", "close", "Close"),
    ]

    @dataclass
    class Read(Message):
        """The worker's report for one request (older requests' reports are dropped)."""

        generation: int
        report: rp.Report

    def __init__(self, flt: Filter | None = None, *, by: tuple[str, ...] = ("tool",)) -> None:
        super().__init__()
        self.since, self.until = period_of(flt, now().date())
        self.note = REPORT_FILTER_NOTE if filtered_beyond_period(flt) else ""
        self.by = by
        self.generation = 0
        self.report: rp.Report | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="report-box") as box:
            box.border_title = REPORT_TITLE
            box.border_subtitle = REPORT_HINT
            yield Static("", id="report-head")
            yield Static("", id="report-total")
            yield DataTable(id="report-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="report-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#report-table", DataTable).focus()
        self.load()

    # --- reading -------------------------------------------------------------------------------

    def load(self) -> None:
        self.generation += 1
        self.query_one("#report-head", Static).update(self._head_before_read())
        self._read(self.generation, self.since, self.until, self.by)

    def _head_before_read(self) -> str:
        return f"{self.since.isoformat()} to {self.until.isoformat()}, by {' and '.join(self.by)}…"

    @work(thread=True, exclusive=True, group="report")
    def _read(self, generation: int, since: dt.date, until: dt.date, by: tuple[str, ...]) -> None:
        with self.app.reader() as store:  # type: ignore[attr-defined]  # JournalApp.reader
            result = service.report(store, since=since, until=until, by=by)
        self.post_message(self.Read(generation, result))

    def on_report_screen_read(self, message: Read) -> None:
        if message.generation == self.generation:
            self.report = message.report
            self.show()

    def on_resize(self) -> None:
        if self.report is not None:
            self.show()

    # --- showing -------------------------------------------------------------------------------

    def show(self) -> None:
        result = self.report
        assert result is not None
        table = self.query_one("#report-table", DataTable)
        figures = [
            (Text(name, justify="right"), name, width)
            for name, width in zip(rp.HEADERS, WIDTHS, strict=True)
        ]
        set_columns(table, [(" / ".join(result.by), "group", None), *figures], minimum=14)
        width = table.columns[next(iter(table.columns))].width
        for n, group in enumerate(result.total.groups):
            self._row(table, rp.label(result.by[0], group.key), group, width, f"g{n}", "bold")
            for k, sub in enumerate(group.groups):
                name = "  " + rp.label(result.by[1], sub.key)
                self._row(table, name, sub, width, f"g{n}.{k}", "")
        self._row(table, "total", result.total, width, "total", "bold")
        self.query_one("#report-head", Static).update(rp.heading(result))
        self.query_one("#report-total", Static).update(totals_line(result.total))
        notes = [rp.EMPTY] if not result.total.groups else []
        if any(b in ("person", "tag") for b in result.by):
            notes.append(rp.SHARED_NOTE)
        if self.note:
            notes.append(self.note)
        note = self.query_one("#report-note", Static)
        note.update("\n".join(notes))
        note.display = bool(notes)

    def _row(
        self, table: DataTable[object], name: str, group: rp.Group, width: int, key: str, style: str
    ) -> None:
        label = plain((clip(name, width), style))  # user text: never markup, controls escaped
        figures = [Text(cell, style=style, justify="right") for cell in rp.cells(group)]
        table.add_row(label, *figures, key=key)

    # --- changing ------------------------------------------------------------------------------

    def action_group(self, level: int) -> None:
        """g: the next field for the first level; G: the next for the second (or none)."""
        first, *rest = self.by
        if level == 0:
            options = [f for f in rp.GROUPS if f not in rest]
            first = options[(options.index(first) + 1) % len(options)]
            self.by = (first, *rest)
        else:
            seconds: list[str | None] = [None, *(f for f in rp.GROUPS if f != first)]
            second = seconds[(seconds.index(rest[0] if rest else None) + 1) % len(seconds)]
            self.by = (first,) if second is None else (first, second)
        self.load()

    def action_period(self, steps: int) -> None:
        """[ and ]: the period of the same length before or after (a month moves by a month)."""
        self.since, self.until = rp.shifted(self.since, self.until, steps)
        self.load()

    def action_close(self) -> None:
        self.dismiss(None)
