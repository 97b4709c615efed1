"""Every threshold and window of the reflection engine, in one place.

The principles are PRODUCT.md's ("Reflection engine"); the numbers and their reasons are written
down in docs/reflection.md. Thresholds are Fractions or integers so that boundaries are decided
exactly. Windows count days ending on the as-of day inclusive; "known" days leave out paused days
and breaks (runs of BREAK_MIN_DAYS or more days without any entry).
"""

from __future__ import annotations

from fractions import Fraction

from journal import metrics

# --- severities --------------------------------------------------------------------------------

INFO, WATCH, ACT, GOOD = "info", "watch", "act", "good"
SUPPORT = "support"  # ordering only: the WHO-5 support insight comes before every other
SEVERITY_ORDER = {SUPPORT: -1, ACT: 0, WATCH: 1, GOOD: 2, INFO: 3}
METRIC_DIGITS = 3  # metrics are reported rounded to this many decimals

# --- what the engine reads -----------------------------------------------------------------------

LOOKBACK_DAYS = 84  # twelve weeks: the longest window (six weeks) extended past a long break
BREAK_MIN_DAYS = 5  # this many days in a row without any entry are read as a break

# Coverage of absence claims: logged days / known days of the window.
COVERAGE_SILENT = Fraction(2, 5)  # below this, an absence insight says nothing
COVERAGE_FULL = Fraction(7, 10)  # below this, an absence insight is at most `watch`
COVERAGE_MIN_LOGGED = 3  # and never from fewer logged days than this

# --- wellbeing (the strongest signals) -----------------------------------------------------------

WHO5_RECENT_DAYS = 28  # the latest WHO-5 counts for this long
WHO5_LOW = 50  # percent: at or below, low wellbeing (the WHO-5's own band)
WHO5_VERY_LOW = 28  # percent: at or below, please seek professional advice
WHO5_DROP = 10  # percentage points: the change the WHO-5 literature treats as meaningful
WHO5_DROP_WITHIN_DAYS = 42  # the reading before must be at most this much older

CONNECTION_DAYS = 7
CONNECTION_MIN_ANSWERS = 3
CONNECTION_LOW = Fraction(5, 2)  # mean answer (1..5) at or below this: low
CONNECTION_HIGH = 4  # an answer this high: a well-connected day

# "Doing well": every signal present is good (and at least one is present).
WELL_ENERGY_DAYS = 14
WELL_ENERGY_MIN_READINGS = 3
WELL_ENERGY = Fraction(7, 2)
WELL_CONNECTION = Fraction(7, 2)

# --- trust-streak ------------------------------------------------------------------------------

TRUST_STREAK_MIN = 3  # check-ins in the run (trust_ai > trust_team, a 1-point gap on a
TRUST_STREAK_ACT = 5  # well-connected day not counting); act from this run length on
TRUST_STREAK_RECENT_DAYS = 7  # the run's last check-in is at most this many days before D

# --- augmentation-share ------------------------------------------------------------------------

AUGMENTATION_DAYS = 14
AUGMENTATION_MIN_MINUTES = 120  # learn + augment + automate minutes in the window
AUGMENTATION_REFERENCE = metrics.augmentation_benchmark()  # 71 %: a reference point, no target

# --- learning-partner --------------------------------------------------------------------------

LEARNING_DAYS = 7
LEARNING_MIN_MINUTES = 60

# --- ai-instead-of-people ----------------------------------------------------------------------

INSTEAD_DAYS = 7
INSTEAD_MIN_COUNT = 3
INSTEAD_ACT = 5

# --- companion-rising --------------------------------------------------------------------------

COMPANION_RECENT_DAYS = 14
COMPANION_BEFORE_DAYS = 28
COMPANION_MIN_SESSIONS = 3  # in the recent window
COMPANION_MIN_WEEKLY = 45  # minutes a week in the recent window
COMPANION_RISE = 2  # recent weekly minutes at least this many times the weekly mean before
LATE_FROM, LATE_UNTIL = 22, 5  # a session starting 22:00 ... 04:59 is late at night

# --- people-fading -----------------------------------------------------------------------------

