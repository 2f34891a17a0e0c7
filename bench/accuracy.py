"""Accuracy on the dev question set: per-intent precision/recall, confusions, and a naive baseline.

Run: python bench/accuracy.py [--questions tests/data/dev_questions.yaml]

The baseline is what a first attempt would do: rapidfuzz ``process.extractOne`` with
``WRatio`` over all raw example questions, one fixed cutoff, no normalisation, no towns.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answers import Answerer  # noqa: E402
from bot.loader import load  # noqa: E402

BASELINE_CUTOFF = 75


def baseline(knowledge):  # type: ignore[no-untyped-def]
    choices = [(ex, i.id) for i in knowledge.intents for exs in i.examples.values() for ex in exs]
    texts = [c[0] for c in choices]

    def predict(question: str) -> str | None:
        best = process.extractOne(question, texts, scorer=fuzz.WRatio, score_cutoff=BASELINE_CUTOFF)
        return choices[best[2]][1] if best else None

    return predict


def score(name: str, questions: list[dict], predict) -> dict[str, float]:  # type: ignore[no-untyped-def]
    pairs = [(q["intent"], predict(q["q"])) for q in questions]
    in_scope = [(t, p) for t, p in pairs if t is not None]
    out_scope = [(t, p) for t, p in pairs if t is None]
    in_acc = sum(t == p for t, p in in_scope) / len(in_scope)
    out_acc = sum(p is None for _, p in out_scope) / len(out_scope)
    print(f"\n## {name}\n")
    print(f"in scope correct: {in_acc:.1%} of {len(in_scope)}; "
          f"out of scope rejected: {out_acc:.1%} of {len(out_scope)}")
    intents = sorted({t for t, _ in in_scope})
    print(f"\n{'intent':20} {'precision':>9} {'recall':>7} {'n':>4}")
    for intent in intents:
        tp = sum(t == intent and p == intent for t, p in pairs)
        predicted = sum(p == intent for _, p in pairs)
        actual = sum(t == intent for t, _ in pairs)
        precision = tp / predicted if predicted else 0.0
        print(f"{intent:20} {precision:9.2f} {tp / actual:7.2f} {actual:4}")
    confusions = Counter((t or "(out of scope)", p or "(fallback)") for t, p in pairs if t != p)
    print("\nmost confused (expected -> got):")
    for (t, p), n in confusions.most_common(8):
        print(f"  {n:3} × {t} -> {p}")
    return {"in": in_acc, "out": out_acc}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "dev_questions.yaml"))
    parser.add_argument("--knowledge", default=str(ROOT / "knowledge"))
    args = parser.parse_args()
    questions = yaml.safe_load(Path(args.questions).read_text(encoding="utf-8"))["questions"]
    knowledge = load([args.knowledge])
    answerer = Answerer(knowledge)
    ours = score("this bot", questions, lambda q: answerer.ask(q).intent)
    base = score(f"baseline (extractOne WRatio, cutoff {BASELINE_CUTOFF})", questions, baseline(knowledge))
    print(f"\nsummary: bot {ours['in']:.1%} in scope / {ours['out']:.1%} rejected; "
          f"baseline {base['in']:.1%} / {base['out']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
