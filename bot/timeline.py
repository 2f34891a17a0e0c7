"""Timeline queries relative to a given day: overview, latest, next upcoming.

Entries without a date keep their place in the list and count as past: the seed page
presents them as steps already taken. Dated entries are upcoming when their (first) day
lies after today, so "2027" is upcoming in 2026 but not during 2027.
Announced events carry a time and are only handed in while they lie ahead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.model import TimelineEntry


def is_upcoming(entry: TimelineEntry, today: dt.date) -> bool:
    """An announced event (it has a time) is listed only until it starts, so today counts."""
    if entry.date is None:
        return False
    return entry.date.start >= today if entry.time else entry.date.start > today


def ordered(entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """Stable order: dated entries by date, undated ones stay behind their predecessor."""
    result: list[TimelineEntry] = []
    for entry in entries:
        if entry.date is None or not result:
            result.append(entry)
            continue
        pos = len(result)
        while pos > 0:
            prev = result[pos - 1]
            if prev.date is not None and prev.date.start > entry.date.start:
                pos -= 1
            else:
                break
        result.insert(pos, entry)
    return result


def latest(entries: Sequence[TimelineEntry], today: dt.date) -> TimelineEntry | None:
    past = [e for e in ordered(entries) if not is_upcoming(e, today)]
    return past[-1] if past else None


def upcoming(entries: Sequence[TimelineEntry], today: dt.date) -> TimelineEntry | None:
    future = [e for e in ordered(entries) if is_upcoming(e, today)]
    return future[0] if future else None
