"""Import and classify commands: `import FORMAT FILE` (ChatGPT, Claude, .ics, JSONL) and the
`classify` queue that gives imported AI sessions a purpose, one key each."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from journal import classify as queue
from journal import parse as p
from journal import suggest
from journal.cli.common import open_store
from journal.cli.output import print_json, say
from journal.clock import now as clock_now
from journal.errors import BadInput, JournalError
from journal.importers import FORMATS
from journal.store import JournalStore

AI_FORMATS = ("chatgpt", "claude", "claude_code", "codex")
STREAMED = ("chatgpt", "claude", "claude_code", "codex", "ics")  # formats that report progress
PROGRESS_FROM_BYTES = 5 * 1024 * 1024  # a progress bar for files at least this large
PROGRESS_FROM_BYTES_ICS = 1024 * 1024  # calendars parse more per byte: a bar from 1 MB
PROBLEM_LINES = 20
NOUN = {
    "chatgpt": "AI sessions",
    "claude": "AI sessions",
    "claude_code": "AI sessions",
    "codex": "AI sessions",
    "ics": "meetings",
    "jsonl": "records",
}


def import_(
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="[FORMAT]",
            help="chatgpt, claude, ics, jsonl, claude-code or codex; left out, the file tells.",
        ),
    ],
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="FILE",
            help="the export .zip (or its folder, or the conversations.json in it), an .ics or "
            "its .zip, a .jsonl file, or Claude Code's folder (~/.claude).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be added; write nothing.")
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="WHEN",
            help="Only from this day (ics default: 90 days ago; `all`: every year).",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="WHEN", help="Only up to this day (default: now)."),
    ] = None,
    me: Annotated[
        str | None,
        typer.Option(
            "--me", metavar="EMAIL", help="ics: your address (leaves you out, sees declines)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    # --- ics only: what the calendar import leaves out unless told ---
    include_unanswered: Annotated[
        bool,
        typer.Option("--include-unanswered", help="ics: take invitations you never answered."),
    ] = False,
    include_long: Annotated[
        bool, typer.Option("--include-long", help="ics: take events of 8 hours or more.")
    ] = False,
    include_broadcasts: Annotated[
        bool,
        typer.Option("--include-broadcasts", help="ics: take events with over 25 invitees."),
    ] = False,
) -> None:
    """Import AI chat history (ChatGPT, Claude, Claude Code), calendar meetings (.ics) or a JSONL
    export. Given only FILE, the format is read from its content.

    Example: aijournal import ~/Downloads/chatgpt-export.zip --dry-run
    """
    if file is None:
        fmt, file = "", fmt
        if file.strip().lower().replace("-", "_") in FORMATS and not os.path.exists(file):
            raise BadInput(f"FILE is missing; give the path of the exported file after {file!r}")
    now = clock_now()
    path = os.path.expanduser(file)
    if not os.path.exists(path):
        raise BadInput(f"FILE {file!r} does not exist; give the path of the exported file")
    _check_kind(path, file)
    if fmt:
        chosen = p.parse_choice(FORMATS, fmt, "FORMAT")
    else:
        from journal.importers.detect import detect

        chosen = detect(path)
        fmt = chosen.replace("_", "-")
    from journal.cli.common import db_path
    from journal.store import is_journal_file

    if is_journal_file(path, db_path()):  # reading it while connected would drop our locks
        raise BadInput(f"FILE {file!r} is the journal itself; give the path of an exported file")
    options: dict[str, Any] = {"dry_run": dry_run}
    if chosen == "jsonl":
        given = [
            name
            for name, value in (("--since", since), ("--until", until), ("--me", me))
            if value is not None
        ]
        if given:
            raise BadInput(
                f"{given[0]} does not apply to `import jsonl`; a JSONL export is merged whole"
            )
    else:
        every = chosen == "ics" and since is not None and since.strip().lower() == "all"
        start = p.range_start(since, now) if since and not every else None
        if every:
            from journal.importers.ics import ALL_YEARS

            start = ALL_YEARS
        end = p.range_end(until, now) if until else None
        if start and end and start > end:
            raise BadInput(f"--since {since!r} is after --until {until!r}; give an earlier --since")
        options.update(since=start, until=end)
        if chosen == "ics":
            if me is not None and "@" not in me:
                raise BadInput(
                    f"--me {me!r} is not an email address; give the address your "
                    "calendar invites use, e.g. you@example.com"
                )
            options["me"] = me
            options.update(
                include_unanswered=include_unanswered,
                include_long=include_long,
                include_broadcasts=include_broadcasts,
            )
        elif me is not None:
            raise BadInput(f"--me applies to `import ics` only, not `import {fmt}`")
    _ics_only(chosen, fmt, include_unanswered, include_long, include_broadcasts)
    importer = importlib.import_module(f"journal.importers.{chosen}")
    with open_store() as store, _progress(path, chosen, quiet=as_json) as progress:
        if progress is not None:
            options["progress"] = progress
        result = importer.run(store, path, **options)
    _report(chosen, file, dry_run, result, as_json)


def _ics_only(chosen: str, fmt: str, *flags: bool) -> None:
    """The --include-* flags choose among calendar events: refused for other formats."""
    names = ("--include-unanswered", "--include-long", "--include-broadcasts")
    given = [name for name, on in zip(names, flags, strict=True) if on]
    if given and chosen != "ics":
        raise BadInput(f"{given[0]} applies to `import ics` only, not `import {fmt}`")


def _check_kind(path: str, file: str) -> None:
    """A FIFO, device or socket (or a link to one) is refused before anything opens it, so an
    import never waits on a pipe nor reads /dev/zero forever."""
    import stat

    mode = os.stat(path).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        from journal.importers._bounds import kind_of_file

        raise BadInput(
            f"FILE {file!r} is {kind_of_file(mode)}, not a file; give the path of the exported file"
        )


@contextmanager
def _progress(path: str, fmt: str, *, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr while a large import reads and writes (only on a terminal):
    the importer calls back with (done, total) in its own units, reading and writing both."""
    least = PROGRESS_FROM_BYTES_ICS if fmt == "ics" else PROGRESS_FROM_BYTES
    if quiet or fmt not in STREAMED or not sys.stderr.isatty() or _size(path) < least:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    from journal.textsafe import visible

    bar = Progress(
        TextColumn("importing {task.description}", markup=False),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task(visible(os.path.basename(os.path.normpath(path))), total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield update


def _size(path: str) -> int:
    """Bytes of a file, or of the files in a folder (two levels down at most: Claude Code's)."""
    if not os.path.isdir(path):
        return os.path.getsize(path)
    total = 0
    base = path.rstrip(os.sep).count(os.sep)
    for folder, subfolders, files in os.walk(path):
        if folder.count(os.sep) - base >= 3:
            subfolders[:] = []
        for name in files:
            try:
                total += os.path.getsize(os.path.join(folder, name))
            except OSError:
                continue
    return total


def _report(fmt: str, file: str, dry_run: bool, result: Any, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "format": fmt,
                "file": file,
                "dry_run": dry_run,
                "added": result.added,
                "updated": result.updated,
                "deleted": result.deleted,
                "skipped": result.skipped,
                "reasons": dict(result.reasons),
                "details": list(result.details),
                "problems": list(result.problems),
                "notes": list(result.notes),
            }
        )
        return
    name = os.path.basename(file)
    noun = NOUN[fmt]
    if dry_run:
        changes = [f"add {result.added} {noun}"]
        if result.updated:
            changes.append(f"update {result.updated}")
        if result.deleted:
            changes.append(f"remove {result.deleted}")
        left_out = result.left_out()
        say(
            f"Dry run, nothing written: {name} would {', '.join(changes)}"
            + (f" ({left_out} skipped)." if left_out else "."),
            soft_wrap=True,
        )
        _notes(result)
        for line in result.details:
            say(f"  {line}", soft_wrap=True)
        more = result.added - sum(1 for line in result.details if not line.startswith("left out"))
        if more > 0:
            say(f"  … and {more} more", soft_wrap=True)
        _problems(result.problems)
        return
    say(f"Imported {name}: {result.summary()}.", soft_wrap=True)
    _notes(result)
    _problems(result.problems)
    if fmt in AI_FORMATS and result.added:
        say(
            f"The new {noun} are unclassified; `aijournal classify` gives each a "
            "purpose with one key.",
            soft_wrap=True,
        )


def _notes(result: Any) -> None:
    """What the import looked at and what it leaves out unless told (ics: the window)."""
    for line in getattr(result, "notes", []):
        say(f"  {line}", soft_wrap=True)


def _problems(problems: list[str]) -> None:
    """One line per record left out (a time or number no journal can hold, an event recurring
    every minute), so the user knows what was not imported and why."""
    for line in problems[:PROBLEM_LINES]:
        say(f"  skipped {line}", soft_wrap=True)
    if len(problems) > PROBLEM_LINES:
        say(f"  … and {len(problems) - PROBLEM_LINES} more skipped", soft_wrap=True)


# --- classify ----------------------------------------------------------------------------------


def classify(
    *,
    accept: Annotated[
        bool,
        typer.Option(
            "--accept",
            help="Give every session whose suggestion reaches --min-confidence its suggested "
            "purpose, in one undo step, without asking.",
        ),
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            metavar="0..1",
            help="How sure a suggestion must be for --accept (default 0.8).",
        ),
    ] = suggest.MIN_CONFIDENCE,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="List the unclassified sessions with their suggestions as JSON; ask nothing.",
        ),
    ] = False,
) -> None:
    """Give unclassified AI sessions a purpose, newest first, one key each.

    Keys: l learn, a augment, t automate, c companion, y or Enter the suggested purpose (learned
    from how you classified similar sessions), k type a skill (then a purpose key), s skip,
    q quit. Each answer is one undo step.
    """
    suggest.check_confidence(min_confidence)
    if accept:
        _accept(min_confidence, as_json)
        return
    if as_json:
        _list_json()
        return
    today = clock_now().date()
    tally = queue.Tally()
    read = _read_key if sys.stdin.isatty() else _read_line
    with open_store() as store:
        ids = queue.pending(store)
        if not ids:
            say("Nothing to classify: every AI session has a purpose.", soft_wrap=True)
            return
        say(f"{len(ids)} unclassified AI sessions, newest first. {queue.HINT}", soft_wrap=True)
        for number, session_id in enumerate(ids, 1):
            entry = queue.session(store, session_id)
            if entry is None:
                continue
            say(f"[{number}/{len(ids)}] {queue.card(entry, today)}", soft_wrap=True)
            found = queue.suggestion(store, entry)
            if found is not None:
                say(f"  {queue.suggestion_line(found)}", soft_wrap=True)
            key = _ask(read, found)
            while key == queue.SKILL:
                _ask_skill(store, session_id, read is _read_key)
                key = _ask(read, found)
            if key == queue.QUIT:
                break
            if key == queue.SKIP:
                tally.skipped += 1
                continue
            if key == queue.ACCEPT and found is not None:
                tally.add(queue.give(store, session_id, found.purpose))
            else:
                tally.add(queue.answer(store, session_id, key))
        left = len(queue.pending(store))
    say(tally.summary(left), soft_wrap=True)


