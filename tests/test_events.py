"""Events without Discord: typed dates, validation, the SQLite store, reminders, the timeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.answers import Answerer
from bot.clock import BERLIN
from bot.community.events import Event, EventInputError, EventStore, Reminder, deliver_reminders, parse_when, validate
from bot.loader import load
from bot.storage import Storage

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    def __init__(self, start: dt.datetime):
        self.value = start

    def __call__(self) -> dt.datetime:
        return self.value

    def advance(self, **delta: float) -> None:
        self.value += dt.timedelta(**delta)


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


NOW = berlin(2027, 3, 1, 12, 0)


@pytest.mark.parametrize("text", ["12.03.2027 18:00", "12.3.2027, 18 Uhr", "12.03.27 um 18.00", "2027-03-12 18:00",
                                  "2027-03-12T18:00", " 2027-03-12, 18:00 "])
def test_dates_in_the_forms_people_type(text: str) -> None:
    assert parse_when(text) == berlin(2027, 3, 12, 18, 0)


@pytest.mark.parametrize("text, key", [("12.03.2027", "event_no_time"), ("31.02.2027 18:00", "event_bad_date"),
                                       ("morgen abends", "event_bad_date"), ("2027-03-12 25:00", "event_bad_date")])
def test_unreadable_dates_say_why(text: str, key: str) -> None:
    with pytest.raises(EventInputError) as err:
        parse_when(text)
    assert err.value.problems[0][0] == key
    assert text[:10] in err.value.text("de") and "18:00" in err.value.text("de")  # names the input, shows the form


def test_summer_time_is_berlin_local() -> None:
    assert parse_when("2027-07-01 18:00").utcoffset() == dt.timedelta(hours=2)
    assert parse_when("2027-01-01 18:00").utcoffset() == dt.timedelta(hours=1)


def test_validation_reports_every_problem_at_once_in_both_languages() -> None:
    with pytest.raises(EventInputError) as err:
        validate(now=NOW, title="x" * 101, start="01.02.2027 10:00", end="01.02.2027 09:00",
                 place="p" * 101, description="d" * 1001)
    keys = [key for key, _ in err.value.problems]
    assert keys.count("event_too_long") == 3 and "event_past" in keys and "event_end_before" in keys
    german = err.value.text("de")
    assert "Titel: 101 Zeichen" in german and "Mo., 01.02.2027, 10:00 Uhr" in german
    assert "Title: 101 characters" in err.value.text("en")


def test_end_time_alone_means_the_same_day_and_edits_keep_what_was_not_given() -> None:
    draft = validate(now=NOW, title="Workshop", start="12.03.2027 18:00", end="20:30", place="Arnsberg")
    assert draft.end == berlin(2027, 3, 12, 20, 30)
    with pytest.raises(EventInputError):
        validate(now=NOW, title="Workshop", start="12.03.2027 18:00", end="17:00")


def store_at(path: Path, clock: Clock) -> EventStore:
    return EventStore(Storage(path), clock)


async def test_each_reminder_is_posted_once_also_after_a_restart(tmp_path: Path) -> None:
    clock = Clock(NOW)
    store = store_at(tmp_path / "db.sqlite3", clock)
    event = store.create(validate(now=clock(), title="Workshop", start="03.03.2027 18:00", place="Arnsberg"))
    posted: list[tuple[int, int]] = []

    async def send(reminder):  # type: ignore[no-untyped-def]
        posted.append((reminder.event.id, reminder.minutes))
        return 42

    offsets = [24 * 60, 60]
    assert await deliver_reminders(store, offsets, send) == []  # 54 h before: nothing due
    clock.value = berlin(2027, 3, 2, 18, 1)
    await deliver_reminders(store, offsets, send)
    await deliver_reminders(store, offsets, send)
    restarted = store_at(tmp_path / "db.sqlite3", clock)  # a new process on the same file
    await deliver_reminders(restarted, offsets, send)
    assert posted == [(event.id, 1440)]
    clock.value = berlin(2027, 3, 3, 17, 0)
    await deliver_reminders(restarted, offsets, send)
    await deliver_reminders(restarted, offsets, send)
    assert posted == [(event.id, 1440), (event.id, 60)]
    clock.value = berlin(2027, 3, 3, 18, 30)  # started: nothing more, and no longer upcoming
    await deliver_reminders(restarted, offsets, send)
    assert len(posted) == 2 and restarted.upcoming() == []
    assert restarted.sent_reminders(event) == [60, 1440]


async def test_a_failed_send_is_retried_with_the_same_nonce(tmp_path: Path) -> None:
    clock = Clock(NOW)
    store = store_at(tmp_path / "db.sqlite3", clock)
    store.create(validate(now=clock(), title="Workshop", start="03.03.2027 18:00"))
    clock.value = berlin(2027, 3, 2, 19, 0)
    nonces: list[str] = []

    async def failing(reminder):  # type: ignore[no-untyped-def]
        nonces.append(reminder.nonce)
        raise OSError("Discord is down")

    with pytest.raises(OSError):
        await deliver_reminders(store, [1440, 60], failing)

    async def send(reminder):  # type: ignore[no-untyped-def]
        nonces.append(reminder.nonce)
        return 1

    await deliver_reminders(store, [1440, 60], send)
    await deliver_reminders(store, [1440, 60], send)
    assert len(nonces) == 2 and nonces[0] == nonces[1] and len(nonces[0]) <= 25


async def test_a_reminder_pending_from_a_dead_process_is_looked_for_before_it_is_sent(tmp_path: Path) -> None:
    clock = Clock(NOW)
    store = store_at(tmp_path / "db.sqlite3", clock)
    store.create(validate(now=clock(), title="Workshop", start="03.03.2027 18:00"))
    clock.value = berlin(2027, 3, 2, 19, 0)
    [due] = store.due([1440, 60])
    store.mark(due, "pending")  # sent, and then the process died before noting it
    sent: list[str] = []
    looked: list[str] = []

    async def send(reminder):  # type: ignore[no-untyped-def]
        sent.append(reminder.nonce)
        return 1

    async def already_there(reminder):  # type: ignore[no-untyped-def]
        looked.append(reminder.nonce)
        return 77  # found in the channel's history

    restarted = store_at(tmp_path / "db.sqlite3", clock)
    assert await deliver_reminders(restarted, [1440, 60], send, already_there) == []
    assert sent == [] and looked == [due.nonce] and restarted.state_of(due) == "sent"
    await deliver_reminders(restarted, [1440, 60], send, already_there)
    assert sent == [] and len(looked) == 1  # sent reminders are not looked for again


async def test_cancelled_events_are_not_reminded_and_moved_ones_are_reminded_at_the_new_time(tmp_path: Path) -> None:
    clock = Clock(NOW)
    store = store_at(tmp_path / "db.sqlite3", clock)
    cancelled = store.create(validate(now=clock(), title="Abgesagt", start="03.03.2027 18:00"))
    moved = store.create(validate(now=clock(), title="Verschoben", start="03.03.2027 18:00"))
    store.cancel(cancelled)
    clock.value = berlin(2027, 3, 2, 18, 5)
    first = await deliver_reminders(store, [1440, 60], _ok)
    assert [(r.event.title, r.minutes) for r in first] == [("Verschoben", 1440)]
    store.update(moved, validate(now=clock(), start="10.03.2027 18:00", current=moved))
    assert await deliver_reminders(store, [1440, 60], _ok) == []
    clock.value = berlin(2027, 3, 9, 18, 0)
    again = await deliver_reminders(store, [1440, 60], _ok)
    assert [(r.event.title, r.minutes, r.event.start) for r in again] == [
        ("Verschoben", 1440, berlin(2027, 3, 10, 18, 0))]


async def test_reminders_that_passed_before_the_event_was_announced_or_while_down_are_skipped(tmp_path: Path) -> None:
    clock = Clock(berlin(2027, 3, 3, 10, 0))
    store = store_at(tmp_path / "db.sqlite3", clock)
    store.create(validate(now=clock(), title="Kurzfristig", start="03.03.2027 18:00"))  # 8 h ahead
    assert await deliver_reminders(store, [1440, 60], _ok) == []  # no "in 24 hours" 8 hours before
    clock.value = berlin(2027, 3, 3, 17, 10)
    assert [r.minutes for r in await deliver_reminders(store, [1440, 60], _ok)] == [60]
    later = store.create(validate(now=clock(), title="Später", start="06.03.2027 18:00"))
    clock.value = berlin(2027, 3, 6, 17, 30)  # the bot was down for both due moments: only the nearest
    assert [(r.event.id, r.minutes) for r in await deliver_reminders(store, [1440, 60], _ok)] == [(later.id, 60)]
    assert store.sent_reminders(later) == [60]


async def _ok(reminder) -> int:  # type: ignore[no-untyped-def]
    return 1


def test_the_timeline_knows_announced_events(tmp_path: Path) -> None:
    clock = Clock(berlin(2026, 11, 25, 9, 0))
    store = store_at(tmp_path / "db.sqlite3", clock)
    store.create(validate(now=clock(), title="Smart Cities: Schule – Werkstatt", start="25.11.2026 18:00",
                          end="20:00", place="https://example.org/werkstatt", description="Für Lehrkräfte."))
    store.create(validate(now=clock(), title="Stammtisch", start="10.12.2026 19:00", place="Soest"))
    answerer = Answerer(load([ROOT / "knowledge"]), today=lambda: clock().date(), extra_timeline=store.timeline)
    answer = answerer.ask("Was steht als nächstes an?")
    assert answer.intent is not None and answer.lang == "de"
    assert "[Smart Cities: Schule – Werkstatt](https://example.org/werkstatt)" in answer.text
    assert "25.11.2026, 18:00 Uhr" in answer.text and "Für Lehrkräfte." in answer.text
    english = answerer.ask("what's next?")
    assert "Smart Cities: Schule – Werkstatt" in english.text and "18:00" in english.text
    overview = answerer.timeline_answer("overview", "de").text
    assert overview.index("Werkstatt") < overview.index("Stammtisch")
    clock.value = berlin(2026, 11, 25, 18, 30)  # the first one started: the next is the Stammtisch
    nxt = answerer.timeline_answer("next", "en").text
    assert "Stammtisch" in nxt and "Soest" in nxt and "Werkstatt" not in nxt


def test_dates_as_staff_type_them_back() -> None:
    now = dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC)
    own = parse_when("Fr., 12.03.2027, 18:00 Uhr", now=now)  # the bot's own format, typed back
    assert own == berlin(2027, 3, 12, 18, 0) == parse_when("Freitag, 12.03.2027 18:00", now=now)
    assert parse_when("12.03. 18:00", now=now) == berlin(2027, 3, 12, 18, 0)  # no year: the next 12 March
    assert parse_when("01.12. 18:00", now=now) == berlin(2027, 12, 1, 18, 0)  # passed this year: next year
    assert parse_when("24.12. 17:30", now=now) == berlin(2026, 12, 24, 17, 30)
    with pytest.raises(EventInputError):
        parse_when("31.02. 18:00", now=now)


def test_moving_an_event_moves_its_end_and_keeps_the_duration(tmp_path: Path) -> None:
    clock = Clock(NOW)
    store = store_at(tmp_path / "db.sqlite3", clock)
    event = store.create(validate(now=clock(), title="Workshop", start="03.03.2027 18:00", end="20:00"))
    moved = validate(now=clock(), start="03.03.2027 21:00", current=event)  # past the old end
    assert moved.start == berlin(2027, 3, 3, 21, 0) and moved.end == berlin(2027, 3, 3, 23, 0)
    kept = validate(now=clock(), start="03.03.2027 19:00", end="22:00", current=event)  # an explicit end wins
    assert kept.end == berlin(2027, 3, 3, 22, 0)


def test_staff_name_an_event_by_number_label_or_typed_title(tmp_path: Path) -> None:
    clock = Clock(NOW)
    store = store_at(tmp_path / "db.sqlite3", clock)
    first = store.create(validate(now=clock(), title="Stammtisch Soest", start="03.03.2027 18:00"))
    second = store.create(validate(now=clock(), title="Stammtisch Olpe 2027", start="04.03.2027 18:00"))
    assert store.scheduled(str(first.id)) == first and store.scheduled(f"#{second.id}") == second
    assert store.scheduled("stammtisch soest") == first  # typed title, any case
    assert store.scheduled("Olpe 2027") == second  # part of a title; its number is no event id
    assert store.scheduled("Stammtisch") is None  # two fit: nothing is guessed
    assert store.scheduled(f"#{second.id} Do., 04.03.2027 – Stammtisch Olpe 2027") == second
    store.cancel(first)
    assert store.scheduled("Stammtisch Soest") is None


def test_reminders_carry_discord_timestamps_so_a_late_one_tells_the_real_time_left() -> None:
    start = berlin(2027, 3, 12, 18, 0)
    event = Event(1, "Werkstatt", start, None, "Arnsberg", None, "scheduled", NOW)
    text = Reminder(event, 1440).text("de")
    unix = int(start.timestamp())
    assert f"beginnt <t:{unix}:R>" in text and f"<t:{unix}:F>" in text and "Arnsberg" in text
    assert event.stamped() == f"<t:{unix}:F> (<t:{unix}:R>)"
