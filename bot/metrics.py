"""The bot's numbers for Prometheus, through the standard ``prometheus_client``.

Series keep their names (``scs_questions_total``, ``scs_answer_latency_seconds``, ``scs_info``,
one gauge per front-end status such as ``scs_gateway_connected``) and start at zero for every
outcome and source, so a dashboard sees a series before the first question. Process metrics
(memory, CPU, open files) come with it. Each ``Metrics`` has its own registry: two in one
process (tests, the web server next to the bot) do not collide.
"""

from __future__ import annotations

import logging

import prometheus_client
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info

BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)
SOURCES = ("discord", "web", "cli")
CONTENT_TYPE = prometheus_client.CONTENT_TYPE_LATEST

prometheus_client.disable_created_metrics()  # no *_created series: the same series on every scrape


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        prometheus_client.ProcessCollector(registry=self.registry)
        prometheus_client.PlatformCollector(registry=self.registry)
        self.questions = Counter("scs_questions", "Questions received, by outcome and source.",
                                 ["outcome", "source"], registry=self.registry)
        for outcome in ("answered", "fallback"):
            for source in SOURCES:
                self.questions.labels(outcome, source)
        self.latency = Histogram("scs_answer_latency_seconds", "Time to match and render one answer.",
                                 buckets=BUCKETS, registry=self.registry)
        self.web_rate_limited = Counter("scs_web_rate_limited", "Web API requests refused with 429 (rate limit).",
                                        registry=self.registry)
        self.discord_rate_limited = Counter(
            "scs_discord_rate_limited", "429 answers from Discord (discord.py waited and tried again).",
            registry=self.registry)
        self.info = Info("scs", "The loaded knowledge.", registry=self.registry)
        self._gauges: dict[str, Gauge] = {}

    def observe(self, source: str, answered: bool, seconds: float) -> None:
        self.questions.labels("answered" if answered else "fallback", source).inc()
        self.latency.observe(seconds)

    def render(self, gauges: dict[str, float] | None = None, info: dict[str, str] | None = None) -> str:
        """The Prometheus text format; ``gauges`` are the front end's status at this moment."""
        for name, value in (gauges or {}).items():
            gauge = self._gauges.get(name)
            if gauge is None:
                gauge = self._gauges[name] = Gauge(f"scs_{name}", f"Front-end status: {name}.",
                                                   registry=self.registry)
            gauge.set(value)
        if info:
            self.info.info(info)
        return prometheus_client.generate_latest(self.registry).decode("utf-8")


class DiscordRateLimits(logging.Handler):
    """Counts Discord's 429s: discord.py handles them itself and only logs them, so the count comes
    from its log records ("We are being rate limited. …")."""

    def __init__(self, metrics: Metrics):
        super().__init__(logging.WARNING)
        self.metrics = metrics

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, str) and record.msg.startswith("We are being rate limited"):
            self.metrics.discord_rate_limited.inc()
