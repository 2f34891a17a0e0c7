"""The shipped knowledge: valid, complete in both languages, and true to the seed page."""

from __future__ import annotations

import subprocess
import sys

from bot.loader import check
from bot.model import Knowledge
from tests.conftest import KNOWLEDGE, ROOT


def test_shipped_knowledge_has_no_problems() -> None:
    assert check([KNOWLEDGE]) == []


def test_check_command_over_knowledge_exits_zero() -> None:
    result = subprocess.run([sys.executable, "-m", "bot", "check", str(KNOWLEDGE)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK:")


def test_every_intent_has_enough_examples_and_both_answers(knowledge: Knowledge) -> None:
    for intent in knowledge.intents:
        assert len(intent.examples["de"]) >= 8, intent.id
        assert len(intent.examples["en"]) >= 5, intent.id
        assert set(intent.title) == {"de", "en"}, intent.id
        if intent.handler is None:
            assert set(intent.answer) == {"de", "en"}, intent.id


def test_town_lists_match_the_seed(knowledge: Knowledge) -> None:
    seed = (ROOT.parent / "shared" / "seed").glob("*.txt")
    text = " ".join(p.read_text(encoding="utf-8") for p in seed)
    mitmacher = knowledge.groups["mitmacherkommunen"].members
    pioniere = knowledge.groups["pionierkommunen"].members
    assert len(mitmacher) == 14 and len(pioniere) == 5
    assert set(pioniere) == {"Arnsberg", "Bad Berleburg", "Menden", "Olpe", "Soest"}
    if text:  # the seed sits beside the repository in CI and here
        for town in (*mitmacher, *pioniere):
            assert town in text, town
        assert "13 Millionen Euro" in text and "Horst Seehofer" in text


def test_facts_live_once(knowledge: Knowledge) -> None:
    """Answers refer to the town list and funding figure instead of repeating them."""
    for intent in knowledge.intents:
        for text in intent.answer.values():
            assert "13 Millionen" not in text and "13 million" not in text, intent.id
            assert "Attendorn, Brilon" not in text, intent.id
