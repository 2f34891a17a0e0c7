"""Events announced by staff: input checks, storage, reminders due, timeline entries.

No Discord here: the ``/event`` cog turns interactions into these calls and posts what
they return. Times are typed and shown in Europe/Berlin and stored in UTC. Reminders
are computed from the database on every tick (not kept in memory), so they survive a
restart; each one is recorded before it is sent and confirmed afterwards, and the send
carries a nonce, so it is posted exactly once.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace

from bot.answers import Answer
from bot.clock import BERLIN
from bot.messages import msg
from bot.model import PartialDate, TimelineEntry
from bot.storage import Storage

# Discord's own limits for a scheduled event (name 100, description 1000, location 100).
TITLE_MAX = 100
DESCRIPTION_MAX = 1000
PLACE_MAX = 100

FIELD_NAMES = {"de": {"title": "Titel", "place": "Ort", "description": "Beschreibung"},
               "en": {"title": "Title", "place": "Place", "description": "Description"}}

_TIME = r"(?:,?\s*(?:um\s+|at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr|h)?)?"
_GERMAN = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})" + _TIME, re.I)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+|,\s*)?" + _TIME.replace(",?", "", 1), re.I)
# "Fr., " / "Fri " / "Freitag, " before a date: the bot's own format typed back.
_WEEKDAY = re.compile(r"^(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|"
                      r"freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?,?\s+",
                      re.I)
# "12.03. 18:00": a day without a year needs a time with a colon, or "12.03.18" would be ambiguous.
_NO_YEAR = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.,?\s+(?:um\s+|at\s+)?(\d{1,2})[:.](\d{2})\s*(?:uhr|h)?", re.I)
_TIME_ONLY = re.compile(r"(?:um\s+|at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr|h)?", re.I)


class EventInputError(ValueError):
    """Input that cannot become an event; ``problems`` are (message key, values) pairs."""

    def __init__(self, problems: list[tuple[str, dict[str, object]]]):
        self.problems = problems
        super().__init__(self.text("en").replace("• ", "").replace("\n", "; "))

    def text(self, lang: str) -> str:
        lines = []
        for key, values in self.problems:
            shown = {k: format_when(v, None, lang) if isinstance(v, dt.datetime)
                     else FIELD_NAMES[lang if lang in FIELD_NAMES else "de"].get(str(v), v) if k == "field" else v
                     for k, v in values.items()}
            lines.append(f"• {msg(key, lang, **shown)}")
        return "\n".join(lines)


def _local(date: dt.date, hour: str | None, minute: str | None) -> dt.datetime:
    h, m = int(hour), int(minute or 0)  # type: ignore[arg-type]
    if h == 24 and m == 0:
        return dt.datetime.combine(date + dt.timedelta(days=1), dt.time(0, 0), BERLIN)
    return dt.datetime.combine(date, dt.time(h, m), BERLIN)


def parse_when(text: str, *, same_day_as: dt.datetime | None = None, now: dt.datetime | None = None) -> dt.datetime:
    """A Berlin date and time as people type it: "12.03.2027 18:00", "2027-03-12 18:00", the bot's
    own format back ("Fr., 12.03.2027, 18:00 Uhr"), and "12.03. 18:00" (this year, or next year if
    that day has passed; ``now`` decides).

    ``same_day_as`` lets an end time be given alone ("20:00"). Raises EventInputError.
    """
    raw = _WEEKDAY.sub("", text.strip())
    match = _GERMAN.fullmatch(raw)
    no_year = _NO_YEAR.fullmatch(raw) if not match else None
    if match:
        day, month, year, hour, minute = match.groups()
        year = str(2000 + int(year)) if len(year) == 2 else year
    elif no_year:
        day, month, hour, minute = no_year.groups()
        today = (now or dt.datetime.now(dt.UTC)).astimezone(BERLIN).date()
        year = str(today.year)
        try:
            if dt.date(today.year, int(month), int(day)) < today:
                year = str(today.year + 1)
        except ValueError:
            raise EventInputError([("event_bad_date", {"text": raw[:60]})]) from None
    else:
        match = _ISO.fullmatch(raw)
        if match:
            year, month, day, hour, minute = match.groups()
        elif same_day_as is not None and (only := _TIME_ONLY.fullmatch(raw)):
            hour, minute = only.groups()
            base = same_day_as.astimezone(BERLIN)
            day, month, year = str(base.day), str(base.month), str(base.year)
        else:
            raise EventInputError([("event_bad_date", {"text": raw[:60]})])
    if hour is None:
        raise EventInputError([("event_no_time", {"text": raw[:60]})])
    try:
        date = dt.date(int(year), int(month), int(day))
        if not (0 <= int(hour) <= 24 and 0 <= int(minute or 0) <= 59):
            raise ValueError
        return _local(date, hour, minute)
    except ValueError:
        raise EventInputError([("event_bad_date", {"text": raw[:60]})]) from None


_WEEKDAYS = {"de": ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."],
             "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]}


def format_when(start: dt.datetime, end: dt.datetime | None, lang: str) -> str:
    """"Do., 12.03.2027, 18:00–20:00 Uhr" / "Thu 2027-03-12, 18:00–20:00" (Berlin time)."""
    s = start.astimezone(BERLIN)
    day = f"{_WEEKDAYS[lang if lang in _WEEKDAYS else 'de'][s.weekday()]}"
    date = f"{s:%d.%m.%Y}" if lang == "de" else f"{s:%Y-%m-%d}"
    head = f"{day}, {date}" if lang == "de" else f"{day} {date}"
    suffix = " Uhr" if lang == "de" else ""
    if end is None:
        return f"{head}, {s:%H:%M}{suffix}"
    e = end.astimezone(BERLIN)
    if e.date() == s.date():
        return f"{head}, {s:%H:%M}–{e:%H:%M}{suffix}"
    return f"{head}, {s:%H:%M}{suffix} – {format_when(e, None, lang)}"


def stamp(moment: dt.datetime, style: str) -> str:
    """A Discord timestamp ("F": full date and time, "t": time, "R": "in 3 hours"): every member's
    client shows it in their own time zone and language, and "R" stays true after a delay."""
    return f"<t:{int(moment.timestamp())}:{style}>"


def stamped_when(start: dt.datetime, end: dt.datetime | None) -> str:
    """Start (and end) as Discord timestamps, then how far away: "<t:…:F> – <t:…:t> (<t:…:R>)"."""
    text = stamp(start, "F")
    if end is not None:
        same_day = end.astimezone(BERLIN).date() == start.astimezone(BERLIN).date()
        text += f" – {stamp(end, 't' if same_day else 'F')}"
    return f"{text} ({stamp(start, 'R')})"


def is_link(place: str | None) -> bool:
    return bool(place) and place.startswith(("http://", "https://"))  # type: ignore[union-attr]


@dataclass(frozen=True)
class Draft:
    """Checked input for a new event, or the new values of an edited one."""

    title: str
    start: dt.datetime
    end: dt.datetime | None
    place: str | None
    description: str | None


@dataclass(frozen=True)
class Event:
    id: int
    title: str
    start: dt.datetime
    end: dt.datetime | None
    place: str | None
    description: str | None
    state: str  # scheduled | cancelled
    timed_at: dt.datetime  # when the start time was (last) set: reminders due before it are skipped
    channel_id: int | None = None
    message_id: int | None = None
    discord_event_id: int | None = None
    ping: bool = True  # the announcement and reminders ping the events role (opt-in notifications)

    def when(self, lang: str) -> str:
        return format_when(self.start, self.end, lang)

    def stamped(self) -> str:
        """The time for Discord: each member sees it in their own time zone."""
        return stamped_when(self.start, self.end)

    @property
    def link(self) -> str | None:
        return self.place if is_link(self.place) else None

    def end_or(self, default_minutes: int) -> dt.datetime:
        """The end, or the start plus a default duration (Discord's external events need an end)."""
        return self.end or self.start + dt.timedelta(minutes=default_minutes)

    def timeline_entry(self) -> TimelineEntry:
        local = self.start.astimezone(BERLIN)
        texts = {}
        for lang in ("de", "en"):
            details = []
            if self.end is not None:
                end = self.end.astimezone(BERLIN)
                same_day = end.date() == local.date()
                shown = f"{end:%H:%M}" + (" Uhr" if lang == "de" else "") if same_day else format_when(end, None, lang)
                details.append(msg("event_line_until", lang, end=shown))
            if self.place and not self.link:
                details.append(msg("event_line_where", lang, place=self.place))
            texts[lang] = "\n".join(filter(None, [" · ".join(details), self.description or ""]))
        return TimelineEntry(
            id=f"event-{self.id}", title={"de": self.title, "en": self.title}, text=texts,
            date=PartialDate(local.year, local.month, local.day), link=self.link, time=local.strftime("%H:%M"),
        )


def event_line(event: Event, lang: str, *, stamps: bool = False) -> str:
    """One line of ``/event list`` and ``events list``: when, title (linked), place.
    ``stamps``: Discord timestamps instead of Berlin time written out."""
    title = f"[{event.title}]({event.link})" if event.link else event.title
    where = f" · {event.place}" if event.place and not event.link else ""
    when = event.stamped() if stamps else f"**{event.when(lang)}**"
    return f"{when} – {title}{where} (#{event.id})"


def events_answer(events: Sequence[Event], lang: str, *, stamps: bool = False) -> Answer:
    """``/event list``: the upcoming events as a list (or a note that there are none)."""
    text = "\n".join(f"• {event_line(e, lang, stamps=stamps)}" for e in events) or msg("events_none", lang)
    return Answer("", None, 1.0, lang, text, [], msg("events_title", lang), True)


def _field(value: str | None, name: str, limit: int, problems: list[tuple[str, dict[str, object]]]) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        problems.append(("event_too_long", {"field": name, "length": len(value), "limit": limit}))
    return value or None


def validate(*, now: dt.datetime, title: str | None = None, start: str | None = None, end: str | None = None,
             place: str | None = None, description: str | None = None, current: Event | None = None) -> Draft:
    """Check typed input (all of it for a new event; for an edit, what was given); collect every problem.

    An edit's ``end`` may be "-" to remove the end time.
    """
    problems: list[tuple[str, dict[str, object]]] = []
    new_title = _field(title, "title", TITLE_MAX, problems)
    if new_title is None and current is None:
        problems.append(("event_title_empty", {}))
    new_place = _field(place, "place", PLACE_MAX, problems)
    new_description = _field(description, "description", DESCRIPTION_MAX, problems)
    when_start = current.start if current is not None else None
    if start is not None:
        try:
            when_start = parse_when(start, now=now)
            if when_start <= now:
                problems.append(("event_past", {"when": when_start}))
        except EventInputError as exc:
            problems.extend(exc.problems)
    elif current is None:
        problems.append(("event_bad_date", {"text": ""}))
    when_end = current.end if current is not None else None
    if current is not None and current.end is not None and end is None and when_start != current.start:
        # Moving an event moves its end too, keeping the duration ("from 18 to 20" stays two hours).
        when_end = when_start + (current.end - current.start) if when_start is not None else None
    if end is not None and end.strip() in ("-", "–"):
        when_end = None
    elif end is not None and end.strip():
        try:
            when_end = parse_when(end, same_day_as=when_start, now=now)
        except EventInputError as exc:
            problems.extend(exc.problems)
    if when_start is not None and when_end is not None and when_end <= when_start:
        problems.append(("event_end_before", {"end": when_end, "start": when_start}))
    if problems:
        raise EventInputError(problems)
    assert when_start is not None
    if current is not None:
        return Draft(new_title or current.title, when_start, when_end,
                     current.place if place is None else new_place,
                     current.description if description is None else new_description)
    assert new_title is not None
    return Draft(new_title, when_start, when_end, new_place, new_description)


@dataclass(frozen=True)
class Reminder:
    event: Event
    minutes: int  # how long before the start

    @property
    def nonce(self) -> str:
        """Stable across restarts and at most 25 characters (Discord's nonce limit)."""
        return f"r{self.event.id}-{self.minutes}-{int(self.event.start.timestamp()) % 10**10}"[:25]

    def text(self, lang: str) -> str:
        """For Discord: the start as timestamps, so a reminder sent late after downtime still says
        the real remaining time ("in 23 Stunden"), in each member's own time zone."""
        where = f" · {self.event.place}" if self.event.place else ""
        return msg("event_reminder", lang, title=self.event.title, relative=stamp(self.event.start, "R"),
                   when=stamp(self.event.start, "F"), where=where)


def _iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value is not None else None


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


class EventStore:
    def __init__(self, storage: Storage, now: Callable[[], dt.datetime]):
        self.storage = storage
        self.db = storage.db
        self.now = now

    def _event(self, row: sqlite3.Row) -> Event:
        start = _time(row["start"])
        timed_at = _time(row["timed_at"])
        assert start is not None and timed_at is not None
        return Event(row["id"], row["title"], start, _time(row["ends"]), row["place"], row["description"],
                     row["state"], timed_at, row["channel_id"], row["message_id"], row["discord_event_id"],
                     bool(row["ping"]))

    def create(self, draft: Draft, *, ping: bool = True) -> Event:
        now = _iso(self.now())
        with self.storage.transaction() as db:
            cursor = db.execute(
                "INSERT INTO events (title, start, ends, place, description, state, timed_at, created_at, updated_at,"
                " ping) VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?)",
                (draft.title, _iso(draft.start), _iso(draft.end), draft.place, draft.description, now, now, now,
                 int(ping)))
            event_id = int(cursor.lastrowid or 0)
        event = self.get(event_id)
        assert event is not None
        return event

    def get(self, event_id: int) -> Event | None:
        row = self.db.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        return self._event(row) if row else None

    def update(self, event: Event, draft: Draft) -> Event:
        now = _iso(self.now())
        timed_at = now if draft.start != event.start else _iso(event.timed_at)
        with self.storage.transaction() as db:
            db.execute("UPDATE events SET title = ?, start = ?, ends = ?, place = ?, description = ?, timed_at = ?,"
                       " updated_at = ? WHERE id = ?",
                       (draft.title, _iso(draft.start), _iso(draft.end), draft.place, draft.description, timed_at,
                        now, event.id))
        updated = self.get(event.id)
        assert updated is not None
        return updated

    def cancel(self, event: Event) -> Event:
        with self.storage.transaction() as db:
            db.execute("UPDATE events SET state = 'cancelled', updated_at = ? WHERE id = ?",
                       (_iso(self.now()), event.id))
        return replace(event, state="cancelled")

    def set_discord(self, event: Event, *, channel_id: int | None = None, message_id: int | None = None,
                    discord_event_id: int | None = None) -> Event:
        event = replace(event, channel_id=channel_id or event.channel_id, message_id=message_id or event.message_id,
                        discord_event_id=discord_event_id or event.discord_event_id)
        with self.storage.transaction() as db:
            db.execute("UPDATE events SET channel_id = ?, message_id = ?, discord_event_id = ? WHERE id = ?",
                       (event.channel_id, event.message_id, event.discord_event_id, event.id))
        return event

    def scheduled(self, ref: str) -> Event | None:
        """The scheduled event "#3", "3", an autocomplete value or its typed title names (None if
        unknown, ambiguous or cancelled): staff do not always pick from the autocomplete list."""
        ref = (ref or "").strip()
        number = re.fullmatch(r"#?\s*(\d+)", ref)
        if number:
            event = self.get(int(number.group(1)))
            return event if event is not None and event.state == "scheduled" else None
        wanted = ref.casefold()
        upcoming = [e for e in self.upcoming(limit=500) if wanted]
        for matches in ([e for e in upcoming if e.title.casefold() == wanted],
                        [e for e in upcoming if wanted in e.title.casefold()]):
            if len(matches) == 1:
                return matches[0]
            if matches:
                return None  # two events fit: the staff member has to pick one
        label = re.match(r"#(\d+)\s", ref)  # an autocomplete label typed out: "#3 Fr., 12.03. – Stammtisch"
        event = self.get(int(label.group(1))) if label else None
        return event if event is not None and event.state == "scheduled" else None

    def upcoming(self, limit: int = 25) -> list[Event]:
        """Scheduled events that have not started yet, soonest first."""
        rows = self.db.execute("SELECT * FROM events WHERE state = 'scheduled' AND start > ? ORDER BY start LIMIT ?",
                               (_iso(self.now()), limit)).fetchall()
        return [self._event(r) for r in rows]

    def timeline(self, today: dt.date | None = None) -> list[TimelineEntry]:
        """For ``Answerer(extra_timeline=...)``: the upcoming events as timeline entries."""
        return [e.timeline_entry() for e in self.upcoming()]

    # --- reminders -----------------------------------------------------------------------
    def due(self, offsets_minutes: Sequence[int]) -> list[Reminder]:
        """Reminders to post now: per event the latest one due, unless already sent.

        A reminder whose moment passed before the event was created or moved is skipped
        (the announcement just said it all); if several fell due while the bot was down,
        only the nearest one is posted and the others are recorded as skipped.
        """
        now = self.now()
        offsets = sorted({int(m) for m in offsets_minutes if m > 0})
        due: list[Reminder] = []
        for event in self.upcoming(limit=1000):
            candidates = [m for m in offsets
                          if event.timed_at <= event.start - dt.timedelta(minutes=m) <= now]
            if not candidates:
                continue
            nearest = candidates[0]
            done = self._reminder_states(event)
            stale = [m for m in candidates[1:] if m not in done]
            if stale:
                with self.storage.transaction() as db:
                    db.executemany("INSERT OR IGNORE INTO event_reminders (event_id, minutes, start, state, at)"
                                   " VALUES (?, ?, ?, 'skipped', ?)",
                                   [(event.id, m, _iso(event.start), _iso(now)) for m in stale])
            if done.get(nearest) in (None, "pending"):
                due.append(Reminder(event, nearest))
        return due

    def _reminder_states(self, event: Event) -> dict[int, str]:
        rows = self.db.execute("SELECT minutes, state FROM event_reminders WHERE event_id = ? AND start = ?",
                               (event.id, _iso(event.start))).fetchall()
        return {int(r["minutes"]): str(r["state"]) for r in rows}

    def mark(self, reminder: Reminder, state: str, message_id: int | None = None) -> None:
        """Record a reminder as ``pending`` (about to be sent) or ``sent``."""
        with self.storage.transaction() as db:
            db.execute("INSERT INTO event_reminders (event_id, minutes, start, state, message_id, at)"
                       " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, minutes, start)"
                       " DO UPDATE SET state = excluded.state, message_id = excluded.message_id, at = excluded.at",
                       (reminder.event.id, reminder.minutes, _iso(reminder.event.start), state, message_id,
                        _iso(self.now())))

    def state_of(self, reminder: Reminder) -> str | None:
        return self._reminder_states(reminder.event).get(reminder.minutes)

    def sent_reminders(self, event: Event) -> list[int]:
        return sorted(m for m, state in self._reminder_states(event).items() if state == "sent")


async def deliver_reminders(store: EventStore, offsets_minutes: Sequence[int],
                            send: Callable[[Reminder], Awaitable[int | None]],
                            confirm: Callable[[Reminder], Awaitable[int | None]] | None = None) -> list[Reminder]:
    """Post every due reminder: record pending, send (with the reminder's nonce), mark sent.

    A failed send leaves the reminder pending; the next tick sends it again with the same
    nonce, so Discord does not show it twice. A reminder found *pending* (an earlier attempt,
    maybe by a process that died after sending, longer ago than Discord remembers a nonce) is
    first looked for in the channel (``confirm``) and only sent if it is not there.
    """
    sent = []
    for reminder in store.due(offsets_minutes):
        if confirm is not None and store.state_of(reminder) == "pending":
            found = await confirm(reminder)
            if found is not None:
                store.mark(reminder, "sent", found)
                continue
        store.mark(reminder, "pending")
        store.mark(reminder, "sent", await send(reminder))
        sent.append(reminder)
    return sent
