"""The coach's review: read several summary files, and rank who needs a conversation first.

Pure: reading and ranking only; the CLI draws the table. The score adds up plain, explainable
signals, and every point comes with its reason in words:
act-level insight 3 each; WHO-5 at or below 28 % 4, at or below 50 % 2; energy falling 2;
watch-level insight 1 each; augmentation share below the 71 % benchmark 1; more hours with AI
than with people 1; trusting AI over the team on average 1.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from journal.export.json import problems


@dataclass
class Client:
    label: str
    file: str
    data: dict[str, Any]
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, Any]:
        return self.data["totals"]  # type: ignore[no-any-return]

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
        return {"client": self.label, "file": self.file,
                "period": {"since": self.data["period"]["since"],
                           "until": self.data["period"]["until"]},
                "ai_hours": self.ai_hours,
                "augmentation_share": t["ai"]["augmentation_share"],
                "people_hours": self.people_hours,
                "energy_mean": t["energy"]["mean"], "energy_trend": t["energy"]["trend"],
                "act_insights": self.act_insights, "watch_insights": len(self.watch_insights),
                "who5_percent": who5["percent"] if who5 else None,
                "score": self.score, "reasons": self.reasons}


def load(paths: list[str]) -> tuple[list[Client], list[str]]:
    """The readable summaries, and one line per file that was not (named, with why)."""
    clients, bad = [], []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            bad.append(f"{path}: no such file")
            continue
        except (OSError, UnicodeDecodeError) as err:
            bad.append(f"{path}: cannot be read ({getattr(err, 'strerror', None) or err})")
            continue
        except json.JSONDecodeError as err:
            bad.append(f"{path}: not JSON ({err.msg}, line {err.lineno})")
            continue
        found = problems(data)
        if found:
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            bad.append(f"{path}: not an aijournal summary: {found[0]}{more}")
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        clients.append(Client(label=data.get("client") or stem, file=path, data=data))
    return clients, bad


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
        reasons.append(f"energy falling ({energy['first_half_mean']:.1f} to "
                       f"{energy['second_half_mean']:.1f})")
    watches = client.watch_insights
    if watches:
        score += len(watches)
        reasons.append(f"{len(watches)} watch-level insight{'s' if len(watches) > 1 else ''}")
    ai = t["ai"]
    share = ai["augmentation_share"]
    if share is not None and share < ai["benchmark"]:
        score += 1
        reasons.append(f"augmentation share {share * 100:.0f} % (benchmark "
                       f"{ai['benchmark'] * 100:.0f} %)")
    if ai["minutes"] > t["people"]["minutes"]:
        score += 1
        reasons.append(f"more time with AI ({client.ai_hours:.1f} h) than with people "
                       f"({client.people_hours:.1f} h)")
    ci = t["checkins"]
    if ci["trust_ai"] is not None and ci["trust_team"] is not None \
            and ci["trust_ai"] > ci["trust_team"]:
        score += 1
        reasons.append(f"trusts AI over the team ({ci['trust_ai']:.1f} vs "
                       f"{ci['trust_team']:.1f})")
    client.score, client.reasons = score, reasons
    return client


def rank(clients: list[Client]) -> list[Client]:
    """Who needs a conversation first: highest score, then more act insights, lower energy."""
    for client in clients:
        assess(client)

    def key(c: Client) -> tuple[Any, ...]:
        energy = c.totals["energy"]["mean"]
        return (-c.score, -len(c.act_insights), energy if energy is not None else 9,
                c.label.casefold())

    return sorted(clients, key=key)
