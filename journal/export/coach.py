"""The coach's review: read several summary files, and rank who needs a conversation first.

Pure: reading and ranking only; the CLI draws the table. The score adds up plain, explainable
signals, and every point comes with its reason in words:
act-level insight 3 each; WHO-5 at or below 28 % 4, at or below 50 % 2; energy falling 2;
watch-level insight 1 each; augmentation share below the benchmark 1; more hours with AI
than with people 1; trusting AI over the team on average 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from journal.export import summary
from journal.export.json import problems


@dataclass
class Client:
    label: str
    file: str
    data: dict[str, Any]
    score: int = 0
    reasons: list[str] = field(default_factory=list)
    named: bool = False  # the label is the summary's own `client` name
    previous: Client | None = None  # the same client's export before this one
    exports: int = 1  # how many of this client's exports were read

    @property
    def totals(self) -> dict[str, Any]:
        """Totals with blank ones for the sections the client did not share."""
        return summary.totals(self.data)

    @property
    def sections(self) -> tuple[str, ...]:
        return summary.shared(self.data)

    def figures(self) -> dict[str, float | int | None]:
        """The four figures the change since the previous export compares (None: not shared)."""
        t, shared = self.totals, self.sections
        who5 = t["who5"]
        return {
            "augmentation_share": t["ai"]["augmentation_share"] if "ai" in shared else None,
            "people_minutes": t["people"]["minutes"] if "people" in shared else None,
            "energy_mean": t["energy"]["mean"] if "energy" in shared else None,
            "who5_percent": who5["percent"] if who5 and "who5" in shared else None,
        }

    def change(self) -> dict[str, float | int | None] | None:
        """Each figure now minus at the previous export; None where either lacks it."""
        if self.previous is None:
            return None
        now, before = self.figures(), self.previous.figures()
        out: dict[str, float | int | None] = {}
        for key, value in now.items():
            old = before[key]
            out[key] = None if value is None or old is None else round(value - old, 3)
        return out

    @property
    def period(self) -> str:
        p = self.data["period"]
        return f"{p['since']} to {p['until']}"

    @property
    def ai_hours(self) -> float:
        return round(self.totals["ai"]["minutes"] / 60, 1)

    @property
    def people_hours(self) -> float:
        return round(self.totals["people"]["minutes"] / 60, 1)

    @property
    def act_insights(self) -> list[str]:
        return [i["title"] for i in self.data["insights"] if i["severity"] == "act"]

    @property
    def watch_insights(self) -> list[str]:
        return [i["title"] for i in self.data["insights"] if i["severity"] == "watch"]

    def to_json(self) -> dict[str, Any]:
        t = self.totals
        who5 = t["who5"]
        return {
            "client": self.label,
            "file": self.file,
            "period": {
                "since": self.data["period"]["since"],
                "until": self.data["period"]["until"],
            },
            "ai_hours": self.ai_hours,
            "augmentation_share": t["ai"]["augmentation_share"],
            "people_hours": self.people_hours,
            "energy_mean": t["energy"]["mean"],
            "energy_trend": t["energy"]["trend"],
            "act_insights": self.act_insights,
            "watch_insights": len(self.watch_insights),
            "who5_percent": who5["percent"] if who5 else None,
            "score": self.score,
            "reasons": self.reasons,
            "sections": list(self.sections),
            "exports": self.exports,
            "previous_period": None
            if self.previous is None
            else {
                "since": self.previous.data["period"]["since"],
                "until": self.previous.data["period"]["until"],
            },
            "change": self.change(),
            "factors": self.factors,
            "experiments": self.experiments,
        }

    @property
    def factors(self) -> list[dict[str, Any]] | None:
        """The client's factors as the file has them; None when not shared."""
        block = self.data.get("factors")
        return list(block["items"]) if "factors" in self.sections and block else None

    @property
    def experiments(self) -> list[dict[str, Any]] | None:
        """The client's experiments of the period; None when not shared."""
        found = self.data.get("experiments")
        return list(found) if "experiments" in self.sections and found is not None else None


# What a summary file may hold. The CLI accepts dates in the years 1900 to 9998; a summary's counts,
# minutes and means are far below 10**15. Anything beyond is refused for that file, named, so one
# damaged or hostile file never stops the review of the others.
MAX_BYTES = 16 * 1024 * 1024  # a five-year summary is well under 1 MB
MAX_DIGITS = 15
MAX_DEPTH = 32  # a summary nests 6 deep; metrics hold flat values
YEARS = (1900, 9998)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SHOWN = 200  # characters of a problem shown, at most


class Refused(ValueError):
    """A file that is JSON, but not one a summary can be."""


class NotAFile(Refused):
    """A path to something that is not a regular file, or too large a file."""


