"""Text inputs: plain ones that never hold a control character, and ones that suggest from what
the journal already knows (past tools, the roster)."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from journal.textsafe import visible


class PlainInput(Input):
    """An Input that never holds a control character: typed, pasted or set, each one is written
    as its visible escape (journal.textsafe), so none reaches the terminal."""

    def validate_value(self, value: str) -> str:
        return visible(value)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(visible(text), start, end)  # the cursor lands after the escaped text


class KnownValues(Suggester):
    """Suggests a known value (case-insensitive prefix). With `comma_list`, completes the last
    name of a comma list ("Sam, Pr" -> "Sam, Priya")."""

    def __init__(self, values: Callable[[], list[str]], *, comma_list: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.values = values
        self.comma_list = comma_list

    async def get_suggestion(self, value: str) -> str | None:
        head, last = "", value
        if self.comma_list and "," in value:
            cut = value.rindex(",") + 1
            head, last = value[:cut], value[cut:]
        stem = last.lstrip()
        if not stem:
            return None
        lead = last[: len(last) - len(stem)]
        for known in self.values():
            if visible(known) != known:
                continue  # never offered: a text field would show its control characters raw
            if known.casefold().startswith(stem.casefold()) and len(known) > len(stem):
                return head + lead + known  # the known spelling wins on accept
        return None


class CompletingInput(PlainInput):
    """An Input whose tab accepts a visible suggestion before moving on (JournalApp's tab asks
    `complete` first; this binding serves a tab that reaches the field after its focus came)."""

    BINDINGS = [Binding("tab", "complete_or_next", "Complete", show=False)]

    def complete(self) -> bool:
        """Accept the suggestion shown, if there is one; whether there was."""
        if self._suggestion and self._suggestion != self.value:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
            return True
        return False

    def action_complete_or_next(self) -> None:
        if not self.complete():
            self.screen.focus_next()
