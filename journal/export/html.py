"""The summary as one self-contained HTML page: inline CSS and SVG charts, no scripts, no links out.

Every string from the journal goes through `esc()`; the first visible line says what was redacted.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from journal import models as m
from journal.export import Exporter
from journal.export.safe import visible
from journal.export.summary import (
    PURPOSES,
    Summary,
    experiment_line,
    factor_line,
    factors_intro,
    shared,
)
from journal.present import TYPE_LABELS

COLORS = {
    "learn": "#2f9e6e",
    "augment": "#2f7dc0",
    "automate": "#e0a13a",
    "companion": "#b9579f",
    "unclassified": "#a3a8b1",
}
PEOPLE_COLOR = "#6a5acd"
ENERGY_COLOR = "#d9534f"
SEVERITY = {
    "act": ("Act", "#c0392b"),
    "watch": ("Watch", "#d08b17"),
    "good": ("Going well", "#2e8b57"),
    "info": ("Info", "#2f7dc0"),
}

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f3f4f7;color:#1f2430;font:15px/1.5 system-ui,-apple-system,"Segoe UI",
Roboto,"Helvetica Neue",Arial,sans-serif}
.redacted{background:#1f2430;color:#f3f4f7;padding:10px 28px;font-size:14px}
main{max-width:1100px;margin:0 auto;padding:24px 28px 40px}
h1{font-size:26px;margin:4px 0 2px}
h2{font-size:18px;margin:28px 0 10px}
.sub{color:#5d6472;margin:0 0 18px}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:14px}
@media (max-width:760px){.cards,.grid2{grid-template-columns:1fr}}
.card{background:#fff;border-radius:12px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.card .label{color:#5d6472;font-size:13px;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:28px;font-weight:650;margin:2px 0}
.card .hint{color:#5d6472;font-size:13px}
.meter{position:relative;height:8px;background:#e6e8ee;border-radius:4px;margin-top:8px}
.meter span{position:absolute;left:0;top:0;bottom:0;border-radius:4px;background:#2f9e6e}
.meter i{position:absolute;top:-4px;bottom:-4px;width:2px;background:#1f2430}
.panel{background:#fff;border-radius:12px;padding:16px 18px;margin-top:14px;
box-shadow:0 1px 2px rgba(0,0,0,.06)}
.panel h3{margin:0 0 8px;font-size:15px}
.panel ul{margin:4px 0 0 18px;padding:0}
.panel li{overflow-wrap:anywhere;margin:2px 0}
.panel p.intro{margin:0 0 6px}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:13px;color:#5d6472;margin-bottom:6px}
.legend b{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:5px;
vertical-align:-1px}
svg{display:block;width:100%;max-width:100%;height:auto}
svg text.partial{font-size:11px;font-style:italic}
.narrow{display:none}
.note{color:#5d6472;font-size:13px;margin:6px 0 0}
@media (max-width:600px){
main{padding:14px 10px 30px}
.redacted{padding:8px 12px}
.panel{padding:12px 10px}
.wide{display:none}.narrow{display:block}
}
svg text{font:12px system-ui,sans-serif;fill:#5d6472}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:14px}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{padding:6px 8px;border-bottom:1px solid #eceef2;text-align:left;vertical-align:top}
th{color:#5d6472;font-weight:600;font-size:13px}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.insight{background:#fff;border-radius:12px;padding:12px 16px;margin-top:10px;
border-left:5px solid var(--c);box-shadow:0 1px 2px rgba(0,0,0,.06)}
.insight .sev{color:var(--c);font-weight:700;font-size:12px;text-transform:uppercase;
letter-spacing:.05em}
.insight h3{margin:2px 0 4px;font-size:16px}
.insight p{margin:0 0 6px;color:#3a404d}
.insight ul{margin:4px 0 0 18px;padding:0}
.muted{color:#5d6472}
.who5{border-left:5px solid #2f7dc0}
footer{color:#5d6472;font-size:12px;margin-top:30px}
@media (max-width:600px){
.grid2{grid-template-columns:1fr}
table.stack thead{display:none}
table.stack,table.stack tbody,table.stack tr{display:block;width:100%}
table.stack tr{border-bottom:2px solid #e0e3ea;padding:4px 0}
table.stack td{display:flex;justify-content:space-between;gap:12px;border:none;padding:2px 4px;
text-align:right;overflow-wrap:anywhere}
table.stack td::before{content:attr(data-h);color:#5d6472;text-align:left;flex:none}
}
@media print{body{background:#fff}.card,.panel,.insight{box-shadow:none;border:1px solid #ddd}}
"""


