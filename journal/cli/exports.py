"""`export` and `coach`: write a redacted summary (or the full JSONL backup); review several."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from journal import parse as p
from journal.cli.common import open_store
from journal.cli.output import console, plain, print_json, say
from journal.clock import now as clock_now
from journal.errors import BadInput
from journal.textsafe import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.table import Table

    from journal.export.coach import Client

FORMAT_HELP = (
    "md (default), json, csv, html, or jsonl; without --format, -o FILE's extension "
    "picks it. md/json/csv/html leave notes and tags out and show people as Person A, "
    "Person B... by default; jsonl is a full backup and keeps everything."
)


def export(
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", metavar="FORMAT", help=FORMAT_HELP)
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="WHEN", help="First day (default: the journal's first day)."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="WHEN", help="Last day, inclusive (default: today)."),
    ] = None,
    include_notes: Annotated[
        bool,
        typer.Option("--include-notes", help="Share notes and tags too (left out by default)."),
    ] = False,
    real_names: Annotated[
        bool,
        typer.Option("--real-names", help="Show people's names instead of Person A, Person B..."),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE, readable only by you (default: print to the terminal).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="ALIAS",
            help="The name your coach sees for you (default: none; the coach sees the file name).",
        ),
    ] = None,
    sections: Annotated[
        str | None,
        typer.Option(
            "--sections",
            metavar="LIST",
            help="What to share, comma-separated: ai, people, energy, checkins, who5, insights, "
            "factors, experiments (default: all). E.g. ai,people,insights leaves out WHO-5, "
            "energy, check-ins, factors and experiments; factors need energy.",
        ),
    ] = None,
) -> None:
    """Export a summary for your coach (redacted by default), or a full JSONL backup."""
    from journal import export as exporters
    from journal.export import summary

    chosen = fmt or (exporters.for_extension(output) if output else None) or "md"
    exporter = exporters.get(chosen)
    now = clock_now()
    if exporter.names[0] == "jsonl" and (since or until or name or sections):
        given = "--since and --until" if since or until else "--name and --sections"
        raise BadInput(
            f"{given} do not apply to jsonl: it is a full backup of every "
            "record; use md, json, csv or html for one period"
        )
    options = summary.Options(
        since=p.filter_day(since, now) if since else None,
        until=p.filter_day(until, now, end=True) if until else None,
        include_notes=include_notes,
        real_names=real_names,
        name=summary.parse_name(name) if name is not None else None,
        sections=summary.parse_sections(sections) if sections is not None else summary.SECTIONS,
    )
    target = _target(output, force) if output else None
    with open_store() as store:
        text = exporter.export(store, options)
    if target is None:
        sys.stdout.write(text)
        return
    write_private(target, text.encode("utf-8"), force=force)
    what = "backup" if exporter.names[0] == "jsonl" else f"{exporter.names[0]} summary"
    sys.stderr.write(f"Wrote the {what} to {visible(target)} (readable only by you).\n")


def _target(output: str, force: bool) -> str:
    from journal import service
    from journal.cli.common import db_path

    target = os.path.abspath(os.path.expanduser(output))
    if os.path.isdir(target) or output.endswith(("/", os.sep)):
        raise BadInput(f"-o {output!r} is a folder; accepted: a file path")
    # The journal, its side files and any SQLite database are refused even with --force.
    target = service.check_output(db_path(), target, "-o", replace=True)
    if os.path.lexists(target) and not force:
        raise BadInput(
            f"-o {output!r} exists already; add --force to replace it, or choose another name"
        )
    # Through a symlink, the file it names is replaced, never the link itself (`/dev/stdout`).
    return os.path.realpath(target)


def write_private(target: str, data: bytes, *, force: bool) -> None:
    """Write a file created 0600; with force, replace an existing one atomically."""
    folder = os.path.dirname(target)
    temp = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.tmp")
    path = temp if force else target
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise BadInput(f"{target!r} exists already; add --force to replace it") from None
    except OSError as err:
        raise BadInput(
            f"{target!r} cannot be written ({err.strerror}); accepted: a file in a "
            "folder you can write to; nothing was written"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if force:
            os.replace(temp, target)
    except BaseException:
        try:
            os.remove(path)
        except OSError:
            pass
        raise


def coach(
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Summaries from `aijournal export --format json`."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="A cohort report to keep or send: md or html (with -o, its extension picks it).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE, readable only by you.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Review several clients' summaries side by side, who needs a conversation first.

    The same file twice is read once; exports with the same --name are one client (the latest
    shown, with the change since the one before)."""
    from journal.export import coach as review
    from journal.export import cohort

    report = _report_format(fmt, output)
    if report and as_json:
        raise BadInput("--json and --format exclude each other; give one of them")
    target = _target(output, force) if output else None
    loaded = review.load(files)
    for problem in loaded.bad:
        sys.stderr.write(f"aijournal: skipped {visible(problem)}\n")
    for note in loaded.notes:
        sys.stderr.write(f"aijournal: {visible(note)}\n")
    if not loaded.clients:
        raise BadInput(
            "none of the files is a readable aijournal summary; accepted: files "
            "from `aijournal export --format json`"
        )
    ranked = review.rank(loaded.clients)
    if as_json:
        print_json(cohort.as_json(ranked))
        return
    if report:
        made = clock_now().isoformat(timespec="minutes")
        text = cohort.render(report, ranked, loaded.notes, made)
        if target is None:
            sys.stdout.write(text)
            return
        write_private(target, text.encode("utf-8"), force=force)
        sys.stderr.write(
            f"Wrote the {report} cohort report to {visible(target)} (readable only by you).\n"
        )
        return
    console.print(_coach_table(ranked))
    first = ranked[0]
    if first.score > 0:
        say("\nTalk to ", (first.label, "bold"), " first.")
    else:
        say("\nNo one stands out: nothing in these summaries asks for a conversation.")
    for n, c in enumerate(ranked, 1):
        change, hidden = cohort.change_line(c), cohort.not_shared(c)
        found = cohort.findings(c)
        if not (c.reasons or c.act_insights or change or hidden or found):
            continue
        reasons = f": {'; '.join(c.reasons)}." if c.reasons else ""
        say("\n", (f"{n}. {c.label}", "bold"), reasons)
        for title in c.act_insights:
            say("   ", ("●", "red"), f" {title}")
        if change:
            say("   ", (f"{change[0].upper()}{change[1:]} ({c.exports} exports).", "dim"))
        for finding in found:
            say("   ", f"{finding[0].upper()}{finding[1:]}")
        if hidden:
            say("   ", (f"{hidden[0].upper()}{hidden[1:]}.", "dim"))


