"""Text stays text: every user or imported string is shown literally, never run as Rich/Textual
markup or emoji codes, and its control characters (escape sequences, C1, bidi overrides, CR, NUL)
are stored as given but reach the terminal only visibly escaped: in every TUI screen (driven
through App.run_test) and every CLI text command. JSON output stays exact."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events

from journal import service
from journal.clock import localize
from journal.store import JournalStore
from journal.textsafe import KEPT, json_visible, visible

# The attacks, by class: markup that crashes or styles, emoji codes, terminal escape sequences
# (CSI clear screen, ESC c reset, OSC 8 links, OSC 0 window titles), C1 controls (0x9b is CSI on
# its own), bidi overrides and isolates, carriage return, NUL, bell/backspace/DEL, zero-width.
HOSTILE = [
    "[/i]Mallory",
    "[/b] Bob",
    "Fix [/etc/hosts] entry",
    "[bold red]SQL[/]",
    "Claude [beta]",
    "[link=http://x]y[/link]",
    ":smile: Sam",
    "Eve\x1b[2J\x1b[H",
    "Reset\x1bc",
    "\x1b]8;;http://x\x1b\\Click\x1b]8;;\x1b\\",
    "\x1b]0;pwned\x07Title",
    "C1\x9b31m\x85x",
    "Bidi\u202egpj.exe\u202c",
    "Iso\u2066x\u2069y",
    "Over\rwrite",
    "Nul\x00Byte",
    "Bell\x07\x08\x7f",
    "Zero\u200bwidth\ufeff",
]
# Shown exactly as written (no control characters in them): the People table and the CLI must
# show these literally.
LITERAL = ["[/i]Mallory", "[/b] Bob", "[bold red]SQL[/]", "Claude [beta]", ":smile: Sam"]
TITLE = "Fix [/etc/hosts] entry"  # an imported ChatGPT conversation title
RISKY = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def raw_controls(text: str) -> set[str]:
    """Characters that could drive a terminal, other than newline and tab (and ZWJ / ZWNJ, which
    drive none and which words need as written: textsafe.KEPT)."""
    return {c for c in text if c not in KEPT and unicodedata.category(c) in RISKY}


# --- the pure function -------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_visible_escapes_every_control_and_keeps_the_rest(text):
    shown = visible(text)
    assert not raw_controls(shown)
    assert visible(shown) == shown  # idempotent
    for char in text:
        assert (char in shown) if not raw_controls(char) else (repr(char)[1:-1] in shown)
    assert visible("Eve\x1b[2J") == "Eve\\x1b[2J" and visible("a\u202eb") == "a\\u202eb"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_visible_never_lets_a_control_through(text):
    shown = visible(text)
    assert not raw_controls(shown)
    if not raw_controls(text):
        assert shown == text


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )
)
def test_json_visible_is_the_same_document(data):
    encoded = json_visible(json.dumps(data, ensure_ascii=False, indent=2))
    assert json.loads(encoded) == data
    assert not raw_controls(encoded)


# --- a journal full of hostile text ------------------------------------------------------------


def at(days_ago: int, hour: int, minute: int = 0) -> dt.datetime:
    day = dt.date(2026, 11, 26) - dt.timedelta(days=days_ago)
    return localize(dt.datetime.combine(day, dt.time(hour, minute)))


def chatgpt_export(path, title: str) -> None:
    start = at(0, 7).timestamp()
    mapping = {
        "a": {
            "id": "a",
            "parent": None,
            "message": {"author": {"role": "user"}, "create_time": start},
        },
        "b": {
            "id": "b",
            "parent": "a",
            "message": {"author": {"role": "assistant"}, "create_time": start + 1200},
        },
    }
    path.write_text(
        json.dumps(
            [
                {
                    "id": "conv-1",
                    "title": title,
                    "create_time": start,
                    "update_time": start + 1200,
                    "mapping": mapping,
                    "current_node": "b",
                }
            ]
        )
    )


@pytest.fixture
def hostile_db(db_path, tmp_path) -> str:
    """Every hostile string as a tool, skill, note, tag and person, today and (for the insight
    that names a person) a month ago; a running timer; an imported ChatGPT title."""
    from journal.importers import chatgpt

    with JournalStore.open(db_path) as store:
        for n, text in enumerate(HOSTILE):
            service.log_ai(
                store,
                tool=text,
                minutes=10 + n,
                at=at(0, 8, n),
                purpose="learn",
                skill=text,
                note=text,
                tags=[text],
            )
            service.log_interaction(
                store, people=[text], minutes=20, at=at(0, 10, n), note=text, tags=[text]
            )
        service.log_energy(store, level=2, at=at(0, 12), note=HOSTILE[7])
        for days_ago in range(1, 50):  # a journal old enough for insights, logged every day
            service.log_energy(store, level=3, at=at(days_ago, 9))
        for days_ago in (20, 27, 34):  # met three times, not since: "you have not met …"
            service.log_interaction(
                store, people=["[/i]Neglected\x1b[2J"], minutes=30, at=at(days_ago, 11)
            )
        service.start_timer(store, tool="Timer\x1b]0;x\x07[b]", purpose="learn")
        source = tmp_path / "conversations.json"
        chatgpt_export(source, TITLE)
        chatgpt.run(store, str(source))
    return db_path


# --- the TUI -----------------------------------------------------------------------------------


def screen_text(app) -> str:
    """The text the terminal is sent for a full repaint (as App.export_screenshot renders it):
    the screen, a dialog over the screen below it, and the notifications."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "\n".join(
        "".join(segment.text for strip in line for segment in strip) for line in update.strips
    )


