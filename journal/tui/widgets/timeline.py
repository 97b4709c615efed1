"""Today's timeline: the day's entries as a table (Time, Type, Took, What) under a header line
that stays put, every other row striped; it scrolls with the keys and the wheel.

One widget that draws its lines, instead of Textual's DataTable: Today's table only shows (no
cursor, no sorting, no cell to pick), and a DataTable cost Today's first frame about a tenth of
its time (its module, its stylesheet and its row bookkeeping)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from journal.textsafe import visible


class Timeline(ScrollView, can_focus=True):
    """`columns` are (label, width) pairs; the last one has no width and takes what is left.
    Rows are (key, cells) pairs, shown in the order given."""

    DEFAULT_CSS = """
    Timeline { height: 1fr; overflow-x: hidden; }
    Timeline > .timeline--header { text-style: bold; color: $foreground; }
    Timeline > .timeline--stripe { background: $foreground 4%; }
    """
    COMPONENT_CLASSES = {"timeline--header", "timeline--stripe"}

    def __init__(self, columns: list[tuple[str, int | None]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = columns
        self.keys: list[str] = []
        self._cells: list[list[str]] = []

    @property
    def row_count(self) -> int:
        return len(self._cells)

    def cells(self, index: int) -> list[str]:
        """The cells of the row at `index`, as shown."""
        return self._cells[index]

    def clear(self) -> None:
        self.keys, self._cells = [], []
        self._resized()

    def add_rows(self, rows: list[tuple[str, list[str]]]) -> None:
        for key, cells in rows:
            self.keys.append(key)
            self._cells.append([visible(cell) for cell in cells])
        self._resized()

    def _resized(self) -> None:
        self.virtual_size = Size(0, len(self._cells) + 1)  # the rows fit the width
        self.refresh()

    def _line(self, cells: list[str], width: int) -> str:
        """One row as text: each cell padded by a space on both sides, the last one filling
        (or cut with an ellipsis at) the width."""
        out = []
        used = 0
        for (_label, size), cell in zip(self.columns, cells, strict=False):
            if size is None:
                room = max(0, width - used - 2)
                text = cell if cell_len(cell) <= room else set_cell_size(cell, room - 1) + "…"
                out.append(f" {text}")
            else:
                out.append(f" {set_cell_size(cell, size)} ")
                used += size + 2
        return "".join(out)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            text = self._line([label for label, _size in self.columns], width)
            style: Style = base + self.get_component_rich_style("timeline--header")
        else:
            index = self.scroll_offset.y + y - 1
            if index >= len(self._cells):
                return Strip.blank(width, base)
            text = self._line(self._cells[index], width)
            style = base
            if index % 2:
                style += self.get_component_rich_style("timeline--stripe")
        return Strip([Segment(text, style)]).crop_extend(0, width, style)
