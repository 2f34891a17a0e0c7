"""The bot's notion of "now", shiftable for tests and rehearsals.

Reminders and "what's next?" depend on the time. ``SCS_BOT_NOW`` (an ISO date-time with
offset) shifts the clock of a whole process so that it starts at that moment and then runs
normally; end-to-end tests use it to let a reminder fall due, also across a restart,
without waiting a day. Unset (the normal case), this is the system clock.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
ENV = "SCS_BOT_NOW"


def _offset() -> dt.timedelta:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return dt.timedelta(0)
    try:
        start = dt.datetime.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"error: {ENV}={value!r} is not an ISO date-time like 2027-03-11T18:00+01:00") from None
    if start.tzinfo is None:
        start = start.replace(tzinfo=BERLIN)
    return start - dt.datetime.now(dt.UTC)


_OFFSET = _offset()


def now() -> dt.datetime:
    """The current time, timezone-aware (UTC)."""
    return dt.datetime.now(dt.UTC) + _OFFSET


def berlin_now() -> dt.datetime:
    return now().astimezone(BERLIN)


def berlin_today() -> dt.date:
    return berlin_now().date()
