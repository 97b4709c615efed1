"""The hot commands, declared once: the lean parser and the Typer face are both built from this.

Each parameter is (name, kind, metavar, help): kind is "arg" (positional), "optarg" (a positional
that may be left out), "opt" (takes a value), "flag" (boolean) or "multi" (an option that may
repeat).
"""

PURPOSE_HELP = "Why: learn, augment, automate, companion or unclassified (default)."
WHEN_WORDS = (
    "14:30, 9am, noon, 'yesterday at 14:00', 'last friday', '2 days ago 10:00', "
    "'3 days ago', an ISO date"
)
AT_HELP = f"When it started: {WHEN_WORDS} (default: now)."
ENERGY_AT_HELP = f"When you felt this: {WHEN_WORDS} (default: now)."
PERIOD_WORDS = "'this week', 'last week', 'this month', 'last month', 'this year', 'last year'"
SINCE_HELP = (
    f"From this day: yesterday, mon, 'last friday', an ISO date, or a period ({PERIOD_WORDS})."
)
UNTIL_HELP = (
    f"Up to and including this day: a day as for --since, or a period's last day ({PERIOD_WORDS})."
)
NOTE_HELP = "A private note (left out of exports unless asked)."
TAG_HELP = "A tag; repeat for more."
AT_RANGE_HELP = (
    f"When it started: {WHEN_WORDS}; or a range that also gives the duration: 9:00-10:30, "
    "'yesterday 9:00-10:30' (default: now)."
)
DURATION_HELP = "How long: 45, 45m, 1h, 1h30 or 1.5h; may be left out when --at is a range."
SKILL_HELP = "What I learned, if anything."

