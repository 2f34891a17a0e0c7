"""Understanding, measured honestly: this bot next to two baselines, on the dev and held-out sets.

Run: python bench/accuracy.py [--set dev|heldout|all] [--failures N]

- dev: ``tests/data/dev_questions*.yaml`` (tuning is allowed on these)
- heldout: ``tests/data/heldout_questions.yaml``, written blind from the initiative's page by
  people who never saw ``knowledge/``; never tuned on.

Baselines, trained on the same knowledge examples (and titles):
- naive: rapidfuzz ``process.extractOne`` with ``WRatio`` over the raw examples, cutoff 75;
- tfidf: scikit-learn TF-IDF over character 2-4-grams (``char_wb``) + logistic regression, its
  probability threshold picked on the dev set (best mean of in-scope and trap rejection).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answers import Answerer  # noqa: E402
from bot.loader import load  # noqa: E402
from bot.model import Knowledge  # noqa: E402

DATA = ROOT / "tests" / "data"
HELDOUT = DATA / "heldout_questions.yaml"
NAIVE_CUTOFF = 75

Predict = Callable[[str], "str | None"]


def dev_files() -> list[Path]:
    return sorted(DATA.glob("dev_questions*.yaml"))


def read_questions(files: Sequence[Path]) -> list[dict[str, Any]]:
    questions: list[dict[str, Any]] = []
    for file in files:
        questions.extend(yaml.safe_load(file.read_text(encoding="utf-8"))["questions"])
    return questions


def _training(knowledge: Knowledge) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for intent in knowledge.intents:
        for items in (*intent.examples.values(), list(intent.title.values()) if intent.listed else []):
            for text in items:
                texts.append(text)
                labels.append(intent.id)
    return texts, labels


def naive(knowledge: Knowledge) -> Predict:
    texts, labels = _training(knowledge)

    def predict(question: str) -> str | None:
        best = process.extractOne(question, texts, scorer=fuzz.WRatio, score_cutoff=NAIVE_CUTOFF)
        return labels[best[2]] if best else None

    return predict


def tfidf(knowledge: Knowledge, dev: Sequence[dict[str, Any]]) -> tuple[Predict, float]:
    """The 20-line baseline; returns the predictor and the threshold chosen on ``dev``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = _training(knowledge)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, lowercase=True)
    model = LogisticRegression(C=10.0, max_iter=2000).fit(vectorizer.fit_transform(texts), labels)
    dev_probs = model.predict_proba(vectorizer.transform([q["q"] for q in dev]))
    best_t, best_score = 0.0, -1.0
    for t in [x / 100 for x in range(0, 100, 2)]:
        inside = [(q, p) for q, p in zip(dev, dev_probs, strict=True) if q["intent"] is not None]
        outside = [p for q, p in zip(dev, dev_probs, strict=True) if q["intent"] is None]
        ok_in = sum(p.max() >= t and model.classes_[p.argmax()] == q["intent"] for q, p in inside) / len(inside)
        ok_out = sum(p.max() < t for p in outside) / len(outside)
        if (ok_in + ok_out) / 2 > best_score:
            best_t, best_score = t, (ok_in + ok_out) / 2

    def predict(question: str) -> str | None:
        probs = model.predict_proba(vectorizer.transform([question]))[0]
        return str(model.classes_[probs.argmax()]) if probs.max() >= best_t else None

    return predict, best_t


@dataclass
class Result:
    in_scope: float
    rejected: float
    by_lang: dict[str, float]
    n_in: int
    n_out: int
    pairs: list[tuple[dict[str, Any], str | None]]


def evaluate(questions: Sequence[dict[str, Any]], predict: Predict, lang_of: Callable[[str], str]) -> Result:
    pairs = [(q, predict(q["q"])) for q in questions]
    inside = [(q, p) for q, p in pairs if q["intent"] is not None]
    outside = [(q, p) for q, p in pairs if q["intent"] is None]
    by_lang: dict[str, float] = {}
    for lang in ("de", "en"):
        items = [(q, p) for q, p in inside if (q.get("lang") or lang_of(q["q"])) == lang]
        if items:
            by_lang[lang] = sum(q["intent"] == p for q, p in items) / len(items)
    return Result(
        in_scope=sum(q["intent"] == p for q, p in inside) / max(len(inside), 1),
        rejected=sum(p is None for _, p in outside) / max(len(outside), 1),
        by_lang=by_lang, n_in=len(inside), n_out=len(outside), pairs=pairs,
    )


