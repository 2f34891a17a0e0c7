"""Find the intent a question asks for, with a confidence in [0, 1].

The work is done by the stages of ``pipeline.STAGES`` over an ``Index`` of the knowledge (the
decision stages about towns and greetings are in ``decisions``); this module keeps the small
interface the answerer uses and splits a message into its separate questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.loader import paused_gc
from bot.model import Knowledge
from bot.understanding import clauses, compiled, pipeline, qtype
from bot.understanding.index import Index
from bot.understanding.normalize import Tokens, tokenize
from bot.understanding.settings import MatcherSettings
from bot.understanding.stopwords import STOPWORDS
from bot.understanding.towns import is_town

__all__ = ["Match", "Matcher", "MatcherSettings"]


#: Whom a request to tell is for, after its verb: "… explain to me", "… erklären Sie uns bitte"
_TO_ME = frozenset("to me us for mir uns bitte please mal ma".split())


@dataclass(frozen=True)
class Match:
    """The outcome of matching one question."""

    intent: str | None  # None: fall back (or ask back, see ``decision``)
    confidence: float
    ranked: list[tuple[str, float]]  # best first, the top intents
    towns: list[str] = field(default_factory=list)
    place: str | None = None  # an unknown place name in a membership question
    coverage: float = 1.0
    tokens: Tokens | None = None
    decision: str = "answer"  # answer | clarify | fallback
    parse: pipeline.Parse | None = None

    def suggestions(self, settings: MatcherSettings, exclude: tuple[str, ...] = ()) -> list[str]:
        return [
            intent for intent, score in self.ranked
            if score >= settings.suggest_threshold and intent not in exclude
        ][: settings.max_suggestions]


#: A part that begins by comparing ("So wie Digital Jetzt?", "such as LEADER?") goes on from the one before.
_COMPARING = frozenset({("so", "wie"), ("genau", "wie"), ("such", "as")})


_LEAD_IN_WORDS = 5


_KEYWORD_WORDS = 2


def _choice_about_it(text: str) -> bool:
    """'What role does Arnsberg play? Is it a Pionierkommune or a Mitmacher town?': a yes/no question
    about "it" that offers a choice is about the town named before it, not a question of its own."""
    folded = tokenize(text).folded
    return len(folded) > 3 and folded[0] in pipeline.YES_NO_VERBS and folded[1] in pipeline.POINTING_WORDS \
        and not clauses.OR.isdisjoint(folded[3:])


def _keyword_only(text: str) -> bool:
    """A part of a word or two and no question word: "Wissenstransfer?", "Meilensteine?"; also with
    function words around it ("to the euro?", "Gibt es Förderung?"), unless it adds a question of its
    own with "and" ("Und die Leitfäden?")."""
    words = tokenize(text).folded
    content = [w for w in words if w not in STOPWORDS]
    return 0 < len(content) <= _KEYWORD_WORDS and len(words) <= 2 * _KEYWORD_WORDS \
        and not any(map(qtype.is_question_word, words)) and (len(content) == len(words) or words[0] not in clauses.AND)


#: After a reason, where it is: "the reason behind", "der Grund dahinter"
_BEHIND = frozenset("behind dahinter dafur".split())
#: Whether it is so ("Is this true?", "Stimmt das?", "Is that right?")
_CONFIRMING = pipeline.CONFIRMING | {"right"}
#: "Und von wie vielen?": the words that join a question to the one before it
_JOINING = clauses.AND | {"oder", "or"}


def _restates(text: str) -> bool:
    """Whether a clause ends saying it means the question before it once more ("…, mein ich", "… I mean")."""
    words = tokenize(text).folded
    return tuple(words[-2:]) in pipeline.I_MEAN


#: "Wat kriegen die dafür? Also wie viel Geld gibt's …?": German "also" (not English "Also, …") opens the
#: question once more, in other words
_ALSO = re.compile(r"\s*also\b(?!\s*,)", re.IGNORECASE)


def _says_again(text: str) -> bool:
    """Whether a clause opens saying it asks the question before it once more ("Also …", "Ich meine, …")."""
    return bool(_ALSO.match(text)) or tuple(tokenize(text).folded[:2]) in pipeline.I_MEAN


def only_towns(words: list[str]) -> bool:
    """Whether a clause names nothing but towns ("Wat is mit Menden?")."""
    content = [w for w in words if w not in STOPWORDS and not qtype.is_question_word(w)]
    return bool(content) and all(map(is_town, content))


class Matcher:
    def __init__(self, knowledge: Knowledge, settings: MatcherSettings | None = None):
        with paused_gc():
            self.settings = settings or MatcherSettings()
            self.index = compiled.index_for(knowledge) or Index(knowledge)
        self.towns = self.index.towns
        self.texts = self.index.texts
        self.intent_ids = self.index.intent_ids
        self.slot_intents = self.index.slot_intents

    def parse(self, question: str) -> pipeline.Parse:
        return pipeline.run(question, self.index, self.settings)

    def match(self, question: str) -> Match:
        p = self.parse(question)
        return Match(p.intent, p.ranked[0][1] if p.ranked else 0.0, p.ranked, p.towns, p.place, p.coverage,
                     p.tokens, p.decision, p)

    def questions_of(self, match: Match) -> list[str]:
        """The separate questions of a message: its asking clauses that each name something the
        knowledge knows, or a town ("Ist X dabei? Und Y?"). One or none: the message is one question."""
        p = match.parse
        if p is None or len(p.clauses) < 2 or p.whole_only:
            return []
        asking = [i for i in p.kept if p.clauses[i].question
                  and any(w not in STOPWORDS for w in p.clause_words[i][0]) and not self._leads_in(p, i)]
        # A part of everyday words only ("… and how much does it cost?") goes on with the one
        # before it, and a first part that points back ("Was ist das für ein Projekt?") with the
        # talk before it; a part with a subject of its own, known or not ("und wie wird das Wetter?"), stands.
        evident = {i for i in asking if pipeline.evidence(p.clause_words[i][0], self.index)}
        asking = [i for n, i in enumerate(asking) if (i in evident or self._own_subject(*p.clause_words[i]))
                  and not (self._follows_on(p.clause_words[i][0], p.clauses[i].text) and (n or any(
                      pipeline.evidence(p.clause_words[j][0], self.index) for j in range(i))))
                  and not (n and _choice_about_it(p.clauses[i].text) and any(
                      is_town(w) for w in p.clause_words[asking[n - 1]][0]))
                  # ("Leitfäden im Modellprojekt – Zweck? Wissenstransfer?": a keyword after a question
                  # says what it is about)
                  and not (n and i in evident and _keyword_only(p.clauses[i].text)
                           and not any(map(is_town, p.clause_words[i][0])))]  # ("… dabei? Und Olpe?")
        # ("Wat is mit Menden? De sollt ne Uuszeichnung kriegen hebben?": a part that only names a town
        # leads in to the question about it that follows, which names no town of its own, when the
        # message as a whole is understood)
        towns_only = [i for i in asking if only_towns(p.clause_words[i][0])] if p.decision == "answer" else []
        if towns_only and len(towns_only) < len(asking) and towns_only[-1] < max(asking) and not any(
                is_town(w) for j in asking if j not in towns_only for w in p.clause_words[j][0]):
            asking = [i for i in asking if i not in towns_only]
        # ("Was sind das für Leitfäden, und wer darf sie nutzen? Nur die beteiligten Städte oder auch andere?":
        # an answer the writer offers, or a guess, that the message as a whole reads as no subject asks nothing)
        spans = pipeline.clause_spans(p)
        if len(spans) == len(p.kept):
            offered = {i for i, (start, end) in zip(p.kept, spans, strict=True)
                       if end > start and all(j in p.alternatives for j in range(start, end))}
            asking = [i for n, i in enumerate(asking) if not (n and i in offered)]
        # ("So there are model towns and Mitmacherkommunen? What's the deal with the five model towns?":
        # a claim asked before the question is what the writer assumes, not a question of its own)
        if len(asking) > 1 and asking[-1] not in p.claims:
            asking = [i for i in asking if i not in p.claims]
        if len(asking) < 2 or evident.isdisjoint(asking):
            return []
        # ("Wer is denn da alles dabei? Welche Städte, mein ich.": the question once more, in other words)
        if any(_restates(p.clauses[j].text) for j in range(asking[1], len(p.clauses))) \
                or any(_says_again(p.clauses[j].text) for j in asking[1:]):
            return []
        return [p.clauses[i].text for i in asking]

    def _leads_in(self, p: pipeline.Parse, i: int) -> bool:
        """A short question that ends with a colon introduces the one after it: "Was meinst du ganz
        persönlich: War Seehofer ein guter Innenminister?" is one question (not a long one before a
        keyword: "… angeführt (Stichwort: Anschluss-Verlust)?"). So does one that asks only for
        something the knowledge does not cover, the bot's opinion: "What's your honest opinion – are
        smart cities just a polite word for surveillance?". So does a request to tell what the question
        after it asks: "Könnten Sie mir bitte erklären, was man unter Smart City versteht?"."""
        # (as written: the vocabulary may drop the verb as chatter, "Könnten Sie mir bitte einmal erzählen")
        written = tokenize(p.clauses[i].text).folded \
            if i + 1 < len(p.clauses) and not clauses.TELL.isdisjoint(p.tokens.folded) else ()
        # (also with a word after the verb: "Erklären Sie mir bitte, was …"; past an aside dropped as chatter:
        # "… if you could explain to me, in plain terms, what this initiative is")
        after = next((j for j in range(i + 1, len(p.clauses)) if j in p.kept and p.clause_words[j][0]), i + 1) \
            if written else i + 1
        while written and written[-1] in _TO_ME:
            written = written[:-1]  # ("… if you could explain to me, in plain terms, what …")
        if written and (written[-1] in clauses.TELL
                        or len(written) <= _LEAD_IN_WORDS and not clauses.TELL.isdisjoint(written)) \
                and p.clause_words[after][0] and qtype.is_question_word(p.clause_words[after][0][0]):
            return True
        if not (len(p.clause_words[i][1]) <= _LEAD_IN_WORDS and i + 1 < len(p.clauses) and p.clauses[i + 1].question):
            return False
        content = [w for w in p.clause_words[i][0] if w not in STOPWORDS]
        return p.clauses[i].text.endswith(":") or (
            bool(content) and all(w in self.index.lexicon.not_covered for w in content))

    def match_part(self, part: str, whole: Match) -> Match:
        """One part of a message (``questions_of``). When the message as a whole was not understood,
        a part that rests on one known word ("…, außer bei mir natürlich?") is answered on its own
        only when it is sure of it."""
        m = self.match(part)
        if whole.decision != "fallback" or m.intent is None or m.parse is None:
            return m
        if any(t.resolved.how == "not covered" for t in m.parse.terms):
            # ("… online ummelden? Gibt es smart Weg oder muss ich ins Bürgerbüro?": a part that names what
            # the knowledge does not cover, in a message not understood, is no question the bot can answer)
            return replace(m, intent=None)
        if m.confidence >= self.settings.lone_part or sum(1 for t in m.parse.terms if t.resolved.keys) > 1:
            return m
        return replace(m, intent=None)

    def _follows_on(self, words: list[str], text: str) -> bool:
        """"… and how much does it cost?", "… So wie Digital Jetzt?": a part that
        points back, or compares with what was just said, and names next to nothing itself. So does
        one that only asks for the reason of it ("warum macht Südwestfalen da mit, gibts nen Grund?")."""
        content = [w for w in words if w not in STOPWORDS and not qtype.is_question_word(w)]
        # (also with a word that points at it: "whats the reason behind", "der Grund dahinter")
        if content and all(w in qtype.REASON_NOUNS or w in _BEHIND for w in content) \
                and not qtype.REASON_NOUNS.isdisjoint(content):
            return True
        if clauses.IF_SO.match(text):
            return True  # "Ist Brilon dabei, und wenn ja, in welcher Form?": how, if it is
        if content and all(w in _CONFIRMING for w in content):
            return True  # "Is this true?", "Stimmt das?": whether what was said before is so
        pointing = pipeline.points_back(words)
        if not pointing:
            written = tokenize(text).folded
            # (a question word after a preposition, of words the knowledge knows: "From how many cities?",
            # not "für wen zugänglich?", which names something of its own)
            pointing = tuple(written[:2]) in _COMPARING or (
                clauses.after_a_preposition([w for w in written[:3] if w not in _JOINING])
                and pipeline.known_content(content, self.index) == len(content))
        return pointing and pipeline.known_content([w for w in words if w not in pipeline.REFERRING], self.index) < 2

    def _own_subject(self, words: list[str], originals: list[str]) -> bool:
        """Whether a clause names something unknown of its own ("das Wetter"), as a noun or a rare word."""
        return pipeline.rare_unknown(words, originals, self.index, self.settings.own_subject_cost)
