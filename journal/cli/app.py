"""The Typer face of `aijournal`: help, completion and every command not on the lean path."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Iterable
from typing import Annotated, Any

import typer

from journal import vocab
from journal.cli import common, quick
from journal.cli._typer_internals import USAGE_ERROR as _USAGE_ERROR
from journal.cli._typer_internals import plain_usage_names, set_value_completer
from journal.cli.spec import HOT, option_key
from journal.errors import JournalError

plain_usage_names()
app = typer.Typer(
    name="aijournal",
    help="A private journal of your AI use, your people and your energy. "
    "Run with no command to open the app.",
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH",
            help="The journal database (default: $AIJOURNAL_DB, else your user data folder).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    if version:
        from journal import __version__

        typer.echo(f"aijournal {__version__}")
        raise typer.Exit(0)
    common.DB_OPTION["path"] = db
    if ctx.invoked_subcommand is None:
        raise typer.Exit(run_tui())


def _hot_command(name: str, declaration: dict[str, Any]) -> None:
    """A Typer command over quick.<name>, with the parameters spec.HOT declares."""
    parameters = []
    for pname, kind, metavar, help_text in declaration["params"]:
        key = option_key(pname)
        if kind in ("arg", "optarg"):
            optional = kind == "optarg"
            annotation: Any = Annotated[
                str | None if optional else str,
                typer.Argument(metavar=metavar, help=help_text, show_default=False),
            ]
            parameters.append(
                inspect.Parameter(
                    key,
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    annotation=annotation,
                    default=None if optional else inspect.Parameter.empty,
                )
            )
            continue
        if kind == "flag":
            annotation, default = Annotated[bool, typer.Option(pname, help=help_text)], False
        elif kind == "multi":
            annotation = Annotated[
                list[str] | None, typer.Option(pname, metavar=metavar, help=help_text)
            ]
            default = None
        else:
            annotation = Annotated[str | None, typer.Option(pname, metavar=metavar, help=help_text)]
            default = None
        parameters.append(
            inspect.Parameter(
                key, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
            )
        )
    handler = quick.HANDLERS[name]

    def command(**kwargs: Any) -> None:
        raise typer.Exit(handler(**kwargs))

    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]  # typer reads it
    command.__doc__ = f"{declaration['help']}\n\nExample: {declaration['example']}"
    command.__name__ = name
    app.command(name)(command)


for _name, _declaration in HOT.items():
    _hot_command(_name, _declaration)

from journal.cli import (  # noqa: E402  (commands register themselves on `app`)
    core,
    experiments,
    exports,
    imports,
    profile,
    reflect,
)

for _module in (core, exports, imports, reflect, profile, experiments):
    _module.register(app)


def run_tui() -> int:
    from journal.tui import run

    return run(common.db_path())


def complete() -> int:
    """Answer a shell's Tab (`_AIJOURNAL_COMPLETE` is set): print the completions and exit.

    Never opens the app, never writes; a failure completes nothing rather than printing a
    traceback into the line being typed.
    """
    common.DB_OPTION["path"] = _completion_db()
    try:
        return run_typer([])
    except SystemExit as done:  # how Typer ends a completion request
        return done.code if isinstance(done.code, int) else 0
    except Exception:
        return 1


def _completion_db() -> str | None:
    """The --db of the line being completed, wherever it stands (as `cli.main` takes it)."""
    import shlex

    from journal.cli import _split_globals

    raw = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
    try:
        words = shlex.split(raw)
    except ValueError:  # an unclosed quote in the word being typed
        words = raw.split()
    return _split_globals(words[1:])[0]


def run_typer(args: list[str]) -> int:
    command = _with_value_completion(typer.main.get_command(app))
    try:
        result = command.main(args=args, prog_name="aijournal", standalone_mode=False)
    except JournalError as err:
        return common.fail(err)
    except _USAGE_ERROR as err:
        ctx = getattr(err, "ctx", None)
        hint = f" (try `{ctx.command_path} --help`)" if ctx else ""
        return common.fail(_Usage(f"{err.format_message()}{hint}"))
    except typer.Abort:
        return 130
    except typer.Exit as err:
        return int(err.exit_code)
    return int(result) if isinstance(result, int) else 0


class _Usage(JournalError):
    exit_code = 2


# --- completing values -------------------------------------------------------------------------
# Typer completes commands and options; these complete values. They are set on the built Click
# parameters (`shell_complete`, stored by Click as `_custom_shell_complete`), so every command
# gets them wherever it is declared: choices by option name, names from the journal by option
# name or by (command, argument).

Completer = Callable[[Any, Any, str], list[str]]


def _matching(values: Iterable[str], incomplete: str) -> list[str]:
    """The values that begin with what was typed, ignoring case (`pr` completes Priya)."""
    typed = incomplete.casefold()
    return list(dict.fromkeys(v for v in values if v.casefold().startswith(typed)))


def _choices(values: Callable[[], Iterable[str]]) -> Completer:
    return lambda ctx, param, incomplete: _matching(values(), incomplete)


def _names(what: str, *, comma_list: bool = False) -> Completer:
    """Tools or people from the journal the command line names (--db, $AIJOURNAL_DB, default);
    with `comma_list`, the last name of 'Sam, Pr' is completed and the others are kept."""

    def complete(ctx: Any, param: Any, incomplete: str) -> list[str]:
        from journal import service
        from journal.paths import resolve_db

        try:
            db = resolve_db(common.DB_OPTION["path"])
        except JournalError:
            return []
        head, last = "", incomplete
        if comma_list and "," in incomplete:
            cut = incomplete.rindex(",") + 1
            cut += len(incomplete[cut:]) - len(incomplete[cut:].lstrip())
            head, last = incomplete[:cut], incomplete[cut:]
        given = {n.strip().casefold() for n in head.split(",")}
        names = [n for n in service.known_names(db, what) if n.casefold() not in given]
        return [head + name for name in _matching(names, last)]

    return complete


def _export_formats() -> list[str]:
    from journal import export

    return export.formats()


def _import_formats() -> list[str]:
    from journal.importers import FORMATS

    return [name.replace("_", "-") for name in FORMATS]


def _short_types() -> list[str]:
    from journal.models import SHORT_TYPES

    return list(SHORT_TYPES)


def _roles() -> list[str]:
    from journal.models import Role

    return [r.value for r in Role]


def _insight_ids() -> tuple[str, ...]:
    from journal.models import DETECTOR_IDS

    return DETECTOR_IDS


def _report_fields() -> tuple[str, ...]:
    from journal.cli.reports import BY_FIELDS

    return BY_FIELDS


def _personas() -> tuple[str, ...]:
    from journal.demo import PERSONAS

    return PERSONAS


OPTION_COMPLETERS: dict[str, Completer] = {
    "--purpose": _choices(lambda: vocab.PURPOSES),
    "--kind": _choices(lambda: vocab.KINDS),
    "--channel": _choices(lambda: vocab.CHANNELS),
    "--relation": _choices(lambda: vocab.RELATIONS),
    "--type": _choices(_short_types),
    "--format": _choices(_export_formats),
    "--persona": _choices(_personas),
    "--role": _choices(_roles),
    "--by": _choices(_report_fields),
    "--tool": _names("tools"),
    "--people": _names("people", comma_list=True),
    "--person": _names("people"),
}
ARGUMENT_COMPLETERS: dict[tuple[str, str], Completer] = {
    ("ai", "tool"): _names("tools"),
    ("start", "tool"): _names("tools"),
    ("met", "people"): _names("people", comma_list=True),
    ("people", "name"): _names("people"),
    ("import", "fmt"): _choices(_import_formats),
    ("mute", "insight_id"): _choices(_insight_ids),
}


def _with_value_completion(root: Any) -> Any:
    for name, command in getattr(root, "commands", {}).items():
        for param in command.params:
            if param.param_type_name == "argument":
                completer = ARGUMENT_COMPLETERS.get((name, param.name))
            else:
                completer = next(
                    (OPTION_COMPLETERS[o] for o in param.opts if o in OPTION_COMPLETERS), None
                )
            if completer is not None:
                set_value_completer(param, completer)
    return root
