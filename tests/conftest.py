"""Shared fixtures: each test gets its own journal path and home, a fixed zone, a pinned now."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import settings

from journal.cli import main as cli_main
from journal.cli.common import DB_OPTION
from journal.store import JournalStore

PINNED_NOW = "2026-11-26T15:00:00"  # a Thursday

# Hypothesis runs the same examples on every run ("ci", the default), so a red run is replayed by
# running it again; HYPOTHESIS_PROFILE=explore draws new examples and remembers failing ones in
# .hypothesis/ to hunt for bugs by hand.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch) -> Iterator[None]:
    """Keep the user's real home and journal out of every test; pin zone and clock."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # sync's sources
    monkeypatch.delenv("AIJOURNAL_CONFIG", raising=False)
    monkeypatch.setenv("AIJOURNAL_DB", str(tmp_path / "journal.db"))
    monkeypatch.setenv("AIJOURNAL_NOW", PINNED_NOW)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    DB_OPTION["path"] = None
    yield
    DB_OPTION["path"] = None
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.fixture
def db_path(tmp_path) -> str:
    return str(tmp_path / "journal.db")


@pytest.fixture
def store(db_path) -> Iterator[JournalStore]:
    with JournalStore.open(db_path) as opened:
        yield opened


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """Run `aijournal ARGS...` in-process; returns code, stdout and stderr."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = cli_main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def file_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def snapshot_files(path: str) -> dict[str, bytes]:
    """The database and its WAL, byte for byte (to prove a rejected call wrote nothing)."""
    return {
        suffix: file_bytes(path + suffix)
        for suffix in ("", "-wal")
        if os.path.exists(path + suffix)
    }
