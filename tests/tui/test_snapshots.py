"""SVG snapshots of every screenshot scene (journal/tui/screenshots.py): a visual change is a diff
of tests/tui/__snapshots__/*.svg, reviewed like code.

After a change meant to show, rewrite the snapshots with

    SNAPSHOT_UPDATE=1 pytest -m slow tests/tui/test_snapshots.py

(the scenes are marked `slow`; .ci/run runs them) and review `git diff tests/tui/__snapshots__`
(each file opens in a browser).

pytest-textual-snapshot is not used: its only release pins syrupy 4.8, which needs pytest < 9.
"""

from __future__ import annotations

import asyncio
import difflib
import html
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from journal.tui.screenshots import NOW, SCENES, ZONE, Scene, build_demo, shoot

SNAPSHOTS = Path(__file__).parent / "__snapshots__"
UPDATE = os.environ.get("SNAPSHOT_UPDATE") == "1"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> str:
    """The demo journal, built once per module (and per xdist worker); each scene gets a copy."""
    path = str(tmp_path_factory.mktemp("snapshots") / "demo.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AIJOURNAL_NOW", NOW)
        patch.setenv("TZ", ZONE)
        time.tzset()
        build_demo(path)
    time.tzset()
    return path


@pytest.fixture
def pinned(monkeypatch) -> None:
    monkeypatch.setenv("AIJOURNAL_NOW", NOW)
    monkeypatch.setenv("TZ", ZONE)
    time.tzset()


def screen_rows(svg: str) -> list[str]:
    """The text of the frame, one string per terminal row (to show what a difference is)."""
    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text [^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(y), []).append(html.unescape(text).replace("\xa0", " "))
    return ["".join(parts).rstrip() for _, parts in sorted(rows.items())]


@pytest.mark.slow  # 18 whole-app renders: .ci/run runs them after the README command
@pytest.mark.parametrize("scene", SCENES, ids=[scene.name for scene in SCENES])
def test_scene_matches_its_snapshot(scene: Scene, demo_template, tmp_path, pinned):
    db = str(tmp_path / "journal.db")
    if not scene.empty:
        shutil.copy(demo_template, db)
    svg = asyncio.run(shoot(scene, db, simplify=True))
    assert str(tmp_path) not in svg  # no path of this run in the frame
    snapshot = SNAPSHOTS / f"{scene.name}.svg"
    if UPDATE:
        snapshot.write_text(svg, encoding="utf-8")
        return
    assert snapshot.exists(), f"no snapshot {snapshot.name}: run with SNAPSHOT_UPDATE=1"
    expected = snapshot.read_text(encoding="utf-8")
    if svg != expected:
        received = tmp_path / snapshot.name
        received.write_text(svg, encoding="utf-8")
        text = "\n".join(
            difflib.unified_diff(
                screen_rows(expected), screen_rows(svg), "snapshot", "now", n=0, lineterm=""
            )
        )
        pytest.fail(
            f"{scene.name} differs from tests/tui/__snapshots__/{snapshot.name} "
            f"(the new frame: {received}).\n"
            f"{text or 'The text is the same; colours or styles differ.'}\n"
            "If the change is meant, rerun with SNAPSHOT_UPDATE=1 and review the diff.",
            pytrace=False,
        )


def test_every_snapshot_belongs_to_a_scene():
    assert sorted(path.stem for path in SNAPSHOTS.glob("*.svg")) == sorted(
        scene.name for scene in SCENES
    )