def _accept(min_confidence: float, as_json: bool) -> None:
    """`classify --accept`: every suggestion at or above min_confidence, in one write."""
    from journal.present import count

    with open_store() as store:
        given = suggest.apply(store, min_confidence)
        left = len(queue.pending(store))
    if as_json:
        print_json({"classified": given, "min_confidence": min_confidence, "left": left})
    elif given:
        say(
            f"Classified {count(given, 'AI session')} from suggestions with confidence "
            f"{min_confidence:.2f} or more (one undo step); {left} still unclassified.",
            soft_wrap=True,
        )
    elif left:
        say(
            f"No suggestion reached confidence {min_confidence:.2f}; {left} still unclassified. "
            "`aijournal classify` shows each with its suggestion.",
            soft_wrap=True,
        )
    else:
        say("Nothing to classify: every AI session has a purpose.", soft_wrap=True)


def _list_json() -> None:
    """`classify --json`: the unclassified sessions (JSONL record form), each with `suggestion`
    (purpose, confidence, basis) or null."""
    from journal import service
    from journal.models import to_record

    with open_store() as store:
        found = suggest.pending(store)
        sessions = service.unclassified_ai(store)
    out = []
    for entry in sessions:
        record = to_record(entry)
        hint = found.get(entry.id)
        record["suggestion"] = hint.as_json() if hint is not None else None
        out.append(record)
    print_json(out)


