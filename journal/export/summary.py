"""The summary every coach-facing format renders: computed once, redacted once, then just drawn.

`build()` reads the journal for one period and returns a `Summary`: `data` is the JSON document
(schema `aijournal.summary/1`, see summary.schema.json), `entries` the per-entry rows of the CSV.
Redaction happens here and nowhere else, so no format can leak what another one hides:

- notes and tags are dropped unless `include_notes`;
- people become "Person A", "Person B"... unless `real_names`. Letters follow each person's first
  interaction in the whole journal (then name), so the same journal gives the same letters in
  every weekly export; the names are also replaced inside insight and intention text, skills,
  tools and notes, and their slugs inside action ids (`reconnect-priya` -> `reconnect-person-a`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, cast, overload

from journal import metrics, vocab
from journal import models as m
from journal.clock import now as clock_now
from journal.errors import BadInput
from journal.names import Scrubber
from journal.names import key as name_key
from journal.store import JournalStore

SCHEMA_ID = "aijournal.summary/1"
BENCHMARK = metrics.augmentation_benchmark()
PURPOSES = vocab.PURPOSES
KINDS = tuple(k.value for k in m.Kind)
CHANNELS = tuple(c.value for c in m.Channel)
CSV_COLUMNS = (
    "type",
    "id",
    "day",
    "time",
    "minutes",
    "tool",
    "purpose",
    "instead_of_person",
    "skill",
    "people",
    "kind",
    "channel",
    "quality",
    "initiated",
    "level",
    "trust_ai",
    "trust_team",
    "connection",
    "who5_percent",
    "tags",
    "note",
)

# Records with a local `day` (Person and Intention have none).
Dated = m.AISession | m.Interaction | m.Energy | m.CheckIn | m.Who5
# (insights as Insight.to_json() dicts, intentions) for a journal as of a day.
Reflect = Callable[[JournalStore, dt.date], tuple[list[dict[str, Any]], list[m.Intention]]]


# What a client may choose to share (`export --sections`): each names a part of the summary.
# Left out, a section's totals are absent (not zero), its entries are not read at all, and an
# insight or intention whose evidence or numbers come from it is left out too.
SECTIONS = ("ai", "people", "energy", "checkins", "who5", "insights", "factors", "experiments")
SECTION_TYPES = {
    "ai": "ai_session",
    "people": "interaction",
    "energy": "energy",
    "checkins": "checkin",
    "who5": "who5",
}
# Words in an insight's id or metric names that show it speaks of a section's data.
SECTION_WORDS = {
    "ai": ("ai", "augment", "learn", "tool"),
    "people": ("people", "person", "isolation", "mentor", "connect"),
    "energy": ("energy",),
    "checkins": ("trust", "checkin", "connection"),
    "who5": ("who5", "wellbeing"),
}
SECTION_LABELS = {
    "ai": "AI time",
    "people": "people",
    "energy": "energy",
    "checkins": "check-ins",
    "who5": "WHO-5",
    "insights": "insights",
    "factors": "factors",
    "experiments": "experiments",
}
# Factors (energy on days with and without each) shown in a summary: the surviving ones, best q
# first, over the factors' own window ending on the period's last day (a week has too few days).
FACTORS_SHOWN = 5
FACTOR_OUTCOME = "energy"
# The section a factor's days come from (a factor of a left-out section is left out too);
# "workday" needs none. Every factor also needs its outcome's section (energy).
FACTOR_SECTIONS = {
    "person": "people",
    "interaction-kind": "people",
    "channel": "people",
    "meetings": "people",
    "ai-purpose": "ai",
    "ai-tool": "ai",
    "instead-of-person": "ai",
    "ai-minutes": "ai",
    "intention": "insights",
}
# The section an experiment's measure comes from.
MEASURE_SECTIONS = {
    "energy": "energy",
    "connection": "checkins",
    "augmentation": "ai",
    "people-minutes": "people",
}
MAX_NAME = 80


@dataclass(frozen=True)
class Options:
    since: dt.date | None = None
    until: dt.date | None = None
    include_notes: bool = False
    real_names: bool = False
    name: str | None = None  # the client's chosen name for the coach (`client`)
    sections: tuple[str, ...] = SECTIONS  # what is shared


def parse_sections(text: str) -> tuple[str, ...]:
    """`ai,people,insights` as the sections to share, in SECTIONS order; BadInput otherwise."""
    words = [w.strip().lower() for w in text.split(",") if w.strip()]
    unknown = [w for w in words if w not in SECTIONS]
    if unknown or not words:
        shown = repr(unknown[0]) if unknown else repr(text)
        raise BadInput(
            f"--sections {shown} is not accepted; use a comma-separated list of: "
            f"{', '.join(SECTIONS)}"
        )
    return tuple(s for s in SECTIONS if s in words)


def parse_name(text: str) -> str:
    """The client's chosen name: printable, 1 to MAX_NAME characters."""
    name = " ".join(text.split())
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise BadInput(
            f"--name {text[:40]!r} is not accepted; use 1 to {MAX_NAME} printable characters"
        )
    return name


