"""The texts moderators see (/kb and ``python -m bot kb``), shared by Discord and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bot.answers import Answerer
from bot.clock import BERLIN
from bot.loader import Problem
from bot.messages import msg
from bot.model import Knowledge
from bot.moderation.unanswered import Unanswered
from bot.understanding.explain import explain


def counts(knowledge: Knowledge) -> dict[str, int]:
    return {
        "intents": len(knowledge.intents),
        "examples": sum(len(v) for i in knowledge.intents for v in i.examples.values()),
        "timeline": len(knowledge.timeline),
    }


def loaded_text(knowledge: Knowledge, lang: str) -> str:
    return msg("kb_loaded", lang, version=knowledge.version, **counts(knowledge))


REPORT_PROBLEMS = 10  # a report is one message: the first problems and how many there are


def problems_text(problems: list[Problem], version: str, current: str, lang: str, *,
                  limit: int | None = REPORT_PROBLEMS, roots: Sequence[str | Path] = ()) -> str:
    """The problems of a version for moderators: the first ``limit`` (None: all), paths relative to
    the knowledge folders ``roots``, and how many more ``/kb check`` shows."""
    head = msg("kb_broken", lang, version=version, count=len(problems), current=current)
    shown = problems if limit is None else problems[:limit]
    lines = [str(replace(p, file=_relative(p.file, roots))) for p in shown]
    body = "\n".join(lines)
    text = head + "\n```\n" + (body if limit is None else body[:1500]) + "\n```"
    if len(shown) < len(problems):
        text += "\n" + msg("kb_more_problems", lang, count=len(problems) - len(shown))
    return text


def _relative(file: str, roots: Sequence[str | Path]) -> str:
    for root in roots:
        try:
            return str(Path(file).resolve().relative_to(Path(root).resolve()))
        except ValueError:
            continue
    return file


def status_text(knowledge: Knowledge, loaded_at: float, problems: list[Problem], lang: str) -> str:
    loaded = dt.datetime.fromtimestamp(loaded_at, BERLIN).strftime("%d.%m.%Y %H:%M (Europe/Berlin)")
    text = msg("kb_status", lang, version=knowledge.version, loaded=loaded, **counts(knowledge))
    if problems:
        text += "\n" + msg("kb_status_broken", lang, count=len(problems))
    return text


def unanswered_text(rows: list[Unanswered], days: int, lang: str) -> str:
    if not rows:
        return msg("kb_unanswered_none", lang, days=days)
    lines = [f"**{msg('kb_unanswered_title', lang, days=days)}**"]
    lines += [f"{r.count}× „{r.question}“ ({r.first_seen} – {r.last_seen})" for r in rows]
    return "\n".join(lines)


def test_text(answerer: Answerer, question: str, lang: str) -> str:
    answer = answerer.ask(question)
    match = answerer.matcher.match(question)
    head = msg("kb_test", lang, intent=answer.intent or "fallback", confidence=f"{answer.confidence:.2f}")
    top = "\n".join(f"{i + 1}. `{intent}` {score:.2f}" for i, (intent, score) in enumerate(match.ranked[:3]))
    quoted = "\n".join(f"> {line}" for line in answer.text.splitlines())
    if len(quoted) > 700:
        quoted = quoted[:700] + " …"
    trace = explain(match)
    if len(trace) > 900:
        trace = trace[:900] + "\n…"
    return f"{head}\n{quoted}\n{msg('kb_top3', lang)}\n{top}\n```\n{trace.replace('`', chr(39))}\n```"
