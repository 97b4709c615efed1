"""Today: the day's status, the quick log (journal.tui.widgets.quicklog), the day's timeline and
the live timer, all mounted right after the first frame (which shows the tab bar). Once the day
is on screen come the footer, the quick log's other forms, and the slower reads: the count of
imported sessions to classify and the completion lists."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from journal import service
from journal.clock import localize, now
from journal.models import AISession, CheckIn, Energy, Entry, Interaction
from journal.richtext import plain
from journal.tui import _textual_internals
from journal.tui import format as fmt
from journal.tui.screens.base import JournalScreen
from journal.tui.text import CHECKIN_DONE, CHECKIN_PROMPT, NOTHING_TODAY, TIMER_HINT
from journal.tui.widgets.tables import set_columns

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from journal.tui.widgets.quicklog import QuickLog

TODAY_CSS = Path(__file__).with_name("today.tcss")


@dataclass
class TodayData:
    day: dt.date
    entries: list[Entry]
    timer: dict[str, Any] | None
    checkin: CheckIn | None
    unclassified: int | None = None  # read after the rest (Known); None until then


class TodayScreen(JournalScreen):
    TAB = "today"
    LATE_FOOTER = True
    BINDINGS = [
        Binding("a", "form('ai')", "AI session"),
        Binding("m", "form('met')", "People"),
        Binding("e", "form('energy')", "Energy"),
        Binding("k", "form('checkin')", "Check-in"),
        Binding("w", "app.who5", "WHO-5"),
        Binding("t", "timer", "Timer"),
        # ctrl+t works from inside the form's fields too (t is off there): its own action name.
        Binding("ctrl+t", "toggle_timer", "Timer", show=False, priority=True),
        Binding("u", "undo", "Undo", show=False),
        Binding("c", "classify", "Classify", show=False),
    ]

    @dataclass
    class Loaded(Message):
        data: TodayData

    @dataclass
    class Known(Message):
        """The tools and people known so far, for completion, and the AI sessions to classify."""

        tools: list[str]
        people: list[str]
        unclassified: int

    def __init__(self) -> None:
        super().__init__()
        self.data: TodayData | None = None
        # Set once the first day read is on screen: the slower reads wait for it.
        self.day_shown = threading.Event()
        self.rows_shown = 0  # of data.entries, in the timeline

    # --- layout --------------------------------------------------------------------------------

    def late_body(self) -> list[Widget]:
        from textual.widgets import DataTable

        from journal.tui.widgets.quicklog import QuickLog

        # Today is the app's default screen, not a mode built from MODES, so Textual does not
        # read a CSS_PATH for it: its stylesheet for these widgets is added here, before they
        # mount (only this source is parsed; the others stay in the stylesheet's cache).
        _textual_internals.add_stylesheet(self.app, TODAY_CSS)

        self.quick = QuickLog()
        table: DataTable[str] = DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        table.border_title = "Today's timeline"
        from journal.tui.widgets.experiment import ExperimentLine

        status = [Static("", id="today-status"), Static("", id="timer"), ExperimentLine()]
        return [*status, self.quick, table]

    def action_form(self, name: str) -> None:
        if self.built:
            self.quick.action_form(name)

    def action_timer(self) -> None:
        if self.built:
            self.quick.action_timer()

    def action_toggle_timer(self) -> None:
        self.action_timer()

    def action_pill(self, name: str) -> None:
        """A click on a form's pill (works while a field has focus, unlike the letter keys)."""
        self.action_form(name)

    def action_cancel_timer(self) -> None:
        if self.built:
            self.quick.cancel_timer()

    def when_built(self) -> None:
        self.set_interval(1.0, self.tick)

    # --- data ----------------------------------------------------------------------------------

    def load(self) -> None:
        self._read()
        from journal.tui.widgets.experiment import ExperimentLine

        for line in self.query(ExperimentLine):  # none before the body is built: it reads then
            line.reload()

    @work(thread=True, exclusive=True, group="today")
    def _read(self) -> None:
        moment = now()
        day = moment.date()
        start = localize(dt.datetime.combine(day, dt.time(0)))
        with self.journal.reader() as store:
            data = TodayData(
                day=day,
                entries=service.entries(
                    store, since=start, until=moment + dt.timedelta(minutes=1), newest_first=True
                ),
                timer=service.timer(store),
                checkin=service.checkin_on(store, day),
            )
            self.post_message(self.Loaded(data))
            # Then what is slower on a big journal and not needed at once, after the day is
            # shown (the first time; a second's wait at most, should that never come).
            self.day_shown.wait(1.0)
            unclassified = service.unclassified_count(store)
            tools = service.tools(store)
            people = service.person_names(store)
        self.post_message(self.Known(tools, people, unclassified))

    def on_unmount(self) -> None:
        self.day_shown.set()  # a read waiting for it ends

    def on_today_screen_loaded(self, message: Loaded) -> None:
        old, data = self.data, message.data
        if old is not None and data.unclassified is None:
            data.unclassified = old.unclassified  # until counted again
        self.data = data
        self._show_status()
        self.tick()
        self.quick.show_day(checkin=data.checkin, timer=data.timer)
        if old is None:
            # The first time, only the rows that fit on the screen: the rest after it is shown.
            self._fill_timeline(first=max(self.app.size.height, 10))
            self.call_after_refresh(self._complete)
        else:
            self._fill_timeline()

    async def _complete(self) -> None:
        """The day is on screen: the slower reads go on, and the rest of the screen mounts."""
        self.day_shown.set()
        self.journal.first_shown.set()  # the app's watcher takes its first look from now
        self._add_rest()
        await self.mount_footer()
        await self.quick.complete()

    def on_quick_log_timer_started(self, message: QuickLog.TimerStarted) -> None:
        # The timer line shows at once; the day's read (the write made it stale) confirms it.
        if self.data is not None:
            self.data.timer = message.state
        self.tick()

    def on_quick_log_timer_stopped(self, message: QuickLog.TimerStopped) -> None:
        if self.data is not None:
            self.data.timer = None
        self.tick()

    def on_today_screen_known(self, message: Known) -> None:
        self.journal.known_tools = message.tools
        self.journal.known_people = message.people
        if self.data is not None and self.data.unclassified != message.unclassified:
            self.data.unclassified = message.unclassified
            self._show_status()

    def width_changed(self) -> None:
        self.call_after_refresh(self._fill_timeline)

    def _fill_timeline(self, first: int | None = None) -> None:
        """Show the day's entries: all of them, or only the `first` (those that fit on the
        screen; _add_rest adds the others)."""
        data = self.data
        if data is None or not self.built:
            return
        from textual.widgets import DataTable

        table = self.query_one("#timeline", DataTable)
        set_columns(
            table,
            [("Time", "time", 5), ("Type", "type", 8), ("Took", "min", 7), ("What", "what", None)],
        )
        self.rows_shown = 0
        self._add_rows(table, data.entries if first is None else data.entries[:first])
        if not data.entries:
            table.add_row("", "", "", NOTHING_TODAY)

    def _add_rows(self, table: DataTable[Any], entries: list[Entry]) -> None:
        for entry in entries:
            at = fmt.time_label(entry)
            table.add_row(
                at,
                fmt.TYPE_LABELS.get(entry.TYPE, entry.TYPE),
                fmt.entry_minutes(entry),
                plain(fmt.summary(entry)),
                key=entry.id,
            )
        self.rows_shown += len(entries)

    def _add_rest(self) -> None:
        """The day's entries the first fill left out (below the screen's last line)."""
        data = self.data
        if data is not None and self.built and self.rows_shown < len(data.entries):
            from textual.widgets import DataTable

            table = self.query_one("#timeline", DataTable)
            self._add_rows(table, data.entries[self.rows_shown :])

    def _show_status(self) -> None:
        data = self.data
        if data is None:
            return
        ai = [e for e in data.entries if isinstance(e, AISession)]
        met = [e for e in data.entries if isinstance(e, Interaction)]
        energy = [e.level for e in data.entries if isinstance(e, Energy)]
        parts = [
            f"[b]{data.day.strftime('%a %d %b')}[/b]",
            f"AI {fmt.minutes(sum(e.minutes for e in ai))} [dim]({len(ai)})[/]"
            if ai
            else "AI [dim]–[/]",
            f"people {fmt.minutes(sum(e.minutes for e in met))} [dim]({len(met)})[/]"
            if met
            else "people [dim]–[/]",
            f"energy {sum(energy) / len(energy):.1f}" if energy else "energy [dim]–[/]",
        ]
        if data.checkin is not None:
            parts.append(f"[$success]{CHECKIN_DONE}[/]")
        else:
            parts.append(f"[$warning]{CHECKIN_PROMPT}[/]")
        if data.unclassified:
            parts.append(f"{data.unclassified} imported to classify (c)")
        self.query_one("#today-status", Static).update("  ·  ".join(parts))

    def tick(self) -> None:
        widget = self.query_one("#timer", Static)
        state = self.data.timer if self.data else None
        widget.display = state is not None
        if state is None:
            return
        started = dt.datetime.fromisoformat(state["started_at"])
        seconds = max(0, int((now() - started).total_seconds()))
        h, rest = divmod(seconds, 3600)
        widget.update(
            plain(
                "⏱  ",
                (state["tool"], "bold"),
                f" · {', '.join(v for v in (state['purpose'], state.get('skill')) if v)} · ",
                (f"{h}:{rest // 60:02d}:{rest % 60:02d}", "bold"),
                "   ",
                (TIMER_HINT, "dim"),
            )
        )
