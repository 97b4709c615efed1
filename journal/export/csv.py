"""One CSV row per entry of the period, with a header, quoted as RFC 4180 says (csv module).

Text that a spreadsheet would run as a formula is prefixed with `'` (journal.export.safe), in
every mode: tools, skills, people, tags and notes come from the user and from imported files.
"""

from __future__ import annotations

import csv
import io

from journal.export import Exporter
from journal.export.safe import csv_cell
from journal.export.summary import CSV_COLUMNS, Summary


class CsvExporter(Exporter):
    names = ("csv",)
    extension = "csv"
    help = "one row per entry, for spreadsheets"

    def render(self, summary: Summary) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in summary.entries)
        return out.getvalue()
