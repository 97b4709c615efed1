"""Every user-facing sentence of the TUI in one place, so the tone stays kind and consistent."""

from __future__ import annotations

from journal.present import CHANNEL_LABELS, PURPOSE_LABELS

__all__ = ["CHANNEL_LABELS"]  # re-exported: the labels live in journal.present

TABS = (
    ("today", "Today"),
    ("history", "History"),
    ("dashboard", "Dashboard"),
    ("insights", "Insights"),
    ("people", "People"),
)

PURPOSE_HELP = PURPOSE_LABELS
KIND_LABELS = {
    "mentoring": "mentoring",
    "feedback": "feedback",
    "collaboration": "collaboration",
    "help": "help",
    "social": "social",
    "meeting": "meeting",
}
ENERGY_WORDS = {1: "drained", 2: "low", 3: "okay", 4: "good", 5: "great"}
QUALITY_WORDS = {1: "distant", 2: "a little", 3: "connected", 4: "close", 5: "deeply"}

WELCOME_TITLE = "Welcome to aijournal"
WELCOME_BODY = """\
A private journal of how you work with AI and with people. It stays in one file on this \
machine; nothing is ever sent anywhere. Three things to log, each in a few keystrokes:

[b]1. AI sessions, and why.[/b]  Was the AI a [b]learning[/b] partner, did you [b]augment[/b] \
your work, [b]automate[/b] a chore, or keep it as [b]company[/b]? Did you ask it \
[i]instead of a person[/i]?
[b]2. Time with people.[/b]  Who, how long, what kind, and how connected it felt.
[b]3. Your energy.[/b]  One keypress, 1 to 5, as often as you like.

And once a day a short check-in: whose help did you trust today, AI's or your team's? \
From that, aijournal shows your balance and, when the evidence is there, gentle suggestions."""
WELCOME_DEMO = "Explore a demo journal"
WELCOME_EMPTY = "Start my own journal"
WELCOME_DEMO_HINT = "The demo is a separate file with a year of the 'drifting' persona."

DEMO_SUBTITLE = "demo journal: drifting persona (your own journal is untouched)"

NOTHING_TODAY = "Nothing logged today yet. Press a, m or e to start."
CHECKIN_PROMPT = "check-in due (k)"
CHECKIN_DONE = "check-in ✓"
TIMER_HINT = "t stops it"

HISTORY_PLACEHOLDER = "search text  @person  #tag  from:mon  to:yesterday"
HISTORY_EMPTY = "No entries match. Clear the search (escape) or change the type."

DASH_EMPTY = (
    "Nothing to chart yet. Log a few days of AI sessions, people time and energy, "
    "or open the demo journal from the command palette (ctrl+p)."
)
PEOPLE_EMPTY = "Nobody on your roster yet. Log time with someone on Today (press m)."
FACTORS_TITLE = "What goes with your good days"
FACTORS_YOUNG = (
    "Not enough days yet: a factor needs {min_days} workdays (or days off) with it and "
    "{min_days} without it, each with energy logged."
)
FACTORS_NONE = (
    "Nothing stands out among {tested} factors tested (shown at q ≤ {level:.2f}); "
    "`aijournal factors --all` lists them."
)
FACTORS_WAITING = "{count} more need more days (`aijournal factors` says how many)."
INSIGHTS_EMPTY = (
    "No insights yet. They appear once there is enough evidence: log a few more "
    "days of AI sessions, people time, energy and check-ins."
)
EXPERIMENTS_HINT = (
    "Try one change for a couple of weeks and see what it does to your energy, connection or "
    "augmentation share. One experiment runs at a time."
)
EXPERIMENTS_NONE = "No experiment yet. Pick one below and press enter to start it today."

REPORT_TITLE = "Report: time by group"
REPORT_HINT = "g group by · G then by · [ ] earlier/later · esc closes"
REPORT_FILTER_NOTE = (
    "History's search words and type are not applied here: like `aijournal report`, this counts "
    "every AI session and every meeting of the period."
)

