"""Reflection commands on Typer: insights, review, act, intentions, done, dismiss.

Thin: parse user text with journal.parse, call journal.insights, print with rich or as JSON.
The engine is imported inside the commands, so other commands do not pay for it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from journal import models as m
from journal import parse as p
from journal.cli.common import open_store
from journal.cli.output import console, print_json, say
from journal.clock import now as clock_now
from journal.errors import BadInput
from journal.present import count as _n
from journal.present import days_ago
from journal.present import minutes as _time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.insights import Review
    from journal.reflect.engine import Insight

Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DAY", help="Reflect as of this day (default: today)."),
]

# --- the words the user reads (kept together so the tone stays kind) ---------------------------

SEVERITY_LABEL = {
    "act": "worth acting on",
    "watch": "worth watching",
    "good": "going well",
    "info": "good to know",
}
SEVERITY_STYLE = {"act": "bold magenta", "watch": "yellow", "good": "green", "info": "cyan"}
YOUNG = (
    "Nothing to reflect on yet: log a few more days of AI sessions, people and energy, and "
    "insights will appear here."
)
QUIET = (
    "Nothing stands out as of {day}: no pattern crossed its threshold. Keep logging and "
    "check back in a few days."
)
ACT_HINT = (
    "Accept a suggestion with `aijournal act ID`; `aijournal intentions` lists what you accepted."
)
EVIDENCE_SHOWN = 6  # days listed before the rest is elided


def _as_of(text: str | None) -> dt.date:
    now = clock_now()
    return p.filter_day(text, now, end=True) if text else now.date()


# --- insights ----------------------------------------------------------------------------------


def insights(
    as_of: AsOf = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="ID",
            help="Show one insight and each of its evidence entries (ids as --json shows them).",
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """What your journal shows lately, with the evidence and a next step for each."""
    from journal import insights as svc

    day = _as_of(as_of)
    with open_store() as store:
        found = svc.current(store, day)
        young = not found and svc.is_young(store, day)
        if explain is not None:
            insight = _chosen(found, explain, day)
            from journal import service

            ids = [i for e in insight.evidence for i in e.entry_ids]
            evidence = service.entries_with_ids(store, ids)
    if explain is not None:
        _explain(insight, evidence, day, as_json)
        return
    if as_json:
        print_json([i.to_json() for i in found])
        return
    if not found:
        say(YOUNG if young else QUIET.format(day=day.isoformat()))
        return
    for insight in found:
        _print_insight(insight, day)
    say((ACT_HINT, "dim"))


def _chosen(found: list[Insight], wanted: str, day: dt.date) -> Insight:
    """The current insight with this id (or the one whose id starts with it)."""
    key = wanted.strip()
    exact = [i for i in found if i.id == key]
    hits = exact or ([i for i in found if i.id.startswith(key)] if key else [])
    if len(hits) == 1:
        return hits[0]
    accepted = ", ".join(i.id for i in found) or f"none: no insight is current as of {day}"
    if len(hits) > 1:
        raise BadInput(f"--explain {wanted!r} matches {len(hits)} insights; accepted: {accepted}")
    raise BadInput(f"--explain {wanted!r} is not a current insight; accepted: {accepted}")


def _explain(insight: Insight, entries: list[m.Entry], day: dt.date, as_json: bool) -> None:
    """The insight, then its evidence entries one line each (id, when, type, what)."""
    from journal.cli.output import describe, when_text
    from journal.present import day_text

    if as_json:
        print_json({**insight.to_json(), "evidence_entries": [m.to_record(e) for e in entries]})
        return
    _print_insight(insight, day)
    if not entries:
        say("No evidence entries: they were deleted or the insight counts days, not entries.")
        return
    say((f"Evidence: {len(entries)} {'entry' if len(entries) == 1 else 'entries'}", "bold"))
    for entry in entries:
        label, what = describe(entry)
        if isinstance(entry, m.CheckIn | m.Who5):
            when = day_text(entry.day, day)
        else:
            when = when_text(m.entry_time(entry), day)
        say((entry.id[:8], "dim"), f"  {when}  {label}  {what}", soft_wrap=True)


def evidence_text(insight: Insight, as_of: dt.date) -> str:
    """ "on 5 days: 11-20, 11-21 … 11-26 (12 entries)" """
    days = [e.day for e in insight.evidence]
    if not days:
        return ""
    same_year = all(d.year == as_of.year for d in days)
    labels = [d.strftime("%m-%d") if same_year else d.isoformat() for d in days]
    if len(labels) > EVIDENCE_SHOWN + 1:  # eliding a single day would save nothing
        labels = [*labels[: EVIDENCE_SHOWN - 2], "…", *labels[-2:]]
    entries = sum(len(e.entry_ids) for e in insight.evidence)
    count = f" ({entries} {'entry' if entries == 1 else 'entries'})" if entries else ""
    where = "on 1 day" if len(days) == 1 else f"on {len(days)} days"
    return f"{where}: {', '.join(labels)}{count}"


def _print_insight(insight: Insight, as_of: dt.date) -> None:
    style = SEVERITY_STYLE[insight.severity]
    say((f"● {SEVERITY_LABEL[insight.severity]}", style), "  ", (insight.title, "bold"))
    say(f"  {insight.detail}")
    evidence = evidence_text(insight, as_of)
    covered = insight.coverage.describe()
    if covered:
        evidence = f"{evidence} · {covered}" if evidence else covered
    if evidence:
        say((f"  evidence {evidence}", "dim"))
    for action in insight.actions:
        say("  → ", (action.id, "bold"), f"  {action.text}")
        if action.experiment:
            say((f"    test it: aijournal experiment start --template {action.experiment}", "dim"))
    console.print()


# --- review ------------------------------------------------------------------------------------


def review(
    week: Annotated[bool, typer.Option("--week", help="The last 7 days (the default).")] = False,
    month: Annotated[bool, typer.Option("--month", help="The last 30 days.")] = False,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    """Your week or month: balance, insights, and how your intentions went."""
    if week and month:
        raise BadInput("--week and --month exclude each other; give one of them")
    from journal import insights as svc

    period = "month" if month else "week"
    day = _as_of(as_of)
    with open_store() as store:
        result = svc.review(store, period, day)
    if as_json:
        print_json(result.to_json())
        return
    _print_review(result.to_json(), result, day)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def _print_review(data: dict[str, Any], result: Review, as_of: dt.date) -> None:
    say((f"Your {data['period']}: {data['start']} to {data['end']}", "bold"))
    ai = data["ai"]
    if ai["total_minutes"]:
        parts = ", ".join(f"{k} {_time(v)}" for k, v in ai["minutes_by_purpose"].items() if v)
        say(f"AI: {_time(ai['total_minutes'])} in {_n(ai['sessions'], 'session')} ({parts}).")
        if ai["augmentation_share"] is not None:
            say(
                f"  Learning and augmenting: {_pct(ai['augmentation_share'])} of "
                "learning, co-creating and automating time (reference point "
                f"{_pct(ai['benchmark'])}, freelancers' average in a 2025 survey)."
            )
    else:
        say("AI: no sessions logged.")
    people = data["people"]
    if people["interactions"]:
        parts = ", ".join(f"{k} {_time(v)}" for k, v in people["minutes_by_kind"].items() if v)
        say(
            f"People: {_time(people['total_minutes'])} in "
            f"{_n(people['interactions'], 'interaction')} ({parts}) with "
            f"{', '.join(people['people'])}."
        )
    else:
        say("People: no interactions logged.")
    energy = data["energy"]
    if energy["readings"]:
        line = f"Energy: {energy['mean']:.1f}/5 over {_n(energy['readings'], 'reading')}"
        if energy["previous_mean"] is not None:
            line += (
                f", {energy['previous_mean']:.1f} over {energy['previous_readings']} in the "
                f"{data['period']} before"
            )
        line += f" ({energy['trend']})." if energy["trend"] else "."
        if energy["trend"] is None and energy["previous_mean"] is not None:
            line += " Too few readings to call a trend."
        say(line)
    else:
        say("Energy: no readings logged.")
    trust = data["trust"]
    if trust["checkins"]:
        say(
            f"Trust: AI {trust['ai_mean']:.1f} vs team {trust['team_mean']:.1f} over "
            f"{_n(trust['checkins'], 'check-in')}."
        )
    console.print()
    if result.insights:
        say(("Insights", "bold"))
        for insight in result.insights:
            _print_insight(insight, as_of)
    if result.factors:
        say(("What goes with your good days (the last 90 days)", "bold"))
        for factor in result.factors:
            say(f"  • {factor.sentence}.")
        say(("  `aijournal factors` shows each with its interval and q-value.", "dim"))
    if result.intentions_done:
        say(("Intentions you followed through", "bold"))
        for intention in result.intentions_done:
            when = intention.done_at.astimezone().date().isoformat() if intention.done_at else ""
            say(f"  ✓ {intention.text}  ", (when, "dim"))
    else:
        say("No intentions marked done in this period.")
    for item in data["follow_through"]:
        times = "once" if item["times"] == 1 else f"{item['times']} times"
        say(f"  {item['text']} ({times})")
        if not item["enough"]:
            say(
                f"    Too few to say: {item['n_after']} days after it with an energy reading, "
                f"{item['min_days']} needed.",
                style="dim",
            )
            continue
        line = (
            f"    Energy the day after: {item['energy_after']:.1f} ({item['n_after']} days) vs "
            f"{item['energy_comparable']:.1f} on comparable days ({item['n_comparable']})"
        )
        if item["connection_after"] is not None and item["connection_comparable"] is not None:
            line += (
                f"; connection {item['connection_after']:.1f} vs "
                f"{item['connection_comparable']:.1f}"
            )
        say(line + ".", style="dim")


# --- follow-through ----------------------------------------------------------------------------


def act(
    action_id: Annotated[
        str,
        typer.Argument(metavar="ACTION_ID", help="An action id as `aijournal insights` shows it."),
    ],
) -> None:
    """Accept a suggested action as an intention."""
    from journal import insights as svc

    day = clock_now().date()
    with open_store() as store:
        before = {i.id for i in svc.intentions(store)}
        intention = svc.act(store, action_id, day)
    verb = "Already on your list" if intention.id in before else "Noted as an intention"
    say(
        f"{verb}: {intention.text}  (id {intention.id[:8]}; `aijournal done "
        f"{intention.id[:8]}` when it happened)"
    )


def intentions(
    show_all: Annotated[
        bool, typer.Option("--all", help="Include done and dismissed ones.")
    ] = False,
    as_json: Json = False,
) -> None:
    """The intentions you accepted and have not closed yet."""
    from journal import insights as svc

    with open_store() as store:
        found = svc.intentions(store, open_only=not show_all)
    if as_json:
        print_json([m.to_record(i) for i in found])
        return
    if not found:
        say("No open intentions. `aijournal insights` suggests a few next steps.")
        return
    from journal.reflect.follow import lapsed

    today = clock_now().date()
    for intention in found:
        age = (today - intention.created_at.astimezone().date()).days
        state = (
            "done"
            if intention.done_at
            else "lapsed after two weeks"
            if lapsed(intention)
            else "let go"
            if intention.dismissed_at
            else f"accepted {days_ago(age)}"
        )
        say(
            (intention.id[:8], "dim"),
            f"  {intention.text}  ",
            (f"{state} · {intention.action_id}", "dim"),
        )


IntentionId = Annotated[
    str, typer.Argument(metavar="INTENTION_ID", help="An intention id or its first characters.")
]


def done(intention_id: IntentionId) -> None:
    """Mark an intention done."""
    from journal import insights as svc

    with open_store() as store:
        intention = svc.done(store, intention_id)
    say(f"Done: {intention.text}  Nice follow-through.")


def dismiss(intention_id: IntentionId) -> None:
    """Let an intention go (it leaves the open list)."""
    from journal import insights as svc

    with open_store() as store:
        intention = svc.dismiss(store, intention_id)
    say(f"Let go: {intention.text}")


# --- factors -----------------------------------------------------------------------------------


def factors(
    as_of: AsOf = None,
    days: Annotated[
        str, typer.Option("--days", metavar="N", help="The window: the last N days (default 90).")
    ] = "90",
    outcome: Annotated[
        str,
        typer.Option(
            "--outcome",
            metavar="OUTCOME",
            help="energy (that day's mean), connection (the check-in's answer) or next-day-energy.",
        ),
    ] = "energy",
    every: Annotated[
        bool, typer.Option("--all", help="Show every factor tested, with its q-value.")
    ] = False,
    as_json: Json = False,
) -> None:
    """What goes with your good days: each factor's days against the days without it."""
    from journal.cli.quick import factors_data

    if as_json:
        print_json(factors_data(as_of=as_of, days=days, outcome=outcome, every=every))
        return
    from journal import factors as svc

    day = _as_of(as_of)
    window = svc.parse_days(days)
    svc.check(window, outcome)
    with open_store() as store:
        found = svc.current(store, day, window, outcome, bootstrap="all" if every else "shown")
    _print_factors(found, day, window, outcome, every)


