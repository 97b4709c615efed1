"""The HTML summary: weeks the period cuts are marked partial, and the page fits a phone."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def page(cli, tmp_path) -> str:
    db = str(tmp_path / "j.db")
    assert cli("--db", db, "demo", "--persona", "drifting", "--days", "60").code == 0
    # Saturday 2026-10-03 to Tuesday 2026-11-24: the first week has 2 days, the last 2
    result = cli(
        "--db", db, "export", "--format", "html", "--since", "2026-10-03", "--until", "2026-11-24"
    )
    assert result.code == 0, result.err
    return result.out


def test_partial_weeks_are_marked_and_not_drawn_as_a_fall(page):
    assert "partial: 2 of 7 days" in page
    assert "not a fall" in page
    bars = re.findall(r"<rect [^>]*><title>([^<]*)</title>", page)
    partial = [b for b in bars if "partial" in b]
    assert partial and all(b.startswith(("Sep 28", "Nov 23")) for b in partial)
    assert {b.split(":")[0] for b in partial} == {"Sep 28", "Nov 23"}
    light = re.findall(r'<rect [^>]*fill-opacity="0.35"><title>([^<]*)', page)
    assert sorted(light) == sorted(partial)  # drawn lighter, exactly the partial weeks
    assert page.count('class="partial"') >= 4  # dashed outlines and "2/7 d" labels


def test_page_fits_a_phone_without_sideways_scrolling(page):
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width:600px)" in page
    svgs = re.findall(r"<svg [^>]*>", page)
    assert svgs
    for svg in svgs:
        assert 'width="100%"' in svg and "viewBox=" in svg
        assert not re.search(r'\sheight="\d', svg)
    # the narrow charts are drawn for a phone; no element carries a fixed width over 390 px
    assert any('viewBox="0 0 360 ' in svg for svg in svgs)
    style = page.split("<style>")[1].split("</style>")[0]
    for width in re.findall(r"(?<!max-)(?<!min-)width:\s*(\d+)px", style):
        assert int(width) <= 390
    assert not re.search(r'style="[^"]*width:\s*\d{3,}px', page)
    # tables become label: value rows on a phone
    assert 'table class="stack"' in page and 'data-h="day"' in page