def _report_format(fmt: str | None, output: str | None) -> str | None:
    """md or html from --format or -o's extension; None: the table on the terminal."""
    from journal.export import cohort

    if fmt is None and output is None:
        return None
    name = (fmt or "").strip().lower()
    if not name and output:
        name = os.path.splitext(output)[1].lstrip(".").lower()
        name = {"markdown": "md", "htm": "html"}.get(name, name)
    if name not in cohort.FORMATS:
        given = f"--format {fmt!r}" if fmt else f"-o {output!r}"
        raise BadInput(f"{given} is not accepted for coach; use --format md or --format html")
    return name


def _coach_table(ranked: list[Client]) -> Table:
    """One compact row a client (fits 80 columns); the reasons follow the table."""
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column, justify in (
        ("#", "right"),
        ("client", "left"),
        ("period", "left"),
        ("AI h", "right"),
        ("augm.", "right"),
        ("people h", "right"),
        ("energy", "right"),
        ("act", "right"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]  # rich wants a Literal
    arrows = {"rising": " ↗", "falling": " ↘", "steady": " →"}
    for n, c in enumerate(ranked, 1):
        t = c.totals
        share = t["ai"]["augmentation_share"]
        energy = t["energy"]
        table.add_row(
            str(n),
            plain(c.label),
            plain(c.period.replace(" to ", "–")),
            f"{c.ai_hours:.1f}",
            "–" if share is None else f"{share * 100:.0f}%",
            f"{c.people_hours:.1f}",
            ("–" if energy["mean"] is None else f"{energy['mean']:.1f}")
            + arrows.get(energy["trend"] or "", ""),
            str(len(c.act_insights)),
        )
    return table


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("coach")(coach)
