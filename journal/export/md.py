"""The summary as Markdown a coach can read in any viewer; the first line says what was redacted."""

from __future__ import annotations

from typing import Any

from journal import models as m
from journal import present
from journal.export import Exporter
from journal.export.safe import md_text
from journal.export.summary import (
    Summary,
    experiment_line,
    factor_line,
    factors_intro,
    shared,
)

SEVERITY = {"act": "Act", "watch": "Watch", "good": "Going well", "info": "Info"}
WHO5_NOTE = (
    f"{m.WHO5_DISCLAIMER} Bands: 50 % or below = low wellbeing, worth talking to "
    "someone; 28 % or below = please seek professional advice. Source: "
    f"{m.WHO5_CITATION}."
)


def cell(text: Any) -> str:
    """A table cell: user text made inert (pipes escaped, one line), None as an en dash."""
    if text is None or text == "":
        return "–"
    return md_text(text)


def line(text: Any) -> str:
    """Running text from the journal: flattened, and shown as written, never as markup."""
    return md_text(text)


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


count = present.count  # "1 day", "3 sessions": one way to say counts and time (journal.present)
hours = present.minutes  # "3h 11m"


class MarkdownExporter(Exporter):
    names = ("md", "markdown")
    extension = "md"
    help = "the summary for reading (any Markdown viewer)"

    def render(self, summary: Summary) -> str:
        d = summary.data
        t = summary.totals
        ai, ppl, en, ci, who5 = t["ai"], t["people"], t["energy"], t["checkins"], t["who5"]
        period = d["period"]
        out = [f"> {summary.redaction_line}", ""]
        title = "aijournal summary"
        if d.get("client"):
            title += f" · {line(d['client'])}"
        out += [
            f"# {title}",
            "",
            f"{period['since']} to {period['until']} ({count(period['days'], 'day')}, "
            f"{period['logged_days']} with entries). Generated {d['generated_at'][:16]}.",
            "",
        ]

        out += [
            "## At a glance",
            "",
            "| | |",
            "|---|---|",
            f"| AI time | {hours(ai['minutes'])} in {count(ai['sessions'], 'session')} |",
            f"| Augmentation share | {pct(ai['augmentation_share'])} learn + augment against "
            f"automate (reference point {ai['benchmark'] * 100:.0f} %) |",
            f"| Asked AI instead of a person | {count(ai['instead_of_person'], 'time')} |",
            f"| Time with people | {hours(ppl['minutes'])} in "
            f"{count(ppl['interactions'], 'interaction')} with "
            f"{count(ppl['people'], 'person')} |",
            f"| Felt connection (quality) | {num(ppl['mean_quality'])} / 5 |",
            f"| Energy | {num(en['mean'], 2)} / 5 from {count(en['readings'], 'reading')}"
            f"{', ' + en['trend'] if en['trend'] else ''} |",
            f"| Trust AI / team | {num(ci['trust_ai'])} / {num(ci['trust_team'])} over "
            f"{count(ci['count'], 'check-in')} ({count(ci['days_ai_over_team'], 'day')} AI "
            "ahead) |",
            f"| Connection to team | {num(ci['connection'])} / 5 |",
            "",
        ]
        hidden = {"AI time": "ai", "Augmentation": "ai", "Asked AI": "ai", "Time with": "people"}
        hidden |= {"Felt connection": "people", "Energy": "energy", "Trust AI": "checkins"}
        hidden |= {"Connection to": "checkins"}
        sharing = shared(d)
        for n, row in enumerate(out):
            for start, section in hidden.items():
                if row.startswith(f"| {start}") and section not in sharing:
                    out[n] = row.split(" | ")[0] + " | not shared |"

        out += ["## AI time by purpose", "", "| purpose | time |", "|---|---:|"]
        out += [f"| {k} | {hours(v)} |" for k, v in ai["by_purpose"].items()]
        out.append("")
        if ai["skills"]:
            out += ["Skills learned: " + ", ".join(line(s) for s in ai["skills"]) + ".", ""]
        if ai["tools"]:
            out += [
                "Tools: "
                + ", ".join(f"{line(k)} ({hours(v)})" for k, v in ai["tools"].items())
                + ".",
                "",
            ]

        out += ["## Time with people", "", "| kind | times | time |", "|---|---:|---:|"]
        out += [
            f"| {k} | {v['count']} | {hours(v['minutes'])} |"
            for k, v in ppl["by_kind"].items()
            if v["count"]
        ]
        out += ["", "| channel | times | time |", "|---|---:|---:|"]
        out += [
            f"| {k.replace('_', ' ')} | {v['count']} | {hours(v['minutes'])} |"
            for k, v in ppl["by_channel"].items()
            if v["count"]
        ]
        out.append("")
        if d["people"]:
            out += [
                "| person | times | time | last contact | kinds |",
                "|---|---:|---:|---|---|",
            ]
            out += [
                f"| {cell(p['name'])} | {p['interactions']} | {hours(p['minutes'])} | "
                f"{cell(p['last_contact'])} | {', '.join(p['kinds'])} |"
                for p in d["people"]
            ]
            out.append("")

        out += ["## Wellbeing (WHO-5)", ""]
        if "who5" not in sharing:
            out += ["Not shared.", ""]
        elif who5:
            out += [
                f"Latest, {who5['day']}: {who5['raw']}/25 = {who5['percent']} % ({who5['band']}).",
                "",
            ]
        else:
            out += ["No WHO-5 in this period.", ""]
        if "who5" in sharing:
            out += [WHO5_NOTE, ""]

        out += ["## Insights", ""]
        if not d["insights"]:
            out += ["None fired for this period (each needs its own minimum of evidence).", ""]
        for ins in d["insights"]:
            days = sorted({e["day"] for e in ins["evidence"]})
            span = f"{days[0]} to {days[-1]}" if len(days) > 1 else (days[0] if days else "")
            out += [
                f"- **{SEVERITY.get(ins['severity'], ins['severity'])}: {line(ins['title'])}**  ",
                f"  {line(ins['detail'])}"
                + (f" Evidence: {count(len(days), 'day')}, {span}." if days else ""),
            ]
            out += [f"  - {line(a['text'])}" for a in ins["actions"]]
        if d["insights"]:
            out.append("")

        out += ["## Intentions", ""]
        if not d["intentions"]:
            out += ["None yet.", ""]
        else:
            out += [
                f"- [{'x' if i['status'] == 'done' else ' '}] {line(i['text'])}"
                + (" (dismissed)" if i["status"] == "dismissed" else "")
                for i in d["intentions"]
            ]
            out.append("")

        out += _factors(d, sharing) + _experiments(d, sharing)

        out += [
            "## Weeks",
            "",
            "| week | AI | of which learn+augment | people | energy |",
            "|---|---:|---:|---:|---:|",
        ]
        for w in d["weeks"]:
            bp = w["ai_by_purpose"]
            out.append(
                f"| {w['week']} ({w['start']}) | {hours(w['ai_minutes'])} | "
                f"{hours(bp['learn'] + bp['augment'])} | {hours(w['people_minutes'])} | "
                f"{num(w['energy_mean'])} |"
            )
        out.append("")

        out += [
            "## Days",
            "",
            "| day | AI | learn+augment | people time | people | energy | trust AI/team |",
            "|---|---:|---:|---:|---|---:|---|",
        ]
        for r in d["days"]:
            check = r["checkin"]
            trust = f"{check['trust_ai']}/{check['trust_team']}" if check else "–"
            out.append(
                f"| {r['day']} | {hours(r['ai_minutes'])} | {hours(r['augmentation_minutes'])} | "
                f"{hours(r['people_minutes'])} | {cell(', '.join(r['people']))} | "
                f"{num(r['energy_mean'])} | {trust} |"
            )
        out.append("")
        noted = [r for r in d["days"] if r.get("notes")]
        if noted:
            out += ["## Notes", ""]
            for r in noted:
                for n in r["notes"]:
                    tags = " ".join(f"#{line(t)}" for t in n["tags"])
                    out.append(
                        f"- {r['day']} {n['time']} ({n['type'].replace('_', ' ')}): "
                        f"{line(n['text'])}" + (f" {tags}" if tags else "")
                    )
            out.append("")
        return "\n".join(out)


def _factors(d: dict[str, Any], sharing: tuple[str, ...]) -> list[str]:
    out = ["## What goes with your energy", ""]
    block = d.get("factors")
    if "factors" not in sharing:
        return out + ["Not shared.", ""]
    if block is None:
        return []
    out += [line(factors_intro(block)), ""]
    if not block["items"]:
        return out + ["Nothing stands out yet.", ""]
    return out + [f"- {line(factor_line(f))}" for f in block["items"]] + [""]


def _experiments(d: dict[str, Any], sharing: tuple[str, ...]) -> list[str]:
    out = ["## Experiments", ""]
    found = d.get("experiments")
    if "experiments" not in sharing:
        return out + ["Not shared.", ""]
    if found is None:
        return []
    if not found:
        return out + ["None during this period.", ""]
    for x in found:
        out.append(f"- **{line(experiment_line(x))}**")
        if x.get("change"):
            out.append(f"  - Change: {line(x['change'])}")
        out += [f"  - {line(r['sentence'])}" for r in x["results"]]
        out += [f"  - Caveat: {line(c)}" for c in x["caveats"]]
    return out + [""]
