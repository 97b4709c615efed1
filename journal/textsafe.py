"""Text safe to show: user and imported strings are stored as given, but shown with every
control character made visible, so none of them can drive the terminal.

Pure (no Rich, no Textual): both faces show user text through journal.richtext.plain, which
builds a plain `rich.text.Text` from `visible()`, so the text is never read as markup either.

What is escaped, written exactly as Python's repr() writes it (ESC as ``\\x1b``, CR as ``\\r``,
RIGHT-TO-LEFT OVERRIDE as ``\\u202e``):
C0 and C1 controls and DEL (Cc) other than tab and newline, so no escape sequence (CSI, OSC 8
links, OSC 0 titles, ``ESC c`` resets) and no carriage return reaches the terminal; format
characters (Cf: bidi overrides and isolates, zero-width characters, BOM, tag characters), which
reorder or hide text; line and paragraph separators (Zl, Zp); and lone surrogates (Cs), which
cannot be written to a UTF-8 terminal at all.
"""

from __future__ import annotations

ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Tab and newline; and the zero-width (non-)joiners, which drive no terminal and which Persian,
# the Indic scripts and emoji sequences (👨‍👩‍👧) need to be spelled right.
KEPT = frozenset("\t\n\u200c\u200d")


def unsafe(char: str) -> bool:
    """True for a character `visible()` escapes."""
    if char in KEPT or char.isprintable():
        return False
    from unicodedata import category  # only text that is not plainly printable gets here

    return category(char) in ESCAPED_CATEGORIES


def escape_char(char: str) -> str:
    """The escape Python's repr() writes for the character: \\r, \\x1b, \\u202e, \\U000e0001."""
    if char == "\r":
        return "\\r"
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` as it may be shown: unchanged, unless it holds a control character (see the module
    doc), which is then written as its escape (``\\x1b``, ``\\u202e``)."""
    if text.isprintable():  # the common case: no control, format or separator character at all
        return text
    return "".join(escape_char(c) if unsafe(c) else c for c in text)


def json_visible(encoded: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the characters `visible()`
    escapes written as JSON ``\\uXXXX`` escapes: the same document, byte-safe for a terminal.

    Outside strings, JSON text holds only ASCII punctuation, digits and whitespace (the newlines
    of its indentation are kept), so every such character is inside a string, where an escape
    means the same character.
    """
    if encoded.isprintable():
        return encoded
    out = []
    for char in encoded:
        if not unsafe(char):
            out.append(char)
            continue
        code = ord(char)
        if code >= 0x10000:  # a UTF-16 surrogate pair, as JSON spells astral characters
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out)
