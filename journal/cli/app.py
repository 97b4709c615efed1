"""The Typer face of `aijournal`: help, completion and every command not on the lean path."""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from journal.cli import common, quick
from journal.cli.spec import HOT, option_key
from journal.errors import JournalError

if TYPE_CHECKING:
    from typer._click.exceptions import UsageError

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
    db: Annotated[str | None, typer.Option(
        "--db", metavar="PATH",
        help="The journal database (default: $AIJOURNAL_DB, else your user data folder).")] = None,
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, help="Show the version and exit.")] = False,
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
        if kind == "arg":
            annotation: Any = Annotated[str, typer.Argument(metavar=metavar, help=help_text,
                                                            show_default=False)]
            parameters.append(inspect.Parameter(key, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                                annotation=annotation))
            continue
        if kind == "flag":
            annotation, default = Annotated[bool, typer.Option(pname, help=help_text)], False
        elif kind == "multi":
            annotation = Annotated[list[str] | None, typer.Option(pname, metavar=metavar,
                                                                  help=help_text)]
            default = None
        else:
            annotation = Annotated[str | None, typer.Option(pname, metavar=metavar,
                                                            help=help_text)]
            default = None
        parameters.append(inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY,
                                            annotation=annotation, default=default))
    handler = quick.HANDLERS[name]

    def command(**kwargs: Any) -> None:
        raise typer.Exit(handler(**kwargs))

    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__doc__ = f"{declaration['help']}\n\nExample: {declaration['example']}"
    command.__name__ = name
    app.command(name)(command)


for _name, _declaration in HOT.items():
    _hot_command(_name, _declaration)

from journal.cli import core, exports, imports, reflect  # noqa: E402  (commands register themselves on `app`)

for _module in (core, exports, imports, reflect):
    _module.register(app)


def run_tui() -> int:
    from journal.tui import run

    return run(common.db_path())


def run_typer(args: list[str]) -> int:
    command = typer.main.get_command(app)
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


# Typer 0.29 vendors click; its UsageError is reachable through BadParameter's bases either way.
# mypy learns the class from Typer's own (private) module; at run time it is found as before.
_USAGE_ERROR = cast("type[UsageError]",
                    next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"))


class _Usage(JournalError):
    exit_code = 2
