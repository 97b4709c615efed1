"""User text made inert for each coach-facing format: no formula, no live markup, no hidden codes.

Names, tools, skills, tags, notes and imported titles come from the user or from files they
imported, and the coach opens the export in a spreadsheet, a Markdown viewer or a browser, or
prints it in a terminal. Each function here keeps such text readable and makes it text only.
"""

from __future__ import annotations

import re
from typing import Any

from journal.textsafe import visible

# Control and bidi characters are written as Python writes them (`\x1b`, `\u202e`): the one rule
# the CLI and the TUI follow too (journal.textsafe), so no terminal obeys them and no viewer
# reorders the words around them.
# --- CSV -----------------------------------------------------------------------------------------

# OWASP's CSV injection advice: a cell starting with one of these is run as a formula (or DDE)
# by Excel, LibreOffice or Sheets. Full-width forms and leading blanks are covered too, as some
# programs normalise or trim them on import.
FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")


def csv_cell(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run gets a leading `'` (numbers stay numbers)."""
    if not isinstance(value, str):
        return value
    value = visible(value)
    if value[:1] in FORMULA_STARTS or value.lstrip()[:1] in FORMULA_STARTS:
        return "'" + value
    return value


# --- Markdown ------------------------------------------------------------------------------------

# Every ASCII character that can open or close markup in CommonMark, GFM or the common viewers
# (emphasis, code, links and images, raw HTML and autolinks, entities, tables, strikethrough,
# math, footnotes, attributes). A backslash before ASCII punctuation always renders it as itself.
_MD_ACTIVE = re.compile(r"[\\`*_\[\]<>#|~&$^{}=@]")
# Bare URLs that GFM and linkify turn into links: break the `://` and the `www.`.
_MD_URL = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<![a-z0-9])(www)(\.)")


def md_text(text: Any) -> str:
    """Running text from the journal: on one line, and shown as written, never as markup."""
    flat = " ".join(str(text).split())
    escaped = _MD_ACTIVE.sub(lambda mt: "\\" + mt.group(0), flat)
    escaped = _MD_URL.sub(lambda mt: "\\:" if mt.group(1) else mt.group(2) + "\\.", escaped)
    return visible(escaped)
