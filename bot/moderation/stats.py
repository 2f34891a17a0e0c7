"""Answer analytics for moderators: how many questions, how many answered, which topics, which gaps.

Counts only – per day, source (discord, web), language and topic – never a question's text or
who asked; the most frequent unanswered questions come from the unanswered log, which keeps
text (redacted) under its own retention. ``chart_png`` draws the last 30 days for ``/kb stats``
and ``python -m bot kb stats``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.clock import berlin_today
from bot.messages import msg
from bot.storage import Storage

FALLBACK = ""  # the intent column of questions that fell back


@dataclass
class Summary:
    days: int
    since: dt.date
    per_day: list[tuple[dt.date, int, int]]  # (day, questions, answered), every day of the period
    by_lang: Counter[str] = field(default_factory=Counter)
    by_source: Counter[str] = field(default_factory=Counter)
    topics: Counter[str] = field(default_factory=Counter)
    fallbacks: list[tuple[str, int]] = field(default_factory=list)  # most frequent unanswered questions

    @property
    def total(self) -> int:
        return sum(n for _, n, _ in self.per_day)

    @property
    def answered(self) -> int:
        return sum(a for _, _, a in self.per_day)

    @property
    def share_answered(self) -> float:
        return self.answered / self.total if self.total else 0.0


class QuestionStats:
    def __init__(self, storage: Storage, today: Callable[[], dt.date] = berlin_today):
        self.storage = storage
        self.today = today

    def record(self, source: str, lang: str, intent: str | None) -> None:
        with self.storage.transaction() as db:
            db.execute("INSERT INTO question_stats (day, source, lang, intent, count) VALUES (?, ?, ?, ?, 1) "
                       "ON CONFLICT (day, source, lang, intent) DO UPDATE SET count = count + 1",
                       (self.today().isoformat(), source, lang, intent or FALLBACK))

    def summary(self, days: int = 30, fallbacks: list[tuple[str, int]] | None = None) -> Summary:
        today = self.today()
        since = today - dt.timedelta(days=days - 1)
        rows = self.storage.db.execute(
            "SELECT day, source, lang, intent, count FROM question_stats WHERE day >= ?", (since.isoformat(),)
        ).fetchall()
        totals: Counter[str] = Counter()
        answered: Counter[str] = Counter()
        out = Summary(days, since, [], fallbacks=fallbacks or [])
        for day, source, lang, intent, count in rows:
            totals[day] += count
            out.by_lang[lang] += count
            out.by_source[source] += count
            if intent != FALLBACK:
                answered[day] += count
                out.topics[intent] += count
        for i in range(days):
            day = since + dt.timedelta(days=i)
            out.per_day.append((day, totals[day.isoformat()], answered[day.isoformat()]))
        return out


def stats_text(s: Summary, lang: str, titles: dict[str, str] | None = None) -> str:
    """The summary as a short message for moderators."""
    titles = titles or {}
    lines = [f"**{msg('stats_title', lang, days=s.days)}**",
             msg("stats_totals", lang, total=s.total, answered=s.answered, share=f"{s.share_answered:.0%}")]
    if s.by_source:
        lines.append(msg("stats_by_source", lang, parts=", ".join(f"{k} {v}" for k, v in s.by_source.most_common())))
    if s.by_lang:
        lines.append(msg("stats_by_lang", lang, parts=", ".join(f"{k} {v}" for k, v in s.by_lang.most_common())))
    if s.topics:
        lines.append(msg("stats_topics", lang))
        lines += [f"• {titles.get(intent, intent)} ({intent}): {n}" for intent, n in s.topics.most_common(5)]
    if s.fallbacks:
        lines.append(msg("stats_fallbacks", lang))
        lines += [f"• {n}× „{question}“" for question, n in s.fallbacks[:5]]
    return "\n".join(lines)


def chart_png(s: Summary, lang: str) -> bytes:
    """A bar chart of the questions per day (answered and fallbacks stacked), as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")  # no screen: render to a buffer
    from matplotlib import pyplot as plt

    days = [d for d, _, _ in s.per_day]
    answered = [a for _, _, a in s.per_day]
    fallbacks = [n - a for _, n, a in s.per_day]
    fig, ax = plt.subplots(figsize=(8, 3.2), dpi=100)
    try:
        ax.bar(days, answered, color="#1f6f8b", label=msg("stats_answered_label", lang))
        ax.bar(days, fallbacks, bottom=answered, color="#f2a900", label=msg("stats_fallback_label", lang))
        ax.set_title(msg("stats_title", lang, days=s.days))
        ax.legend(loc="upper left", frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        ax.yaxis.get_major_locator().set_params(integer=True)
        fig.autofmt_xdate()
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    finally:
        plt.close(fig)
    return buffer.getvalue()
