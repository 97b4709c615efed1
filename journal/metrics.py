"""The journal's numeric rules in one place: limits, reference figures, shares, means and trends.

Pure (no I/O, no UI libraries) and cheap to import: journal.parse and journal.service use the
limits on the shell quick-add path, so nothing heavier than the standard library's core is loaded
at import time (`fractions` is imported inside the functions that need it).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not loaded on the quick-add path; mypy still sees the block
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from fractions import Fraction

# --- limits --------------------------------------------------------------------------------------

MAX_MINUTES = 1440  # one entry lasts at most a day: 1 minute to 24 hours

# --- reference figures ---------------------------------------------------------------------------

# PRODUCT.md: "71 % of freelancers' AI use is augmentation [...] That 71 % is a population
# average, a reference point, not a target." Shown beside the user's own share, never as a goal.
AUGMENTATION_BENCHMARK_PERCENT = 71

# --- purposes ------------------------------------------------------------------------------------

UNCLASSIFIED = "unclassified"
AUGMENTING = ("learn", "augment")  # learning and co-creating; models.AUGMENTATION is built on it
AUTOMATING = "automate"  # what the augmentation share weighs it against

# --- energy trends -------------------------------------------------------------------------------

ENERGY_TREND_STEP = 0.25  # a change of mean energy this large is "rising" / "falling" (exact)
REVIEW_TREND_MIN_READINGS = 4  # readings in each period before the review names a trend
EXPORT_TREND_MIN_READINGS = 2  # readings in each half before an export names a trend


def augmentation_benchmark() -> Fraction:
    """The reference share as an exact fraction."""
    from fractions import Fraction

    return Fraction(AUGMENTATION_BENCHMARK_PERCENT, 100)


def classified_minutes(by_purpose: Mapping[str, int]) -> int:
    """Minutes with a purpose other than unclassified."""
    return sum(v for k, v in by_purpose.items() if k != UNCLASSIFIED)


def augmentation_minutes(by_purpose: Mapping[str, int]) -> int:
    """Minutes spent learning or augmenting."""
    return sum(by_purpose.get(p, 0) for p in AUGMENTING)


def augmentation_share(by_purpose: Mapping[str, int]) -> Fraction | None:
    """(learn + augment) / (learn + augment + automate); None without such minutes. The share
    weighs augmentation against automation only (PRODUCT.md, principle 5): companion use is its
    own topic, and unclassified minutes are left out until the user classifies them."""
    from fractions import Fraction

    augmenting = augmentation_minutes(by_purpose)
    weighed = augmenting + by_purpose.get(AUTOMATING, 0)
    return Fraction(augmenting, weighed) if weighed else None


def below_benchmark(share: Fraction | None) -> bool | None:
    """Whether a share is under the reference figure; None without a share."""
    return None if share is None else share < augmentation_benchmark()


def share(part: int, whole: int) -> Fraction | None:
    """part / whole, exact; None when whole is 0."""
    from fractions import Fraction

    return Fraction(part, whole) if whole else None


def mean(values: Iterable[int | Fraction]) -> Fraction | None:
    """The exact mean; None for no values."""
    from fractions import Fraction

    items = list(values)
    return Fraction(sum(items), len(items)) if items else None


def trend_word(change: Fraction) -> str:
    """ "rising", "falling" or "steady" for a change of mean energy."""
    return (
        "rising"
        if change >= ENERGY_TREND_STEP
        else "falling"
        if change <= -ENERGY_TREND_STEP
        else "steady"
    )


def energy_trend_period_over_period(
    current: list[int], previous: list[int]
) -> tuple[Fraction | None, str | None]:
    """The review's trend: the mean of this period against the mean of the period just before it
    (same length). Returns (change, trend): the change whenever both periods have a reading, the
    trend only with REVIEW_TREND_MIN_READINGS readings in each period.

    Meant to differ from energy_trend_first_vs_last_half: a review looks back across periods."""
    now, before = mean(current), mean(previous)
    if now is None or before is None:
        return None, None
    change = now - before
    enough = min(len(current), len(previous)) >= REVIEW_TREND_MIN_READINGS
    return change, trend_word(change) if enough else None


def energy_trend_first_vs_last_half(
    first: list[int], second: list[int]
) -> tuple[Fraction | None, str | None]:
    """An export's trend: within one period, the mean of its second half against the mean of its
    first half. Returns (change, trend), both None unless each half has
    EXPORT_TREND_MIN_READINGS readings.

    Meant to differ from energy_trend_period_over_period: an export describes its own period."""
    if min(len(first), len(second)) < EXPORT_TREND_MIN_READINGS:
        return None, None
    a, b = mean(first), mean(second)
    assert a is not None and b is not None
    change = b - a
    return change, trend_word(change)
