"""The moderators' vocabulary, compiled: rewrite variants to the knowledge's words, drop chatter.

Both the examples and the questions pass through the same rewrite, so "Kohle", "Knete" and
"money" meet "Geld" whichever side wrote which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mypy_extensions import mypyc_attr

from bot.model import Vocabulary
from bot.understanding.normalize import tokenize_example
from bot.understanding.qtype import is_question_word

#: A chatter word that ends a compound has at least ``_HEAD`` letters, the part before it ``_HEAD_PREFIX``.
_HEAD = 6
_HEAD_PREFIX = 3


def _words(text: str) -> tuple[str, ...]:
    return tokenize_example(text).folded


@mypyc_attr(native_class=False)  # a plain class, so it pickles with the index (compiled.py)
@dataclass
class Rewritten:
    words: list[str]
    origins: list[int]  # index of the input word each output word comes from
    applied: list[tuple[str, str]] = field(default_factory=list)  # (variant, canonical)
    chatter: list[str] = field(default_factory=list)  # dropped chatter phrases
    from_phrases: list[int] = field(default_factory=list)  # indexes in ``words`` a phrase was rewritten to


#: Particles that people put into any phrase ("ich wollte mich *nur mal* kurz vorstellen", "can you
#: *just* tell me"): a phrase of the vocabulary is found with them in between, so moderators write
#: each phrase once, not once per filler.
FILLERS = frozenset("mal ma nur kurz eben halt eh denn schon grad gerade einfach eigentlich bloss blos so ja doch "
                    "auch jetzt nochmal nomma noch just really quickly actually basically kinda briefly quick real "
                    "pls please bitte".split())


def _compact(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """A phrase without its fillers after the first word (the first says where it begins)."""
    return phrase[:1] + tuple(w for w in phrase[1:] if w not in FILLERS)


#: After a question word (``qtype``), a chatter phrase addressed to the bot, or one that asks, is the
#: question itself ("Was weißt du?", "What do you know about?", "what may I ask of it?"), not a filler
#: before it ("Weißt du, wer …?", "if I may ask, who …").
_ADDRESSED_OR_ASKING = frozenset("du ihr sie you u ask fragen".split())
#: ... but a condition around the asking never is: "Welche Rolle spielt Olpe, wenn ich fragen darf?"
_CONDITIONAL = frozenset("wenn falls sofern if".split())


@mypyc_attr(native_class=False)  # a plain class, so it pickles with the index (compiled.py)
class Lexicon:
    def __init__(self, vocabulary: Vocabulary):
        self.rewrites: dict[tuple[str, ...], tuple[str, ...]] = {}
        for canonical, variants in (*vocabulary.synonyms.items(), *vocabulary.not_covered.items()):
            target = _words(canonical)
            for variant in variants:
                self.rewrites[_words(variant)] = target
        # Subjects the knowledge does not cover ("jobsuche" for "job", "praktikum"): a question about one
        # counts it as an unknown subject of its own.
        self.not_covered = frozenset(w for subject in vocabulary.not_covered for w in _words(subject))
        self.chatter = {_words(p) for p in vocabulary.chatter} - {()}
        self._addressed = frozenset(p for p in self.chatter if len(p) > 1 and not _ADDRESSED_OR_ASKING.isdisjoint(p)
                                    and p[0] not in _CONDITIONAL)
        self.variants = frozenset(" ".join(k) for k in self.rewrites)
        self.canonical_words = frozenset(w for target in self.rewrites.values() for w in target)
        lengths = [len(k) for k in (*self.rewrites, *self.chatter)]
        self.max_len = max(lengths, default=1)
        self._firsts = frozenset(k[0] for k in (*self.rewrites, *self.chatter))
        self._multi_firsts = frozenset(k[0] for k in (*self.rewrites, *self.chatter) if len(k) > 1)
        self._singles = {k[0]: v for k, v in self.rewrites.items() if len(k) == 1}
        # the lengths of the phrases each word begins, longest first: ``_phrase`` tries only those
        sizes: dict[str, set[int]] = {}
        for k in (*self.rewrites, *self.chatter):
            if len(k) > 1:
                sizes.setdefault(k[0], set()).add(len(k))
        self._sizes = {w: sorted(s, reverse=True) for w, s in sizes.items()}
        # the phrases without their fillers, for a question that puts other fillers in between
        self._loose: dict[tuple[str, ...], tuple[str, ...] | None] = {}  # None: a chatter phrase
        for key in self.chatter:
            if len(compact := _compact(key)) > 1:
                self._loose.setdefault(compact, None)
        for key, target in self.rewrites.items():
            if len(compact := _compact(key)) > 1:
                self._loose.setdefault(compact, target)
        self._loose_firsts = frozenset(k[0] for k in self._loose)
        self._written: dict[frozenset[str], frozenset[str]] = {}
        # single chatter words long enough to end a compound of their own ("Lokal|zeitung", "Arbeits|kollege")
        self._chatter_heads = frozenset(k[0] for k in self.chatter if len(k) == 1 and len(k[0]) >= _HEAD)

    def __getstate__(self) -> dict[str, object]:
        """Without the cache of written words (filled while answering, see ``Index.__getstate__``)."""
        return {**self.__dict__, "_written": {}}

    def chatter_compound(self, word: str) -> bool:
        """Whether ``word`` ends in a chatter word of its own: "Lokalzeitung", "Arbeitskollegin" and
        "Politikunterricht" tell where the writer heard of it or who asks, as "Zeitung" does."""
        if word in self.not_covered or word in self.canonical_words:
            return False  # a word the vocabulary writes ("Einwohnerzahl" ends in "erzähl")
        return any(word[-n:] in self._chatter_heads for n in range(_HEAD, len(word) - _HEAD_PREFIX + 1))

    def rewrite(self, words: Sequence[str], *, drop_chatter: bool = True) -> Rewritten:
        """Rewrite variants (longest phrase first) and drop chatter phrases. Where something was
        rewritten, the phrases are looked for once more: "Is hier öwwerhaupt ener?" is "ist hier
        überhaupt einer" word by word, and that phrase greets; "Smart City South Westphalia" is
        "smart city südwestfalen", the initiative's name."""
        out = self._rewrite(words, drop_chatter, first_pass=True)
        if len(out.applied) and len(out.words) > 1 and not self._multi_firsts.isdisjoint(out.words):
            # the words a phrase was rewritten to ("south westphalia" -> "sudwestfalen"): a phrase
            # they complete is looked for after a question word too ("what is smart city south westphalia")
            again = self._rewrite(out.words, drop_chatter, first_pass=False, made=frozenset(out.from_phrases))
            if again.applied or again.chatter:
                return Rewritten(again.words, [out.origins[k] for k in again.origins], out.applied + again.applied,
                                 out.chatter + again.chatter)
        return out

    def _rewrite(self, words: Sequence[str], drop_chatter: bool, first_pass: bool,
                 made: frozenset[int] = frozenset()) -> Rewritten:
        out = Rewritten([], [])
        append_word, append_origin = out.words.append, out.origins.append
        i, n = 0, len(words)
        # (once more only where no question word comes before: "wofür bisse da" is no "bist du da?")
        first_question = next((j for j, w in enumerate(words) if is_question_word(w)), n)
        asked_at = n if first_pass else first_question
        singles, multi, chatter = self._singles if first_pass else {}, self._multi_firsts, self.chatter
        while i < n:
            word = words[i]
            if word in multi and (i <= asked_at or (made and not made.isdisjoint(range(i, i + self.max_len)))):
                cover = made if i > asked_at else None
                size = self._phrase(words, i, drop_chatter, out, asked=i > first_question, cover=cover)
                if size:
                    i += size
                    continue
            if drop_chatter and (word,) in chatter:
                out.chatter.append(word)
            elif word in singles:
                target = singles[word]
                out.words.extend(target)
                out.origins.extend([i] * len(target))
                out.applied.append((word, " ".join(target)))
            else:
                append_word(word)
                append_origin(i)
            i += 1
        return out

    def _phrase(self, words: Sequence[str], i: int, drop_chatter: bool, out: Rewritten, asked: bool,
                cover: frozenset[int] | None = None) -> int:
        """A phrase of two or more words at ``i``: rewrite or drop it and return its length, else 0.
        ``asked``: a question word comes before it; ``cover``: only a rewrite that covers one of these."""
        left = len(words) - i
        for size in self._sizes.get(words[i], ()):
            if size > left:
                continue
            if cover is not None and cover.isdisjoint(range(i, i + size)):
                continue
            phrase = tuple(words[i : i + size])
            if cover is not None and phrase not in self.rewrites:
                continue
            if drop_chatter and phrase in self.chatter and not (phrase in self._addressed and asked):
                out.chatter.append(" ".join(phrase))
                return size
            target = self.rewrites.get(phrase)
            if target is not None:
                out.from_phrases.extend(range(len(out.words), len(out.words) + len(target)))
                out.words.extend(target)
                out.origins.extend([i] * len(target))
                out.applied.append((" ".join(phrase), " ".join(target)))
                return size
        # (not after a question word: "wofür bisse eigentlich da?" asks what the bot is for)
        return 0 if asked or cover is not None else self._loose_phrase(words, i, drop_chatter, out)

    def _loose_phrase(self, words: Sequence[str], i: int, drop_chatter: bool, out: Rewritten) -> int:
        """A phrase with fillers in between (``FILLERS``): "mich nur mal kurz vorstellen" is
        "mich kurz vorstellen". Returns the length of the span it covers, else 0."""
        if words[i] not in self._loose_firsts:
            return 0
        kept: list[int] = [i]
        j = i + 1
        while j < len(words) and len(kept) < self.max_len:
            if words[j] not in FILLERS:
                kept.append(j)
            j += 1
        for size in range(len(kept), 1, -1):
            end = kept[size - 1] + 1
            if end - i == size:
                return 0  # no filler in between: the exact phrases were looked for already
            phrase = tuple(words[k] for k in kept[:size])
            if phrase not in self._loose:
                continue
            target = self._loose[phrase]
            span = " ".join(words[i:end])
            if target is None:
                if drop_chatter:
                    out.chatter.append(span)
                    return end - i
                continue
            out.words.extend(target)
            out.origins.extend([i] * len(target))
            out.applied.append((span, " ".join(target)))
            return end - i
        return 0

    def applies(self, words: Sequence[str]) -> bool:
        """Whether any rewrite or chatter phrase could start in ``words`` (a cheap first check)."""
        return not self._firsts.isdisjoint(words)

    def written_as(self, words: frozenset[str]) -> frozenset[str]:
        """``words`` and what the vocabulary writes each of them as ("gemeinden" is "kommune"): a word
        list of the code compared with the words of a question, which the vocabulary has rewritten."""
        found = self._written.get(words)
        if found is None:
            found = self._written[words] = words | {w for word in words for w in self.single(word)}
        return found

    def single(self, word: str) -> tuple[str, ...]:
        """One word rewritten on its own (for the parts of a compound)."""
        return self.rewrites.get((word,), (word,))
