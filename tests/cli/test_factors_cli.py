"""`aijournal factors` as the user runs it: text, --json (the fast path and Typer's), bad input."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from journal import service
from journal.store import JournalStore
from tests.conftest import snapshot_files

D = dt.date(2026, 11, 26)  # the pinned today


@pytest.fixture
def lars_lifts(db_path):
    """60 days: Lars on about half of them, energy about 1.5 higher on those days."""
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


def test_factors_json_names_the_planted_factor(cli, lars_lifts):
    result = cli("factors", "--json", "--days", "60")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["as_of"] == D.isoformat() and data["days"] == 60 and data["outcome"] == "energy"
    assert data["q_level"] == 0.05 and data["tested"] >= 2
    lars = next(f for f in data["factors"] if f["id"] == "person:lars")
    assert lars["significant"] and lars["q"] <= 0.05 and lars["diff"] > 0.8
    assert lars["interval"]["method"] == "bootstrap" and lars["interval"]["level"] == 0.9
    assert lars["interval"]["low"] < lars["diff"] < lars["interval"]["high"]
    # n counts the days compared: a stratum (a kind of day in a block of about two weeks) with
    # Lars on all its days or on none says nothing about him
    assert 50 <= lars["n_on"] + lars["n_off"] <= 60 and lars["subject"] == "Lars"
    assert "higher on " in lars["sentence"] and "you see Lars" in lars["sentence"]


def test_factors_json_is_the_same_through_typer(lars_lifts, capsys):
    from journal.cli import main
    from journal.cli.app import run_typer

    capsys.readouterr()
    assert main(["factors", "--json", "--days", "60"]) == 0
    fast = json.loads(capsys.readouterr().out)
    assert run_typer(["factors", "--json", "--days", "60"]) == 0
    assert json.loads(capsys.readouterr().out) == fast


def test_factors_all_lists_every_tested_factor_with_q(cli, lars_lifts):
    data = json.loads(cli("factors", "--json", "--all", "--days", "60").out)
    assert data["shown"] == "all"
    tested = [f for f in data["factors"] if f["enough"]]
    assert len(tested) == data["tested"] and all(f["q"] is not None for f in tested)
    assert any(not f["significant"] for f in tested)  # e.g. the workday factor


def test_factors_text_says_the_sentence_interval_and_level(cli, lars_lifts):
    result = cli("factors", "--days", "60")
    assert result.code == 0, result.err
    out = " ".join(result.out.split())
    assert "Energy is 1." in out and "higher on" in out and "you see Lars" in out
    assert "90 % interval +" in out and "(bootstrap)" in out
    assert "q ≤ 0.05" in out
    assert "where nothing matters, at most 1 such list in 10 shows any" in out


def test_factors_on_a_young_journal_say_not_enough_days_yet(cli):
    cli("met", "Lars", "30m")
    cli("energy", "4")
    result = cli("factors")
    assert result.code == 0
    out = " ".join(result.out.split())
    assert "Not enough days yet" in out
    assert "Seeing Lars: not enough days yet (4 more days with it and 5 more days without it" in out
    data = json.loads(cli("factors", "--json").out)
    assert data["tested"] == 0
    lars = next(f for f in data["factors"] if f["id"] == "person:lars")
    assert (lars["enough"], lars["more_on"], lars["more_off"]) == (False, 4, 5)


BAD = [
    (("--outcome", "mood"), "outcome 'mood' is not accepted; use one of: energy, connection"),
    (("--days", "3"), "--days '3' is not accepted; use a whole number from 10 to 3660"),
    (("--days", "many"), "--days 'many' is not accepted"),
    (("--as-of", "someday"), "date 'someday' is not understood"),
]


def test_factors_bad_input_is_one_line_and_exit_2(cli, db_path):
    cli("energy", "3")
    before = snapshot_files(db_path)
    for args, says in BAD:
        for json_flag in ((), ("--json",)):
            result = cli("factors", *json_flag, *args)
            assert result.code == 2, args
            assert result.out == ""
            assert says in result.err and len(result.err.strip().splitlines()) == 1
    assert snapshot_files(db_path) == before


def test_factors_json_takes_the_lean_path(lars_lifts, db_path):
    """`factors --json` is for scripts and prompts: no Typer, Click or Rich on its path."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys\nfrom journal.cli import main\n"
        "code = main(['factors', '--json', '--days', '60'])\n"
        "heavy = {'typer', 'click', 'rich', 'textual'} & {m.split('.')[0] for m in sys.modules}\n"
        "print('HEAVY', sorted(heavy), code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "AIJOURNAL_DB": db_path},
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "HEAVY [] 0"


def test_review_names_the_top_factors(cli, lars_lifts):
    data = json.loads(cli("review", "--json").out)
    assert "person:lars" in [f["id"] for f in data["factors"]]
    assert all(f["significant"] for f in data["factors"]) and len(data["factors"]) <= 3
    out = " ".join(cli("review").out.split())
    assert "What goes with your good days (the last 90 days)" in out
    assert "higher on days you see Lars" in out
