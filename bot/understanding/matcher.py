"""Find the intent a question asks for, with a confidence in [0, 1].

All examples are scored in one vectorised rapidfuzz call; the best example per intent
counts. Two guards keep the bot honest: *coverage* (how many of the question's content
words the knowledge base knows at all, so "Wetter in Arnsberg" is not answered with
town facts), and a *margin* between the two best intents for near-ties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import filterfalse

import numpy as np
from rapidfuzz import fuzz, process

from bot.loader import paused_gc
from bot.model import Knowledge
from bot.understanding.normalize import Tokens, tokenize, tokenize_example
from bot.understanding.stopwords import STOPWORDS
from bot.understanding.towns import TOWN_TOKEN, TownFinder

PREFIX = 5  # German compounds: "Fördersumme" shares "forde" with "Förderung"
PLACE_PREFIXES = frozenset({"bad", "sankt", "st"})


@dataclass(frozen=True)
class MatcherSettings:
    threshold: float = 0.55  # below: fall back
    margin: float = 0.01  # best and second closer than this, both above threshold: ask back
    suggest_threshold: float = 0.4  # fallback suggestions must score at least this
    coverage_weight: float = 0.5  # how strongly unknown content words lower the confidence
    keyword_weight: float = 0.2  # share of the per-intent keyword score in the confidence
    max_suggestions: int = 3


@dataclass(frozen=True)
class Match:
    """The outcome of matching one question."""

    intent: str | None  # None: fall back
    confidence: float
    ranked: list[tuple[str, float]]  # best first, all intents
    towns: list[str] = field(default_factory=list)
    place: str | None = None  # an unknown place name in a membership question
    coverage: float = 1.0
    tokens: Tokens | None = None

    def suggestions(self, settings: MatcherSettings, exclude: tuple[str, ...] = ()) -> list[str]:
        return [
            intent for intent, score in self.ranked
            if score >= settings.suggest_threshold and intent not in exclude
        ][: settings.max_suggestions]


class Matcher:
    def __init__(self, knowledge: Knowledge, settings: MatcherSettings | None = None):
        with paused_gc():
            self._build(knowledge, settings)

    def _build(self, knowledge: Knowledge, settings: MatcherSettings | None) -> None:
        self.settings = settings or MatcherSettings()
        self.intent_ids = [i.id for i in knowledge.intents]
        self.slot_intents = {i.id for i in knowledge.intents if i.handler == "membership"}
        self.towns = TownFinder(knowledge)
        texts: list[str] = []
        word_lists: list[Sequence[str]] = []
        starts: list[int] = []
        intent_words: dict[str, list[int]] = {}  # word -> intents whose examples use it
        find, mask, first_words = self.towns.find, TownFinder.mask, self.towns.first_words
        for index, intent in enumerate(knowledge.intents):
            starts.append(len(texts))
            words_here: set[str] = set()
            # The titles are questions too ("How is the project funded?"): index them with the examples.
            titles = [t for t in intent.title.values() if intent.listed] if intent.examples else []
            for examples in (*intent.examples.values(), titles):
                for example in examples:
                    tokens = tokenize_example(example)
                    words: Sequence[str] = tokens.folded
                    if not first_words.isdisjoint(words):  # most examples name no town
                        words = mask(tokens, find(tokens, fuzzy=False))
                    words_here.update(words)
                    word_lists.append(words)
                    texts.append(" ".join(words))
            if len(texts) == starts[-1]:  # an intent without examples never matches
                texts.append("")
                word_lists.append(())
            for w in words_here - STOPWORDS:
                intent_words.setdefault(w, []).append(index)
        self.texts = texts
        # token_sort_ratio(a, b) == ratio(sorted(a), sorted(b)): sort once, here. Built in one
        # pass each, so the strings lie together in memory: cdist over them is ~25% faster.
        self._sorted_texts = [" ".join(sorted(words)) for words in word_lists]
        is_stopword = STOPWORDS.__contains__
        self._sorted_content = [" ".join(sorted(filterfalse(is_stopword, words))) for words in word_lists]
        self.starts = np.asarray(starts, dtype=np.intp)
        intent_words.setdefault(TOWN_TOKEN, [])
        self.vocab = frozenset(intent_words)
        self._vocab_list = sorted(intent_words)
        self._prefixes: dict[str, str] = {}
        for w in self._vocab_list:
            if len(w) >= PREFIX:
                self._prefixes.setdefault(w[:PREFIX], w)
        # Which intents use each word, weighted by rarity: "mitmacherkommunen" says more than "smart".
        n = len(self.intent_ids)
        self._word_intents: dict[str, np.ndarray] = {}
        self._idf: dict[str, float] = {}
        for w, owners in intent_words.items():
            row = np.zeros(n, dtype=np.float32)
            row[owners] = 1.0
            self._word_intents[w] = row
            self._idf[w] = float(np.log(1.0 + n / max(len(owners), 1)))
        self._max_idf = float(np.log(1.0 + n))
        self.towns.vocabulary = self.vocab
        self.slot_vocab: frozenset[str] = frozenset(
            w for i, intent in enumerate(self.intent_ids) if intent in self.slot_intents
            for t in texts[starts[i] : (starts[i + 1] if i + 1 < len(starts) else len(texts))]
            for w in t.split() if w not in STOPWORDS and w != TOWN_TOKEN
        )

    # --- scoring -------------------------------------------------------------------------
    def _scores(self, words: list[str]) -> np.ndarray:
        """Best example score per intent: whole-question similarity, plus keyword overlap."""
        query = " ".join(words)
        if not query:
            return np.zeros(len(self.intent_ids))
        query = " ".join(sorted(words))
        whole = process.cdist([query], self._sorted_texts, scorer=fuzz.ratio, workers=1, dtype=np.float32)[0]
        content = " ".join(sorted(w for w in words if w not in STOPWORDS))
        if content:
            keywords = process.cdist(
                [content], self._sorted_content, scorer=fuzz.ratio, workers=1, dtype=np.float32
            )[0]
            whole = 0.5 * whole + 0.5 * keywords
        return np.maximum.reduceat(whole, self.starts) / 100.0

    def _resolve(self, word: str) -> str | None:
        """The example word that ``word`` is (or is a typo or compound of), else None."""
        if word in self.vocab:
            return word
        if len(word) < 4:
            return None
        if len(word) > PREFIX and word[:PREFIX] in self._prefixes:
            return self._prefixes[word[:PREFIX]]
        best = process.extractOne(word, self._vocab_list, scorer=fuzz.ratio, score_cutoff=86)
        return best[0] if best else None

    def _known(self, word: str) -> bool:
        return self._resolve(word) is not None

    def _keyword_scores(self, words: list[str]) -> np.ndarray | None:
        """Per intent: the rarity-weighted share of the question's content words it uses."""
        total = 0.0
        acc = np.zeros(len(self.intent_ids), dtype=np.float32)
        for w in words:
            if w in STOPWORDS:
                continue
            resolved = self._resolve(w)
            if resolved is None:
                total += self._max_idf
                continue
            weight = self._idf[resolved]
            total += weight
            acc += weight * self._word_intents[resolved]
        return acc / total if total else None

    def _coverage(self, words: list[str]) -> tuple[float, list[int]]:
        """Share of content words the knowledge knows, and the indexes of unknown ones."""
        content = [i for i, w in enumerate(words) if w not in STOPWORDS]
        if not content:
            return 1.0, []
        unknown = [i for i in content if not self._known(words[i])]
        return 1.0 - len(unknown) / len(content), unknown

    def _rank(self, words: list[str]) -> tuple[list[tuple[str, float]], float]:
        coverage, _ = self._coverage(words)
        factor = 1.0 - self.settings.coverage_weight * (1.0 - coverage)
        scores = self._scores(words)
        keywords = self._keyword_scores(words)
        if keywords is not None:
            w = self.settings.keyword_weight
            scores = (1.0 - w) * scores + w * keywords
        scores = scores * factor
        order = np.argsort(-scores, kind="stable")
        return [(self.intent_ids[i], float(scores[i])) for i in order], coverage

    def _decide(self, ranked: list[tuple[str, float]]) -> str | None:
        if not ranked:
            return None
        best, score = ranked[0]
        if score < self.settings.threshold:
            return None
        if len(ranked) > 1 and score - ranked[1][1] < self.settings.margin:
            return None
        return best

    # --- public --------------------------------------------------------------------------
    def match(self, question: str) -> Match:
        tokens = tokenize(question)
        found = self.towns.find(tokens)
        words = TownFinder.mask(tokens, found)
        towns = list(dict.fromkeys(m.town for m in found))
        content = [w for w in words if w not in STOPWORDS]
        if self.slot_intents and towns and content and all(w == TOWN_TOKEN for w in content):
            # A message that is only a town name: say what that town is.
            slot = next(iter(self.slot_intents))
            return Match(slot, 1.0, [(slot, 1.0)], towns, None, 1.0, tokens)
        ranked, coverage = self._rank(words)
        intent = self._decide(ranked)
        place = None
        if not towns and self.slot_intents and intent not in self.slot_intents:
            slot_try = self._try_unknown_place(tokens, words)
            if slot_try is not None:
                ranked, coverage, place = slot_try
                intent = ranked[0][0]
        return Match(intent, ranked[0][1] if ranked else 0.0, ranked, towns, place, coverage, tokens)

    def _try_unknown_place(
        self, tokens: Tokens, words: list[str]
    ) -> tuple[list[tuple[str, float]], float, str] | None:
        """'Macht Hamm mit?': treat one unknown name as a place and see if that fits a membership question."""
        _, unknown = self._coverage(words)
        if len(unknown) != 1 or len(words[unknown[0]]) < 3 or not words[unknown[0]].isalpha():
            return None
        first = last = unknown[0]
        last += 1
        if first > 0 and words[first - 1] in PLACE_PREFIXES:
            first -= 1
        trial = [*words[:first], TOWN_TOKEN, *words[last:]]
        # Only a question that also says what it asks ("dabei", "mit", "part of") is about membership.
        if not any(w in self.slot_vocab for w in trial if w != TOWN_TOKEN):
            return None
        ranked, coverage = self._rank(trial)
        if ranked[0][0] in self.slot_intents and self._decide(ranked) is not None:
            return ranked, coverage, " ".join(tokens.original[first:last])
        return None