# Sections that came later, as keys of their own: a file without `sections` shares them only if
# it has them (one made before they existed does not).
LATER = ("factors", "experiments")


def shared(data: dict[str, Any]) -> tuple[str, ...]:
    """The sections a summary shares (for a file without `sections`: every one it holds)."""
    listed = data.get("sections")
    if isinstance(listed, list):
        return tuple(listed)
    return tuple(s for s in SECTIONS if s not in LATER or s in data)


@dataclass
class Summary:
    data: dict[str, Any]
    entries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def redaction_line(self) -> str:
        line = redaction_line(self.data["redacted"])
        left = [SECTION_LABELS[s] for s in SECTIONS if s not in shared(self.data)]
        return f"{line} Not shared: {', '.join(left)}." if left else line

    @property
    def totals(self) -> dict[str, Any]:
        """The totals, a section that is not shared drawn as empty (the redaction line says)."""
        return totals(self.data)


def totals(data: dict[str, Any]) -> dict[str, Any]:
    """A summary's totals with blank ones for the sections it does not share."""
    period = data["period"]
    since, until = dt.date.fromisoformat(period["since"]), dt.date.fromisoformat(period["until"])
    blank = {
        "ai": lambda: _ai_totals([], cast(Names, None)),  # no sessions: names unused
        "people": lambda: _people_totals([]),
        "energy": lambda: _energy_totals([], since, until),
        "checkins": lambda: _checkin_totals([]),
        "who5": lambda: None,
    }
    found = dict(data["totals"])
    for key, make in blank.items():
        if key not in found:
            found[key] = make()
    return found


def redaction_line(redacted: dict[str, bool]) -> str:
    """The one sentence md and html open with: what this file leaves out."""
    hidden = []
    if redacted["notes"]:
        hidden.append("notes and tags left out")
    if redacted["names"]:
        hidden.append("people renamed Person A, Person B and so on")
    if not hidden:
        return "Nothing redacted: this summary includes notes, tags and real names."
    return f"Redacted: {'; '.join(hidden)}."


def factor_line(item: dict[str, Any]) -> str:
    """One factor in words: its sentence, then the interval and q."""
    text = str(item["sentence"]).rstrip(".")
    interval, extra = item.get("interval"), []
    if interval:
        extra.append(
            f"{round(interval['level'] * 100)} % interval {interval['low']:+.1f} to "
            f"{interval['high']:+.1f}"
        )
    q = item.get("q")
    if q is not None:
        extra.append("q < 0.01" if q < 0.005 else f"q {q:.2f}")
    return f"{text} ({', '.join(extra)})." if extra else f"{text}."


def factors_intro(block: dict[str, Any]) -> str:
    return (
        f"Over the {block['days']} days to {block['as_of']}, what goes with higher or lower "
        f"{block['outcome'].replace('-', ' ')}: only what holds up after correcting for the many "
        f"comparisons (q ≤ {block['q_level']:.2f}); each is a pattern, not proof of a cause."
    )


def experiment_line(x: dict[str, Any]) -> str:
    """An experiment in one line: name, design, days and where it stands."""
    where = f"day {x['day']} of {x['days']}" if x["status"] == "running" and x["day"] else ""
    if where and x["day"] > x["days"]:
        where = f"all {x['days']} days done"
    status = f"running, {where}" if where else x["status"]
    today = f", today {x['today'].upper()}" if x.get("today") else ""
    return f"{x['name']}: {x['design']}, {x['days']} days from {x['started_day']} ({status}{today})"


