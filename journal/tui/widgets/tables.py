"""DataTable helpers: fixed columns with one that fills the rest of the width."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text
    from textual.widgets import DataTable

# label (a Text to right-align a figure's header), key, width (None: fill what is left)
Column = tuple["str | Text", str, int | None]


def set_columns(table: DataTable[str], columns: list[Column], *, minimum: int = 12) -> None:
    """Replace the table's columns; the one without a width takes the remaining space."""
    padding = 2 * table.cell_padding
    width = table.scrollable_content_region.width or table.size.width or 80
    fixed = sum((w or 0) + padding for _, _, w in columns) + padding + 1  # + a scrollbar
    table.clear(columns=True)
    for label, key, w in columns:
        table.add_column(label, key=key, width=w if w is not None else max(minimum, width - fixed))


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
