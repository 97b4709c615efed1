"""Small-sample statistics for comparing days with and without something, pure Python.

`compare` weighs each stratum of comparable days (workdays with workdays, days off with days off)
by how much it can tell (n_on·n_off / (n_on + n_off)), so a difference that only comes from the
mix of weekdays is not reported as an effect. The p-value is Welch's t with the
Welch–Satterthwaite degrees of freedom (experiments), or, in `pooled` (factors, with many small
strata), a t-test against the spread pooled over every stratum, widened by `carry` when outcome and
factor both carry over from day to day; `bootstrap` gives a seeded percentile interval of the same
weighted difference, resampling within each stratum and group; `adjust` is Benjamini–Hochberg.
No numpy: the samples are a few dozen days, and the import alone would cost more than the sums.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

Stratum = tuple[Sequence[float], Sequence[float]]  # (values on days with it, on days without)


@dataclass(frozen=True, slots=True)
class Comparison:
    diff: float  # weighted difference of means, on minus off
    low: float  # the interval (Welch's t; `bootstrap` replaces it with a resampled one)
    high: float
    p: float  # two-sided
    n_on: int  # days with it, in strata that count
    n_off: int
    mean_on: float  # plain means over those days
    mean_off: float
    level: float


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs)


def _var(xs: Sequence[float]) -> float:
    m = _mean(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)


def usable(strata: Sequence[Stratum], min_each: int = 2) -> list[Stratum]:
    """The strata with at least `min_each` days on each side (a variance needs two)."""
    return [(on, off) for on, off in strata if len(on) >= min_each and len(off) >= min_each]


def compare(strata: Sequence[Stratum], level: float = 0.90) -> Comparison | None:
    """The weighted difference over the usable strata, or None when no stratum is usable."""
    parts = usable(strata)
    if not parts:
        return None
    weights, total, diff = _weighted(parts)
    terms: list[tuple[float, int]] = []  # (variance contribution, its degrees of freedom)
    for w, (on, off) in zip(weights, parts, strict=True):
        share = (w / total) ** 2
        terms.append((share * _var(on) / len(on), len(on) - 1))
        terms.append((share * _var(off) / len(off), len(off) - 1))
    var = sum(v for v, _ in terms)
    df = var**2 / sum(v**2 / d for v, d in terms if v > 0) if var > 0.0 else 0.0
    return _tested(parts, diff, var, df, level, alike=1.0 if diff == 0 else 0.0)


def _weighted(parts: Sequence[Stratum]) -> tuple[list[float], float, float]:
    """Each stratum's weight (n_on·n_off / (n_on + n_off)), their sum, and the weighted
    difference of means (on minus off)."""
    weights = [len(on) * len(off) / (len(on) + len(off)) for on, off in parts]
    total = sum(weights)
    diff = (
        sum(w * (_mean(on) - _mean(off)) for w, (on, off) in zip(weights, parts, strict=True))
        / total
    )
    return weights, total, diff


def _tested(
    parts: Sequence[Stratum], diff: float, var: float, df: float, level: float, alike: float
) -> Comparison:
    """The comparison of `diff` with its variance on t(df); `alike` is the p-value given when
    the variance is nil (every day alike within its stratum)."""
    if var <= 0.0:
        p = alike
        low = high = diff
    else:
        se = math.sqrt(var)
        p = 2.0 * t_sf(abs(diff) / se, df)
        half = t_quantile(0.5 + level / 2, df) * se
        low, high = diff - half, diff + half
    on_all = [x for on, _ in parts for x in on]
    off_all = [x for _, off in parts for x in off]
    return Comparison(
        diff=diff,
        low=low,
        high=high,
        p=min(1.0, p),
        n_on=len(on_all),
        n_off=len(off_all),
        mean_on=_mean(on_all),
        mean_off=_mean(off_all),
        level=level,
    )


def pooled(
    strata: Sequence[Stratum], level: float = 0.90, inflation: float = 1.0
) -> Comparison | None:
    """The same weighted difference as `compare` (it is the least-squares effect of the factor
    with one mean per stratum), tested against the residual spread pooled over all strata rather
    than each group's own variance: a group of two or three days says little about its own spread,
    and Welch's test then finds differences that are not there. The difference comes from strata
    with a day on each side; the spread from every day.
    `inflation` (≥ 1) widens the variance for days that carry over into the next (see `carry`).
    None when no stratum has a day on each side, or no degrees of freedom are left."""
    parts = [(on, off) for on, off in strata if on and off]
    if not parts:
        return None
    _, total, diff = _weighted(parts)
    squares = 0.0  # the day-to-day spread: residuals from each stratum's mean with and without
    cells = n = 0  # (every stratum tells it, even one with days on a single side)
    for stratum in strata:
        for side in stratum:
            if side:
                m = _mean(side)
                squares += sum((x - m) ** 2 for x in side)
                cells += 1
                n += len(side)
    df = n - cells
    if df < 1:
        return None
    var = squares / df / total * max(1.0, inflation)
    # every day alike within its stratum: nothing to tell a difference from (p 1)
    return _tested(parts, diff, var, df, level, alike=1.0)


def lag1(series: Sequence[float | None]) -> float:
    """The lag-one autocorrelation of a day-by-day series of residuals (None: a day without a
    value; only pairs of neighbouring days both with a value count); 0 when it cannot be told."""
    pairs = [
        (a, b) for a, b in zip(series, series[1:], strict=False) if a is not None and b is not None
    ]
    values = [x for x in series if x is not None]
    if len(pairs) < 3 or len(values) < 3:
        return 0.0
    m = _mean(values)
    spread = sum((x - m) ** 2 for x in values) / len(values)
    if spread <= 0.0:
        return 0.0
    cross = sum((a - m) * (b - m) for a, b in pairs) / len(pairs)
    return max(-1.0, min(1.0, cross / spread))


def carry(r_outcome: float, r_factor: float) -> float:
    """How much a day-to-day carry-over in both the outcome and the factor widens the variance of
    their comparison (Bartlett's first-order approximation for two AR(1) series: the effective
    number of days is n·(1 − r₁r₂)/(1 + r₁r₂)); 1 when they do not carry over together."""
    r = r_outcome * r_factor
    if r <= 0.0:
        return 1.0
    r = min(r, 0.9)
    return (1 + r) / (1 - r)


def bootstrap(
    strata: Sequence[Stratum], *, level: float = 0.90, resamples: int = 1000, seed: int = 0
) -> tuple[float, float] | None:
    """A percentile interval of the weighted difference, resampling days within each stratum and
    side; the same seed gives the same interval."""
    parts = usable(strata)
    if not parts:
        return None
    rng = random.Random(seed)
    weights = [len(on) * len(off) / (len(on) + len(off)) for on, off in parts]
    total = sum(weights)
    draws = []
    for _ in range(resamples):
        d = 0.0
        for w, (on, off) in zip(weights, parts, strict=True):
            d += w * (sum(rng.choices(on, k=len(on))) / len(on))
            d -= w * (sum(rng.choices(off, k=len(off))) / len(off))
        draws.append(d / total)
    draws.sort()
    tail = (1 - level) / 2
    lo = draws[int(math.floor(tail * (resamples - 1)))]
    hi = draws[int(math.ceil((1 - tail) * (resamples - 1)))]
    return lo, hi


def adjust(pvalues: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg q-values, in the order given."""
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    q = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, pvalues[i] * m / rank)
        q[i] = min(1.0, running)
    return q


