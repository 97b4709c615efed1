"""Factors feed the engine's actions: the person to suggest is one whose days go with
significantly higher energy (as `aijournal factors` finds), before the most met or best felt."""

from __future__ import annotations

import datetime as dt
import random

from journal import insights, service
from journal.clock import localize
from tests.unit.reflect_builders import Journal

D = dt.date(2026, 11, 26)  # the pinned today


def _instead_text(found) -> str:
    instead = next(i for i in found if i.id == "ai-instead-of-people")
    return " ".join(a.text for a in instead.actions)


def test_the_person_suggested_is_one_who_lifts_energy() -> None:
    j = Journal()
    j.person("Sam")
    j.person("Lars")
    for n in range(14):  # Sam: met every day and felt great
        j.met(-n, "Sam", 30, quality=5)
    j.met(-3, "Lars", 30, quality=3)
    for n in (0, 2, 4):
        j.ai(-n, 20, "unclassified", tool="ChatGPT", instead=True)
    assert "message Sam first" in _instead_text(j.run())
    assert "message Lars first" in _instead_text(j.run(lifting=("Lars",)))
    # a lifting person of another kind (a friend) is not suggested as a colleague
    j.person("Noor", "friend")
    assert "message Sam first" in _instead_text(j.run(lifting=("Noor",)))


def test_insights_load_names_who_lifts_energy_as_factors_find_it(store) -> None:
    """60 days: Lars on about half of them with energy about 1.5 higher; Sam most days, no lift."""
    rng = random.Random(16)
    for back in range(60):
        at = localize(dt.datetime.combine(D - dt.timedelta(days=back), dt.time(11)))
        if rng.random() < 0.5:
            service.log_interaction(store, people=["Lars"], minutes=30, at=at)
            lift = 1.5
        else:
            lift = 0.0
        if rng.random() < 0.8:
            service.log_interaction(store, people=["Sam"], minutes=30, at=at, quality=5)
        level = max(1, min(5, round(3 + lift + rng.gauss(0, 0.7))))
        service.log_energy(store, level=level, at=at + dt.timedelta(hours=6))
    for back in (0, 2, 4):
        at = localize(dt.datetime.combine(D - dt.timedelta(days=back), dt.time(15)))
        service.log_ai(store, tool="ChatGPT", minutes=20, at=at, instead_of_person=True)
    assert insights.load(store, D).lifting == ("Lars",)
    assert "message Lars first" in _instead_text(insights.current(store, D))


def test_an_action_a_ready_made_experiment_tests_names_it():
    from journal.experiments import TEMPLATES
    from journal.reflect import actions
    from journal.reflect.engine import Action

    assert set(actions.EXPERIMENTS.values()) <= set(TEMPLATES)
    step = Action("augmentation-share/draft-first", "Sketch your own first take.", "draft-first")
    assert step.to_json()["experiment"] == "draft-first"
    assert "experiment" not in Action("x/y", "text").to_json()