def failure_classes(result: Result) -> Counter[str]:
    """Why the bot was wrong, as classes a moderator or developer can act on."""
    classes: Counter[str] = Counter()
    for q, p in result.pairs:
        if q["intent"] == p:
            continue
        if q["intent"] is None:
            kind = "trap answered"
        elif p is None:
            kind = "in scope, fell back"
        else:
            kind = "in scope, wrong topic"
        classes[f"{kind} ({q.get('lang', '?')}{', ' + q['persona'] if q.get('persona') else ''})"] += 1
    return classes


def systems(knowledge: Knowledge, dev: Sequence[dict[str, Any]]) -> tuple[dict[str, Predict], Answerer, float]:
    answerer = Answerer(knowledge)
    tf, threshold = tfidf(knowledge, dev)
    return {"this bot": lambda q: answerer.ask(q).intent, "naive rapidfuzz": naive(knowledge), "tfidf+logreg": tf}, \
        answerer, threshold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--knowledge", default=str(ROOT / "knowledge"))
    parser.add_argument("--failures", type=int, default=0, help="list this many of the bot's misses per set")
    parser.add_argument("--questions", action="append", metavar="FILE",
                        help="evaluate these question files instead (one set each, named by the file)")
    args = parser.parse_args()
    knowledge = load([args.knowledge])
    dev = read_questions(dev_files())
    sets = {"dev": dev, "heldout": read_questions([HELDOUT]) if args.set != "dev" else []}
    if args.questions:
        sets = {Path(f).stem: read_questions([Path(f)]) for f in args.questions}
    elif args.set != "all":
        sets = {args.set: sets[args.set]}
    predictors, answerer, threshold = systems(knowledge, dev)
    lang_of = answerer.language_of
    print(f"tfidf+logreg threshold picked on dev: {threshold:.2f}\n")
    print("| set | system | in scope correct | traps rejected | in scope de | in scope en |")
    print("|---|---|---|---|---|---|")
    results: dict[tuple[str, str], Result] = {}
    for set_name, questions in sets.items():
        for name, predict in predictors.items():
            r = results[(set_name, name)] = evaluate(questions, predict, lang_of)
            right, rejected = round(r.in_scope * r.n_in), round(r.rejected * r.n_out)
            print(f"| {set_name} ({r.n_in} + {r.n_out} traps) | {name} | {r.in_scope:.1%} ({right}) "
                  f"| {r.rejected:.1%} ({rejected}) | "
                  f"{r.by_lang.get('de', 0):.1%} | {r.by_lang.get('en', 0):.1%} |")
    for set_name in sets:
        r = results[(set_name, "this bot")]
        print(f"\n## {set_name}: the bot's most frequent failure classes")
        inside = [q for q in sets[set_name] if q["intent"] is not None]
        first = [answerer.matcher.match(q["q"]).ranked[:1] for q in inside]
        right = [bool(f) and f[0][0] == q["intent"] for q, f in zip(inside, first, strict=True)]
        shy = sum(ok and p is None for ok, (_, p) in zip(right, [x for x in r.pairs if x[0]["intent"]], strict=True))
        print(f"  first choice right (the best-ranked topic, before deciding): {sum(right) / max(len(inside), 1):.1%} "
              f"of in scope; fell back although the first choice was right: {shy}")
        labelled = [q for q in sets[set_name] if q.get("lang") in ("de", "en")]
        same = sum(lang_of(q["q"]) == q["lang"] for q in labelled)
        print(f"  answered in the language the question was written in: {same / max(len(labelled), 1):.1%} "
              f"({len(labelled) - same} of {len(labelled)} not)")
        for kind, n in failure_classes(r).most_common(8):
            print(f"  {n:3} × {kind}")
        confusions = Counter((q["intent"] or "(trap)", p or "(fallback)") for q, p in r.pairs if q["intent"] != p)
        print("  most confused (expected -> got): " + ", ".join(f"{t}->{p} ×{n}" for (t, p), n in
                                                               confusions.most_common(6)))
        if args.failures:
            for q, p in [(q, p) for q, p in r.pairs if q["intent"] != p][: args.failures]:
                print(f"    {q['intent'] or '-'} -> {p or '-'}: {q['q']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
