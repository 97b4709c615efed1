"""Today: the day's status, the quick log (journal.tui.widgets.quicklog), the day's timeline and
the live timer. The first frame holds only the status lines; the rest mounts right after it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from journal import service
from journal.clock import localize, now
from journal.models import Entry
from journal.tui import format as fmt
from journal.tui.screens.base import JournalScreen
from journal.tui.text import CHECKIN_DONE, CHECKIN_PROMPT, NOTHING_TODAY, TIMER_HINT
from journal.tui.widgets.tables import set_columns


@dataclass
class TodayData:
    day: dt.date
    entries: list[Entry]
    timer: dict[str, Any] | None
    checkin: Entry | None
    unclassified: int
    tools: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


class TodayScreen(JournalScreen):
    TAB = "today"
    BINDINGS = [
        Binding("a", "form('ai')", "AI session"),
        Binding("m", "form('met')", "People"),
        Binding("e", "form('energy')", "Energy"),
        Binding("k", "form('checkin')", "Check-in"),
        Binding("t", "timer", "Timer"),
        Binding("ctrl+t", "timer", "Timer", show=False, priority=True),
        Binding("u", "app.undo", "Undo", show=False),
        Binding("c", "app.classify", "Classify", show=False),
    ]

    @dataclass
    class Loaded(Message):
        data: TodayData

    def __init__(self) -> None:
        super().__init__()
        self.data: TodayData | None = None

    # --- layout --------------------------------------------------------------------------------

    def body(self) -> ComposeResult:
        with Vertical(id="today-top"):
            yield Static("", id="today-status")
            yield Static("", id="timer")

    def late_body(self) -> list[Widget]:
        from textual.widgets import DataTable

        from journal.tui.widgets.quicklog import QuickLog

        self.quick = QuickLog(self)
        table: DataTable[str] = DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        table.border_title = "Today's timeline"
        return [self.quick, table]

    def action_form(self, name: str) -> None:
        if self.built:
            self.quick.action_form(name)

    def action_timer(self) -> None:
        if self.built:
            self.quick.action_timer()

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)

    # --- data ----------------------------------------------------------------------------------

    def load(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="today")
    def _read(self) -> None:
        moment = now()
        day = moment.date()
        start = localize(dt.datetime.combine(day, dt.time(0)))
        with self.journal.reader() as store:
            data = TodayData(
                day=day,
                entries=service.entries(store, since=start, until=moment + dt.timedelta(minutes=1),
                                        newest_first=True),
                timer=service.timer(store), checkin=store.checkin_on(day),
                unclassified=store.unclassified_count(), tools=store.tools(),
                people=[p.name for p in store.people()])  # type: ignore[attr-defined]
        self.post_message(self.Loaded(data))

    def on_today_screen_loaded(self, message: Loaded) -> None:
        data = self.data = message.data
        self.journal.known_tools = data.tools
        self.journal.known_people = data.people
        self._show_status()
        self.tick()
        self.quick.show_pills()
        self._fill_timeline()
        if data.checkin is not None and self.quick.form == "checkin":
            self.quick._fill_checkin(data.checkin)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill_timeline)

    def _fill_timeline(self) -> None:
        data = self.data
        if data is None or not self.built:
            return
        from textual.widgets import DataTable

        table = self.query_one("#timeline", DataTable)
        set_columns(table, [("Time", "time", 5), ("Type", "type", 8), ("Min", "min", 5),
                            ("What", "what", None)])
        for entry in data.entries:
            at = fmt.time_label(entry)
            table.add_row(at, fmt.TYPE_LABELS.get(entry.TYPE, entry.TYPE),
                          fmt.entry_minutes(entry), fmt.summary(entry), key=entry.id)
        if not data.entries:
            table.add_row("", "", "", NOTHING_TODAY)

    def _show_status(self) -> None:
        data = self.data
        if data is None:
            return
        ai = [e for e in data.entries if e.TYPE == "ai_session"]
        met = [e for e in data.entries if e.TYPE == "interaction"]
        energy = [e.level for e in data.entries if e.TYPE == "energy"]  # type: ignore[attr-defined]
        parts = [f"[b]{data.day.strftime('%a %d %b')}[/b]",
                 f"AI {fmt.minutes(sum(e.minutes for e in ai))} [dim]({len(ai)})[/]"  # type: ignore[attr-defined]
                 if ai else "AI [dim]–[/]",
                 f"people {fmt.minutes(sum(e.minutes for e in met))} [dim]({len(met)})[/]"  # type: ignore[attr-defined]
                 if met else "people [dim]–[/]",
                 f"energy {sum(energy) / len(energy):.1f}" if energy else "energy [dim]–[/]"]
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
        widget.update(f"⏱  [b]{state['tool']}[/b] · {state['purpose']} · "
                      f"[b]{h}:{rest // 60:02d}:{rest % 60:02d}[/b]   [dim]{TIMER_HINT}[/]")

