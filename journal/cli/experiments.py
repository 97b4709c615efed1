"""Personal experiments on Typer: `experiment start|status|end|list|suggest`.

Thin: parse user text, call journal.experiments, print with rich or as JSON.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from journal import experiments as svc
from journal.cli.common import open_store
from journal.cli.output import print_json, say
from journal.clock import now as clock_now

Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]

experiment_app = typer.Typer(
    name="experiment",
    help="Try a change for some days and see what it does: start, status, end, list, suggest.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

NOTHING_RUNNING = (
    "No experiment is running. `aijournal experiment suggest` lists ready-made ones; "
    "`aijournal experiment start NAME --change TEXT` starts your own."
)
NONE_YET = "No experiments yet. `aijournal experiment suggest` lists ready-made ones."


def _show_result(data: dict[str, Any]) -> None:
    for part in data["results"]:
        say(("  • ", "dim"), part["sentence"])
    for caveat in data["caveats"]:
        say(("  ! ", "yellow"), caveat)


@experiment_app.command("start")
def start(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME", help="A short name, such as 'draft first'.", show_default=False
        ),
    ] = None,
    change: Annotated[
        str | None,
        typer.Option("--change", metavar="TEXT", help="What you will do differently."),
    ] = None,
    days: Annotated[
        str | None, typer.Option("--days", metavar="N", help="How many days, 2 to 180 (14).")
    ] = None,
    measure: Annotated[
        list[str] | None,
        typer.Option(
            "--measure",
            metavar="M",
            help="energy, connection, augmentation or people-minutes (repeat for more).",
        ),
    ] = None,
    design: Annotated[
        str | None,
        typer.Option(
            "--design",
            metavar="D",
            help="before-after (compare with the days before) or alternate (ON and OFF days).",
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template", metavar="T", help=f"A ready-made one: {', '.join(svc.TEMPLATES)}."
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Start an experiment today (one at a time)."""
    if template is not None:
        svc.check_template(template)
    for x in measure or []:
        svc.check_measure(x)
    if design is not None:
        svc.check_design(design)
    if days is not None:
        svc.check_days(days)
    now = clock_now()
    with open_store() as store:
        found = svc.start(
            store,
            name=name,
            change=change,
            days=days,
            measures=measure,
            design=design,
            template=template,
            today=now.date(),
        )
        data = svc.describe(store, found, now.date())
    if as_json:
        print_json(data)
        return
    say(
        ("Started ", "bold"),
        f"'{found.name}' for {found.days} days ({found.design}), measuring "
        f"{', '.join(found.measures)}. id {found.id[:8]}",
    )
    line = svc.prompt_line(found, now.date())
    if line:
        say(line)


@experiment_app.command("status")
def status(
    prompt: Annotated[
        bool, typer.Option("--prompt", help="One line for a shell prompt (nothing if none runs).")
    ] = False,
    as_json: Json = False,
) -> None:
    """Where the running experiment stands (or the last one ended), with its result so far."""
    today = clock_now().date()
    with open_store() as store:
        current = svc.running(store) if prompt else svc.latest(store)
        data = None if current is None or prompt else svc.describe(store, current, today)
    if prompt:
        line = svc.prompt_line(current, today)
        if as_json:
            print_json({"line": line})
        elif line:
            say(line)
        return
    if as_json:
        print_json(data)
        return
    if current is None or data is None:
        say(NOTHING_RUNNING)
        return
    line = svc.prompt_line(current, today)
    state = line or f"Experiment '{current.name}': ended on {data['ended_at'][:10]}"
    say((state, "bold"))
    if current.change not in state:
        say(f"  Change: {current.change}")
    _show_result(data)


@experiment_app.command("end")
def end(as_json: Json = False) -> None:
    """End the running experiment and show its result."""
    now = clock_now()
    with open_store() as store:
        found = svc.end(store, now=now)
        data = svc.describe(store, found, now.date())
    if as_json:
        print_json(data)
        return
    say(
        ("Ended ", "bold"),
        f"'{found.name}' after {min(svc.day_number(found, now.date()), found.days)} of "
        f"{found.days} days. `aijournal undo` takes it back.",
    )
    _show_result(data)


@experiment_app.command("list")
def list_(as_json: Json = False) -> None:
    """Every experiment, running and ended."""
    today = clock_now().date()
    with open_store() as store:
        found = svc.experiments(store)
        data = [svc.describe(store, x, today) for x in found] if as_json else []
    if as_json:
        print_json(data)
        return
    if not found:
        say(NONE_YET)
    for x in found:
        state = "running" if x.ended_at is None else f"ended {x.ended_at.date().isoformat()}"
        say(
            (x.id[:8], "dim"),
            f"  {x.started_day.isoformat()}  {x.name}  ({x.design}, {x.days} days, {state})",
        )


@experiment_app.command("suggest")
def suggest(as_json: Json = False) -> None:
    """Ready-made experiments that try more augmenting, more people, less drift."""
    if as_json:
        print_json(
            [
                {
                    "template": t.key,
                    "name": t.name,
                    "change": t.change,
                    "measures": list(t.measures),
                    "design": t.design,
                }
                for t in svc.TEMPLATES.values()
            ]
        )
        return
    for t in svc.TEMPLATES.values():
        say((f"{t.key:<18}", "bold"), f"{t.name}: {t.change} ({', '.join(t.measures)})")
    say(("Start one with `aijournal experiment start --template draft-first`.", "dim"))


def register(app: typer.Typer) -> None:
    app.add_typer(experiment_app, name="experiment")
