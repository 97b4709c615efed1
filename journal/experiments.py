"""Personal experiments: start one (or a ready-made one), see where it stands, end it, list them.

Both faces call these. One experiment runs at a time; every write is one store transaction and one
undo step (`aijournal undo` takes a start or an end back). Bad input raises BadInput (one line,
nothing written). The result itself is journal.reflect.experiment, pure.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from journal import models as m
from journal.errors import BadInput
from journal.service import base_row

TYPE_CHECKING = False
if TYPE_CHECKING:
    from journal.reflect import experiment as rx
    from journal.store import JournalStore

# journal.reflect.experiment is imported inside the functions that use it: importing
# journal.reflect loads the whole engine, which the other Typer commands do not need.

NAME_MAX = 80
CHANGE_MAX = 300
DAYS_DEFAULT = 14
DAYS_MIN, DAYS_MAX = 2, 180
SEED_MAX = 2**31 - 1


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    change: str
    measures: tuple[str, ...]
    design: str


TEMPLATES = {
    t.key: t
    for t in (
        Template(
            "draft-first",
            "draft first, then ask AI",
            "Write my own first draft before asking AI to improve it",
            ("augmentation", "energy"),
            "alternate",
        ),
        Template(
            "ask-a-person",
            "ask a person before asking AI",
            "When I am stuck, ask a colleague or friend first, and AI only after",
            ("people-minutes", "connection"),
            "alternate",
        ),
        Template(
            "learn-daily",
            "one learning session a day",
            "Use AI to learn something (not to hand work off) once a day",
            ("augmentation", "energy"),
            "before-after",
        ),
        Template(
            "no-late-companion",
            "no companion use after 21:00",
            "No AI companion chats after 21:00",
            ("energy", "connection"),
            "before-after",
        ),
        Template(
            "people-block",
            "a 30-minute people block",
            "Keep 30 minutes a day for a person: a call, a walk, a coffee",
            ("connection", "energy", "people-minutes"),
            "alternate",
        ),
    )
}


def _now() -> dt.datetime:
    from journal.clock import now

    return now()


# --- checking user values ------------------------------------------------------------------------


def check_template(text: str) -> Template:
    key = str(text).strip().lower()
    if key not in TEMPLATES:
        raise BadInput(f"template {text!r} is not accepted; use one of: {', '.join(TEMPLATES)}")
    return TEMPLATES[key]


def check_measure(text: str) -> str:
    raw = str(text).strip().lower()
    if raw not in m.MEASURES:
        raise BadInput(f"measure {text!r} is not accepted; use one of: {', '.join(m.MEASURES)}")
    return raw


def check_design(text: str) -> str:
    raw = str(text).strip().lower()
    if raw not in m.DESIGNS:
        raise BadInput(f"design {text!r} is not accepted; use one of: {', '.join(m.DESIGNS)}")
    return raw


def check_days(value: int | str) -> int:
    from journal.parse import parse_int

    return parse_int(value, DAYS_MIN, DAYS_MAX, "--days")


# --- reads ------------------------------------------------------------------------------------


def experiments(store: JournalStore) -> list[m.Experiment]:
    """Every live experiment, earliest start first."""
    return store.experiments()


def running(store: JournalStore) -> m.Experiment | None:
    """The experiment not ended yet (the latest started, should a merge have brought two)."""
    live = [x for x in store.experiments() if x.ended_at is None]
    return live[-1] if live else None


def latest(store: JournalStore) -> m.Experiment | None:
    """The running experiment, else the one ended last."""
    found = running(store)
    if found is not None:
        return found
    ended = [x for x in store.experiments() if x.ended_at is not None]
    return max(ended, key=lambda x: (x.ended_at, x.id)) if ended else None


# --- writes ------------------------------------------------------------------------------------


def start(
    store: JournalStore,
    *,
    name: str | None = None,
    change: str | None = None,
    days: int | str | None = None,
    measures: list[str] | tuple[str, ...] | None = None,
    design: str | None = None,
    template: str | None = None,
    today: dt.date | None = None,
    seed: int | None = None,
) -> m.Experiment:
    """Start an experiment today (one at a time). A template fills what is not given."""
    from journal.parse import parse_text

    ready = check_template(template) if template is not None else None
    if name is None and ready is None:
        raise BadInput(
            "experiment start needs a NAME and --change, or --template; "
            f"templates: {', '.join(TEMPLATES)}"
        )
    name = parse_text(
        name if name is not None else ready.name if ready else "", "name", max_len=NAME_MAX
    )
    change_text = change if change is not None else (ready.change if ready else None)
    if change_text is None:
        raise BadInput(
            'experiment start needs --change "TEXT": what you will do differently, such as '
            '--change "write the first draft myself"'
        )
    change_text = parse_text(change_text, "--change", max_len=CHANGE_MAX)
    count = DAYS_DEFAULT if days is None else check_days(days)
    if measures:
        chosen = tuple(dict.fromkeys(check_measure(x) for x in measures))
    else:
        chosen = ready.measures if ready else ("energy",)
    shape = (
        check_design(design) if design is not None else (ready.design if ready else "before-after")
    )
    if seed is not None and (isinstance(seed, bool) or not 0 <= seed <= SEED_MAX):
        raise BadInput(f"seed {seed!r} is not accepted; use a whole number from 0 to {SEED_MAX}")
    now = _now()
    day = today or now.date()
    row = base_row(now)
    if seed is None:  # drawn once, then stored: the days stay the same on every device
        seed = int(row["id"][:8], 16) & SEED_MAX
    current = running(store)
    if current is not None:
        raise BadInput(
            f"experiment {name!r} is not started: {current.name!r} is still running; "
            "`aijournal experiment end` ends it first"
        )
    row.update(
        name=name,
        change=change_text,
        days=count,
        measures=json.dumps(list(chosen)),
        design=shape,
        started_day=day.isoformat(),
        seed=seed,
        ended_at=None,
    )
    with store.write(f"start experiment {name}"):
        if running(store) is not None:  # another process started one meanwhile
            raise BadInput(f"experiment {name!r} is not started: another one is running")
        store.insert("experiment", row)
    found = store.entry(m.Experiment, row["id"])
    assert found is not None
    return found


def end(store: JournalStore, *, now: dt.datetime | None = None) -> m.Experiment:
    """End the running experiment (its result stays readable)."""
    current = running(store)
    if current is None:
        raise BadInput(
            "no experiment is running; `aijournal experiment start NAME --change TEXT` or "
            "`--template` starts one"
        )
    stamp = (now or _now()).isoformat()
    with store.write(f"end experiment {current.name}"):
        store.update("experiment", current.id, {"ended_at": stamp})
    found = store.entry(m.Experiment, current.id)
    assert found is not None
    return found


# --- results ------------------------------------------------------------------------------------


def day_values(store: JournalStore, first: dt.date, last: dt.date) -> rx.DayValues:
    """The day values an experiment's result reads, from the store's per-day sums."""
    from journal.reflect import experiment as rx

    ai: dict[dt.date, dict[str, int]] = {}
    for day, purpose, minutes in store.daily_ai_minutes(first, last):
        ai.setdefault(dt.date.fromisoformat(day), {})[purpose] = minutes
    return rx.DayValues(
        energy={dt.date.fromisoformat(d): v for d, v, _ in store.daily_energy(first, last)},
        connection={
            dt.date.fromisoformat(d): float(c)
            for d, _, _, c in store.daily_checkins(first, last)
            if c is not None
        },
        ai_by_purpose=ai,
        people_minutes={
            dt.date.fromisoformat(d): n for d, n, _, _ in store.daily_people(first, last)
        },
        logged=frozenset(
            dt.date.fromisoformat(d) for d in store.logged_days(first) if d <= last.isoformat()
        ),
    )


def result_of(store: JournalStore, experiment: m.Experiment, as_of: dt.date) -> rx.Result:
    from journal.reflect import experiment as rx

    first = rx.lookback_first(experiment)
    last = max(as_of, experiment.last_day)
    profile = store.profile()
    changed = profile.updated_at if profile.updated_at > profile.created_at else None
    return rx.result(
        experiment,
        day_values(store, first, last),
        profile,
        store.pauses(first, last),
        as_of,
        profile_changed=changed,
    )


def is_on(experiment: m.Experiment, day: dt.date) -> bool | None:
    from journal.reflect.experiment import is_on as on

    return on(experiment, day)


def day_number(experiment: m.Experiment, today: dt.date) -> int:
    return (today - experiment.started_day).days + 1


def prompt_line(experiment: m.Experiment | None, today: dt.date) -> str | None:
    """One line for a shell prompt or the morning: where the running experiment stands today."""
    if experiment is None or experiment.ended_at is not None:
        return None
    n = day_number(experiment, today)
    head = f"Experiment '{experiment.name}'"
    if n > experiment.days:
        return f"{head}: all {experiment.days} days done — end it to read the result"
    if n < 1:
        return f"{head}: starts on {experiment.started_day.isoformat()}"
    where = f"{head}: day {n} of {experiment.days}"
    if experiment.design == "alternate":
        on = is_on(experiment, today)
        return f"{where} — today is an {'ON' if on else 'OFF'} day"
    return f"{where} — {experiment.change}"


def describe(store: JournalStore, experiment: m.Experiment, as_of: dt.date) -> dict[str, Any]:
    """An experiment and its result so far, as JSON-able data."""
    done = experiment.ended_at is not None
    today_on = None if done else is_on(experiment, as_of)
    return {
        "id": experiment.id,
        "name": experiment.name,
        "change": experiment.change,
        "design": experiment.design,
        "days": experiment.days,
        "measures": list(experiment.measures),
        "started_day": experiment.started_day.isoformat(),
        "last_day": experiment.last_day.isoformat(),
        "ended_at": experiment.ended_at.isoformat() if experiment.ended_at else None,
        "status": "ended" if done else "running",
        "day": None if done else min(day_number(experiment, as_of), experiment.days + 1),
        "today": None if today_on is None else ("on" if today_on else "off"),
        **result_of(store, experiment, as_of).to_json(),
    }


def summary(store: JournalStore, as_of: dt.date) -> list[dict[str, Any]]:
    """Every live experiment with its result as of a day, for exports and the coach."""
    return [describe(store, x, as_of) for x in store.experiments() if x.started_day <= as_of]
