"""Counters and a latency histogram, rendered in the Prometheus text format.

Small and dependency-free: the bot exports a handful of numbers, not a metrics pipeline.
"""

from __future__ import annotations

import bisect
import threading

BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.answered: dict[str, int] = {}  # source (discord, web, cli) -> count
        self.fallbacks: dict[str, int] = {}
        self._bucket_counts = [0] * (len(BUCKETS) + 1)
        self._latency_sum = 0.0
        self._latency_count = 0

    def observe(self, source: str, answered: bool, seconds: float) -> None:
        with self._lock:
            table = self.answered if answered else self.fallbacks
            table[source] = table.get(source, 0) + 1
            self._bucket_counts[bisect.bisect_left(BUCKETS, seconds)] += 1
            self._latency_sum += seconds
            self._latency_count += 1

    def render(self, gauges: dict[str, float] | None = None, info: dict[str, str] | None = None) -> str:
        with self._lock:
            lines = [
                "# HELP scs_questions_total Questions received, by outcome and source.",
                "# TYPE scs_questions_total counter",
            ]
            for outcome, table in (("answered", self.answered), ("fallback", self.fallbacks)):
                for source in sorted(table) or ["discord"]:
                    lines.append(f'scs_questions_total{{outcome="{outcome}",source="{source}"}} '
                                 f"{table.get(source, 0)}")
            lines += [
                "# HELP scs_answer_latency_seconds Time to match and render one answer.",
                "# TYPE scs_answer_latency_seconds histogram",
            ]
            cumulative = 0
            for bound, count in zip(BUCKETS, self._bucket_counts, strict=False):
                cumulative += count
                lines.append(f'scs_answer_latency_seconds_bucket{{le="{bound}"}} {cumulative}')
            lines.append(f'scs_answer_latency_seconds_bucket{{le="+Inf"}} {self._latency_count}')
            lines.append(f"scs_answer_latency_seconds_sum {self._latency_sum:.6f}")
            lines.append(f"scs_answer_latency_seconds_count {self._latency_count}")
        for name, value in sorted((gauges or {}).items()):
            lines += [f"# TYPE scs_{name} gauge", f"scs_{name} {value:g}"]
        if info:
            labels = ",".join(f'{k}="{_escape(v)}"' for k, v in sorted(info.items()))
            lines += ["# TYPE scs_info gauge", f"scs_info{{{labels}}} 1"]
        return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
