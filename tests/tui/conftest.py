"""TUI fixtures: a demo journal, and one 100,000-entry journal built once per session."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from journal import demo
from journal.store import JournalStore

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def demo_db(db_path) -> str:
    """The drifting persona over 60 days, in the test's journal."""
    with JournalStore.open(db_path) as store:
        demo.fill(store, persona="drifting", days=60, seed=7, today=TODAY)
    return db_path


@pytest.fixture(scope="session")
def big_db_master(tmp_path_factory) -> str:
    """Three years of a dense journal (~100,000 entries), built once with demo.fill's density."""
    import time

    path = str(tmp_path_factory.mktemp("big") / "big.db")
    old = {k: os.environ.get(k) for k in ("AIJOURNAL_NOW", "TZ")}
    os.environ["AIJOURNAL_NOW"], os.environ["TZ"] = "2026-11-26T15:00:00", "Europe/Berlin"
    time.tzset()
    try:
        with JournalStore.open(path) as store:
            demo.fill(store, persona="drifting", days=1095, seed=7, today=TODAY, density=52)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        time.tzset()
    return path


@pytest.fixture
def big_db(big_db_master, tmp_path) -> str:
    path = str(tmp_path / "big.db")
    shutil.copy(big_db_master, path)
    return path