def engine_reflect(
    store: JournalStore, as_of: dt.date
) -> tuple[list[dict[str, Any]], list[m.Intention]]:
    """Insights and intentions from the reflection engine (journal.insights)."""
    from journal import insights

    found = [i.to_json() for i in insights.current(store, as_of=as_of)]
    return found, list(insights.intentions(store, open_only=False))


# --- names ---------------------------------------------------------------------------------------


def letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (spreadsheet style)."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


class Names:
    """Real names or stable pseudonyms, and a scrubber for free text that may mention people.

    Names are told apart and found in text by journal.names (one key, one skeleton, one slug, the
    engine's too), so no spelling of a name (case, normal form, accents, ß, İ) slips through.
    """

    def __init__(self, store: JournalStore, real: bool):
        self.real = real
        self.labels: dict[str, str] = {}
        if real:
            return
        people = store.all_entries(m.Person, include_deleted=True)
        first = store.person_first_seen()
        inf = float("inf")
        people.sort(key=lambda p: (p.deleted, first.get(p.id, inf), name_key(p.name), p.id))
        spellings: dict[str, str] = {}
        for person in people:
            key = name_key(person.name)
            if key not in self.labels:
                self.labels[key] = f"Person {letters(len(self.labels))}"
            spellings[person.name] = self.labels[key]
        self._scrubber = Scrubber(spellings)

    def name(self, name: str) -> str:
        if self.real:
            return name
        return self.labels.get(name_key(name)) or self.scrub(name)

    @overload
    def scrub(self, text: str) -> str: ...

    @overload
    def scrub(self, text: str | None) -> str | None: ...

    def scrub(self, text: str | None) -> str | None:
        if text is None or self.real:
            return text
        return self._scrubber.sub(text)

    def scrub_id(self, text: str | None) -> str | None:
        """An action id `<insight-id>/<slug>`: the name slugs after the slash are renamed (the
        insight id before it is the engine's own word, and stays as it is)."""
        if text is None or self.real:
            return text
        head, slash, tail = text.partition("/")
        if not slash:
            return text
        return head + slash + self._scrubber.sub_slugs(tail)

    def scrub_key(self, text: str) -> str:
        """A factor id `<kind>:<slug>` (`person:lars`): the name slugs after the colon renamed."""
        if self.real:
            return text
        head, colon, tail = text.partition(":")
        return head + colon + self._scrubber.sub_slugs(tail) if colon else text

    def scrub_tree(self, value: Any, key: str = "") -> Any:
        """Every string in a JSON tree; ids get their name slugs replaced instead."""
        if isinstance(value, dict):
            return {k: self.scrub_tree(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self.scrub_tree(v, key) for v in value]
        if isinstance(value, str):
            if key in ("id", "insight_id", "action_id"):
                return self.scrub_id(value)
            if key in ("day", "entry_ids"):
                return value
            return self.scrub(value)
        return value


# --- arithmetic ----------------------------------------------------------------------------------


def r3(value: Fraction | float | None) -> float | None:
    return None if value is None else round(float(value), 3)


mean = metrics.mean


def share(part: int, whole: int) -> float | None:
    return r3(Fraction(part, whole)) if whole else None


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _purposes(sessions: Iterable[m.AISession]) -> dict[str, int]:
    out = dict.fromkeys(PURPOSES, 0)
    for s in sessions:
        out[s.purpose.value] += s.minutes
    return out


def _augmentation(by_purpose: dict[str, int]) -> tuple[int, int]:
    return metrics.augmentation_minutes(by_purpose), metrics.classified_minutes(by_purpose)


# --- building ------------------------------------------------------------------------------------


def period(store: JournalStore, options: Options, today: dt.date) -> tuple[dt.date, dt.date]:
    """The export's days: --since (default: the journal's first day) to --until (default: today)."""
    until = options.until or today
    since = options.since or min(store.first_day() or until, until)
    if since > until:
        raise BadInput(
            f"--since {since.isoformat()} is after --until {until.isoformat()}; "
            "accepted: a since day on or before the until day"
        )
    return since, until


def build(
    store: JournalStore, options: Options = Options(), *, reflect: Reflect | None = None
) -> Summary:
    """The summary of one period, redacted as `options` say."""
    now = clock_now()
    since, until = period(store, options, now.date())
    names = Names(store, options.real_names)
    notes = options.include_notes

    sections = options.sections
    if FACTOR_OUTCOME not in sections:  # factors compare energy: never without it
        sections = tuple(s for s in sections if s != "factors")

    def between(table: str) -> list[Any]:
        wanted = next(s for s, t in SECTION_TYPES.items() if t == table) in sections
        return store.entries_between(table, since, until) if wanted else []

    ai: list[m.AISession] = between("ai_session")
    met: list[m.Interaction] = between("interaction")
    energy: list[m.Energy] = between("energy")
    checkins: list[m.CheckIn] = between("checkin")
    who5s: list[m.Who5] = between("who5")

    insights, intentions = (
        (reflect or engine_reflect)(store, until) if "insights" in sections else ([], [])
    )
    if sections != SECTIONS:
        insights = _shareable(store, insights, sections)
        kept = {i["id"] for i in insights}
        intentions = [i for i in intentions if i.insight_id in kept]

    data: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "generated_at": now.isoformat(),
        "period": {
            "since": since.isoformat(),
            "until": until.isoformat(),
            "days": (until - since).days + 1,
            "logged_days": 0,
        },
        "redacted": {"notes": not notes, "names": not options.real_names},
        "totals": {
            "ai": _ai_totals(ai, names),
            "people": _people_totals(met),
            "energy": _energy_totals(energy, since, until),
            "checkins": _checkin_totals(checkins),
            "who5": _who5(who5s),
        },
        "people": _people_rows(met, names),
        "days": [],
        "weeks": _weeks(since, until, ai, met, energy),
        "insights": [names.scrub_tree(i) for i in insights],
        "intentions": [
            names.scrub_tree(_intention(i)) for i in intentions if _in_period(i, since, until)
        ],
    }
    if "factors" in sections:
        data["factors"] = _factors(store, until, sections, names)
    if "experiments" in sections:
        data["experiments"] = _experiments(store, since, until, sections, names, notes)
    if options.name:
        data = {"schema": SCHEMA_ID, "client": options.name, **data}
    if sections != SECTIONS:
        data["sections"] = list(sections)
        for key in ("ai", "people", "energy", "checkins", "who5"):
            if key not in sections:
                del data["totals"][key]
    data["days"] = _days(ai, met, energy, checkins, who5s, names, notes)
    logged: list[Dated] = [*ai, *met, *energy, *checkins]
    data["period"]["logged_days"] = len({d for d in (e.day for e in logged)})
    timeline = sorted(
        [*ai, *met, *energy, *checkins, *who5s], key=lambda e: (m.entry_time(e).timestamp(), e.id)
    )
    return Summary(data=data, entries=[_csv_row(e, names, notes) for e in timeline])


