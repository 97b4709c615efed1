"""insights, act, intentions, done, dismiss and review as the user runs them."""

from __future__ import annotations

import json

import pytest

from journal import demo
from journal.store import JournalStore

D = "2026-11-26"


@pytest.fixture
def drifting(db_path):
    import datetime as dt

    with JournalStore.open(db_path) as store:
        demo.fill(store, persona="drifting", days=60, seed=7, today=dt.date(2026, 11, 26))


def test_insights_on_an_empty_journal(cli):
    result = cli("insights", "--json")
    assert result.code == 0 and json.loads(result.out) == []
    result = cli("insights")
    assert result.code == 0 and "log a few more days" in " ".join(result.out.split())


def test_insights_on_a_young_journal(cli):
    cli("ai", "Claude", "30m", "--purpose", "learn")
    cli("energy", "4")
    assert json.loads(cli("insights", "--json").out) == []
    assert "log a few more days" in " ".join(cli("insights").out.split())


def test_insights_json_keys_and_order(cli, drifting):
    result = cli("insights", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data and all(
        list(i)
        == ["id", "severity", "title", "detail", "evidence", "metrics", "coverage", "actions"]
        for i in data
    )
    order = {"act": 0, "watch": 1, "good": 2, "info": 3}
    assert [(order[i["severity"]], i["id"]) for i in data] == sorted(
        (order[i["severity"]], i["id"]) for i in data
    )
    ids = {i["id"] for i in data}
    assert {"trust-streak", "augmentation-share", "people-fading", "energy-slide"} <= ids


def test_insights_text_shows_evidence_sample_sizes_and_action_ids(cli, drifting):
    result = cli("insights")
    assert result.code == 0
    out = " ".join(result.out.split())
    assert "You trusted AI over your teammates" in out
    assert "evidence on " in out and "days:" in out
    assert "14 of your last 14 known days are logged" in out  # no-mentoring's coverage
    assert "check-ins running" in out
    assert "reference point 71%" in out and "benchmark" not in out
    assert "trust-streak/second-opinion" in out
    assert "aijournal act" in out


def test_insights_as_of_an_earlier_day(cli, drifting):
    early = json.loads(cli("insights", "--as-of", "2026-10-10", "--json").out)
    assert "trust-streak" not in {i["id"] for i in early}
    assert cli("insights", "--as-of", "3 days ago", "--json").code == 0


def test_insights_refuses_a_bad_day(cli, drifting):
    result = cli("insights", "--as-of", "someday soon")
    assert result.code == 2
    assert "someday soon" in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_act_intentions_done_loop(cli, drifting):
    act = cli("act", "no-mentoring/book-mentoring")
    assert act.code == 0 and "Priya" in act.out
    listed = json.loads(cli("intentions", "--json").out)
    assert len(listed) == 1
    record = listed[0]
    assert record["type"] == "intention"
    assert record["action_id"] == "no-mentoring/book-mentoring"
    assert record["insight_id"] == "no-mentoring" and record["done_at"] is None
    assert "Priya" in cli("intentions").out
    again = cli("act", "no-mentoring/book-mentoring")
    assert again.code == 0 and "Already on your list" in again.out
    done = cli("done", record["id"][:8])
    assert done.code == 0 and "Done" in done.out
    assert json.loads(cli("intentions", "--json").out) == []
    assert len(json.loads(cli("intentions", "--all", "--json").out)) == 1
    assert "No open intentions" in cli("intentions").out
    twice = cli("done", record["id"][:8])
    assert twice.code == 2 and "already done" in twice.err


def test_act_refuses_an_unknown_action(cli, drifting):
    result = cli("act", "trust-streak/fly-to-the-moon")
    assert result.code == 2
    assert "'trust-streak/fly-to-the-moon'" in result.err
    assert "trust-streak/second-opinion" in result.err
    assert json.loads(cli("intentions", "--json").out) == []


def test_dismiss_and_done_on_unknown_ids(cli, drifting):
    cli("act", "trust-streak/ask-first")
    record = json.loads(cli("intentions", "--json").out)[0]
    result = cli("dismiss", record["id"][:8])
    assert result.code == 0 and "Let go" in result.out
    missing = cli("done", "abcd1234")
    assert missing.code == 2 and "aijournal intentions" in missing.err
    malformed = cli("dismiss", "zz")
    assert malformed.code == 2 and "'zz'" in malformed.err
    assert "intention id" in malformed.err and "`aijournal intentions`" in malformed.err


def test_review_text(cli, drifting):
    cli("act", "trust-streak/ask-first")
    record = json.loads(cli("intentions", "--json").out)[0]
    cli("done", record["id"])
    result = cli("review")
    assert result.code == 0
    out = " ".join(result.out.split())
    assert "Your week: 2026-11-20 to 2026-11-26" in out
    assert "71%" in out
    assert "People:" in out and "Energy:" in out and "Trust: AI" in out
    assert "Intentions you followed through" in out
    # the action done today: no day after it yet, so the review says so instead of comparing
    assert "(once) Too few to say: 0 days after it with an energy reading, 5 needed." in out


def test_review_text_calls_71_percent_a_reference_point_not_a_benchmark(cli, drifting):
    out = " ".join(cli("review").out.split())
    assert "71%" in out and "benchmark" not in out


def test_insights_json_carries_coverage_and_good_severity(cli, drifting):
    data = json.loads(cli("insights", "--json").out)
    for insight in data:
        cover = insight["coverage"]
        assert set(cover) == {"window_days", "logged_days", "paused_days"}
        assert 1 <= cover["window_days"] and cover["logged_days"] <= cover["window_days"]
    assert {i["severity"] for i in data} <= {"act", "watch", "good", "info"}


def test_review_json_keys(cli, drifting):
    result = cli("review", "--month", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert list(data) == [
        "period",
        "start",
        "end",
        "days",
        "ai",
        "people",
        "energy",
        "trust",
        "insights",
        "intentions_done",
        "energy_after_done",
        "follow_through",
        "factors",
    ]
    assert data["period"] == "month" and data["days"] == 30 and data["end"] == D
    assert data["ai"]["benchmark"] == 0.71
    assert set(data["energy_after_done"]) == {
        "after_mean",
        "other_mean",
        "n_after",
        "n_other",
        "enough",
        "min_days",
    }


def test_review_refuses_both_periods(cli):
    result = cli("review", "--week", "--month")
    assert result.code == 2 and "--week" in result.err


def test_insights_on_a_quiet_established_journal(cli):
    for n in range(20):
        cli("energy", "4", "--at", f"{n} days ago")
        cli("met", "Sam", "30m", "--kind", "feedback", "--quality", "4", "--at", f"{n} days ago")
    assert json.loads(cli("insights", "--json").out) == []
    out = " ".join(cli("insights").out.split())
    assert "Nothing stands out as of 2026-11-26" in out


def test_review_on_an_empty_journal(cli):
    result = cli("review")
    assert result.code == 0
    out = " ".join(result.out.split())
    assert "AI: no sessions logged." in out and "No intentions marked done in this period." in out
