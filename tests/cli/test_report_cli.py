"""`aijournal report`, log's AI filters, and what every --help and piped output reads like.

The pinned clock (tests/conftest.py) is Thursday 2026-11-26 15:00 in Europe/Berlin.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from journal.cli.app import app, run_typer


def ok(result):  # noqa: ANN001, ANN201
    assert result.code == 0, result.err
    assert result.err == ""
    return result


@pytest.fixture
def month(cli, db_path):  # noqa: ANN001, ANN201
    """A freelancer's November: learning with two spellings of one tool, meetings, tags."""
    ok(cli("ai", "Claude", "1h", "--purpose", "learn", "--skill", "SQL", "--at", "2026-11-03"))
    ok(cli("ai", "claude", "45m", "--purpose", "learn", "--skill", "sql", "--at", "2026-11-10"))
    ok(cli("ai", "ChatGPT", "20m", "--purpose", "automate", "--at", "2026-11-24", "--tag", "ops"))
    ok(cli("ai", "Claude", "30m", "--purpose", "learn", "--skill", "Rust", "--at", "2026-10-30"))
    ok(cli("met", "Sam, Priya", "30m", "--kind", "meeting", "--at", "2026-11-24", "--tag", "ops"))
    ok(cli("met", "Sam", "1h05m", "--kind", "mentoring", "--at", "yesterday 10:00"))
    return db_path


def report(cli, *args: str) -> dict:  # noqa: ANN001
    return json.loads(ok(cli("report", *args, "--json")).out)


def test_learning_hours_this_month_by_skill(cli, month):
    data = report(cli, "--month", "--by", "skill")
    assert set(data) == {"since", "until", "days", "by", "total", "groups"}
    assert (data["since"], data["until"], data["days"]) == ("2026-11-01", "2026-11-30", 30)
    assert data["by"] == ["skill"]
    assert data["total"] == {
        "ai_minutes": 125,
        "people_minutes": 95,
        "ai_sessions": 3,
        "interactions": 2,
    }
    groups = {g["key"]: g for g in data["groups"]}
    # "SQL" and "sql" are one skill, shown as first written
    assert groups["SQL"]["ai_minutes"] == 105 and groups["SQL"]["ai_sessions"] == 2
    assert "sql" not in groups and "Rust" not in groups  # Rust was in October
    assert groups[None] == {
        "key": None,
        "ai_minutes": 20,
        "people_minutes": 95,
        "ai_sessions": 1,
        "interactions": 2,
    }
    assert [g["key"] for g in data["groups"]] == ["SQL", None]


def test_tools_are_one_whatever_the_case_and_two_levels_nest(cli, month):
    data = report(cli, "this month", "--by", "tool", "--by", "purpose")
    tools = [(g["key"], g["ai_minutes"]) for g in data["groups"]]
    assert tools == [("Claude", 105), ("ChatGPT", 20), (None, 0)]
    claude = data["groups"][0]
    assert [(g["key"], g["ai_minutes"]) for g in claude["groups"]] == [("learn", 105)]


def test_people_count_in_each_of_their_groups(cli, month):
    data = report(cli, "--since", "last week", "--by", "person")
    assert data["since"] == "2026-11-16" and data["until"] == "2026-11-26"
    people = {g["key"]: g["people_minutes"] for g in data["groups"]}
    assert people == {"Sam": 95, "Priya": 30, None: 0}
    assert data["total"]["people_minutes"] == 95


@pytest.mark.parametrize(
    ("args", "since", "until"),
    [
        ((), "2026-11-23", "2026-11-29"),  # default: this week
        (("--week",), "2026-11-23", "2026-11-29"),
        (("last week",), "2026-11-16", "2026-11-22"),
        (("last month",), "2026-10-01", "2026-10-31"),
        (("--year",), "2026-01-01", "2026-12-31"),
        (("yesterday",), "2026-11-25", "2026-11-25"),
        (("--since", "2026-11-20"), "2026-11-20", "2026-11-26"),
        (("--since", "last friday", "--until", "mon"), "2026-11-20", "2026-11-23"),
    ],
)
def test_periods(cli, month, args, since, until):
    data = report(cli, *args)
    assert (data["since"], data["until"]) == (since, until)


def test_report_by_day_week_month_in_time_order(cli, month):
    data = report(cli, "--since", "2026-10-01", "--by", "month")
    assert [g["key"] for g in data["groups"]] == ["2026-10", "2026-11"]
    data = report(cli, "--month", "--by", "week")
    assert [g["key"] for g in data["groups"]] == ["2026-W45", "2026-W46", "2026-W48"]
    data = report(cli, "--month", "--by", "tag")
    assert {g["key"]: g["ai_minutes"] + g["people_minutes"] for g in data["groups"]} == {
        "ops": 50,
        None: 170,
    }


def test_report_text_in_human_units(cli, month):
    out = ok(cli("report", "--month", "--by", "skill")).out
    assert "2026-11-01 to 2026-11-30 (30 days), by skill" in out
    assert re.search(r"SQL\s+1h 45m\s+2\s+–\s+0", out), out
    assert re.search(r"total\s+2h 05m\s+3\s+1h 35m\s+2", out), out
    one_day = ok(cli("report", "yesterday")).out
    assert "(1 day)" in one_day


