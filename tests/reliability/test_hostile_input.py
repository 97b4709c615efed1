"""Hostile input: random and nasty arguments to every command end in exit 0, or exit 2 with one
line on stderr; never a traceback; and a rejected call leaves the journal byte for byte as it was.

Calls `journal.cli.main([...])` in-process (the lean hot path and the Typer path both).
"""

from __future__ import annotations

import os
import shutil

import pytest
import relkit
from conftest import snapshot_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("AIJOURNAL_HYPOTHESIS", "12"))  # CI runs a deeper sweep (100)
CHECK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
TRIED: dict[str, int] = {}

SQL = [
    "'); DROP TABLE ai_session;--",
    "1; DELETE FROM energy",
    "' OR '1'='1",
    "%",
    "_",
    "--",
    '"; --',
    "x' UNION SELECT * FROM meta --",
    "NULL",
    "0x00",
]
NASTY = SQL + [
    "",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\x00",
    "\x1b[31mred",
    "\x7f",
    "\u202eevil",
    "🙂",
    "Zoë",
    "O'Brien",
    "\udcff",
    "\ufeff",
    "ǅ",
    "İ",
    "ß",
    "a,b,,c",
    "#tag",
    "-",
    "-x",
    "--",
    "--help",
    "nan",
    "inf",
    "-1",
    "0",
    "1e9",
    "99999999999999999999",
]
BIG = st.sampled_from(["a", "é", "🙂", "'", "\x00", "1", " "]).flatmap(
    lambda ch: st.sampled_from([ch * 201, ch * 10_001, ch * 1_000_000])
)


def hostile(*extra: str) -> st.SearchStrategy[str]:
    """Free text from the worst of the keyboard (and beyond), with sensible values mixed in."""
    return st.one_of(
        st.sampled_from(NASTY + list(extra)),
        st.text(max_size=40),
        st.text(max_size=8),
        st.sampled_from(list(extra) or NASTY),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
        BIG,
    )


DURATION = st.one_of(
    hostile(
        "45",
        "45m",
        "1h",
        "1h30",
        "1.5h",
        "1440",
        "1441",
        "0",
        "0m",
        "24h",
        "25h",
        ".5h",
        "1h60",
        "1h-5",
        "١٢",
        "½h",
        "1.5",
        "1..5h",
    ),
    st.integers(-(10**6), 10**12).map(str),
    st.floats(allow_nan=True).map(lambda f: f"{f}h"),
)
WHEN = st.one_of(
    hostile(
        "today",
        "yesterday",
        "14:30",
        "yesterday 15:00",
        "mon",
        "sunday",
        "3 days ago",
        "3d ago",
        "2026-11-20",
        "2026-11-20T14:30",
        "2026-11-27",
        "2026-02-30",
        "0001-01-01",
        "9999-12-31T23:59",
        "25:00",
        "12pm",
        "0am",
        "2026-11-20T14:30+14:00",
        "99999 days ago",
        "1 week ago",
        "nov 3",
        "10000-01-01",
        "2026-11-26T15:01",
    ),
    st.datetimes().map(lambda d: d.isoformat()),
)
LEVEL = st.one_of(
    hostile("1", "5", "3", "0", "6", " 3 ", "+3", "3.0", "٣"),
    st.integers(-(10**20), 10**20).map(str),
)
CHOICE = hostile(
    "learn",
    "augment",
    "aug",
    "automate",
    "companion",
    "unclassified",
    "mentoring",
    "feedback",
    "meeting",
    "in_person",
    "in-person",
    "video",
    "chat",
    "a",
    "LEARN",
)
IDS = hostile("0000", "abcd", "ABCD", "zzzz", "deadbeef", "0" * 32, "1234567890abcdef" * 3)


