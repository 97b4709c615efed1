"""The Textual app: five tabs as modes over one journal, app-wide keys and palette commands.

`make_app` is the one factory: `journal.tui.run`, the tests, the screenshots and the benchmark
all build the app through it.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from journal import service
from journal.errors import JournalError
from journal.store import JournalStore
from journal.textsafe import visible
from journal.tui import _textual_internals
from journal.tui.text import DEMO_SUBTITLE, TABS

DEMO_PERSONA = "drifting"
DEMO_DAYS = 365
DEMO_SEED = 7
POLL_S = 0.5  # how often the app looks for writes made elsewhere (the shell, another app)
FIRST_LOOK_MAX_S = 2.0  # the longest the first look waits for the first tab to show its data

THEMES = (
    Theme(
        name="aijournal",
        dark=True,
        primary="#5FB3A1",
        secondary="#8E7CC3",
        accent="#D99A4E",
        warning="#E8B04B",
        error="#E06C75",
        success="#7BC47F",
        foreground="#E4E0D7",
        background="#15191C",
        surface="#1C2125",
        panel="#242B30",
    ),
    Theme(
        name="aijournal-light",
        dark=False,
        primary="#2A7A6A",
        secondary="#6B59A8",
        accent="#B0650F",
        warning="#A66A00",
        error="#C0392B",
        success="#2E7D32",
        foreground="#23272A",
        background="#F6F3EC",
        surface="#FFFFFF",
        panel="#E9E4D9",
    ),
)


def _mode(module: str, name: str) -> Callable[[], Screen[Any]]:
    """A screen factory that imports its module on first use (keeps the first frame light)."""

    def factory() -> Screen[Any]:
        screen: Screen[Any] = getattr(importlib.import_module(module), name)()
        return screen

    return factory


class JournalApp(App[int]):
    """aijournal's terminal app."""

    CSS_PATH = "app.tcss"
    TITLE = "aijournal"
    # Today, the first tab, is the default screen (get_default_screen) of the mode "today",
    # which on_mount then registers so that switching back to it works: a screen from MODES
    # costs the first frame an extra CSS refresh. The other tabs are built when first shown.
    DEFAULT_MODE = "today"
    SYNC_AT_START = True  # once the first frame is up, sync the enabled sources in a worker
    MODES = {
        "history": _mode("journal.tui.screens.history", "HistoryScreen"),
        "dashboard": _mode("journal.tui.screens.dashboard", "DashboardScreen"),
        "insights": _mode("journal.tui.screens.insights", "InsightsScreen"),
        "people": _mode("journal.tui.screens.people", "PeopleScreen"),
    }
    BINDINGS = [
        *(
            Binding(f"f{n}", f"app.tab('{name}')", label, priority=True, show=False)
            for n, (name, label) in enumerate(TABS, 1)
        ),
        *(
            Binding(str(n), f"app.digit_tab('{name}')", label, show=False)
            for n, (name, label) in enumerate(TABS, 1)
        ),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("ctrl+z", "app.undo", "Undo", show=False),
        Binding("ctrl+p", "app.command_palette", "Commands", show=False),
        # While a widget has focus, tab moves on at once, before the keys typed after it are
        # handed to the field: a text expander's "Claude<tab>30m" would leave "30m" in Tool.
        Binding("tab", "app.next_field", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.previous_field", "Previous field", show=False, priority=True),
    ]

    def __init__(
        self, db_path: str, *, store: JournalStore | None = None, welcome: bool = True
    ) -> None:
        self.starting = True  # until on_mount: see refresh_css
        self.themed = False  # until our theme is set: see get_css_variables
        super().__init__()
        self.db_path = db_path
        self.own_db_path = db_path
        self._store = store
        self.welcome = welcome
        self.is_demo = False
        self.version = 0  # bumped by every write; screens reload when theirs is older
        self.pending_search: str | None = None  # a History filter to apply when it shows
        self.known_tools: list[str] = []
        self.known_people: list[str] = []
        self._last_read_error: str | None = None
        self._said_error = ("", 0.0)  # the last read error notified, and when (monotonic)
        self._poll_stop = threading.Event()
        # Set by the first tab once its data is on screen (or when the app ends): see _poll.
        self.first_shown = threading.Event()
        self._poll_thread = threading.Thread(target=self._poll, name="aijournal-poll", daemon=True)
        for theme in THEMES:
            self.register_theme(theme)
        # Set without the watcher (it would parse the whole stylesheet again): the stylesheet,
        # not parsed yet, takes the theme's variables now and uses them on its first parse.
        self.themed = True
        _textual_internals.preset_theme(self, "aijournal")
        self.ready = False  # until the first frame is on screen: see on_ready

    # --- the journal ---------------------------------------------------------------------------

    @property
    def store(self) -> JournalStore:
        """The UI thread's connection: the writes (each one short transaction) go through it."""
        if self._store is None:
            self._store = JournalStore.open(self.db_path)
        return self._store

    @contextmanager
    def reader(self) -> Iterator[JournalStore]:
        """A connection of the calling worker thread's own, closed afterwards (WAL: reads never
        wait for the UI thread's writes).

        A read that fails (a busy or damaged journal, a full disk) is shown as its one line
        and ends the worker as cancelled, instead of taking the whole app down."""
        try:
            store = JournalStore.open(self.db_path, create=False)
            try:
                yield store
            finally:
                store.close()
            self._last_read_error = None  # a read worked: the next failure is news again
        except (JournalError, sqlite3.Error) as err:
            from journal.store import storage_error

            if not isinstance(err, JournalError):
                err = storage_error(self.db_path, err, writing=False)
            self.post_message(self.ReadFailed(str(err)))  # never waits, even while closing
            raise asyncio.CancelledError from None

    class ReadFailed(Message):
        """A screen's read failed; `text` is the one line to show."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def action_next_field(self) -> None:
        """Tab: accept a completing field's suggestion, else focus the next field."""
        from journal.tui.widgets.completion import CompletingInput

        focused = self.focused
        if not (isinstance(focused, CompletingInput) and focused.complete()):
            self.screen.focus_next()

    def action_previous_field(self) -> None:
        self.screen.focus_previous()

    def on_key(self, event: events.Key) -> None:
        # A character typed so soon after the key that moved focus into a text field ("a", then
        # "Claude" at once: a fast typist, a paste without brackets) was sent on before the
        # move, so it reaches the app instead of the field (a field keeps its characters; they
        # never come up here). It goes into the field, in order, rather than being lost; the
        # one-letter commands are already off there (focus_now, check_action).
        from textual.widgets import Input

        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and event.character:
            focused.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()  # not a binding either: Textual's own key handler is skipped

    def on_journal_app_read_failed(self, message: ReadFailed) -> None:
        # One notice per failure, not one per tab, nor one per read of a start (the day, then
        # the first look for writes made elsewhere) that another read's success came between.
        moment = time.monotonic()
        again = message.text == self._last_read_error  # and no read worked since
        just_said = message.text == self._said_error[0] and moment - self._said_error[1] < 5
        if not (again or just_said):
            self.notify(message.text, severity="error", markup=False)
            self._said_error = (message.text, moment)
        self._last_read_error = message.text

    class ExternalChange(Message):
        """Another process (or connection) committed to the journal."""

    def _poll(self) -> None:
        """Thread: watch `PRAGMA data_version` on a connection of its own (cheap; it changes
        when anyone else commits) and post ExternalChange when it does. Off the UI thread: a
        journal held by another process can make even this wait."""
        store: JournalStore | None = None
        seen = 0
        # Let the first screen read and show its data alone first: its read and this thread's
        # first look (which reloads the screen, for writes made before this connection opened)
        # would otherwise run at once and slow the first filled frame.
        self.first_shown.wait(FIRST_LOOK_MAX_S)
        if self._poll_stop.wait(POLL_S):
            return
        try:
            while True:
                try:
                    if store is None or store.path != self.db_path:  # first, or a switch
                        if store is not None:
                            store.close()
                            store = None
                        store = JournalStore.open(self.db_path, create=False)
                        seen = store.data_version()
                        # What was written before this connection opened is not known to it.
                        self.post_message(self.ExternalChange())
                    elif (version := store.data_version()) != seen:
                        seen = version
                        self.post_message(self.ExternalChange())
                except (JournalError, sqlite3.Error):
                    if store is not None:  # open afresh next time
                        store.close()
                        store = None
                    # the screens' own reads say what is wrong; try again later
                if self._poll_stop.wait(POLL_S):
                    break
        finally:
            if store is not None:
                store.close()

    def on_journal_app_external_change(self, message: ExternalChange) -> None:
        self.changed()

    def changed(self) -> None:
        """Something was written: the visible screen reloads now, the others when shown."""
        self.version += 1
        from journal.tui.screens.base import JournalScreen

        for screen in self.screen_stack:
            if isinstance(screen, JournalScreen):
                screen.reload()

    def write(
        self,
        action: Callable[[JournalStore], Any],
        done: str | None = None,
        *,
        failed: Callable[[str], None] | None = None,
    ) -> Any:
        """Run one service write; notify its JournalError instead of raising (or hand its line
        to `failed`, for a form that shows it inline). Returns its result, or None when it
        failed."""
        try:
            result = action(self.store)
        except JournalError as err:
            if failed is not None:
                failed(str(err))
            else:
                self.notify(str(err), severity="error", markup=False)
            return None
        if done:
            self.notify(done, markup=False)
        self.changed()
        return result

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: user text in it is never read as markup, and its
        control characters are shown escaped (journal.textsafe)."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def switch_journal(self, path: str, *, demo: bool) -> None:
        """Point the app at another journal file (the demo, or back to the user's own)."""
        if self._store is not None:
            self._store.close()
        self._store = None
        self.db_path = path
        self.is_demo = demo
        self.sub_title = DEMO_SUBTITLE if demo else ""
        self.known_tools, self.known_people = [], []
        self.changed()

    # --- lifecycle -----------------------------------------------------------------------------

    def get_css_variables(self) -> dict[str, str]:
        # App.__init__ asks for the default theme's variables before ours is set; they would be
        # computed only to be replaced (see __init__), so it gets none.
        if not self.themed:
            return {}
        return super().get_css_variables()

    def get_default_screen(self) -> Screen[Any]:
        from journal.tui.screens.today import TodayScreen

        return TodayScreen()

    def refresh_css(self, animate: bool = True) -> None:
        # Mounting the first tab, Textual refreshes the CSS: it would parse the whole stylesheet
        # a second time, with the same variables (the theme's, set in __init__). While the app
        # starts on its own theme only the styles are applied; every later refresh runs in full.
        if self.starting and self.theme == "aijournal":
            _textual_internals.apply_styles_only(self, animate=animate)
            return
        super().refresh_css(animate)

    def on_load(self) -> None:
        # Starting makes tens of thousands of objects (widgets, styles, the parsed stylesheet)
        # and next to no garbage; Python's cycle collector would walk them all a few times before
        # the first frame (about 40 ms of a 330 ms start, bench/tui_first_frame.py). It pauses
        # until that frame is on screen (on_ready), or until the app ends without one.
        gc.disable()

    def on_ready(self) -> None:
        # The first frame is painted: the collector runs again, and the current tab mounts the
        # rest of its widgets and reads.
        from journal.tui.screens.base import JournalScreen

        gc.enable()
        self.ready = True
        # The tab at the bottom of the stack: the first-run welcome may already be on top of it.
        first = self.screen_stack[0] if self.screen_stack else None
        if isinstance(first, JournalScreen):
            first.start_build()
        if self.SYNC_AT_START:
            self.sync_sources()

    def on_mount(self) -> None:
        self.starting = False
        self.add_mode("today", _mode("journal.tui.screens.today", "TodayScreen"))
        self._poll_thread.start()
        if self.welcome:
            self.check_first_run()

    def on_unmount(self) -> None:
        gc.enable()  # should the app end before its first frame
        self._poll_stop.set()
        self.first_shown.set()
        if self._poll_thread.is_alive():
            self._poll_thread.join(timeout=5)

    @work(thread=True, exclusive=True, group="first-run")
    def check_first_run(self) -> None:
        with self.reader() as store:
            empty = service.is_empty(store)
        if empty:
            self.call_from_thread(self._welcome)

    # --- sync at start ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="sync")
    def sync_sources(self, ask: bool = True) -> None:
        """Sync the enabled sources on this thread's own connection (the poll shows what
        arrives); nothing enabled: nothing read, and on a first run (no config yet) the sources
        found are offered in a dialog."""
        from journal.sync import config as cfg
        from journal.sync.run import discover, sync

        try:
            config = cfg.load()
            if not config.enabled():
                if ask and not config.exists:
                    found = [
                        (f.source.name, f.source.label, ", ".join(f.paths))
                        for f in discover(config)
                        if f.paths and f.available
                    ]
                    if found:
                        self.call_from_thread(self._ask_sources, found)
                return
            with JournalStore.open(self.own_db_path) as store:
                result = sync(store, config)
        except (JournalError, sqlite3.Error, OSError) as err:
            self.call_from_thread(self._sync_said, f"sync: {visible(str(err))}", "warning")
            return
        arrived = [
            f"{s.added} {s.noun if s.added != 1 else s.noun[:-1]} from {s.label}"
            for s in result.sources
            if s.added
        ]
        grown = sum(s.updated for s in result.sources)
        if grown:
            arrived.append(f"{grown} updated")
        if arrived:
            self.call_from_thread(self._sync_said, "sync: " + ", ".join(arrived), "information")

    def _sync_said(self, message: str, severity: SeverityLevel) -> None:
        self.notify(message, severity=severity, markup=False)

    def _ask_sources(self, found: list[tuple[str, str, str]]) -> None:
        from journal.tui.screens.sync import ChooseSources

        def chosen(ticked: list[str] | None) -> None:
            from journal.sync import config as cfg

            try:
                config = cfg.load()
                for name, _label, _where in found:
                    config.source(name).enabled = name in (ticked or [])
                cfg.save(config)  # saved either way: the question is asked once
            except (JournalError, OSError) as err:
                self.notify(f"sync: {visible(str(err))}", severity="warning", markup=False)
                return
            if ticked:
                self.sync_sources(ask=False)

        self.push_screen(ChooseSources(found), chosen)

    def _welcome(self) -> None:
        from journal.tui.screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen())

    @work(thread=True, exclusive=True, group="demo")
    def open_demo(self) -> None:
        """Fill the separate demo journal if it is empty, then switch to it."""
        import datetime as dt

        from journal import demo
        from journal.clock import now
        from journal.paths import demo_db

        path = demo_db()
        with JournalStore.open(path) as store:
            if service.is_empty(store):
                today: dt.date = now().date()
                demo.fill(store, persona=DEMO_PERSONA, days=DEMO_DAYS, seed=DEMO_SEED, today=today)
        self.call_from_thread(self._opened_demo, path)

    def _opened_demo(self, path: str) -> None:
        self.switch_journal(path, demo=True)
        self.notify(
            f"Opened the demo journal ({path}). Your own journal is untouched; "
            "'Back to my journal' in the command palette returns to it.",
            markup=False,
        )

    # --- actions -------------------------------------------------------------------------------

    def action_tab(self, name: str) -> None:
        """Switch to one of the five tabs (closing the help or a dialog first)."""
        while len(self.screen_stack) > 1 and not self._is_base(self.screen):
            self.pop_screen()
        if self.current_mode != name:
            self.switch_mode(name)

    def action_digit_tab(self, name: str) -> None:
        self.action_tab(name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # 1-5 switch tabs only when no text field and no scale has focus (a scale takes its
        # digit); F1-F5 always do. `?` is typed into a text field, not taken as help.
        if action in ("next_field", "previous_field"):
            # Nothing focused yet (a key that opens a field may still be on its way): the tab
            # waits its turn behind it, as Textual's own would.
            return self.focused is not None
        if action in ("digit_tab", "help") and self.screen_stack:
            from journal.tui.screens.base import in_text_field

            focused = self.screen.focused
            if in_text_field(focused):
                return False
            if action == "digit_tab" and getattr(focused, "TAKES_DIGITS", False):
                return False
        return True

    def _is_base(self, screen: Screen[Any]) -> bool:
        from journal.tui.screens.base import JournalScreen

        return isinstance(screen, JournalScreen)

    def show_history(self, search: str) -> None:
        """Open History filtered by a search line (People's enter, Insights' evidence)."""
        self.pending_search = search
        if self.current_mode == "history":
            self.screen.post_message(events.ScreenResume())
        self.action_tab("history")

    def action_help(self) -> None:
        from journal.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen())

    def action_undo(self) -> None:
        label = self.write(service.undo)
        if label:
            self.notify(
                f"Undone: {label}. There is no redo: if that was a slip, log it again "
                "(or press u again to undo the change before it).",
                markup=False,
            )

    def action_classify(self) -> None:
        try:
            module = importlib.import_module("journal.tui.screens.classify")
        except ImportError:
            self.notify(
                "Classifying imported sessions is not available in this build yet; "
                "`aijournal classify` does it on the command line.",
                markup=False,
            )
            return
        self.push_screen(module.ClassifyScreen(self.db_path), lambda _: self.changed())

    def action_profile(self) -> None:
        from journal.tui.screens.profile import ProfileScreen

        self.push_screen(ProfileScreen())

    def action_experiments(self) -> None:
        from journal.tui.screens.experiments import ExperimentsScreen

        if not isinstance(self.screen, ExperimentsScreen):
            self.push_screen(ExperimentsScreen())

    def action_who5(self) -> None:
        from journal.tui.screens.who5 import Who5Screen

        if not isinstance(self.screen, Who5Screen):
            self.push_screen(Who5Screen())

    def action_report(self) -> None:
        """The report view, over History's period when opened from History (else this month)."""
        from journal.tui.screens.report import ReportScreen

        if isinstance(self.screen, ReportScreen):
            return
        flt = getattr(self.screen, "filter", None) if self.current_mode == "history" else None
        self.push_screen(ReportScreen(flt))

    def action_demo(self) -> None:
        if self.is_demo:
            self.notify("The demo journal is already open.")
            return
        self.open_demo()

    def action_own_journal(self) -> None:
        if not self.is_demo:
            self.notify("Your own journal is already open.")
            return
        self.switch_journal(self.own_db_path, demo=False)
        self.notify("Back in your own journal.")

    def action_toggle_dark(self) -> None:
        self.theme = "aijournal-light" if self.theme == "aijournal" else "aijournal"

    def _today_form(self, form: str) -> None:
        self.action_tab("today")

        def show() -> None:
            # Called as a method, not as the key's action: it works while a text field has focus.
            action = getattr(self.screen, "action_form", None)
            if action is not None:
                action(form)

        self.call_after_refresh(show)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Log an AI session", "Tool, time, purpose; on Today (a)", lambda: self._today_form("ai")
        )
        yield SystemCommand(
            "Log time with people",
            "Who, how long, what kind; on Today (m)",
            lambda: self._today_form("met"),
        )
        yield SystemCommand(
            "Log energy", "One key, 1 to 5; on Today (e)", lambda: self._today_form("energy")
        )
        yield SystemCommand(
            "Daily check-in",
            "Trust in AI and in your team, connection (k)",
            lambda: self._today_form("checkin"),
        )
        yield SystemCommand(
            "WHO-5 wellbeing index",
            "Five statements about the last two weeks, 0 to 5 each (w on Today)",
            self.action_who5,
        )
        yield SystemCommand(
            "Start or stop the timer",
            "A live AI session timer (t on Today)",
            lambda: self._today_form("timer"),
        )
        yield SystemCommand(
            "Cancel the timer",
            "Drop the running timer; nothing is logged",
            lambda: self._today_form("cancel"),
        )
        for n, (name, label) in enumerate(TABS, 1):
            yield SystemCommand(
                f"Go to {label}",
                f"Switch tab (F{n} or {n})",
                lambda name=name: self.action_tab(name),
            )
        yield SystemCommand(
            "Profile and pauses",
            "Role, workdays, augmentation target; declare a holiday (p on Insights)",
            self.action_profile,
        )
        yield SystemCommand(
            "Experiments",
            "Try a change for some days: start one, today's ON/OFF, the result (e on Insights)",
            self.action_experiments,
        )
        yield SystemCommand(
            "Report: time by tool, purpose, skill, person…",
            "AI and people time of a period, grouped (r on History)",
            self.action_report,
        )
        yield SystemCommand("Undo", "Revert the last change (ctrl+z)", self.action_undo)
        yield SystemCommand(
            "Classify imported AI sessions",
            "Give each a purpose, one key each",
            self.action_classify,
        )
        if self.is_demo:
            yield SystemCommand(
                "Back to my journal", "Leave the demo journal", self.action_own_journal
            )
        else:
            yield SystemCommand(
                "Load the demo journal",
                "A separate file with the 'drifting' persona; yours is untouched",
                self.action_demo,
            )
        yield SystemCommand(
            "Toggle light and dark",
            "Switch between the two aijournal themes",
            self.action_toggle_dark,
        )
        yield SystemCommand("Keys", "Every key of aijournal (?)", self.action_help)
        yield from super().get_system_commands(screen)


def make_app(
    db_path: str, *, store: JournalStore | None = None, welcome: bool = True
) -> JournalApp:
    """The app over the journal at db_path (created if missing). `welcome=False` skips the
    first-run screen."""
    return JournalApp(db_path, store=store or JournalStore.open(db_path), welcome=welcome)
