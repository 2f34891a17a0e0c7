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

from rapidfuzz import fuzz

from bot.storage import Storage

_NOISE = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b|https?://\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers as people type them: +49 2931 123456, 02931/123-456, (0171) 1234567 …
_PHONE = re.compile(r"(?<![\w])(?:\+|00)?\(?\d[\d ()/.\-]{5,}\d(?![\w])")
_SURROGATES = re.compile("[\ud800-\udfff]")
MAX_LEN = 300
NEAR_DUPLICATE = 90  # token-sorted similarity at which two logged questions count as one


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
        """The most frequent questions of the last ``days``; near-duplicates ("wie wird das wetter",
        "wie wird das wetter morgen?") are grouped under the most frequent wording."""
        since = (self.today() - dt.timedelta(days=days)).isoformat()
        rows = [Unanswered(*row) for row in self.storage.db.execute(
            "SELECT question, count, first_seen, last_seen FROM unanswered WHERE last_seen >= ? "
            "ORDER BY count DESC, last_seen DESC, question LIMIT ?",
            (since, limit * 5),
        ).fetchall()]
        groups: list[Unanswered] = []
        for row in rows:
            for i, group in enumerate(groups):
                if fuzz.token_sort_ratio(row.question, group.question) >= NEAR_DUPLICATE:
                    groups[i] = Unanswered(group.question, group.count + row.count,
                                           min(group.first_seen, row.first_seen), max(group.last_seen, row.last_seen))
                    break
            else:
                groups.append(row)
        groups.sort(key=lambda g: (-g.count, g.question))
        return groups[:limit]

    def key_of(self, question: str) -> int | None:
        """A short, stable key of a logged question (for a button or menu that acts on it later)."""
        row = self.storage.db.execute("SELECT rowid FROM unanswered WHERE question = ?", (clean(question),)).fetchone()
        return int(row[0]) if row else None

    def question_of(self, key: int) -> str | None:
        row = self.storage.db.execute("SELECT question FROM unanswered WHERE rowid = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def forget(self, question: str) -> int:
        """Remove a question (and its near-duplicates) once it has been taught; return how many rows."""
        text = clean(question)
        rows = [r[0] for r in self.storage.db.execute("SELECT question FROM unanswered").fetchall()]
        gone = [r for r in rows if fuzz.token_sort_ratio(r, text) >= NEAR_DUPLICATE]
        with self.storage.transaction() as db:
            db.executemany("DELETE FROM unanswered WHERE question = ?", [(r,) for r in gone])
        return len(gone)

    def purge(self) -> int:
        """Delete questions not asked within the retention period; return how many."""
        cutoff = (self.today() - dt.timedelta(days=self.retention_days)).isoformat()
        with self.storage.transaction() as db:
            return db.execute("DELETE FROM unanswered WHERE last_seen < ?", (cutoff,)).rowcount
