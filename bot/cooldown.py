"""Per-user cooldown: one answer per user per period, and at most one "slow down" note.

User ids live only in memory and only for the length of the cooldown (nothing is stored).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from enum import Enum


class Verdict(Enum):
    ANSWER = "answer"
    WARN = "warn"  # the first message inside the cooldown: say "slow down" once
    IGNORE = "ignore"  # further messages inside the cooldown: stay quiet


class Cooldown:
    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self._last: dict[Hashable, tuple[float, bool]] = {}  # user -> (last answer, warned since)

    def hit(self, user: Hashable) -> Verdict:
        now = self.clock()
        self._forget_old(now)
        if self.seconds <= 0:
            return Verdict.ANSWER
        last = self._last.get(user)
        if last is None or now - last[0] >= self.seconds:
            self._last[user] = (now, False)
            return Verdict.ANSWER
        if not last[1]:
            self._last[user] = (last[0], True)
            return Verdict.WARN
        return Verdict.IGNORE

    def _forget_old(self, now: float) -> None:
        if len(self._last) > 256:
            self._last = {u: v for u, v in self._last.items() if now - v[0] < self.seconds}
