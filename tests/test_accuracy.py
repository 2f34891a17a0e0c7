"""The dev question set: >= 95% right in scope, >= 95% of out-of-scope questions rejected."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.answers import Answerer

DEV = Path(__file__).parent / "data" / "dev_questions.yaml"


def test_dev_set_shape() -> None:
    questions = yaml.safe_load(DEV.read_text(encoding="utf-8"))["questions"]
    assert len(questions) >= 200
    assert sum(q["intent"] is None for q in questions) >= 40


def test_dev_set_accuracy(answerer: Answerer) -> None:
    questions = yaml.safe_load(DEV.read_text(encoding="utf-8"))["questions"]
    known = {i.id for i in answerer.knowledge.intents}
    in_scope = [q for q in questions if q["intent"] is not None]
    out_scope = [q for q in questions if q["intent"] is None]
    assert all(q["intent"] in known for q in in_scope)
    wrong = [(q["q"], q["intent"], a.intent) for q in in_scope if (a := answerer.ask(q["q"])).intent != q["intent"]]
    accepted = [(q["q"], a.intent) for q in out_scope if (a := answerer.ask(q["q"])).intent is not None]
    in_acc = 1 - len(wrong) / len(in_scope)
    out_acc = 1 - len(accepted) / len(out_scope)
    assert in_acc >= 0.95, wrong
    assert out_acc >= 0.95, accepted
