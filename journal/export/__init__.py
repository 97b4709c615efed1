"""Exporters: one tiny class per format, registered from the one list below.

Each has `names` (what `--format` accepts), `extension`, and `export(store, options)` returning the
file's text; none of them prints. The coach-facing formats render one `summary.Summary` (computed
and redacted once in summary.py); `jsonl` is the lossless backup and ignores redaction.
"""

from __future__ import annotations

from typing import ClassVar

from journal.errors import BadInput
from journal.export.summary import Options, Reflect, Summary, build
from journal.store import JournalStore


class Exporter:
    names: ClassVar[tuple[str, ...]] = ()
    extension: ClassVar[str] = ""
    help: ClassVar[str] = ""

    def export(
        self, store: JournalStore, options: Options, *, reflect: Reflect | None = None
    ) -> str:
        return self.render(build(store, options, reflect=reflect))

    def render(self, summary: Summary) -> str:
        raise NotImplementedError


def _exporters() -> list[type[Exporter]]:
    from journal.export import csv, html, json, jsonl, md

    return [
        md.MarkdownExporter,
        json.JsonExporter,
        csv.CsvExporter,
        html.HtmlExporter,
        jsonl.JsonlExporter,
    ]


def formats() -> list[str]:
    return [cls.names[0] for cls in _exporters()]


def get(name: str) -> Exporter:
    """The exporter for a --format value."""
    key = name.strip().lower()
    for cls in _exporters():
        if key in cls.names:
            return cls()
    raise BadInput(f"--format {name!r} is not accepted; use one of: {', '.join(formats())}")


def for_extension(path: str) -> str | None:
    """The format a file name's extension implies, if any (`week.html` -> html)."""
    lower = path.lower()
    for cls in _exporters():
        if lower.endswith("." + cls.extension):
            return cls.names[0]
    return None