def _shareable(
    store: JournalStore, insights: list[dict[str, Any]], sections: tuple[str, ...]
) -> list[dict[str, Any]]:
    """The insights that speak only of shared sections: none of their evidence entries is of a
    left-out kind, and neither their id nor their numbers name one."""
    left_out = [s for s in SECTION_TYPES if s not in sections]
    hidden_types = {SECTION_TYPES[s] for s in left_out}
    ids = [i for insight in insights for e in insight["evidence"] for i in e["entry_ids"]]
    kinds = {e.id: e.TYPE for e in store.entries_with_ids(ids)}
    kept = []
    for insight in insights:
        evidence = {kinds.get(i) for e in insight["evidence"] for i in e["entry_ids"]}
        words = " ".join([insight["id"], *insight.get("metrics", {})]).lower()
        named = any(w in words for s in left_out for w in SECTION_WORDS[s])
        if not (evidence & hidden_types) and not named:
            kept.append(insight)
    return kept


def _factors(
    store: JournalStore, until: dt.date, sections: tuple[str, ...], names: Names
) -> dict[str, Any]:
    """The factors that survive the correction for energy, over the factors' window ending on
    the period's last day: the best FACTORS_SHOWN by q, of shared sections only, names renamed."""
    from journal import factors

    days = factors.DEFAULT_DAYS
    found = factors.current(store, until, days, FACTOR_OUTCOME)
    kept = []
    for factor in found:
        need = FACTOR_SECTIONS.get(factor.kind)
        if need is None and factor.kind != "workday":  # a kind this file does not know yet
            need = "" if sections == SECTIONS else "unknown"
        if factor.shown and (not need or need in sections):
            kept.append(factor)
    items = []
    for factor in kept[:FACTORS_SHOWN]:
        j = factor.to_json()
        items.append(
            {
                "id": names.scrub_key(j["id"]),
                "label": names.scrub(j["label"]),
                "kind": j["kind"],
                "subject": None if j["subject"] is None else names.name(j["subject"]),
                "sentence": names.scrub(j["sentence"]),
                "diff": j["diff"],
                "interval": j["interval"],
                "n_on": j["n_on"],
                "n_off": j["n_off"],
                "mean_on": j["mean_on"],
                "mean_off": j["mean_off"],
                "q": j["q"],
            }
        )
    return {
        "outcome": FACTOR_OUTCOME,
        "as_of": until.isoformat(),
        "days": days,
        "q_level": factors.Q_LEVEL,
        "items": items,
    }