def test_report_csv(cli, month):
    out = ok(cli("report", "--month", "--by", "tool", "--by", "purpose", "--csv")).out
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "tool",
        "purpose",
        "ai_minutes",
        "people_minutes",
        "ai_sessions",
        "interactions",
    ]
    assert ["Claude", "learn", "105", "0", "2", "0"] in rows
    assert ["", "", "0", "95", "0", "2"] in rows


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--by", "colour"), "'colour'"),
        (("--by", "tool", "--by", "skill", "--by", "day"), "tool, skill, day"),
        (("--month", "--week"), "--month"),
        (("last month", "--since", "mon"), "--since"),
        (("next week",), "'next week'"),
        (("--since", "2026-11-20", "--until", "2026-11-01"), "'2026-11-01'"),
        (("--json", "--csv"), "--csv"),
    ],
)
def test_report_bad_input_is_one_line(cli, month, args, named):
    result = cli("report", *args)
    assert result.code == 2
    assert result.out == ""
    assert named in result.err and result.err.count("\n") == 1 and "Traceback" not in result.err


def test_report_on_an_empty_journal(cli):
    assert report(cli)["total"]["ai_minutes"] == 0
    assert "nothing logged" in ok(cli("report")).out


# --- log: --tool, --purpose, --skill ------------------------------------------------------------


def test_log_filters_by_tool_any_case_purpose_and_skill(cli, month):
    def tools(*args: str) -> list[str]:
        result = ok(cli("log", "--json", *args))
        return [e.get("tool") or e["type"] for e in json.loads(result.out)]

    assert tools("--tool", "CLAUDE") == ["Claude", "Claude", "claude"]
    assert tools("--tool", "claude", "--since", "2026-11-01") == ["Claude", "claude"]
    assert tools("--purpose", "automate") == ["ChatGPT"]
    assert tools("--purpose", "lea") == ["Claude", "Claude", "claude"]
    assert tools("--skill", "sql") == ["Claude", "claude"]
    assert tools("--skill", "%") == []  # text, not a wildcard
    assert tools("--tool", "Gemini") == []
    bad = cli("log", "--purpose", "fun")
    assert bad.code == 2 and "'fun'" in bad.err and "learn" in bad.err


def test_log_piped_is_not_wrapped(cli, month):
    long_skill = "window functions and the many ways they help in analytics work " * 2
    ok(cli("ai", "Claude", "5m", "--skill", long_skill.strip()))
    out = ok(cli("log", "--skill", "window")).out
    line = next(ln for ln in out.splitlines() if "window" in ln)
    assert long_skill.strip() in line  # one line, however long
    assert all(ln == ln.rstrip() for ln in out.splitlines())


# --- help text ---------------------------------------------------------------------------------


def _commands() -> list[str]:
    import typer

    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def help_text(cli, *words: str) -> str:  # noqa: ANN001
    return ok(cli(*words, "--help")).out


@pytest.mark.parametrize("command", _commands())
def test_usage_reads_plainly_and_every_option_has_help(cli, command):
    text = help_text(cli, command)
    usage = text.splitlines()[0]
    assert "{" not in usage and "}" not in usage and "]]" not in usage and "...." not in usage
    command_obj = run_typer.__globals__["typer"].main.get_command(app).commands[command]
    for param in command_obj.params:
        assert param.help, f"`aijournal {command}` {param.opts} has no help"


def test_coach_usage_is_file_dots(cli):
    assert help_text(cli, "coach").splitlines()[0] == "Usage: aijournal coach [OPTIONS] FILE..."
    assert "[NAME]" in help_text(cli, "people").splitlines()[0]


def test_energy_at_says_when_you_felt_it(cli):
    text = " ".join(help_text(cli, "energy").split())
    assert "When it started" not in text
    assert "When you felt this" in text


@pytest.mark.parametrize(
    "words", ["last friday", "yesterday at 14:00", "2 days ago 10:00", "9am", "noon"]
)
def test_when_words_are_in_the_help(cli, words):
    for command in ("ai", "met", "energy"):
        assert words in " ".join(help_text(cli, command).split())


@pytest.mark.parametrize("words", ["this week", "last week", "this month", "last month"])
def test_period_words_are_in_the_help(cli, words):
    for command in ("log", "report"):
        assert words in " ".join(help_text(cli, command).split())


def test_period_words_in_log_since(cli, month):
    result = ok(cli("log", "--json", "--since", "this month", "--until", "last week"))
    days = [e.get("started_at", e.get("at", ""))[:10] for e in json.loads(result.out)]
    assert days == ["2026-11-03", "2026-11-10"]


# --- one way to say time, counts and tools ------------------------------------------------------


def test_review_says_hours_and_counts(cli, month):
    out = " ".join(ok(cli("review", "--month")).out.split())
    assert "AI: 2h 35m in 4 sessions (learn 2h 15m, automate 20m)." in out
    assert "People: 1h 35m in 2 interactions" in out
    assert " min " not in out and "1 days" not in out


def test_export_md_says_hours_and_one_day(cli, month):
    out = ok(cli("export", "--format", "md", "--since", "yesterday", "--until", "yesterday")).out
    assert "(1 day, 1 with entries)" in out
    assert "| Time with people | 1h 05m in 1 interaction with 1 person |" in out
    assert not re.search(r"\d min\b", out) and "1 days" not in out


def test_export_tools_are_one_whatever_the_case(cli, month):
    data = json.loads(ok(cli("export", "--format", "json", "--since", "2026-11-01")).out)
    assert data["totals"]["ai"]["tools"] == {"Claude": 105, "ChatGPT": 20}
    assert data["totals"]["ai"]["skills"] == ["SQL"]


def test_completion_knows_one_tool_as_first_written(cli, month, db_path):
    from journal import service

    ok(cli("ai", "CLAUDE", "5m"))
    assert service.known_names(db_path, "tools") == ["Claude", "ChatGPT"]