def esc(value: Any) -> str:
    """Text for an element or a quoted attribute: markup characters escaped, hidden ones shown."""
    return escape(visible("" if value is None else str(value)), quote=True)


def _nice_max(value: float) -> tuple[float, float]:
    """A round axis maximum at or above value, and its tick step (4 ticks)."""
    if value <= 0:
        return 4.0, 1.0
    for tick in (1, 2, 5, 10, 15, 30, 60, 120, 180, 300, 600, 1200, 3000, 6000):
        if tick * 4 >= value:
            return tick * 4.0, float(tick)
    step = float(int(value / 4) + 1)
    return step * 4, step


def _label(day: str) -> str:
    date = dt.date.fromisoformat(day)
    return f"{date:%b} {date.day}"


Column = tuple[str, list[tuple[str, float]]] | tuple[str, list[tuple[str, float]], str]
WIDE, NARROW = 960, 360  # viewBox widths: a desktop page, and a phone (drawn at ~1:1 there)


def charts(draw: Any, *args: Any) -> str:
    """A chart twice, wide and narrow; CSS shows the one that fits (no sideways scrolling, text
    readable at 390 px)."""
    return (
        f'<div class="wide">{draw(*args, width=WIDE)}</div>'
        f'<div class="narrow">{draw(*args, width=NARROW)}</div>'
    )


def bar_chart(columns: list[Column], title: str, *, width: int = WIDE) -> str:
    """Stacked bars: columns of (x label, [(colour, value)...], partial note); a column with a
    partial note (a week the period cuts) is drawn lighter with a dashed outline, labelled."""
    height, left, right, top, bottom = 220, 44 if width < WIDE else 52, 12, 12, 40
    inner_w, inner_h = width - left - right, height - top - bottom
    top_value = max([sum(v for _, v in column[1]) for column in columns] + [0])
    y_max, step = _nice_max(top_value)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{esc(title)}">'
    ]
    for i in range(5):
        value = step * i
        y = top + inner_h - inner_h * value / y_max
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e6e8ee"/>'
        )
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>')
    n = max(len(columns), 1)
    slot = inner_w / n
    bar = min(slot * 0.62, 56)
    every = max(1, round(n / (12 if width >= WIDE else 4)))
    for index, column in enumerate(columns):
        label, stack = column[0], column[1]
        partial = column[2] if len(column) > 2 else ""
        x = left + slot * index + (slot - bar) / 2
        base: float = top + inner_h
        look = ' fill-opacity="0.35"' if partial else ""
        for colour, value in stack:
            if value <= 0:
                continue
            h = inner_h * value / y_max
            base -= h
            note = f" ({partial})" if partial else ""
            parts.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'rx="2" fill="{colour}"{look}><title>{esc(label)}: {value:g}{esc(note)}'
                "</title></rect>"
            )
        if partial and base < top + inner_h:
            parts.append(
                f'<rect class="partial" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" '
                f'height="{top + inner_h - base:.1f}" rx="2" fill="none" stroke="#5d6472" '
                'stroke-dasharray="4 3"/>'
            )
        if index % every == 0 or (partial and index in (0, n - 1)):
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 22}" text-anchor="middle">'
                f"{esc(label)}</text>"
            )
        if partial:
            parts.append(
                f'<text class="partial" x="{x + bar / 2:.1f}" y="{height - 6}" '
                f'text-anchor="middle">{esc(partial.replace(" of 7 days", "/7 d"))}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(points: list[tuple[str, float | None]], title: str, *, width: int = WIDE) -> str:
    """Energy 1..5 over days: a line through the days with readings, a dot on each."""
    height, left, right, top, bottom = 200, 36 if width < WIDE else 52, 12, 12, 28
    inner_w, inner_h = width - left - right, height - top - bottom
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{esc(title)}">'
    ]
    for level in range(1, 6):
        y = top + inner_h - inner_h * (level - 1) / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#e6e8ee"/><text x="{left - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{level}</text>'
        )
    n = len(points)
    coords = []
    for index, (_, value) in enumerate(points):
        if value is None:
            continue
        x = left + (inner_w * (index + 0.5) / n if n else 0)
        y = top + inner_h - inner_h * (value - 1) / 4
        coords.append((x, y, value, points[index][0]))
    if len(coords) > 1:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y, _, _) in enumerate(coords)
        )
        parts.append(
            f'<path d="{path}" fill="none" stroke="{ENERGY_COLOR}" stroke-width="2.5" '
            'stroke-linejoin="round" stroke-linecap="round"/>'
        )
    for x, y, value, day in coords:
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#fff" '
            f'stroke="{ENERGY_COLOR}" stroke-width="2"><title>{esc(day)}: '
            f"{value:g}</title></circle>"
        )
    every = max(1, round(n / (10 if width >= WIDE else 4)))
    for index, (day, _) in enumerate(points):
        if index % every == 0:
            x = left + inner_w * (index + 0.5) / n
            parts.append(
                f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{esc(_label(day))}</text>'
            )
    if not coords:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">'
            "No energy readings in this period</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _card(label: str, value: str, hint: str, extra: str = "") -> str:
    return (
        f'<div class="card"><div class="label">{esc(label)}</div>'
        f'<div class="value">{esc(value)}</div><div class="hint">{esc(hint)}</div>'
        f"{extra}</div>"
    )


