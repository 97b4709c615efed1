"""The hot commands, declared once: the lean parser and the Typer face are both built from this.

Each parameter is (name, kind, metavar, help): kind is "arg" (positional), "opt" (takes a value),
"flag" (boolean) or "multi" (an option that may repeat).
"""

PURPOSE_HELP = "Why: learn, augment, automate, companion or unclassified (default)."
AT_HELP = "When it started: 14:30, yesterday 15:00, mon, '3 days ago', an ISO date (default: now)."
NOTE_HELP = "A private note (left out of exports unless asked)."
TAG_HELP = "A tag; repeat for more."

HOT: dict[str, dict] = {
    "ai": {
        "help": "Log an AI session: which tool, how long, and why.",
        "example": "aijournal ai Claude 45m --purpose learn --skill 'SQL window functions'",
        "params": [
            ("tool", "arg", "TOOL", "The AI tool, such as Claude or ChatGPT."),
            ("duration", "arg", "DURATION", "How long: 45, 45m, 1h, 1h30 or 1.5h."),
            ("--purpose", "opt", "P", PURPOSE_HELP),
            ("--instead-of-person", "flag", None, "I asked AI instead of a person."),
            ("--skill", "opt", "TEXT", "What I learned, if anything."),
            ("--at", "opt", "WHEN", AT_HELP),
            ("--note", "opt", "TEXT", NOTE_HELP),
            ("--tag", "multi", "T", TAG_HELP),
        ],
    },
    "met": {
        "help": "Log time with people: who, how long, and how it felt.",
        "example": "aijournal met 'Sam, Priya' 30m --kind feedback --quality 4",
        "params": [
            ("people", "arg", "PEOPLE", "One name or a comma list: 'Sam, Priya'."),
            ("duration", "arg", "DURATION", "How long: 45, 45m, 1h, 1h30 or 1.5h."),
            (
                "--kind",
                "opt",
                "K",
                "mentoring, feedback, collaboration (default), help, social or meeting.",
            ),
            ("--channel", "opt", "C", "in_person (default), call, video, chat or email."),
            ("--quality", "opt", "N", "How connected it felt, 1 to 5 (default 3)."),
            ("--initiated", "flag", None, "I reached out."),
            ("--at", "opt", "WHEN", AT_HELP),
            ("--note", "opt", "TEXT", NOTE_HELP),
            ("--tag", "multi", "T", TAG_HELP),
        ],
    },
    "energy": {
        "help": "Log your energy right now, 1 (drained) to 5 (full).",
        "example": "aijournal energy 3",
        "params": [
            ("level", "arg", "LEVEL", "1 (drained) to 5 (full)."),
            ("--at", "opt", "WHEN", AT_HELP),
            ("--note", "opt", "TEXT", NOTE_HELP),
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
}


def option_key(name: str) -> str:
    """The handler's keyword for a parameter name: --instead-of-person -> instead_of_person."""
    return name.lstrip("-").replace("-", "_")