def _experiments(
    store: JournalStore,
    since: dt.date,
    until: dt.date,
    sections: tuple[str, ...],
    names: Names,
    notes: bool,
) -> list[dict[str, Any]]:
    """The experiments that ran during the period, with their results as of its last day: only
    the measures of shared sections (and no caveat naming another); the change in the user's
    own words only with notes; names renamed."""
    from journal import experiments
    from journal.reflect.experiment import LABELS

    out = []
    for x in experiments.summary(store, until):
        ended = x["ended_at"]
        end_day = dt.datetime.fromisoformat(ended).astimezone().date() if ended else until
        if end_day < since:
            continue
        hidden = [
            f"Your {LABELS.get(k, k)} " for k in m.MEASURES if MEASURE_SECTIONS[k] not in sections
        ]
        item: dict[str, Any] = {
            "name": names.scrub(x["name"]),
            "design": x["design"],
            "days": x["days"],
            "measures": [k for k in x["measures"] if MEASURE_SECTIONS.get(k) in sections],
            "started_day": x["started_day"],
            "last_day": x["last_day"],
            "ended_at": ended,
            "status": x["status"],
            "day": x["day"],
            "today": x["today"],
            "results": [
                names.scrub_tree(r)
                for r in x["results"]
                if MEASURE_SECTIONS.get(r["measure"]) in sections
            ],
            "caveats": [names.scrub(c) for c in x["caveats"] if not any(h in c for h in hidden)],
        }
        if notes:
            item = {"name": item["name"], "change": names.scrub(x["change"]), **item}
        out.append(item)
    return out


def _ai_totals(ai: list[m.AISession], names: Names) -> dict[str, Any]:
    by_purpose = _purposes(ai)
    aug, classified = _augmentation(by_purpose)
    # "claude" and "Claude" are one tool, shown as first written (casefold, as the engine's
    # journal.reflect.actions counts tools; invisible characters still tell tools apart)
    tools: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for s in sorted(ai, key=lambda s: (s.started_at, s.id)):
        tool = names.scrub(s.tool) or s.tool
        tool = spelled.setdefault(tool.casefold(), tool)
        tools[tool] = tools.get(tool, 0) + s.minutes
    skills: list[str] = []
    seen_skills: set[str] = set()
    for s in ai:
        skill = names.scrub(s.skill)
        if skill and skill.casefold() not in seen_skills:
            seen_skills.add(skill.casefold())
            skills.append(skill)
    return {
        "minutes": sum(by_purpose.values()),
        "sessions": len(ai),
        "by_purpose": by_purpose,
        "classified_minutes": classified,
        "augmentation_minutes": aug,
        "augmentation_share": share(aug, aug + by_purpose.get(metrics.AUTOMATING, 0)),
        "benchmark": float(BENCHMARK),
        "instead_of_person": sum(1 for s in ai if s.instead_of_person),
        "tools": dict(sorted(tools.items(), key=lambda kv: (-kv[1], kv[0].casefold()))),
        "skills": skills,
    }


def _people_totals(met: list[m.Interaction]) -> dict[str, Any]:
    by_kind = {k: {"count": 0, "minutes": 0} for k in KINDS}
    by_channel = {c: {"count": 0, "minutes": 0} for c in CHANNELS}
    for i in met:
        for bucket in (by_kind[i.kind.value], by_channel[i.channel.value]):
            bucket["count"] += 1
            bucket["minutes"] += i.minutes
    return {
        "interactions": len(met),
        "minutes": sum(i.minutes for i in met),
        "people": len({name_key(n) for i in met for n in i.people}),
        "mean_quality": r3(mean(i.quality for i in met)),
        "initiated": sum(1 for i in met if i.initiated),
        "by_kind": by_kind,
        "by_channel": by_channel,
    }


