"""Recognise town names in a question, fuzzily and umlaut-insensitively.

"Ludenscheid", "drolshagn" and "LIPPSTATT" should find their towns, but ordinary words
must not: "wer" is not Werl and "melden" is not Menden. So short names match exactly
only, longer ones tolerate one or two edits, and words the knowledge base itself uses
(or common stopwords) never count as a misspelt town.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from mypy_extensions import mypyc_attr
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.model import Knowledge, short_name
from bot.understanding.frequency import zipf
from bot.understanding.normalize import Tokens, tokenize
from bot.understanding.stopwords import STOPWORDS

#: Nouns that stand for a town without naming one ("meine Stadt", "our town").
PLACE_NOUNS = frozenset("stadt kommune gemeinde ort dorf heimatstadt town city village municipality".split())
#: Stands for any town in the index, so one example ("Ist Attendorn dabei?") covers them all.
TOWN_TOKEN = "zzort"


def town_token(town: str) -> str:
    """The placeholder for one town: ``zzort_badberleburg`` (generic part, then the town)."""
    return TOWN_TOKEN + "_" + "".join(tokenize(town).folded)


def is_town(word: str) -> bool:
    return word.startswith(TOWN_TOKEN)

# Common German words one edit away from a town name.
_NOT_TOWNS = frozenset({"melden", "meldet", "siegel", "sieger", "sonst", "immer", "hemd", "oben", "alpen", "erbitte"})
#: An everyday word is no misspelt town ("halber" is not Halver), nor the first part of one written apart
_EVERYDAY_ZIPF = 3.0


def _max_edits(length: int) -> int:
    if length < 5:
        return 0
    if length < 9:
        return 1
    return 2


#: Parts that towns' names end in, written apart by speech input or a guess at the spelling ("lip stadt")
_NAME_ENDS = frozenset("stadt burg berg bach dorf feld hausen heim scheid hagen born brugge brucke".split())


#: After a verb, a pronoun: "Wat hamm wir davon?", "wie viele hamm sich angeschlossen" ("haben"), not the town Hamm.
_PRONOUNS_AFTER_VERB = frozenset("wir ihr du se sich uns euch".split())


def _a_word_here(words: tuple[str, ...] | list[str], i: int) -> bool:
    """Whether ``words[i]``, spelt like a town, is a verb here: a pronoun follows it."""
    return i + 1 < len(words) and words[i + 1] in _PRONOUNS_AFTER_VERB


@mypyc_attr(native_class=False)  # a plain class, so it pickles with the index (compiled.py)
@dataclass(frozen=True)
class TownMatch:
    town: str  # canonical name as written in the knowledge base
    start: int  # token index
    end: int  # exclusive


_DEMONYM_ENDINGS = ("anerinnen", "anerin", "anern", "aner", "erinnen", "erin", "ern", "er", "r")


@mypyc_attr(native_class=False)  # a plain class, so it pickles with the index (compiled.py)
class TownFinder:
    def __init__(self, knowledge: Knowledge, vocabulary: Collection[str] = ()):
        self._names: dict[str, str] = {}  # folded name -> canonical town
        covered: set[str] = set()
        for town in knowledge.towns:
            self._names[tokenize(town).text] = town
            for alias in knowledge.aliases.get(town, ()):
                self._names[tokenize(alias).text] = town
            covered.add(knowledge.place_of(town) or town)
        for place in knowledge.region:  # the region's other municipalities, by official and short name
            if place not in covered:
                for name in (place, short_name(place)):
                    self._names.setdefault(tokenize(name).text, place)
        for place in knowledge.outside:  # well-known places outside the region
            self._names.setdefault(tokenize(place).text, place)
        # A locality stands for its municipality ("Ist Neheim dabei?" asks about Arnsberg), by the
        # name the finder gives that municipality (a group member's own name where it is one).
        named = {knowledge.place_of(town) or town: town for town in knowledge.towns}
        self.localities: dict[str, str] = {}  # folded locality -> its name as the knowledge writes it
        for locality, place in knowledge.localities.items():
            folded = tokenize(locality).text
            if folded not in self._names:
                self._names[folded] = named.get(place, place)
                self.localities[folded] = locality
        self._choices = list(self._names)
        self.first_words = frozenset(n.split()[0] for n in self._names)
        self._max_words = max((n.count(" ") + 1 for n in self._names), default=1)
        self.vocabulary = frozenset(vocabulary)
        self.name_words = frozenset(w for n in self._names for w in n.split())  # (also for ``language.detect``)
        self._cache: dict[tuple[str, bool], str | None] = {}

    def __getstate__(self) -> dict[str, object]:
        """Without the cache of lookups (filled while answering, see ``Index.__getstate__``)."""
        return {**self.__dict__, "_cache": {}}

    def is_name(self, word: str) -> bool:
        """Whether a folded word is (part of) a town name or alias."""
        return word in self.name_words

    def _lookup(self, phrase: str, fuzzy: bool = True) -> str | None:
        key = (phrase, fuzzy)
        if key in self._cache:
            return self._cache[key]
        if len(self._cache) > 1 << 15:
            self._cache.clear()
        town = self._cache[key] = self._lookup_uncached(phrase, fuzzy)
        return town

    def _lookup_uncached(self, phrase: str, fuzzy: bool) -> str | None:
        exact = self._names.get(phrase)
        if exact is not None or not fuzzy:
            return exact
        for ending in _DEMONYM_ENDINGS:  # "Mendener", "Olperin", "Siegenern": the town's people
            base = phrase[: -len(ending)]
            if phrase.endswith(ending) and len(base) >= 4 and " " not in phrase and base in self._names:
                return self._names[base]
        if phrase in STOPWORDS or phrase in _NOT_TOWNS or phrase in self.vocabulary or zipf(phrase) >= _EVERYDAY_ZIPF:
            return None  # an everyday word is not a misspelt town ("halber" is not Halver)
        edits = _max_edits(len(phrase))
        if not edits:
            return None
        best = process.extractOne(phrase, self._choices, scorer=Levenshtein.distance, score_cutoff=edits)
        if best is None or best[0][0] != phrase[0]:
            return None
        return self._names[best[0]]

    def _one_off(self, phrase: str, town: str) -> bool:
        """Whether ``phrase`` is at most one letter off a name of ``town``."""
        return any(Levenshtein.distance(phrase, name, score_cutoff=1) <= 1
                   for name, named in self._names.items() if named == town)

    def find(self, tokens: Tokens, fuzzy: bool = True) -> list[TownMatch]:
        """Towns in ``tokens``, longest phrase first, without overlaps (``fuzzy``: allow typos)."""
        words = tokens.folded
        found: list[TownMatch] = []
        # A writer who capitalises names mid-sentence writes a misspelt town capitalised too: a
        # lower-case word of theirs is no town ("from the Berlin funding handover" is no Hannover).
        originals = tokens.original
        cased = len(originals) == len(words) and any(o[:1].isupper() for o in originals[1:])
        i = 0
        while i < len(words):
            if not fuzzy and words[i] not in self.first_words:
                i += 1
                continue
            # A name written apart is the town ("Lüden Scheid", "lipp stadt"), spelt exactly so, of two
            # real parts ("wie'n" is no Wien).
            if i + 1 < len(words) and min(len(words[i]), len(words[i + 1])) >= 3 \
                    and (joined := self._names.get(words[i] + words[i + 1])) is not None:
                found.append(TownMatch(joined, i, i + 2))
                i += 2
                continue
            # A name of several words is looked for only where its first word is ("bad berleburg").
            longest = min(self._max_words, len(words) - i) if words[i] in self.first_words else 1
            for size in range(longest, 0, -1):
                typo = fuzzy and size == 1 and not (cased and originals[i][:1].islower())
                if size == 1 and _a_word_here(words, i):
                    continue
                town = self._lookup(" ".join(words[i : i + size]), typo)
                if town is not None:
                    found.append(TownMatch(town, i, i + size))
                    i += size
                    break
            else:
                # ... and misspelt, as speech input writes it ("ist attent dorn dabei"): a rare first part
                # (not a lower-case word of a writer who capitalises names)
                # (an everyday first part too, one letter off, before a part towns' names end in: "winter burg",
                # "lip stadt"; not "im alten Dorf")
                if fuzzy and i + 1 < len(words) and min(len(words[i]), len(words[i + 1])) >= 3 \
                        and not (cased and originals[i][:1].islower()) and words[i] not in STOPWORDS \
                        and words[i + 1] not in STOPWORDS \
                        and (zipf(words[i]) < _EVERYDAY_ZIPF or words[i + 1] in _NAME_ENDS) \
                        and (town := self._lookup(words[i] + words[i + 1])) is not None \
                        and (zipf(words[i]) < _EVERYDAY_ZIPF or self._one_off(words[i] + words[i + 1], town)):
                    found.append(TownMatch(town, i, i + 2))
                    i += 2
                    continue
                i += 1
        return found

    @staticmethod
    def mask(tokens: Tokens, matches: list[TownMatch]) -> list[str]:
        """The folded words with every town replaced by its placeholder token (``town_token``)."""
        words = list(tokens.folded)
        for match in reversed(matches):
            words[match.start : match.end] = [town_token(match.town)]
        return words


def district_patterns(knowledge: Knowledge) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The region's districts as people write them, over folded text: "Kreis Olpe", "des Kreises
    Soest", "im Märkischen Kreis", "Hochsauerlandkreis", "Siegen-Wittgenstein"."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for district in sorted(set(knowledge.region.values())):
        words = tokenize(district).folded
        if len(words) > 1 and words[0] == "kreis":
            rest = " ".join(words[1:])
            forms = [rf"kreis(?:es)? {rest}", *([rest] if len(words) > 2 else [])]
        elif len(words) > 1 and words[-1] == "kreis":
            adjective = words[0][:-2] if words[0].endswith("er") else words[0]
            forms = [rf"{adjective}\w* kreis(?:es)?"]
        else:
            forms = [" ".join(words) + ("(?:es)?" if words[-1].endswith("kreis") else "")]
        out.append((district, re.compile(r"\b(?:" + "|".join(forms) + r")\b")))
    return tuple(out)
