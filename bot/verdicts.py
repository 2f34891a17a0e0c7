"""Yes or no before the answer to a claim: "Gab es 10 Millionen?" – "Nein. … 13 Millionen Euro …".

A yes/no question or a claim to be checked ("Menden ist auf Platz 3 gelandet, stimmt das?") is answered
with the topic's answer; the numbers the writer states are compared with the numbers of that answer, so
the reply says first whether the claim holds. Only numbers: where a number of the same kind (a year, or
a count) is in the answer and the stated one is not, the claim is wrong; a year after every year the
answer names is one the page cannot know about, and gets no verdict. German answers "Doch" where a
negated question ("Ist Soest keine Pionierkommune?", "Gab es nicht 13 Millionen?") is answered yes.
Numbers that hold, said of a town the answer does not name where it names others ("Die Konferenz war
2021 in Olpe, oder?"), are no claim that holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.model import short_name
from bot.understanding import clauses, qtype
from bot.understanding.normalize import tokenize
from bot.understanding.pipeline import Parse

#: Number words a writer uses for counts (folded); "ein/eine/one" are articles more often than numbers.
_CARDINALS = {
    "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwolf": 12, "dreizehn": 13, "vierzehn": 14, "funfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20,
}
#: Ordinals and "one" count as a rank only next to a word of rank ("ersten Platz", "number one").
_RANKED = {
    "erste": 1, "ersten": 1, "erster": 1, "erstes": 1, "first": 1, "eins": 1, "one": 1, "zweite": 2,
    "zweiten": 2, "zweiter": 2, "second": 2, "dritte": 3, "dritten": 3, "dritter": 3, "third": 3,
    "vierte": 4, "vierten": 4, "fourth": 4, "funfte": 5, "funften": 5, "fifth": 5,
}
_RANK_WORDS = frozenset("platz rang position nummer number place rank spot".split())
#: German words of negation: "Ja" to a negated question would agree with the negation.
_NEGATIONS = frozenset("nicht nich net nit ned kein keine keinen keiner keinem keines".split())
_DIGITS = re.compile(r"\d{1,4}")
_BILLION = frozenset("milliarde milliarden mrd mia billion billions bn".split())
_BILLIONS = 1_000_000_000
#: A count after one of these refers to something known ("Wurden die 13 Millionen schon ausgegeben?"):
#: the question is about it, not whether the number holds.
_REFERRING = frozenset("der die das den dem des the these those diese dieser diesen diesem other others andere anderen "
                       "anderer restlichen ubrigen weiteren remaining".split())
#: A count of the answer's form, not of its subject ("in zwei, drei Sätzen", "in 2-3 lines")
_FORM = frozenset("satz satze satzen zeile zeilen worte worten wortern absatz absatzen stichpunkte punkten sentence "
                  "sentences line lines word words paragraph paragraphs bullet bullets points minuten minutes".split())
_NAMED = (["fur"], ["for"])
#: What may stand between such a count and its noun ("zwei, drei Sätze", "2 or 3 lines")
_BETWEEN = frozenset("oder or und and bis to".split())
#: Verbs that ask whether something is or was so ("Gab es 13 Millionen?", "Sind es 14?"): a number
#: found in the answer confirms such a question; after other verbs ("Kann man …", "Hat Olpe … ausgegeben?")
#: the number is only part of what is asked, and a yes would claim more than the answer says.
BEING = frozenset("ist sind war waren gibt gab gabs is are was were stimmt stimmts".split())


def stated_numbers(words: Sequence[str]) -> set[int]:
    """The numbers a question states in its folded words: digits and number words (not after an article
    that refers back), and ranks said in words ("den ersten Platz", "number one")."""
    found: set[int] = set()
    for i, word in enumerate(words):
        # (nor the number of the model project's name, "5 für Südwestfalen", "five for …")
        referred = (i > 0 and words[i - 1] in _REFERRING) or _of_form(words, i) or words[i + 1 : i + 2] in _NAMED
        # (a thousand times more after it, "13 Milliarden": a number no answer states, the knowledge's
        # amounts are millions)
        scale = _BILLIONS if words[i + 1 : i + 2] and words[i + 1] in _BILLION else 1
        if _DIGITS.fullmatch(word) and not referred:
            found.add(int(word) * scale)
        elif word in _CARDINALS and not referred:
            found.add(_CARDINALS[word] * scale)
        elif word in _RANKED and not _RANK_WORDS.isdisjoint(words[max(i - 1, 0) : i + 2]):
            found.add(_RANKED[word])
    return found


def _of_form(words: Sequence[str], i: int) -> bool:
    """Whether the number at ``i`` counts the answer's form ("zwei, drei Sätzen", "a paragraph or two"): a
    noun of form next to it, with only numbers and "oder"/"bis" between."""
    for near in (words[i + 1 : i + 4], words[max(i - 3, 0) : i][::-1]):  # (also before: "a paragraph or two")
        for word in near:
            if word in _FORM:
                return True
            if not (word.isdigit() or word in _CARDINALS or word in _BETWEEN):
                break
    return False


def _is_year(n: int) -> bool:
    return 1900 <= n <= 2099


def answer_numbers(text: str) -> set[int]:
    """The numbers an answer states (as digits, the way the knowledge writes them)."""
    return {int(n) for n in re.findall(r"(?<![\d.,])\d{1,4}(?![\d])", text)}


def verdict(stated: Iterable[int], answered: set[int], may_confirm: bool = True) -> str | None:
    """"no" when the stated numbers the answer can judge are not in it; "yes" when they all are (only
    where ``may_confirm``: the question asks whether it is so, ``BEING``); else None."""
    judged = confirmed = contradicted = False  # (judged: the answer has a number of the kind)
    for n in stated:
        if n in answered:
            judged = confirmed = True
            continue
        same_kind = [m for m in answered if _is_year(m) == _is_year(n)]
        if not same_kind:
            continue
        if _is_year(n) and n > max(same_kind):
            return None  # a year after what the page tells of: it cannot say
        judged = contradicted = True
    if not judged or (confirmed and contradicted):
        return None  # (both: a choice offered, "14 oder 15?", or a claim half right – the answer tells)
    return "no" if contradicted else "yes" if may_confirm else None


def negated(words: Sequence[str]) -> bool:
    """Whether a clause's folded words negate it in German ("Ist Soest keine Pionierkommune?"); not the
    choice offered at its end ("Ist Olpe dabei oder nicht?": "Ja")."""
    return any(w in _NEGATIONS and not (i and words[i - 1] in ("oder", "or")) for i, w in enumerate(words))


@dataclass(frozen=True)
class Claim:
    """What a question claims, to be judged by the topic's answer."""

    numbers: frozenset[int]  # the numbers it states (``stated_numbers``)
    may_confirm: bool  # it asks whether it is so: a "yes" says no more than the answer (``verdict``)
    person: str = ""  # who it claims did it ("Did Angela Merkel hand over …?", ``Parse.claimed_person``)
    towns: tuple[str, ...] = ()  # the towns the clauses that claim it name ("… 2021 in Olpe, oder?")


