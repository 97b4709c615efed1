"""TUI fixtures: a demo journal, and one 100,000-entry journal built once per session."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from journal import demo
from journal.store import JournalStore

TODAY = dt.date(2026, 11, 26)


def _built(path: str, **fill) -> str:
    """A demo journal written once per test session, under the pinned clock and zone."""
    import time

    old = {k: os.environ.get(k) for k in ("AIJOURNAL_NOW", "TZ")}
    os.environ["AIJOURNAL_NOW"], os.environ["TZ"] = "2026-11-26T15:00:00", "Europe/Berlin"
    time.tzset()
    try:
        with JournalStore.open(path) as store:
            demo.fill(store, persona="drifting", seed=7, today=TODAY, **fill)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        time.tzset()
    return path


@pytest.fixture(scope="session")
def demo_db_master(tmp_path_factory) -> str:
    return _built(str(tmp_path_factory.mktemp("demo") / "demo.db"), days=60)


@pytest.fixture
def demo_db(demo_db_master, db_path) -> str:
    """The drifting persona over 60 days, in the test's journal (a copy of one built once)."""
    shutil.copy(demo_db_master, db_path)
    os.chmod(db_path, 0o600)
    return db_path


@pytest.fixture(scope="session")
def big_db_master(tmp_path_factory) -> str:
    """Three years of a dense journal (~100,000 entries), built once with demo.fill's density."""
    return _built(str(tmp_path_factory.mktemp("big") / "big.db"), days=1095, density=52)


@pytest.fixture
def big_db(big_db_master, tmp_path) -> str:
    path = str(tmp_path / "big.db")
    shutil.copy(big_db_master, path)
    return path
