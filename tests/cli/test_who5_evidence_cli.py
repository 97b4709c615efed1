"""`who5` shows the statements (and asks them on a terminal); `insights --explain ID`."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from journal import demo
from journal import models as m
from journal.store import JournalStore


@pytest.fixture
def drifting(db_path):
    with JournalStore.open(db_path) as store:
        demo.fill(store, persona="drifting", days=60, seed=7, today=dt.date(2026, 11, 26))


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def flat(text: str) -> str:
    return " ".join(text.split())


def test_who5_with_numbers_prints_the_five_statements_with_the_answers(cli):
    result = cli("who5", "3", "4", "2", "3", "5")
    assert result.code == 0
    out = flat(result.out)
    for statement in m.WHO5_ITEMS:
        assert statement in out
    assert "1. I have felt cheerful and in good spirits. 3 (more than half of the time)" in out
    assert "5 (all of the time)" in out
    assert "17/25 = 68%" in out and "no sign of low wellbeing" in out
    assert "not a diagnosis" in out


def test_who5_without_numbers_asks_the_five_questions_on_a_terminal(cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", Tty("3\nseven\n4\n2\n1\n5\n"))
    result = cli("who5")
    assert result.code == 0, result.err
    out = flat(result.out)
    for statement in m.WHO5_ITEMS:
        assert statement in out
    for label in m.WHO5_SCALE:
        assert label in out
    assert "'seven' is not accepted" in out
    assert "15/25 = 60%" in out
    [row] = json.loads(cli("log", "--type", "who5", "--json").out)
    assert row["items"] == [3, 4, 2, 1, 5]


def test_who5_without_numbers_and_no_terminal_refuses_in_one_line(cli, monkeypatch, db_path):
    monkeypatch.setattr("sys.stdin", io.StringIO("3\n4\n2\n1\n5\n"))
    result = cli("who5")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "not a terminal" in result.err
    assert "aijournal who5 3 4 2 3 4" in result.err
    assert json.loads(cli("log", "--type", "who5", "--json").out) == []


def test_who5_interrupted_by_end_of_input_saves_nothing(cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", Tty("3\n4\n"))
    result = cli("who5")
    assert result.code == 2 and "nothing was saved" in result.err
    assert json.loads(cli("log", "--type", "who5", "--json").out) == []


def test_insights_explain_lists_exactly_the_evidence_entries(cli, drifting):
    insights = json.loads(cli("insights", "--json").out)
    chosen = next(i for i in insights if i["id"] == "energy-slide")
    ids = [i for e in chosen["evidence"] for i in e["entry_ids"]]
    result = cli("insights", "--explain", "energy-slide")
    assert result.code == 0, result.err
    assert chosen["title"] in flat(result.out)
    lines = [line for line in result.out.splitlines() if line[:8] in {i[:8] for i in ids}]
    assert len(lines) == len(ids)
    assert f"Evidence: {len(ids)} entries" in result.out
    assert all("energy" in line for line in lines)
    # every other entry of those days stays out
    days = [e["day"] for e in chosen["evidence"]]
    everything = json.loads(cli("log", "--since", min(days), "--until", max(days), "--json").out)
    others = {e["id"][:8] for e in everything} - {i[:8] for i in ids}
    assert others and not any(line[:8] in others for line in result.out.splitlines())


def test_insights_explain_json_carries_the_entries(cli, drifting):
    data = json.loads(cli("insights", "--explain", "trust-streak", "--json").out)
    ids = [i for e in data["evidence"] for i in e["entry_ids"]]
    assert sorted(e["id"] for e in data["evidence_entries"]) == sorted(ids)


def test_insights_explain_of_an_unknown_id_lists_the_accepted_ones(cli, drifting):
    result = cli("insights", "--explain", "no-such-insight")
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1
    assert "'no-such-insight' is not a current insight" in result.err
    assert "energy-slide" in result.err and "trust-streak" in result.err
