"""Everyday words versus topic words, from a real word-frequency resource.

"Ich bin seit gestern auf dem Discord" is everyday language: those words say nothing about
what is asked and must not count against a question. A rare word the knowledge does not know
("Müllabfuhr", "Parkgebühren") is a real subject the bot cannot answer, and must. The table is
derived from wordfreq (see ``data/README.md`` and ``bench/make_wordfreq.py``).
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

DATA = Path(__file__).parent / "data" / "everyday_words.tsv.gz"

#: At or above this Zipf frequency a word is everyday language and costs nothing ("seit", "gestern").
EVERYDAY_ZIPF = 5.6
#: At or below this Zipf frequency an unknown word is a subject of its own and costs fully.
RARE_ZIPF = 3.6
#: A capitalised word inside a German sentence is a noun: nouns carry the subject, so they cost at least this.
NOUN_COST = 0.75


@cache
def _table() -> dict[str, int]:
    """Folded word -> its Zipf frequency x 10 and its leaning (``leaning``) in one small int: one
    table of some 60,000 words, with its few thousand distinct values shared, keeps memory low."""
    table: dict[str, int] = {}
    values: dict[int, int] = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            word, frequency, towards_english = line.rstrip("\n").split("\t")
            value = int(frequency) << 5 | (int(towards_english) + 10)
            table[word] = values.setdefault(value, value)
    return table


def zipf(word: str) -> float:
    """The Zipf frequency of a folded word in German or English (the higher), 0 if unknown."""
    return (_table().get(word, 0) >> 5) / 10


def leaning(word: str) -> float:
    """How much more often English uses a folded word than German, -1 (German only) .. 1 (English
    only); 0 for words both use alike and for unknown words."""
    value = _table().get(word)
    return 0.0 if value is None else ((value & 31) - 10) / 10


#: A misspelt word is read as the everyday word it misspells when that word is at least this frequent.
MISSPELT_ZIPF = 4.0
#: Only words this long: a shorter one is one letter away from too many others.
MISSPELT_LENGTH = 4


@cache
def _frequent() -> dict[tuple[str, int], tuple[list[str], list[int]]]:
    """The frequent words by first letter and length, with their frequencies."""
    groups: dict[tuple[str, int], tuple[list[str], list[int]]] = {}
    for word, value in _table().items():
        if value >> 5 >= MISSPELT_ZIPF * 10:
            words, values = groups.setdefault((word[0], len(word)), ([], []))
            words.append(word)
            values.append(value >> 5)
    return groups


#: Spoken short forms of German verb prefixes: "rausgekommen" is "herausgekommen", "reinschauen" is
#: "hineinschauen". The table lists such forms as rarer than their verbs are ("rausgekommen" 3.4,
#: "gekommen" 5.1): a verb of everyday talk with a spoken prefix is everyday talk.
_SPOKEN_PREFIXES = ("raus", "rein", "ruber", "runter", "rauf", "rum", "ran")
#: Only with this much verb after the prefix ("rauf|en" is no verb of its own)
_VERB_LENGTH = 5


def _spoken_verb(word: str) -> float:
    """The Zipf frequency of the verb after a spoken prefix ("raus|gekommen"), 0 if there is none."""
    for prefix in _SPOKEN_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _VERB_LENGTH:
            return zipf(word[len(prefix):])
    return 0.0


@lru_cache(maxsize=1 << 14)
def spelt_zipf(word: str) -> float:
    """The Zipf frequency of ``word``, or of the frequent everyday word it misspells by one letter
    (left out, added, changed, or two swapped: "mittlerweie", "prat"), whichever is known. A
    typo of everyday language is everyday language; a rare word the table lacks stays rare."""
    z = max(zipf(word), _spoken_verb(word))
    if z or len(word) < MISSPELT_LENGTH or not word.isalpha():
        return z
    best = 0
    for length in (len(word) - 1, len(word), len(word) + 1):
        words, values = _frequent().get((word[0], length), ((), ()))
        for _, _, i in process.extract(word, words, scorer=OSA.distance, score_cutoff=1, limit=None):
            best = max(best, values[i])
    return best / 10


def unknown_cost(word: str, noun: bool = False, everyday: float = EVERYDAY_ZIPF, rare: float = RARE_ZIPF) -> float:
    """How much a word the knowledge does not know counts against a question, 0..1: nothing for
    everyday words (Zipf >= ``everyday``), fully for rare ones (<= ``rare``), linear between."""
    if word.isdigit():
        return 0.5
    z = spelt_zipf(word)
    cost = min(1.0, max(0.0, (everyday - z) / (everyday - rare)))
    return max(cost, NOUN_COST) if noun else cost
