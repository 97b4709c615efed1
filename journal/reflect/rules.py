"""Every threshold and window of the reflection engine, in one place.

The rules are PRODUCT.md's, section "Reflection engine". Thresholds are Fractions or integers so
that boundaries are decided exactly; a user config may override these names later. Windows count
calendar days ending on the as-of day inclusive.
"""

from __future__ import annotations

from fractions import Fraction

from journal import metrics

# --- severities --------------------------------------------------------------------------------

INFO, WATCH, ACT = "info", "watch", "act"
SEVERITY_ORDER = {ACT: 0, WATCH: 1, INFO: 2}
METRIC_DIGITS = 3  # metrics are reported rounded to this many decimals

# --- trust-streak ------------------------------------------------------------------------------

TRUST_STREAK_MIN = 3  # check-ins in the run (trust_ai > trust_team)
TRUST_STREAK_ACT = 5  # act from this run length on
TRUST_STREAK_RECENT_DAYS = 7  # the run's last check-in is at most this many days before D

# --- augmentation-share ------------------------------------------------------------------------

AUGMENTATION_DAYS = 14
AUGMENTATION_MIN_MINUTES = 120  # classified AI minutes in the window
AUGMENTATION_BENCHMARK = metrics.augmentation_benchmark()

# --- learning-partner --------------------------------------------------------------------------

LEARNING_DAYS = 7
LEARNING_MIN_MINUTES = 60

# --- ai-instead-of-people ----------------------------------------------------------------------

INSTEAD_DAYS = 7
INSTEAD_MIN_COUNT = 3

# --- people-fading -----------------------------------------------------------------------------

FADING_RECENT_DAYS = 7
FADING_BEFORE_DAYS = 28  # weekly mean = total / 4
FADING_RATIO = Fraction(60, 100)  # recent people minutes < 60 % of the weekly mean
FADING_MIN_INTERACTIONS = 3  # in the 28 days before

# --- isolation-streak --------------------------------------------------------------------------

ISOLATION_MIN = 3
ISOLATION_ACT = 5
ISOLATION_RECENT_DAYS = 2  # the run ends on a logged day at most this many days before D
CONNECTED_QUALITY = 3  # an interaction of this quality or more breaks the run

# --- no-mentoring ------------------------------------------------------------------------------

MENTORING_DAYS = 14
MENTORING_SPAN_DAYS = 14  # the journal's first entry is on D-13 or earlier
MENTORING_KINDS = ("mentoring", "feedback")

# --- energy-slide ------------------------------------------------------------------------------

ENERGY_RECENT_DAYS = 7
ENERGY_BEFORE_DAYS = 21  # AI weekly mean for ai_rising = total / 3
ENERGY_DROP = Fraction(3, 4)
ENERGY_MIN_READINGS = 4  # in each window

# --- people-lift-energy ------------------------------------------------------------------------

LIFT_DAYS = 28
LIFT_QUALITY = 3
LIFT_MIN_DAYS = 5  # days with a reading, in each group
LIFT_DIFFERENCE = Fraction(1, 2)

# --- neglected-person --------------------------------------------------------------------------

NEGLECT_RECENT_DAYS = 14
NEGLECT_BEFORE_DAYS = 42
NEGLECT_MIN_INTERACTIONS = 3

# --- what the store must load --------------------------------------------------------------------

# How far back each kind of record is read, so the store loads the window and not the history.
# AI sessions: people-fading's 7 + 28 days (D-34 ... D) is the longest look at them.
AI_WINDOW_DAYS = max(
    FADING_RECENT_DAYS + FADING_BEFORE_DAYS,
    ENERGY_RECENT_DAYS + ENERGY_BEFORE_DAYS,
    AUGMENTATION_DAYS,
    LEARNING_DAYS,
)
ENERGY_WINDOW_DAYS = max(ENERGY_RECENT_DAYS + ENERGY_BEFORE_DAYS, LIFT_DAYS)
# Interactions: neglected-person's 42 + 14 days (D-55 ... D).
INTERACTION_WINDOW_DAYS = max(
    NEGLECT_RECENT_DAYS + NEGLECT_BEFORE_DAYS,
    FADING_RECENT_DAYS + FADING_BEFORE_DAYS,
    LIFT_DAYS,
    MENTORING_DAYS,
)
CHECKIN_WINDOW_DAYS = INTERACTION_WINDOW_DAYS  # one a day at most: cheap, and a run goes further
WINDOW_DAYS = max(AI_WINDOW_DAYS, ENERGY_WINDOW_DAYS, INTERACTION_WINDOW_DAYS, CHECKIN_WINDOW_DAYS)

# --- review ------------------------------------------------------------------------------------

REVIEW_DAYS = {"week": 7, "month": 30}
REVIEW_MIN_DAYS = 3  # days in each group before "energy after done" is compared
# The review's energy trend: journal.metrics.energy_trend_period_over_period.
