"""The bot's state in one SQLite file, with a versioned schema migrated at start.

Writes are small and local, so the standard library's sqlite3 is used directly (a few
hundred microseconds per statement; no thread pool needed). Each change runs in one
transaction: a crash leaves either the old or the new state, never half of it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Append only: a migration, once shipped, is never edited (databases in the field ran it).
MIGRATIONS: list[str] = [
    # 1: the schema's own bookkeeping is PRAGMA user_version; nothing else yet.
    "",
    # 2: questions the bot could not answer: the text only (no user), a count, first/last day.
    """
    CREATE TABLE unanswered (
        question TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
    );
    CREATE INDEX unanswered_last_seen ON unanswered (last_seen);
    """,
    # 3: blog feeds (conditional-GET validators, failure backoff) and the stories seen in them.
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_try REAL NOT NULL DEFAULT 0,
        warned INTEGER NOT NULL DEFAULT 0,
        initialised INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE stories (
        feed TEXT NOT NULL,
        key TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT NOT NULL,
        published TEXT,
        summary TEXT NOT NULL,
        image TEXT,
        state TEXT NOT NULL CHECK (state IN ('seen', 'pending', 'posted')),
        message_id INTEGER,
        first_seen TEXT NOT NULL,
        posted_at TEXT,
        PRIMARY KEY (feed, key)
    );
    CREATE INDEX stories_state ON stories (state);
    """,
    # 4: events announced by staff (no user ids) and the reminders recorded for them. A
    # reminder is keyed by the event's start time, so moving an event re-arms its reminders.
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        start TEXT NOT NULL,
        ends TEXT,
        place TEXT,
        description TEXT,
        state TEXT NOT NULL CHECK (state IN ('scheduled', 'cancelled')),
        timed_at TEXT NOT NULL,
        channel_id INTEGER,
        message_id INTEGER,
        discord_event_id INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX events_start ON events (state, start);
    CREATE TABLE event_reminders (
        event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        minutes INTEGER NOT NULL,
        start TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'skipped')),
        message_id INTEGER,
        at TEXT NOT NULL,
        PRIMARY KEY (event_id, minutes, start)
    );
    """,
    # 5: stories Discord rejected for good (400 …): tried up to 3 times, then set aside and reported
    # once; "stories retry ID" puts one back in the queue by deleting its row here.
    """
    CREATE TABLE story_failures (
        feed TEXT NOT NULL,
        key TEXT NOT NULL,
        tries INTEGER NOT NULL,
        reason TEXT NOT NULL,
        reported INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (feed, key)
    );
    """,
    # 6: the audit log: who (a staff member's or moderator's id and name: an audit needs it) did
    # what and when. Members' questions never go here.
    """
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id INTEGER NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    CREATE INDEX audit_at ON audit (at);
    """,
    # 7: answer analytics: counts per day, source, language and topic ('' = fallback); no text, no user.
    """
    CREATE TABLE question_stats (
        day TEXT NOT NULL,
        source TEXT NOT NULL,
        lang TEXT NOT NULL,
        intent TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, source, lang, intent)
    );
    """,
    # 8: whether an event's announcement and reminders ping the events role (staff choose per event).
    "ALTER TABLE events ADD COLUMN ping INTEGER NOT NULL DEFAULT 1",
    # 9: small facts about the bot's own schedule (when the last unanswered digest went out).
    "CREATE TABLE bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # 10: feeds moderators added, paused or removed in Discord (/feeds), next to the config's.
    """
    CREATE TABLE feed_routes (
        url TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        channel INTEGER NOT NULL,
        include TEXT NOT NULL,
        exclude TEXT NOT NULL,
        role TEXT NOT NULL,
        template TEXT NOT NULL,
        paused INTEGER NOT NULL,
        removed INTEGER NOT NULL
    );
    """,
    # 11: knowledge changes made from Discord (/kb antwort, thema, synonym): the overlay before and
    # after each, who made it (an audit needs it) and whether it was undone.
    """
    CREATE TABLE kb_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id INTEGER NOT NULL,
        actor_name TEXT NOT NULL,
        summary TEXT NOT NULL,
        before TEXT,
        after TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 12: stories a feed's filters turned away: remembered (never posted) but not shown as the latest.
    "ALTER TABLE stories ADD COLUMN filtered INTEGER NOT NULL DEFAULT 0",
]


class Storage:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        if str(path) != ":memory:":
            os.chmod(self.path, 0o600)  # it holds members' questions: not world-readable (WAL files follow)
        self.db.row_factory = sqlite3.Row
        # First: another process opening the same new file at once waits instead of failing
        # ("database is locked" while it switches the journal to WAL or migrates).
        self.db.execute("PRAGMA busy_timeout=5000")
        self._wal()
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL keeps it crash-safe; no fsync per answer
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def _wal(self) -> None:
        """Switch to WAL. SQLite answers "locked" to the switch without calling the busy handler
        while another connection is opening the new file, so it is tried again for a while."""
        deadline = time.monotonic() + 10.0
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Bring the schema up to date. The version is read again inside each write transaction:
        two processes starting on a new file at once (the bot and a moderator's ``kb teach``)
        must not both run the same migration ("table already exists")."""
        while True:
            with self.transaction():
                current = self.version
                if current > len(MIGRATIONS):
                    raise RuntimeError(f"{self.path}: database schema {current} is newer than this bot "
                                       f"({len(MIGRATIONS)}); update the bot")
                if current == len(MIGRATIONS):
                    return
                for statement in filter(str.strip, MIGRATIONS[current].split(";")):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {current + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()
