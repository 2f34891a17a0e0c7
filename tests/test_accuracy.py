"""Understanding, measured: the dev sets (tuned on) and the blind held-out set (never tuned on).

The floors are regression guards set just below what ``python bench/accuracy.py`` reports
(see the README); they fail when a change makes the bot understand fewer real questions.
"""

from __future__ import annotations

import pytest
import yaml

from bench.accuracy import HELDOUT, dev_files, evaluate, read_questions, tfidf
from bot.answers import Answerer

DEV_FLOOR = (0.94, 0.955)  # in scope correct, traps rejected
HELDOUT_FLOOR = (0.90, 0.96)  # the issue asks: fail below 90 % / 93 %


def test_question_sets_have_the_promised_shape(answerer: Answerer) -> None:
    known = {i.id for i in answerer.knowledge.intents}
    heldout = read_questions([HELDOUT])
    assert len(heldout) >= 300
    assert sum(q["lang"] == "en" for q in heldout) >= 0.25 * len(heldout)
    assert sum(q["intent"] is None for q in heldout) >= 60
    assert {q["persona"] for q in heldout} == {"senior", "teen", "journalist"}
    dev = read_questions(dev_files())
    assert len(dev) >= 600 and sum(q["intent"] is None for q in dev) >= 120
    assert all(q["intent"] is None or q["intent"] in known for q in [*heldout, *dev])


def test_dev_sets(answerer: Answerer) -> None:
    result = evaluate(read_questions(dev_files()), lambda q: answerer.ask(q).intent, answerer.language_of)
    assert result.in_scope >= DEV_FLOOR[0], result.in_scope
    assert result.rejected >= DEV_FLOOR[1], result.rejected


def test_original_dev_set_stays_above_95(answerer: Answerer) -> None:
    questions = read_questions([dev_files()[0]])
    result = evaluate(questions, lambda q: answerer.ask(q).intent, answerer.language_of)
    assert result.in_scope >= 0.95 and result.rejected >= 0.95


def test_heldout_set(answerer: Answerer) -> None:
    result = evaluate(read_questions([HELDOUT]), lambda q: answerer.ask(q).intent, answerer.language_of)
    assert result.in_scope >= HELDOUT_FLOOR[0], result.in_scope
    assert result.rejected >= HELDOUT_FLOOR[1], result.rejected


def test_heldout_beats_the_tfidf_baseline(answerer: Answerer) -> None:
    pytest.importorskip("sklearn")
    heldout = read_questions([HELDOUT])
    baseline, _ = tfidf(answerer.knowledge, read_questions(dev_files()))
    ours = evaluate(heldout, lambda q: answerer.ask(q).intent, answerer.language_of)
    theirs = evaluate(heldout, baseline, answerer.language_of)
    assert ours.in_scope >= theirs.in_scope + 0.10  # the issue asks for 10 points at least
    assert ours.rejected >= theirs.rejected


def test_every_file_is_valid_yaml_with_known_fields() -> None:
    for file in [*dev_files(), HELDOUT]:
        for q in yaml.safe_load(file.read_text(encoding="utf-8"))["questions"]:
            assert set(q) <= {"q", "intent", "lang", "persona"} and q["q"].strip(), (file.name, q)
