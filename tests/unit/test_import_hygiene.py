"""The core never imports Textual, and the quick-add path imports only what it uses.

Each check runs in a fresh interpreter: sys.modules of the test process is full of everything.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

CORE = [
    "journal.models",
    "journal.store",
    "journal.service",
    "journal.parse",
    "journal.rows",
    "journal.demo",
    "journal.report",
    "journal.reflect",
    "journal.export",
    "journal.profile",
]
HEAVY = ["textual", "typer", "sqlite_utils", "rich", "click", "dateutil"]


def loaded_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """Top-level package names in sys.modules after running `code` in a new interpreter."""
    probe = (
        code + "\nimport sys, json\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("module", CORE)
def test_the_core_does_not_import_textual(module):
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not there yet")
    loaded = loaded_after(f"import {module}")
    assert "textual" not in loaded
    if module in ("journal.models", "journal.store", "journal.service", "journal.parse"):
        assert not loaded & {"typer", "click", "rich"}, module


def quick_add_env(db_path: str) -> dict[str, str]:
    """An existing journal (creating one is a first-run cost: it loads sqlite-utils)."""
    import os

    from journal.store import JournalStore

    JournalStore.open(db_path).close()
    return {**os.environ, "AIJOURNAL_DB": db_path}


@pytest.mark.parametrize(
    "args",
    [
        ["ai", "Claude", "30m"],
        ["ai", "Claude", "1h30", "--purpose", "learn", "--at", "yesterday 15:00", "--tag", "x"],
        ["met", "Sam, Priya", "20m", "--kind", "feedback", "--at", "mon"],
        ["energy", "3", "--at", "2026-11-25T09:30"],
        ["status", "--prompt"],
        ["status", "--json"],
        ["report", "--month", "--by", "skill", "--json"],
        ["report", "last week", "--by", "tool", "--by", "purpose"],
        ["report", "--since", "last friday", "--by", "person", "--csv"],
    ],
)
def test_the_hot_path_stays_lean(tmp_path, args):
    db = str(tmp_path / "j.db")
    code = f"from journal.cli import main\nassert main(['--db', {db!r}, *{args!r}]) == 0"
    loaded = loaded_after(code, quick_add_env(db))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    assert "platformdirs" not in loaded and "journal" in loaded


@pytest.mark.parametrize(
    "args", [["profile", "--json"], ["pause", "--list", "--json"], ["mute", "--list"]]
)
def test_profile_pause_and_mute_never_load_textual(tmp_path, args):
    db = str(tmp_path / "j.db")
    code = f"from journal.cli import main\nassert main(['--db', {db!r}, *{args!r}]) == 0"
    assert "textual" not in loaded_after(code, quick_add_env(db))


@pytest.mark.parametrize("when", ["Nov 20", "20 November 2026 10am"])
def test_dateutil_only_for_a_when_of_another_form(tmp_path, when):
    db = str(tmp_path / "j.db")
    args = ["--db", db, "ai", "Claude", "30m", "--at", when]
    code = f"from journal.cli import main\nassert main({args!r}) == 0"
    loaded = loaded_after(code, quick_add_env(db))
    assert "dateutil" in loaded
    assert not loaded & {"textual", "typer", "sqlite_utils", "rich", "click"}


def test_the_quick_add_module_set_is_small(tmp_path):
    """Everything the quick-add loads beyond a bare interpreter (a guard against creep)."""
    db = str(tmp_path / "j.db")
    base = loaded_after("pass")
    code = f"from journal.cli import main\nmain(['--db', {db!r}, 'ai', 'Claude', '30m'])"
    used = loaded_after(code, quick_add_env(db))
    assert used - base <= {
        "journal",
        "sqlite3",
        "_sqlite3",
        "datetime",
        "_datetime",
        "math",
        "json",
        "_json",
        "collections",
        "itertools",
        "keyword",
        "operator",
        "_operator",
        "reprlib",
        "functools",
        "_functools",
        "time",
        "_collections",
        "heapq",
        "_heapq",
        "_weakrefset",
        "weakref",
    }, sorted(used - base)