HELP_INTRO = "Every key of aijournal. Press escape or ? to close."
HELP_SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("F1 … F5", "Today, History, Dashboard, Insights, People"),
            ("1 … 5", "the same tabs, when no text field has focus"),
            ("?", "this help"),
            ("ctrl+p", "command palette: every action by name"),
            ("ctrl+z", "undo the last change"),
            ("escape", "leave a text field (so 1 … 5 switch tabs again) or close a dialog"),
            ("tab / shift+tab", "next / previous field"),
            ("ctrl+q", "quit"),
        ),
    ),
    (
        "Today",
        (
            ("a", "log an AI session: tool, time, purpose, instead of a person, skill"),
            ("m", "log time with people: names, time, kind, channel, how connected"),
            ("e", "log your energy, then 1 … 5"),
            ("k", "the daily check-in: trust in AI, trust in your team, connection (1 … 5 each)"),
            ("w", "the WHO-5 wellbeing index: five statements, 0 … 5 each, then the score"),
            ("enter or ctrl+s", "save the form"),
            ("1 … 5", "on a focused scale (energy, check-in, felt): pick the value"),
            ("← / →", "on a focused scale: one less, one more; on Purpose: the one before, after"),
            ("1 … 4", "on Purpose: learn, augment, automate, companion (or type its first letter)"),
            ("space", "on a tick box: tick or untick it; on a button: press it"),
            (
                "t, ctrl+t",
                "start a live timer for the tool and skill in the AI form, or stop the running one",
            ),
            ("ctrl+p", "then 'Cancel the timer': drop the running timer, nothing is logged"),
            ("→ or tab", "accept the suggested tool or name"),
            ("u", "undo the last change"),
            ("c", "classify imported AI sessions (when there are any)"),
        ),
    ),
    (
        "History",
        (
            ("/", "search: text, @person, #tag, from:WHEN, to:WHEN"),
            ("y", "cycle the type filter (all, AI, people, energy, check-in, WHO-5)"),
            ("enter or e", "edit the selected entry"),
            ("d or delete", "delete the selected entry (asks first)"),
            ("u", "undo the last change"),
            ("r", "report: time by tool, purpose, skill, person… for the search's period"),
            ("c", "classify imported AI sessions"),
            ("escape", "clear the search"),
        ),
    ),
    (
        "Report",
        (
            (
                "g",
                "group by the next field: tool, purpose, skill, person, kind, channel, tag, day…",
            ),
            ("G", "then by: a second level inside each group (or none)"),
            ("[ / ]", "the period before / after (a month moves by a month)"),
            ("escape or q", "close the report"),
        ),
    ),
    (
        "Dashboard",
        (
            ("w", "4, 8 or 12 weeks"),
            ("h", "year in pixels: energy or connection"),
        ),
    ),
    (
        "Insights",
        (
            ("enter", "accept the highlighted action: it becomes an intention"),
            ("x", "mark the highlighted intention done"),
            ("m", "mute the highlighted insight for 14 days (ctrl+z undoes it)"),
            ("p", "profile and pauses: role, workdays, target; declare a holiday"),
            ("v", "show exactly the entries that are the insight's evidence"),
            ("e", "experiments: start a ready-made one, see today's ON/OFF, end it"),
        ),
    ),
    (
        "Experiments",
        (
            ("enter", "start the highlighted ready-made experiment today"),
            ("ctrl+e", "end the running experiment and read its result"),
            ("escape", "close"),
        ),
    ),
    (
        "People",
        (
            ("enter", "show this person's entries in History"),
            ("r", "change the relation (mentor, teammate, friend...)"),
        ),
    ),
    (
        "Classify (c)",
        (
            ("l, a, t, c", "the session's purpose: learn, augment, automate, companion"),
            ("y or enter", "accept the suggested purpose (learned from how you classified)"),
            ("k", "type the skill it was for, then enter (escape leaves it)"),
            ("s", "skip this session"),
            ("q or escape", "done: back to where you were"),
        ),
    ),
    (
        "WHO-5 (w)",
        (
            ("0 … 5", "answer the highlighted statement"),
            ("← / →", "one less, one more"),
            ("↓ / ↑", "next / previous statement"),
            ("enter", "save, then enter again closes"),
            ("escape", "close"),
        ),
    ),
    (
        "Dialogs",
        (
            ("ctrl+s", "save the edit or the profile"),
            ("y / n", "answer a question (delete this entry?)"),
            ("q or ?", "close this help (q also closes an insight's evidence)"),
            ("v", "close an insight's evidence"),
            ("d or s", "first run: explore the demo journal, or start your own"),
            ("escape", "cancel or close"),
        ),
    ),
)
