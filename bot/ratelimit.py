"""Per-client rate limit for the web API: a token bucket per key (the client's address).

Addresses are personal data: they live only in memory and only until the client's bucket
has refilled (then they are forgotten); nothing is logged or stored.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable


class RateLimiter:
    def __init__(self, per_minute: float, burst: int = 5, clock: Callable[[], float] = time.monotonic):
        self.rate = per_minute / 60.0  # tokens per second
        self.burst = max(1, burst)
        self.clock = clock
        self._buckets: dict[Hashable, tuple[float, float]] = {}  # key -> (tokens, at)

    def hit(self, key: Hashable) -> int:
        """0 if the request may proceed, else the whole seconds to wait (for Retry-After)."""
        if self.rate <= 0:
            return 0
        now = self.clock()
        if len(self._buckets) > 1024:
            self._forget_full(now)
        tokens, at = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - at) * self.rate)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            return 0
        self._buckets[key] = (tokens, now)
        return max(1, math.ceil((1.0 - tokens) / self.rate))

    def _forget_full(self, now: float) -> None:
        self._buckets = {k: (t, at) for k, (t, at) in self._buckets.items()
                         if t + (now - at) * self.rate < self.burst}
