"""A child process for the crash and concurrency tests (run as a script, not collected by pytest).

    writer.py stream  DB N        log N entries through service calls, printing `ok TABLE ID`
                                  after each one returns (a crash test SIGKILLs it mid-stream)
    writer.py service DB N NAME   N entries through service calls on one long-lived store, as
                                  the TUI does (ai, met and energy in turn)
    writer.py cli     DB N NAME   N quick-adds through journal.cli.main([...]) in this process,
                                  each opening and closing the journal like a shell command

The last two print `done N` and exit 0 only if every write reported success.
"""

from __future__ import annotations

import sys


def _service_write(store, service, clock, n: int, name: str) -> dict:  # noqa: ANN001
    now = clock.now()
    kind = n % 3
    if kind == 0:
        return service.log_ai(
            store,
            tool=f"{name}-tool",
            minutes=1 + n % 300,
            at=now,
            purpose="learn",
            tags=[name],
            now=now,
        )
    if kind == 1:
        # The same few people from every process: the roster's unique names are contended.
        return service.log_interaction(
            store,
            people=["Sam", f"Priya {n % 4}"],
            minutes=15,
            at=now,
            kind="feedback",
            tags=[name],
            now=now,
        )
    return service.log_energy(store, level=1 + n % 5, at=now, tags=[name])


def main(argv: list[str]) -> int:
    mode, path, count = argv[0], argv[1], int(argv[2])
    name = argv[3] if len(argv) > 3 else "w"
    if mode == "cli":
        from journal.cli import main as cli_main

        for n in range(count):
            args = [
                ["ai", "Claude", f"{1 + n % 300}m", "--purpose", "augment", "--tag", name],
                ["met", f"Sam, Priya {n % 4}", "10m", "--kind", "help", "--tag", name],
                ["energy", str(1 + n % 5)],
            ][n % 3]
            code = cli_main(["--db", path, *args])
            if code != 0:
                print(f"failed {n} {args} exit {code}", file=sys.stderr)
                return 1
        print(f"done {count}", flush=True)
        return 0
    from journal import clock, service
    from journal.store import JournalStore

    store = JournalStore.open(path)
    try:
        for n in range(count):
            row = _service_write(store, service, clock, n, name)
            if mode == "stream":
                table = ("ai_session", "interaction", "energy")[n % 3]
                sys.stdout.write(f"ok {table} {row['id']}\n")
                sys.stdout.flush()
    finally:
        store.close()
    if mode == "service":
        print(f"done {count}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
