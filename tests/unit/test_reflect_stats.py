"""The statistics under factors and experiments, against values worked out by hand or by known
tables."""

from __future__ import annotations

import random

import pytest

from journal.reflect import stats


@pytest.mark.parametrize(
    ("prob", "df", "expected"),
    [(0.95, 1, 6.3138), (0.95, 5, 2.0150), (0.95, 30, 1.6973), (0.975, 10, 2.2281)],
)
def test_t_quantile_matches_the_tables(prob, df, expected):
    assert stats.t_quantile(prob, df) == pytest.approx(expected, abs=1e-3)


def test_t_tail_is_a_probability():
    assert stats.t_sf(0, 7) == 0.5
    assert stats.t_sf(2.0150, 5) == pytest.approx(0.05, abs=1e-4)


def test_welch_difference_and_interval():
    on, off = [4, 5, 4, 5, 4], [3, 3, 2, 3, 4]
    result = stats.compare([(on, off)])
    assert result is not None
    assert result.diff == pytest.approx(1.4)
    assert result.low < 1.4 < result.high
    assert result.p < 0.05
    assert (result.n_on, result.n_off) == (5, 5)


def test_strata_keep_a_weekday_mix_from_looking_like_an_effect():
    # Factor only on workdays; energy is higher on days off, and equal with/without on workdays.
    work_on, work_off = [3.0, 3.5, 3.0, 3.5, 3.0, 3.5], [3.0, 3.5, 3.5, 3.0]
    off_on, off_off = [], [4.5, 4.0, 4.5, 4.0, 4.5]
    result = stats.compare([(work_on, work_off), (off_on, off_off)])
    assert result is not None and result.diff == pytest.approx(0.0, abs=1e-9)
    assert result.p > 0.5


def test_no_usable_stratum_is_none():
    assert stats.compare([([1.0], [2.0, 3.0])]) is None


def test_bootstrap_is_seeded():
    rng = random.Random(3)
    on = [rng.gauss(4, 1) for _ in range(12)]
    off = [rng.gauss(3, 1) for _ in range(20)]
    first = stats.bootstrap([(on, off)], seed=5)
    assert first == stats.bootstrap([(on, off)], seed=5)
    assert first is not None and first[0] < first[1]


def test_benjamini_hochberg():
    q = stats.adjust([0.01, 0.04, 0.03, 0.5])
    assert q == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])


def test_pooled_is_the_two_sample_t_test_on_one_stratum():
    on, off = [4.0, 5.0, 4.0, 5.0, 6.0], [3.0, 3.0, 4.0, 2.0, 3.0]
    result = stats.pooled([(on, off)])
    assert result is not None
    assert result.diff == pytest.approx(1.8)
    # pooled variance 4.8 / 8 = 0.6, se sqrt(0.6 * 0.4), t = 3.674 on 8 degrees of freedom
    assert result.p == pytest.approx(0.00627, abs=2e-4)
    assert (result.n_on, result.n_off) == (5, 5)


def test_pooled_takes_the_spread_from_every_stratum_and_tells_nothing_without_one():
    # two days a side, each side alike: Welch would see no spread at all; the spread of the
    # one-sided stratum shows how much days vary
    alike = ([4.0, 4.0], [3.0, 3.0])
    spread = ([], [1.0, 5.0, 2.0, 4.0, 3.0])
    result = stats.pooled([alike, spread])
    assert result is not None and result.diff == pytest.approx(1.0)
    assert 0.2 < result.p < 0.5
    flat = stats.pooled([alike])
    assert flat is not None and flat.p == 1.0  # every day alike: nothing to tell a difference by
    assert stats.pooled([([1.0], [2.0])]) is None  # no degrees of freedom left


def test_carry_over_widens_the_test_only_when_both_carry_over():
    slow = [1.0, 1.0, 1.0, -1.0, -1.0, -1.0, 1.0, 1.0, 1.0, -1.0, -1.0, -1.0]
    assert stats.lag1(slow) > 0.3
    assert stats.lag1([1.0, -1.0] * 6) < -0.8
    assert stats.lag1([1.0, None, -1.0, None, 1.0]) == 0.0  # no neighbouring pairs to tell by
    assert stats.carry(0.5, 0.5) == pytest.approx(1.25 / 0.75)
    assert stats.carry(0.5, -0.5) == 1.0 and stats.carry(0.0, 0.9) == 1.0
    wide = stats.pooled([([4.0, 5.0, 4.0], [3.0, 4.0, 3.0])], inflation=2.0)
    narrow = stats.pooled([([4.0, 5.0, 4.0], [3.0, 4.0, 3.0])])
    assert wide is not None and narrow is not None and wide.p > narrow.p
