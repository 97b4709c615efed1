"""One line on Today while an experiment runs ("day 4 of 14 — today is an ON day"), hidden
otherwise. It reads on its own, in a worker, when its screen asks (`reload`): once the first
frame is on screen, and whenever the screen reloads."""

from __future__ import annotations

from textual import work
from textual.widgets import Static

from journal.clock import now
from journal.richtext import plain


class ExperimentLine(Static):
    DEFAULT_CSS = """
    ExperimentLine {
        height: 1;
        padding: 0 1;
        color: $secondary;
        display: none;
    }
    """

    def reload(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="experiment-line")
    def _read(self) -> None:
        from journal import experiments

        today = now().date()
        with self.app.reader() as store:  # type: ignore[attr-defined]  # JournalApp
            line = experiments.prompt_line(experiments.running(store), today)
        self.app.call_from_thread(self._show, line)

    def _show(self, line: str | None) -> None:
        self.display = line is not None
        if line is not None:
            self.update(plain(("Experiment", "bold"), line.removeprefix("Experiment")))