HOT: dict[str, dict] = {
    "ai": {
        "help": "Log an AI session: which tool, how long, and why.",
        "example": "aijournal ai Claude 45m --purpose learn --skill 'SQL window functions'",
        "params": [
            ("tool", "arg", "TOOL", "The AI tool, such as Claude or ChatGPT."),
            ("duration", "optarg", "DURATION", DURATION_HELP),
            ("--purpose", "opt", "P", PURPOSE_HELP),
            ("--instead-of-person", "flag", None, "I asked AI instead of a person."),
            ("--skill", "opt", "TEXT", SKILL_HELP),
            ("--at", "opt", "WHEN", AT_RANGE_HELP),
            ("--note", "opt", "TEXT", NOTE_HELP),
            ("--tag", "multi", "T", TAG_HELP),
        ],
    },
    "met": {
        "help": "Log time with people: who, how long, and how it felt.",
        "example": "aijournal met 'Sam, Priya' 30m --kind feedback --quality 4",
        "params": [
            ("people", "arg", "PEOPLE", "One name or a comma list: 'Sam, Priya'."),
            ("duration", "optarg", "DURATION", DURATION_HELP),
            (
                "--kind",
                "opt",
                "K",
                "mentoring, feedback, collaboration (default), help, social or meeting.",
            ),
            ("--channel", "opt", "C", "in_person (default), call, video, chat or email."),
            ("--quality", "opt", "N", "How connected it felt, 1 to 5 (default 3)."),
            ("--initiated", "flag", None, "I reached out."),
            ("--at", "opt", "WHEN", AT_RANGE_HELP),
            ("--note", "opt", "TEXT", NOTE_HELP),
            ("--tag", "multi", "T", TAG_HELP),
        ],
    },
    "energy": {
        "help": "Log your energy right now, 1 (drained) to 5 (full).",
        "example": "aijournal energy 3",
        "params": [
            ("level", "arg", "LEVEL", "1 (drained) to 5 (full)."),
            ("--at", "opt", "WHEN", ENERGY_AT_HELP),
            ("--note", "opt", "TEXT", NOTE_HELP),
        ],
    },
    "report": {
        "help": "Time totals over a period, grouped: AI and people time side by side.",
        "example": "aijournal report --month --by skill",
        "params": [
            (
                "period",
                "optarg",
                "PERIOD",
                f"A period ({PERIOD_WORDS}) or one day such as yesterday (default: this week).",
            ),
            ("--week", "flag", None, "This week, Monday to Sunday."),
            ("--month", "flag", None, "This calendar month."),
            ("--year", "flag", None, "This calendar year."),
            ("--since", "opt", "WHEN", SINCE_HELP),
            ("--until", "opt", "WHEN", UNTIL_HELP + " Default: today."),
            (
                "--by",
                "multi",
                "FIELD",
                "Group by tool, purpose, skill, person, kind, channel, tag, day, week or month; "
                "give it twice for two levels (default: day).",
            ),
            ("--json", "flag", None, "Print JSON (the keys are listed in the README)."),
            ("--csv", "flag", None, "Print CSV, one row per group."),
        ],
    },
    "status": {
        "help": "What is logged today; --prompt gives one short line for a shell prompt.",
        "example": "aijournal status --prompt",
        "params": [
            ("--prompt", "flag", None, "One short line: what is not logged yet today."),
            ("--json", "flag", None, "Print JSON."),
        ],
    },
    "start": {
        "help": "Start a live timer for an AI session; `aijournal stop` logs it.",
        "example": "aijournal start Claude --purpose learn --skill 'SQL window functions'",
        "params": [
            ("tool", "arg", "TOOL", "The AI tool, such as Claude or ChatGPT."),
            ("--purpose", "opt", "P", PURPOSE_HELP),
            ("--skill", "opt", "TEXT", SKILL_HELP),
            ("--tag", "multi", "T", TAG_HELP),
            ("--note", "opt", "TEXT", NOTE_HELP),
        ],
    },
    "stop": {
        "help": "Stop the live timer and log its AI session.",
        "example": "aijournal stop --at 10:30 --skill 'regex lookbehind'",
        "params": [
            (
                "--at",
                "opt",
                "WHEN",
                "When it ended: 10:30, '20 minutes ago', yesterday 18:00 (default: now).",
            ),
            ("--skill", "opt", "TEXT", "What I learned (replaces the one given at the start)."),
            ("--note", "opt", "TEXT", NOTE_HELP + " Added to the start's note."),
        ],
    },
    "cancel": {
        "help": "Drop the running timer; nothing is logged.",
        "example": "aijournal cancel",
        "params": [],
    },
    "resume": {
        "help": "Start a timer again for the last timer's tool, purpose and skill.",
        "example": "aijournal resume",
        "params": [],
    },
    "sync": {
        "help": "Capture AI sessions from the enabled sources (coding agents, browsers, "
        "ActivityWatch, a calendar folder); a second sync adds nothing.",
        "example": "aijournal sync --dry-run",
        "params": [
            ("--dry-run", "flag", None, "Say what would be added; write nothing."),
            ("--since", "opt", "WHEN", "Read again from this day, whatever was read before."),
            ("--source", "multi", "NAME", "Only this source (enabled); repeat for more."),
            ("--json", "flag", None, "The summary as JSON."),
            ("--keep-titles", "flag", None, "Keep page and session titles (as the note)."),
            ("--classify", "flag", None, "Then apply classification suggestions you trust."),
            ("--install-timer", "flag", None, "Write a daily systemd user timer (or a cron line)."),
            ("--remove-timer", "flag", None, "Remove the daily timer."),
        ],
    },
    "sources": {
        "help": "List the sync sources found and enabled; enable or disable one.",
        "example": "aijournal sources enable claude-code",
        "params": [
            ("action", "optarg", "ACTION", "enable or disable (leave out to list)."),
            ("name", "optarg", "NAME", "The source: claude-code, codex, chrome, firefox, ..."),
            ("--path", "multi", "P", "Read it from here instead of its usual place; repeatable."),
            ("--me", "opt", "EMAIL", "calendar: your address among the attendees."),
            ("--json", "flag", None, "The list as JSON."),
        ],
    },
}


def option_key(name: str) -> str:
    """The handler's keyword for a parameter name: --instead-of-person -> instead_of_person."""
    return name.lstrip("-").replace("-", "_")