@dataclass
class Loaded:
    """What `load` found: one Client per client (their latest export), the files refused with
    why, and notes on files read once only or folded into a client's history."""

    clients: list[Client]
    bad: list[str]
    notes: list[str]


def load(paths: list[str]) -> Loaded:
    """The readable summaries, one per client, and one line per file that was not."""
    clients: list[Client] = []
    bad: list[str] = []
    notes: list[str] = []
    seen: dict[str, str] = {}  # content digest -> the first path with it
    for path in paths:
        try:
            raw = _read(path)
            digest = hashlib.sha256(raw).hexdigest()
            if digest in seen:
                again = "given twice" if path == seen[digest] else f"same as {seen[digest]}"
                notes.append(f"{path}: {again}; read once")
                continue
            seen[digest] = path
            data = _parse(raw)
            _check_depth(data)
            found = problems(data)
        except FileNotFoundError:
            bad.append(f"{path}: no such file")
            continue
        except IsADirectoryError:
            bad.append(
                f"{path}: is a folder; accepted: a file from `aijournal export --format json`"
            )
            continue
        except OSError as err:
            bad.append(f"{path}: cannot be read ({err.strerror or err})")
            continue
        except UnicodeDecodeError:
            bad.append(f"{path}: not UTF-8 text")
            continue
        except json.JSONDecodeError as err:
            bad.append(f"{path}: not JSON ({err.msg}, line {err.lineno})")
            continue
        except RecursionError:
            bad.append(f"{path}: not an aijournal summary: nested too deeply")
            continue
        except NotAFile as err:
            bad.append(f"{path}: {err}")
            continue
        except Refused as err:
            bad.append(f"{path}: not an aijournal summary: {_short(str(err))}")
            continue
        except ValueError as err:  # a path no file can have (an embedded NUL)
            bad.append(f"{path}: cannot be read ({_short(str(err))})")
            continue
        if found:
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            bad.append(f"{path}: not an aijournal summary: {_short(found[0])}{more}")
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        name = data.get("client")
        client = Client(label=name or stem, file=path, data=data, named=bool(name))
        try:
            _check_values(data)
            assess(client)
            client.to_json()
        except Refused as err:
            bad.append(f"{path}: not an aijournal summary: {_short(str(err))}")
            continue
        except (TypeError, ValueError, KeyError, ArithmeticError):
            # The schema allows each value alone; these do not fit together (a falling energy
            # trend without its means, say).
            bad.append(f"{path}: not an aijournal summary: its totals do not fit together")
            continue
        clients.append(client)
    return Loaded(_one_per_client(clients, notes), bad, notes)


def _one_per_client(clients: list[Client], notes: list[str]) -> list[Client]:
    """A client's several exports (the same `client` name) as one: the latest period shown,
    the one before kept as `previous`. Unnamed files keep their file name, numbered when two
    share one (two `summary.json` are two clients, never one)."""
    named: dict[str, list[Client]] = {}
    unnamed: list[Client] = []
    for client in clients:
        if client.named:
            named.setdefault(client.label.casefold(), []).append(client)
        else:
            unnamed.append(client)
    out: list[Client] = []
    for group in named.values():
        group.sort(key=_when)
        latest = group[-1]
        latest.exports = len(group)
        latest.previous = group[-2] if len(group) > 1 else None
        if len(group) > 1:
            notes.append(
                f"{latest.label}: {len(group)} exports read; showing {latest.period}, with the "
                f"change since {group[-2].period}"
            )
        out.append(latest)
    taken = {c.label.casefold() for c in out}
    stems: dict[str, int] = {}
    for client in unnamed:
        stems[client.label.casefold()] = stems.get(client.label.casefold(), 0) + 1
    numbered: dict[str, int] = {}
    for client in unnamed:
        key = client.label.casefold()
        if stems[key] > 1 or key in taken:
            numbered[key] = numbered.get(key, 0) + 1
            client.label = f"{client.label} #{numbered[key]}"
        out.append(client)
    return out


def _when(client: Client) -> tuple[str, str, str]:
    period = client.data["period"]
    return (period["until"], period["since"], str(client.data.get("generated_at", "")))


