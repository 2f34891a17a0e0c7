"""Text normalisation shared by the knowledge index and incoming questions.

Both sides pass through the same function, so the folding may be lossy (ä, ae -> a;
ß -> ss) as long as it is consistent: "Lüdenscheid", "Luedenscheid" and "Ludenscheid"
all become ``ludenscheid``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Discord user/role/channel mentions, custom emoji, @everyone/@here and URLs carry no meaning
# for matching; they are removed before tokenising.
_NOISE = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b|https?://\S+", re.IGNORECASE)
# A token is a run of letters or digits; markdown, punctuation, emoji and zero-width
# characters all fall between tokens.
_TOKEN = re.compile(r"[^\W_]+")
_DIGRAPHS = re.compile(r"ae|oe|ue")
_DIGRAPH_MAP = {"ae": "a", "oe": "o", "ue": "u"}

#: Questions are cut to this many characters before matching: nobody asks a 4,000-character
#: question, and the cap keeps the latency bounded for pasted walls of text.
MAX_CHARS = 400


@lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """Casefold one token and fold umlauts/accents/digraphs to plain ASCII letters."""
    token = token.casefold()
    if not token.isascii():
        token = "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))
        token = token.replace("ß", "ss")
    if "e" in token:
        token = _DIGRAPHS.sub(lambda m: _DIGRAPH_MAP[m.group()], token)
    return token


@lru_cache(maxsize=1 << 16)
def _ascii_fold(word: str) -> str:
    norm = fold(word)
    if not norm.isascii():
        norm = "".join(c for c in norm if c.isascii() and c.isalnum())
    return norm


@dataclass(frozen=True, slots=True)
class Tokens:
    """Original words and their folded forms, index for index."""

    original: tuple[str, ...]
    folded: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.folded)


def tokenize(text: str, max_chars: int = MAX_CHARS) -> Tokens:
    """Split ``text`` into words, keeping the original spelling next to the folded one."""
    text = text[: max_chars * 4]
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


@lru_cache(maxsize=1 << 17)
def tokenize_example(text: str) -> Tokens:
    """Fast ``tokenize`` for knowledge-base examples (folds the whole string at once).

    Examples carry no mentions or markup, so only the folded words matter; loading and
    indexing both need them, hence the cache. For letters that have no ASCII form (rare
    in German/English) this splits where ``tokenize`` joins; both sides still agree on
    every German and English spelling.
    """
    folded = fold(text[: MAX_CHARS * 4])
    words = tuple(_ASCII_WORD.findall(folded))
    return Tokens(words, words)
