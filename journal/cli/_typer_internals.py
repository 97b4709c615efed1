"""Where the CLI reaches past Typer's public API, kept in one place.

Measured on Typer 0.29.2 (pyproject bounds it: typer>=0.12,<1, so an upgrade is a decision:
re-run tests/cli and the completion tests). Neither is a speedup, so no bench line applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import typer

if TYPE_CHECKING:
    from typer._click.exceptions import UsageError

# Typer 0.29 vendors click; its UsageError is reachable through BadParameter's bases either way.
# mypy learns the class from Typer's own (private) module; at run time it is found as before.
USAGE_ERROR = cast(
    "type[UsageError]", next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
)


def set_value_completer(param: Any, completer: Any) -> None:
    """Give a built Click parameter a value completer after the fact: Click stores the
    `shell_complete` argument as `_custom_shell_complete` (Typer 0.29.2's vendored click)."""
    param._custom_shell_complete = completer


def plain_usage_names() -> None:
    """Usage lines as people read them: `FILE...`, `[NAME]`, not Typer 0.29's `{FILE...}...`.

    Typer 0.29.2 writes a required argument as `{NAME}` and appends `...` to one that takes
    several values even when its metavar already says so; TyperArgument._usage_display_name is
    its (private) hook for the usage line only."""
    from typer.core import TyperArgument

    def usage_name(self: Any) -> str:
        name = str(self.display_name_raw)
        if self.nargs != 1 and not name.endswith("...") and " " not in name:
            name += "..."
        return name if self.required else f"[{name}]"

    TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