async def settle(pilot) -> None:
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def clean(app, where: str) -> str:
    text = screen_text(app)
    assert not raw_controls(text), f"{where}: {sorted(raw_controls(text))!r}"
    return text


@pytest.mark.slow  # every screen and dialog: .ci/run runs it after the README command
def test_every_screen_shows_hostile_text_literally_and_escaped(hostile_db):
    from journal.tui.app import make_app

    async def drive() -> None:
        app = make_app(hostile_db, welcome=False)
        async with app.run_test(size=(160, 50), notifications=True) as pilot:
            await settle(pilot)
            today = clean(app, "Today")
            assert "Claude [beta]" in today and "[/i]Mallory" in today
            assert "[bold red]SQL[/]" in today and "Eve\\x1b[2J" in today
            assert "Timer\\x1b]0;x\\x07[b]" in today  # the timer line
            # Completion offers the known spelling literally; logging it confirms it literally.
            await pilot.press("a", "C", "l")
            await pilot.press("tab")  # accepts the suggestion
            assert app.focused.value == "Claude [beta]"
            app.screen.query_one("#ai-minutes").value = "10m"
            app.screen.query_one("#ai-purpose").value = "learn"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "Logged 10m of Claude [beta] (learn)." in clean(app, "Today, logged")
            await pilot.press("escape", "ctrl+z")  # undo: its notification names the tool
            await settle(pilot)
            assert "Undone: log AI session Claude [beta]" in clean(app, "Today, undo toast")

            await pilot.press("f2")
            await settle(pilot)
            history = clean(app, "History")
            assert "[/i]Mallory" in history and "#[bold red]SQL[/]" in history
            await pilot.press("e")  # the edit dialog of the newest entry
            await settle(pilot)
            dialog = clean(app, "edit dialog")
            assert "Edit" in dialog
            await pilot.press("escape")
            await pilot.press("d")  # the delete confirmation quotes the entry
            await settle(pilot)
            clean(app, "delete confirmation")
            await pilot.press("escape")
            await pilot.press("slash")
            search = app.screen.query_one("#history-search")
            search.post_message(events.Paste("from:[/b]\x1b[2J"))  # ESC pasted: shown escaped
            await pilot.pause()
            assert search.value == "from:[/b]\\x1b[2J"
            await pilot.press("enter")  # the error quotes it as repr does
            await settle(pilot)
            assert "date '[/b]\\\\x1b[2J' is not understood" in clean(app, "History search error")

            await pilot.press("f3")
            await settle(pilot)
            clean(app, "Dashboard")

            await pilot.press("f4")
            await settle(pilot)
            insights = clean(app, "Insights")
            assert "have not met [/i]Neglected\\x1b[2J" in insights
            await pilot.press("enter")  # accept the highlighted action: a notification
            await settle(pilot)
            clean(app, "Insights, accepted")

            await pilot.press("f5")
            await settle(pilot)
            people = clean(app, "People")
            for name in LITERAL:
                assert name in people, name
            assert "Eve\\x1b[2J\\x1b[H" in people and "Bidi\\u202egpj.exe" in people
            await pilot.press("r")  # the relation dialog names the person in its title
            await settle(pilot)
            clean(app, "relation dialog")
            await pilot.press("escape")
            await pilot.press("enter")  # their entries in History: the search field shows it
            await settle(pilot)
            clean(app, "History of a person")

            await pilot.press("f1")
            await settle(pilot)
            await pilot.press("c")  # the classify queue shows the imported title
            await settle(pilot)
            assert TITLE in clean(app, "classify")
            await pilot.press("q")
            await settle(pilot)
            clean(app, "Today again")

    asyncio.run(drive())  # a MarkupError (or any error) in the app is raised here


