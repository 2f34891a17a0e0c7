"""Text normalisation shared by the knowledge index and incoming questions.

Both sides pass through the same function, so the folding may be lossy (ä, ae -> a;
ß -> ss) as long as it is consistent: "Lüdenscheid", "Luedenscheid" and "Ludenscheid"
all become ``ludenscheid``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from sys import intern
from typing import NamedTuple

# Discord user/role/channel mentions, custom emoji, @everyone/@here and URLs carry no meaning
# for matching; they are removed before tokenising. So is a name typed with "@" ("@Chidi asked what …",
# "die Leitfäden, von denen @Jonas geredet hat"): it says who the writer means, not what they ask.
_NOISE = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b|https?://\S+|(?<![\w.])@[^\W_]+",
                    re.IGNORECASE)
# A token is a run of letters or digits; markdown, punctuation, emoji and zero-width
# characters all fall between tokens.
_TOKEN = re.compile(r"[^\W_]+")
# Combining marks left over by NFKD (the accent of "é", the dots of "ü"), in all their blocks.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

#: Questions are cut to this many characters before matching: nobody asks a 4,000-character
#: question, and the cap keeps the latency bounded for pasted walls of text.
MAX_CHARS = 400


_STRETCHED = re.compile(r"([aeiouy])\1{2,}")

# English "n't": "doesn't" split at the apostrophe would leave "doesn" and "t", rare "words" that
# count against a question; written out ("does not") both halves are everyday words.
_NOT = re.compile(r"\b([A-Za-z]+)n['’]t\b")
_NOT_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}


def _not(match: re.Match[str]) -> str:
    word = match.group(1)
    return _NOT_STEMS.get(word.casefold(), word) + " not"


# ... also written without the apostrophe, as chat does ("i dont know", "it doesnt"): only these
# words, "won't"/"can't" as "wont"/"cant" too ("rant", "want" stay).
_NOT_BARE = re.compile(r"\b(do|does|did|is|are|was|were|ca|wo|could|would|should|have|has|had)nt\b", re.IGNORECASE)


def expand_not(text: str) -> str:
    """Write English negative contractions out: "doesn't" -> "does not", "can't" -> "can not"."""
    if "n'" in text or "n’" in text:
        text = _NOT.sub(_not, text)
    return _NOT_BARE.sub(_not, text) if "nt" in text else text


@lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """Casefold one token and fold umlauts/accents/digraphs to plain ASCII letters."""
    token = token.casefold()
    if not token.isascii():
        token = _COMBINING.sub("", unicodedata.normalize("NFKD", token))
        token = token.replace("ß", "ss")
    if "e" in token:
        # Equivalent to one left-to-right pass over ae|oe|ue: the pairs cannot overlap and a
        # replacement never creates a pair for a later call.
        token = token.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    if _STRETCHED.search(token):  # "dankeee", "hallooo", "soooo": stretched vowels of chat
        token = _STRETCHED.sub(r"\1", token)
    return token


@lru_cache(maxsize=1 << 16)
def _ascii_fold(word: str) -> str:
    norm = fold(word)
    if not norm.isascii():
        norm = "".join(c for c in norm if c.isascii() and c.isalnum())
    return norm


class Tokens(NamedTuple):
    """Original words and their folded forms, index for index (a tuple: cheap to build)."""

    original: tuple[str, ...]
    folded: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.folded)


#: The last texts tokenised: several stages read a message's clauses again.
_recent: dict[tuple[str, int], Tokens] = {}
_RECENT_SIZE = 256


def tokenize(text: str, max_chars: int = MAX_CHARS) -> Tokens:
    """Split ``text`` into words, keeping the original spelling next to the folded one."""
    key = (text, max_chars)
    tokens = _recent.get(key)
    if tokens is None:
        if len(_recent) >= _RECENT_SIZE:
            _recent.clear()
        tokens = _recent[key] = _tokenize(text, max_chars)
    return tokens


def _tokenize(text: str, max_chars: int) -> Tokens:
    text = expand_not(text[: max_chars * 4])
    if "<" in text or "@" in text or "http" in text:
        text = _NOISE.sub(" ", text)
    originals: list[str] = []
    folded: list[str] = []
    length = 0
    for word in _TOKEN.findall(text):
        norm = _ascii_fold(word)
        if not norm:
            continue
        originals.append(word)
        folded.append(norm)
        length += len(norm) + 1
        if length >= max_chars:
            break
    return Tokens(tuple(originals), tuple(folded))


def normalize(text: str) -> str:
    """The folded, space-joined form of ``text`` used for fuzzy matching."""
    return tokenize(text).text


_ASCII_WORD = re.compile(r"[a-z0-9]+")


_EXAMPLE_CACHE_SIZE = 1 << 17
# The examples' words are interned: 80,000 examples use a few thousand distinct words, and one
# string per word instead of one per use keeps about 25 MB less at 100 times the shipped knowledge.
_example_cache: dict[str, Tokens] = {}
_SEPARATOR = "\x00"  # survives casefold and NFKD unchanged, and never occurs in YAML text


def tokenize_example(text: str) -> Tokens:
    """Fast ``tokenize`` for knowledge-base examples (folds the whole string at once).

    Examples carry no mentions or markup, so only the folded words matter; loading and
    indexing both need them, hence the cache. For letters that have no ASCII form (rare
    in German/English) this splits where ``tokenize`` joins; both sides still agree on
    every German and English spelling.
    """
    tokens = _example_cache.get(text)
    if tokens is None:
        words = tuple(map(intern, _ASCII_WORD.findall(fold.__wrapped__(expand_not(text[: MAX_CHARS * 4])))))
        tokens = _remember(text, Tokens(words, words))
    return tokens


def tokenize_examples(texts: Iterable[str]) -> list[Tokens]:
    """``tokenize_example`` for many examples at once: one fold over all of them joined
    (a few C-level string passes instead of one Python call per example)."""
    texts = list(texts)
    missing = [t for t in dict.fromkeys(texts) if t not in _example_cache]
    if missing and not any(_SEPARATOR in t for t in missing):
        folded = fold.__wrapped__(_SEPARATOR.join(expand_not(t[: MAX_CHARS * 4]) for t in missing)).split(_SEPARATOR)
        if len(folded) == len(missing):
            findall = _ASCII_WORD.findall
            for text, folded_text in zip(missing, folded, strict=True):
                words = tuple(map(intern, findall(folded_text)))
                _remember(text, Tokens(words, words))
    return [tokenize_example(t) for t in texts]


def _remember(text: str, tokens: Tokens) -> Tokens:
    if len(_example_cache) >= _EXAMPLE_CACHE_SIZE:  # old knowledge versions after many reloads
        _example_cache.clear()
    _example_cache[text] = tokens
    return tokens


def clear_caches() -> None:
    """Forget all cached foldings (benchmarks measure a cold start with it)."""
    _example_cache.clear()
    _recent.clear()
    fold.cache_clear()
    _ascii_fold.cache_clear()
