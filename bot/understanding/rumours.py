"""A rumour, then "what is it really?": the question is what the rumour's subject is.

"Guy at work says Smart Cities Südwestfalen is basically a startup selling sensors. What is it really?",
"Smart City heißt doch, dat überall Kameras hängen, woll? Oder wat bedeutet dat genau?". The words of
the rumour ("startup", "sensors", "Kameras") are the writer's hearsay, not what is asked; scored as a
bag they drown the subject, and the message falls back. The last question asks only what "it" is, with
pronouns and particles; the thing it points back at is the subject of the claim before it, the words
right before the claim's verb ("… Südwestfalen is …", "„Smart Cities: Schule“ sei …"). That subject,
asked on its own ("Was ist Smart Cities Südwestfalen?"), is the question – when the bot knows it
outright (every word known, answered). Only a message that otherwise falls back is looked at: one the
bot understood as a whole keeps its answer.

The subject may also be said alone before the guess ("Smart City – heißt das, dass an jeder Ecke eine Kamera
hängt? Oder was versteht man darunter?"), and the last question may point back at it with other function
words than "what is it" ("Fünf Pionierkommunen. Lass mich raten: die üblichen Verdächtigen? Welche sind es?",
"Die Rahmenstrategie (ist das so etwas wie ein Masterplan?) – wofür ist die gedacht?"): then that question is
asked of the subject ("welche sind es – fünf Pionierkommunen").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.understanding.decisions import answer_first
from bot.understanding.index import Index
from bot.understanding.settings import MatcherSettings
from bot.understanding.stopwords import STOPWORDS
from bot.understanding.towns import is_town

if TYPE_CHECKING:
    from bot.understanding.pipeline import Parse

#: The verbs a claim says what its subject is with (as the vocabulary writes them: "is" is "ist")
CLAIM_VERBS = frozenset("ist sei ware heisst bedeutet means sind are".split())
#: The words a question that only asks what "it" is may have, and nothing else: "What is it really?",
#: "Oder wat machen die da wirklich?", "worum geht es da eigentlich?", "was bedeutet das genau?"
_WHAT = frozenset("was what worum".split())
# (the vocabulary writes "dat" as "das")
_POINTING = frozenset("das es it that this die they dies da darunter them".split())
_BE = frozenset("ist is sind are".split())
_DOING = frozenset("bedeutet heisst means mean machen macht tun tut geht um about versteht".split())
_ABOUT_IT = _BE | _DOING | frozenset("do does dos".split())  # ("dos" is "does" folded)
_PARTICLES = frozenset("denn eigentlich genau wirklich really actually exactly then dann nun oder or so uberhaupt "
                       "nochmal also und and but aber man".split())
_ASKS_WHAT_IT_IS = _WHAT | _POINTING | _ABOUT_IT | _PARTICLES
#: At most this many words before the claim's verb name its subject ("smart cities schule sei")
SUBJECT_WORDS = 3
#: The words a question that points back at a thing said before may begin with ("Welche sind es?",
#: "wofür ist die gedacht?", "Worum ging's da?") ...
_ASKING = frozenset("welche welcher welches wer wann wo woher worum wofur wozu wie which who when where what".split())
#: ... and the words it may have besides function words
_BACK = _ASKS_WHAT_IT_IS | frozenset("gedacht ging gings s meant for".split())


def asks_what_it_is(words: list[str]) -> bool:
    """A question of pronoun, verb and particles only, that asks what the thing pointed at is (not
    whether it is so: "Is it?", "Ist das so?")."""
    return bool(words) and all(w in _ASKS_WHAT_IT_IS for w in words) and not _POINTING.isdisjoint(words) \
        and not (_WHAT | _DOING).isdisjoint(words) and words[0] not in _ABOUT_IT - _DOING


def points_back(words: list[str]) -> bool:
    """A question of function words only that asks something of a thing it points back at ("Welche sind es?",
    "wofür ist die gedacht?"): it has no subject of its own."""
    return bool(words) and words[0] in _ASKING and not _POINTING.isdisjoint(words[1:]) \
        and all(w in _BACK or w in STOPWORDS for w in words)


#: The words a name said alone may have besides its own
_ARTICLES = frozenset("der die das den dem des ein eine einen diese dieser dieses the a an this these".split())


def said_alone(words: list[str], ix: Index) -> list[str]:
    """A name said on its own as a clause ("Smart City –", "Fünf Pionierkommunen."), not a town's: no words
    but its own, each known, and an article (not "ist auch nicht smart", "like a conference")."""
    said = [w for w in words if w not in _ARTICLES]
    if not said or len(said) > SUBJECT_WORDS or any(w in STOPWORDS or is_town(w) or not ix.knows(w) for w in said):
        return []
    return [" ".join(said)]


def subjects(words: list[str]) -> list[str]:
    """What a claim may be about, longest first: the last words before its first verb, as the vocabulary
    wrote them ("… says smartcitiessudwestfalen ist …": "says smartcitiessudwestfalen", then
    "smartcitiessudwestfalen")."""
    at = next((i for i, w in enumerate(words) if i and w in CLAIM_VERBS), 0)
    if not at or any(is_town(w) for w in words[max(0, at - SUBJECT_WORDS) : at]):
        return []
    return [" ".join(words[start:at]) for start in range(max(0, at - SUBJECT_WORDS), at)]


def rumours_subject(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """See the module: a message that falls back, whose last question asks what "it" is after a claim
    (or asks of a thing said before it), is asked about the claim's subject (or that thing), when the bot
    knows that outright."""
    if p.settled or p.decision != "fallback" or len(p.clauses) < 2:
        return
    asking = [i for i, c in enumerate(p.clauses) if c.question and p.clause_words[i][0]]
    if not asking or asking[-1] == 0:
        return
    last = p.clause_words[asking[-1]][0]
    what_it_is = asks_what_it_is(last)
    if not what_it_is and not points_back(last):
        return
    from bot.understanding import pipeline  # the subject is asked on its own

    for j in range(asking[-1]):
        words = p.clause_words[j][0]
        for subject in subjects(words) + ([] if p.clauses[j].question else said_alone(words, ix)):
            trial = pipeline.run(f"Was ist {subject}?" if what_it_is else f"{' '.join(last)} {subject}?", ix, s)
            if trial.decision == "answer" and trial.intent is not None and trial.coverage >= 1.0 \
                    and trial.intent not in ix.slot_intents:
                answer_first(p, trial.intent, trial.ranked[0][1] if trial.ranked else s.threshold,
                             f"it asks what '{subject}' really is, after a claim about it" if what_it_is else
                             f"it asks '{' '.join(last)}' of '{subject}', said before it")
                p.settled = True
                return
