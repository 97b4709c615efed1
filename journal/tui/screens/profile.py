"""The profile dialog: role, workdays and augmentation target, and a pause to declare (holiday,
sick leave), saved with journal.profile. Keyboard first: tab between fields, enter saves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from journal import models as m
from journal import parse
from journal import profile as svc
from journal.clock import now
from journal.errors import BadInput, JournalError
from journal.richtext import plain
from journal.textsafe import visible
from journal.tui.widgets.completion import PlainInput

PAUSES_SHOWN = 5


class ProfileScreen(ModalScreen[bool]):
    """Dismisses True when something was saved."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self) -> None:
        super().__init__()
        self.profile = m.Profile()
        self.pauses: list[m.Pause] = []

    @property
    def _store(self) -> Any:
        return self.app.store  # type: ignore[attr-defined]  # JournalApp

    def compose(self) -> ComposeResult:
        self.profile = svc.get_profile(self._store)
        self.pauses = [p for p in svc.pauses(self._store) if p.to_day >= now().date()]
        target = self.profile.augmentation_target
        with VerticalScroll(id="profile-box") as box:
            box.border_title = "Profile and pauses"
            box.border_subtitle = "enter saves · escape cancels"
            yield Static(
                "Your role and workdays shape how insights are worded and which days are "
                "compared with which.",
                classes="hint",
            )
            with Horizontal(classes="field"):
                yield Label("Role", classes="lbl")
                yield Select(
                    [(r, r) for r in svc.ROLES],
                    value=self.profile.role.value,
                    allow_blank=False,
                    id="p-role",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("Workdays", classes="lbl")
                yield PlainInput(
                    svc.workdays_text(self.profile.workdays),
                    placeholder="mon-fri, sun-thu, mon,tue,thu",
                    id="p-workdays",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("Augmentation target %", classes="lbl")
                yield PlainInput(
                    "" if target is None else str(target),
                    placeholder="none: 71% shown as a reference point",
                    id="p-target",
                    compact=True,
                )
            yield Static(Text("Declare a pause (holiday, sick leave)", style="bold"), id="p-head")
            with Horizontal(classes="field"):
                yield Label("From", classes="lbl")
                yield PlainInput(placeholder="2026-12-22, mon, today", id="p-from", compact=True)
            with Horizontal(classes="field"):
                yield Label("To", classes="lbl")
                yield PlainInput(placeholder="2027-01-02", id="p-to", compact=True)
            with Horizontal(classes="field"):
                yield Label("Reason", classes="lbl")
                yield PlainInput(placeholder="holiday", id="p-reason", compact=True)
            yield Static(self._pauses_text(), id="p-pauses")
            yield Static("", id="profile-msg")
            with Horizontal(id="profile-buttons"):
                yield Button("Cancel (esc)", id="cancel", compact=True)
                yield Button("Save (enter)", id="save", variant="primary", compact=True)

    def _pauses_text(self) -> Text:
        if not self.pauses:
            return Text("No pause ahead or under way.", style="dim")
        text = Text("Pauses: ", style="dim")
        shown = [
            f"{p.from_day:%d %b} – {p.to_day:%d %b}" + (f" {visible(p.reason)}" if p.reason else "")
            for p in self.pauses[:PAUSES_SHOWN]
        ]
        more = len(self.pauses) - PAUSES_SHOWN
        text.append(" · ".join(shown) + (f" · {more} more" if more > 0 else ""), style="dim")
        return text

    def on_mount(self) -> None:
        self.query_one("#p-role", Select).focus()

    def _value(self, name: str) -> str:
        return str(self.query_one(f"#p-{name}", Input).value).strip()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        store = self._store
        try:
            # Everything is parsed before anything is written: a bad field saves nothing.
            role = svc.parse_role(str(self.query_one("#p-role", Select).value))
            workdays = svc.parse_workdays(self._value("workdays"))
            target = svc.parse_target(self._value("target"))
            first_text, last_text = self._value("from"), self._value("to")
            pause: tuple[dt.date, dt.date, str | None] | None = None
            if first_text or last_text:
                if not (first_text and last_text):
                    raise BadInput(
                        "a pause needs both From and To, such as 2026-12-22 and 2027-01-02"
                    )
                today = now()
                first = parse.filter_day(first_text, today)
                last = parse.filter_day(last_text, today)
                svc.check_pause(first, last)
                pause = (first, last, self._value("reason") or None)
            profile_changed = (role, workdays, target) != (
                self.profile.role,
                self.profile.workdays,
                self.profile.augmentation_target,
            )
            svc.save(
                store,
                profile={"role": role, "workdays": workdays, "augmentation_target": target}
                if profile_changed
                else None,
                pause=pause,
            )
        except JournalError as err:
            self.query_one("#profile-msg", Static).update(plain(str(err)))
            return
        if not profile_changed and pause is None:
            self.dismiss(False)
            return
        done = []
        if profile_changed:
            done.append("Profile saved")
        if pause is not None:
            done.append(f"paused {pause[0]:%d %b} – {pause[1]:%d %b}")
        self.app.notify(f"{'; '.join(done)}. Press ctrl+z to undo.")
        self.app.changed()  # type: ignore[attr-defined]  # JournalApp
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
