"""journal.metrics: the one home of the shares, limits, reference figures and energy trends."""

from __future__ import annotations

from fractions import Fraction

import pytest

from journal import metrics, models
from journal import parse as p
from journal.errors import BadInput


@pytest.mark.parametrize(
    ("by_purpose", "share"),
    [
        (
            {"learn": 30, "augment": 30, "automate": 0, "companion": 0, "unclassified": 0},
            Fraction(1),
        ),
        ({"learn": 30}, Fraction(1)),  # no automation at all
        ({"companion": 40}, None),  # companion use is its own topic, not in the share
        ({"companion": 40, "unclassified": 500}, None),
        ({"learn": 30, "automate": 10, "companion": 60}, Fraction(3, 4)),  # companion left out
        (
            {"learn": 10, "automate": 20, "unclassified": 999},
            Fraction(1, 3),
        ),  # unclassified left out
        ({"unclassified": 50}, None),  # nothing classified
        ({}, None),
    ],
)
def test_augmentation_share(by_purpose, share):
    assert metrics.augmentation_share(by_purpose) == share


def test_the_share_is_exact_at_the_benchmark():
    at = {"learn": 71, "automate": 29}
    under = {"learn": 7099, "automate": 2901}
    assert metrics.augmentation_share(at) == Fraction(71, 100)
    assert metrics.below_benchmark(metrics.augmentation_share(at)) is False
    assert metrics.below_benchmark(metrics.augmentation_share(under)) is True
    assert metrics.below_benchmark(None) is None


def test_the_reference_figure():
    assert metrics.AUGMENTATION_BENCHMARK_PERCENT == 71
    assert metrics.augmentation_benchmark() == Fraction(71, 100)
    assert models.AUGMENTATION == {models.Purpose.LEARN, models.Purpose.AUGMENT}


def test_minutes_and_share_parts():
    by_purpose = {"learn": 5, "augment": 7, "automate": 11, "companion": 13, "unclassified": 17}
    assert metrics.augmentation_minutes(by_purpose) == 12
    assert metrics.classified_minutes(by_purpose) == 36
    assert metrics.share(1, 0) is None and metrics.share(1, 3) == Fraction(1, 3)
    assert metrics.mean([]) is None and metrics.mean([1, 2]) == Fraction(3, 2)


def test_a_day_is_the_longest_entry():
    assert metrics.MAX_MINUTES == 24 * 60
    assert p.parse_duration("24h") == metrics.MAX_MINUTES
    with pytest.raises(BadInput):
        p.parse_duration(str(metrics.MAX_MINUTES + 1))


@pytest.mark.parametrize(
    ("change", "word"),
    [
        (Fraction(1, 4), "rising"),
        (Fraction(-1, 4), "falling"),
        (Fraction(24, 100), "steady"),
        (Fraction(-24, 100), "steady"),
        (Fraction(0), "steady"),
    ],
)
def test_trend_word_at_the_step(change, word):
    assert metrics.trend_word(change) == word


def test_the_review_trend_compares_periods_and_needs_four_readings_each():
    change, trend = metrics.energy_trend_period_over_period([4, 4, 4], [3, 3, 3, 3])
    assert (change, trend) == (Fraction(1), None)  # a change, but too few to name
    assert metrics.energy_trend_period_over_period([4] * 4, [3] * 4) == (Fraction(1), "rising")
    assert metrics.energy_trend_period_over_period([], [3] * 4) == (None, None)


def test_the_export_trend_compares_halves_and_needs_two_readings_each():
    assert metrics.energy_trend_first_vs_last_half([3], [5, 5]) == (None, None)
    assert metrics.energy_trend_first_vs_last_half([4, 4], [3, 3]) == (Fraction(-1), "falling")
    assert metrics.energy_trend_first_vs_last_half([3, 4], [3, 4]) == (Fraction(0), "steady")
