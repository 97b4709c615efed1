"""Time and peak memory of `aijournal import ics FILE --dry-run` against a bare
`icalendar.Calendar.from_ical` of the same file.

    python bench/ics_speed.py [--only NAME]

Builds in a temp dir: a realistic 10-year Google calendar (4,778 events, ~1.6 MB: 4,445 without
attendees, birthdays, recurrences, a few hundred meetings, reservations, unanswered invitations;
seeded), 200,000 timed events without attendees over 10 years (39 MB), 5,000 events with attendees
over 10 years (10% weekly series, some with a moved occurrence), and a calendar holding one 60 MB
SUMMARY line. For the Google calendar it also times, in this process (imports warm), the import
of every year (`--since all`) against `from_ical` of the same bytes, and prints that ratio.
Each case runs the real console script under /usr/bin/time, with the
default window (90 days) and with `--since` ten years back; the bare parse runs in its own
process the same way. Prints seconds, peak MB and the ratio import / bare parse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile

SCRIPT = os.path.join(os.path.dirname(sys.executable), "aijournal")
TIME = "/usr/bin/time"
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
FIRST = NOW - dt.timedelta(days=3650)
ME = "me@example.com"
HEAD = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//bench//ics//EN",
    "X-WR-CALNAME:Work",
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]


def stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def write(path: str, events: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\r\n".join(HEAD) + "\r\n")
        for event in events:
            handle.write("\r\n".join(["BEGIN:VEVENT", *event, "END:VEVENT"]) + "\r\n")
        handle.write("END:VCALENDAR\r\n")


def moment(rng: random.Random) -> dt.datetime:
    day = FIRST + dt.timedelta(days=rng.randrange(3650))
    return day.replace(hour=rng.randrange(7, 18), minute=rng.choice((0, 15, 30, 45)))


def no_attendees(path: str) -> None:
    rng = random.Random(1)
    events = []
    for n in range(200_000):
        at = moment(rng)
        events.append(
            [
                f"UID:solo-{n}@bench",
                f"DTSTAMP:{stamp(at)}Z",
                f"DTSTART;TZID=Europe/Berlin:{stamp(at)}",
                f"DTEND;TZID=Europe/Berlin:{stamp(at + dt.timedelta(minutes=30))}",
                f"SUMMARY:Focus block {n}",
                "STATUS:CONFIRMED",
                "TRANSP:OPAQUE",
            ]
        )
    write(path, events)


def realistic(path: str) -> None:
    rng = random.Random(2)
    people = [(f"Person {n}", f"p{n}@example.com") for n in range(60)]
    events = []
    for n in range(5000):
        at = moment(rng)
        who = rng.sample(people, rng.randint(1, 4))
        body = [
            f"UID:meet-{n}@bench",
            f"DTSTAMP:{stamp(at)}Z",
            f"DTSTART;TZID=Europe/Berlin:{stamp(at)}",
            f"DTEND;TZID=Europe/Berlin:{stamp(at + dt.timedelta(minutes=45))}",
            f"SUMMARY:Meeting {n} about the quarterly planning of things",
            "DESCRIPTION:Agenda:\\n- item one\\n- item two\\n- a longer line of text that "
            "gets folded by\r\n  the exporter at seventy-five octets as RFC 5545 says",
            f"ORGANIZER;CN=Me:mailto:{ME}",
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Me:mailto:{ME}",
            *(
                f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN={cn}"
                f":mailto:{mail}"
                for cn, mail in who
            ),
            "LOCATION:https://meet.google.com/abc-defg-hij",
            "STATUS:CONFIRMED",
        ]
        if n % 10 == 0:
            until = at + dt.timedelta(days=rng.randrange(60, 720))
            events.append([*body, f"RRULE:FREQ=WEEKLY;UNTIL={stamp(until)}Z"])
            moved = at + dt.timedelta(weeks=3)
            events.append(
                [
                    *body[:2],
                    f"RECURRENCE-ID;TZID=Europe/Berlin:{stamp(moved)}",
                    f"DTSTART;TZID=Europe/Berlin:{stamp(moved + dt.timedelta(days=1))}",
                    f"DTEND;TZID=Europe/Berlin:{stamp(moved + dt.timedelta(days=1, minutes=45))}",
                    *body[4:],
                ]
            )
        else:
            events.append(body)
    write(path, events)


def huge_line(path: str) -> None:
    at = NOW - dt.timedelta(days=5)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\r\n".join(HEAD) + "\r\n")
        handle.write(
            "\r\n".join(
                [
                    "BEGIN:VEVENT",
                    "UID:fine@bench",
                    f"DTSTART:{stamp(at)}Z",
                    "DURATION:PT30M",
                    f"ATTENDEE:mailto:{ME}",
                    "ATTENDEE;CN=Ann:mailto:ann@example.com",
                    "SUMMARY:Fine",
                    "END:VEVENT",
                    "",
                ]
            )
        )
        handle.write(
            "\r\n".join(
                [
                    "BEGIN:VEVENT",
                    "UID:huge@bench",
                    f"DTSTART:{stamp(at)}Z",
                    "DURATION:PT30M",
                    f"ATTENDEE:mailto:{ME}",
                    "ATTENDEE:mailto:sam@example.com",
                    "",
                ]
            )
        )
        handle.write("SUMMARY:")
        for _ in range(60):
            handle.write("z" * (1 << 20))
        handle.write("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def google(path: str) -> None:
    """A 10-year personal Google calendar as an export holds it (seeded, so every run is alike)."""
    rng = random.Random(14)
    me = "gabi@gmail.com"
    people = [
        (f"{first} {last}", f"{first.lower()}.{last.lower()}@example.com")
        for first, last in zip(
            ("Sam", "Priya", "Jo", "Lena", "Ravi", "Mia", "Tom", "Nina", "Omar", "Ada") * 4,
            (
                "Lee",
                "Raman",
                "Park",
                "Fischer",
                "Patel",
                "Chen",
                "Reyes",
                "Berg",
                "Aziz",
                "Novak",
                "Klein",
                "Silva",
                "Moreau",
                "Rossi",
                "Berg",
                "Nowak",
                "Kim",
                "Sato",
                "Haas",
                "Okafor",
            )
            * 2,
            strict=True,
        )
    ]
    events: list[list[str]] = []

    def base(uid: str, at: dt.datetime, minutes: int, summary: str) -> list[str]:
        return [
            f"DTSTART;TZID=Europe/Berlin:{stamp(at)}",
            f"DTEND;TZID=Europe/Berlin:{stamp(at + dt.timedelta(minutes=minutes))}",
            f"DTSTAMP:{stamp(NOW)}Z",
            f"UID:{uid}",
            f"CREATED:{stamp(at - dt.timedelta(days=3))}Z",
            "DESCRIPTION:",
            f"LAST-MODIFIED:{stamp(at - dt.timedelta(days=2))}Z",
            "LOCATION:",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            f"SUMMARY:{summary}",
            "TRANSP:OPAQUE",
        ]

    def attendee(name: str, mail: str, part: str = "ACCEPTED") -> str:
        return (
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={part};CN={name};"
            f"X-NUM-GUESTS=0:mailto:{mail}"
        )

    # 4,370 personal appointments, no attendee (dentist, gym, focus, reminders)
    titles = (
        "Gym",
        "Dentist",
        "Focus time",
        "Call mum",
        "Groceries",
        "Pay rent",
        "Haircut",
        "Run",
        "Read",
        "Bike service",
        "Yoga",
        "Tax return",
        "Pick up parcel",
    )
    for _ in range(4370):
        at = moment(rng)
        body = base(
            f"{rng.getrandbits(100):x}@google.com", at, rng.choice((30, 60, 90)), rng.choice(titles)
        )
        if rng.random() < 0.3:
            body.append(
                "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:This is an event "
                "reminder\r\nTRIGGER:-P0DT0H30M0S\r\nEND:VALARM"
            )
        events.append(body)
    # 60 all-day birthdays, yearly; 15 weekly personal series
    for n in range(60):
        day = FIRST.date() + dt.timedelta(days=rng.randrange(365))
        events.append(
            [
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
                "RRULE:FREQ=YEARLY",
                f"DTSTAMP:{stamp(NOW)}Z",
                f"UID:BIRTHDAY_{n}@google.com",
                f"SUMMARY:{people[n % len(people)][0]}'s birthday",
                "TRANSP:TRANSPARENT",
            ]
        )
    for n in range(15):
        at = moment(rng)
        events.append([*base(f"series-{n}@google.com", at, 60, "Swimming"), "RRULE:FREQ=WEEKLY"])
    # 333 meetings: 1:1s and small groups, weekly series with moved occurrences, reservations,
    # unanswered invitations, a few rooms
    for _ in range(333):
        at = moment(rng)
        kind = rng.random()
        uid = f"{rng.getrandbits(100):x}@google.com"
        if kind < 0.07:
            events.append(
                [
                    *base(uid, at, rng.choice((120, 810)), "Flight to Lisbon (TP 573)"),
                    "ORGANIZER;CN=Unknown Organizer:mailto:unknownorganizer@calendar.google.com",
                    attendee(me, me),
                ]
            )
            continue
        who = rng.sample(people, rng.randint(1, 4))
        body = [
            *base(uid, at, rng.choice((30, 45, 60)), "Sync about the roadmap"),
            f"ORGANIZER;CN={who[0][0]}:mailto:{who[0][1]}",
            attendee(me, me, "NEEDS-ACTION" if kind < 0.2 else "ACCEPTED"),
            *(attendee(name, mail) for name, mail in who),
        ]
        if kind > 0.9:
            body.append(
                "ATTENDEE;CUTYPE=RESOURCE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=R_BU2_ROOM "
                "[2.17] Conference Room (8);X-NUM-GUESTS=0:mailto:example.com_3138@resource.ca"
                "lendar.google.com"
            )
        if kind > 0.95:
            until = at + dt.timedelta(days=rng.randrange(60, 400))
            events.append([*body, f"RRULE:FREQ=WEEKLY;UNTIL={stamp(until)}Z"])
            moved = at + dt.timedelta(weeks=2)
            events.append(
                [
                    f"DTSTART;TZID=Europe/Berlin:{stamp(moved + dt.timedelta(hours=1))}",
                    f"DTEND;TZID=Europe/Berlin:{stamp(moved + dt.timedelta(hours=2))}",
                    *body[2:],
                    f"RECURRENCE-ID;TZID=Europe/Berlin:{stamp(moved)}",
                ]
            )
        else:
            events.append(body)
    rng.shuffle(events)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\r\n".join([*HEAD[:3], f"X-WR-CALNAME:{me}", *HEAD[4:]]) + "\r\n")
        for event in events:
            handle.write("\r\n".join(["BEGIN:VEVENT", *event, "END:VEVENT"]) + "\r\n")
        handle.write("END:VCALENDAR\r\n")


def in_process(path: str, tmp: str) -> None:
    """import (every year, dry run) vs from_ical of the same bytes, both timed in this process."""
    import time

    import icalendar

    from journal.importers import ics
    from journal.store import JournalStore

    os.environ["AIJOURNAL_NOW"] = NOW.isoformat()
    data = open(path, "rb").read()
    icalendar.Calendar.from_ical(data)  # warm: imports, caches
    bare = min(_timed(lambda: icalendar.Calendar.from_ical(data), time) for _ in range(3))
    store = JournalStore.open(os.path.join(tmp, "inproc.db"))
    try:
        for label, since in (("default window", None), ("--since all", ics.ALL_YEARS)):
            result = None

            def run(since: dt.datetime | None = since) -> None:
                nonlocal result
                result = ics.run(store, path, dry_run=True, since=since)

            took = min(_timed(run, time) for _ in range(3))
            assert result is not None
            print(
                f"  in process, {label:14} {took:6.2f} s vs from_ical {bare:5.2f} s: "
                f"{took / bare:.2f}x ({result.added} meetings, "
                f"{', '.join(f'{n} {r}' for r, n in result.reasons.most_common())})"
            )
    finally:
        store.close()


def _timed(call, time) -> float:  # noqa: ANN001
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    proc = subprocess.run(
        [TIME, "-f", "@@ %e %M", *command], capture_output=True, text=True, env=env, timeout=1800
    )
    stats = [line for line in proc.stderr.splitlines() if line.startswith("@@ ")][-1].split()
    said = [
        line
        for line in (proc.stdout + proc.stderr).splitlines()
        if line.strip() and not line.startswith(("@@ ", "Command exited"))
    ]
    shown = " | ".join(said[:1] + said[-1:])[:160]
    return float(stats[1]), int(stats[2]) / 1024, proc.returncode, shown


BARE = "import icalendar, sys; icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=("google", "solo", "realistic", "huge"))
    parser.add_argument("--no-bare", action="store_true", help="skip the bare from_ical runs")
    args = parser.parse_args()
    cases = {
        "google": ("a 10-year Google calendar, 4,778 events", google),
        "solo": ("200,000 events, no attendees", no_attendees),
        "realistic": ("5,000 events with attendees, 10% weekly", realistic),
        "huge": ("one 60 MB SUMMARY line", huge_line),
    }
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "AIJOURNAL_NOW": NOW.isoformat(), "NO_COLOR": "1"}
        journal = os.path.join(tmp, "journal.db")
        for key, (title, build) in cases.items():
            if args.only and key != args.only:
                continue
            path = os.path.join(tmp, f"{key}.ics")
            build(path)
            print(f"{title}: {os.path.getsize(path) / 2**20:.1f} MB")
            if key == "google":
                in_process(path, tmp)
            bare = None
            if not args.no_bare:
                bare = measure([sys.executable, "-c", BARE, path], env)
                print(
                    f"  bare from_ical          {bare[0]:7.2f} s {bare[1]:7.0f} MB  exit {bare[2]}"
                )
            for label, extra in (
                ("default window", []),
                ("--since 10 years", ["--since", f"{FIRST:%Y-%m-%d}"]),
                ("--since all", ["--since", "all"]),
            ):
                got = measure(
                    [SCRIPT, "--db", journal, "import", "ics", path, "--dry-run", *extra], env
                )
                ratio = f"  {got[0] / bare[0]:.2f}x bare" if bare and bare[0] else ""
                print(
                    f"  import, {label:16} {got[0]:7.2f} s {got[1]:7.0f} MB  exit {got[2]}"
                    f"{ratio}\n      {got[3]}"
                )


if __name__ == "__main__":
    main()
