"""The Today screen's quick log: forms for an AI session, time with people, energy and the
daily check-in, and the live timer's start and stop. Validated with journal.parse; a BadInput
shows inline in one line and nothing is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, Input, Label, Static

from journal import parse, service, vocab
from journal.clock import localize, now
from journal.errors import BadInput
from journal.models import CheckIn
from journal.richtext import plain
from journal.tui import format as fmt
from journal.tui.screens.base import focus_now
from journal.tui.text import CHANNEL_LABELS, ENERGY_WORDS, PURPOSE_HELP, QUALITY_WORDS
from journal.tui.widgets.completion import CompletingInput, KnownValues, PlainInput
from journal.tui.widgets.controls import Choice, Press, Tick
from journal.tui.widgets.scale import Scale

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from journal.tui.app import JournalApp

FORMS = (
    ("ai", "a", "AI session"),
    ("met", "m", "People"),
    ("energy", "e", "Energy"),
    ("checkin", "k", "Check-in"),
)
WHEN_HINT = "now, or 9:00-10:30"
WHEN_POINT_HINT = "now, or 14:30"
DAY_HINT = "today, or mon"
LOGGED_PURPOSES = [p for p in vocab.PURPOSES if p != "unclassified"]
# Said under the form while Purpose has focus: what each word means; in a narrow quick log
# (an 80-column terminal) the short words, on one line.
PURPOSE_HINT = "  ·  ".join(PURPOSE_HELP[p] for p in LOGGED_PURPOSES) + "   (←/→, 1–4 or a letter)"
PURPOSE_HINT_SHORT = "learn: tutor · augment: co-create · automate: hand off · companion: chat"


class QuickLog(Vertical):
    """Four small forms, one shown at a time. Its screen tells it the day's check-in and timer
    (`show_day`); it writes through JournalApp.write and posts what it did (Logged,
    TimerStarted, TimerStopped) for the screen to answer."""

    # Enter in a text field logs too; ctrl+s logs from anywhere in the form (a Select keeps
    # Enter for itself). A purpose, a tick box and a scale leave Enter free, so Enter on one
    # logs (or saves) its form as well; on a button it presses that button.
    BINDINGS = [
        Binding("ctrl+s", "submit", "Log", priority=True),
        Binding("enter", "submit", "Log", show=False),
    ]

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
        self.adding_forms: AwaitMount | None = None  # the forms after the first: add_forms
        self.forms_mounted = False

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
        # The AI form, shown first, comes with the quick log; the other three once the day is
        # on screen (add_forms), or at once when one is asked for before that.
        with ContentSwitcher(initial="form-ai", id="forms"):
            yield from self._ai_form()
        yield Static("", id="form-msg")

    def add_forms(self) -> AwaitMount:
        """Mount the forms after the first (once; later calls give the same mounting)."""
        if self.adding_forms is None:

            def forms() -> ComposeResult:
                yield from self._met_form()
                yield from self._energy_form()
                yield from self._checkin_form()

            from textual.compose import compose

            switcher = self.query_one("#forms", ContentSwitcher)
            hidden = compose(switcher, forms())
            for form in hidden:  # the switcher hides only the children it mounted with
                form.display = False
            self.adding_forms = switcher.mount_all(hidden)
        return self.adding_forms

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
                yield Label("When", classes="lbl")
                yield PlainInput(placeholder=WHEN_HINT, id="ai-when", compact=True, classes="when")
            with Horizontal(classes="row"):
                yield Label("Purpose", classes="lbl")
                yield Choice([(p, p) for p in LOGGED_PURPOSES], id="ai-purpose")
                yield Label("Skill", classes="lbl")
                yield PlainInput(placeholder="what I learned", id="ai-skill", compact=True)
            with Horizontal(classes="row"):
                yield Tick("instead of a person", id="ai-instead")
                yield Press("Log", id="ai-log", primary=True)
                yield Press("Timer", id="ai-timer")

    def _met_form(self) -> ComposeResult:
        from textual.widgets import Select  # mounted after the first frame: imported then

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
                yield Label("When", classes="lbl")
                yield PlainInput(placeholder=WHEN_HINT, id="met-when", compact=True, classes="when")
            with Horizontal(classes="row"):
                yield Label("Kind", classes="lbl")
                yield Select(
                    [(k, k) for k in vocab.KINDS],
                    value="collaboration",
                    allow_blank=False,
                    id="met-kind",
                    compact=True,
                )
                yield Label("Via", classes="lbl")
                yield Select(
                    [(CHANNEL_LABELS[c], c) for c in vocab.CHANNELS],
                    value="in_person",
                    allow_blank=False,
                    id="met-channel",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label("Felt", classes="lbl")
                yield Scale(3, words=QUALITY_WORDS, id="met-quality")
                yield Tick("I reached out", id="met-initiated")
                yield Press("Log", id="met-log", primary=True)

    def _energy_form(self) -> ComposeResult:
        with Vertical(id="form-energy", classes="form"):
            with Horizontal(classes="row"):
                yield Label("How is your energy right now?", classes="lbl")
                yield Scale(words=ENERGY_WORDS, id="energy-scale")
            with Horizontal(classes="row"):
                yield Label("When", classes="lbl")
                yield PlainInput(
                    placeholder=WHEN_POINT_HINT, id="energy-when", compact=True, classes="when"
                )
                yield Static(
                    "Press 1 to 5 on the scale (or click): it is logged at once.", classes="hint"
                )

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
                yield Press("Save", id="ci-save", primary=True)
            with Horizontal(classes="row"):
                yield Label("Day", classes="lbl")
                yield PlainInput(placeholder=DAY_HINT, id="ci-day", compact=True, classes="when")
                yield Static("Tab between answers; Enter or ctrl+s saves.", classes="hint")

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
            pills.append(f"[@click=screen.pill('{name}')]{pill}[/]")
        self.query_one("#form-pills", Static).update("   ".join(pills))

    def action_form(self, name: str) -> None:
        if name == "timer":
            self.action_timer()
            return
        if name == "cancel":
            self.cancel_timer()
            return
        if name != "ai" and not self.forms_mounted:  # asked for before they were there
            self.call_later(self._form_when_mounted, name)
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
        focus_now(self.query_one(first))

    async def complete(self) -> None:
        """Mount the forms after the first and wait until they are there."""
        await self.add_forms()
        self.forms_mounted = True

    async def _form_when_mounted(self, name: str) -> None:
        await self.complete()
        self.action_form(name)

    def fill_checkin(self, entry: CheckIn) -> None:
        """Show a check-in's answers in the check-in form."""
        self.query_one("#ci-ai", Scale).value = entry.trust_ai
        self.query_one("#ci-team", Scale).value = entry.trust_team
        self.query_one("#ci-connection", Scale).value = entry.connection

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id == "ai-purpose":
            wide = len(PURPOSE_HINT) <= self.content_size.width
            self._say(PURPOSE_HINT if wide else PURPOSE_HINT_SHORT, hint=True)

    def _say(self, text: str, *, ok: bool = False, hint: bool = False) -> None:
        msg = self.query_one("#form-msg", Static)
        msg.set_class(bool(text) and not ok and not hint, "error")
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

    @on(Press.Pressed, "#ai-log, #met-log, #ci-save")
    def _pressed(self) -> None:
        self._submit()

    def action_submit(self) -> None:
        self._submit()

    @on(Press.Pressed, "#ai-timer")
    def _timer_pressed(self) -> None:
        self.action_timer()

    def _submit(self) -> None:
        {
            "ai": self.log_ai,
            "met": self.log_met,
            "checkin": self.save_checkin,
            "energy": lambda: focus_now(self.query_one("#energy-scale")),
        }[self.form]()

    def _value(self, wid: str) -> str:
        return self.query_one(wid, Input).value

    def _timed(self, prefix: str, moment: dt.datetime) -> tuple[dt.datetime, int]:
        """The start and minutes of the AI or people form: How long, When (maybe a range)."""
        how_long, when = self._value(f"#{prefix}-minutes"), self._value(f"#{prefix}-when")
        if not when.strip():
            minutes = parse.parse_duration(how_long)
            return _started(moment, minutes), minutes
        return parse.start_and_minutes(
            when, how_long if how_long.strip() else None, moment, option="When", what="How long"
        )

    def _clear(self, *wids: str) -> None:
        for wid in wids:
            self.query_one(wid, Input).value = ""

    def log_ai(self) -> None:
        moment = now()
        try:
            tool = parse.parse_text(self.query_one("#ai-tool", Input).value, "tool", max_len=80)
            start, minutes = self._timed("ai", moment)
            purpose = self.query_one("#ai-purpose", Choice).value
            if purpose is None:
                raise BadInput("purpose is not chosen; pick learn, augment, automate or companion")
            skill = parse.parse_text(
                self.query_one("#ai-skill", Input).value, "skill", required=False
            )
        except BadInput as err:
            self._say(str(err))
            return
        instead = self.query_one("#ai-instead", Tick).value
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
            self._clear("#ai-tool", "#ai-minutes", "#ai-when", "#ai-skill")
            self.query_one("#ai-purpose", Choice).clear()
            self.query_one("#ai-instead", Tick).value = False
            focus_now(self.query_one("#ai-tool", Input))

    def log_met(self) -> None:
        moment = now()
        try:
            people = parse.parse_people(self.query_one("#met-people", Input).value)
            start, minutes = self._timed("met", moment)
        except BadInput as err:
            self._say(str(err))
            return
        from textual.widgets import Select

        kind = str(self.query_one("#met-kind", Select).value)
        channel = str(self.query_one("#met-channel", Select).value)
        quality = self.query_one("#met-quality", Scale).value or 3
        initiated = self.query_one("#met-initiated", Tick).value
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
            self._clear("#met-people", "#met-minutes", "#met-when")
            self.query_one("#met-initiated", Tick).value = False
            focus_now(self.query_one("#met-people", Input))

    @on(Scale.Picked, "#energy-scale")
    def log_energy(self, event: Scale.Picked) -> None:
        level = event.value
        moment = now()
        try:
            when = self._value("#energy-when")
            at = parse.entry_time(when, moment, "When") if when.strip() else moment
        except BadInput as err:
            event.scale.value = None
            self._say(str(err))
            return
        row = self._write(
            lambda s: service.log_energy(s, level=level, at=at),
            f"Logged energy {level} ({ENERGY_WORDS[level]}). Press e to log it again.",
        )
        if row is not None:
            self._clear("#energy-when")
            # The keys go back to the app: another digit now switches tabs, it does not log again.
            self.screen.set_focus(None)
            self.post_message(self.Logged("energy", row))

    def save_checkin(self) -> None:
        trust_ai = self.query_one("#ci-ai", Scale).value
        trust_team = self.query_one("#ci-team", Scale).value
        connection = self.query_one("#ci-connection", Scale).value
        if not trust_ai or not trust_team:
            self._say("check-in needs trust in AI and trust in your team, 1 to 5 each")
            return
        try:
            text = self._value("#ci-day")
            day = parse.entry_day(text, now(), "Day") if text.strip() else now().date()
        except BadInput as err:
            self._say(str(err))
            return
        saved = self._write(
            lambda s: service.checkin(
                s, day=day, trust_ai=trust_ai, trust_team=trust_team, connection=connection
            ),
            "Check-in saved. Thank you."
            if day == now().date()
            else f"Check-in for {day.isoformat()} saved. Thank you.",
        )
        if saved is not None:
            self._clear("#ci-day")
            self.screen.set_focus(None)  # the keys go back to the app
            self.post_message(self.Logged("checkin", saved[0]))

    def action_timer(self) -> None:
        """Start a timer for the AI form's tool, purpose and skill, or stop the running one
        (logging it)."""
        running = self.timer
        if running is not None:
            stopped = self._write(lambda s: service.stop_timer(s), "")
            if stopped is not None:
                row = stopped[0]
                self._done(
                    f"Timer stopped: logged {fmt.minutes(row['minutes'])} of {row['tool']}. "
                    "Press u (outside a text field) or ctrl+z to remove that entry."
                )
                self.timer = None
                self.post_message(self.TimerStopped(running["tool"]))
            return
        if self.form != "ai":
            self.action_form("ai")
        try:
            tool = parse.parse_text(self.query_one("#ai-tool", Input).value, "tool", max_len=80)
            skill = parse.parse_text(self._value("#ai-skill"), "skill", required=False)
        except BadInput:
            self._say(
                "type the tool first (and the purpose and skill, if you know them), then press "
                "ctrl+t or the Timer button"
            )
            focus_now(self.query_one("#ai-tool"))
            return
        purpose = self.query_one("#ai-purpose", Choice).value or "unclassified"
        state = self._write(
            lambda s: service.start_timer(s, tool=tool, purpose=purpose, skill=skill), ""
        )
        if state is not None:
            what = ", ".join(v for v in (purpose, skill) if v)
            self._done(
                f"Timer started for {tool} ({what}). Press t (outside a text field) or ctrl+t "
                "to stop and log it; 'Cancel the timer' (ctrl+p) drops it."
            )
            self._clear("#ai-tool", "#ai-minutes", "#ai-when", "#ai-skill")
            self.query_one("#ai-purpose", Choice).clear()
            self.screen.set_focus(None)
            self.post_message(self.TimerStarted(state))

    def cancel_timer(self) -> None:
        """Drop the running timer; nothing is logged."""
        state = self._write(lambda s: service.cancel_timer(s), "")
        if state is not None:
            self._done(
                f"Timer for {state['tool']} cancelled; nothing logged. "
                "`aijournal resume` (or the Timer button) starts one again."
            )
            self.timer = None
            self.post_message(self.TimerStopped(state["tool"]))

    def _done(self, text: str) -> None:
        """Said inline and as a notification (a timer key acts from anywhere on Today)."""
        self._say(text, ok=True)
        self.journal.notify(text, markup=False)


def _started(moment: dt.datetime, minutes: int) -> dt.datetime:
    """Logged at `moment`, an entry is taken to have started `minutes` before it, never before
    that day's midnight: a quick-add belongs to today."""
    return max(
        moment - dt.timedelta(minutes=minutes),
        localize(dt.datetime.combine(moment.date(), dt.time(0))),
    )
