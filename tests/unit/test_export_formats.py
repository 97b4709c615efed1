"""The summary and its formats, from a small known journal: exact numbers, golden files, privacy."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from export_builders import REAL_NAMES, SECRET_NOTE, SECRET_TAG, build, fixed_ids, stub_reflect

from journal import export as exporters
from journal.errors import BadInput
from journal.export import json as json_export
from journal.export import summary as s
from journal.export.summary import Options

GOLDEN = Path(__file__).parent.parent / "data" / "golden"
REGEN = os.environ.get("AIJOURNAL_REGEN_GOLDEN") == "1"
SUMMARY_FORMATS = ("md", "json", "csv", "html")


@pytest.fixture
def journal(store, monkeypatch):
    fixed_ids(monkeypatch)
    build(store)
    return store


def render(store, fmt: str, **options) -> str:
    return exporters.get(fmt).export(store, Options(**options), reflect=stub_reflect)


def summary(store, **options) -> s.Summary:
    return s.build(store, Options(**options), reflect=stub_reflect)


# --- the numbers -----------------------------------------------------------------------------


def test_totals_are_exact(journal):
    d = summary(journal).data
    assert d["schema"] == "aijournal.summary/1"
    assert d["period"] == {
        "since": "2026-11-17",
        "until": "2026-11-26",
        "days": 10,
        "logged_days": 6,
    }
    ai = d["totals"]["ai"]
    assert ai["minutes"] == 170 and ai["sessions"] == 5
    assert ai["by_purpose"] == {
        "learn": 60,
        "augment": 45,
        "automate": 30,
        "companion": 15,
        "unclassified": 20,
    }
    assert (ai["classified_minutes"], ai["augmentation_minutes"]) == (150, 105)
    # learn + augment against automate: companion and unclassified left out of the share
    assert ai["augmentation_share"] == 0.778
    assert ai["instead_of_person"] == 1
    assert ai["tools"] == {"Claude": 105, "ChatGPT": 65}
    assert ai["skills"] == ["SQL window functions"]
    people = d["totals"]["people"]
    assert (people["interactions"], people["minutes"], people["people"]) == (3, 135, 2)
    assert people["mean_quality"] == 3.0 and people["initiated"] == 1
    assert people["by_kind"]["mentoring"] == {"count": 1, "minutes": 30}
    assert people["by_kind"]["feedback"] == {"count": 1, "minutes": 45}
    assert people["by_kind"]["meeting"] == {"count": 0, "minutes": 0}
    assert people["by_channel"]["in_person"] == {"count": 1, "minutes": 60}
    energy = d["totals"]["energy"]
    assert energy == {
        "readings": 4,
        "mean": 3.25,
        "first_half_mean": 4.0,
        "second_half_mean": 2.5,
        "trend": "falling",
        "trend_delta": -1.5,
    }
    assert d["totals"]["checkins"] == {
        "count": 2,
        "trust_ai": 3.5,
        "trust_team": 2.5,
        "connection": 3.0,
        "days_ai_over_team": 1,
    }
    who5 = d["totals"]["who5"]
    assert (who5["raw"], who5["percent"]) == (12, 48)
    assert who5["band"].startswith("low wellbeing")
    assert "not a diagnosis" in who5["disclaimer"]
    assert [w["start"] for w in d["weeks"]] == ["2026-11-16", "2026-11-23"]
    assert [w["people_minutes"] for w in d["weeks"]] == [45, 90]
    assert [w["ai_minutes"] for w in d["weeks"]] == [0, 170]
    assert [r["day"] for r in d["days"]] == [
        "2026-11-17",
        "2026-11-18",
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
    ]
    day25 = d["days"][4]
    assert (day25["ai_minutes"], day25["augmentation_minutes"], day25["people_minutes"]) == (
        60,
        45,
        60,
    )
    assert day25["checkin"] == {"trust_ai": 3, "trust_team": 3, "connection": None}


def test_period_filters_and_empty_journal(journal, store):
    import datetime as dt

    d = summary(journal, since=dt.date(2026, 11, 23), until=dt.date(2026, 11, 24)).data
    assert d["totals"]["ai"]["minutes"] == 90
    assert d["totals"]["people"]["minutes"] == 30
    assert d["totals"]["energy"]["trend"] is None  # too few readings in each half
    assert d["totals"]["who5"] is None
    with pytest.raises(BadInput, match="after --until"):
        summary(journal, since=dt.date(2026, 11, 25), until=dt.date(2026, 11, 24))


def test_empty_journal_exports_validly(store):
    for fmt in SUMMARY_FORMATS:
        assert render(store, fmt)
    d = summary(store).data
    assert d["period"]["days"] == 1 and d["totals"]["ai"]["augmentation_share"] is None
    assert json_export.problems(d) == []


# --- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
@pytest.mark.parametrize("variant", ["default", "open"])
def test_golden(journal, fmt, variant):
    options = {"include_notes": True, "real_names": True} if variant == "open" else {}
    text = render(journal, fmt, **options)
    path = GOLDEN / f"summary-{variant}.{fmt}"
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), (
        f"{path.name} changed; rerun with AIJOURNAL_REGEN_GOLDEN=1 if that was intended"
    )


# --- formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options", [{}, {"include_notes": True}, {"include_notes": True, "real_names": True}]
)
def test_json_validates_against_the_shipped_schema(journal, options):
    import jsonschema

    document = json.loads(render(journal, "json", **options))
    jsonschema.Draft202012Validator.check_schema(json_export.schema())
    jsonschema.validate(document, json_export.schema())
    broken = dict(document, period={"since": "yesterday"})
    assert json_export.problems(broken)


def test_csv_is_one_rfc4180_row_per_entry(journal):
    text = render(journal, "csv", include_notes=True)
    assert "\r\n" in text and text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 5 + 3 + 4 + 2 + 1
    assert list(rows[0]) == list(s.CSV_COLUMNS)
    noted = next(r for r in rows if r["kind"] == "mentoring")
    assert noted["note"] == "Person B said <script>alert('x')</script> & more"
    assert noted["people"] == "Person B"
    both = next(r for r in rows if r["kind"] == "collaboration")
    assert both["people"] == "Person A; Person B"
    assert '"Person A; Person B"' not in text  # no needless quoting
    assert rows[-1]["type"] == "who5" and rows[-1]["who5_percent"] == "48"


def test_md_first_line_says_what_was_redacted(journal):
    first = render(journal, "md").splitlines()[0]
    assert "notes and tags left out" in first and "Person A" in first
    first = render(journal, "md", include_notes=True, real_names=True).splitlines()[0]
    assert first.startswith("> Nothing redacted")
    assert "not a diagnosis" in render(journal, "md")


def test_html_is_self_contained_and_escaped(journal):
    page = render(journal, "html", include_notes=True)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert page.count("<svg") == 6  # three charts, each wide and narrow
    body = page.split("<body>", 1)[1]
    first_visible = re.sub(r"<[^>]+>", "\n", body).strip().splitlines()[0]
    assert first_visible.startswith("Redacted: people renamed")


def test_html_default_has_the_redaction_line_first(journal):
    page = render(journal, "html")
    body = page.split("<body>", 1)[1]
    assert re.sub(r"<[^>]+>", "\n", body).strip().splitlines()[0] == (
        "Redacted: notes and tags left out; people renamed Person A, Person B and so on."
    )


# --- privacy ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS)
def test_default_exports_reveal_no_note_and_no_name(journal, fmt):
    text = render(journal, fmt)
    for secret in (SECRET_NOTE, SECRET_TAG, "reorg", "tired after", *REAL_NAMES):
        assert secret.lower() not in text.lower(), f"{secret!r} leaked into {fmt}"
    assert "person-b" in text or fmt != "json"  # the action id slug was renamed too


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS)
def test_include_notes_keeps_names_hidden_in_notes(journal, fmt):
    text = render(journal, fmt, include_notes=True)
    assert SECRET_NOTE in text
    assert "Priya" not in text and "Sam" not in text


def test_real_names_and_notes_on_request(journal):
    text = render(journal, "md", include_notes=True, real_names=True)
    assert "Priya" in text and SECRET_NOTE in text and "#private-tag" in text


def test_pseudonyms_follow_first_appearance_and_are_stable(journal):
    d = summary(journal).data
    assert [p["name"] for p in d["people"]] == ["Person A", "Person B"]  # Sam met first
    assert d["people"][0]["minutes"] == 105  # Sam: 45 + 60
    insight = d["insights"][0]
    assert insight["title"] == "You have not met Person B for a while"
    assert insight["metrics"]["person"] == "Person B"
    assert insight["actions"][0]["id"] == "neglected-person/reconnect-person-b"
    assert d["intentions"][0]["text"] == "Ask Person B for a coffee"
    assert summary(journal).data == d


def test_names_scrubber_edges():
    assert s.letters(0) == "A" and s.letters(25) == "Z" and s.letters(26) == "AA"


def test_registry_names_and_extensions():
    assert exporters.formats() == ["md", "json", "csv", "html", "jsonl"]
    assert exporters.get("markdown").extension == "md"
    assert exporters.for_extension("week.HTML") == "html"
    with pytest.raises(BadInput, match="--format 'pdf'"):
        exporters.get("pdf")
