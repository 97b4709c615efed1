"""Start-up speedups that reach past Textual's public API, kept in one place.

Each was measured on Textual 8.2.8 (pyproject bounds it: textual>=8.2,<9, so an upgrade is a
decision: re-run `python bench/tui_first_frame.py` and drop any that no longer pays). With all
three in place, and Today composed whole with its day (journal.tui.screens.today), that bench
printed on the 2-core dev machine (99,188-entry journal):

    whole process  empty 219.5 ms   aijournal 284.4 ms   ratio 1.30x   (Today filled 284.4 ms)
    headless       empty  17.1 ms   aijournal  97.2 ms   ratio 5.67x   (Today filled 97.2 ms)

(target ratio <= 1.5x). Each one saves a full parse of the stylesheet on the way to the first
frame; the figures per speedup were not re-measured one by one when they were gathered here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App


def preset_theme(app: App[Any], name: str) -> None:
    """Set the app's theme in __init__ without its watcher (Textual 8.2.8: `set_reactive` and
    `stylesheet.set_variables`). The watcher would parse the whole stylesheet again; the
    stylesheet, not parsed yet, takes the theme's variables now and uses them on its first
    parse. Bench: the first-frame line above (headless ratio 1.13x)."""
    app.set_reactive(App.theme, name)
    app.update_classes({"-theme-textual-dark": False, f"-theme-{name}": True}, update=False)
    app.stylesheet.set_variables(app.get_css_variables())


def apply_styles_only(app: App[Any], *, animate: bool) -> None:
    """Apply the parsed stylesheet without parsing it again (Textual 8.2.8: App.refresh_css
    re-parses, `stylesheet.update` only applies). For the CSS refresh Textual makes while the
    first tab mounts, with the variables unchanged. Bench: the first-frame line above."""
    app.stylesheet.update(app, animate=animate)


def add_stylesheet(app: App[Any], path: Path) -> None:
    """Add one .tcss file to the app's stylesheet, once, before the widgets it styles mount
    (Textual 8.2.8: `stylesheet.has_source` / `add_source`; only this source is parsed, the
    others stay in the stylesheet's cache). For a screen not built from MODES, whose
    CSS_PATH Textual does not read. Bench: "Today filled" in the line above."""
    stylesheet = app.stylesheet
    if not stylesheet.has_source(str(path)):
        stylesheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""))
