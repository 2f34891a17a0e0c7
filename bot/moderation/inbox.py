"""The unanswered inbox: the most frequent questions the bot could not answer, each with the
three topics it most likely belongs to, so a moderator closes it with one choice – teach it to
a topic, or ignore it – and it leaves the list. Sent as a digest every ``kb.digest_days``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from bot.answers import Answerer
from bot.messages import msg
from bot.moderation.unanswered import UnansweredLog
from bot.storage import Storage

CANDIDATES = 3
MAX_ITEMS = 5  # Discord: at most 5 menus in one message


@dataclass(frozen=True)
class InboxItem:
    key: int  # the question's key in the unanswered log
    question: str
    count: int
    candidates: list[tuple[str, str]]  # (intent id, title): the most likely topics, best first


def inbox(log: UnansweredLog, answerer: Answerer, lang: str, days: int = 30, limit: int = MAX_ITEMS) -> list[InboxItem]:
    items = []
    listed = {i.id: i for i in answerer.knowledge.intents if i.listed}
    for row in log.top(days, min(limit, MAX_ITEMS)):
        key = log.key_of(row.question)
        if key is None:
            continue
        ranked = answerer.matcher.match(row.question).ranked
        candidates = [(intent, listed[intent].title.get(lang, intent)) for intent, _ in ranked if intent in listed]
        items.append(InboxItem(key, row.question, row.count, candidates[:CANDIDATES]))
    return items


def digest_text(items: list[InboxItem], days: int, lang: str) -> str:
    if not items:
        return msg("inbox_empty", lang, days=days)
    lines = [f"**{msg('inbox_title', lang, days=days)}**", msg("inbox_hint", lang)]
    lines += [f"{n}. {item.count}× „{item.question}“" for n, item in enumerate(items, 1)]
    return "\n".join(lines)


class DigestSchedule:
    """When the last digest went out, in the database: a restart neither skips nor repeats one."""

    KEY = "digest_last"

    def __init__(self, storage: Storage, every_days: float, now: Callable[[], dt.datetime] | None = None):
        self.storage = storage
        self.every = dt.timedelta(days=every_days)
        self.now = now or (lambda: dt.datetime.now(dt.UTC))

    def due(self) -> bool:
        if self.every <= dt.timedelta(0):
            return False
        row = self.storage.db.execute("SELECT value FROM bot_state WHERE key = ?", (self.KEY,)).fetchone()
        if row is None:  # the first start: the first digest comes one period later
            self.mark()
            return False
        return self.now() - dt.datetime.fromisoformat(row[0]) >= self.every

    def mark(self) -> None:
        with self.storage.transaction() as db:
            db.execute("INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                       "excluded.value", (self.KEY, self.now().isoformat()))
