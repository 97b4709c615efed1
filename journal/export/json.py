"""The summary as JSON (`aijournal.summary/1`), validated against the schema shipped beside it."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from journal.errors import BadInput, JournalError
from journal.export import Exporter
from journal.export.summary import Summary
from journal.textsafe import json_visible

SCHEMA_FILE = "summary.schema.json"


@cache
def schema() -> dict[str, Any]:
    from importlib.resources import files

    loaded: dict[str, Any] = json.loads(
        files("journal.export").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    )
    return loaded


def problems(document: Any) -> list[str]:
    """What is wrong with a summary document, as short lines (empty when it is valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        found.append(f"{where}: {error.message}")
    return found


def validate(document: Any, label: str = "summary") -> None:
    found = problems(document)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise BadInput(f"{label} is not an aijournal summary: {found[0]}{more}")


def dumps(document: Any) -> str:
    """Readable JSON; control and bidi characters, which can only sit inside its strings, are
    written as `\\u` escapes (the same data once parsed, inert when the file is printed)."""
    return json_visible(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


class JsonExporter(Exporter):
    names = ("json",)
    extension = "json"
    help = "the summary as JSON for tools and `aijournal coach` (schema aijournal.summary/1)"

    def render(self, summary: Summary) -> str:
        found = problems(summary.data)
        if found:  # a bug in the summary, not the user's doing
            raise JournalError(
                f"the summary does not match its schema ({found[0]}); "
                "nothing was written, please report this"
            )
        return dumps(summary.data)
