"""A daily `aijournal sync`: a systemd user timer where systemd runs, else a crontab line.

The files are written and removed here; systemctl is never run (the user runs the commands we
print), so installing a timer changes nothing until the user says so.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass

UNIT = "aijournal-sync"
PASSED_ON = ("AIJOURNAL_DB", "AIJOURNAL_CONFIG")  # where the journal and the config are


@dataclass(frozen=True, slots=True)
class Timer:
    service: str  # paths of the unit files
    timer: str
    systemd: bool  # systemd runs here: the files are used (else the crontab line is)
    command: list[str]  # what runs daily


def units_dir(env: Mapping[str, str]) -> str:
    base = env.get("XDG_CONFIG_HOME", "").strip() or os.path.join(
        env.get("HOME") or os.path.expanduser("~"), ".config"
    )
    return os.path.join(base, "systemd", "user")


def command(db: str | None) -> list[str]:
    """The daily command: this Python running aijournal (a venv's path stays right)."""
    return [sys.executable, "-m", "journal", *(["--db", db] if db else []), "sync"]


def has_systemd() -> bool:
    return sys.platform.startswith("linux") and shutil.which("systemctl") is not None


def plan(env: Mapping[str, str], db: str | None) -> Timer:
    folder = units_dir(env)
    return Timer(
        os.path.join(folder, f"{UNIT}.service"),
        os.path.join(folder, f"{UNIT}.timer"),
        has_systemd(),
        command(db),
    )


def service_text(timer: Timer, env: Mapping[str, str]) -> str:
    lines = [
        "[Unit]",
        "Description=aijournal: capture the day's AI sessions (aijournal sync)",
        "",
        "[Service]",
        "Type=oneshot",
        *(
            f"Environment={shlex.quote(f'{name}={env[name]}')}"
            for name in PASSED_ON
            if env.get(name)
        ),
        "ExecStart=" + " ".join(shlex.quote(word) for word in timer.command),
    ]
    return "\n".join(lines) + "\n"


def timer_text() -> str:
    return (
        "[Unit]\n"
        "Description=aijournal: a daily sync\n\n"
        "[Timer]\n"
        "OnCalendar=daily\n"
        "Persistent=true\n"
        "RandomizedDelaySec=15min\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def crontab_line(timer: Timer, env: Mapping[str, str]) -> str:
    prefix = "".join(f"{name}={shlex.quote(env[name])} " for name in PASSED_ON if env.get(name))
    return f"17 9 * * * {prefix}" + " ".join(shlex.quote(word) for word in timer.command)


def install(env: Mapping[str, str], db: str | None) -> tuple[Timer, list[str]]:
    """Write the service and timer files; the lines telling the user what to run next."""
    timer = plan(env, db)
    if not timer.systemd:
        return timer, [
            "systemd is not running here; add this line with `crontab -e` for a daily sync:",
            "  " + crontab_line(timer, env),
        ]
    os.makedirs(os.path.dirname(timer.service), exist_ok=True)
    for path, text in ((timer.service, service_text(timer, env)), (timer.timer, timer_text())):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    return timer, [
        f"Wrote {timer.service}",
        f"Wrote {timer.timer}",
        "Start the daily sync with:",
        f"  systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer",
    ]


def remove(env: Mapping[str, str]) -> list[str]:
    """Remove the unit files; the lines saying what was removed and what to run."""
    timer = plan(env, None)
    removed = []
    for path in (timer.timer, timer.service):
        if os.path.exists(path):
            os.remove(path)
            removed.append(path)
    if not removed:
        return [
            f"No aijournal timer in {os.path.dirname(timer.service)}; if you added the crontab "
            "line, remove it with `crontab -e`."
        ]
    return [
        *(f"Removed {path}" for path in removed),
        f"Stop it now with: systemctl --user disable --now {UNIT}.timer; "
        "systemctl --user daemon-reload",
    ]