def _energy_totals(energy: list[m.Energy], since: dt.date, until: dt.date) -> dict[str, Any]:
    """Mean, and the trend: the second half of the period against the first (≥ 2 readings each)."""
    half = since + dt.timedelta(days=((until - since).days + 1) // 2)
    first_levels = [e.level for e in energy if e.day < half]
    second_levels = [e.level for e in energy if e.day >= half]
    first, second = mean(first_levels), mean(second_levels)
    n_first, n_second = len(first_levels), len(second_levels)
    diff, trend = metrics.energy_trend_first_vs_last_half(first_levels, second_levels)
    delta = r3(diff)
    return {
        "readings": len(energy),
        "mean": r3(mean(e.level for e in energy)),
        "first_half_mean": r3(first) if n_first >= 2 else None,
        "second_half_mean": r3(second) if n_second >= 2 else None,
        "trend": trend,
        "trend_delta": delta,
    }


def _checkin_totals(checkins: list[m.CheckIn]) -> dict[str, Any]:
    connections = [c.connection for c in checkins if c.connection is not None]
    return {
        "count": len(checkins),
        "trust_ai": r3(mean(c.trust_ai for c in checkins)),
        "trust_team": r3(mean(c.trust_team for c in checkins)),
        "connection": r3(mean(connections)),
        "days_ai_over_team": sum(1 for c in checkins if c.trust_ai > c.trust_team),
    }


def _who5(who5s: list[m.Who5]) -> dict[str, Any] | None:
    if not who5s:
        return None
    latest = max(who5s, key=lambda w: (w.day, w.created_at, w.id))
    return {
        "day": latest.day.isoformat(),
        "raw": latest.raw,
        "percent": latest.percent,
        "band": m.who5_band(latest.percent),
        "disclaimer": m.WHO5_DISCLAIMER,
        "citation": m.WHO5_CITATION,
    }


def _people_rows(met: list[m.Interaction], names: Names) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for i in met:
        for person in i.people:
            label = names.name(person)
            row = rows.setdefault(
                label,
                {"name": label, "interactions": 0, "minutes": 0, "last_contact": None, "kinds": []},
            )
            row["interactions"] += 1
            row["minutes"] += i.minutes
            row["last_contact"] = max(row["last_contact"] or "", i.day.isoformat())
            if i.kind.value not in row["kinds"]:
                row["kinds"].append(i.kind.value)
    return sorted(rows.values(), key=lambda r: (-r["minutes"], r["name"].casefold()))


def _weeks(
    since: dt.date,
    until: dt.date,
    ai: list[m.AISession],
    met: list[m.Interaction],
    energy: list[m.Energy],
) -> list[dict[str, Any]]:
    """One row per Monday-to-Sunday week touching the period (empty weeks too, for charts)."""
    grouped: dict[dt.date, dict[str, list[Any]]] = {}
    timed: list[Dated] = [*ai, *met, *energy]
    for entry in timed:
        bucket = grouped.setdefault(week_start(entry.day), {})
        bucket.setdefault(entry.TYPE, []).append(entry)
    out = []
    start = week_start(since)
    while start <= until:
        found = grouped.get(start, {})
        by_purpose = _purposes(found.get("ai_session", []))
        week_met = found.get("interaction", [])
        iso = start.isocalendar()
        out.append(
            {
                "week": f"{iso.year}-W{iso.week:02d}",
                "start": start.isoformat(),
                "ai_minutes": sum(by_purpose.values()),
                "ai_by_purpose": by_purpose,
                "people_minutes": sum(i.minutes for i in week_met),
                "interactions": len(week_met),
                "energy_mean": r3(mean(e.level for e in found.get("energy", []))),
            }
        )
        start += dt.timedelta(days=7)
    return out


def _days(
    ai: list[m.AISession],
    met: list[m.Interaction],
    energy: list[m.Energy],
    checkins: list[m.CheckIn],
    who5s: list[m.Who5],
    names: Names,
    notes: bool,
) -> list[dict[str, Any]]:
    """One row per logged day (a day with any entry) in the period."""
    every: list[Dated] = [*ai, *met, *energy, *checkins, *who5s]
    by_day: dict[dt.date, dict[str, list[Any]]] = {}
    for entry in every:  # one pass, so years of entries stay fast
        bucket = by_day.setdefault(entry.day, {})
        bucket.setdefault(entry.TYPE, []).append(entry)
    rows = []
    for day in sorted(by_day):
        found = by_day[day]
        d_ai: list[m.AISession] = found.get("ai_session", [])
        d_met: list[m.Interaction] = found.get("interaction", [])
        d_energy = [e.level for e in found.get("energy", [])]
        d_check: list[m.CheckIn] = found.get("checkin", [])
        d_who5: list[m.Who5] = found.get("who5", [])
        by_purpose = _purposes(d_ai)
        aug, _ = _augmentation(by_purpose)
        check = max(d_check, key=lambda c: (c.updated_at, c.id)) if d_check else None
        row: dict[str, Any] = {
            "day": day.isoformat(),
            "ai_minutes": sum(by_purpose.values()),
            "augmentation_minutes": aug,
            "ai_by_purpose": by_purpose,
            "interactions": len(d_met),
            "people_minutes": sum(i.minutes for i in d_met),
            "people": sorted({names.name(n) for i in d_met for n in i.people}, key=str.casefold),
            "energy_mean": r3(mean(d_energy)),
            "energy_readings": len(d_energy),
            "checkin": None
            if check is None
            else {
                "trust_ai": check.trust_ai,
                "trust_team": check.trust_team,
                "connection": check.connection,
            },
            "who5_percent": max(d_who5, key=lambda w: (w.created_at, w.id)).percent
            if d_who5
            else None,
        }
        if notes:
            noted = sorted(
                (e for kind in found.values() for e in kind if e.note),
                key=lambda e: (m.entry_time(e).timestamp(), e.id),
            )
            row["notes"] = [
                {
                    "type": e.TYPE,
                    "time": m.entry_time(e).strftime("%H:%M"),
                    "text": names.scrub(e.note),
                    "tags": [names.scrub(t) for t in e.tags],
                }
                for e in noted
            ]
        rows.append(row)
    return rows


def _in_period(intention: m.Intention, since: dt.date, until: dt.date) -> bool:
    """Intentions made by the period's end that were open during it."""
    if intention.created_at.astimezone().date() > until:
        return False
    closed = intention.done_at or intention.dismissed_at
    return closed is None or closed.astimezone().date() >= since


def _intention(i: m.Intention) -> dict[str, Any]:
    status = "done" if i.done_at else "dismissed" if i.dismissed_at else "open"
    return {
        "id": i.id,
        "insight_id": i.insight_id,
        "action_id": i.action_id,
        "text": i.text,
        "status": status,
        "created_at": i.created_at.isoformat(),
        "done_at": i.done_at.isoformat() if i.done_at else None,
        "dismissed_at": i.dismissed_at.isoformat() if i.dismissed_at else None,
    }


def _csv_row(e: m.Entry, names: Names, notes: bool) -> dict[str, Any]:
    when = m.entry_time(e)
    row: dict[str, Any] = dict.fromkeys(CSV_COLUMNS, "")
    row.update(
        {
            "type": e.TYPE,
            "id": e.id,
            "day": getattr(e, "day", when.date()).isoformat(),
            "time": "" if isinstance(e, m.CheckIn | m.Who5) else when.strftime("%H:%M"),
        }
    )
    if isinstance(e, m.AISession):
        row.update(
            minutes=e.minutes,
            tool=names.scrub(e.tool),
            purpose=e.purpose.value,
            instead_of_person=int(e.instead_of_person),
            skill=names.scrub(e.skill) or "",
        )
    elif isinstance(e, m.Interaction):
        row.update(
            minutes=e.minutes,
            people="; ".join(names.name(n) for n in e.people),
            kind=e.kind.value,
            channel=e.channel.value,
            quality=e.quality,
            initiated=int(e.initiated),
        )
    elif isinstance(e, m.Energy):
        row.update(level=e.level)
    elif isinstance(e, m.CheckIn):
        row.update(
            trust_ai=e.trust_ai,
            trust_team=e.trust_team,
            connection="" if e.connection is None else e.connection,
        )
    elif isinstance(e, m.Who5):
        row.update(who5_percent=e.percent)
    if notes:
        row.update(
            note=names.scrub(e.note) or "", tags="; ".join(names.scrub(t) or t for t in e.tags)
        )
    return row
