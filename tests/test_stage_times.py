"""bench/stage_times.py: every stage of the pipeline is timed, and the tail's parts are counted."""

from __future__ import annotations

from pathlib import Path

from bench.stage_times import stage_times, tail
from bot.answers import Answerer
from bot.loader import load
from bot.understanding import pipeline

ROOT = Path(__file__).resolve().parent.parent


def test_every_stage_is_timed_and_the_tail_counts_the_parts() -> None:
    answerer = Answerer(load([ROOT / "knowledge"]))
    questions = ["Ist Olpe dabei?", "Was ist die Rahmenstrategie? Und wer hat sie erarbeitet?"] * 50
    spent = stage_times(answerer.matcher, questions, rounds=1)
    assert list(spent) == [name for name, _ in pipeline.STAGES] and all(s >= 0 for s in spent.values())
    n, ask, whole, parts, per = tail(answerer, questions, rounds=1)
    assert n == 1 and ask > 0 and whole > 0
    assert per == 2.0 and parts > 0  # the slowest asks two questions, each matched once more
