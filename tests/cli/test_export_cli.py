"""`aijournal export`, `aijournal coach` and `aijournal import jsonl` through the command line."""

from __future__ import annotations

import json
import os
import re
import stat

import pytest

from journal.export import json as json_export

SECRET = "SECRET-NOTE-1234"


@pytest.fixture
def small(cli):
    assert (
        cli(
            "met",
            "Priya",
            "30m",
            "--kind",
            "mentoring",
            "--at",
            "yesterday 10:00",
            "--note",
            f"{SECRET} <script>alert(1)</script>",
        ).code
        == 0
    )
    assert (
        cli(
            "ai", "Claude", "1h", "--purpose", "learn", "--note", SECRET, "--at", "yesterday 9:00"
        ).code
        == 0
    )
    assert cli("energy", "3", "--note", f"{SECRET} Priya").code == 0
    return cli


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_export_defaults_to_markdown_on_stdout(small):
    result = small("export")
    assert result.code == 0
    assert result.out.startswith("> Redacted: notes and tags left out; people renamed")
    assert SECRET not in result.out and "Priya" not in result.out
    assert "Person A" in result.out


@pytest.mark.parametrize("fmt", ["md", "json", "csv", "html"])
def test_every_summary_format_hides_notes_and_names(small, fmt):
    result = small("export", "--format", fmt)
    assert result.code == 0 and result.out
    assert SECRET not in result.out and "Priya" not in result.out
    if fmt == "json":
        assert json_export.problems(json.loads(result.out)) == []


def test_html_keeps_script_escaped_with_include_notes(small):
    result = small("export", "--format", "html", "--include-notes")
    assert SECRET in result.out and "<script" not in result.out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.out
    assert f"{SECRET} Person A" in result.out


def test_output_file_is_private_and_not_overwritten(small, tmp_path):
    target = tmp_path / "week.html"
    result = small("export", "-o", str(target))  # the extension picks html
    assert result.code == 0 and "week.html" in result.err
    assert mode(target) == 0o600
    assert target.read_text().startswith("<!DOCTYPE html>")
    target.write_text("mine")
    refused = small("export", "--format", "md", "-o", str(target))
    assert refused.code == 2 and "--force" in refused.err
    assert target.read_text() == "mine"
    os.chmod(target, 0o644)
    assert small("export", "--format", "md", "-o", str(target), "--force").code == 0
    assert mode(target) == 0o600 and target.read_text().startswith("> Redacted")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_every_written_format_is_0600(small, tmp_path):
    for fmt in ("md", "json", "csv", "html", "jsonl"):
        target = tmp_path / f"out.{fmt}"
        assert small("export", "--format", fmt, "-o", str(target)).code == 0
        assert mode(target) == 0o600


def test_bad_export_options(small, tmp_path):
    assert small("export", "--format", "pdf").code == 2
    result = small("export", "--format", "jsonl", "--since", "mon")
    assert result.code == 2 and "full backup" in result.err
    result = small("export", "--since", "today", "--until", "yesterday")
    assert result.code == 2 and "after --until" in result.err
    assert small("export", "-o", str(tmp_path / "missing" / "x.md")).code == 2


def test_jsonl_keeps_everything_and_imports_into_a_new_journal(small, tmp_path):
    backup = tmp_path / "backup.jsonl"
    assert small("export", "--format", "jsonl", "-o", str(backup)).code == 0
    text = backup.read_text()
    assert SECRET in text and "Priya" in text
    other = str(tmp_path / "other.db")
    result = small("--db", other, "import", "jsonl", str(backup))
    assert result.code == 0, result.err
    again = small("--db", other, "import", "jsonl", str(backup), "--json")
    assert again.code == 0
    assert json.loads(small("--db", other, "log", "--json").out) == json.loads(
        small("log", "--json").out
    )
    copy = tmp_path / "copy.jsonl"
    assert small("--db", other, "export", "--format", "jsonl", "-o", str(copy)).code == 0
    assert sorted(copy.read_text().splitlines()) == sorted(text.splitlines())


def test_import_jsonl_bad_line_names_it(small, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"type": "energy", "id": "00000001", "at": "2026-11-24T08:00:00+01:00", "level": 9}\n'
    )
    result = small("import", "jsonl", str(bad))
    assert result.code == 2 and "bad.jsonl:1: level 9" in result.err


# --- the real reflection engine, and the coach ------------------------------------------------


def summary_of(cli, tmp_path, persona: str, days: str = "42") -> str:
    db = str(tmp_path / f"{persona}.db")
    assert cli("--db", db, "demo", "--persona", persona, "--days", days).code == 0
    out = tmp_path / f"{persona}.json"
    assert cli("--db", db, "export", "--format", "json", "-o", str(out)).code == 0
    return str(out)


def test_demo_export_with_real_insights_reveals_no_names(cli, tmp_path):
    db = str(tmp_path / "drifting.db")
    assert cli("--db", db, "demo", "--persona", "drifting", "--days", "42").code == 0
    names = [p["name"] for p in json.loads(cli("--db", db, "people", "--json").out)]
    assert names
    pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names), re.IGNORECASE)
    for fmt in ("md", "json", "csv", "html"):
        out = cli("--db", db, "export", "--format", fmt).out
        assert not pattern.search(out), f"{pattern.search(out)} in {fmt}"
    document = json.loads(cli("--db", db, "export", "--format", "json").out)
    assert json_export.problems(document) == []
    assert any(i["severity"] == "act" for i in document["insights"])
    subjects = [f["subject"] for f in document["factors"]["items"] if f["kind"] == "person"]
    assert all(re.fullmatch(r"Person [A-Z]+", s) for s in subjects)  # renamed, like the rest


def test_coach_ranks_who_needs_a_conversation_first(cli, tmp_path):
    files = [summary_of(cli, tmp_path, p) for p in ("freelancer", "drifting", "balanced")]
    result = cli("coach", *files, "--json")
    assert result.code == 0, result.err
    ranked = json.loads(result.out)
    assert [c["client"] for c in ranked][0] == "drifting"
    assert ranked[0]["score"] > ranked[-1]["score"]
    assert ranked[0]["act_insights"] and ranked[0]["reasons"]
    table = cli("coach", *files)
    assert table.code == 0
    assert "Talk to drifting first" in " ".join(table.out.split())


def test_coach_skips_a_bad_file_and_names_it(cli, tmp_path):
    good = summary_of(cli, tmp_path, "balanced", "21")
    labelled = tmp_path / "labelled.json"
    document = json.loads(open(good).read())
    document["client"] = "Client <b>Kim</b>"
    labelled.write_text(json.dumps(document))
    broken = tmp_path / "broken.json"
    broken.write_text("{nope")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"schema": "something/else"}))
    result = cli("coach", good, str(broken), str(labelled), str(wrong), "--json")
    assert result.code == 0
    assert "broken.json: not JSON" in result.err
    assert "wrong.json: not an aijournal summary" in result.err
    assert sorted(c["client"] for c in json.loads(result.out)) == ["Client <b>Kim</b>", "balanced"]
    assert "Client <b>Kim</b>" in cli("coach", str(labelled)).out
    nothing = cli("coach", str(broken), str(tmp_path / "missing.json"))
    assert nothing.code == 2
    assert "missing.json: no such file" in nothing.err
