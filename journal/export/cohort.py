"""The coach's cohort report, kept as a file: the ranked clients as Markdown or one HTML page.

Pure: ranked journal.export.coach Clients in, text out. Every string from a summary is made
inert (md: journal.export.safe; html: escaped); the page is self-contained, with no scripts.
"""

from __future__ import annotations

from typing import Any

from journal.export.coach import Client
from journal.export.html import esc
from journal.export.md import cell, line
from journal.export.summary import SECTION_LABELS, SECTIONS, experiment_line, factor_line
from journal.present import minutes

FORMATS = ("md", "html")
TITLE = "aijournal cohort report"
COLUMNS = ("#", "client", "period", "AI", "augm.", "people", "energy", "WHO-5", "act", "score")


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _signed(value: float | int | None, unit: str = "", digits: int = 0) -> str:
    if value is None:
        return "–"
    if value == 0:
        return f"±0{unit}"
    return f"{'+' if value > 0 else '−'}{abs(value):.{digits}f}{unit}"


def _people_change(value: float | int | None) -> str:
    if value is None:
        return "–"
    if value == 0:
        return "±0m"
    return f"{'+' if value > 0 else '−'}{minutes(abs(value))}"


def change_line(client: Client) -> str | None:
    """`since 2026-11-09 to 2026-11-15: augmentation +5 pp, people +1h10, energy −0.4, WHO-5
    +8 pp`, or None for a client with one export."""
    change = client.change()
    if change is None or client.previous is None:
        return None
    share = change["augmentation_share"]
    parts = [
        f"augmentation {_signed(None if share is None else share * 100, ' pp')}",
        f"people {_people_change(change['people_minutes'])}",
        f"energy {_signed(change['energy_mean'], '', 1)}",
        f"WHO-5 {_signed(change['who5_percent'], ' pp')}",
    ]
    return f"since {client.previous.period}: {', '.join(parts)}"


def row(n: int, client: Client) -> list[str]:
    t = client.totals
    figures = client.figures()
    shared = client.sections
    energy = t["energy"]
    arrows = {"rising": " ↗", "falling": " ↘", "steady": " →"}
    return [
        str(n),
        client.label,
        client.period.replace(" to ", " – "),
        minutes(t["ai"]["minutes"]) if "ai" in shared else "not shared",
        _share(figures["augmentation_share"]) if "ai" in shared else "–",
        minutes(t["people"]["minutes"]) if "people" in shared else "not shared",
        (
            "–"
            if figures["energy_mean"] is None
            else f"{figures['energy_mean']:.1f}" + arrows.get(energy["trend"] or "", "")
        )
        if "energy" in shared
        else "not shared",
        ("–" if figures["who5_percent"] is None else f"{figures['who5_percent']}%")
        if "who5" in shared
        else "not shared",
        str(len(client.act_insights)),
        str(client.score),
    ]


def not_shared(client: Client) -> str | None:
    left = [SECTION_LABELS[s] for s in SECTIONS if s not in client.sections]
    return f"not shared: {', '.join(left)}" if left else None


FACTORS_LISTED = 2  # a line or two each in the review


def findings(client: Client) -> list[str]:
    """The client's factors and experiments, a line or two each (nothing for what they did not
    share: `not_shared` says so)."""
    out: list[str] = []
    factors = client.factors
    if factors is not None:
        out += [f"factor: {factor_line(f)}" for f in factors[:FACTORS_LISTED]]
        if len(factors) > FACTORS_LISTED:
            out.append(f"factors: {len(factors) - FACTORS_LISTED} more in the file")
        if not factors:
            out.append("factors: nothing stands out yet")
    for x in client.experiments or []:
        found = next((r for r in x["results"] if r["detected"]), None) or next(
            iter(x["results"]), None
        )
        text = f"experiment: {experiment_line(x)}"
        out.append(f"{text}. {found['sentence']}" if found else text)
    return out


