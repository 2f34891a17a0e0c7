"""The moderators' vocabulary, compiled: rewrite variants to the knowledge's words, drop chatter.

Both the examples and the questions pass through the same rewrite, so "Kohle", "Knete" and
"money" meet "Geld" whichever side wrote which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.model import Vocabulary
from bot.understanding.normalize import tokenize_example


def _words(text: str) -> tuple[str, ...]:
    return tokenize_example(text).folded


@dataclass
class Rewritten:
    words: list[str]
    origins: list[int]  # index of the input word each output word comes from
    applied: list[tuple[str, str]] = field(default_factory=list)  # (variant, canonical)
    chatter: list[str] = field(default_factory=list)  # dropped chatter phrases


class Lexicon:
    def __init__(self, vocabulary: Vocabulary):
        self.rewrites: dict[tuple[str, ...], tuple[str, ...]] = {}
        for canonical, variants in vocabulary.synonyms.items():
            target = _words(canonical)
            for variant in variants:
                self.rewrites[_words(variant)] = target
        self.chatter = {_words(p) for p in vocabulary.chatter} - {()}
        self.variants = frozenset(" ".join(k) for k in self.rewrites)
        self.canonical_words = frozenset(w for target in self.rewrites.values() for w in target)
        lengths = [len(k) for k in (*self.rewrites, *self.chatter)]
        self.max_len = max(lengths, default=1)
        self._firsts = frozenset(k[0] for k in (*self.rewrites, *self.chatter))

    def rewrite(self, words: Sequence[str], *, drop_chatter: bool = True) -> Rewritten:
        """Rewrite variants (longest phrase first) and drop chatter phrases."""
        out = Rewritten([], [])
        i, n = 0, len(words)
        firsts, rewrites, chatter = self._firsts, self.rewrites, self.chatter
        while i < n:
            word = words[i]
            if word in firsts:
                for size in range(min(self.max_len, n - i), 0, -1):
                    phrase = tuple(words[i : i + size])
                    if drop_chatter and phrase in chatter:
                        out.chatter.append(" ".join(phrase))
                        i += size
                        break
                    target = rewrites.get(phrase)
                    if target is not None:
                        out.words.extend(target)
                        out.origins.extend([i] * len(target))
                        out.applied.append((" ".join(phrase), " ".join(target)))
                        i += size
                        break
                else:
                    out.words.append(word)
                    out.origins.append(i)
                    i += 1
                continue
            out.words.append(word)
            out.origins.append(i)
            i += 1
        return out

    def single(self, word: str) -> tuple[str, ...]:
        """One word rewritten on its own (for the parts of a compound)."""
        return self.rewrites.get((word,), (word,))
