"""Memory that building a knowledge base freed goes back to the system (``bot.memory``)."""

from __future__ import annotations

import platform
import sys

import pytest

from bot import memory


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1])


@pytest.mark.skipif(sys.platform != "linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_freed_heap_pages_go_back_to_the_system() -> None:
    # many malloc'd blocks, every hundredth kept, as building an index leaves them: the freed
    # ones between the kept ones stay resident until they are given back
    blocks = [bytes(2000) + bytes([i % 256]) for i in range(40_000)]
    kept = blocks[::100]
    del blocks
    before = _rss_kb()
    assert memory.give_back() is True
    assert _rss_kb() < before - 20_000, "at least 20 MB of the 80 MB freed should go back"
    assert kept  # the kept blocks stay alive throughout
