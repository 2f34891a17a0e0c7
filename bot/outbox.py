"""Replies that Discord refused for a passing reason, tried again with backoff for a few minutes.

discord.py retries a 429 or a 5xx a few times and then gives up; in a rate-limit storm, an
outage of half a minute or while the connection is down an answer would be lost. The outbox
keeps such sends (bounded: the oldest are dropped first when it is full), tries each again
after 1, 2, 4 … seconds up to ``max_delay``, and gives up after ``give_up_after`` seconds, when
an answer would come too late to help. Each send carries a nonce derived from the question, so
a retry after a send that did arrive is not shown twice. No discord import: the Discord layer
passes in what to send and which errors pass.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass

log = logging.getLogger(__name__)

Attempt = Callable[[], Awaitable[object]]


@dataclass
class _Entry:
    attempt: Attempt
    created: float
    next_at: float
    delay: float
    tries: int = 0


class Outbox:
    def __init__(self, *, limit: int = 200, give_up_after: float = 300.0, first_delay: float = 1.0,
                 max_delay: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.give_up_after = give_up_after
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.clock = clock
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self.dropped = 0  # given up or pushed out: for the log and metrics

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def add(self, key: Hashable, attempt: Attempt) -> None:
        """Keep ``attempt`` for a retry (a key already waiting keeps its place and schedule)."""
        if key in self._entries:
            return
        while len(self._entries) >= self.limit:
            old, _ = self._entries.popitem(last=False)
            self.dropped += 1
            log.warning("outbox full: gave up on the reply to %s", old)
        now = self.clock()
        self._entries[key] = _Entry(attempt, now, now + self.first_delay, self.first_delay)

    async def run_due(self, transient: Callable[[BaseException], bool]) -> int:
        """Try every entry that is due; return how many went through. A transient failure is
        tried again later (until it is too late); any other failure is dropped with a log line."""
        now = self.clock()
        sent = 0
        for key, entry in list(self._entries.items()):
            if now - entry.created > self.give_up_after:
                del self._entries[key]
                self.dropped += 1
                log.warning("gave up on the reply to %s after %d tries", key, entry.tries)
                continue
            if entry.next_at > now:
                continue
            entry.tries += 1
            try:
                await entry.attempt()
            except Exception as exc:
                if transient(exc):
                    entry.delay = min(entry.delay * 2, self.max_delay)
                    entry.next_at = self.clock() + entry.delay
                    continue
                del self._entries[key]
                self.dropped += 1
                log.warning("the reply to %s failed for good: %s", key, exc)
                continue
            del self._entries[key]
            sent += 1
        return sent
