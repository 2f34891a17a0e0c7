"""The questions the bot could not answer, for moderators to close the gaps.

Privacy: only the question text is kept (e-mail addresses and phone numbers redacted, Discord
mentions and links removed), with a count and the first and last day it was asked; no user ids
or names. Rows older than the
retention period are purged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.storage import Storage

_NOISE = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b|https?://\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers as people type them: +49 2931 123456, 02931/123-456, (0171) 1234567 …
_PHONE = re.compile(r"(?<![\w])(?:\+|00)?\(?\d[\d ()/.\-]{5,}\d(?![\w])")
_SURROGATES = re.compile("[\ud800-\udfff]")
MAX_LEN = 300


def clean(question: str) -> str:
    """The form that is stored: e-mail addresses and phone numbers redacted, no mentions or links,
    no unpaired surrogates, casefolded, single spaces."""
    text = _SURROGATES.sub("", question[: MAX_LEN * 4])
    text = _EMAIL.sub(" [e-mail] ", text)
    text = _NOISE.sub(" ", text)
    text = _PHONE.sub(lambda m: " [telefon] " if sum(c.isdigit() for c in m.group()) >= 6 else m.group(), text)
    return " ".join(text.casefold().split())[:MAX_LEN]


@dataclass(frozen=True)
class Unanswered:
    question: str
    count: int
    first_seen: str
    last_seen: str


class UnansweredLog:
    def __init__(self, storage: Storage, retention_days: int = 90,
                 today: Callable[[], dt.date] = dt.date.today):
        self.storage = storage
        self.retention_days = retention_days
        self.today = today

    def record(self, question: str) -> None:
        text = clean(question)
        if not text:
            return
        day = self.today().isoformat()
        with self.storage.transaction() as db:
            db.execute(
                "INSERT INTO unanswered (question, count, first_seen, last_seen) VALUES (?, 1, ?, ?) "
                "ON CONFLICT (question) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen",
                (text, day, day),
            )

    def top(self, days: int = 30, limit: int = 10) -> list[Unanswered]:
        since = (self.today() - dt.timedelta(days=days)).isoformat()
        rows = self.storage.db.execute(
            "SELECT question, count, first_seen, last_seen FROM unanswered WHERE last_seen >= ? "
            "ORDER BY count DESC, last_seen DESC, question LIMIT ?",
            (since, limit),
        ).fetchall()
        return [Unanswered(*row) for row in rows]

    def purge(self) -> int:
        """Delete questions not asked within the retention period; return how many."""
        cutoff = (self.today() - dt.timedelta(days=self.retention_days)).isoformat()
        with self.storage.transaction() as db:
            return db.execute("DELETE FROM unanswered WHERE last_seen < ?", (cutoff,)).rowcount
