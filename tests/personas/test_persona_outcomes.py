"""The outcomes PRODUCT.md promises for realistic journals ("Reflection engine", last paragraph),
judged from outside the engine on EVERY as-of day of weeks 3-6 (days 15..42), never one chosen day.

Each persona (tests/personas/persona_gen.py), in two random draws (its own seed and another), is
run through `journal.reflect.engine.run` once per day; the results are cached per persona and draw
so the whole file stays fast. A failure lists every broken day (the first dozen shown).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

import pytest
from persona_gen import PERSONAS, Persona, records

from journal import models as m
from journal.reflect.engine import Insight, Records, run

DAYS = range(15, 43)  # weeks 3-6, day 42 being the persona's last day
ABSENCE = {"people-fading", "neglected-person", "no-mentoring", "isolation-streak"}
FLAGS = {"energy-slide", "wellbeing-low", "wellbeing-drop", "companion-rising"}
SEVERITIES = ("act", "watch", "good", "info")
HEALTHY = (
    "engineer",
    "freelancer",
    "part_time",
    "sun_thu",
    "student",
    "holiday_paused",
    "holiday_unpaused",
    "sparse",
)
HOLIDAY = ("holiday_paused", "holiday_unpaused")
# Clinical wording; "not a diagnosis" (PRODUCT: the WHO-5 is "not a diagnosis, and said so") is
# taken out of the text before the search.
CLINICAL = re.compile(r"depress|diagnos|disorder|clinical|symptom|illness|patholog", re.IGNORECASE)
ALL = tuple(PERSONAS)
DRAWS = pytest.mark.parametrize("seed", (None, 1001), ids=("draw1", "draw2"))


@functools.cache
def journal(key: str, seed: int | None) -> tuple[Persona, Records, dict[int, list[Insight]]]:
    """The persona (its own seed, or another draw), its records, and the engine's insights for
    each day number 15..42."""
    persona = PERSONAS[key]() if seed is None else PERSONAS[key](seed=seed)
    recs = records(persona)
    return persona, recs, {n: run(recs, persona.day(n)) for n in DAYS}


def texts(insight: Insight) -> Iterator[str]:
    yield insight.title
    yield insight.detail
    for action in insight.actions:
        yield action.text


def alltext(insight: Insight) -> str:
    return "\n".join(texts(insight))


def show(insight: Insight) -> str:
    return f"{insight.severity} {insight.id}: {insight.title}"


def report(problems: list[str], limit: int = 12) -> str:
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{len(problems)} problem(s):\n" + "\n".join(problems[:limit]) + more


def latest_who5(persona: Persona, day: dt.date) -> m.Who5 | None:
    recent = [w for w in persona.who5 if day - dt.timedelta(days=27) <= w.day <= day]
    return max(recent, key=lambda w: w.day) if recent else None


def good_day(persona: Persona, day: dt.date) -> bool:
    """Energy, connection and the latest WHO-5 all good as of `day` (principle 6, Proportion)."""
    week = [e.level for e in persona.energy if day - dt.timedelta(days=6) <= e.day <= day]
    checkins = [c for c in persona.checkins if day - dt.timedelta(days=6) <= c.day <= day]
    connection = [c.connection for c in checkins if c.connection is not None]
    who5 = latest_who5(persona, day)
    return (
        bool(week)
        and sum(week) / len(week) >= 3.5
        and bool(connection)
        and sum(connection) / len(connection) >= 4
        and (who5 is None or who5.percent > 50)
    )


# --- the outcomes PRODUCT lists ----------------------------------------------------------------


@pytest.mark.parametrize("key", HEALTHY)
@DRAWS
def test_a_healthy_life_gets_no_act_level_insight_on_any_day(key, seed):
    persona, _, found = journal(key, seed)
    problems = [
        f"day {n} ({persona.day(n)}): {show(i)}"
        for n, insights in found.items()
        for i in insights
        if i.severity == "act"
    ]
    assert not problems, report(problems)


@DRAWS
def test_a_freelancer_hears_nothing_about_teammates(seed):
    persona, _, found = journal("freelancer", seed)
    assert persona.profile.role == m.Role.FREELANCER
    assert all(p.relation != m.Relation.TEAMMATE for p in persona.people)
    problems = [
        f"day {n}: {show(i)} | {text}"
        for n, insights in found.items()
        for i in insights
        for text in texts(i)
        if "teammate" in text.casefold()
    ]
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_trust_alone_raises_no_act_level_insight_on_good_days(key, seed):
    persona, _, found = journal(key, seed)
    good = [n for n in DAYS if good_day(persona, persona.day(n))]
    problems = [
        f"day {n}: {show(i)}"
        for n in good
        for i in found[n]
        if i.severity == "act" and (i.id == "trust-streak" or "trust" in i.title.casefold())
    ]
    assert not problems, report(problems)


@pytest.mark.parametrize("key", HOLIDAY)
@DRAWS
def test_no_absence_alarm_in_the_week_after_two_weeks_of_holiday(key, seed):
    persona, _, found = journal(key, seed)
    assert persona.away == (persona.day(15), persona.day(28))
    problems = [
        f"day {n} ({persona.day(n)}): {show(i)}"
        for n in range(29, 36)
        for i in found[n]
        if i.id in ABSENCE and i.severity in ("act", "watch")
    ]
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ("sparse", *HOLIDAY))
@DRAWS
def test_no_act_level_absence_alarm_on_any_day(key, seed):
    persona, _, found = journal(key, seed)
    problems = [
        f"day {n} ({persona.day(n)}): {show(i)}"
        for n, insights in found.items()
        for i in insights
        if i.id in ABSENCE and i.severity == "act"
    ]
    assert not problems, report(problems)


@DRAWS
def test_the_sliding_manager_is_flagged_by_week_five_and_every_day_after(seed):
    persona, _, found = journal("manager", seed)
    flagged = [n for n in DAYS if any(i.id in FLAGS and i.severity == "act" for i in found[n])]
    assert flagged, (
        "no energy-slide / wellbeing-low / wellbeing-drop / companion-rising at act "
        + (
            "on any day; seen at act: "
            + str(sorted({i.id for n in DAYS for i in found[n] if i.severity == "act"}))
        )
    )
    first = flagged[0]
    assert first <= 35, f"first flagged on day {first} ({persona.day(first)}), after week five"
    missing = [n for n in range(first, 43) if n not in flagged]
    assert not missing, f"flagged from day {first}, but not on days {missing}"


@DRAWS
def test_a_who5_of_24_puts_the_support_insight_first_every_day(seed):
    persona, _, found = journal("low_wellbeing", seed)
    problems = []
    for n, insights in found.items():
        who5 = latest_who5(persona, persona.day(n))
        assert who5 is not None and who5.percent <= 28
        if not insights or insights[0].id != "wellbeing-low":
            first = show(insights[0]) if insights else "nothing"
            problems.append(f"day {n}: first is {first}")
            continue
        support = insights[0]
        text = alltext(support)
        if support.severity != "act":
            problems.append(f"day {n}: wellbeing-low is {support.severity}")
        if not re.search(r"doctor|professional", text, re.IGNORECASE):
            problems.append(f"day {n}: no doctor or professional in {text!r}")
        if CLINICAL.search(re.sub(r"not a diagnosis", "", text, flags=re.IGNORECASE)):
            problems.append(f"day {n}: clinical wording in {text!r}")
    assert not problems, report(problems)


# --- honesty, on every insight of every persona and day ----------------------------------------


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_severities_are_known_and_ordered(key, seed):
    _, _, found = journal(key, seed)
    problems = []
    for n, insights in found.items():
        ranks = []
        for position, i in enumerate(insights):
            if i.severity not in SEVERITIES:
                problems.append(f"day {n}: {i.id} has severity {i.severity!r}")
                continue
            if position == 0 and i.id == "wellbeing-low":
                continue  # the support insight may lead
            ranks.append(SEVERITIES.index(i.severity))
        if ranks != sorted(ranks):
            problems.append(f"day {n}: order {[i.severity for i in insights]}")
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_every_insight_shows_its_coverage(key, seed):
    _, _, found = journal(key, seed)
    problems = []
    for n, insights in found.items():
        for i in insights:
            coverage = i.to_json().get("coverage")
            if not isinstance(coverage, dict) or set(coverage) != {
                "window_days",
                "logged_days",
                "paused_days",
            }:
                problems.append(f"day {n}: {i.id} coverage {coverage!r}")
                continue
            window, logged = coverage["window_days"], coverage["logged_days"]
            if not (window >= 1 and window >= logged >= 0 and coverage["paused_days"] >= 0):
                problems.append(f"day {n}: {i.id} coverage {coverage}")
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_no_benchmark_and_no_thriving_in_any_text(key, seed):
    _, _, found = journal(key, seed)
    problems = [
        f"day {n}: {i.id} | {text}"
        for n, insights in found.items()
        for i in insights
        for text in texts(i)
        if re.search(r"benchmark|thriv", text, re.IGNORECASE)
    ]
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_evidence_names_real_entries_on_or_before_the_day(key, seed):
    persona, _, found = journal(key, seed)
    known = {e.id: persona.entry_day(e) for e in persona.entries()}
    problems = []
    for n, insights in found.items():
        as_of = persona.day(n)
        for i in insights:
            for ev in i.evidence:
                if ev.day > as_of:
                    problems.append(f"day {n}: {i.id} cites day {ev.day}")
                for entry_id in ev.entry_ids:
                    if entry_id not in known:
                        problems.append(f"day {n}: {i.id} cites unknown id {entry_id}")
                    elif (day := known[entry_id]) is not None and day > as_of:
                        problems.append(f"day {n}: {i.id} cites an entry of {day}")
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_nobody_is_told_ai_kept_them_company_without_companion_time(key, seed):
    persona, _, found = journal(key, seed)
    problems = []
    for n, insights in found.items():
        as_of = persona.day(n)
        if any(s.purpose == m.Purpose.COMPANION and s.day <= as_of for s in persona.ai_sessions):
            continue
        problems += [
            f"day {n}: {i.id} | {text}"
            for i in insights
            for text in (i.title, i.detail)
            if "kept you company" in text.casefold()
        ]
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_an_action_names_only_a_tool_in_its_evidence(key, seed):
    persona, _, found = journal(key, seed)
    tools = {s.tool for s in persona.ai_sessions}
    sessions = {s.id: s.tool for s in persona.ai_sessions}
    problems = []
    for n, insights in found.items():
        for i in insights:
            cited = {sessions[x] for ev in i.evidence for x in ev.entry_ids if x in sessions}
            for action in i.actions:
                named = {t for t in tools if re.search(rf"\b{re.escape(t)}\b", action.text, re.I)}
                if named - cited:
                    problems.append(
                        f"day {n}: {i.id} action names {sorted(named - cited)} but its evidence "
                        f"has {sorted(cited) or 'no AI session'}: {action.text}"
                    )
                if not action.id.startswith(f"{i.id}/"):
                    problems.append(f"day {n}: action id {action.id} under {i.id}")
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_every_detail_says_how_much_it_rests_on(key, seed):
    _, _, found = journal(key, seed)
    problems = [
        f"day {n}: {i.id} | {i.detail}"
        for n, insights in found.items()
        for i in insights
        if not re.search(r"\d", i.detail)
    ]
    assert not problems, report(problems)


@pytest.mark.parametrize("key", ALL)
@DRAWS
def test_entries_after_the_day_change_nothing(key, seed):
    persona, recs, found = journal(key, seed)
    for n in (15, 29, 36):
        as_of = persona.day(n)
        cut = Records(
            ai_sessions=tuple(s for s in recs.ai_sessions if s.day <= as_of),
            interactions=tuple(i for i in recs.interactions if i.day <= as_of),
            energy=tuple(e for e in recs.energy if e.day <= as_of),
            checkins=tuple(c for c in recs.checkins if c.day <= as_of),
            people=recs.people,
            who5=tuple(w for w in recs.who5 if w.day <= as_of),
            profile=recs.profile,
            pauses=recs.pauses,
            first_day=recs.first_day,
        )
        assert [i.to_json() for i in run(cut, as_of)] == [i.to_json() for i in found[n]], n
