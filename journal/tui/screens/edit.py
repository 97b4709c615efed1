"""The edit dialog: one entry's fields, parsed with journal.parse, saved with service.edit_entry."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from journal import parse, service, vocab
from journal.clock import now
from journal.errors import JournalError
from journal.models import Entry, entry_time
from journal.richtext import plain
from journal.textsafe import visible
from journal.tui import format as fmt
from journal.tui.text import CHANNEL_LABELS, PURPOSE_HELP
from journal.tui.widgets.completion import PlainInput

LEVELS = [(str(n), n) for n in range(1, 6)]
# name, label, widget kind, choices; per entry type (the fields service.EDITABLE allows)
FIELDS: dict[str, list[tuple[str, str, str, Any]]] = {
    "ai_session": [
        ("tool", "Tool", "text", None),
        ("minutes", "Time", "duration", None),
        ("purpose", "Purpose", "choice", [(PURPOSE_HELP[p], p) for p in vocab.PURPOSES]),
        ("instead_of_person", "Instead of a person", "bool", None),
        ("skill", "Skill", "text", None),
        ("at", "When", "when", None),
    ],
    "interaction": [
        ("people", "People", "people", None),
        ("minutes", "Time", "duration", None),
        ("kind", "Kind", "choice", [(k, k) for k in vocab.KINDS]),
        ("channel", "Channel", "choice", [(CHANNEL_LABELS[c], c) for c in vocab.CHANNELS]),
        ("quality", "Felt (1–5)", "choice", LEVELS),
        ("initiated", "I reached out", "bool", None),
        ("at", "When", "when", None),
    ],
    "energy": [("level", "Energy (1–5)", "choice", LEVELS), ("at", "When", "when", None)],
    "checkin": [
        ("trust_ai", "Trust AI", "choice", LEVELS),
        ("trust_team", "Trust team", "choice", LEVELS),
        ("connection", "Connection", "choice", LEVELS),
    ],
    "who5": [("items", "Answers 0–5", "items", None)],
}
COMMON = [("tags", "Tags", "tags", None), ("note", "Note", "note", None)]


def shown(entry: Entry, name: str, kind: str) -> Any:
    """The value a field starts with. Text shows its control characters escaped; a field left
    as shown is not saved, so the stored text stays as it was."""
    if kind == "when":
        return entry_time(entry).astimezone().strftime("%Y-%m-%d %H:%M")
    value = getattr(entry, name)
    if kind == "people":
        return visible(", ".join(value))
    if kind == "tags":
        return visible(", ".join(value))
    if kind == "items":
        return " ".join(str(v) for v in value)
    if kind == "duration":
        return f"{value}m"
    if kind == "choice":
        return getattr(value, "value", value)
    if kind == "bool":
        return bool(value)
    return visible(value or "")


def parsed(kind: str, text: Any, label: str) -> Any:
    if kind == "text":
        return parse.parse_text(text, label.lower(), required=label == "Tool") or ""
    if kind == "duration":
        return parse.parse_duration(text)
    if kind == "people":
        return parse.parse_people(text)
    if kind == "when":
        return parse.entry_time(text, now(), option="when")
    if kind == "tags":
        return parse.parse_tags([text])
    if kind == "note":
        return parse.parse_note(text) or ""
    if kind == "items":
        parts = str(text).replace(",", " ").split()
        return [parse.parse_int(p, 0, 5, "WHO-5 answer") for p in parts]
    return text


class EditScreen(ModalScreen[bool]):
    """Dismisses True when something was saved."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry
        self.fields = FIELDS[entry.TYPE] + COMMON

    def compose(self) -> ComposeResult:
        entry = self.entry
        with VerticalScroll(id="edit-box") as box:
            box.border_title = f"Edit {fmt.TYPE_LABELS.get(entry.TYPE, entry.TYPE)} entry"
            box.border_subtitle = f"id {entry.id[:8]}"
            for name, label, kind, choices in self.fields:
                with Horizontal(classes="field"):
                    yield Label(label, classes="lbl")
                    value = shown(entry, name, kind)
                    if kind == "choice":
                        yield Select(
                            choices,
                            value=value,
                            allow_blank=name == "connection",
                            id=f"f-{name}",
                            compact=True,
                        )
                    elif kind == "bool":
                        yield Checkbox("", value=value, id=f"f-{name}", compact=True)
                    else:
                        yield PlainInput(str(value), id=f"f-{name}", compact=True)
            yield Static("", id="edit-msg")
            with Horizontal(id="edit-buttons"):
                yield Button("Cancel (esc)", id="cancel", compact=True)
                yield Button("Save (enter)", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query(".field Input, .field Select, .field Checkbox").first().focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        changes: dict[str, Any] = {}
        try:
            for name, label, kind, _ in self.fields:
                widget = self.query_one(f"#f-{name}")
                before = shown(self.entry, name, kind)
                value = widget.value  # type: ignore[attr-defined]  # an Input or a Select
                if value == before:
                    continue
                if kind in ("choice", "bool"):
                    if value is Select.NULL:
                        continue
                    changes[name] = value
                else:
                    changes[name] = parsed(kind, value, label)
            if not changes:
                self.dismiss(False)
                return
            service.edit_entry(self.app.store, self.entry.id, changes)  # type: ignore[attr-defined]  # JournalApp
        except JournalError as err:
            self.query_one("#edit-msg", Static).update(plain(str(err)))
            return
        self.app.notify("Saved. Press u to undo.")
        self.app.changed()  # type: ignore[attr-defined]  # JournalApp
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
