"""A coach's week: chosen names, shared sections, twin files, several weeks of one client, and
the cohort report kept as a file."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from journal.export import json as json_export


@pytest.fixture
def drifting_db(cli, tmp_path) -> str:
    db = str(tmp_path / "drifting.db")
    assert cli("--db", db, "demo", "--persona", "drifting", "--days", "42").code == 0
    return db


def export(cli, db: str, out, *args: str) -> dict:
    result = cli("--db", db, "export", "--format", "json", "-o", str(out), *args)
    assert result.code == 0, result.err
    return json.loads(open(out).read())


def test_export_name_is_the_client_name_the_coach_shows(cli, tmp_path, drifting_db):
    document = export(cli, drifting_db, tmp_path / "summary.json", "--name", "Alex K.")
    assert document["client"] == "Alex K."
    assert json_export.problems(document) == []
    ranked = json.loads(cli("coach", str(tmp_path / "summary.json"), "--json").out)
    assert [c["client"] for c in ranked] == ["Alex K."]
    bad = cli("--db", drifting_db, "export", "--name", "  ", "-o", str(tmp_path / "x.md"))
    assert bad.code == 2 and "--name" in bad.err and bad.err.count("\n") == 1
    assert not (tmp_path / "x.md").exists()


def test_export_sections_leaves_wellbeing_out(cli, tmp_path, drifting_db):
    out = tmp_path / "shared.json"
    document = export(cli, drifting_db, out, "--sections", "ai,people,insights")
    assert json_export.problems(document) == []
    assert document["sections"] == ["ai", "people", "insights"]
    assert set(document["totals"]) == {"ai", "people"}
    assert all(d["energy_readings"] == 0 and d["checkin"] is None for d in document["days"])
    assert all(d["who5_percent"] is None for d in document["days"])
    assert all(w["energy_mean"] is None for w in document["weeks"])
    text = json.dumps(document["insights"]).lower()
    assert "energy" not in text and "trust" not in text
    full = export(cli, drifting_db, tmp_path / "full.json")
    assert "sections" not in full and "energy" in json.dumps(full["insights"]).lower()
    md = cli("--db", drifting_db, "export", "--format", "md", "--sections", "ai,people").out
    shown = " ".join(md.split())
    assert "Not shared: energy, check-ins, WHO-5, insights, factors, experiments." in shown
    assert "| Energy | not shared |" in md
    page = cli("--db", drifting_db, "export", "--format", "html", "--sections", "ai,people").out
    assert (
        '<div class="label">WHO-5</div><div class="value">–</div><div class="hint">not shared'
        in page
    )
    csv = cli("--db", drifting_db, "export", "--format", "csv", "--sections", "ai,people").out
    assert {line.split(",")[0] for line in csv.splitlines()[1:]} == {"ai_session", "interaction"}
    ranked = json.loads(cli("coach", str(out), "--json").out)
    assert ranked[0]["energy_mean"] is None and ranked[0]["who5_percent"] is None
    assert ranked[0]["sections"] == ["ai", "people", "insights"]


@pytest.mark.parametrize("given", ["ai,mood", "", "ai;people"])
def test_export_sections_refuses_an_unknown_section(cli, tmp_path, drifting_db, given):
    target = tmp_path / "x.json"
    result = cli("--db", drifting_db, "export", "-o", str(target), "--sections", given)
    assert result.code == 2 and result.err.count("\n") == 1
    assert "ai, people, energy, checkins, who5, insights" in result.err
    assert not target.exists()


def test_coach_reads_the_same_file_once_and_says_so(cli, tmp_path, drifting_db):
    first = tmp_path / "alex.json"
    export(cli, drifting_db, first)
    copy = tmp_path / "copy.json"
    shutil.copy(first, copy)
    result = cli("coach", str(first), str(copy), str(first), "--json")
    assert result.code == 0
    assert len(json.loads(result.out)) == 1
    assert "copy.json: same as" in result.err and "read once" in result.err
    assert "given twice" in result.err


def test_coach_tells_two_summary_json_apart(cli, tmp_path, drifting_db):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    export(cli, drifting_db, tmp_path / "a" / "summary.json", "--until", "2026-11-20")
    export(cli, drifting_db, tmp_path / "b" / "summary.json")
    ranked = json.loads(
        cli(
            "coach", str(tmp_path / "a/summary.json"), str(tmp_path / "b/summary.json"), "--json"
        ).out
    )
    assert sorted(c["client"] for c in ranked) == ["summary #1", "summary #2"]


def test_coach_reads_several_weeks_of_one_client(cli, tmp_path, drifting_db):
    week1 = export(
        cli,
        drifting_db,
        tmp_path / "w1.json",
        "--name",
        "Alex",
        "--since",
        "2026-11-09",
        "--until",
        "2026-11-15",
    )
    week2 = export(
        cli,
        drifting_db,
        tmp_path / "w2.json",
        "--name",
        "Alex",
        "--since",
        "2026-11-16",
        "--until",
        "2026-11-22",
    )
    # given newest first: the latest period is still the one shown
    result = cli("coach", str(tmp_path / "w2.json"), str(tmp_path / "w1.json"), "--json")
    [alex] = json.loads(result.out)
    assert alex["period"] == {"since": "2026-11-16", "until": "2026-11-22"}
    assert alex["exports"] == 2
    assert alex["previous_period"] == {"since": "2026-11-09", "until": "2026-11-15"}
    t1, t2 = week1["totals"], week2["totals"]
    assert alex["change"]["people_minutes"] == t2["people"]["minutes"] - t1["people"]["minutes"]
    assert alex["change"]["energy_mean"] == pytest.approx(
        t2["energy"]["mean"] - t1["energy"]["mean"], abs=0.001
    )
    assert alex["change"]["augmentation_share"] == pytest.approx(
        t2["ai"]["augmentation_share"] - t1["ai"]["augmentation_share"], abs=0.001
    )
    text = " ".join(cli("coach", str(tmp_path / "w1.json"), str(tmp_path / "w2.json")).out.split())
    assert "Since 2026-11-09 to 2026-11-15: augmentation" in text and "(2 exports)" in text


def test_coach_writes_a_cohort_report_md_and_html(cli, tmp_path, drifting_db):
    summary = tmp_path / "kim.json"
    document = export(cli, drifting_db, summary)
    document["client"] = "Kim <script>alert(1)</script> | *bold*"
    summary.write_text(json.dumps(document))
    html_file = tmp_path / "cohort.html"
    result = cli("coach", str(summary), "-o", str(html_file))
    assert result.code == 0, result.err
    assert os.stat(html_file).st_mode & 0o777 == 0o600
    page = html_file.read_text()
    assert "<script" not in page.lower() and "&lt;script&gt;" in page
    assert not re.search(r"\b(src|href)\s*=", page)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "Kim" in page and "You turned to AI instead of a person" in page
    md_file = tmp_path / "cohort.md"
    assert cli("coach", str(summary), "--format", "md", "-o", str(md_file)).code == 0
    md = md_file.read_text()
    assert md.startswith("# aijournal cohort report")
    assert "Kim \\<script\\>alert(1)\\</script\\> \\| \\*bold\\*" in md  # inert in the table
    assert os.stat(md_file).st_mode & 0o777 == 0o600
    again = cli("coach", str(summary), "-o", str(md_file))
    assert again.code == 2 and "exists already" in again.err
    wrong = cli("coach", str(summary), "--format", "pdf", "-o", str(tmp_path / "c.pdf"))
    assert wrong.code == 2 and "md or --format html" in wrong.err
    assert not (tmp_path / "c.pdf").exists()