def _table(head: list[str], rows: list[list[Any]], numeric: set[int]) -> str:
    def cls(i: int) -> str:
        return ' class="n"' if i in numeric else ""

    out = ['<table class="stack"><thead><tr>']
    out += [f"<th{cls(i)}>{esc(h)}</th>" for i, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    for row in rows:  # data-h: each cell's column name, shown beside it on a phone
        out.append(
            "<tr>"
            + "".join(
                f'<td{cls(i)} data-h="{esc(head[i])}">{esc("–" if v is None else v)}</td>'
                for i, v in enumerate(row)
            )
            + "</tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


PARTIAL_NOTE = (
    "Lighter bars with a dashed outline are weeks the period cuts (partial: so many of 7 days), "
    "not a fall."
)


def week_part(start: str, period: dict[str, Any]) -> str:
    """ "partial: 2 of 7 days" for a Monday-to-Sunday week the period cuts, else ""."""
    first = dt.date.fromisoformat(start)
    since, until = dt.date.fromisoformat(period["since"]), dt.date.fromisoformat(period["until"])
    inside = sum(1 for i in range(7) if since <= first + dt.timedelta(days=i) <= until)
    return "" if inside == 7 else f"partial: {inside} of 7 days"


def _days_between(since: str, until: str) -> list[str]:
    first, last = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
    return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


class HtmlExporter(Exporter):
    names = ("html",)
    extension = "html"
    help = "one self-contained page with charts, to open in a browser or print"

    def render(self, summary: Summary) -> str:
        d = summary.data
        t = summary.totals
        ai, ppl, en, ci, who5 = t["ai"], t["people"], t["energy"], t["checkins"], t["who5"]
        period = d["period"]
        title = "aijournal summary" + (f" · {d['client']}" if d.get("client") else "")
        o: list[str] = [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)} {esc(period['since'])} to {esc(period['until'])}</title>",
            f"<style>{CSS}</style></head><body>",
            f'<div class="redacted">{esc(summary.redaction_line)}</div><main>',
            f"<h1>{esc(title)}</h1>",
            f'<p class="sub">{esc(period["since"])} to {esc(period["until"])} · '
            f"{esc(period['days'])} days, {esc(period['logged_days'])} with entries · generated "
            f"{esc(d['generated_at'][:16].replace('T', ' '))}</p>",
        ]

        share = ai["augmentation_share"]
        meter = ""
        if share is not None:
            meter = (
                f'<div class="meter" title="reference point {ai["benchmark"] * 100:.0f}%">'
                f'<span style="width:{share * 100:.1f}%"></span>'
                f'<i style="left:{ai["benchmark"] * 100:.1f}%"></i></div>'
            )
        trend = {"rising": "↗ rising", "falling": "↘ falling", "steady": "→ steady"}
        o.append('<div class="cards">')
        o.append(
            _card(
                "AI time",
                f"{ai['minutes'] / 60:.1f} h",
                f"{ai['sessions']} sessions · {ai['instead_of_person']}× instead of a person",
            )
        )
        o.append(
            _card(
                "Augmentation share",
                _pct(share),
                f"learn + augment against automate · reference point {ai['benchmark'] * 100:.0f}%",
                meter,
            )
        )
        o.append(
            _card(
                "Time with people",
                f"{ppl['minutes'] / 60:.1f} h",
                f"{ppl['interactions']} interactions · {ppl['people']} people · "
                f"quality {_num(ppl['mean_quality'])}/5",
            )
        )
        o.append(
            _card(
                "Energy",
                f"{_num(en['mean'])} / 5",
                f"{en['readings']} readings · {trend.get(en['trend'] or '', 'no trend yet')}",
            )
        )
        o.append(
            _card(
                "Trust AI · team",
                f"{_num(ci['trust_ai'])} · {_num(ci['trust_team'])}",
                f"{ci['count']} check-ins · connection {_num(ci['connection'])}/5",
            )
        )
        if who5:
            o.append(
                _card(TYPE_LABELS["who5"], f"{who5['percent']}%", f"{who5['day']} · {who5['band']}")
            )
        else:
            o.append(_card(TYPE_LABELS["who5"], "–", "none in this period"))
        o.append("</div>")
        sharing = shared(d)
        unshared = {"Energy": "energy", "Trust AI · team": "checkins", "WHO-5": "who5"}
        unshared |= {"AI time": "ai", "Augmentation share": "ai", "Time with people": "people"}
        for n, part in enumerate(o):  # a section the client left out says so, not "–"
            for label, section in unshared.items():
                if section not in sharing and part.startswith(
                    f'<div class="card"><div class="label">{esc(label)}</div>'
                ):
                    o[n] = _card(label, "–", "not shared")

        weeks = d["weeks"]
        partial = {w["start"]: week_part(w["start"], period) for w in weeks}
        cut = PARTIAL_NOTE if any(partial.values()) else ""
        o.append('<div class="panel"><h3>AI minutes by purpose, per week</h3><div class="legend">')
        o += [f'<span><b style="background:{COLORS[p]}"></b>{esc(p)}</span>' for p in PURPOSES]
        o.append("</div>")
        o.append(
            charts(
                bar_chart,
                [
                    (
                        _label(w["start"]),
                        [(COLORS[p], w["ai_by_purpose"][p]) for p in PURPOSES],
                        partial[w["start"]],
                    )
                    for w in weeks
                ],
                "AI minutes by purpose per week",
            )
        )
        o.append(f'<p class="note">{esc(cut)}</p></div>' if cut else "</div>")
        o.append('<div class="panel"><h3>Minutes with people, per week</h3>')
        o.append(
            charts(
                bar_chart,
                [
                    (_label(w["start"]), [(PEOPLE_COLOR, w["people_minutes"])], partial[w["start"]])
                    for w in weeks
                ],
                "Minutes with people per week",
            )
        )
        o.append(f'<p class="note">{esc(cut)}</p></div>' if cut else "</div>")
        by_day = {r["day"]: r["energy_mean"] for r in d["days"]}
        o.append('<div class="panel"><h3>Energy, daily mean (1 to 5)</h3>')
        o.append(
            charts(
                line_chart,
                [(day, by_day.get(day)) for day in _days_between(period["since"], period["until"])],
                "Energy per day",
            )
        )
        o.append("</div>")

        o.append("<h2>Insights</h2>")
        if not d["insights"]:
            o.append(
                '<p class="muted">None fired for this period; each insight needs its own '
                "minimum of evidence.</p>"
            )
        for ins in d["insights"]:
            name, colour = SEVERITY.get(ins["severity"], (ins["severity"], "#5d6472"))
            days = sorted({e["day"] for e in ins["evidence"]})
            evidence = (
                f" Evidence: {len(days)} days, {days[0]} to {days[-1]}."
                if len(days) > 1
                else f" Evidence: {days[0]}."
                if days
                else ""
            )
            o.append(
                f'<div class="insight" style="--c:{colour}"><div class="sev">{esc(name)}'
                f"</div><h3>{esc(ins['title'])}</h3><p>{esc(ins['detail'])}"
                f'<span class="muted">{esc(evidence)}</span></p><ul>'
            )
            o += [f"<li>{esc(a['text'])}</li>" for a in ins["actions"]]
            o.append("</ul></div>")

        o.append("<h2>Intentions</h2>")
        if d["intentions"]:
            o.append(
                _table(
                    ["intention", "status", "since"],
                    [[i["text"], i["status"], i["created_at"][:10]] for i in d["intentions"]],
                    set(),
                )
            )
        else:
            o.append('<p class="muted">None yet.</p>')

        o += _factors(d, sharing) + _experiments(d, sharing)

        o.append('<h2>Time with people</h2><div class="grid2"><div class="panel">')
        o.append(
            _table(
                ["kind", "times", "minutes"],
                [[k, v["count"], v["minutes"]] for k, v in ppl["by_kind"].items() if v["count"]]
                or [["–", 0, 0]],
                {1, 2},
            )
        )
        o.append('</div><div class="panel">')
        o.append(
            _table(
                ["channel", "times", "minutes"],
                [
                    [k.replace("_", " "), v["count"], v["minutes"]]
                    for k, v in ppl["by_channel"].items()
                    if v["count"]
                ]
                or [["–", 0, 0]],
                {1, 2},
            )
        )
        o.append("</div></div>")
        if d["people"]:
            o.append('<div class="panel">')
            o.append(
                _table(
                    ["person", "times", "minutes", "last contact", "kinds"],
                    [
                        [
                            p["name"],
                            p["interactions"],
                            p["minutes"],
                            p["last_contact"],
                            ", ".join(p["kinds"]),
                        ]
                        for p in d["people"]
                    ],
                    {1, 2},
                )
            )
            o.append("</div>")

        o.append('<h2>AI use</h2><div class="grid2"><div class="panel">')
        o.append(_table(["purpose", "minutes"], [[p, ai["by_purpose"][p]] for p in PURPOSES], {1}))
        o.append('</div><div class="panel">')
        o.append(
            _table(["tool", "minutes"], [[k, v] for k, v in ai["tools"].items()] or [["–", 0]], {1})
        )
        if ai["skills"]:
            o.append(f'<p class="muted">Skills learned: {esc(", ".join(ai["skills"]))}</p>')
        o.append("</div></div>")

        o.append('<h2>Days</h2><div class="panel">')
        o.append(
            _table(
                [
                    "day",
                    "AI min",
                    "learn+augment",
                    "people min",
                    "people",
                    "energy",
                    "trust AI/team",
                ],
                [
                    [
                        r["day"],
                        r["ai_minutes"],
                        r["augmentation_minutes"],
                        r["people_minutes"],
                        ", ".join(r["people"]) or None,
                        _num(r["energy_mean"]) if r["energy_mean"] is not None else None,
                        f"{r['checkin']['trust_ai']}/{r['checkin']['trust_team']}"
                        if r["checkin"]
                        else None,
                    ]
                    for r in d["days"]
                ],
                {1, 2, 3, 5},
            )
        )
        o.append("</div>")
        noted = [(r["day"], n) for r in d["days"] for n in r.get("notes", [])]
        if noted:
            o.append('<h2>Notes</h2><div class="panel">')
            o.append(
                _table(
                    ["day", "time", "entry", "note", "tags"],
                    [
                        [
                            day,
                            n["time"],
                            n["type"].replace("_", " "),
                            n["text"],
                            " ".join(f"#{t}" for t in n["tags"]),
                        ]
                        for day, n in noted
                    ],
                    set(),
                )
            )
            o.append("</div>")

        o.append('<h2>Wellbeing</h2><div class="panel who5">')
        if "who5" not in sharing:
            o.append('<p class="muted">Not shared.</p>')
        elif who5:
            o.append(
                f"<p>WHO-5 on {esc(who5['day'])}: {esc(who5['raw'])}/25 = "
                f"<strong>{esc(who5['percent'])}%</strong> ({esc(who5['band'])}).</p>"
            )
        else:
            o.append('<p class="muted">No WHO-5 in this period.</p>')
        o.append(
            f'<p class="muted">{esc(m.WHO5_DISCLAIMER)} Bands: 50% or below = low '
            "wellbeing, worth talking to someone; 28% or below = please seek professional "
            f"advice. Source: {esc(m.WHO5_CITATION)}.</p></div>"
        )
        o.append(
            f"<footer>{esc(summary.redaction_line)} Made by aijournal on this device; "
            "nothing was sent anywhere.</footer></main></body></html>"
        )
        return "\n".join(o) + "\n"


