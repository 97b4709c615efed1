"""The profile, pauses and mutes on Typer: `profile`, `pause`, `mute`.

Thin: parse user text, call journal.profile, print with rich or as JSON.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from journal import models as m
from journal import parse as p
from journal import profile as svc
from journal.cli.common import open_store
from journal.cli.output import print_json, say
from journal.clock import now as clock_now
from journal.errors import BadInput

Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
ListFlag = Annotated[bool, typer.Option("--list", help="List them.")]

# --- the words the user reads ------------------------------------------------------------------

NO_TARGET = "none (the 71% research figure is shown as a reference point only)"
NO_PAUSES = "No pauses declared. `aijournal pause FROM TO --reason holiday` declares one."
NO_MUTES = "No insight is muted. `aijournal mute INSIGHT_ID` hides one for 14 days."


def _profile_json(profile: m.Profile) -> dict[str, Any]:
    return {
        "role": profile.role.value,
        "workdays": [m.WEEKDAYS[d] for d in profile.workdays],
        "augmentation_target": profile.augmentation_target,
    }


def profile(
    role: Annotated[
        str | None,
        typer.Option(
            "--role", metavar="ROLE", help="employee, freelancer, manager, student, other."
        ),
    ] = None,
    workdays: Annotated[
        str | None,
        typer.Option("--workdays", metavar="DAYS", help="Such as mon-fri, sun-thu, mon,tue,thu."),
    ] = None,
    augmentation_target: Annotated[
        str | None,
        typer.Option(
            "--augmentation-target",
            metavar="PCT",
            help="Your own target share of learning and augmenting, 0 to 100; none clears it.",
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Show your profile, or set it: role, workdays, augmentation target."""
    changes: dict[str, Any] = {}
    if role is not None:
        changes["role"] = svc.parse_role(role)
    if workdays is not None:
        changes["workdays"] = svc.parse_workdays(workdays)
    if augmentation_target is not None:
        changes["augmentation_target"] = svc.parse_target(augmentation_target)
    with open_store() as store:
        found = svc.set_profile(store, **changes) if changes else svc.get_profile(store)
    if as_json:
        print_json(_profile_json(found))
        return
    target = found.augmentation_target
    say(
        ("Profile saved: " if changes else "Profile: ", "bold"),
        f"role {found.role.value} · workdays {svc.workdays_text(found.workdays)} · "
        f"augmentation target {NO_TARGET if target is None else f'{target}%'}",
    )


def pause(
    from_day: Annotated[
        str | None, typer.Argument(metavar="FROM", help="The first day away.", show_default=False)
    ] = None,
    to_day: Annotated[
        str | None, typer.Argument(metavar="TO", help="The last day away.", show_default=False)
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", metavar="R", help="Such as holiday, sick leave.")
    ] = None,
    show: ListFlag = False,
    delete: Annotated[
        str | None, typer.Option("--delete", metavar="ID", help="Remove a pause.")
    ] = None,
    as_json: Json = False,
) -> None:
    """Declare days away (holiday, sick leave): the insights leave them out."""
    given = from_day is not None or to_day is not None or reason is not None
    if sum((given, show, delete is not None)) != 1 or (as_json and not show):
        raise BadInput(
            "pause takes FROM TO [--reason R], or --list [--json], or --delete ID; "
            "give exactly one of them"
        )
    if show:
        with open_store() as store:
            found = svc.pauses(store)
        if as_json:
            print_json([m.to_record(x) for x in found])
        elif not found:
            say(NO_PAUSES)
        for x in [] if as_json else found:
            days = (x.to_day - x.from_day).days + 1
            say(
                (x.id[:8], "dim"),
                f"  {x.from_day.isoformat()} to {x.to_day.isoformat()} ({days} "
                f"day{'s' if days != 1 else ''})",
                f"  {x.reason}" if x.reason else "",
            )
        return
    if delete is not None:
        with open_store() as store:
            gone = svc.delete_pause(store, delete)
        say(
            f"Deleted the pause {gone.from_day.isoformat()} to {gone.to_day.isoformat()}. "
            "`aijournal undo` brings it back."
        )
        return
    if from_day is None or to_day is None:
        raise BadInput("pause needs FROM and TO, such as `aijournal pause 2026-12-22 2027-01-02`")
    now = clock_now()
    first, last = p.filter_day(from_day, now), p.filter_day(to_day, now)
    with open_store() as store:
        added = svc.add_pause(store, from_day=first, to_day=last, reason=reason)
    days = (added.to_day - added.from_day).days + 1
    say(
        f"Paused {added.from_day.isoformat()} to {added.to_day.isoformat()} ({days} "
        f"day{'s' if days != 1 else ''})"
        + (f": {added.reason}" if added.reason else "")
        + f". id {added.id[:8]}; `aijournal pause --delete {added.id[:8]}` removes it."
    )


def mute(
    insight_id: Annotated[
        str | None,
        typer.Argument(
            metavar="INSIGHT_ID", help="An insight id, such as trust-streak.", show_default=False
        ),
    ] = None,
    days: Annotated[
        str | None,
        typer.Option("--days", metavar="N", help="How many days, 1 to 365 (default 14)."),
    ] = None,
    show: ListFlag = False,
    delete: Annotated[
        str | None, typer.Option("--delete", metavar="ID", help="Unmute (a mute id).")
    ] = None,
    as_json: Json = False,
) -> None:
    """Hide an insight for a while (14 days unless --days says otherwise)."""
    given = insight_id is not None or days is not None
    if sum((given, show, delete is not None)) != 1 or (as_json and not show):
        raise BadInput(
            "mute takes INSIGHT_ID [--days N], or --list [--json], or --delete ID; "
            "give exactly one of them"
        )
    today = clock_now().date()
    if show:
        with open_store() as store:
            found = svc.mutes(store, on=today)
        if as_json:
            print_json([m.to_record(x) for x in found])
        elif not found:
            say(NO_MUTES)
        for x in [] if as_json else found:
            say((x.id[:8], "dim"), f"  {x.insight_id}  until {x.until.isoformat()}")
        return
    if delete is not None:
        with open_store() as store:
            gone = svc.delete_mute(store, delete)
        say(f"Unmuted {gone.insight_id}. `aijournal undo` mutes it again.")
        return
    if insight_id is None:
        raise BadInput("mute needs an INSIGHT_ID, such as `aijournal mute trust-streak`")
    wanted = svc.check_insight_id(insight_id)
    count = svc.MUTE_DAYS if days is None else p.parse_int(days, 1, svc.MUTE_MAX_DAYS, "--days")
    with open_store() as store:
        added = svc.add_mute(store, wanted, days=count, today=today)
    say(
        f"Muted {added.insight_id} until {added.until.isoformat()} ({count} "
        f"day{'s' if count != 1 else ''}). `aijournal mute --delete {added.id[:8]}` "
        "brings it back sooner."
    )


def register(app: typer.Typer) -> None:
    for command in (profile, pause, mute):
        app.command(command.__name__)(command)
