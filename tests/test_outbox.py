"""The outbox: replies refused for a passing reason are tried again with backoff, bounded in time and size."""

from __future__ import annotations

import pytest

from bot.outbox import Outbox


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Flaky:
    """Fails ``failures`` times with ``error``, then succeeds."""

    def __init__(self, failures: int, error: Exception | None = None):
        self.failures, self.error, self.calls = failures, error or TimeoutError("down"), 0

    async def __call__(self) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error


def passing(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError)


@pytest.mark.asyncio
async def test_retried_with_growing_delays_until_it_goes_through() -> None:
    clock = Clock()
    box = Outbox(first_delay=1.0, max_delay=4.0, clock=clock)
    flaky = Flaky(3)
    box.add("q1", flaky)
    assert await box.run_due(passing) == 0 and flaky.calls == 0  # not due yet
    tried_at = []
    for second in range(0, 20):
        clock.now = float(second)
        before = flaky.calls
        sent = await box.run_due(passing)
        if flaky.calls > before:
            tried_at.append(second)
        if sent:
            break
    assert tried_at == [1, 3, 7, 11] and len(box) == 0  # 1 s, then 2, 4, 4 (the cap)


@pytest.mark.asyncio
async def test_given_up_when_too_late_or_failing_for_good_and_bounded() -> None:
    clock = Clock()
    box = Outbox(give_up_after=10.0, limit=2, clock=clock)
    late, bad = Flaky(100), Flaky(100, ValueError("400 Bad Request"))
    box.add("late", late)
    box.add("bad", bad)
    clock.now = 1.0
    await box.run_due(passing)
    assert "bad" not in box and "late" in box  # not a passing failure: dropped at once
    clock.now = 11.0
    await box.run_due(passing)
    assert len(box) == 0 and box.dropped == 2
    for key in ("a", "b", "c"):
        box.add(key, Flaky(0))
    assert "a" not in box and "c" in box and box.dropped == 3  # full: the oldest goes
    box.add("c", Flaky(0))  # already waiting: keeps its place
    assert len(box) == 2