def _print_factors(found: list[Any], day: dt.date, days: int, outcome: str, every: bool) -> None:
    from journal.factors import CHANCE_IN, MIN_DAYS, Q_LEVEL

    tested = [f for f in found if f.enough]
    shown = [f for f in tested if every or f.shown]
    waiting = [f for f in found if not f.enough]
    say(
        (f"What goes with your {outcome.replace('-', ' ')}: the {days} days to {day}", "bold"),
    )
    level = f"q ≤ {Q_LEVEL:.2f}"
    if not tested:
        say(
            f"Not enough days yet: a factor needs {MIN_DAYS} comparable days with it and "
            f"{MIN_DAYS} without it, each with {outcome.replace('-', ' ')} logged."
        )
    elif not shown:
        say(
            f"Nothing stands out: none of {_n(len(tested), 'factor')} tested survives the "
            f"correction for many comparisons ({level}). `--all` lists them with their q-values."
        )
    for factor in shown:
        interval = f"{factor.low:+.1f} to {factor.high:+.1f}"
        say(f"• {factor.sentence}.")
        say(
            (
                f"  90 % interval {interval} ({factor.method}), q = {factor.q:.3f}"
                + ("" if factor.shown else f", above {level}: could be chance"),
                "dim",
            )
        )
    if shown and not every:
        say(
            (
                f"Shown: factors with {level} of {_n(len(tested), 'factor')} tested; on a "
                f"journal where nothing matters, at most 1 such list in {CHANCE_IN} shows any.",
                "dim",
            )
        )
    if waiting:
        listed = waiting if every else waiting[:WAITING_SHOWN]
        say(("Not enough days yet:", "bold"))
        for factor in listed:
            say(f"  {factor.sentence}")
        if len(listed) < len(waiting):
            say((f"  … and {len(waiting) - len(listed)} more (`--all` lists them).", "dim"))


WAITING_SHOWN = 5


def register(app: typer.Typer) -> None:
    for command in (insights, review, act, intentions, done, dismiss, factors):
        app.command(command.__name__)(command)