def opt(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Zero or one `--name VALUE` (sometimes `--name=VALUE`)."""
    return st.one_of(
        st.just([]), values.map(lambda v: [name, v]), values.map(lambda v: [f"{name}={v}"])
    )


def flag(name: str) -> st.SearchStrategy[list[str]]:
    return st.sampled_from([[], [name]])


def command(head: list[str], *parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return (
        st.tuples(*parts).map(lambda groups: head + [w for g in groups for w in g])
        if parts
        else st.just(head)
    )


def positional(values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return values.map(lambda v: [v])


COMMANDS = {
    "ai": command(
        ["ai"],
        positional(hostile("Claude", "ChatGPT")),
        positional(DURATION),
        opt("--purpose", CHOICE),
        flag("--instead-of-person"),
        opt("--skill", hostile()),
        opt("--at", WHEN),
        opt("--note", hostile()),
        opt("--tag", hostile()),
        opt("--tag", hostile()),
    ),
    "met": command(
        ["met"],
        positional(hostile("Sam", "Sam, Priya", " , ", "O'Brien, Zoë")),
        positional(DURATION),
        opt("--kind", CHOICE),
        opt("--channel", CHOICE),
        opt("--quality", LEVEL),
        flag("--initiated"),
        opt("--at", WHEN),
        opt("--note", hostile()),
        opt("--tag", hostile()),
    ),
    "energy": command(["energy"], positional(LEVEL), opt("--at", WHEN), opt("--note", hostile())),
    "checkin": command(
        ["checkin"],
        opt("--trust-ai", LEVEL),
        opt("--trust-team", LEVEL),
        opt("--connection", LEVEL),
        opt("--day", WHEN),
        opt("--note", hostile()),
    ),
    "who5": command(["who5"], st.lists(LEVEL, max_size=7), opt("--day", WHEN), flag("--json")),
    "log": command(
        ["log"],
        opt("--since", WHEN),
        opt("--until", WHEN),
        opt("--type", hostile("ai", "met", "energy", "checkin", "who5", "ai,met")),
        opt("--person", hostile("Sam", "sam")),
        opt("--tag", hostile("x")),
        opt("--limit", LEVEL),
        flag("--json"),
    ),
    "edit": command(
        ["edit"],
        positional(IDS),
        opt("--tool", hostile()),
        opt("--duration", DURATION),
        opt("--purpose", CHOICE),
        opt("--at", WHEN),
        opt("--note", hostile()),
        opt("--tag", hostile()),
        opt("--people", hostile()),
        opt("--quality", LEVEL),
        opt("--level", LEVEL),
    ),
    "delete": command(["delete"], positional(IDS)),
    "people": command(
        ["people"],
        st.one_of(st.just([]), positional(hostile("Sam"))),
        opt("--relation", hostile("mentor", "peer", "men")),
        flag("--json"),
    ),
    "start": command(["start"], positional(hostile("Claude")), opt("--purpose", CHOICE)),
    "stop": command(["stop"], opt("--note", hostile())),
    "status": command(["status"], flag("--prompt"), flag("--json")),
    "demo": command(
        ["demo"],
        opt("--persona", hostile("drifting", "free")),
        opt("--days", LEVEL),
        opt("--seed", LEVEL),
    ),
}
ANY_WORDS = st.lists(
    hostile("--json", "--at", "--note", "ai", "met", "log", "--purpose"), max_size=6
)


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    print(f"\nhostile calls tried: {sum(TRIED.values())} {TRIED} (shown with pytest -s)")


@pytest.fixture(scope="module")
def journal_master(tmp_path_factory) -> list[str]:
    """Where the module's first test leaves the journal it built (built under that test's pinned
    clock and zone, the same for every test), for the others to copy."""
    return [str(tmp_path_factory.mktemp("hostile") / "master.db")]


@pytest.fixture
def journal(tmp_path, monkeypatch, journal_master):
    """A journal with a few entries of each kind, written by the console script once per module
    and copied; the working folder is a scratch one."""
    path = str(tmp_path / "journal.db")
    monkeypatch.chdir(tmp_path)
    master = journal_master[0]
    if not os.path.exists(master):
        for args in (
            ["ai", "Claude", "30m", "--purpose", "learn", "--tag", "x"],
            ["met", "Sam, Priya", "20m", "--kind", "feedback"],
            ["energy", "3"],
            ["checkin", "--trust-ai", "4", "--trust-team", "2"],
            ["who5", "3", "3", "3", "3", "3"],
        ):
            relkit.run_ok("--db", master, *args)
    shutil.copy(master, path)
    os.chmod(path, 0o600)
    return path


def run_checked(capsys, path: str, args: list[str], name: str) -> int:
    """One in-process call with all the guarantees asserted."""
    if any(a.startswith("--db") for a in args):  # would point the call at another file
        return 0
    TRIED[name] = TRIED.get(name, 0) + 1
    before = snapshot_files(path)
    capsys.readouterr()
    try:
        code = relkit.cli_main(["--db", path, *args])
    except SystemExit as exc:  # pragma: no cover - a failure, reported below
        raise AssertionError(f"{args!r} raised SystemExit({exc.code}), not a return") from exc
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out, (args, err)
    if code == 0:
        return code
    assert code == 2, (args[:3], code, err[:300])
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("aijournal: "), (args[:3], err[:500])
    assert len(lines[0]) < 1000
    assert snapshot_files(path) == before, f"rejected call {args[:4]!r} changed the journal"
    return code


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_survives_hostile_arguments(journal, capsys, name):
    @CHECK
    @given(args=COMMANDS[name])
    def check(args: list[str]) -> None:
        run_checked(capsys, journal, args, name)

    check()
    # Hypothesis really ran (a strategy that filtered everything out would prove nothing).
    assert TRIED.get(name, 0) >= (4 if name == "status" else EXAMPLES // 2)


@CHECK
@given(head=st.sampled_from(sorted(COMMANDS) + ["undo", "backup", "nope", ""]), words=ANY_WORDS)
def test_any_words_after_any_command(journal, capsys, head, words):
    args = [head, *words] if head else words
    if head == "undo" or not args:  # undo may exit 1 (nothing to undo); no args opens the TUI
        return
    if head == "backup":
        args = [
            "backup",
            os.path.join(os.path.dirname(journal), "b", *(w.replace("/", "_") for w in words[:1])),
        ]
    run_checked(capsys, journal, args, "any")


def test_sql_fragments_are_stored_as_text(journal, cli):
    """The fragments are data: the tables they name are still there and the text comes back."""
    for fragment in SQL:
        result = cli(
            "--db",
            journal,
            "ai",
            "Claude",
            "5m",
            "--note",
            fragment,
            "--skill",
            fragment[:200] or "x",
        )
        assert result.code == 0, result.err
    import json

    listed = json.loads(cli("--db", journal, "log", "--json", "--type", "ai").out)
    notes = [e["note"] for e in listed]
    for fragment in SQL:
        assert fragment.strip() in notes
    assert relkit.integrity(journal) == "ok"
