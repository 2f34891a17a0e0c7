"""Separable verbs: "Macht Olpe mit?" is "mitmachen", "Nimmt Hemer teil?" is "teilnehmen",
"Wie ging das los?" is "losgehen".

German puts a separable verb's particle at the end of the clause, far from its verb; the
knowledge writes the whole verb ("Welche Kommunen machen mit?" next to "Mitmacherkommunen",
"mitmachen"). Joining them again, in questions and in examples alike, lets both meet.
"""

from __future__ import annotations

import re

#: particle -> (forms of the verb it belongs to, the whole verb)
_VERBS = {
    "mit": (re.compile(r"mach(?:e|st|t|en|te|ten)?|mak(?:e|t|et|en)"), "mitmachen"),  # ("mäkt": Sauerland)
    "teil": (re.compile(r"nehm(?:e|en|t)?|nimm(?:st|t)?|nahm(?:en|st)?"), "teilnehmen"),
    "los": (re.compile(r"geh(?:t|en|st)?|ging(?:en|st)?"), "losgehen"),
    "an": (re.compile(r"f(?:a|ä)ng(?:t|st|en)?|fing(?:en|st)?"), "anfangen"),
    "weiter": (re.compile(r"geb(?:e|en|t)?|gib(?:st|t)?|gab(?:en|st)?"), "weitergeben"),
    "auf": (re.compile(r"z(?:a|ä)hl(?:e|st|t|en|te|ten)?|list(?:e|est|et|en)?"), "aufzahlen"),
}


#: After a particle that ends the clause's core, a phrase may follow ("Macht Dortmund mit bei
#: dem Ganzen?", "welche gemeinde mache alle mit do"); after a preposition "mit", its noun does
#: ("Was macht man mit dem Geld?").
_AFTER_PARTICLE = frozenset("von bei beim in im an am auf aus zu zum zur mit fur uber nach und aber da do".split())


#: A question tag after the particle: "Plettenberg macht das mit oder nicht?", "… mit, oder was?"
_TAGS = frozenset({("oder",), ("oder", "nicht"), ("oder", "was"), ("oder", "wie"), ("oder", "so"), ("oder", "ne"),
                   ("oder", "nee"), ("oder", "nein"), ("ja", "oder"), ("or", "not"), ("or", "no")})


#: ... or another question after "oder": "Macht Kirchhundem auch mit, oder sind wir wieder außen vor?"
_ANOTHER_QUESTION = frozenset("sind sin ist is bin sein haben hat wird werden muss mussen soll sollen gehoren gehort "
                              "bleiben bleibt".split())


#: A letter typed twice by mistake: "Machht Lennestadt mit?" is "macht"
_DOUBLED = re.compile(r"([a-z])\1")


def find(words: list[str]) -> tuple[int, int, str] | None:
    """Where a separable particle and its verb are: (verb index, particle index, the whole verb)."""
    for at in range(len(words) - 1, 0, -1):
        rule = _VERBS.get(words[at])
        if rule is None or (at + 1 < len(words) and words[at + 1] not in _AFTER_PARTICLE
                            and tuple(words[at + 1 : at + 3]) not in _TAGS
                            and not (words[at + 1] == "oder"
                                     and not _ANOTHER_QUESTION.isdisjoint(words[at + 2 : at + 3]))):
            continue
        forms, whole = rule
        for i in range(at - 1, -1, -1):
            if forms.fullmatch(words[i]) or forms.fullmatch(_DOUBLED.sub(r"\1", words[i])):
                return i, at, whole
        return None
    return None


def join(words: list[str]) -> tuple[list[str], int | None]:
    """The clause's folded words with a separable particle joined to its verb before it, and the
    index of the verb (None: nothing joined). "welche kommunen machen mit" -> "welche kommunen mitmachen"."""
    found = find(words)
    if found is None:
        return words, None
    verb, at, whole = found
    return joined(words, verb, at, whole), verb


def joined(items: list[str], verb: int, at: int, whole: str) -> list[str]:
    """``items`` (words, or their originals) with the verb at ``verb`` replaced and the particle at ``at`` gone."""
    return [*items[:verb], whole, *items[verb + 1 : at], *items[at + 1 :]]
