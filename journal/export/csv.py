"""One CSV row per entry of the period, with a header, quoted as RFC 4180 says (csv module)."""

from __future__ import annotations

import csv
import io

from journal.export import Exporter
from journal.export.summary import CSV_COLUMNS, Summary


class CsvExporter(Exporter):
    names = ("csv",)
    extension = "csv"
    help = "one row per entry, for spreadsheets"

    def render(self, summary: Summary) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(summary.entries)
        return out.getvalue()
