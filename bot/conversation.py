"""Follow-ups: "und Finnentrop?", "und wo?", "warum?" after an answer use the previous turn.

The context is small and holds no user data: the previous intent, its towns and language, and
when it was given. It travels as an opaque string (the web page sends it back; the server keeps
no per-user state) and is valid for ``TTL`` seconds.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

TTL = 600.0  # ten minutes
SKEW = 5.0  # seconds a context may seem to come from the future (rounding, clocks of several processes)


@dataclass(frozen=True)
class Context:
    intent: str
    towns: tuple[str, ...] = ()
    lang: str = "de"
    at: float = 0.0  # unix time of the answer

    def encode(self) -> str:
        data = {"i": self.intent, "t": list(self.towns), "l": self.lang, "a": round(self.at)}
        raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: object, now: float | None = None) -> Context | None:
        """The context in ``text``, or None when it is missing, malformed or older than ``TTL``."""
        if not isinstance(text, str) or not text or len(text) > 2000:
            return None
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            data = json.loads(raw.decode("utf-8"))
            context = cls(str(data["i"]), tuple(str(t) for t in data.get("t", ()))[:5], str(data.get("l", "de")),
                          float(data["a"]))
        except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
            return None
        current = time.time() if now is None else now
        if not -SKEW <= current - context.at <= TTL:  # the stored time is rounded to the second
            return None
        return context


class Conversations:
    """Discord: the last context per (channel, member) and per (channel, answer message), in memory
    only, forgotten after ``TTL``."""

    def __init__(self, ttl: float = TTL, limit: int = 5000):
        self.ttl = ttl
        self.limit = limit
        self._last: dict[tuple[int, int], Context] = {}

    def get(self, channel: int, member: int, now: float | None = None) -> Context | None:
        context = self._last.get((channel, member))
        current = time.time() if now is None else now
        if context is None or current - context.at > self.ttl:
            self._last.pop((channel, member), None)
            return None
        return context

    def put(self, channel: int, member: int, context: Context | None, now: float | None = None) -> None:
        current = time.time() if now is None else now
        if len(self._last) >= self.limit:  # forget the expired ones first, then the oldest
            for key in [k for k, c in self._last.items() if current - c.at > self.ttl] or list(self._last)[:1]:
                self._last.pop(key, None)
        if context is None:
            self._last.pop((channel, member), None)
        else:
            self._last[(channel, member)] = context


_QUESTION_WORDS = frozenset("wer wen wem was wie wo wann warum wieso weshalb welche welcher welches ob "
                            "who what how where when why which whether".split())


def is_chit_chat(text: str) -> bool:
    """A short line that asks nothing ("ok", "danke!", "haha 😂", "gute Idee"): at most three words,
    no question mark and no question word. Questions without a "?" are longer than that."""
    if "?" in text:
        return False
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return len(words) <= 3 and _QUESTION_WORDS.isdisjoint(words)


class AnsweredMessages:
    """Which answer belongs to which question, so an edited or deleted question can take its answer
    along and the asker can remove it with 🗑️. In memory only, for ``ttl`` seconds (member ids too)."""

    def __init__(self, ttl: float = 300.0, limit: int = 2000):
        self.ttl = ttl
        self.limit = limit
        self._by_question: dict[int, tuple[int, int, int, float]] = {}  # question -> channel, answer, asker, at

    def remember(self, question: int, channel: int, answer: int, asker: int, now: float | None = None) -> None:
        current = time.time() if now is None else now
        if len(self._by_question) >= self.limit:
            self._by_question = {q: v for q, v in self._by_question.items() if current - v[3] <= self.ttl}
            while len(self._by_question) >= self.limit:
                self._by_question.pop(next(iter(self._by_question)))
        self._by_question[question] = (channel, answer, asker, current)

    def by_question(self, question: int, now: float | None = None) -> tuple[int, int, int] | None:
        entry = self._by_question.get(question)
        current = time.time() if now is None else now
        if entry is None or current - entry[3] > self.ttl:
            return None
        return entry[:3]

    def by_answer(self, answer: int, now: float | None = None) -> tuple[int, int] | None:
        """The question and the asker of an answer."""
        current = time.time() if now is None else now
        for question, (_, ans, asker, at) in self._by_question.items():
            if ans == answer and current - at <= self.ttl:
                return question, asker
        return None

    def forget_question(self, question: int) -> tuple[int, int, int] | None:
        entry = self._by_question.pop(question, None)
        return entry[:3] if entry is not None else None


@dataclass(frozen=True)
class Posted:
    """What the catch-up needs of a message in a channel's history."""

    id: int
    author_id: int
    from_bot: bool
    at: dt.datetime
    reply_to: int | None


def missed(history: Iterable[Posted], me: int, since: dt.datetime, done: Callable[[int], bool]) -> list[int]:
    """The members' messages since ``since`` that nobody answered: not replied to by the bot in
    ``history`` and not ``done`` (answered, pending or left alone on purpose); oldest first."""
    recent = [m for m in history if m.at >= since]
    replied = {m.reply_to for m in recent if m.author_id == me and m.reply_to is not None}
    return sorted(m.id for m in recent if not m.from_bot and m.id not in replied and not done(m.id))
