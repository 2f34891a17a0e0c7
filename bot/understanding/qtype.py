"""What kind of answer a question asks for: why, when, where, who, how many, how much money.

Question words used to be stopwords, so "warum …" and "wann …" lost what they ask for. Here
they become a feature of their own: each intent learns from its examples which kinds of
questions it answers, and a question of the same kind gets a small bonus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.understanding.frequency import leaning
from bot.understanding.language import GERMAN_MARKERS
from bot.understanding.towns import is_town

QUESTION_TYPES = ("why", "when", "where", "who", "how_many", "how_much", "how", "what", "which", "yes_no")

#: Small counts written out (folded; the vocabulary writes 13 and 14 as digits): "welche fünf Städte"
COUNTS = frozenset("zwei drei vier funf sechs sieben acht neun zehn elf zwolf two three four five six seven eight "
                   "nine ten eleven twelve".split())

_SINGLE = {
    "warum": "why", "wieso": "why", "weshalb": "why", "weswegen": "why", "wozu": "why", "wofur": "why", "why": "why",
    "wann": "when", "when": "when",
    "wo": "where", "woher": "where", "wohin": "where", "where": "where", "wheres": "where",
    "wer": "who", "wem": "who", "wen": "who", "who": "who", "whom": "who", "whos": "who",
    "wieviel": "how_many", "wieviele": "how_many",
    "wie": "how", "how": "how",
    "was": "what", "what": "what", "whats": "what", "worum": "what", "worin": "what",
    "welche": "which", "welcher": "which", "welches": "which", "welchen": "which", "welchem": "which",
    "which": "which",
}
#: After "wie"/"how": a number is asked ("wie viele", "how much", "wie hoch").
_HOW_MUCH = frozenset(("viel", "viele", "many", "much", "hoch"))
#: ... and when money follows, an amount of money ("Wie viel Geld …", "how much funding …"): how much, a
#: kind of its own, so that "Wie viel Geld bekommen die fünf Städte?" asks what the money topic answers,
#: not how many towns there are.
MONEY = frozenset("geld fordergeld fordermittel forderung euro eur millionen million mio millions money funding "
                  "funds grant budget kohle knete zaster".split())
#: Words that say what was said is right ("stimmt das?", "14 Mitmacher, richtig?", "Correct figure?"; the
#: vocabulary writes "true" as "tru")
RIGHT = frozenset("richtig richtige korrekt korrekte correct right true tru wahr stimmt stimmts".split())
#: What something costs ("Was hat die Konferenz gekostet?", Platt "Wat kost dat?")
COST = frozenset("kosten kostet kostete gekostet kost cost costs costed budget budgets etat price prices "
                 "pricing priced eintrittspreis eintrittspreise ticketpreis ticketpreise".split())
_TIME_NOUNS = frozenset("tag datum jahr monat zeitpunkt day date year month".split())
#: After "what"/"which": the reason is asked ("What's the rationale …?", "Welche Gründe …?", "Was ist der Sinn?")
REASON_NOUNS = frozenset("grund grunde grunden begrundung sinn zweck reason reasons rationale reasoning purpose point "
                         "motivation motive".split())
#: ("Heißt das, dass Wenden mitmacht?", "Bedeutet das, …?": yes or no about what it may mean)
_YES_NO = frozenset("ist sind macht machen nimmt nehmen gehort gehoren hat haben heisst bedeutet is are does do "
                    "did dos has have".split())  # ("does" folds as German "oe" does: "dos")
#: Words that only open a question ("wait is bad berleburg in it", "ok und ist Olpe dabei?", "yo was isn
#: das für ein ding"); ``clauses`` reads them too
OPENERS = frozenset("wait ok okay and und also na hmm hm oh ah ach achso btw but aber ahm ahem uhm um umm erm "
                    "sorry yo jo hey hi ey".split())
_INDIRECT_YES_NO = frozenset(("ob", "whether"))  # "ich wüsste gern, ob Ense mitmacht"
#: "What about Hagen?", "Was ist mit Hagen?": no question of its own; it goes on from the one before
_WHAT_ABOUT = (("about",), ("ist", "mit"), ("sieht", "es", "mit"), ("siehts", "mit"), ("sieht", "es", "aus", "mit"),
               ("siehts", "aus", "mit"), ("steht", "es", "mit"),
               ("stehts", "mit"), ("steht", "es", "um"), ("stehts", "um"), ("verhalt", "es", "sich", "mit"),
               # (with the apostrophe: "Wie steht's mit Wenden?", "wie sieht's aus mit …")
               ("steht", "s", "mit"), ("steht", "s", "um"), ("sieht", "s", "mit"), ("sieht", "s", "aus", "mit"))
# ("Wie steht es mit Olsberg?", "Und wie verhält es sich mit Bad Berleburg?")


#: Asking for the day of something: "An welchem Tag genau …?", "What was the exact date …?" (read in
#: the written words: the vocabulary writes "date" as "termin", which is an event as often)
# (folded: "genauen" is "genaun")
DAY_ASKED = re.compile(r"\b(?:an welchem (?:tag|datum)|welches datum|am wievielten|genaue?[nsmr]? (?:datum|tag)|"
                       r"which day|what date|which date|exact date|on what day|"
                       r"(?:day|date) and month|(?:tag|tach) und monat|datum und uhrzeit|date and time|exact day|"
                       r"exakte?[nsr]? datum|mit datum|bitte datum|datum bitte|what day|which exact day|"
                       r"tag und uhrzeit|tt mm jjjj|dd mm yyyy)\b")

#: Asking what part something plays: "Welche Rolle spielt die Rahmenstrategie …?", "Which function do the
#: guides have?" ask what it is and does, no choice among several (read in the written words: the vocabulary
#: drops "Rolle", "Funktion" as chatter)
ROLE_ASKED = re.compile(r"\b(?:welche[nrs]?|which) (?:rolle|funktion|aufgabe|bedeutung|zweck|role|function|purpose|task"
                        r"|significance)\b")

#: Asks for names in full ("mit vollem Namen bitte", "full names please"): in a question who did something,
#: people's names – only a topic whose answer names someone can give them (towns' names are no people's)
FULL_NAMES = re.compile(r"\b(?:mit (?:vollem|vollstandigem|ganzem) namen|(?:vollen|vollstandigen) namen|"
                        r"vor und (?:nachnamen?|zunamen?)|namentlich|full names?|first and last names?)\b")
#: ... and people's names asked whatever the question's type ("the names of the staff")
PEOPLES_NAMES = re.compile(r"\b(?:names? (?:of|der) (?:the |die |den )?(?:\w+ )?(?:people|persons|staff|employees|"
                           r"authors|speakers|organi[sz]ers|mitarbeiter\w*|autor\w*|personen|leute|managers|"
                           r"project managers|leaders|leads|contacts|contact persons|ansprechpartner\w*|"
                           r"projektleiter\w*|leiter\w*))\b")

#: Before "wie", words that make it compare ("das Gleiche wie die Rahmenstrategie?")
_ALIKE = frozenset("gleiche gleich dasselbe derselbe dieselbe genauso ebenso".split())
#: How far a word next to "was" must lean to English (``frequency.leaning``) to make it the English verb
_ENGLISH_NEXT_TO = 0.5
#: ... and how far the word after it may lean to German ("smart city was ist das": German "what")
_GERMAN_NEXT_TO = -0.3
#: Colloquial German "was is(n) …" ("lol was is dat"): "is" next to "was" says nothing of the language
_IS = frozenset("is isn iss isses isset".split())


def english_was(words: Sequence[str], i: int) -> bool:
    """Whether the "was" at ``i`` is the English verb, not German "what": an English word after it and no
    German function word before it ("Menden was number one"), or an English word before it and nothing
    German after it ("the conference was in 2021", "Menden was first"); not "hey was geht", "lol was is dat"."""
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if after in _IS or before in OPENERS:
        return False
    if is_town(after) and not before:
        # (a town after a first "was" is its subject, the next word that leans tells: "Was Menden number one?")
        after = next((w for w in words[i + 2 : i + 5] if leaning(w)), "")
    # (a town before it is its subject, in either language: "Menden was first", "Olpe was geht")
    return (leaning(after) >= _ENGLISH_NEXT_TO and before not in GERMAN_MARKERS) or (
        (leaning(before) >= _ENGLISH_NEXT_TO or is_town(before)) and leaning(after) > _GERMAN_NEXT_TO
        and after not in GERMAN_MARKERS)


def _kind_at(words: Sequence[str], i: int) -> str | None:
    """The question type the word at ``i`` asks for, if it is a question word."""
    word = words[i]
    if word == "was" and english_was(words, i):
        return None
    if word == "wie" and i and words[i - 1] in _ALIKE:
        return None  # "das Gleiche wie", "genauso wie": compares, asks no "how"
    if word in _INDIRECT_YES_NO:
        return "yes_no"
    kind = _SINGLE.get(word)
    if kind is None:
        return None
    if word == "wofur" and i + 1 < len(words) and words[i + 1] in _STANDS:
        return "what"
    if kind in ("what", "how") and any(tuple(words[i + 1 : i + 1 + len(a)]) == a for a in _WHAT_ABOUT):
        return None
    if kind == "how" and i + 1 < len(words) and words[i + 1] in _HOW_MUCH:
        kind = "how_many"
    if kind == "how_many":
        return "how_much" if not MONEY.isdisjoint(words[i + 1 : i + 4]) else kind
    if kind in ("which", "what") and not _TIME_NOUNS.isdisjoint(words[i + 1 : i + 3]):
        return "when"  # "An welchem Tag …?", "In which year …?", "On which exact date …?"
    if kind in ("which", "what") and not REASON_NOUNS.isdisjoint(words[i + 1 : i + 5]):
        return "why"
    if kind == "what" and _what_for(words, i):
        return "why"
    return kind


#: "Wofür steht SCS?": what a name stands for, no purpose (the vocabulary writes "für was" as "wofür")
_STANDS = frozenset("steht stehen stand standen".split())
_FOR_WHAT_MOST = 6  # how many words "what … for" may hold ("what is all this for")


def _what_for(words: Sequence[str], i: int) -> bool:
    """Purpose asked with "what … for" at the end ("what's it all for?")."""
    return words[i] in ("what", "whats") and len(words) - i <= _FOR_WHAT_MOST and words[-1] == "for"


def detect(words: Sequence[str]) -> str | None:
    """The question type of a clause's folded words (the first question word decides)."""
    for i in range(len(words)):
        kind = _kind_at(words, i)
        if kind is not None:
            return kind
    first = opening_word(words)
    if first in _YES_NO or first == "was":
        return "yes_no"  # (also English "was": "Was there a conference in Arnsberg?")
    return None


