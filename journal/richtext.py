"""User and imported text as Rich `Text` for both faces (CLI tables and lines, TUI widgets):
never read as markup or emoji codes, and control characters shown escaped (journal.textsafe)."""

from __future__ import annotations

from rich.text import Text

from journal.textsafe import visible

Part = str | tuple[str, str]  # a string, or a string and its Rich style


def plain(*parts: Part) -> Text:
    """One Text from strings, each optionally with a style: `plain("Talk to ", (name, "bold"))`."""
    text = Text()
    for part in parts:
        if isinstance(part, str):
            text.append(visible(part))
        else:
            text.append(visible(part[0]), style=part[1])
    return text