def test_text_is_stored_as_given(hostile_db):
    with JournalStore.open(hostile_db) as store:
        tools = {e.tool for e in service.entries(store, types=["ai_session"])}
        names = {p.name for p, _ in service.people(store)}
    assert set(HOSTILE) <= tools and set(HOSTILE) <= names


# --- the CLI -----------------------------------------------------------------------------------


def assert_clean(result, *literal: str) -> None:
    for stream in (result.out, result.err):
        assert not raw_controls(stream), sorted(raw_controls(stream))
        assert "Traceback" not in stream
    joined = " ".join(result.out.split())
    for text in literal:
        assert text in joined, (text, result.out)


@pytest.fixture
def hcli(cli, hostile_db):
    def run(*args: str):
        return cli("--db", hostile_db, *args)

    return run


def test_cli_text_commands_show_hostile_text_literally(hcli, monkeypatch):
    assert_clean(
        hcli("log", "--limit", "100"),
        "[bold red]SQL[/]",
        "Claude [beta]",
        "Eve\\x1b[2J",
        "“:smile: Sam”",
        "#[/i]Mallory",
    )
    assert_clean(hcli("people"), *LITERAL, "Bidi\\u202egpj.exe")
    assert_clean(hcli("people", "[/i]Mallory"), "[/i]Mallory")
    assert_clean(hcli("status"), "Timer\\x1b]0;x\\x07[b]")
    assert_clean(hcli("status", "--prompt"), "Timer\\x1b]0;x\\x07[b]")
    assert_clean(hcli("review", "--month"), "[/i]Mallory", "Claude [beta]")
    assert_clean(hcli("insights"), "have not met [/i]Neglected\\x1b[2J")
    [insight] = [
        i for i in json.loads(hcli("insights", "--json").out) if i["id"] == "neglected-person"
    ]
    action = insight["actions"][0]["id"]
    assert_clean(hcli("act", action), "Neglected\\x1b[2J")
    assert_clean(hcli("intentions"), "Neglected\\x1b[2J")
    intention = json.loads(hcli("intentions", "--json").out)[0]["id"]
    assert_clean(hcli("done", intention), "Neglected\\x1b[2J")
    assert_clean(hcli("stop"), "Timer\\x1b]0;x\\x07[b]")
    assert_clean(hcli("start", "Claude [beta]"), "Timer started for Claude [beta]")
    assert_clean(hcli("stop"), "of Claude [beta] (unclassified)")
    assert_clean(hcli("ai", "Claude [beta]", "10m"), "Logged 10 min of Claude [beta]")
    assert_clean(hcli("ai", "C1\x9b31m\u202e", "10m"), "Logged 10 min of C1\\x9b31m\\u202e")
    assert_clean(hcli("met", "[/b] Bob, :smile: Sam", "10m"), "with [/b] Bob, :smile: Sam")
    logged = hcli("ai", "Claude", "5m", "--note", "x")
    entry_id = logged.out.split(" id ")[1].split()[0]
    assert_clean(hcli("edit", entry_id, "--note", "\x1b]0;pwned\x07 [b]n[/b]"), "Edited AI")
    assert_clean(hcli("edit", entry_id, "--tool", "[/i]Tool :smile:"), "[/i]Tool :smile:")
    assert_clean(hcli("delete", entry_id), "[/i]Tool :smile:")
    assert_clean(hcli("undo"))
    assert_clean(hcli("people", "[/b] Bob", "--relation", "mentor"), "[/b] Bob is now mentor.")
    monkeypatch.setattr(sys, "stdin", io.StringIO("s\n" * 10))
    assert_clean(hcli("classify"), TITLE)
    # Errors that quote what was given: one line, nothing raw.
    for args in (
        ["log", "--type", "x\x1b[2J\u202e"],
        ["people", "Nobody\x9b\x1b]0;t\x07"],
        ["log", "--person", "[/i]\x1b[2J"],
        ["ai", "Claude", "x\x9b\u202e"],
        ["nosuch\x1b[2J"],
    ):
        result = hcli(*args)
        assert result.code == 2 and len(result.err.splitlines()) == 1, args
        assert_clean(result)