def opening_word(words: Sequence[str]) -> str | None:
    """The word a clause opens with, past the words that only open it ("ok und ist Olpe dabei?"); None
    for German "was", which asks what ("Was war bei der Konferenz?"), not English "was" ("Was there …?")."""
    at = next((i for i, w in enumerate(words) if w not in OPENERS), None)
    if at is None or (words[at] == "was" and not english_was(words, at)):
        return None
    return words[at]


_AND = frozenset("und and oder or".split())
_PREPOSITION = frozenset("in seit bis ab von aus an fur mit from since until in at for by with".split())


def detect_all(words: Sequence[str]) -> list[str]:
    """Every question type a clause asks for, in order ("Wann und wo war die Konferenz?": when, where):
    its first question word and those after "und"/"and" (with a preposition: "and since when"); not
    one inside the question ("Where can I read what happened?") nor English "was" ("When was …")."""
    kinds: list[str] = []
    for i in range(len(words)):
        kind = _kind_at(words, i)
        if kind is None or kind == "yes_no":
            continue
        before = words[i - 2 : i] if i > 1 and words[i - 1] in _PREPOSITION else words[i - 1 : i]
        if not kinds or (before and before[0] in _AND):
            kinds.append(kind)
    return list(dict.fromkeys(kinds))


def asks_how_many(words: Sequence[str]) -> bool:
    """Whether a number is asked anywhere in ``words``, not only by the first question word
    ("Exactly how many Leitfäden have been published, and what are their titles?")."""
    return any(_SINGLE.get(w) == "how_many" or (_SINGLE.get(w) == "how" and nxt in _HOW_MUCH)
               for w, nxt in zip(words, (*words[1:], ""), strict=True))


def is_yes_no_verb(word: str) -> bool:
    """A verb that asks yes or no when a question begins with it ("Ist Hemer dabei?")."""
    return word in _YES_NO


def is_question_word(word: str) -> bool:
    return word in _SINGLE