def _ask(read: Callable[[], str | None], found: suggest.Suggestion | None = None) -> str:
    """A valid key (q at the end of input or on Ctrl-C/Ctrl-D); with a suggestion, y or Enter
    (an empty line when piped) accepts it."""
    valid = set(queue.KEYS) | {queue.SKIP, queue.QUIT, queue.SKILL}
    if found is not None:
        valid.add(queue.ACCEPT)
    hint = queue.HINT if found is None else queue.accept_hint(found)
    interactive = read is _read_key
    while True:
        if interactive:
            sys.stdout.write("> ")
            sys.stdout.flush()
        try:
            raw = read()
        except (KeyboardInterrupt, EOFError):
            raw = None
        if raw is None:
            sys.stdout.write("\n" if interactive else "")
            return queue.QUIT
        if found is not None and raw in ("\r", "\n", "\r\n"):
            raw = queue.ACCEPT  # Enter takes the suggestion
        key = raw.strip().lower()[:1]
        if key in valid:
            sys.stdout.write(f"{key}\n" if interactive else "")
            return key
        if key:
            sys.stdout.write(f"{key!r} is not a key here; {hint}\n")


def _ask_skill(store: JournalStore, session_id: str, interactive: bool) -> None:
    """Read a line (what was learned) and give it to the session; the purpose key follows."""
    if interactive:
        sys.stdout.write("skill (Enter to leave it): ")
        sys.stdout.flush()
    try:
        line = sys.stdin.readline()
    except (KeyboardInterrupt, EOFError):
        line = ""
    if not line.strip():
        return
    try:
        skill = queue.set_skill(store, session_id, line.strip())
    except JournalError as err:
        sys.stdout.write(f"{err}\n")
        return
    say(f"  skill: {skill}; now its purpose ({queue.HINT})", soft_wrap=True)


def _read_line() -> str | None:
    """Piped input: one key per line; None at the end of input."""
    line = sys.stdin.readline()
    return None if line == "" else line


def _read_key() -> str | None:
    """One key press from the terminal, without Enter."""
    try:
        import termios
        import tty
    except ImportError:  # no termios (Windows): fall back to lines
        return _read_line()
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setraw(fd)
        char = os.read(fd, 8).decode("utf-8", "ignore")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    if char in ("\x03", "\x04", "\x1b"):  # Ctrl-C, Ctrl-D, Esc
        return None
    return char


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("classify")(classify)
