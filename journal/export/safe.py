"""User text made inert for each coach-facing format: no formula, no live markup, no hidden codes.

Names, tools, skills, tags, notes and imported titles come from the user or from files they
imported, and the coach opens the export in a spreadsheet, a Markdown viewer or a browser, or
prints it in a terminal. Each function here keeps such text readable and makes it text only.
"""

from __future__ import annotations

import re
from typing import Any

# Control characters (C0 but tab, newline and carriage return, DEL, C1) and the invisible ones
# that reorder text
# (bidi embeddings, overrides, isolates and marks): shown as `\u001b` so no terminal obeys them
# and no viewer reorders the words around them.
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
                    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text with control and bidi characters written out as `\\u001b`."""
    return HIDDEN.sub(lambda mt: f"\\u{ord(mt.group(0)):04x}", text)


# --- CSV -----------------------------------------------------------------------------------------

# OWASP's CSV injection advice: a cell starting with one of these is run as a formula (or DDE)
# by Excel, LibreOffice or Sheets. Full-width forms and leading blanks are covered too, as some
# programs normalise or trim them on import.
FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")


def csv_cell(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run gets a leading `'` (numbers stay numbers)."""
    if not isinstance(value, str):
        return value
    value = visible(value) if HIDDEN.search(value) else value
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
