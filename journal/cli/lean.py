"""A small parser for the hot commands, built from spec.HOT, so a quick-add never loads Typer."""

from __future__ import annotations

from journal.cli.spec import HOT, option_key
from journal.errors import BadInput


def parse(command: str, args: list[str]) -> dict[str, object]:
    """Keyword arguments for quick.<command> from its command-line words."""
    params = HOT[command]["params"]
    options = {p[0]: p for p in params if p[1] not in ("arg", "arg?")}
    positional = [p for p in params if p[1] in ("arg", "arg?")]
    values: dict[str, object] = {
        option_key(p[0]): (False if p[1] == "flag" else None) for p in params
    }
    given: list[str] = []
    words = list(args)
    only_args = False
    while words:
        word = words.pop(0)
        if word == "--" and not only_args:
            only_args = True
            continue
        if word.startswith("--") and not only_args:
            name, eq, inline = word.partition("=")
            param = options.get(name)
            if param is None:
                accepted = ", ".join(options) or "none"
                raise BadInput(
                    f"option {name!r} is not known to `aijournal {command}`; accepted: {accepted}"
                )
            key, kind = option_key(name), param[1]
            if kind == "flag":
                if eq:
                    raise BadInput(f"option {name} takes no value; accepted: {name} alone")
                values[key] = True
                continue
            if eq:
                value = inline
            elif words:
                value = words.pop(0)
            else:
                raise BadInput(f"option {name} needs a value ({param[2]}); {param[3]}")
            if kind == "multi":
                current = values[key] or []
                values[key] = [*current, value]  # type: ignore[misc]  # a multi option holds a list
            else:
                values[key] = value
            continue
        given.append(word)
    if len(given) > len(positional):
        raise BadInput(
            f"`aijournal {command}` got an extra argument {given[len(positional)]!r}; "
            f"try: {HOT[command]['example']}"
        )
    if len(given) < len(positional) and positional[len(given)][1] == "arg":
        missing = positional[len(given)]
        raise BadInput(
            f"`aijournal {command}` needs {missing[2]} ({missing[3]}); "
            f"try: {HOT[command]['example']}"
        )
    for param, word in zip(positional, given, strict=False):
        values[option_key(param[0])] = word
    return values
