"""History's search grammar (journal.search): `text @person #tag from:WHEN to:WHEN`."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.clock import now as clock_now
from journal.errors import BadInput
from journal.search import Filter, parse_search

# The pinned clock of tests/conftest.py: Thursday 2026-11-26 15:00 in Europe/Berlin (+01:00).
CET = dt.timezone(dt.timedelta(hours=1))


def search(line: str, types: str = "") -> Filter:
    return parse_search(line, types, clock_now())


def test_an_empty_line_filters_nothing():
    assert search("") == Filter()
    assert search("   ") == Filter()
    assert Filter().query() == {
        "types": None,
        "person": None,
        "tag": None,
        "text": None,
        "since": None,
        "until": None,
    }


def test_every_part_of_the_grammar():
    flt = search("pair review @Sam #work from:mon to:yesterday", types="interaction")
    assert flt == Filter(
        types=("interaction",),
        person="Sam",
        tag="work",
        text="pair review",
        since=dt.datetime(2026, 11, 23, 0, 0, tzinfo=CET),
        until=dt.datetime(2026, 11, 25, 23, 59, 59, 999999, tzinfo=CET),
    )


def test_long_forms_and_any_case_of_the_date_prefixes():
    assert search("SINCE:2026-11-01 Until:2026-11-02") == Filter(
        since=dt.datetime(2026, 11, 1, 0, 0, tzinfo=CET),
        until=dt.datetime(2026, 11, 2, 23, 59, 59, 999999, tzinfo=CET),
    )


def test_quotes_group_words():
    flt = search('"code review" from:"3 days ago" @\'Anna Lee\'')
    assert (flt.text, flt.since, flt.person) == (
        "code review",
        dt.datetime(2026, 11, 23, 0, 0, tzinfo=CET),
        "Anna Lee",
    )


def test_an_unclosed_quote_splits_on_spaces_and_keeps_the_quote():
    assert search('"half open @Sam').text == '"half open'
    assert search('"half open @Sam').person == "Sam"


def test_a_backslash_is_searched_as_typed():
    # Control characters are shown as \x1b; searching for what is shown must find it.
    assert search(r"\x1b").text == r"\x1b"
    assert search(r'"tab\t and \\ here"').text == r"tab\t and \\ here"
    assert search(r"C:\Users\me").text == r"C:\Users\me"
    assert search(r"#dev\ops").tag == r"dev\ops"


def test_unknown_prefixes_and_lone_signs_are_text():
    flt = search("http://x.org @ # note:draft")
    assert flt == Filter(text="http://x.org @ # note:draft")


def test_the_last_person_and_tag_win():
    flt = search("@Sam @Priya #a #b")
    assert (flt.person, flt.tag) == ("Priya", "b")


@pytest.mark.parametrize(
    "line, shown", [("from:blah", "'blah'"), ("to:2026-13-45", "'2026-13-45'"), ("from:", "''")]
)
def test_a_date_not_understood_is_a_one_line_error_naming_it(line, shown):
    with pytest.raises(BadInput) as err:
        search(line)
    message = str(err.value)
    assert shown in message and "\n" not in message
    assert "yesterday" in message and "3 days ago" in message  # what is accepted