# --- Student's t, from the regularized incomplete beta function ---------------------------------


def _betacf(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-12:
            break
    return h


def _ibeta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_sf(t: float, df: float) -> float:
    """P(T > t) for Student's t with df degrees of freedom (t ≥ 0)."""
    if t <= 0:
        return 0.5
    return 0.5 * _ibeta(df / 2.0, 0.5, df / (df + t * t))


def _t_pdf(t: float, df: float) -> float:
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_c - (df + 1) / 2 * math.log1p(t * t / df))


def t_quantile(prob: float, df: float) -> float:
    """The t with P(T ≤ t) = prob, for 0.5 < prob < 1: Newton steps kept inside a bracket that
    bisection narrows when a step would leave it (to 1e-9; a handful of steps, where bisection
    alone took about 35 evaluations of the incomplete beta)."""
    tail = 1 - prob
    lo, hi = 0.0, 1.0
    while t_sf(hi, df) > tail:
        lo, hi = hi, hi * 2.0
    t = (lo + hi) / 2
    for _ in range(100):
        excess = t_sf(t, df) - tail  # > 0: t is too small
        if excess > 0:
            lo = t
        else:
            hi = t
        step = excess / _t_pdf(t, df)
        nxt = t + step
        if not lo < nxt < hi:
            nxt = (lo + hi) / 2
        if abs(nxt - t) < 1e-9 or hi - lo < 1e-9:
            return nxt
        t = nxt
    return t