def claim_of(p: Parse) -> Claim | None:
    """The claim of a yes/no question or of a claim to be checked, if it states a number or a person: the
    numbers of the clause that asks, else of the claim, else – where the writer asks whether it is so
    ("13 Millionen – stimmt das?") – of what they said before it."""
    asking = [i for i in p.kept if p.clauses[i].question]
    verb = _yes_no_verb(tokenize(p.clauses[asking[0]].text).folded) if asking else None
    if not (p.qtype == "yes_no" or p.checks or verb):
        return None
    if p.claimed_person:
        return Claim(frozenset(), False, p.claimed_person)
    # (what "stimmt das?" is about: what was said before it, also right before it where that was no question)
    before = sorted({i for i in p.kept if i < asking[0]} | {asking[0] - 1}) if p.checks and asking and asking[0] \
        else []
    for group in (asking, p.claims, before):
        # (not the numbers of a clause that asks what, which or who: "Which five towns are it?")
        written = [tokenize(p.clauses[i].text).folded for i in group]
        stated = stated_numbers([w for words in written if _yes_no_verb(words)
                                 or qtype.detect(words) in (None, "yes_no") for w in words])
        if stated:
            said = f" {' '.join(w for words in written for w in words)} "
            towns = tuple(town for town in map(short_name, p.towns) if f" {' '.join(tokenize(town).folded)} " in said)
            return Claim(frozenset(stated), p.checks or verb in BEING, towns=towns)
    return None


def town_verdict(claimed: Sequence[str], text: str, towns: Iterable[str]) -> str | None:
    """"no" when the claim names a town the answer does not, where the answer names another of the
    region's towns ("Die Konferenz war 2021 in Olpe, oder?" – it was in Arnsberg); else None: an
    answer that names no town cannot judge where."""
    if not claimed or all(town in text for town in claimed):
        return None
    return "no" if any(town in text for town in towns) else None


def _yes_no_verb(words: Sequence[str]) -> str | None:
    """The verb a clause opens with when it asks yes or no ("Gab es 2021 …, wo …?"); not German "was"
    ("Was war bei der Konferenz 2021?")."""
    first = qtype.opening_word(words)
    return first if first is not None and clauses.begins_yes_no(first) else None


def negated_question(p: Parse) -> bool:
    """Whether a clause that asks negates the question ("Ist Soest keine Pionierkommune?")."""
    return any(negated(tokenize(p.clauses[i].text).folded) for i in p.kept if p.clauses[i].question)
