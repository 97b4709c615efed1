"""`aijournal sync` and `aijournal sources`: plain print, served by the lean path (a daily timer
and the shell call them; a sync with nothing new must cost little more than Python starting)."""

from __future__ import annotations

import os
import sys

from journal.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.sync.config import Config
    from journal.sync.run import Found, SyncResult

NOTHING_ENABLED = "No sync source is enabled yet, so nothing was read."


def sync(
    *,
    dry_run: bool = False,
    since: str | None = None,
    source: list[str] | None = None,
    json: bool = False,
    keep_titles: bool = False,
    classify: bool = False,
    install_timer: bool = False,
    remove_timer: bool = False,
) -> int:
    from journal.cli.common import DB_OPTION, open_store
    from journal.clock import now as clock_now
    from journal.sync import config as cfg

    if install_timer and remove_timer:
        raise BadInput("--install-timer and --remove-timer go alone; give one of them")
    if install_timer or remove_timer:
        others = dry_run or since or source or json or keep_titles or classify
        if others:
            raise BadInput("--install-timer and --remove-timer take no other option; give it alone")
        from journal.sync import timer

        lines = timer.install(os.environ, DB_OPTION["path"])[1] if install_timer else None
        print("\n".join(lines if lines is not None else timer.remove(os.environ)))
        return 0
    now = clock_now()
    start = None
    if since is not None:
        from journal import parse as p

        start = p.range_start(since, now)
    config = cfg.load()
    from journal.sync.run import known

    for name in source or ():
        known(name)
    if not config.enabled():
        from journal.sync.run import discover

        _first_run(discover(config), as_json=json)
        return 0
    with open_store() as store:
        result = _run(store, config, dry_run, start, source, keep_titles, now)
        classified = _classify(store, config) if classify and not dry_run else None
    _report(result, classified, as_json=json)
    return 0


def _run(store, config, dry_run, start, source, keep_titles, now) -> SyncResult:
    from journal.sync.run import sync as run_sync

    return run_sync(
        store,
        config,
        dry_run=dry_run,
        since=start,
        sources=source,
        keep_titles=True if keep_titles else None,
        now=now,
    )


def _classify(store: object, config: Config) -> int | str:
    """How many sessions the learnt suggestions classified, or why none could be."""
    import importlib

    try:
        suggest = importlib.import_module("journal.suggest")
    except ModuleNotFoundError as err:
        if err.name != "journal.suggest":
            raise
        return "classification suggestions not available"
    return int(suggest.apply(store, config.classify_confidence))


def _first_run(found: list[Found], *, as_json: bool) -> None:
    here = [f for f in found if f.paths and f.available]
    if as_json:
        import json as js

        data = {
            "enabled": [],
            "found": [{"source": f.source.name, "paths": f.paths} for f in here],
            "sources": [],
        }
        print(js.dumps(data, indent=2))
        return
    print(NOTHING_ENABLED)
    if here:
        print("Found on this machine:")
        for f in here:
            print(f"  {f.source.name:<14} {f.source.label:<16} {', '.join(f.paths)}")
        print("Enable one with `aijournal sources enable NAME`, then run `aijournal sync`.")
    else:
        print(
            "None of the sources was found at its usual place; "
            "`aijournal sources enable NAME --path P` reads one from where you keep it."
        )


def _report(result: SyncResult, classified: int | str | None, *, as_json: bool) -> None:
    if as_json:
        import json as js

        data: dict[str, object] = {
            "dry_run": result.dry_run,
            "added": result.added,
            "updated": result.updated,
            "sources": [s.to_json() for s in result.sources],
        }
        if classified is not None:
            data["classified"] = classified if isinstance(classified, int) else None
        print(js.dumps(data, indent=2, ensure_ascii=False))
        return
    from journal.textsafe import visible

    head = "Dry run, nothing written:" if result.dry_run else "Synced:"
    print(head)
    for s in result.sources:
        print(f"  {s.label}: {s.summary()}")
        for problem in s.problems[:5]:
            print(f"    {visible(problem)}")
        if len(s.problems) > 5:
            print(f"    and {len(s.problems) - 5} more")
    if isinstance(classified, int):
        print(f"Classified {classified} session{'s' if classified != 1 else ''} from suggestions.")
    elif classified is not None:
        print(f"Not classified: {classified}.")
    elif result.added and not result.dry_run:
        print("They arrive unclassified: `aijournal classify` sorts them.")
    sys.stdout.flush()


def sources(
    *,
    action: str | None = None,
    name: str | None = None,
    path: list[str] | None = None,
    me: str | None = None,
    json: bool = False,
) -> int:
    from journal.sync import config as cfg
    from journal.sync.run import discover, known

    if action is None:
        if path or me:
            raise BadInput("--path goes with `sources enable NAME`; accepted: enable or disable")
        _list(discover(cfg.load()), as_json=json)
        return 0
    if action not in ("enable", "disable"):
        raise BadInput(f"`aijournal sources {action}` is not known; accepted: enable or disable")
    if name is None:
        raise BadInput(
            f"`aijournal sources {action}` needs a source name; try: sources {action} chrome"
        )
    known(name)
    if (path or me) and action == "disable":
        raise BadInput("--path and --me go with `sources enable`; give `sources disable NAME`")
    if me is not None and (name != "calendar" or "@" not in me or not me.strip()):
        raise BadInput(f"--me {me!r} is not accepted; give your email address, for the calendar")
    given = [os.path.abspath(os.path.expanduser(p)) for p in path or ()]
    for where in given:
        if not os.path.exists(where):
            raise BadInput(f"--path {where!r} does not exist; give the folder or file to read")
    config = cfg.load()
    chosen = config.source(name)
    chosen.enabled = action == "enable"
    if given:
        chosen.paths = given
    if me is not None:
        chosen.me = me.strip()
    cfg.save(config)
    state = "enabled" if chosen.enabled else "disabled"
    where = f" (reads {', '.join(chosen.paths)})" if chosen.paths else ""
    print(f"{name} {state}{where}. Settings in {config.path}")
    return 0


def _list(found: list[Found], *, as_json: bool) -> None:
    if as_json:
        import json as js

        print(
            js.dumps(
                [
                    {
                        "source": f.source.name,
                        "label": f.source.label,
                        "enabled": f.enabled,
                        "found": f.paths,
                        "available": f.available,
                    }
                    for f in found
                ],
                indent=2,
            )
        )
        return
    for f in found:
        state = "enabled " if f.enabled else "disabled"
        where = ", ".join(f.paths) if f.paths else "not found"
        if not f.available:
            where = "not readable by this version"
        print(f"  {f.source.name:<14} {state}  {f.source.label:<16} {where}")
    print("`aijournal sources enable NAME [--path P]` chooses what `aijournal sync` reads.")
