"""Factors and experiments in the summary a client shares, and in the coach's review: there when
shared, left out (and said so) when not, names renamed like everywhere else."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from journal import experiments, service
from journal.export import json as json_export
from journal.store import JournalStore

D = dt.date(2026, 11, 26)  # the pinned today
CHANGE = "Pair with Lars before lunch, PRIVATE-CHANGE-WORDS"


@pytest.fixture
def lars_lifts(db_path):
    """60 days: Lars on about half of them, energy about 1.5 higher on those days; an experiment
    started 10 days ago and still running."""
    rng = random.Random(16)
    with JournalStore.open(db_path) as store:
        for back in range(60):
            day = D - dt.timedelta(days=back)
            at = dt.datetime.combine(day, dt.time(11)).astimezone()
            met = rng.random() < 0.5
            if met:
                service.log_interaction(store, people=["Lars"], minutes=30, at=at)
            level = max(1, min(5, round(3 + (1.5 if met else 0) + rng.gauss(0, 0.7))))
            service.log_energy(store, level=level, at=at + dt.timedelta(hours=6))
        experiments.start(
            store,
            name="pairing with Lars",
            change=CHANGE,
            days=14,
            measures=["energy", "people-minutes"],
            design="alternate",
            today=D - dt.timedelta(days=9),
            seed=7,
        )
    return db_path


def export(cli, *args: str) -> str:
    result = cli("export", *args)
    assert result.code == 0, result.err
    return result.out


def test_export_json_carries_the_factors_and_the_running_experiment(cli, lars_lifts):
    document = json.loads(export(cli, "--format", "json"))
    assert json_export.problems(document) == []
    block = document["factors"]
    assert block["outcome"] == "energy" and block["as_of"] == D.isoformat() and block["days"] == 90
    lars = next(f for f in block["items"] if f["kind"] == "person")
    assert lars["id"] == "person:person-a" and lars["subject"] == "Person A"
    assert lars["diff"] > 0.8 and lars["q"] <= block["q_level"]
    assert lars["interval"]["low"] < lars["diff"] < lars["interval"]["high"]
    # days in a comparison: those of the 60 whose block and kind of day have Lars on some, not all
    assert 50 <= lars["n_on"] + lars["n_off"] <= 60 and "you see Person A" in lars["sentence"]
    assert len(block["items"]) <= 5
    [running] = document["experiments"]
    assert running["name"] == "pairing with Person A" and "change" not in running
    assert running["status"] == "running" and running["day"] == 10
    assert running["today"] in ("on", "off") and running["design"] == "alternate"
    assert [r["measure"] for r in running["results"]] == ["energy", "people-minutes"]
    # the user's own words only with notes, and names renamed in them too
    noted = json.loads(export(cli, "--format", "json", "--include-notes"))
    assert noted["experiments"][0]["change"] == CHANGE.replace("Lars", "Person A")
    assert json_export.problems(noted) == []
    real = json.loads(export(cli, "--format", "json", "--real-names"))
    assert next(f for f in real["factors"]["items"] if f["kind"] == "person")["subject"] == "Lars"
    assert real["experiments"][0]["name"] == "pairing with Lars"


@pytest.mark.parametrize("fmt", ["md", "json", "html"])  # csv: one row per entry, no factors
def test_no_default_export_names_the_person_of_a_factor(cli, lars_lifts, fmt):
    text = export(cli, "--format", fmt)
    assert "lars" not in text.lower() and "PRIVATE-CHANGE" not in text
    assert "you see Person A" in text
    if fmt in ("md", "html"):
        assert "What goes with your energy" in text and "you see Person A" in text
        assert "pairing with Person A: alternate, 14 days from 2026-11-17" in text


def test_sections_without_factors_and_experiments_leave_them_out_and_say_so(cli, lars_lifts):
    document = json.loads(export(cli, "--format", "json", "--sections", "ai,people,energy"))
    assert json_export.problems(document) == []
    assert "factors" not in document and "experiments" not in document
    md = export(cli, "--sections", "ai,people,energy")
    assert "Not shared: check-ins, WHO-5, insights, factors, experiments." in " ".join(md.split())
    assert "## What goes with your energy\n\nNot shared." in md
    assert "## Experiments\n\nNot shared." in md and "Person A" in md
    page = export(cli, "--format", "html", "--sections", "ai,energy")
    assert '<h2>Experiments</h2><div class="panel">\n<p class="muted">Not shared.' in page
    # factors compare energy: left out with it, and the experiment keeps only shared measures
    without = json.loads(
        export(cli, "--format", "json", "--sections", "people,factors,experiments")
    )
    assert "factors" not in without and without["sections"] == ["people", "experiments"]
    assert [r["measure"] for r in without["experiments"][0]["results"]] == ["people-minutes"]
    assert "Your energy" not in json.dumps(without["experiments"])
    # a person factor needs people shared
    no_people = json.loads(export(cli, "--format", "json", "--sections", "energy,factors"))
    assert all(f["kind"] != "person" for f in no_people["factors"]["items"])


def test_coach_shows_each_clients_factors_and_experiments(cli, lars_lifts, tmp_path):
    shared, kept = tmp_path / "shared.json", tmp_path / "kept.json"
    export(cli, "--format", "json", "--name", "Kim", "-o", str(shared))
    export(cli, "--format", "json", "--name", "Ola", "--sections", "ai,people", "-o", str(kept))
    old = json.loads(shared.read_text())
    del old["factors"], old["experiments"]  # a file from before they were exported
    old["client"] = "Old"
    assert json_export.problems(old) == []
    (tmp_path / "old.json").write_text(json.dumps(old))
    files = [str(shared), str(kept), str(tmp_path / "old.json")]
    result = cli("coach", *files)
    assert result.code == 0, result.err
    out = " ".join(result.out.split())
    assert "Factor: Energy is 1." in out, out
    assert "Experiment: pairing with Person A: alternate, 14 days from 2026-11-17" in out
    assert "Not shared: energy, check-ins, WHO-5, insights, factors, experiments." in out
    assert "Not shared: factors, experiments." in out  # the old file
    ranked = {c["client"]: c for c in json.loads(cli("coach", *files, "--json").out)}
    assert "Person A" in {f["subject"] for f in ranked["Kim"]["factors"]}
    assert ranked["Kim"]["experiments"][0]["status"] == "running"
    assert ranked["Ola"]["factors"] is None and ranked["Old"]["experiments"] is None
    report = cli("coach", *files, "--format", "html").out
    assert "factor: Energy is" in report and "experiment: pairing with Person A" in report
    assert "<script" not in report