FADING_RECENT_DAYS = 7  # known days
FADING_BEFORE_DAYS = 28  # known days
FADING_RATIO = Fraction(1, 2)  # people minutes per logged workday < half of the earlier rate
FADING_MIN_INTERACTIONS = 4  # in the earlier window
FADING_MIN_RECENT_WORKDAYS = 3  # logged workdays in the recent window

# --- isolation-streak --------------------------------------------------------------------------

ISOLATION_MIN = 3  # logged workdays in a row without a connected conversation
ISOLATION_ACT = 5
ISOLATION_RECENT_DAYS = 2  # the run ends on a logged day at most this many days before D
CONNECTED_QUALITY = 3  # an interaction of this quality or more breaks the run

# --- no-mentoring ------------------------------------------------------------------------------

MENTORING_DAYS = 14  # known days
MENTORING_SPAN_DAYS = 14  # the journal holds at least this many known days
MENTORING_KINDS = ("mentoring", "feedback")

# --- energy-slide ------------------------------------------------------------------------------

ENERGY_RECENT_DAYS = 7  # a sudden drop: the last week against the three before
ENERGY_BEFORE_DAYS = 21
ENERGY_DROP = Fraction(3, 4)
ENERGY_MIN_READINGS = 4  # in each window
SLIDE_DAYS = 42  # a slow slide: the fitted fall of the personal baseline over up to six weeks
SLIDE_MIN_SPAN = 21  # ... spanning at least three weeks
SLIDE_MIN_DAYS = 12  # days with a reading
SLIDE_FALL = Fraction(3, 4)  # fitted fall over the span, in points
SLIDE_LOW_LEVEL = 3  # the recent mean at or below this: act

# --- people-lift-energy ------------------------------------------------------------------------

LIFT_DAYS = 42  # known days
LIFT_QUALITY = 3
LIFT_MIN_DAYS = 5  # comparable days with a reading, in each group
LIFT_DIFFERENCE = Fraction(1, 2)

# --- neglected-person --------------------------------------------------------------------------

NEGLECT_RECENT_DAYS = 14  # known days
NEGLECT_BEFORE_DAYS = 42  # known days
NEGLECT_MIN_INTERACTIONS = 3
NEGLECT_MIN_WEEKS = 3  # met in at least this many different weeks before: a regular contact

# --- meeting-load ------------------------------------------------------------------------------

MEETING_DAYS = 7
MEETING_LOW_QUALITY = 2  # a meeting of this quality or less felt draining
MEETING_MIN_MINUTES = 240  # low-quality meeting minutes in the window
MEETING_LOW_SHARE = Fraction(1, 2)  # of all meeting minutes

# --- good findings -----------------------------------------------------------------------------

GOOD_ENERGY_UP = Fraction(1, 2)  # last week's mean above the three weeks before
GOOD_FOLLOW_DAYS = 14
GOOD_FOLLOW_MIN = 2  # intentions done in that time

# --- actions -----------------------------------------------------------------------------------

ACTION_REPEAT_DAYS = 14  # an action done this recently is not offered again
INTENTION_LAPSE_DAYS = 14  # an open intention lapses after this many days

# --- what the store must load --------------------------------------------------------------------

# AI sessions are many: whole sessions for the last AI_WINDOW_DAYS (what the AI detectors and the
# evidence read), companion and instead-of-a-person ones for the lookback, minutes per day beyond.
AI_WINDOW_DAYS = max(AUGMENTATION_DAYS, LEARNING_DAYS, INSTEAD_DAYS)
ENERGY_WINDOW_DAYS = LOOKBACK_DAYS
INTERACTION_WINDOW_DAYS = LOOKBACK_DAYS
CHECKIN_WINDOW_DAYS = LOOKBACK_DAYS
WINDOW_DAYS = LOOKBACK_DAYS

# --- review ------------------------------------------------------------------------------------

REVIEW_DAYS = {"week": 7, "month": 30}
REVIEW_MIN_DAYS = 3  # days in each group before "energy after done" is compared
FOLLOW_MIN_DAYS = 5  # days after an action before its effect is described ("too few to say")
FOLLOW_BASELINE_DAYS = 42  # comparable days looked at for an action's effect
# The review's energy trend: journal.metrics.energy_trend_period_over_period.
