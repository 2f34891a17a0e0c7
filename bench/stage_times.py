"""Where an answer's time goes: each stage of the understanding pipeline, and the parts of a message.

Run: python bench/stage_times.py [--rounds 3]

Runs every stage of ``STAGES`` (``bot/understanding/pipeline.py``) on each dev question with the
shipped knowledge, one core, and prints each stage's time per question and its share (the fastest
of ``--rounds``). Then, for the slowest 1 % of the questions (by ``Answerer.ask``, fastest round),
how much the whole message costs and how much matching its parts once more (a message that asks
several questions) – the tail that ``bench/latency.py``'s p99 is made of.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import dev_files, read_questions  # noqa: E402
from bot.answers import Answerer  # noqa: E402
from bot.loader import load  # noqa: E402
from bot.understanding import pipeline  # noqa: E402
from bot.understanding.matcher import Matcher  # noqa: E402


def stage_times(matcher: Matcher, questions: list[str], rounds: int) -> dict[str, float]:
    """Seconds per stage over all ``questions``, the fastest of ``rounds`` per stage."""
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent: dict[str, float] = defaultdict(float)
        for question in questions:
            parse = pipeline.Parse(question)
            for name, stage in pipeline.STAGES:
                start = time.perf_counter()
                stage(parse, matcher.index, matcher.settings)
                spent[name] += time.perf_counter() - start
        best = {name: min(best.get(name, spent[name]), spent[name]) for name in spent}
    return best


def tail(answerer: Answerer, questions: list[str], rounds: int) -> tuple[int, float, float, float, float]:
    """The slowest 1 % by ``ask``: how many, and per question the ask, the whole message's match, its
    parts' matches (ms) and the parts per question."""
    fastest: dict[str, float] = {}
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            answerer.ask(question)
            fastest[question] = min(fastest.get(question, 1e9), time.perf_counter() - start)
    slowest = sorted(fastest, key=fastest.__getitem__, reverse=True)[: max(1, len(fastest) // 100)]
    matcher = answerer.matcher
    whole = parts = 0.0
    count = 0
    for question in slowest:
        start = time.perf_counter()
        match = matcher.match(question)
        whole += time.perf_counter() - start
        texts = matcher.questions_of(match)
        start = time.perf_counter()
        for text in texts:
            matcher.match_part(text, match)
        parts += time.perf_counter() - start
        count += len(texts)
    n = len(slowest)
    return n, sum(fastest[q] for q in slowest) / n * 1000, whole / n * 1000, parts / n * 1000, count / n


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from bot import understanding

    answerer = Answerer(load([ROOT / "knowledge"]))
    questions = [q["q"] for q in read_questions(dev_files())]
    for question in questions:  # warm the caches, as a running bot has them
        answerer.ask(question)
    how = "compiled with mypyc" if understanding.COMPILED else "plain Python (not compiled)"
    spent = stage_times(answerer.matcher, questions, args.rounds)
    total = sum(spent.values())
    print(f"{len(questions)} dev questions, {args.rounds} rounds; understanding pipeline: {how}\n")
    print(f"all stages: {total / len(questions) * 1e3:.3f} ms per question\n")
    print("| stage | ms per question | share |\n|---|---|---|")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"| {name} | {seconds / len(questions) * 1e3:.4f} | {seconds / total:.1%} |")
    n, ask, whole, parts, per = tail(answerer, questions, args.rounds)
    print(f"\nthe slowest 1 % ({n} questions, by ask): ask {ask:.2f} ms, the whole message matched {whole:.2f} ms, "
          f"its parts matched once more {parts:.2f} ms ({per:.1f} parts per question)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