def test_cli_json_stays_exact(hcli):
    result = hcli("log", "--json")
    assert result.code == 0 and not raw_controls(result.out)
    records = json.loads(result.out)
    tools = {r["tool"] for r in records if r["type"] == "ai_session"}
    notes = {r.get("note") for r in records}
    assert set(HOSTILE) <= tools and set(HOSTILE) <= notes
    people = json.loads(hcli("people", "--json").out)
    assert set(HOSTILE) <= {p["name"] for p in people}


# --- coach -------------------------------------------------------------------------------------


def test_coach_shows_a_hostile_summary_escaped(cli, tmp_path, hostile_db):
    path = tmp_path / "client.json"
    assert (
        cli("--db", hostile_db, "export", "--format", "json", "--real-names", "-o", str(path)).code
        == 0
    )
    document = json.loads(path.read_text())
    document["client"] = "\x1b]0;pwned\x07\x1b[2J[/i]Kim :smile:\u202e"
    for insight in document["insights"]:
        insight["severity"] = "act"
        insight["title"] = "\x1bc[bold]reset[/bold]\x9b2J"
    path.write_text(json.dumps(document))
    result = cli("coach", str(path))
    assert result.code == 0
    assert_clean(
        result,
        "Talk to \\x1b]0;pwned\\x07\\x1b[2J[/i]Kim :smile:\\u202e first.",
        "\\x1bc[bold]reset[/bold]\\x9b2J",
    )
    exact = cli("coach", str(path), "--json")
    assert not raw_controls(exact.out)
    assert json.loads(exact.out)[0]["client"] == document["client"]


def test_joiners_that_spell_words_and_emoji_are_kept():
    """ZWJ and ZWNJ drive no terminal; Persian words and emoji sequences need them as written."""
    from journal.textsafe import visible

    for text in ("👨\u200d👩\u200d👧", "می\u200cخواهم", "क्\u200dष"):
        assert visible(text) == text
    assert visible("Zo\u200bë") == "Zo\\u200bë"  # a zero-width space still shows
