"""Today: the day's status, the quick log (journal.tui.widgets.quicklog), the day's timeline and
the live timer. Today is the screen people open the app for, so its first frame is the whole
day: composed at once with the tab bar, and the day read (a few milliseconds) before that frame
is painted. Once it is on screen come the footer, the quick log's other forms, and the slower
reads: the count of imported sessions to classify, the completion lists and the experiment."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from journal import service
from journal.clock import localize, now
from journal.errors import JournalError
from journal.models import AISession, CheckIn, Energy, Entry, Interaction
from journal.richtext import plain
from journal.tui import _textual_internals
from journal.tui import format as fmt
from journal.tui.screens.base import JournalScreen
from journal.tui.text import CHECKIN_DONE, CHECKIN_PROMPT, NOTHING_TODAY, TIMER_HINT
from journal.tui.widgets.navbar import TopBar
from journal.tui.widgets.timeline import Timeline

if TYPE_CHECKING:
    from journal.store import JournalStore
    from journal.tui.widgets.quicklog import QuickLog

TODAY_CSS = Path(__file__).with_name("today.tcss")
TIMELINE_COLUMNS: list[tuple[str, int | None]] = [
    ("Time", 5),
    ("Type", 8),
    ("Took", 7),
    ("What", None),
]


@dataclass
class TodayData:
    day: dt.date
    entries: list[Entry]
    timer: dict[str, Any] | None
    checkin: CheckIn | None
    unclassified: int | None = None  # read after the rest (Known); None until then


class TodayScreen(JournalScreen):
    TAB = "today"
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
        self.rows_shown = 0  # of data.entries, in the timeline
        self.resumed_once = False

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The whole screen in the first frame: one layout and one paint, instead of a tab bar
        # painted first, the widgets mounted after it and the day filled in a third frame
        # (each frame waits for Textual's next screen update, 1/60 s).
        yield TopBar(self.TAB)
        yield from self._widgets()

    def _widgets(self) -> list[Widget]:
        from journal.tui.widgets.quicklog import QuickLog

        # Today is the app's default screen, not a mode built from MODES, so Textual does not
        # read a CSS_PATH for it: its stylesheet for these widgets is added here, before they
        # mount (only this source is parsed; the others stay in the stylesheet's cache).
        _textual_internals.add_stylesheet(self.app, TODAY_CSS)

        self.quick = QuickLog()
        table = Timeline(TIMELINE_COLUMNS, id="timeline")
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

    def on_mount(self) -> None:
        self.built = True
        self.loaded_version = self.journal.version
        # The day, read here on the UI thread's connection, is in the first frame. Should that
        # read fail (a damaged or busy journal), the worker reads again and says why.
        try:
            data = _day_of(self.journal.store)
        except (JournalError, sqlite3.Error):
            self._read()
        else:
            self._show(data, first=True)
        self.set_interval(1.0, self.tick)

    @on(events.ScreenResume)
    def _first_styles_kept(self, event: events.ScreenResume) -> None:
        # (JournalScreen's handler runs next, then Textual's.) The first time, the widgets were
        # styled as they mounted, a moment ago and with this stylesheet: Textual would style
        # them all again before the first frame (about 15 ms of it).
        if not self.resumed_once:
            self.resumed_once = True
            event.refresh_styles = False

    def start_build(self) -> None:
        # Built in the first frame; on the app's Ready event (that frame is on screen) the rest.
        if not self._build_started:
            self._build_started = True
            self.call_later(self._complete)

    async def _complete(self) -> None:
        """The day is on screen: the slower reads go on, and the rest of the screen mounts."""
        from journal.tui.widgets.experiment import ExperimentLine

        self.journal.first_shown.set()  # the app's watcher takes its first look from now
        self._add_rest()
        self._read_known()
        for line in self.query(ExperimentLine):
            line.reload()
        if self.is_attached:  # the keys a frame after the day
            from textual.widgets import Footer

            await self.mount(Footer())
            self.refresh_bindings()
        await self.quick.complete()

    # --- data ----------------------------------------------------------------------------------

    def load(self) -> None:
        self._read()
        if self._build_started:  # the first time, _complete reads it
            from journal.tui.widgets.experiment import ExperimentLine

            for line in self.query(ExperimentLine):
                line.reload()

    @work(thread=True, exclusive=True, group="today")
    def _read(self) -> None:
        with self.journal.reader() as store:
            self.post_message(self.Loaded(_day_of(store)))
            known = _known_of(store)
        self.post_message(known)

    @work(thread=True, exclusive=True, group="today-known")
    def _read_known(self) -> None:
        """What is slower on a big journal and not needed at once, after the day is shown."""
        with self.journal.reader() as store:
            known = _known_of(store)
        self.post_message(known)

    def on_today_screen_loaded(self, message: Loaded) -> None:
        self._show(message.data, first=self.data is None)

    def _show(self, data: TodayData, *, first: bool) -> None:
        old = self.data
        if old is not None and data.unclassified is None:
            data.unclassified = old.unclassified  # until counted again
        self.data = data
        self._show_status()
        self.tick()
        self.quick.show_day(checkin=data.checkin, timer=data.timer)
        # The first time, only the rows that can fit on the screen (it is below the quick log,
        # so half its height is plenty): the rest once it is shown.
        self._fill_timeline(first=max(self.app.size.height // 2, 8) if first else None)

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

    def _fill_timeline(self, first: int | None = None) -> None:
        """Show the day's entries: all of them, or only the `first` (those that fit on the
        screen; _add_rest adds the others)."""
        data = self.data
        if data is None:
            return
        table = self.query_one("#timeline", Timeline)
        table.clear()
        self.rows_shown = 0
        self._add_rows(table, data.entries if first is None else data.entries[:first])
        if not data.entries:
            table.add_rows([("", ["", "", "", NOTHING_TODAY])])

    def _add_rows(self, table: Timeline, entries: list[Entry]) -> None:
        table.add_rows(
            [
                (
                    entry.id,
                    [
                        fmt.time_label(entry),
                        fmt.TYPE_LABELS.get(entry.TYPE, entry.TYPE),
                        fmt.entry_minutes(entry),
                        plain(fmt.summary(entry)).plain,
                    ],
                )
                for entry in entries
            ]
        )
        self.rows_shown += len(entries)

    def _add_rest(self) -> None:
        """The day's entries the first fill left out (below the screen's last line)."""
        data = self.data
        if data is not None and self.rows_shown < len(data.entries):
            self._add_rows(self.query_one("#timeline", Timeline), data.entries[self.rows_shown :])

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


def _day_of(store: JournalStore) -> TodayData:
    moment = now()
    day = moment.date()
    start = localize(dt.datetime.combine(day, dt.time(0)))
    return TodayData(
        day=day,
        entries=service.entries(
            store, since=start, until=moment + dt.timedelta(minutes=1), newest_first=True
        ),
        timer=service.timer(store),
        checkin=service.checkin_on(store, day),
    )


def _known_of(store: JournalStore) -> TodayScreen.Known:
    return TodayScreen.Known(
        service.tools(store), service.person_names(store), service.unclassified_count(store)
    )
