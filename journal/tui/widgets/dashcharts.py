"""The dashboard's pictures, drawn with rich Text to a given width (no Textual here)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from rich.text import Text

from journal.dashboard import BENCHMARK, PURPOSES, Dashboard, Week
from journal.metrics import AUGMENTATION_BENCHMARK_PERCENT
from journal.tui import format as fmt

# Mid-tone colours that read on the dark and on the light theme alike.
PURPOSE_COLORS = {
    "learn": "#3FAE6A",
    "augment": "#3B8FD9",
    "automate": "#E08A2C",
    "companion": "#C0589C",
    "unclassified": "#8A8F98",
}
PEOPLE_COLOR = "#2BB3A3"
AI_COLOR, TEAM_COLOR = "#C0589C", "#2BB3A3"
LEVEL_COLORS = {1: "#C0392B", 2: "#E67E22", 3: "#D4B106", 4: "#7CB342", 5: "#2E9E4F"}
EMPTY = "#6B7075"
BLOCKS = " ▏▎▍▌▋▊▉█"


def _label(week: Week) -> str:
    return week.start.strftime("%b %d")


def bar(value: float, scale: float, width: int) -> str:
    """A horizontal bar of `value` out of `scale`, with eighth-blocks, at most width cells."""
    if scale <= 0 or value <= 0:
        return ""
    eighths = round(min(1.0, value / scale) * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (BLOCKS[part] if part else "")


def legend(items: list[tuple[str, str]]) -> Text:
    text = Text(no_wrap=True)
    for label, color in items:
        text.append("■ ", style=color)
        text.append(f"{label}  ", style="dim")
    return text


def ai_by_purpose(d: Dashboard, width: int) -> Text:
    shown = [p for p in PURPOSES if any(w.ai.get(p) for w in d.weeks)] or list(PURPOSES[:4])
    text = legend([(p, PURPOSE_COLORS[p]) for p in shown])
    room = max(4, width - 7 - 7)
    top = max((w.ai_minutes for w in d.weeks), default=0)
    for week in d.weeks:
        text.append("\n")
        text.append(f"{_label(week)} ", style="dim")
        used = 0
        cumulative = 0
        for purpose in PURPOSES:
            minutes = week.ai.get(purpose, 0)
            if not minutes or not top:
                continue
            cumulative += minutes
            end = round(cumulative / top * room)
            text.append("█" * (end - used), style=PURPOSE_COLORS[purpose])
            used = end
        text.append(" " * (room - used))
        text.append(f" {fmt.hours(week.ai_minutes):>5}" if week.ai_minutes else "     –")
    return text


def people_minutes(d: Dashboard, width: int) -> Text:
    text = legend([("time with people", PEOPLE_COLOR)])
    text.append("× interactions", style="dim")
    room = max(4, width - 7 - 13)
    top = max((w.people_minutes for w in d.weeks), default=0)
    for week in d.weeks:
        text.append("\n")
        text.append(f"{_label(week)} ", style="dim")
        drawn = bar(week.people_minutes, top, room)
        text.append(drawn, style=PEOPLE_COLOR)
        text.append(" " * (room - len(drawn)))
        amount = fmt.hours(week.people_minutes) if week.people_minutes else "–"
        text.append(f" {amount:>5}")
        text.append(f" {week.interactions:>3}×" if week.interactions else "", style="dim")
    return text


def _percent(share: Fraction | None) -> str:
    return "–" if share is None else f"{round(float(share) * 100)} %"


def share_vs_benchmark(d: Dashboard, width: int) -> Text:
    text = Text(no_wrap=True)
    text.append("learn + augment against automate; ", style="dim")
    text.append("│", style="bold #E8B04B")
    text.append(f" {AUGMENTATION_BENCHMARK_PERCENT} % reference point", style="dim")
    room = max(10, width - 7 - 6)
    mark = round(float(BENCHMARK) * room)
    for week in d.weeks:
        text.append("\n")
        text.append(f"{_label(week)} ", style="dim")
        share = week.share
        filled = 0 if share is None else round(float(share) * room)
        for i in range(room):
            if i == mark:
                text.append("│", style="bold #E8B04B")
            elif i < filled:
                color = (
                    PURPOSE_COLORS["learn"]
                    if share and share >= BENCHMARK
                    else PURPOSE_COLORS["automate"]
                )
                text.append("█", style=color)
            else:
                text.append("░", style=EMPTY)
        text.append(f" {_percent(share):>5}")
    return text


def trust(d: Dashboard, width: int) -> Text:
    text = legend([("trust in AI", AI_COLOR), ("trust in the team", TEAM_COLOR)])
    text.append("(1–5)", style="dim")
    half = max(4, (width - 7 - 10) // 2)
    for week in d.weeks:
        text.append("\n")
        text.append(f"{_label(week)} ", style="dim")
        for value, color in ((week.trust_ai, AI_COLOR), (week.trust_team, TEAM_COLOR)):
            if value is None:
                text.append(" " * half + "   – ")
                continue
            drawn = bar(value, 5, half)
            text.append(drawn, style=color)
            text.append(" " * (half - len(drawn)))
            text.append(f" {value:.1f} ")
    return text


def heatmap(d: Dashboard, width: int) -> Text:
    """A year of days in pixels: weeks left to right, Monday to Sunday top to bottom."""
    weeks = (d.as_of - d.heat_first).days // 7 + 1
    cell = 2 if width >= 4 + weeks * 2 else 1
    if 4 + weeks * cell > width:  # too narrow: show the most recent weeks that fit
        weeks = max(1, (width - 4) // cell)
    first = d.heat_first + dt.timedelta(weeks=((d.as_of - d.heat_first).days // 7 + 1) - weeks)
    text = Text(no_wrap=True)
    months = [" "] * (weeks * cell)
    last_month = None
    for w in range(weeks):
        day = first + dt.timedelta(weeks=w)
        if day.month != last_month:
            label = day.strftime("%b")
            at = w * cell
            free = all(c == " " for c in months[max(0, at - 1) : at + 3])
            if at + len(label) <= len(months) and free:
                months[at : at + len(label)] = list(label)
            last_month = day.month
    text.append("    " + "".join(months), style="dim")
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        text.append("\n")
        text.append(f"{name:<4}", style="dim")
        for w in range(weeks):
            day = first + dt.timedelta(weeks=w, days=weekday)
            if day > d.as_of:
                text.append(" " * cell)
                continue
            value = d.heat.get(day)
            if value is None:
                text.append("·".ljust(cell), style=EMPTY)
            else:
                text.append("■".ljust(cell), style=LEVEL_COLORS[max(1, min(5, round(value)))])
    text.append("\n    ")
    text.append("low ", style="dim")
    for level in range(1, 6):
        text.append("■ ", style=LEVEL_COLORS[level])
    text.append("high   ", style="dim")
    text.append("· nothing logged", style=EMPTY)
    return text
