"""Where the journal lives: --db, then AIJOURNAL_DB, then the platform's user data dir."""

from __future__ import annotations

import os
import sys

import platformdirs
import pytest

from journal import paths
from journal.errors import NotAJournal

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule")


@linux_only
def test_user_data_dir_agrees_with_platformdirs_with_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.user_data_dir() == platformdirs.user_data_dir("aijournal", appauthor=False)
    assert paths.user_data_dir() == str(tmp_path / "xdg" / "aijournal")


@linux_only
@pytest.mark.parametrize("xdg", [None, ""])
def test_user_data_dir_agrees_with_platformdirs_without_xdg(monkeypatch, tmp_path, xdg):
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert paths.user_data_dir() == platformdirs.user_data_dir("aijournal", appauthor=False)
    assert paths.user_data_dir() == os.path.join(
        str(tmp_path / "home"), ".local", "share", "aijournal"
    )


def test_resolution_order(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AIJOURNAL_DB", str(tmp_path / "env.db"))
    assert paths.resolve_db("given.db") == str(tmp_path / "given.db")
    assert paths.resolve_db("~/x.db") == str(tmp_path / "home" / "x.db")
    assert paths.resolve_db(None) == str(tmp_path / "env.db")
    monkeypatch.delenv("AIJOURNAL_DB")
    assert paths.resolve_db(None) == os.path.join(paths.user_data_dir(), "journal.db")
    assert paths.demo_db() == os.path.join(paths.user_data_dir(), "demo.db")


@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_db_option_is_refused(empty):
    with pytest.raises(NotAJournal, match="empty"):
        paths.resolve_db(empty)


def test_paths_does_not_import_platformdirs_on_linux():
    import subprocess

    code = (
        "import sys; from journal import paths; paths.resolve_db(None); "
        "print('platformdirs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ("False" if sys.platform.startswith("linux") else "True")
