"""Dashboard: 4–12 weeks at a glance, and a year of energy or connection in pixels."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Sparkline, Static

from journal import dashboard, views
from journal.clock import now
from journal.metrics import AUGMENTATION_BENCHMARK_PERCENT as BENCHMARK_PERCENT
from journal.tui import format as fmt
from journal.tui.screens.base import JournalScreen
from journal.tui.text import DASH_EMPTY
from journal.tui.widgets import dashcharts
from journal.tui.widgets.charts import Chart, Painter

WEEK_CHOICES = (4, 8, 12)
WIDE = 110


class DashboardScreen(JournalScreen):
    TAB = "dashboard"
    CSS_PATH = "dashboard.tcss"
    BINDINGS = [Binding("w", "weeks", "4/8/12 weeks"), Binding("h", "heat", "Energy/connection")]

    @dataclass
    class Built(Message):
        board: dashboard.Dashboard

    def __init__(self) -> None:
        super().__init__()
        self.weeks = 8
        self.heat_metric = "energy"
        self.board: dashboard.Dashboard | None = None

    def body(self) -> ComposeResult:
        with VerticalScroll(id="dash-scroll"):
            yield Static("", id="dash-head")
            with Grid(id="dash-grid"):
                yield self._panel(
                    "AI minutes by purpose, per week", "chart-ai", dashcharts.ai_by_purpose
                )
                yield self._panel(
                    "Time with people, per week", "chart-people", dashcharts.people_minutes
                )
                yield self._panel(
                    f"Augmentation share (reference point {BENCHMARK_PERCENT} %)",
                    "chart-share",
                    dashcharts.share_vs_benchmark,
                )
                yield self._panel("Trust: AI vs your team", "chart-trust", dashcharts.trust)
                with Vertical(classes="panel wide", id="panel-energy") as energy:
                    energy.border_title = "Energy, daily"
                    yield Static("", id="energy-label")
                    yield Sparkline([], id="energy-spark")
                yield self._panel(
                    "Year in pixels: energy", "chart-heat", dashcharts.heatmap, wide=True
                )

    def _panel(
        self, title: str, chart_id: str, painter: Painter, *, wide: bool = False
    ) -> Vertical:
        panel = Vertical(
            Chart(painter, id=chart_id),
            classes="panel" + (" wide" if wide else ""),
            id=f"panel-{chart_id.removeprefix('chart-')}",
        )
        panel.border_title = title
        return panel

    def width_changed(self) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")

    def on_mount(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    # --- data ----------------------------------------------------------------------------------

    def load(self) -> None:
        self._read(self.weeks, self.heat_metric)

    @work(thread=True, exclusive=True, group="dashboard")
    def _read(self, weeks: int, metric: str) -> None:
        with self.journal.reader() as store:
            board = views.board(store, as_of=now().date(), weeks=weeks, heat_metric=metric)
        self.post_message(self.Built(board))

    def on_dashboard_screen_built(self, message: Built) -> None:
        board = self.board = message.board
        self.query_one("#dash-head", Static).update(self._headline(board))
        self.query_one("#dash-grid").display = not board.empty
        for chart in self.query(Chart):
            chart.show(board)
        metric = "energy (daily mean)" if board.heat_metric == "energy" else "connection (check-in)"
        self.query_one("#panel-heat").border_title = f"Year in pixels: {metric}  [dim]h switches[/]"
        values = [v for v in board.energy_days if v is not None]
        self.query_one("#energy-spark", Sparkline).data = values or [0]
        if values:
            first_week = next((w.energy for w in board.weeks if w.energy is not None), None)
            last_week = next(
                (w.energy for w in reversed(board.weeks) if w.energy is not None), None
            )
            label = (
                f"{len(values)} days with a reading · lowest {min(values):.1f} · "
                f"highest {max(values):.1f}"
            )
            if first_week is not None and last_week is not None:
                arrow = (
                    "↘"
                    if last_week < first_week - 0.25
                    else ("↗" if last_week > first_week + 0.25 else "→")
                )
                label = f"weekly mean {first_week:.1f} {arrow} {last_week:.1f} · " + label
        else:
            label = "no energy readings in these weeks"
        self.query_one("#energy-label", Static).update(label)

    def _headline(self, board: dashboard.Dashboard) -> str:
        if board.empty:
            return DASH_EMPTY
        ai = sum(w.ai_minutes for w in board.weeks)
        people = sum(w.people_minutes for w in board.weeks)
        share = board.share
        if share is None:
            share_text = "augmentation –"
        else:
            share_text = (
                f"augmentation [b]{round(float(share) * 100)} %[/] "
                f"[dim](reference point {BENCHMARK_PERCENT} %)[/]"
            )
        streak = (
            f"streak [b]{board.streak}[/] day{'s' if board.streak != 1 else ''}"
            f" [dim](longest {board.longest_streak})[/]"
        )
        return (
            f"[b]Last {len(board.weeks)} weeks[/]  ·  AI {fmt.hours(ai)}  ·  {share_text}  ·  "
            f"people {fmt.hours(people)}  ·  {streak}"
        )

    # --- keys ----------------------------------------------------------------------------------

    def action_weeks(self) -> None:
        self.weeks = WEEK_CHOICES[(WEEK_CHOICES.index(self.weeks) + 1) % len(WEEK_CHOICES)]
        self.load()

    def action_heat(self) -> None:
        self.heat_metric = "connection" if self.heat_metric == "energy" else "energy"
        self.load()
