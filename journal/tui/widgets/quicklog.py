"""The Today screen's quick log: forms for an AI session, time with people, energy and the
daily check-in, and the live timer's start and stop. Validated with journal.parse; a BadInput
shows inline in one line and nothing is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, ContentSwitcher, Input, Label, Select, Static

from journal import parse, service, vocab
from journal.clock import localize, now
from journal.errors import BadInput
from journal.models import CheckIn
from journal.richtext import plain
from journal.tui import format as fmt
from journal.tui.text import CHANNEL_LABELS, ENERGY_WORDS, PURPOSE_HELP, QUALITY_WORDS
from journal.tui.widgets.completion import CompletingInput, KnownValues, PlainInput
from journal.tui.widgets.scale import Scale

if TYPE_CHECKING:
    from journal.tui.app import JournalApp

FORMS = (
    ("ai", "a", "AI session"),
    ("met", "m", "People"),
    ("energy", "e", "Energy"),
    ("checkin", "k", "Check-in"),
)
LOGGED_PURPOSES = [(PURPOSE_HELP[p], p) for p in vocab.PURPOSES if p != "unclassified"]


class QuickLog(Vertical):
    """Four small forms, one shown at a time. Its screen tells it the day's check-in and timer
    (`show_day`); it writes through JournalApp.write and posts what it did (Logged,
    TimerStarted, TimerStopped) for the screen to answer."""

    # Enter in a text field logs too; ctrl+s logs from anywhere in the form (a Select or a
    # checkbox keeps Enter for itself).
    BINDINGS = [Binding("ctrl+s", "submit", "Log", priority=True)]

    @dataclass
    class Logged(Message):
        """An entry was logged from a form: `kind` is the form (ai, met, energy, checkin),
        `row` what the service wrote."""

        kind: str
        row: dict[str, Any]

    @dataclass
    class TimerStarted(Message):
        """The live timer started; `state` is the timer as service.timer gives it."""

        state: dict[str, Any]

    @dataclass
    class TimerStopped(Message):
        """The live timer stopped and its session was logged."""

        tool: str

    def __init__(self) -> None:
        super().__init__(id="quick")
        self.form = "ai"
        self.border_title = "Quick log"
        # The day as the screen last read it: None until then.
        self.day_read = False
        self.checkin: CheckIn | None = None
        self.timer: dict[str, Any] | None = None

    @property
    def journal(self) -> JournalApp:
        from journal.tui.app import JournalApp

        assert isinstance(self.app, JournalApp)
        return self.app

    def show_day(self, *, checkin: CheckIn | None, timer: dict[str, Any] | None) -> None:
        """The day as read: its check-in (filled into the check-in form when that is shown)
        and the running timer."""
        self.day_read = True
        self.checkin, self.timer = checkin, timer
        self.show_pills()
        if checkin is not None and self.form == "checkin":
            self.fill_checkin(checkin)

    def compose(self) -> ComposeResult:
        yield Static("", id="form-pills")
        with ContentSwitcher(initial="form-ai", id="forms"):
            yield from self._ai_form()
            yield from self._met_form()
            yield from self._energy_form()
            yield from self._checkin_form()
        yield Static("", id="form-msg")

    def on_mount(self) -> None:
        self.show_pills()

    def _ai_form(self) -> ComposeResult:
        app = self.journal
        with Vertical(id="form-ai", classes="form"):
            with Horizontal(classes="row"):
                yield Label("Tool", classes="lbl")
                yield CompletingInput(
                    placeholder="ChatGPT",
                    id="ai-tool",
                    compact=True,
                    suggester=KnownValues(lambda: app.known_tools),
                )
                yield Label("How long", classes="lbl")
                yield PlainInput(placeholder="45m", id="ai-minutes", compact=True, classes="short")
                yield Label("Purpose", classes="lbl")
                yield Select(LOGGED_PURPOSES, prompt="choose…", id="ai-purpose", compact=True)
            with Horizontal(classes="row"):
                yield Checkbox("instead of a person", id="ai-instead", compact=True)
                yield Label("Skill", classes="lbl")
                yield PlainInput(
                    placeholder="what I learned (optional)", id="ai-skill", compact=True
                )
                yield Button("Log", id="ai-log", compact=True, variant="primary")
                yield Button("Timer", id="ai-timer", compact=True)

    def _met_form(self) -> ComposeResult:
        app = self.journal
        with Vertical(id="form-met", classes="form"):
            with Horizontal(classes="row"):
                yield Label("With", classes="lbl")
                yield CompletingInput(
                    placeholder="Sam, Priya",
                    id="met-people",
                    compact=True,
                    suggester=KnownValues(lambda: app.known_people, comma_list=True),
                )
                yield Label("How long", classes="lbl")
                yield PlainInput(placeholder="30m", id="met-minutes", compact=True, classes="short")
                yield Label("Kind", classes="lbl")
                yield Select(
                    [(k, k) for k in vocab.KINDS],
                    value="collaboration",
                    allow_blank=False,
                    id="met-kind",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label("Via", classes="lbl")
                yield Select(
                    [(CHANNEL_LABELS[c], c) for c in vocab.CHANNELS],
                    value="in_person",
                    allow_blank=False,
                    id="met-channel",
                    compact=True,
                )
                yield Label("Felt", classes="lbl")
                yield Scale(3, words=QUALITY_WORDS, id="met-quality")
                yield Checkbox("I reached out", id="met-initiated", compact=True)
                yield Button("Log", id="met-log", compact=True, variant="primary")

    def _energy_form(self) -> ComposeResult:
        with Vertical(id="form-energy", classes="form"):
            with Horizontal(classes="row"):
                yield Label("How is your energy right now?", classes="lbl")
                yield Scale(words=ENERGY_WORDS, id="energy-scale")
            yield Static("Press 1 to 5 (or click): it is logged at once.", classes="hint")

    def _checkin_form(self) -> ComposeResult:
        with Vertical(id="form-checkin", classes="form"):
            with Horizontal(classes="row"):
                yield Label("Whose help did you trust today?  AI", classes="lbl")
                yield Scale(id="ci-ai")
                yield Label("Team", classes="lbl")
                yield Scale(id="ci-team")
            with Horizontal(classes="row"):
                yield Label("How connected to your team did you feel?", classes="lbl")
                yield Scale(id="ci-connection")
                yield Button("Save", id="ci-save", compact=True, variant="primary")

    def show_pills(self) -> None:
        pills = []
        for name, key, label in FORMS:
            mark = ""
            if name == "checkin" and self.day_read:
                mark = " [$success]✓[/]" if self.checkin is not None else " [$warning]•[/]"
            if name == self.form:
                pill = f"[reverse $accent] {key} [/][b $accent] {label}[/]{mark}"
            else:
                pill = f"[$text-muted][reverse] {key} [/] {label}[/]{mark}"
            pills.append(f"[@click=screen.form('{name}')]{pill}[/]")
        self.query_one("#form-pills", Static).update("   ".join(pills))

    def action_form(self, name: str) -> None:
        if name == "timer":
            self.action_timer()
            return
        self.form = name
        self.query_one("#forms", ContentSwitcher).current = f"form-{name}"
        self._say("")
        self.show_pills()
        first = {
            "ai": "#ai-tool",
            "met": "#met-people",
            "energy": "#energy-scale",
            "checkin": "#ci-ai",
        }[name]
        done = self.checkin
        if name == "checkin" and done is not None:
            self.fill_checkin(done)
            self._say("Today's check-in is done; saving again replaces it.", ok=True)
        self.query_one(first).focus()

    def fill_checkin(self, entry: CheckIn) -> None:
        """Show a check-in's answers in the check-in form."""
        self.query_one("#ci-ai", Scale).value = entry.trust_ai
        self.query_one("#ci-team", Scale).value = entry.trust_team
        self.query_one("#ci-connection", Scale).value = entry.connection

    def _say(self, text: str, *, ok: bool = False) -> None:
        msg = self.query_one("#form-msg", Static)
        msg.set_class(bool(text) and not ok, "error")
        msg.set_class(bool(text) and ok, "ok")
        msg.update(plain(text))

    def _write(self, action: Any, done: str) -> Any:
        """One write through JournalApp.write, its outcome said inline; returns what the
        service returned, or None when it failed."""
        result = self.journal.write(action, failed=self._say)
        if result is not None:
            self._say(done, ok=True)
        return result

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#ai-log, #met-log, #ci-save")
    def _pressed(self) -> None:
        self._submit()

    def action_submit(self) -> None:
        self._submit()

    @on(Select.Changed, "#ai-purpose")
    def _purpose_chosen(self, event: Select.Changed) -> None:
        # After the purpose the next useful stop is the skill, where Enter logs the session.
        if event.value is not Select.NULL:
            self.query_one("#ai-skill", Input).focus()

    @on(Button.Pressed, "#ai-timer")
    def _timer_pressed(self) -> None:
        self.action_timer()

    def _submit(self) -> None:
        {
            "ai": self.log_ai,
            "met": self.log_met,
            "checkin": self.save_checkin,
            "energy": lambda: None,
        }[self.form]()

    def log_ai(self) -> None:
        moment = now()
        try:
            tool = parse.parse_text(self.query_one("#ai-tool", Input).value, "tool", max_len=80)
            minutes = parse.parse_duration(self.query_one("#ai-minutes", Input).value or "")
            purpose = self.query_one("#ai-purpose", Select).value
            if purpose is Select.NULL:
                raise BadInput("purpose is not chosen; pick learn, augment, automate or companion")
            skill = parse.parse_text(
                self.query_one("#ai-skill", Input).value, "skill", required=False
            )
        except BadInput as err:
            self._say(str(err))
            return
        instead = self.query_one("#ai-instead", Checkbox).value
        start = _started(moment, minutes)
        row = self._write(
            lambda s: service.log_ai(
                s,
                tool=tool,
                minutes=minutes,
                at=start,
                purpose=str(purpose),
                instead_of_person=instead,
                skill=skill,
            ),
            f"Logged {fmt.minutes(minutes)} of {tool} ({purpose}).",
        )
        if row is not None:
            self.post_message(self.Logged("ai", row))
            for wid in ("#ai-tool", "#ai-minutes", "#ai-skill"):
                self.query_one(wid, Input).value = ""
            self.query_one("#ai-purpose", Select).clear()
            self.query_one("#ai-instead", Checkbox).value = False
            self.query_one("#ai-tool", Input).focus()

    def log_met(self) -> None:
        moment = now()
        try:
            people = parse.parse_people(self.query_one("#met-people", Input).value)
            minutes = parse.parse_duration(self.query_one("#met-minutes", Input).value or "")
        except BadInput as err:
            self._say(str(err))
            return
        kind = str(self.query_one("#met-kind", Select).value)
        channel = str(self.query_one("#met-channel", Select).value)
        quality = self.query_one("#met-quality", Scale).value or 3
        initiated = self.query_one("#met-initiated", Checkbox).value
        start = _started(moment, minutes)
        row = self._write(
            lambda s: service.log_interaction(
                s,
                people=people,
                minutes=minutes,
                at=start,
                kind=kind,
                channel=channel,
                quality=quality,
                initiated=initiated,
            ),
            f"Logged {fmt.minutes(minutes)} with {', '.join(people)} ({kind}).",
        )
        if row is not None:
            self.post_message(self.Logged("met", row))
            for wid in ("#met-people", "#met-minutes"):
                self.query_one(wid, Input).value = ""
            self.query_one("#met-initiated", Checkbox).value = False
            self.query_one("#met-people", Input).focus()

    @on(Scale.Picked, "#energy-scale")
    def log_energy(self, event: Scale.Picked) -> None:
        level = event.value
        row = self._write(
            lambda s: service.log_energy(s, level=level, at=now()),
            f"Logged energy {level} ({ENERGY_WORDS[level]}).",
        )
        if row is not None:
            self.post_message(self.Logged("energy", row))

    @on(Scale.Picked, "#ci-ai, #ci-team, #ci-connection, #met-quality")
    def _picked(self, event: Scale.Picked) -> None:
        """One key per answer: picking moves on; the last answer of the check-in saves it."""
        if event.scale.id == "ci-connection":
            if self.query_one("#ci-ai", Scale).value and self.query_one("#ci-team", Scale).value:
                self.save_checkin()
                return
        self.screen.focus_next()

    def save_checkin(self) -> None:
        trust_ai = self.query_one("#ci-ai", Scale).value
        trust_team = self.query_one("#ci-team", Scale).value
        connection = self.query_one("#ci-connection", Scale).value
        if not trust_ai or not trust_team:
            self._say("check-in needs trust in AI and trust in your team, 1 to 5 each")
            return
        saved = self._write(
            lambda s: service.checkin(
                s, day=now().date(), trust_ai=trust_ai, trust_team=trust_team, connection=connection
            ),
            "Check-in saved. Thank you.",
        )
        self.screen.set_focus(None)
        if saved is not None:
            self.post_message(self.Logged("checkin", saved[0]))

    def action_timer(self) -> None:
        """Start a timer for the AI form's tool, or stop the running one (logging it)."""
        running = self.timer
        if running is not None:
            if (
                self._write(
                    lambda s: service.stop_timer(s), f"Timer stopped: {running['tool']} logged."
                )
                is not None
            ):
                self.timer = None
                self.post_message(self.TimerStopped(running["tool"]))
            return
        if self.form != "ai":
            self.action_form("ai")
        try:
            tool = parse.parse_text(self.query_one("#ai-tool", Input).value, "tool", max_len=80)
        except BadInput:
            self._say(
                "type the tool first (and the purpose, if you know it), then press "
                "ctrl+t or the Timer button"
            )
            self.query_one("#ai-tool").focus()
            return
        value = self.query_one("#ai-purpose", Select).value
        purpose = "unclassified" if value is Select.NULL else str(value)
        state = self._write(
            lambda s: service.start_timer(s, tool=tool, purpose=purpose),
            f"Timer started for {tool}. Press t (outside a text field) to stop it.",
        )
        if state is not None:
            self.query_one("#ai-tool", Input).value = ""
            self.screen.set_focus(None)
            self.post_message(self.TimerStarted(state))


def _started(moment: dt.datetime, minutes: int) -> dt.datetime:
    """Logged at `moment`, an entry is taken to have started `minutes` before it, never before
    that day's midnight: a quick-add belongs to today."""
    return max(
        moment - dt.timedelta(minutes=minutes),
        localize(dt.datetime.combine(moment.date(), dt.time(0))),
    )
