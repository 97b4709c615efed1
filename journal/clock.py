"""The one source of "now": local, aware time. AIJOURNAL_NOW pins it for tests and screenshots."""

import datetime as dt
import os


def now() -> dt.datetime:
    pinned = os.environ.get("AIJOURNAL_NOW")
    if pinned:
        return _pinned(pinned)
    return dt.datetime.now().astimezone().replace(microsecond=0)


def _pinned(text: str) -> dt.datetime:
    """AIJOURNAL_NOW as an aware time; a value no command could work with is one line, exit 2."""
    try:
        value = dt.datetime.fromisoformat(text)
        if not 1900 <= value.year <= 9998:
            raise ValueError
        return value.astimezone() if value.tzinfo else value.replace(tzinfo=local_tz(value))
    except (ValueError, OverflowError, OSError):
        from journal.errors import BadInput

        raise BadInput(
            f"AIJOURNAL_NOW {text!r} is not accepted; use an ISO date-time from "
            "1900 to 9998, such as 2026-11-26T15:00:00, or unset it"
        ) from None


def today() -> dt.date:
    return now().date()


def local_tz(naive: dt.datetime) -> dt.tzinfo:
    """The local zone in force at a naive local time (so DST offsets come out right)."""
    tz = naive.astimezone().tzinfo
    assert tz is not None
    return tz


def localize(naive: dt.datetime) -> dt.datetime:
    return naive.replace(tzinfo=local_tz(naive))