def _read(path: str) -> bytes:
    """The file's bytes: a regular file of at most MAX_BYTES (never a pipe, device or folder,
    which could block or never end)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(
                "not a regular file (a pipe or a device); accepted: a file from "
                "`aijournal export --format json`"
            )
        if info.st_size > MAX_BYTES:
            raise NotAFile(
                f"too large ({info.st_size:,} bytes); accepted: a summary of at most "
                f"{MAX_BYTES // 2**20} MB"
            )
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise NotAFile(f"too large; accepted: a summary of at most {MAX_BYTES // 2**20} MB")
    return data


def _parse(data: bytes) -> Any:
    return json.loads(
        data.decode("utf-8"), parse_int=_integer, parse_float=_number, parse_constant=_constant
    )


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise Refused(f"a number of {digits:,} digits; accepted: at most {MAX_DIGITS}")
    return int(text)


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) >= 10.0**MAX_DIGITS:
        raise Refused(
            f"the number {text[:30]} is out of range; accepted: finite numbers below "
            f"10^{MAX_DIGITS}"
        )
    return value


def _constant(text: str) -> float:
    raise Refused(f"{text} is not a number; accepted: finite numbers")


def _walk(data: Any) -> Iterator[tuple[Any, str]]:
    """Every value in the document with its path, without recursion; refuses deep nesting."""
    stack: list[tuple[Any, int, str]] = [(data, 0, "")]
    while stack:
        value, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            raise Refused(f"{where}: nested too deeply")
        yield value, where
        if isinstance(value, dict):
            stack.extend(
                (v, depth + 1, f"{where}/{k}" if where else str(k)) for k, v in value.items()
            )
        elif isinstance(value, list):
            stack.extend(
                (v, depth + 1, f"{where}/{n}" if where else str(n)) for n, v in enumerate(value)
            )


def _check_depth(data: Any) -> None:
    for _ in _walk(data):
        pass


def _check_values(data: dict[str, Any]) -> None:
    """Every date a real day in the years the CLI accepts, and a period that runs forward."""
    for value, where in _walk(data):
        if isinstance(value, str) and DATE.fullmatch(value):
            _day(value, where)
    for key in ("generated_at",):
        moment = data.get(key)
        if isinstance(moment, str):
            try:
                parsed = dt.datetime.fromisoformat(moment)
            except ValueError:
                raise Refused(f"{key}: {moment[:40]!r} is not a date and time") from None
            _year(parsed.year, key)
    period = data["period"]
    if _day(period["since"], "period/since") > _day(period["until"], "period/until"):
        raise Refused(f"period: since {period['since']} is after until {period['until']}")


def _day(text: str, where: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise Refused(f"{where}: {text!r} is not a date") from None
    _year(day.year, where)
    return day


def _year(year: int, where: str) -> None:
    if not YEARS[0] <= year <= YEARS[1]:
        raise Refused(f"{where}: year {year} is out of range; accepted: {YEARS[0]} to {YEARS[1]}")


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def assess(client: Client) -> Client:
    t = client.totals
    score, reasons = 0, []
    acts = client.act_insights
    if acts:
        score += 3 * len(acts)
        reasons.append(f"{len(acts)} act-level insight{'s' if len(acts) > 1 else ''}")
    who5 = t["who5"]
    if who5 and who5["percent"] <= 28:
        score += 4
        reasons.append(f"WHO-5 at {who5['percent']} % (please seek professional advice)")
    elif who5 and who5["percent"] <= 50:
        score += 2
        reasons.append(f"WHO-5 at {who5['percent']} % (low wellbeing)")
    energy = t["energy"]
    if energy["trend"] == "falling":
        score += 2
        reasons.append(
            f"energy falling ({energy['first_half_mean']:.1f} to {energy['second_half_mean']:.1f})"
        )
    watches = client.watch_insights
    if watches:
        score += len(watches)
        reasons.append(f"{len(watches)} watch-level insight{'s' if len(watches) > 1 else ''}")
    ai = t["ai"]
    share = ai["augmentation_share"]
    if share is not None and share < ai["benchmark"]:
        score += 1
        reasons.append(
            f"augmentation share {share * 100:.0f} % "
            f"(reference point {ai['benchmark'] * 100:.0f} %)"
        )
    if ai["minutes"] > t["people"]["minutes"]:
        score += 1
        reasons.append(
            f"more time with AI ({client.ai_hours:.1f} h) than with people "
            f"({client.people_hours:.1f} h)"
        )
    ci = t["checkins"]
    if (
        ci["trust_ai"] is not None
        and ci["trust_team"] is not None
        and ci["trust_ai"] > ci["trust_team"]
    ):
        score += 1
        reasons.append(f"trusts AI over the team ({ci['trust_ai']:.1f} vs {ci['trust_team']:.1f})")
    client.score, client.reasons = score, reasons
    return client


def rank(clients: list[Client]) -> list[Client]:
    """Who needs a conversation first: highest score, then more act insights, lower energy."""
    for client in clients:
        assess(client)

    def key(c: Client) -> tuple[Any, ...]:
        energy = c.totals["energy"]["mean"]
        return (
            -c.score,
            -len(c.act_insights),
            energy if energy is not None else 9,
            c.label.casefold(),
        )

    return sorted(clients, key=key)
