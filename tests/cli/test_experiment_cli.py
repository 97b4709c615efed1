"""`aijournal experiment` as the user runs it: start (own or ready-made), one at a time, status
and its prompt line, end, list, undo, bad input; the JSONL record exports and merges."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from conftest import snapshot_files

from journal import service
from journal.store import JournalStore


def _json(result):
    assert result.code == 0, result.err
    return json.loads(result.out)


def _one_line(result) -> str:
    return " ".join(result.out.split())


def test_start_status_prompt_end_list_and_undo(cli, monkeypatch):
    result = cli(
        "experiment", "start", "draft first", "--change", "write the first draft myself",
        "--days", "10", "--measure", "energy", "--measure", "augmentation",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "Started 'draft first' for 10 days (before-after)" in _one_line(result)
    line = cli("experiment", "status", "--prompt").out.strip()
    assert line == "Experiment 'draft first': day 1 of 10 — write the first draft myself"
    data = _json(cli("experiment", "status", "--json"))
    assert (data["name"], data["design"], data["days"], data["status"], data["day"]) == (
        "draft first",
        "before-after",
        10,
        "running",
        1,
    )
    assert data["measures"] == ["energy", "augmentation"]
    assert [r["measure"] for r in data["results"]] == ["energy", "augmentation"]
    assert data["results"][0]["sentence"].startswith("Too few days yet for energy")

    monkeypatch.setenv("AIJOURNAL_NOW", "2026-11-29T09:00:00")
    assert "day 4 of 10" in cli("experiment", "status", "--prompt").out
    ended = cli("experiment", "end")
    assert ended.code == 0 and "Ended 'draft first' after 4 of 10 days" in _one_line(ended)
    assert cli("experiment", "status", "--prompt").out == ""
    assert _json(cli("experiment", "status", "--json"))["status"] == "ended"
    [listed] = _json(cli("experiment", "list", "--json"))
    assert listed["ended_at"].startswith("2026-11-29")
    assert cli("undo").code == 0  # the end is taken back
    assert "day 4 of 10" in cli("experiment", "status", "--prompt").out
    assert cli("undo").code == 0  # and the start
    assert _json(cli("experiment", "list", "--json")) == []
    assert "No experiments yet" in cli("experiment", "list").out


def test_a_second_experiment_is_refused_while_one_runs(cli, db_path):
    assert cli("experiment", "start", "--template", "people-block").code == 0
    before = snapshot_files(db_path)
    result = cli("experiment", "start", "other", "--change", "x")
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1
    assert "'a 30-minute people block' is still running" in result.err
    assert snapshot_files(db_path) == before
    assert cli("experiment", "end").code == 0
    assert cli("experiment", "start", "other", "--change", "x").code == 0
    assert len(_json(cli("experiment", "list", "--json"))) == 2


def test_templates_fill_name_change_measures_and_design(cli):
    suggested = _json(cli("experiment", "suggest", "--json"))
    assert [s["template"] for s in suggested] == [
        "draft-first",
        "ask-a-person",
        "learn-daily",
        "no-late-companion",
        "people-block",
    ]
    assert [s["name"] for s in suggested] == [
        "draft first, then ask AI",
        "ask a person before asking AI",
        "one learning session a day",
        "no companion use after 21:00",
        "a 30-minute people block",
    ]
    data = _json(cli("experiment", "start", "--template", "draft-first", "--days", "21", "--json"))
    assert (data["name"], data["design"], data["days"], data["measures"]) == (
        "draft first, then ask AI",
        "alternate",
        21,
        ["augmentation", "energy"],
    )
    assert data["today"] in ("on", "off")
    line = cli("experiment", "status", "--prompt").out.strip()
    assert line == (
        f"Experiment 'draft first, then ask AI': day 1 of 21 — today is an "
        f"{data['today'].upper()} day"
    )


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("experiment", "start", "x", "--change", "y", "--measure", "mood"), "'mood'"),
        (("experiment", "start", "x", "--change", "y", "--design", "ab"), "'ab'"),
        (("experiment", "start", "x", "--change", "y", "--days", "1"), "'1'"),
        (("experiment", "start", "x", "--change", "y", "--days", "200"), "'200'"),
        (("experiment", "start", "x", "--change", "y", "--days", "two"), "'two'"),
        (("experiment", "start", "--template", "nap"), "'nap'"),
        (("experiment", "start", "x"), "--change"),
        (("experiment", "start", "--change", "y"), "NAME"),
        (("experiment", "start", "x", "--change", "   "), "--change"),
        (("experiment", "end",), "no experiment is running"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2_nothing_written(cli, db_path, args, named):
    cli("energy", "3")
    before = snapshot_files(db_path)
    result = cli(*args)
    assert result.code == 2, (args, result.out, result.err)
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert named in result.err, result.err
    assert snapshot_files(db_path) == before


def test_a_finished_experiment_reads_its_effect_end_to_end(cli, db_path, monkeypatch):
    """Energy logged higher during a before-after experiment shows as an effect with its n."""
    rng = random.Random(4)
    start = dt.date(2026, 11, 26)
    with JournalStore.open(db_path) as store:
        for k in range(-20, 14):
            day = start + dt.timedelta(days=k)
            level = 4 if k >= 0 else 2
            at = dt.datetime.combine(day, dt.time(10)).astimezone()
            service.log_energy(store, level=level + rng.choice((0, 0, 1)), at=at)
    assert cli("experiment", "start", "walks", "--change", "walk at noon").code == 0
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-12-09T20:00:00")
    assert "day 14 of 14" in cli("experiment", "status", "--prompt").out
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-12-10T20:00:00")
    assert "all 14 days done" in cli("experiment", "status", "--prompt").out
    data = _json(cli("experiment", "end", "--json"))
    [energy] = data["results"]
    assert energy["enough_days"] and energy["detected"]
    assert (energy["n_on"], energy["n_off"]) == (14, 14)
    assert energy["effect"] == pytest.approx(2.0, abs=0.4)
    assert energy["interval"][0] > 0
    assert energy["sentence"].startswith("Energy was")
    shown = _one_line(cli("experiment", "status"))
    assert "higher during the experiment than before" in shown


# --- JSONL -------------------------------------------------------------------------------------


def _experiments(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [r for r in map(json.loads, handle) if r["type"] == "experiment"]


def test_jsonl_exports_and_merges_experiments(cli, tmp_path, monkeypatch):
    cli("experiment", "start", "--template", "learn-daily")
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-11-28T09:00:00")
    cli("experiment", "end")
    cli("experiment", "start", "--template", "people-block", "--days", "7")
    out = str(tmp_path / "a.jsonl")
    assert cli("export", "--format", "jsonl", "-o", out).code == 0
    exported = _experiments(out)
    assert [(r["name"], r["design"], r["days"]) for r in exported] == [
        ("one learning session a day", "before-after", 14),
        ("a 30-minute people block", "alternate", 7),
    ]
    assert exported[0]["ended_at"].startswith("2026-11-28") and exported[1]["ended_at"] is None
    assert exported[1]["measures"] == ["connection", "energy", "people-minutes"]
    assert {"started_day", "seed", "change"} <= set(exported[1])

    other = str(tmp_path / "other.db")
    assert cli("--db", other, "import", "jsonl", out).code == 0
    again = str(tmp_path / "b.jsonl")
    cli("--db", other, "export", "--format", "jsonl", "-o", again)
    assert _experiments(again) == exported
    # The same ON and OFF days on the other device: the seed travels with the record.
    assert cli("--db", other, "experiment", "status", "--prompt").out == (
        cli("experiment", "status", "--prompt").out
    )
    before = snapshot_files(other)
    assert cli("--db", other, "import", "jsonl", out).code == 0  # idempotent
    assert snapshot_files(other) == before

    # The other device ends it later: that newer record wins here.
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-11-30T09:00:00")
    assert cli("--db", other, "experiment", "end").code == 0
    back = str(tmp_path / "c.jsonl")
    assert cli("--db", other, "export", "--format", "jsonl", "-o", back).code == 0
    assert cli("import", "jsonl", back).code == 0
    assert cli("experiment", "status", "--prompt").out == ""
    assert _json(cli("experiment", "status", "--json"))["ended_at"].startswith("2026-11-30")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"measures": ["mood"]}, "measures"),
        ({"measures": []}, "measures"),
        ({"design": "crossover"}, "design"),
        ({"days": 0}, "days"),
        ({"started_day": "someday"}, "started_day"),
    ],
)
def test_jsonl_refuses_a_bad_experiment_record(cli, tmp_path, db_path, change, named):
    record = {
        "type": "experiment",
        "id": "ab" * 16,
        "name": "walks",
        "change": "walk at noon",
        "days": 14,
        "measures": ["energy"],
        "design": "before-after",
        "started_day": "2026-11-20",
        "seed": 3,
        **change,
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    cli("energy", "3")
    before = snapshot_files(db_path)
    result = cli("import", "jsonl", str(path))
    assert result.code == 2 and named in result.err, result.err
    assert snapshot_files(db_path) == before
