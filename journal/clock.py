"""The one source of "now": local, aware time. AIJOURNAL_NOW pins it for tests and screenshots."""

import datetime as dt
import os


def now() -> dt.datetime:
    pinned = os.environ.get("AIJOURNAL_NOW")
    if pinned:
        value = dt.datetime.fromisoformat(pinned)
        return value.astimezone() if value.tzinfo else value.replace(tzinfo=local_tz(value))
    return dt.datetime.now().astimezone().replace(microsecond=0)


def today() -> dt.date:
    return now().date()


def local_tz(naive: dt.datetime) -> dt.tzinfo:
    """The local zone in force at a naive local time (so DST offsets come out right)."""
    tz = naive.astimezone().tzinfo
    assert tz is not None
    return tz


def localize(naive: dt.datetime) -> dt.datetime:
    return naive.replace(tzinfo=local_tz(naive))
