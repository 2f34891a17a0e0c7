"""Find the intent a question asks for, with a confidence in [0, 1].

The work is done by the stages of ``pipeline.STAGES`` over an ``Index`` of the knowledge; this
module adds what is about towns (a message that is only a town name, and "Macht Hamm mit?"
for a place the knowledge does not list) and keeps the small interface the answerer uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.loader import LISTING, paused_gc
from bot.model import Knowledge
from bot.understanding import compiled, pipeline
from bot.understanding.frequency import unknown_cost
from bot.understanding.index import Index
from bot.understanding.normalize import Tokens, tokenize
from bot.understanding.settings import MatcherSettings
from bot.understanding.stopwords import STOPWORDS
from bot.understanding.towns import TOWN_TOKEN, is_town, town_token

__all__ = ["Match", "Matcher", "MatcherSettings"]

PLACE_PREFIXES = frozenset({"bad", "sankt", "st"})
PLACE_MIN_COST = 0.6
SLOT_KEY_MAX_INTENTS = 6
OWN_SUBJECT_COST = 0.35  # an unknown word this rare makes a part of a message a question of its own
GROUP_TO_SLOT = 0.15  # a group's topic gives way to membership when this close


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


class Matcher:
    def __init__(self, knowledge: Knowledge, settings: MatcherSettings | None = None):
        with paused_gc():
            self.settings = settings or MatcherSettings()
            self.index = compiled.index_for(knowledge) or Index(knowledge)
        self.towns = self.index.towns
        self.texts = self.index.texts
        self.intent_ids = self.index.intent_ids
        self.slot_intents = self.index.slot_intents
        # Greetings and thanks: unlisted intents whose answer is a plain sentence (the help lists topics).
        self.social_intents = {i.id for i in knowledge.intents
                               if not i.listed and not any(LISTING.search(t) for t in i.answer.values())}
        # The words that ask about taking part ("dabei", "mitmachen", "part of"): used by the
        # membership examples and by few other intents ("Smart Cities" is in many: not one of them).
        # The intents that are a group of towns themselves ("Welche Kommunen sind Mitmacherkommunen?").
        self.group_intents = frozenset(i.id for i in knowledge.intents if i.id in knowledge.groups)
        self.slot_keys = frozenset(k for k, owners in self.index.examples.owners.items()
                                   if not is_town(k) and any(o in self.index.slot_rows for o in owners)
                                   and len(owners) <= SLOT_KEY_MAX_INTENTS)

    def parse(self, question: str) -> pipeline.Parse:
        return pipeline.run(question, self.index, self.settings)

    def match(self, question: str) -> Match:
        p = self.parse(question)
        content = [w for w in p.words if w not in STOPWORDS]
        if self.slot_intents and p.towns and content and all(is_town(w) for w in content):
            # A message that is only a town name: say what that town is.
            slot = next(iter(self.slot_intents))
            p.decision, p.intent, p.reason = "answer", slot, "the question is a town name"
            p.note("decide", "answer: the question is only a town name")
            return Match(slot, 1.0, [(slot, 1.0)], p.towns, None, 1.0, p.tokens, "answer", p)
        if self.slot_intents and p.qtype == "yes_no" and p.towns and p.ranked and p.decision != "fallback" \
                and p.ranked[0][0] in self.group_intents:
            # "Ist die Stadt Werl offiziell angeschlossen?": yes or no about one town and a group of
            # towns is whether that town takes part, which the membership answer says, group and all.
            slot = next(iter(self.slot_intents))
            score = dict(p.ranked).get(slot, 0.0)
            if score >= p.ranked[0][1] - GROUP_TO_SLOT:
                p.ranked = [(slot, p.ranked[0][1]), *[(i, v) for i, v in p.ranked if i != slot]]
                p.decision, p.intent = "answer", slot
                p.reason = "a yes/no question about one town and a group: whether the town takes part"
                p.note("decide", "answer: " + p.reason)
        if p.intent in self.slot_intents and p.qtype != "yes_no" and not any(
            k in self.slot_keys for t in p.terms if not is_town(t.word) for k in t.resolved.keys
        ):
            # A town and other words, but nothing asks whether it takes part ("Einwohner von Siegen?");
            # a yes/no question about a town ("Is Olsberg in the programme?") does.
            p.intent, p.decision = None, "fallback"
            p.reason = "a town is named, but nothing asks whether it takes part"
            p.note("decide", "fallback: " + p.reason)
        elif p.intent in self.slot_intents and p.qtype not in (None, "yes_no") and p.towns and all(
                town_token(t) in self.index.outside_tokens for t in p.towns):
            # "Was macht Hamburg als Smart City?" asks about a place outside the region, not whether
            # it takes part (that would be "Macht Hamburg mit?").
            p.intent, p.decision = None, "fallback"
            p.reason = "a place outside the region, and the question is not whether it takes part"
            p.note("decide", "fallback: " + p.reason)
        place = None
        if not p.towns and self.slot_intents and p.decision != "answer":
            place = self._unknown_place(p)
            if place is not None:
                p = place[0]
        if p.decision != "answer":
            social = self._social_clause(p)
            if social is not None:
                p = social
        towns = p.towns
        return Match(p.intent, p.ranked[0][1] if p.ranked else 0.0, p.ranked, towns,
                     place[1] if place else None, p.coverage, p.tokens, p.decision, p)

    def questions_of(self, match: Match) -> list[str]:
        """The separate questions of a message: its asking clauses that each name something the
        knowledge knows, or a town ("Ist X dabei? Und Y?"). One or none: the message is one question."""
        p = match.parse
        if p is None or len(p.clauses) < 2:
            return []
        asking = [i for i in p.kept if p.clauses[i].question
                  and any(w not in STOPWORDS for w in p.clause_words[i][0])]
        # A part of everyday words only ("… and how much does it cost?") goes on with the one
        # before it; a part with a subject of its own, known or not ("und wie wird das Wetter?"), stands.
        evident = {i for i in asking if pipeline.evidence(p.clause_words[i][0], self.index)}
        asking = [i for n, i in enumerate(asking) if (i in evident or self._own_subject(*p.clause_words[i]))
                  and not (n and self._follows_on(p.clause_words[i][0]))]
        if len(asking) < 2 or evident.isdisjoint(asking):
            return []
        return [p.clauses[i].text for i in asking]

    def _follows_on(self, words: list[str]) -> bool:
        """"… and how much does it cost?": a part that points back and names next to nothing itself."""
        return pipeline.points_back(words) and pipeline.known_content(words, self.index) < 2

    def _own_subject(self, words: list[str], originals: list[str]) -> bool:
        """Whether a clause names something unknown of its own ("das Wetter"), as a noun or a rare word."""
        return any(
            unknown_cost(w, j > 0 and original[:1].isupper()) >= OWN_SUBJECT_COST
            for j, (w, original) in enumerate(zip(words, originals, strict=False))
            if w not in STOPWORDS and not self.index.knows(w))

    def _social_clause(self, p: pipeline.Parse) -> pipeline.Parse | None:
        """'Guten Tag, hier schreibt das Bürgerbüro Werl.' or 'Danke, jetzt verstehe ich es besser!':
        a message that asks nothing the bot knows but greets or thanks is answered as that."""
        if len(p.clauses) < 2 or any(c.question for c in p.clauses):
            return None
        for clause in p.clauses:
            words = [w for w in clause_words(clause.text) if w not in STOPWORDS]
            keys = [self.index.resolve(w).keys for w in words]
            # A clause that greets or thanks, in whatever words around it ("Grüß Gott und einen
            # schönen guten Morgen in die Runde!"), is tried alone.
            if words and any(ks and all(k in self.index.social_keys for k in ks) for ks in keys):
                alone = self.parse(clause.text)
                if alone.decision == "answer" and alone.intent in self.social_intents:
                    alone.note("decide", f"the message greets or thanks: '{clause.text}'")
                    return alone
        return None

    def _unknown_place(self, p: pipeline.Parse) -> tuple[pipeline.Parse, str] | None:
        """'Macht Hamm mit?': treat one unknown name as a place and see if that fits a membership question."""
        unknown = [t for t in p.terms if not t.resolved.keys and t.word.isalpha() and len(t.word) >= 3
                   and t.word not in PLACE_PREFIXES]
        if len(unknown) != 1 or unknown[0].cost < PLACE_MIN_COST:  # everyday words are no places
            return None
        # Only a question that also says what it asks ("dabei", "mit", "part of") is about membership,
        # and one that asks yes or no ("Was ist die Hauptstadt von Frankreich?" is not about taking part).
        if not any(k in self.slot_keys for t in p.terms for k in t.resolved.keys) or p.qtype not in (None, "yes_no"):
            return None
        at = p.words.index(unknown[0].word)
        first = at - 1 if at > 0 and p.words[at - 1] in PLACE_PREFIXES else at
        words = [*p.words[:first], TOWN_TOKEN, *p.words[at + 1 :]]
        trial = pipeline.Parse(p.question, tokens=p.tokens, clauses=p.clauses, clause_words=p.clause_words,
                               kept=p.kept, dropped=p.dropped, synonyms=p.synonyms, compounds=list(p.compounds),
                               words=words,
                               originals=[*p.originals[:first], "?", *p.originals[at + 1 :]], trace=list(p.trace))
        pipeline.run_from("question type", trial, self.index, self.settings)
        if trial.intent in self.slot_intents:
            place = " ".join(p.originals[first : at + 1])
            trial.note("decide", f"'{place}' is taken for a place the knowledge does not list")
            return trial, place
        return None


def clause_words(text: str) -> tuple[str, ...]:
    return tokenize(text).folded