def markdown(ranked: list[Client], notes: list[str], made: str) -> str:
    out = [f"# {TITLE}", "", f"{len(ranked)} clients, made {made}. Highest score first.", ""]
    out += ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for n, client in enumerate(ranked, 1):
        out.append("| " + " | ".join(cell(v) for v in row(n, client)) + " |")
    out.append("")
    for n, client in enumerate(ranked, 1):
        out += [f"## {n}. {line(client.label)}", ""]
        out.append(f"- file: {line(client.file)}")
        if client.reasons:
            out.append(f"- why: {line('; '.join(client.reasons))}")
        for title in client.act_insights:
            out.append(f"- act: {line(title)}")
        change = change_line(client)
        if change:
            out.append(f"- {line(change)} ({client.exports} exports)")
        out += [f"- {line(finding)}" for finding in findings(client)]
        hidden = not_shared(client)
        if hidden:
            out.append(f"- {hidden}")
        out.append("")
    if notes:
        out += ["## Files", ""] + [f"- {line(note)}" for note in notes] + [""]
    out += [_SCORE_NOTE, ""]
    return "\n".join(out)


_SCORE_NOTE = (
    "Score: act-level insight 3 each; WHO-5 at or below 28 % 4, at or below 50 % 2; energy "
    "falling 2; watch-level insight 1 each; augmentation share below the benchmark 1; more "
    "time with AI than with people 1; trusting AI over the team 1. WHO-5 is a wellbeing "
    "screen, not a diagnosis."
)

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f3f4f7;color:#1f2430;font:15px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:20px 16px 40px}
h1{font-size:24px;margin:4px 0}
.sub,.muted{color:#5d6472}
.wrap{overflow-x:auto}
table{width:100%;border-collapse:collapse;font-size:14px;background:#fff;border-radius:10px}
th,td{padding:6px 8px;border-bottom:1px solid #eceef2;text-align:left;vertical-align:top}
th{color:#5d6472;font-weight:600;font-size:13px}
.client{background:#fff;border-radius:12px;padding:12px 16px;margin-top:12px;
box-shadow:0 1px 2px rgba(0,0,0,.06)}
.client h2{font-size:17px;margin:0 0 6px}
.client ul{margin:0;padding-left:18px}
@media (max-width:600px){
 thead{display:none}
 table,tbody,tr,td{display:block;width:100%}
 tr{border-bottom:2px solid #e0e3ea;padding:6px 0}
 td{border:none;padding:2px 8px}
 td::before{content:attr(data-h) ": ";color:#5d6472;font-size:13px}
}
"""


def html(ranked: list[Client], notes: list[str], made: str) -> str:
    o = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{esc(TITLE)}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{esc(TITLE)}</h1>",
        f'<p class="sub">{len(ranked)} clients, made {esc(made)}. Highest score first.</p>',
        '<div class="wrap"><table><thead><tr>',
        "".join(f"<th>{esc(c)}</th>" for c in COLUMNS),
        "</tr></thead><tbody>",
    ]
    for n, client in enumerate(ranked, 1):
        cells = row(n, client)
        o.append(
            "<tr>"
            + "".join(
                f'<td data-h="{esc(h)}">{esc(v)}</td>' for h, v in zip(COLUMNS, cells, strict=True)
            )
            + "</tr>"
        )
    o.append("</tbody></table></div>")
    for n, client in enumerate(ranked, 1):
        items: list[str] = [f"file: {client.file}"]
        if client.reasons:
            items.append("why: " + "; ".join(client.reasons))
        items += [f"act: {title}" for title in client.act_insights]
        change = change_line(client)
        if change:
            items.append(f"{change} ({client.exports} exports)")
        items += findings(client)
        hidden = not_shared(client)
        if hidden:
            items.append(hidden)
        o.append(
            f'<section class="client"><h2>{n}. {esc(client.label)}</h2><ul>'
            + "".join(f"<li>{esc(i)}</li>" for i in items)
            + "</ul></section>"
        )
    if notes:
        o.append('<h2>Files</h2><ul class="muted">')
        o += [f"<li>{esc(note)}</li>" for note in notes]
        o.append("</ul>")
    o.append(f'<p class="muted">{esc(_SCORE_NOTE)}</p></main></body></html>')
    return "\n".join(o) + "\n"


def render(fmt: str, ranked: list[Client], notes: list[str], made: str) -> str:
    return (html if fmt == "html" else markdown)(ranked, notes, made)


def as_json(ranked: list[Client]) -> list[dict[str, Any]]:
    return [c.to_json() for c in ranked]
