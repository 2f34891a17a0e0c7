"""What every front end shares: the current answerer, metrics and the storage.

Discord, the web page and the command line all ask through ``Core.ask``, so they answer
identically and are counted in one place. The answerer is one attribute that is swapped
as a whole on reload: a question in flight keeps the object it started with.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.answers import Answer, Answerer
from bot.conversation import Context
from bot.metrics import Metrics


class Core:
    def __init__(self, answerer: Answerer, *, metrics: Metrics | None = None):
        self.answerer = answerer
        self.metrics = metrics or Metrics()
        self.loaded_at = time.time()
        self.on_fallback: list[Callable[[Answer, str], None]] = []  # (answer, source)
        self.on_answer: list[Callable[[Answer, str], None]] = []  # every question a person asked (analytics)

    def swap(self, answerer: Answerer) -> None:
        self.answerer = answerer
        self.loaded_at = time.time()

    def ask(self, question: str, *, lang: str | None = None, default_lang: str | None = None,
            source: str = "discord", context: Context | None = None, log_fallback: bool = True) -> Answer:
        start = time.perf_counter()
        answer = self.answerer.ask(question, lang, default_lang=default_lang, context=context)
        self.metrics.observe(source, answer.intent is not None, time.perf_counter() - start)
        if answer.intent is None and log_fallback:
            for hook in self.on_fallback:
                hook(answer, source)
        if answer.intent is not None or log_fallback:  # chit-chat left alone is no question
            for hook in self.on_answer:
                hook(answer, source)
        return answer

    @property
    def version(self) -> str:
        return self.answerer.knowledge.version
