"""Shell completion completes: a Tab never opens the app nor writes; it offers commands, options,
choices, and the tools and people of the journal, in bash, zsh and fish.

Driven the way the scripts from `aijournal --show-completion SHELL` (Typer's) call the program:
`_AIJOURNAL_COMPLETE=complete_bash` with COMP_WORDS and COMP_CWORD; `complete_zsh` and
`complete_fish` (with `_TYPER_COMPLETE_FISH_ACTION=get-args`) with the line so far in
`_TYPER_COMPLETE_ARGS`; and no command-line arguments at all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journal import vocab
from tests.conftest import snapshot_files

SCRIPT = Path(sys.executable).parent / "aijournal"
SHELLS = ["bash", "zsh", "fish"]


def completion_env(shell: str, line: str) -> dict[str, str]:
    """What the shell's completion script puts in the environment for `line` (cursor at end)."""
    env = {"_AIJOURNAL_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env["COMP_WORDS"] = line
        env["COMP_CWORD"] = str(len(line.split(" ")) - 1)
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return env


def candidates(shell: str, out: str) -> list[str]:
    """The values a shell would offer, from what the program printed."""
    if shell == "zsh":
        if out.strip() in ("", "_files"):
            return []
        body = out.strip().removeprefix("_arguments '*: :((").removesuffix("))'")
        values = [re.match(r'"((?:[^"]|"")*)"', line) for line in body.splitlines()]
        return [m.group(1).replace('""', '"').replace("\\\\:", ":") for m in values if m]
    return [line.split("\t")[0] for line in out.splitlines() if line]


@pytest.fixture
def journal(cli, db_path):
    for args in (
        ["met", "Priya", "30m"],
        ["met", "Sam, Pradeep", "1h"],
        ["ai", "Claude", "1h"],
        ["ai", "ChatGPT", "20m"],
        ["ai", "Claude", "10m"],
        ["energy", "3"],
    ):
        assert cli(*args).code == 0
    return db_path


@pytest.fixture
def tab(capsys, monkeypatch):
    """Press Tab in-process: returns (exit code, candidates). Opening the app fails the test."""
    from journal.cli import app, main

    def no_app() -> int:
        raise AssertionError("completion opened the full-screen app")

    monkeypatch.setattr(app, "run_tui", no_app)

    def press(shell: str, line: str) -> tuple[int, list[str]]:
        with monkeypatch.context() as env:
            for key, value in completion_env(shell, line).items():
                env.setenv(key, value)
            capsys.readouterr()
            code = main([])
            out, err = capsys.readouterr()
        assert err == "" and "\x1b" not in out, (out, err)
        return code, candidates(shell, out)

    return press


CASES = [
    ("aijournal met Pr", ["Pradeep", "Priya"]),
    ("aijournal met pri", ["Priya"]),
    ("aijournal met Sam,Pr", ["Sam,Pradeep", "Sam,Priya"]),
    ("aijournal ai Cl", ["Claude"]),
    ("aijournal ai ", ["Claude", "ChatGPT"]),  # most used first
    ("aijournal start C", ["Claude", "ChatGPT"]),
    ("aijournal log --person S", ["Sam"]),
    ("aijournal me", ["met"]),
    ("aijournal ai Claude 45m --purpose a", ["augment", "automate"]),
    ("aijournal ai Claude 45m --purpose ", list(vocab.PURPOSES)),
    ("aijournal met Sam 30m --kind m", ["mentoring", "meeting"]),
    ("aijournal met Sam 30m --channel ", list(vocab.CHANNELS)),
    ("aijournal people Sam --relation m", ["manager", "mentor"]),
    ("aijournal export --format j", ["json", "jsonl"]),
    ("aijournal log --type ", ["ai", "met", "energy", "checkin", "who5"]),
    ("aijournal report --by p", ["purpose", "person"]),
    ("aijournal log --tool c", ["Claude", "ChatGPT"]),
]


@pytest.mark.parametrize("shell", SHELLS)
def test_tab_completes_names_choices_and_commands(journal, tab, shell):
    before = snapshot_files(journal)
    for line, expected in CASES:
        code, offered = tab(shell, line)
        assert code == 0 and offered == expected, (line, offered)
    code, offered = tab(shell, "aijournal ai Claude 45m --")
    assert code == 0 and {"--purpose", "--skill", "--at", "--note", "--tag"} <= set(offered)
    code, offered = tab(shell, "aijournal ")
    assert code == 0 and {
        "ai",
        "met",
        "energy",
        "status",
        "log",
        "export",
        "backup",
        "insights",
    } <= set(offered)
    assert snapshot_files(journal) == before


def test_the_db_on_the_line_is_the_one_completed_from(cli, journal, tab, tmp_path):
    other = str(tmp_path / "other.db")
    assert cli("--db", other, "met", "Zoë", "10m").code == 0
    for line in (
        f"aijournal --db {other} met Z",
        f"aijournal met --db {other} Z",
        f"aijournal --db={other} met Z",
    ):
        assert tab("bash", line) == (0, ["Zoë"]), line
    assert tab("bash", "aijournal met Z") == (0, [])


def test_without_a_journal_names_complete_nothing_and_nothing_is_created(
    tab, tmp_path, monkeypatch
):
    db = tmp_path / "new" / "journal.db"
    monkeypatch.setenv("AIJOURNAL_DB", str(db))
    for shell in SHELLS:
        assert tab(shell, "aijournal met P") == (0, [])
        code, offered = tab(shell, "aijournal ")
        assert code == 0 and "met" in offered
    assert not os.path.lexists(db.parent)
    assert tab("bash", f"aijournal --db {tmp_path} met P") == (0, [])  # a folder: nothing


# --- the real console script, as the shells run it ---------------------------------------------


def run_completion(shell: str, line: str, **extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TERM": "xterm-256color", **completion_env(shell, line), **extra}
    try:
        return subprocess.run(
            [str(SCRIPT)],
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{shell} completion of {line!r} did not return (the app opened?)")


@pytest.mark.skipif(not SCRIPT.exists(), reason="the package is not installed in this venv")
@pytest.mark.parametrize(
    ("shell", "line", "expected"),
    [
        ("bash", "aijournal met Pr", ["Pradeep", "Priya"]),
        ("zsh", "aijournal ai Cl", ["Claude"]),
        ("fish", "aijournal met Sam 30m --kind f", ["feedback"]),
    ],
)
def test_the_console_script_completes(journal, shell, line, expected):
    before = snapshot_files(journal)
    done = run_completion(shell, line)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert "\x1b" not in done.stdout
    assert candidates(shell, done.stdout) == expected
    assert snapshot_files(journal) == before


@pytest.mark.skipif(not SCRIPT.exists(), reason="the package is not installed in this venv")
def test_the_console_script_creates_no_journal(tmp_path):
    db = tmp_path / "absent" / "journal.db"
    done = run_completion("bash", "aijournal met P", AIJOURNAL_DB=str(db))
    assert done.returncode == 0 and done.stdout.strip() == "" and done.stderr == ""
    assert not os.path.lexists(db.parent)


@pytest.mark.skipif(
    not SCRIPT.exists() or shutil.which("bash") is None or not hasattr(os, "fork"),
    reason="needs bash, a pty and the console script",
)
def test_tab_in_an_interactive_bash(journal, tmp_path):
    """A real interactive bash on a terminal, with the script `aijournal --show-completion bash`
    prints loaded: Tab rewrites the line, and nothing full-screen appears."""
    import pty
    import select
    import signal
    import time

    env = {
        **os.environ,
        "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "TERM": "xterm-256color",
        "PS1": "$ ",
    }
    shown = subprocess.run(
        [str(SCRIPT), "--show-completion", "bash"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.returncode == 0 and "complete -o default -F" in shown.stdout, shown.stderr
    script = tmp_path / "aijournal.bash"
    script.write_text(shown.stdout)
    before = snapshot_files(journal)
    pid, fd = pty.fork()
    if pid == 0:  # the child: an interactive bash without the user's rc files
        os.execvpe("bash", ["bash", "--norc", "--noprofile", "-i"], env)

    def until(expected: str, seconds: float = 30) -> str:
        seen, end = b"", time.monotonic() + seconds
        while expected.encode() not in seen and time.monotonic() < end:
            if select.select([fd], [], [], 0.2)[0]:
                try:
                    seen += os.read(fd, 4096)
                except OSError:
                    break
        return seen.decode(errors="replace")

    try:
        os.write(fd, f"source {script}; echo loaded\n".encode())
        until("loaded\r\n")
        for typed, completed in [
            ("aijournal met Pri", "aijournal met Priya "),
            ("aijournal ai Cl", "aijournal ai Claude "),
            ("aijournal ene", "aijournal energy "),
        ]:
            os.write(fd, f"{typed}\t".encode())
            screen = until(completed)
            assert completed in screen, (typed, screen)
            assert "\x1b[?1049h" not in screen  # the app's full screen never appears
            os.write(fd, b"\x15")  # Ctrl-U: clear the line, never run it
    finally:
        os.killpg(pid, signal.SIGKILL)
        os.close(fd)
        os.waitpid(pid, 0)
    assert snapshot_files(journal) == before