def _factors(d: dict[str, Any], sharing: tuple[str, ...]) -> list[str]:
    o = ['<h2>What goes with your energy</h2><div class="panel">']
    block = d.get("factors")
    if "factors" not in sharing:
        return o + ['<p class="muted">Not shared.</p></div>']
    if block is None:
        return []
    o.append(f'<p class="muted intro">{esc(factors_intro(block))}</p>')
    if not block["items"]:
        return o + ["<p>Nothing stands out yet.</p></div>"]
    o.append("<ul>" + "".join(f"<li>{esc(factor_line(f))}</li>" for f in block["items"]) + "</ul>")
    return o + ["</div>"]


def _experiments(d: dict[str, Any], sharing: tuple[str, ...]) -> list[str]:
    o = ['<h2>Experiments</h2><div class="panel">']
    found = d.get("experiments")
    if "experiments" not in sharing:
        return o + ['<p class="muted">Not shared.</p></div>']
    if found is None:
        return []
    if not found:
        return o + ['<p class="muted">None during this period.</p></div>']
    for x in found:
        o.append(f"<h3>{esc(experiment_line(x))}</h3><ul>")
        if x.get("change"):
            o.append(f"<li>Change: {esc(x['change'])}</li>")
        o += [f"<li>{esc(r['sentence'])}</li>" for r in x["results"]]
        o += [f'<li class="muted">Caveat: {esc(c)}</li>' for c in x["caveats"]]
        o.append("</ul>")
    return o + ["</div>"]
