"""The layers hold: import-linter's contracts in pyproject.toml pass (faces -> service -> store
and reflect -> models; the TUI never imports the CLI; nothing below the faces imports a UI
library)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def lint_imports() -> str | None:
    beside = Path(sys.executable).with_name("lint-imports")
    return str(beside) if beside.exists() else shutil.which("lint-imports")


def test_the_import_contracts_hold():
    command = lint_imports()
    if command is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    # --no-cache: nothing is written into the checkout.
    done = subprocess.run(
        [command, "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
    for contract in (
        "Nothing below the faces imports a UI library",
        "The two faces are independent: the TUI never imports the CLI",
        "Data flows one way: faces -> service -> store and reflect -> models",
    ):
        assert f"{contract} KEPT" in done.stdout, done.stdout


def test_the_tui_shows_an_error_as_the_cli_does(tmp_path, capsys):
    """The TUI's launch reports a journal it cannot open as the one line the CLI prints."""
    from journal.tui import run

    not_a_journal = tmp_path / "notes.db"
    not_a_journal.write_bytes(b"plain text, not SQLite\n" * 10)
    assert run(str(not_a_journal)) == 2
    err = capsys.readouterr().err
    assert err.startswith("aijournal: ") and err.count("\n") == 1
    assert str(not_a_journal) in err
    assert "Traceback" not in err


def test_one_line_keeps_an_error_on_one_visible_line():
    from journal.errors import BadInput, one_line

    assert one_line(BadInput("tool 'a\nb\x1b[31m' is not accepted")) == (
        "tool 'a b\\x1b[31m' is not accepted"
    )
    long = one_line(BadInput("x" * 10_000))
    assert len(long) == 603 and " … " in long
