"""Intentions that close themselves, intentions that lapse, and what the review says of actions
done: as a user runs them (the engine's own boundaries are in tests/unit)."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import pytest

from journal import models as m
from journal.reflect.follow import FollowThrough, follow_through, settle


@pytest.fixture
def theo(cli):
    """Theo was met weekly until a month ago; every day since is logged (energy), so his
    absence is known. Returns the reconnect action id the engine offers as of 2026-11-26."""
    for days in (40, 33, 26, 19):
        assert cli("met", "Theo", "30m", "--at", f"{days} days ago").code == 0
    for days in range(18, -1, -1):
        assert cli("energy", "4", "--at", f"{days} days ago" if days else "09:00").code == 0
    found = json.loads(cli("insights", "--json").out)
    ids = [a["id"] for i in found if i["id"] == "neglected-person" for a in i["actions"]]
    assert ids == ["neglected-person/reconnect-theo"]
    return ids[0]


def _open(cli) -> list[dict]:
    return json.loads(cli("intentions", "--json").out)


def test_an_intention_closes_itself_on_a_conversation_the_user_started(cli, theo, monkeypatch):
    assert cli("act", theo).code == 0
    assert [i["action_id"] for i in _open(cli)] == [theo]
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-11-26T17:00:00")
    cli("met", "Theo", "20m")  # Theo called: not the step the user meant to take
    assert [i["action_id"] for i in _open(cli)] == [theo]
    cli("met", "Theo", "15m", "--initiated")
    assert _open(cli) == []
    closed = json.loads(cli("intentions", "--all", "--json").out)
    assert closed[0]["done_at"].startswith("2026-11-26T17:00")
    assert "done" in cli("intentions", "--all").out
    # and the insight it answered is gone: Theo was met today
    assert "neglected-person" not in {i["id"] for i in json.loads(cli("insights", "--json").out)}


def test_an_intention_lapses_after_two_weeks(cli, theo, monkeypatch):
    cli("act", theo)
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-12-10T14:00:00")  # 13 days, 23 hours later
    assert len(_open(cli)) == 1
    monkeypatch.setenv("AIJOURNAL_NOW", "2026-12-10T16:00:00")  # past 14 days
    assert _open(cli) == []
    text = " ".join(cli("intentions", "--all").out.split())
    assert "lapsed after two weeks" in text
    # lapsing is read, not written: `done` still closes it by hand
    intention = json.loads(cli("intentions", "--all", "--json").out)[0]
    assert cli("done", intention["id"][:8]).code == 0


def test_a_done_action_is_not_offered_again_for_two_weeks(cli, theo, monkeypatch):
    cli("act", theo)
    intention = _open(cli)[0]
    assert cli("done", intention["id"][:8]).code == 0
    offered = {a["id"] for i in json.loads(cli("insights", "--json").out) for a in i["actions"]}
    assert theo not in offered


def _day(n: int) -> dt.date:
    return dt.date(2026, 11, 2) + dt.timedelta(days=n)  # a Monday


def _done(action: str, day: dt.date) -> m.Intention:
    at = dt.datetime.combine(day, dt.time(18), tzinfo=dt.UTC)
    return m.Intention(
        id=f"{action}-{day}",
        created_at=at - dt.timedelta(hours=5),
        updated_at=at,
        insight_id=action.split("/")[0],
        action_id=action,
        text="Take a walk with Sam",
        done_at=at,
    )


def test_follow_through_compares_the_day_after_with_comparable_days():
    days = [_day(n) for n in range(28)]
    workdays = [d for d in days if d.weekday() < 5]
    done_on = workdays[:5]  # Mon..Fri of the first week: the day after is Tue..Sat
    energy = {d: Fraction(3) for d in days}
    for d in done_on:
        energy[d + dt.timedelta(days=1)] = Fraction(4)
    connection = {d: 3 for d in days}
    (found,) = follow_through(
        [_done("energy-slide/energising-plan", d) for d in done_on],
        energy,
        connection,
        m.Profile(),
        days,
    )
    assert isinstance(found, FollowThrough)
    assert found.times == 5 and found.n_after == 5 and found.enough
    assert found.energy_after == 4 and found.energy_comparable == 3
    # a Saturday followed a done action: days off are in the comparison too, workdays with
    # workdays: the comparable days are the days of both kinds that follow no done action
    assert found.n_comparable == len(days) - 5


def test_follow_through_says_too_few_below_five_days():
    days = [_day(n) for n in range(28)]
    (found,) = follow_through(
        [_done("trust-streak/second-opinion", _day(n)) for n in (0, 1, 2, 3)],
        {d: Fraction(3) for d in days},
        {},
        m.Profile(),
        days,
    )
    assert found.n_after == 4 and not found.enough
    assert found.to_json()["enough"] is False and found.connection_after is None


def test_settle_needs_the_named_person_and_a_conversation_after_the_intention():
    created = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
    intention = m.Intention(
        id="i1",
        created_at=created,
        updated_at=created,
        insight_id="neglected-person",
        action_id="neglected-person/reconnect-zoe",
        text="Reconnect with Zoë: send a short message this week.",
    )

    def met(name: str, hours: float, initiated: bool = True) -> m.Interaction:
        at = created + dt.timedelta(hours=hours)
        return m.Interaction(
            id=f"{name}{hours}",
            created_at=at,
            updated_at=at,
            at=at,
            minutes=20,
            people=(name,),
            initiated=initiated,
        )

    now = created + dt.timedelta(days=3)
    names = ["Zoë", "Sam"]
    assert settle([intention], [met("Sam", 5), met("ZOË", -2)], names, now)[0].done_at is None
    assert settle([intention], [met("Zoe\u0308", 5, False)], names, now)[0].done_at is None
    (settled,) = settle([intention], [met("Zoe\u0308", 5)], names, now)
    assert settled.done_at == created + dt.timedelta(hours=5)
