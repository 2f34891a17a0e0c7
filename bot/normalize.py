"""Text normalisation shared by the knowledge index and incoming questions.

Both sides pass through the same function, so the folding may be lossy (ä, ae -> a;
ß -> ss) as long as it is consistent: "Lüdenscheid", "Luedenscheid" and "Ludenscheid"
all become ``ludenscheid``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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


def fold(token: str) -> str:
    """Casefold one token and fold umlauts/accents/digraphs to plain ASCII letters."""
    token = token.casefold()
    if not token.isascii():
        token = "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))
        token = token.replace("ß", "ss")
    if "e" in token:
        token = _DIGRAPHS.sub(lambda m: _DIGRAPH_MAP[m.group()], token)
    return token


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
    text = _NOISE.sub(" ", text[: max_chars * 4])
    originals: list[str] = []
    folded: list[str] = []
    length = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        norm = fold(word)
        if not norm.isascii():
            norm = "".join(c for c in norm if c.isascii() and c.isalnum())
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
