"""Insights: what the reflection engine sees, with its evidence and coverage; accept an action as
an intention, mark intentions done, mute an insight, and open the profile (role, workdays,
pauses)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from journal.clock import now
from journal.textsafe import visible
from journal.tui.screens.base import JournalScreen
from journal.tui.text import (
    FACTORS_NONE,
    FACTORS_TITLE,
    FACTORS_WAITING,
    FACTORS_YOUNG,
    INSIGHTS_EMPTY,
)

WIDE = 110
SEVERITY = {
    "act": ("ACT", "#E08A2C"),
    "watch": ("WATCH", "#D4B106"),
    "good": ("GOOD", "#3FA34D"),
    "info": ("INFO", "#3B8FD9"),
}


@dataclass
class InsightsData:
    as_of: dt.date
    insights: list[Any] = field(default_factory=list)
    intentions: list[Any] = field(default_factory=list)
    factors: list[Any] = field(default_factory=list)  # journal.factors.current, energy


class InsightsScreen(JournalScreen):
    TAB = "insights"
    CSS_PATH = "insights.tcss"
    BINDINGS = [
        Binding("enter", "accept", "Accept / done", show=True, priority=False),
        Binding("x", "done", "Mark done"),
        Binding("v", "evidence", "Evidence"),
        Binding("m", "mute", "Mute insight"),
        Binding("p", "profile", "Profile & pauses"),
        Binding("e", "app.experiments", "Experiments"),
    ]

    @dataclass
    class Loaded(Message):
        data: InsightsData

    def __init__(self) -> None:
        super().__init__()
        self.data: InsightsData | None = None
        self.by_option: dict[str, tuple[str, Any, Any]] = {}

    def body(self) -> ComposeResult:
        with Container(id="insights-body"):
            listing = OptionList(id="insights-list")
            listing.border_title = "Insights and actions"
            listing.border_subtitle = "enter accepts · x marks done · m mutes · p profile"
            yield listing
            with VerticalScroll(id="insights-detail") as detail:
                detail.border_title = "Evidence"
                yield Static("", id="insight-text")

    def on_mount(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
        self.query_one("#insights-list").focus()

    def width_changed(self) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")

    # --- data ----------------------------------------------------------------------------------

    def load(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="insights")
    def _read(self) -> None:
        as_of = now().date()
        data = InsightsData(as_of=as_of)
        from journal import insights

        with self.journal.reader() as store:
            data.insights = insights.current(store, as_of)
            data.intentions = insights.intentions(store, open_only=True)
            from journal import factors

            data.factors = factors.current(store, as_of)
        self.post_message(self.Loaded(data))

    def on_insights_screen_loaded(self, message: Loaded) -> None:
        data = self.data = message.data
        listing = self.query_one("#insights-list", OptionList)
        keep = listing.highlighted_option.id if listing.highlighted_option else None
        listing.clear_options()
        self.by_option = {}
        options: list[Option | None] = []
        for n, insight in enumerate(data.insights):
            label, color = SEVERITY.get(insight.severity, ("", "white"))
            head = Text()
            head.append(f" {label} ", style=f"bold reverse {color}")
            head.append(f" {visible(insight.title)}", style="bold")
            covered = coverage_text(insight)
            if covered:
                head.append(f"  {covered}", style="dim")
            self.by_option[f"insight:{n}"] = ("insight", insight, None)
            options.append(Option(head, id=f"insight:{n}"))
            for action in insight.actions:
                text = Text("  → ", style=f"bold {color}")
                text.append(visible(action.text), style="default")
                option_id = f"action:{action.id}"
                self.by_option[option_id] = ("action", insight, action)
                options.append(Option(text, id=option_id))
            options.append(None)
        if data.intentions:
            options.append(
                Option(
                    Text("Your intentions", style="bold underline"), id="intentions", disabled=True
                )
            )
            for intention in data.intentions:
                text = Text("   ○ ", style="bold")
                text.append(visible(intention.text))
                text.append(f"  since {intention.created_at.astimezone():%a %d %b}", style="dim")
                option_id = f"intention:{intention.id}"
                self.by_option[option_id] = ("intention", None, intention)
                options.append(Option(text, id=option_id))
        if not data.insights and not data.intentions:
            options.append(Option(Text(INSIGHTS_EMPTY, style="italic"), id="empty", disabled=True))
        while options and options[-1] is None:
            options.pop()
        options += (
            [None, *factor_options(data.factors)] if options else factor_options(data.factors)
        )
        listing.add_options(options)
        if keep and keep in self.by_option:
            listing.highlighted = listing.get_option_index(keep)
        elif self.by_option:
            # The first action, where enter does something; an insight without actions else.
            first = next((k for k in self.by_option if k.startswith("action:")), None)
            listing.highlighted = listing.get_option_index(first or next(iter(self.by_option)))
        self._show_detail()

    @on(OptionList.OptionHighlighted, "#insights-list")
    def _highlighted(self) -> None:
        self._show_detail()

    def _current(self) -> tuple[str, Any, Any] | None:
        listing = self.query_one("#insights-list", OptionList)
        option = listing.highlighted_option
        return self.by_option.get(option.id or "") if option else None

    def _show_detail(self) -> None:
        target = self.query_one("#insight-text", Static)
        current = self._current()
        if current is None:
            target.update("")
            return
        kind, insight, item = current
        if kind == "intention":
            target.update(
                Text.assemble(
                    ("Intention\n\n", "bold"),
                    visible(item.text) + "\n\n",
                    (
                        f"From the insight {visible(item.insight_id)} · accepted "
                        f"{item.created_at.astimezone():%A %d %B}.\n",
                        "dim",
                    ),
                    ("Press enter or x when you have done it.", "dim"),
                )
            )
            return
        label, color = SEVERITY.get(insight.severity, ("", "white"))
        text = Text()
        text.append(f" {label} ", style=f"bold reverse {color}")
        text.append(f" {visible(insight.title)}\n\n", style="bold")
        text.append(visible(insight.detail) + "\n\n")
        covered = coverage_text(insight)
        if covered:
            text.append("Coverage  ", style="bold")
            text.append(covered + "\n\n", style="dim")
        if insight.metrics:
            text.append("Numbers  ", style="bold")
            text.append(
                visible(
                    " · ".join(
                        f"{k.replace('_', ' ')} {_metric(v)}" for k, v in insight.metrics.items()
                    )
                )
                + "\n\n",
                style="dim",
            )
        if insight.evidence:
            days = [e.day for e in insight.evidence]
            entries = sum(len(e.entry_ids) for e in insight.evidence)
            text.append("Evidence  ", style="bold")
            text.append(
                f"{len(days)} day{'s' if len(days) != 1 else ''}, {entries} entries: ", style="dim"
            )
            text.append(
                ", ".join(d.strftime("%a %d %b") for d in days[:12])
                + (" …" if len(days) > 12 else "")
                + "\n",
                style="dim",
            )
            text.append("v lists exactly these entries\n\n", style="dim italic")
        if item is None:
            text.append("m mutes this insight for 14 days", style="dim italic")
            target.update(text)
            return
        text.append("Accept ", style="bold")
        text.append(
            f"(enter): “{visible(item.text)}” becomes an intention you can tick off later.",
            style="dim",
        )
        target.update(text)

    # --- keys ----------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#insights-list")
    def _selected(self) -> None:
        self.action_accept()

    def action_accept(self) -> None:
        current = self._current()
        if current is None:
            return
        kind, _, item = current
        if kind == "intention":
            self.action_done()
            return
        if kind == "insight":
            if current[1].actions:
                self.notify("Highlight one of its actions (→ below it) to accept it.")
            return
        from journal import insights

        as_of = now().date()
        intention = self.journal.write(lambda store: insights.act(store, item.id, as_of))
        if intention is not None:
            self.notify(f"Intention added: {intention.text}", markup=False)

    def action_done(self) -> None:
        current = self._current()
        if current is None or current[0] != "intention":
            self.notify("Highlight one of your intentions (below the insights) to mark it done.")
            return
        from journal import insights

        intention = current[2]
        self.journal.write(
            lambda store: insights.done(store, intention.id), f"Done: {intention.text}. Well done."
        )

    def action_mute(self) -> None:
        current = self._current()
        if current is None or current[1] is None:
            self.notify("Highlight an insight or one of its actions to mute it.")
            return
        from journal import profile

        insight = current[1]
        today = now().date()
        mute = self.journal.write(lambda store: profile.add_mute(store, insight.id, today=today))
        if mute is not None:
            self.notify(
                f"Muted “{insight.title}” until {mute.until:%a %d %b}. Press ctrl+z to undo "
                f"(or `aijournal mute --delete {mute.id[:8]}`).",
                markup=False,
            )

    def action_profile(self) -> None:
        self.journal.action_profile()

    def action_evidence(self) -> None:
        current = self._current()
        if current is None or current[1] is None or not current[1].evidence:
            return
        insight = current[1]
        self._show_evidence(insight.title, [i for e in insight.evidence for i in e.entry_ids])

    @work(thread=True, exclusive=True, group="evidence")
    def _show_evidence(self, title: str, ids: list[str]) -> None:
        from journal import service

        with self.journal.reader() as store:
            entries = service.entries_with_ids(store, ids)
        self.app.call_from_thread(self._push_evidence, title, entries)

    def _push_evidence(self, title: str, entries: list[Any]) -> None:
        from journal.tui.screens.evidence import EvidenceScreen

        self.app.push_screen(EvidenceScreen(title, entries))


def factor_options(found: list[Any]) -> list[Option]:
    """The "What goes with your good days" section: each factor that survives the correction,
    with n and its interval, or honestly why there is none yet (rows to read, not to select)."""
    from journal.factors import MIN_DAYS, Q_LEVEL

    out = [Option(Text(FACTORS_TITLE, style="bold underline"), id="factors", disabled=True)]
    tested = [f for f in found if f.enough]
    shown = [f for f in tested if f.shown]
    for factor in shown:
        text = Text("   • ")
        text.append(visible(factor.sentence))
        text.append(
            f"  90 % interval {factor.low:+.1f} to {factor.high:+.1f}, q {factor.q:.2f}",
            style="dim",
        )
        out.append(Option(text, id=f"factor:{factor.id}", disabled=True))
    if not tested:
        line = FACTORS_YOUNG.format(min_days=MIN_DAYS)
    elif not shown:
        line = FACTORS_NONE.format(tested=len(tested), level=Q_LEVEL)
    else:
        line = ""
    waiting = len(found) - len(tested)
    if waiting and tested:
        line = f"{line} {FACTORS_WAITING.format(count=waiting)}".strip()
    if line:
        out.append(Option(Text(f"   {line}", style="italic"), id="factors-note", disabled=True))
    return out


def coverage_text(insight: Any) -> str:
    """ "5 of 7 days logged · 2 paused": how much of its window an insight rests on."""
    coverage = getattr(insight, "coverage", None)
    return coverage.describe() if coverage is not None else ""


def _metric(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "–"
    return "–" if value is None else str(value)
