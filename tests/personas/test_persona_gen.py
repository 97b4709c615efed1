"""The persona generator draws the people its docstring describes (so the outcome tests judge
the engine on the journals they claim to)."""

from __future__ import annotations

import json
from statistics import mean

from persona_gen import DAYS, END, PERSONAS, jsonl_lines, records

from journal import models as m


def weekly(values_by_day: dict, persona) -> list[float]:
    out = []
    for week in range(6):
        days = persona.days[week * 7 : week * 7 + 7]
        values = [v for d in days for v in values_by_day.get(d, [])]
        out.append(mean(values))
    return out


def by_day(entries) -> dict:
    out: dict = {}
    for e in entries:
        out.setdefault(e.day, []).append(e.level)
    return out


def test_same_seed_same_journal_and_another_seed_another():
    for build in PERSONAS.values():
        assert jsonl_lines(build()) == jsonl_lines(build())
        assert jsonl_lines(build(seed=101)) != jsonl_lines(build(seed=102))


def test_six_weeks_ending_on_the_end_day_nothing_after():
    for build in PERSONAS.values():
        persona = build()
        days = [persona.entry_day(e) for e in persona.entries()]
        logged = [d for d in days if d is not None]
        assert max(logged) <= END and min(logged) >= persona.day(1)
        assert len(persona.days) == DAYS and persona.days[-1] == END
        assert records(persona).first_day == min(logged)


def test_the_manager_slides_smoothly_and_wellbeing_falls():
    persona = PERSONAS["manager"]()
    weeks = weekly(by_day(persona.energy), persona)
    assert 3.2 <= weeks[0] <= 3.7 and 2.0 <= weeks[-1] <= 2.5, weeks
    assert all(a - b < 0.75 for a, b in zip(weeks, weeks[1:], strict=False)), weeks
    assert [w.percent for w in sorted(persona.who5, key=lambda w: w.day)] == [56, 44, 36]
    late = [s for s in persona.ai_sessions if s.purpose == m.Purpose.COMPANION]
    first, last = persona.days[13], persona.days[28]
    assert sum(s.day <= first for s in late) < sum(s.day > last for s in late)
    assert any(i.kind == m.Kind.FEEDBACK and i.initiated for i in persona.interactions)


def test_the_engineer_meets_people_on_workdays_only_and_never_uses_ai_as_company():
    persona = PERSONAS["engineer"]()
    assert all(persona.profile.is_workday(i.day) for i in persona.interactions)
    assert {i.day for i in persona.interactions} >= {
        d for d in persona.days if persona.profile.is_workday(d) and d not in persona.holidays
    }
    assert all(s.purpose != m.Purpose.COMPANION for s in persona.ai_sessions)
    assert 3.8 <= mean(e.level for e in persona.energy) <= 4.3
    assert {w.percent for w in persona.who5} <= {72, 76, 80}


def test_holidays_leave_no_entries_and_only_one_variant_declares_them():
    for key, pauses in (("holiday_paused", 1), ("holiday_unpaused", 0)):
        persona = PERSONAS[key]()
        away = persona.day(15), persona.day(28)
        assert not [
            e for e in persona.entries() if (d := persona.entry_day(e)) and away[0] <= d <= away[1]
        ]
        assert len(persona.pauses) == pauses


def test_the_sparse_logger_logs_two_or_three_days_a_week():
    persona = PERSONAS["sparse"]()
    logged = {persona.entry_day(e) for e in persona.entries()} - {None}
    for week in range(6):
        days = set(persona.days[week * 7 : week * 7 + 7])
        assert len(days & logged) in (2, 3)


def test_the_freelancer_has_clients_and_peers_and_no_teammates():
    persona = PERSONAS["freelancer"]()
    assert persona.profile.role == m.Role.FREELANCER
    relations = {p.relation for p in persona.people}
    assert (
        m.Relation.TEAMMATE not in relations and {m.Relation.CLIENT, m.Relation.PEER} <= relations
    )
    assert 4.1 <= mean(e.level for e in persona.energy) <= 4.5
    assert all(c.connection in (4, 5) for c in persona.checkins)


def test_jsonl_lines_are_the_record_form():
    persona = PERSONAS["holiday_paused"]()
    lines = [json.loads(line) for line in jsonl_lines(persona)]
    types = {line["type"] for line in lines}
    assert types == {"person", "ai_session", "interaction", "energy", "checkin", "who5", "pause"}
    pause = next(line for line in lines if line["type"] == "pause")
    assert (
        pause["from"] == persona.day(15).isoformat() and pause["to"] == persona.day(28).isoformat()
    )
    interaction = next(line for line in lines if line["type"] == "interaction")
    assert isinstance(interaction["people"], list) and "day" not in interaction
    freelancer = [json.loads(line) for line in jsonl_lines(PERSONAS["freelancer"]())]
    assert freelancer[0]["type"] == "profile" and freelancer[0]["role"] == "freelancer"
