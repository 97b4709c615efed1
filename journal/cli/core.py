"""Core journal commands on Typer: check-in, WHO-5, log, edit, delete, undo, people,
backup, demo. Each parses user text with journal.parse, calls journal.service, and prints."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from journal import models as m
from journal import names, service, vocab
from journal import parse as p
from journal.cli.common import open_store
from journal.cli.output import console, describe, entries_table, plain, print_json, say
from journal.cli.spec import SINCE_HELP, UNTIL_HELP
from journal.clock import now as clock_now
from journal.errors import BadInput
from journal.present import days_ago

Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Note = Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A private note.")]
WIDE = 10_000  # columns for output that is not a terminal: long lines stay whole
Day = Annotated[str | None, typer.Option("--day", metavar="WHEN", help="Default: today.")]


def checkin(
    trust_ai: Annotated[
        str,
        typer.Option("--trust-ai", metavar="N", help="Whose help did you trust today: AI, 1 to 5."),
    ],
    trust_team: Annotated[
        str, typer.Option("--trust-team", metavar="N", help="...and your team, 1 to 5.")
    ],
    connection: Annotated[
        str | None,
        typer.Option(
            "--connection", metavar="N", help="How connected to your team did you feel, 1 to 5."
        ),
    ] = None,
    day: Day = None,
    note: Note = None,
) -> None:
    """The daily check-in: whose help you trusted, and how connected you felt."""
    now = clock_now()
    values = {
        "trust_ai": p.parse_int(trust_ai, 1, 5, "--trust-ai"),
        "trust_team": p.parse_int(trust_team, 1, 5, "--trust-team"),
        "connection": p.parse_int(connection, 1, 5, "--connection") if connection else None,
        "day": p.entry_day(day, now),
        "note": p.parse_note(note),
    }
    with open_store() as store:
        row, replaced = service.checkin(store, **values)  # type: ignore[arg-type]  # a mixed-type kwargs dict
    verb = "Replaced" if replaced else "Saved"
    say(
        f"{verb} the check-in for {row['day']}: trust AI {row['trust_ai']}, "
        f"trust team {row['trust_team']}"
        + (f", connection {row['connection']}" if row["connection"] else "")
    )


def who5(
    answers: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="A B C D E",
            help="Five answers, 0 (at no time) to 5 (all of the time); "
            "without them, the five questions are asked one by one.",
            show_default=False,
        ),
    ] = None,
    day: Day = None,
    as_json: Json = False,
) -> None:
    """The WHO-5 wellbeing index: five answers about the last two weeks, 0 to 5 each."""
    now = clock_now()
    asked = not answers
    if not answers:
        answers = _ask_who5()
    if len(answers) != 5:
        raise BadInput(
            f"WHO-5 needs five answers, got {len(answers)}; give five numbers 0 to 5, "
            "e.g. `aijournal who5 3 4 2 3 4`"
        )
    items = [p.parse_int(a, 0, 5, f"WHO-5 answer {n}") for n, a in enumerate(answers, 1)]
    when = p.entry_day(day, now)
    with open_store() as store:
        row = service.log_who5(store, items=items, day=when)
    raw = sum(items)
    percent = raw * 4
    if as_json:
        print_json(
            {
                "id": row["id"],
                "day": row["day"],
                "items": items,
                "raw": raw,
                "percent": percent,
                "band": m.who5_band(percent),
                "disclaimer": m.WHO5_DISCLAIMER,
                "citation": m.WHO5_CITATION,
            }
        )
        return
    if not asked:
        say("Over the last two weeks:")
    for n, (statement, item) in enumerate(zip(m.WHO5_ITEMS, items, strict=True), 1):
        say(f"  {n}. {statement}  ", (f"{item} ({m.WHO5_SCALE[item].lower()})", "bold"))
    say(f"WHO-5 for {row['day']}: {raw}/25 = {percent}%  ({m.who5_band(percent)})")
    say(
        (
            f"{m.WHO5_DISCLAIMER} Bands: 50% or below = low wellbeing, 28% or below = "
            f"please seek professional advice. Source: {m.WHO5_CITATION}.",
            "dim",
        )
    )


def _ask_who5() -> list[str]:
    """The five statements asked one by one on the terminal, each with the 0-5 scale."""
    import sys

    if not sys.stdin.isatty():
        raise BadInput(
            "WHO-5 needs five answers and stdin is not a terminal to ask them; give five "
            "numbers 0 to 5, e.g. `aijournal who5 3 4 2 3 4`"
        )
    say(("WHO-5: over the last two weeks, how much of the time...", "bold"))
    for n, label in enumerate(m.WHO5_SCALE):
        say((f"  {n}  {label}", "dim"))
    answers: list[str] = []
    for n, statement in enumerate(m.WHO5_ITEMS, 1):
        while True:
            try:
                text = input(f"{n}/5  {statement}  [0-5]: ").strip()
            except EOFError:
                raise BadInput("WHO-5 stopped before five answers; nothing was saved") from None
            if text in {"0", "1", "2", "3", "4", "5"}:
                answers.append(text)
                break
            say((f"  {text!r} is not accepted; type a number 0 to 5", "yellow"))
    return answers


TYPE_CHOICES = {**m.SHORT_TYPES, **{t: t for t in m.TIMELINE_TYPES}}


def log(
    since: Annotated[str | None, typer.Option("--since", metavar="WHEN", help=SINCE_HELP)] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="WHEN", help=UNTIL_HELP)] = None,
    kind: Annotated[
        str | None, typer.Option("--type", metavar="TYPE", help="ai, met, energy, checkin or who5.")
    ] = None,
    person: Annotated[
        str | None,
        typer.Option("--person", metavar="NAME", help="Only interactions with this person."),
    ] = None,
    tag: Annotated[
        str | None, typer.Option("--tag", metavar="T", help="Only entries with this tag.")
    ] = None,
    tool: Annotated[
        str | None,
        typer.Option("--tool", metavar="TOOL", help="Only AI sessions with this tool (any case)."),
    ] = None,
    purpose: Annotated[
        str | None,
        typer.Option(
            "--purpose",
            metavar="P",
            help="Only AI sessions for this purpose: learn, augment, automate, companion or "
            "unclassified.",
        ),
    ] = None,
    skill: Annotated[
        str | None,
        typer.Option(
            "--skill", metavar="TEXT", help="Only AI sessions whose skill contains this text."
        ),
    ] = None,
    limit: Annotated[
        str | None,
        typer.Option(
            "--limit", metavar="N", help="At most N entries, the latest (text default: 50)."
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """List entries in time order, filtered."""
    now = clock_now()
    if person is not None:
        person = p.parse_text(person, "--person", max_len=80)
    start_at = p.range_start(since, now) if since else None
    end_at = p.range_end(until, now) if until else None
    types = None
    if kind:
        types = []
        for part in kind.split(","):
            key = part.strip().lower()
            if key not in TYPE_CHOICES:
                raise BadInput(
                    f"--type {part!r} is not accepted; use one of: ai, met, energy, checkin, who5"
                )
            types.append(TYPE_CHOICES[key])
    ai_filter: dict[str, Any] = {
        "tool": p.parse_text(tool, "--tool") if tool is not None else None,
        "purpose": p.parse_choice(vocab.PURPOSES, purpose, "--purpose") if purpose else None,
        "skill": p.parse_text(skill, "--skill") if skill is not None else None,
    }
    count = p.parse_int(limit, 1, 10**9, "--limit") if limit else None
    if count is None and not as_json and since is None:
        count = 50
    tag_value = None
    if tag:
        tags = p.parse_tags([tag])
        tag_value = tags[0] if tags else None
        if tag_value is None:
            raise BadInput(f"--tag {tag!r} names no tag; give one such as 'work'")
    with open_store() as store:
        found = service.entries(
            store,
            since=start_at,
            until=end_at,
            types=types,
            person=person,
            tag=tag_value,
            **ai_filter,
            limit=count,
            newest_first=count is not None,
        )
        found.reverse() if count is not None else None
        total = (
            service.count_entries(
                store,
                since=start_at,
                until=end_at,
                types=types,
                person=person,
                tag=tag_value,
                **ai_filter,
            )
            if count
            else len(found)
        )
    if as_json:
        print_json([m.to_record(e) for e in found])
        return
    if not found:
        console.print(
            "No entries match. Log one with `aijournal ai Claude 30m` or `aijournal met Sam 20m`."
        )
        return
    table = entries_table(found, now.date())
    if console.is_terminal:
        console.print(table)
    else:  # piped: one line per entry, however long, for grep and less
        import io
        import sys

        from rich.console import Console

        buffer = io.StringIO()
        Console(file=buffer, highlight=False, width=WIDE, color_system=None).print(table)
        sys.stdout.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))
    if total > len(found):
        console.print(
            f"[dim]Showing the latest {len(found)} of {total}; use --since or --limit "
            "for more.[/dim]"
        )


def edit(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An id or its first characters.")],
    tool: Annotated[
        str | None, typer.Option("--tool", metavar="TOOL", help="AI session: the tool.")
    ] = None,
    duration: Annotated[
        str | None,
        typer.Option(
            "--duration",
            "--minutes",
            metavar="DURATION",
            help="AI session or interaction: how long (45m, 1h30).",
        ),
    ] = None,
    purpose: Annotated[
        str | None,
        typer.Option(
            "--purpose", metavar="P", help="AI session: learn, augment, automate or companion."
        ),
    ] = None,
    instead_of_person: Annotated[
        bool | None,
        typer.Option(
            "--instead-of-person/--not-instead-of-person",
            help="AI session: asked AI instead of a person, or not.",
        ),
    ] = None,
    skill: Annotated[
        str | None,
        typer.Option("--skill", metavar="TEXT", help="AI session: what you learned."),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option("--at", metavar="WHEN", help="When it happened (as for `ai --at`)."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="The note ('' clears it).")
    ] = None,
    tags: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="T", help="Replaces the tags; repeat for more."),
    ] = None,
    people: Annotated[
        str | None,
        typer.Option("--people", metavar="PEOPLE", help="Interaction: who, 'Sam, Priya'."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="K",
            help="Interaction: mentoring, feedback, collaboration, help, social or meeting.",
        ),
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option(
            "--channel", metavar="C", help="Interaction: in_person, call, video, chat or email."
        ),
    ] = None,
    quality: Annotated[
        str | None,
        typer.Option("--quality", metavar="N", help="Interaction: how connected it felt, 1 to 5."),
    ] = None,
    initiated: Annotated[
        bool | None,
        typer.Option("--initiated/--not-initiated", help="Interaction: you reached out, or not."),
    ] = None,
    level: Annotated[
        str | None, typer.Option("--level", metavar="N", help="Energy: 1 (drained) to 5 (full).")
    ] = None,
    trust_ai: Annotated[
        str | None, typer.Option("--trust-ai", metavar="N", help="Check-in: trust in AI, 1 to 5.")
    ] = None,
    trust_team: Annotated[
        str | None,
        typer.Option("--trust-team", metavar="N", help="Check-in: trust in your team, 1 to 5."),
    ] = None,
    connection: Annotated[
        str | None,
        typer.Option("--connection", metavar="N", help="Check-in: how connected you felt, 1 to 5."),
    ] = None,
) -> None:
    """Change fields of one entry (`aijournal undo` puts it back)."""
    now = clock_now()
    changes = {
        "tool": p.parse_text(tool, "--tool") if tool is not None else None,
        "minutes": p.parse_duration(duration) if duration is not None else None,
        "purpose": p.parse_choice(vocab.PURPOSES, purpose, "--purpose") if purpose else None,
        "instead_of_person": instead_of_person,
        "skill": p.parse_text(skill, "--skill", required=False) if skill is not None else None,
        "at": p.entry_time(at, now) if at is not None else None,
        "note": p.parse_note(note) if note is not None else None,
        "tags": p.parse_tags(tags) if tags is not None else None,
        "people": p.parse_people(people) if people is not None else None,
        "kind": p.parse_choice(vocab.KINDS, kind, "--kind") if kind else None,
        "channel": p.parse_choice(vocab.CHANNELS, channel, "--channel") if channel else None,
        "quality": p.parse_int(quality, 1, 5, "--quality") if quality is not None else None,
        "initiated": initiated,
        "level": p.parse_int(level, 1, 5, "--level") if level is not None else None,
        "trust_ai": p.parse_int(trust_ai, 1, 5, "--trust-ai") if trust_ai is not None else None,
        "trust_team": p.parse_int(trust_team, 1, 5, "--trust-team") if trust_team else None,
        "connection": p.parse_int(connection, 1, 5, "--connection") if connection else None,
    }
    if note == "":
        changes["note"] = ""  # an empty --note clears it
    with open_store() as store:
        entry = service.edit_entry(store, entry_id, changes)
    label, text = describe(entry)
    say(f"Edited {label} {entry.id[:8]}: {text}")


def delete(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An id or its first characters.")],
) -> None:
    """Delete one entry (`aijournal undo` brings it back)."""
    with open_store() as store:
        entry = service.delete_entry(store, entry_id)
    label, text = describe(entry)
    say(f"Deleted {label} {entry.id[:8]}: {text}  (`aijournal undo` brings it back)")


def undo() -> None:
    """Revert the last change."""
    with open_store() as store:
        label = service.undo(store)
    say(f"Undone: {label}")


def people(
    name: Annotated[str | None, typer.Argument(metavar="NAME", help="One person.")] = None,
    relation: Annotated[
        str | None,
        typer.Option(
            "--relation",
            metavar="R",
            help="Set NAME's relation: " + ", ".join(vocab.RELATIONS) + ".",
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """The roster: relation, last contact, how often and how well you meet."""
    now = clock_now()
    if name is not None:
        name = p.parse_text(name, "person name", max_len=80)
    if relation is not None:
        if name is None:
            raise BadInput(
                "--relation needs a NAME, e.g. `aijournal people Priya --relation mentor`"
            )
        chosen = p.parse_choice(vocab.RELATIONS, relation, "--relation")
        with open_store() as store:
            person = service.set_relation(store, name, chosen)
        say(f"{person.name} is now {chosen}.")
        return
    with open_store() as store:
        roster = service.people(store)
    if name is not None:
        roster = [(person, s) for person, s in roster if names.key(person.name) == names.key(name)]
        if not roster:
            raise BadInput(f"person {name!r} is not on the roster; `aijournal people` lists it")
    rows = []
    for person, stats in roster:
        last = stats["last_day"]
        days_since = (now.date() - dt.date.fromisoformat(last)).days if last else None
        rows.append(
            {
                "id": person.id,
                "name": person.name,
                "relation": person.relation.value,
                "interactions": stats["count"],
                "minutes": stats["minutes"] or 0,
                "last_contact": last,
                "days_since": days_since,
                "mean_quality": round(stats["mean_quality"], 3)
                if stats["mean_quality"] is not None
                else None,
            }
        )
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print("No people yet. `aijournal met Sam 20m` adds Sam to your roster.")
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("name", "relation", "last contact", "times", "hours", "quality"):
        numeric = column in ("times", "hours", "quality")
        table.add_column(column, justify="right" if numeric else "left")
    for row in sorted(rows, key=lambda r: (r["days_since"] is None, r["days_since"] or 0)):
        since = "never" if row["days_since"] is None else days_ago(row["days_since"])
        quality = f"{row['mean_quality']:.1f}" if row["mean_quality"] is not None else "–"
        table.add_row(
            plain(row["name"]),
            row["relation"],
            since,
            str(row["interactions"]),
            f"{row['minutes'] / 60:.1f}",
            quality,
        )
    console.print(table)


def backup(
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="PATH", help="A new file or a folder (default: beside the journal)."
        ),
    ] = None,
) -> None:
    """Copy the journal safely (SQLite's backup API), private to you."""
    with open_store() as store:
        target = service.backup(store, path, clock_now())
    say(f"Backed up to {target}", soft_wrap=True)  # a path stays whole


def demo(
    persona: Annotated[
        str, typer.Option("--persona", metavar="NAME", help="drifting, freelancer or balanced.")
    ] = "drifting",
    days: Annotated[
        str, typer.Option("--days", metavar="N", help="How many days, 7 to 1500.")
    ] = "60",
    seed: Annotated[str, typer.Option("--seed", metavar="N", help="Random seed.")] = "7",
) -> None:
    """Fill an empty journal with a realistic, reproducible demo persona."""
    from journal import demo as demo_mod

    chosen = p.parse_choice(demo_mod.PERSONAS, persona, "--persona")
    count = p.parse_int(days, 7, 1500, "--days")
    seed_value = p.parse_int(seed, 0, 2**31, "--seed")
    with open_store() as store:
        summary = demo_mod.fill(
            store, persona=chosen, days=count, seed=seed_value, today=clock_now().date()
        )
    say(
        f"Wrote the {chosen} persona: {summary} over {count} days into {store.path}.",
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    for command in (checkin, who5, log, edit, delete, undo, people, backup, demo):
        app.command(command.__name__)(command)
