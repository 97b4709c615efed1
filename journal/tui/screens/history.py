"""History: every entry, newest first, filtered by type and a search line; edit, delete, undo.

Built for years of data: rows arrive a page at a time from a worker (limit/offset over the
timeline), the next page when the cursor nears the end; the table never holds the whole journal.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Input, Select, Static
from textual.widgets.data_table import ColumnKey

from journal import service
from journal.clock import now
from journal.errors import BadInput
from journal.models import Entry
from journal.present import count, minutes
from journal.richtext import plain
from journal.search import Filter, parse_search
from journal.textsafe import visible
from journal.tui import format as fmt
from journal.tui.screens.base import JournalScreen, focus_now
from journal.tui.text import HISTORY_EMPTY, HISTORY_PLACEHOLDER
from journal.tui.widgets.completion import PlainInput
from journal.tui.widgets.dialogs import Confirm
from journal.tui.widgets.tables import clip, set_columns

PAGE = 200
TYPES = (
    ("all types", "all"),
    ("AI sessions", "ai_session"),
    ("people", "interaction"),
    ("energy", "energy"),
    ("check-ins", "checkin"),
    ("WHO-5", "who5"),
)


class HistoryScreen(JournalScreen):
    TAB = "history"
    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/"),
        Binding("y", "cycle_type", "Type"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("r", "report", "Report"),
        Binding("c", "classify", "Classify", show=False),
        Binding("escape", "clear", "Clear search", show=False),
    ]

    @dataclass
    class Page(Message):
        """One page of rows read by the worker."""

        generation: int
        offset: int
        entries: list[Entry]
        total: int | None
        minutes: tuple[int, int] | None = None  # (AI, people) of the whole filter

    def __init__(self) -> None:
        super().__init__()
        self.filter = Filter()
        self.generation = 0
        self.total = 0
        self.minutes = (0, 0)
        self.loaded: dict[str, Entry] = {}
        self.fetching = False
        self.error: str | None = None
        self.shown_search = ("", "")  # (as the search field shows it, as searched)

    def body(self) -> ComposeResult:
        with Horizontal(id="history-filters"):
            yield Select(TYPES, value="all", allow_blank=False, id="history-type", compact=True)
            yield PlainInput(placeholder=HISTORY_PLACEHOLDER, id="history-search", compact=True)
        yield Static("", id="history-summary")
        yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self._columns()
        table = self.query_one("#history-table", DataTable)
        table.focus()
        self.watch(table, "scroll_y", self._scrolled, init=False)

    def _scrolled(self, scroll_y: float) -> None:
        """Mouse-wheel and page scrolling reach the end too: fetch the next page early."""
        table = self.query_one("#history-table", DataTable)
        if scroll_y >= table.max_scroll_y - 40:
            self._more()

    def _columns(self) -> None:
        set_columns(
            self.query_one("#history-table", DataTable),
            [
                ("When", "when", 16),
                ("Type", "type", 8),
                ("Time", "min", 7),
                ("What", "what", None),
                ("Tags, note", "extra", 18),
            ],
            minimum=20,
        )

    # --- reading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Start over from the first page (filters changed, or the journal did)."""
        self.generation += 1
        self.fetching = True
        self._read(self.generation, self.filter, 0, True)

    @work(thread=True, exclusive=True, group="history")
    def _read(self, generation: int, flt: Filter, offset: int, count: bool) -> None:
        with self.journal.reader() as store:
            entries = service.entries(
                store, limit=PAGE, offset=offset, newest_first=True, **flt.query()
            )
            total = service.count_entries(store, **flt.query()) if count else None
            spent = service.entry_minutes(store, **flt.query()) if count else None
        self.post_message(self.Page(generation, offset, entries, total, spent))

    def on_history_screen_page(self, page: Page) -> None:
        if page.generation != self.generation:
            return  # an older filter's page
        table = self.query_one("#history-table", DataTable)
        self.fetching = False
        if page.offset == 0:
            keep = self._current_id()
            self.total = page.total or 0
            self.minutes = page.minutes or (0, 0)
            self.loaded = {}
            self._columns()
        else:
            keep = None
        today = now().date()
        what = ColumnKey("what")
        width = table.columns[what].width if what in table.columns else 40
        rows = []
        for entry in page.entries:
            if entry.id in self.loaded:
                continue
            self.loaded[entry.id] = entry
            rows.append(
                (
                    fmt.when(entry, today),
                    fmt.TYPE_LABELS.get(entry.TYPE, entry.TYPE),
                    fmt.entry_minutes(entry),
                    plain(clip(visible(fmt.summary(entry)), width)),
                    plain(clip(visible(fmt.extra(entry)), 18)),
                    entry.id,
                )
            )
        for *cells, key in rows:
            table.add_row(*cells, key=key)
        if keep and keep in self.loaded:
            table.move_cursor(row=table.get_row_index(keep))
        self._summary()

    def _summary(self) -> None:
        summary = self.query_one("#history-summary", Static)
        summary.set_class(self.error is not None, "error")
        if self.error:
            summary.update(plain(self.error))
        elif not self.total:
            summary.update(HISTORY_EMPTY)
        else:
            shown = len(self.loaded)
            more = "  ·  scroll for more" if shown < self.total else ""
            ai, people = self.minutes
            summary.update(
                f"{count(self.total, 'entry')}  ·  AI {minutes(ai)}  ·  people {minutes(people)}"
                f"  ·  newest first  ·  {shown:,} loaded{more}"
            )

    @on(DataTable.RowHighlighted, "#history-table")
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= event.data_table.row_count - 40:
            self._more()

    def _more(self) -> None:
        if not self.fetching and len(self.loaded) < self.total:
            self.fetching = True
            self._read(self.generation, self.filter, len(self.loaded), False)

    def _current_id(self) -> str | None:
        table = self.query_one("#history-table", DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:  # noqa: BLE001  (no row under the cursor)
            return None
        return str(key.value) if key.value else None

    def selected(self) -> Entry | None:
        entry_id = self._current_id()
        return self.loaded.get(entry_id) if entry_id else None

    # --- filters -------------------------------------------------------------------------------

    def resumed(self) -> None:
        search, self.journal.pending_search = self.journal.pending_search, None
        if search is not None:
            self.loaded_version = self.journal.version
            self.show_filter(search=search)
        else:
            super().resumed()

    def show_filter(self, *, search: str = "", types: str = "all") -> None:
        """Show History on a filter (People's enter and Insights' evidence use it)."""
        # A name with control characters is shown escaped in the field, and searched as given
        # while the field still shows it.
        self.shown_search = (visible(search), search)
        self.query_one("#history-search", Input).value = visible(search)
        self.query_one("#history-type", Select).value = types
        self._pending = visible(search)
        self._apply(force=True)
        self.query_one("#history-table").focus()

    @on(Input.Changed, "#history-search")
    def _typed(self) -> None:
        self.set_timer(0.25, self._apply_if_same, name="search-debounce")
        self._pending = self.query_one("#history-search", Input).value

    def _apply_if_same(self) -> None:
        if getattr(self, "_pending", None) == self.query_one("#history-search", Input).value:
            self._apply()

    @on(Input.Submitted, "#history-search")
    def _submitted(self) -> None:
        self._apply()
        self.query_one("#history-table").focus()

    @on(Select.Changed, "#history-type")
    def _type_changed(self) -> None:
        self._apply()

    def _apply(self, *, force: bool = False) -> None:
        line = self.query_one("#history-search", Input).value
        shown, given = self.shown_search
        if line == shown:
            line = given
        value = self.query_one("#history-type", Select).value
        try:
            flt = parse_search(line, "" if value in ("all", Select.NULL) else str(value), now())
        except BadInput as err:
            self.error = str(err)
            self._summary()
            return
        self.error = None
        if flt != self.filter or force:
            self.filter = flt
            self.load()
        else:
            self._summary()

    def action_search(self) -> None:
        focus_now(self.query_one("#history-search", Input))

    def action_clear(self) -> None:
        search = self.query_one("#history-search", Input)
        if search.has_focus or search.value:
            search.value = ""
            self._apply()
        self.query_one("#history-table").focus()

    def action_report(self) -> None:
        """The time report of this search's period (this month without from:/to:)."""
        self.journal.action_report()

    def action_cycle_type(self) -> None:
        select = self.query_one("#history-type", Select)
        values = [v for _, v in TYPES]
        select.value = values[(values.index(str(select.value)) + 1) % len(values)]

    # --- changing ------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#history-table")
    def _row_selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        from journal.tui.screens.edit import EditScreen

        self.app.push_screen(EditScreen(entry))

    def action_delete(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        what = (
            f"{fmt.TYPE_LABELS.get(entry.TYPE, entry.TYPE)} · {fmt.when(entry, now().date())}"
            f" · {fmt.summary(entry)}"
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.journal.write(
                    lambda s: service.delete_entry(s, entry.id), "Deleted. Press u to undo."
                )

        self.app.push_screen(Confirm(f"Delete this entry?\n\n{what}", yes="Delete"), answered)
