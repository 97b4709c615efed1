"""`aijournal classify` with suggestions learned from the user's own classifications."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

from journal import service
from journal.store import JournalStore
from tests.conftest import snapshot_files


def journal_with_habits(db_path: str) -> dict[str, str]:
    """9 of 10 morning Codex sessions were automate; ChatGPT is split; two new of each, and
    one Gemini session nothing can be said about. Returns the unclassified ids by name."""

    def log(tool: str, purpose: str, days_ago: int, hour: int = 9, source: str | None = None):
        at = dt.datetime(2026, 11, 26, hour, 0).astimezone() - dt.timedelta(days=days_ago)
        row = service.log_ai(store, tool=tool, minutes=30, at=at, purpose=purpose, source=source)
        return row["id"]

    with JournalStore.open(db_path) as store:
        for day in range(1, 10):
            log("Codex", "automate", day, source=f"sync:codex:aijournal:r{day}")
        log("Codex", "learn", 10, source="sync:codex:aijournal:r10")
        for day in range(1, 4):
            log("ChatGPT", "learn", day)
            log("ChatGPT", "companion", day, hour=10)
        return {
            "gemini": log("Gemini", "unclassified", 0, hour=8),
            "chatgpt": log("ChatGPT", "unclassified", 0, hour=10),
            "codex": log("Codex", "unclassified", 0, hour=11, source="sync:codex:aijournal:new"),
        }


def purposes(db_path: str) -> dict[str, str]:
    with JournalStore.open(db_path) as store:
        return {e.id: e.purpose.value for e in store.all_entries("ai_session")}


def feed(monkeypatch, keys: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(keys))


CODEX_BASIS = "you called 9 of 10 medium morning Codex sessions in aijournal automate"


def test_json_lists_each_session_with_its_suggestion(cli, db_path):
    ids = journal_with_habits(db_path)
    result = cli("classify", "--json")
    assert result.code == 0, result.err
    listed = json.loads(result.out)
    assert [item["id"] for item in listed] == [ids["codex"], ids["chatgpt"], ids["gemini"]]
    codex, chatgpt, gemini = listed
    assert codex["type"] == "ai_session" and codex["tool"] == "Codex"
    assert codex["purpose"] == "unclassified" and codex["minutes"] == 30
    assert codex["suggestion"] == {"purpose": "automate", "confidence": 0.833, "basis": CODEX_BASIS}
    assert chatgpt["suggestion"] == {
        "purpose": "companion",  # 3 and 3: the newer use wins the tie
        "confidence": 0.5,
        "basis": "you called 3 of 6 medium morning ChatGPT sessions companion",
    }
    assert gemini["suggestion"] is None
    assert set(purposes(db_path).values()) >= {"unclassified"}  # --json asks and writes nothing


def test_accept_applies_suggestions_above_the_confidence_in_one_undo_step(cli, db_path):
    ids = journal_with_habits(db_path)
    result = cli("classify", "--accept")
    assert result.code == 0, result.err
    assert result.out.strip() == (
        "Classified 1 AI session from suggestions with confidence 0.80 or more "
        "(one undo step); 2 still unclassified."
    )
    got = purposes(db_path)
    assert got[ids["codex"]] == "automate"
    assert got[ids["chatgpt"]] == got[ids["gemini"]] == "unclassified"

    lower = cli("classify", "--accept", "--min-confidence", "0.5", "--json")
    assert json.loads(lower.out) == {"classified": 1, "min_confidence": 0.5, "left": 1}
    assert purposes(db_path)[ids["chatgpt"]] == "companion"

    assert cli("undo").out.strip().startswith("Undone: classify AI sessions from suggestions")
    assert purposes(db_path)[ids["chatgpt"]] == "unclassified"
    assert purposes(db_path)[ids["codex"]] == "automate"  # the earlier step stands

    none = cli("classify", "--accept", "--min-confidence", "0.9")
    assert none.out.strip() == (
        "No suggestion reached confidence 0.90; 2 still unclassified. "
        "`aijournal classify` shows each with its suggestion."
    )


def test_a_confidence_outside_0_to_1_is_refused_and_nothing_written(cli, db_path):
    journal_with_habits(db_path)
    before = snapshot_files(db_path)
    for value in ("1.5", "-0.2"):
        result = cli("classify", "--accept", "--min-confidence", value)
        assert result.code == 2
        assert result.out == ""
        assert result.err.strip().startswith(f"aijournal: min confidence {float(value)!r}")
        assert "use a number from 0 to 1" in result.err
        assert "Traceback" not in result.err
    assert snapshot_files(db_path) == before


def test_the_queue_shows_the_suggestion_and_enter_or_y_accepts_it(cli, db_path, monkeypatch):
    ids = journal_with_habits(db_path)
    # Codex: Enter takes automate; ChatGPT: y takes companion; Gemini: no suggestion, y is no key
    feed(monkeypatch, "\ny\ny\nl\n")
    result = cli("classify")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    codex = next(i for i, line in enumerate(lines) if line.startswith("[1/3] Codex"))
    assert lines[codex + 1] == f"  suggested: automate (confidence 0.83): {CODEX_BASIS}"
    assert "  suggested: companion (confidence 0.50): you called 3 of 6" in result.out
    gemini = next(i for i, line in enumerate(lines) if line.startswith("[3/3] Gemini"))
    assert lines[gemini + 1].startswith("'y' is not a key here; l learn")
    assert lines[-1] == ("Classified 3 (learn 1, automate 1, companion 1); 0 still unclassified.")
    assert {k: purposes(db_path)[v] for k, v in ids.items()} == {
        "codex": "automate",
        "chatgpt": "companion",
        "gemini": "learn",
    }
