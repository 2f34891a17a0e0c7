"""Word stems: Snowball for German and English, so "Förderung", "gefördert" and "fördern" meet.

Questions mix the two languages ("Welche Mitmacherkommunen are there?"), so every word is
stemmed both ways and both stems are looked up; the German stem is the one used for the
fuzzy string comparison, where only consistency between question and examples matters.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

_DE = snowballstemmer.stemmer("german")
_EN = snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The German Snowball stem of a folded word (digits stay as they are)."""
    if len(word) <= 3 or word.isdigit() or word.startswith("zzort"):
        return word
    return _DE.stemWord(word)


@lru_cache(maxsize=1 << 16)
def keys(word: str) -> tuple[str, ...]:
    """The stems under which a word is looked up: German, and English where it differs."""
    if len(word) <= 3 or word.isdigit() or word.startswith("zzort"):
        return (word,)
    de = stem(word)
    en = _EN.stemWord(word)
    return (de,) if en == de else (de, en)
