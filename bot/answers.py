"""Turn a question into the answer the bot posts, in the question's language.

This is the one place that combines matching, town entities, the timeline and the
answer templates, so the command line, Discord and the web all answer identically.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot import timeline, verdicts
from bot.clock import berlin_today
from bot.conversation import Context
from bot.loader import LISTING, PLACEHOLDER
from bot.messages import join_words, msg
from bot.model import Group, Intent, Knowledge, TimelineEntry, short_name
from bot.understanding import language, pipeline, qtype
from bot.understanding.frequency import zipf
from bot.understanding.matcher import Match, Matcher, MatcherSettings, only_towns
from bot.understanding.normalize import fold, normalize, tokenize
from bot.understanding.stems import keys
from bot.understanding.stopwords import STOPWORDS
from bot.understanding.towns import is_town

# A list placeholder alone on its line becomes a bulleted list.
_ALONE = re.compile(r"^[ \t]*\{(list|timeline|topics|stories)(?::(\w+))?\}[ \t]*$", re.MULTILINE)

StoryLine = tuple[str, str, str | None]  # title, link, ISO date
MAX_PARTS = 3  # questions answered from one message
SUBJECT_COST = 0.8  # an unknown word this costly names a subject the timeline does not have
_HAPPENED = frozenset("kam kommt passierte passiert geschah geschehen folgte folgt gab war came happened happen "
                      "followed step schritt meilenstein milestone meilensteine".split())
_STEPS = frozenset("step schritt meilenstein milestone meilensteine".split())  # of _HAPPENED, the nouns
_FIRST = frozenset(fold(w) for w in "zuerst anfang erste ersten erstes first beginning start".split())
_AMONG = frozenset({("unter", "den"), ("zu", "den"), ("among", "the"), ("of", "the")})  # ... the first: a rank
#: "Förderung, Strategie, Leitfäden, usw.": the steps named stand for all of them
_AND_SO_ON = frozenset({("und", "so"), ("so", "weiter"), ("and", "so"), ("so", "on")})
_AND_SO_ON_WORDS = frozenset("usw etc etcetera".split())
#: A title's everyday words name no step ("receives", "published"), its topic words do
_EVERYDAY = 5.0
#: Which of two steps came first ("zuerst", "vor oder nach", "earlier or later")
_ORDER = frozenset(fold(w) for w in "zuerst erste erstes first before after vor nach davor danach früher später "
                   "earlier later".split())
#: The order itself, as written ("in welcher Reihenfolge?", "the chronology"; the vocabulary writes
#: "Reihenfolge", "Chronologie", "order" as "timeline", and "am Anfang" too)
_ORDER_NOUNS = frozenset("reihenfolge abfolge chronologie chronologisch order chronology chronological sequence"
                         .split())
_AFTER = frozenset("nach danach after following".split())
_BEFORE = frozenset("vor davor before prior".split())
#: What is planned, not what came: the next step from now on, not the step after an event (the vocabulary
#: writes "geplant", "planned", "upcoming", "künftig" … as "nächste" before this is read)
_PLANNED = frozenset("geplante geplanten planen kommenden".split())
_PAST = frozenset("kam passierte geschah folgte gab war came happened followed was".split())
FOLLOW_UP_WORDS = frozenset("out total insgesamt zusammen genau denn eigentlich dann viel viele many much hoch".split())


@dataclass(frozen=True)
class Suggestion:
    intent: str
    label: str


@dataclass(frozen=True)
class Answer:
    question: str
    intent: str | None  # None: the bot fell back
    confidence: float
    lang: str
    text: str  # exactly what the bot posts
    suggestions: list[Suggestion] = field(default_factory=list)
    title: str | None = None  # the intent's title, used as an embed title
    rich: bool = False  # holds a list or the timeline: Discord shows it as an embed
    match: Match | None = field(default=None, repr=False, compare=False)  # how it was understood
    context: Context | None = field(default=None, repr=False, compare=False)  # for a follow-up question

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "intent": self.intent,
            "confidence": round(self.confidence, 3),
            "lang": self.lang,
            "answer": self.text,
            "suggestions": [{"intent": s.intent, "label": s.label} for s in self.suggestions],
            "context": self.context.encode() if self.context is not None else None,
        }


def _points_back(match: Match) -> bool:
    """Whether a part of a message points back at what the part before it asked about ("How much
    did they get?", "Which one is better funded?")."""
    words = match.parse.words if match.parse is not None else []
    # (so does a bare question of a verb and its question word, no noun: "… Deutschkurs in Werl? Wer bezahlt?",
    # not "… und wann war die Konferenz?")
    originals = match.parse.originals if match.parse is not None else []
    content = [w for w in words if w not in STOPWORDS and not qtype.is_question_word(w)]
    bare = len(content) <= 1 and any(qtype.is_question_word(w) for w in words) and not any(
        o[:1].isupper() for o in originals[1:])
    # (and a person named before: "… opinion of Horst Seehofer? Was he a good interior minister?"; and
    # a comparison with it or a share of it: "Wie viele Schwimmbäder hat Olpe? Mehr als Attendorn?",
    # "… and how much did each get?")
    written = match.parse.tokens.folded if match.parse is not None else ()
    return pipeline.points_back(words) or "one" in words or bare or not _PERSON.isdisjoint(words) \
        or tuple(written[:2]) in _THAN or not _EACH.isdisjoint(written)


#: A part that opens with a comparison ("Mehr als Attendorn?", "more than in Olpe?")
_THAN = frozenset({("mehr", "als"), ("weniger", "als"), ("more", "than"), ("less", "than"), ("fewer", "than"),
                   ("besser", "als"), ("better", "than"), ("oder", "mehr"), ("or", "more")})
#: ... or asks for each one's share of it
_EACH = frozenset("each jeweils".split())
#: Pronouns for a person named before ("sie" is also "they" and the polite "you": not one of them)
_PERSON = frozenset("he him his she her er ihn ihm".split())


class Answerer:
    """Answers questions from one loaded knowledge base (swap the object to reload)."""

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        default_lang: str = "de",
        today: Callable[[], dt.date] = berlin_today,
        settings: MatcherSettings | None = None,
        extra_timeline: Callable[[dt.date], Sequence[TimelineEntry]] | None = None,
        stories: Callable[[], Sequence[StoryLine]] | None = None,
    ):
        self.stories = stories
        self.knowledge = knowledge
        self.default_lang = default_lang if default_lang in language.LANGS else "de"
        self.today = today
        self.matcher = Matcher(knowledge, settings)
        self.extra_timeline = extra_timeline
        self._intents = {i.id: i for i in knowledge.intents}
        # (the towns an answer may name, as answers write them: a claim about another is judged by them)
        self._towns = frozenset(map(short_name, (*knowledge.region, *knowledge.towns)))
        # The initiative's and the model project's names ("5 für Südwestfalen"), and the names in them
        # ("Südwestfalen"): English writers use them too, so their umlauts say nothing of the language.
        names = {re.sub(r"[„“”\"«»]", "", text).strip() for key in ("model_project", "initiative")
                 for text in knowledge.facts.get(key, {}).values()}
        self._names = sorted(names | {w for n in names for w in n.split() if w[:1].isupper() and not w.isascii()},
                             key=len, reverse=True)
        # ... nor do the words of a town's name ("Menden got some digital award?")
        self._name_words = self.matcher.towns.name_words | {w for n in names for w in tokenize(n).folded}
        # Greetings, thanks and the help are no topics: a follow-up does not continue them, and in a
        # message of several questions they give way to the real ones.
        self._unlisted = {i.id for i in knowledge.intents if not i.listed}
        self._continuable = {i.id for i in knowledge.intents if i.listed or i.handler == "membership"}
        # The intent that shows the whole timeline: it also answers "what came first / after X"; and
        # the intents whose answers come from the timeline (the latest, the next step). The index knows both.
        index = self.matcher.index
        self._timeline_intent = index.overview_intent
        self._timeline_intents = {index.intent_ids[row] for row in index.timeline_rows}

    # --- public --------------------------------------------------------------------------
    def ask(self, question: str, lang: str | None = None, *, default_lang: str | None = None,
            context: Context | None = None) -> Answer:
        """Answer ``question``; ``lang`` forces the language, else it is detected. ``context``: the
        previous turn, for follow-ups ("und wo?"); the answer carries the context for the next one."""
        answer = self._ask(question, lang, default_lang=default_lang, context=context)
        if answer.intent is None or answer.match is None:
            return answer
        towns = tuple(answer.match.towns) if answer.intent in self.matcher.slot_intents else ()
        return replace(answer, context=Context(answer.intent, towns, answer.lang, time.time()))

    def _ask(self, question: str, lang: str | None, *, default_lang: str | None,
             context: Context | None) -> Answer:
        match = self.matcher.match(question)
        if context is not None and context.intent in self._continuable:
            topic = match.parse is not None and any(t.word not in FOLLOW_UP_WORDS for t in match.parse.terms)
            if match.intent is None or not topic:  # "out of how many?" names no topic: the previous one
                match = self._follow_up(match, context) or match
            default_lang = default_lang if default_lang in language.LANGS and match.tokens and \
                len(match.tokens.folded) > 4 else context.lang
        if lang not in language.LANGS:
            lang = self._language(question, match, default_lang)
        several = self._several(question, match, lang) or self._compared(question, match, lang)
        if several is not None:
            return several
        relative = self._timeline_relative(question, match, lang)
        if relative is not None:
            return relative
        if match.intent is None:
            return replace(self._fallback(question, match, lang), match=match)
        return replace(self._answer(question, self._intents[match.intent], lang, match), match=match)

    def _follow_up(self, match: Match, context: Context) -> Match | None:
        """"und wo?", "warum?", "out of how many?": only a question type, asked about the previous
        answer's topic. Anything that names a topic of its own is a new question, not a follow-up."""
        p = match.parse
        if p is None or p.qtype is None or p.qtype == "yes_no" or len(p.tokens.folded) > 6:
            return None
        if any(t.word not in FOLLOW_UP_WORDS for t in p.terms):
            return None
        p.note("decide", f"follow-up: the '{p.qtype}' of the previous answer ({context.intent})")
        return Match(context.intent, 1.0, [(context.intent, 1.0)], list(context.towns), None, 1.0, p.tokens,
                     "answer", p)

    def _timeline_relative(self, question: str, match: Match, lang: str) -> Answer | None:
        """"Was kam nach der Konferenz?", "what came first?": a step of the timeline relative to
        another one, or the first one. Needs a word of order and a word of happening, so that
        "… fließen nach Südwestfalen" is not read as a question about the timeline."""
        p = match.parse
        if p is None or self._timeline_intent is None:
            return None
        words = [w for i in p.kept for w in p.clause_words[i][0]] or list(p.words)
        if any(t.cost >= SUBJECT_COST for t in p.terms):
            return None  # "Which city came first in the Bitkom index?" is about something else
        if _HAPPENED.isdisjoint(words):
            return self._order_of(question, words, self.timeline_entries(), lang, match)
        if not _PLANNED.isdisjoint(words) or ("nachste" in words and _PAST.isdisjoint(words)):
            return None  # "What are the next planned steps after the framework strategy?": what comes
        entries = self.timeline_entries()
        if not entries:
            return None
        order = self._order_of(question, words, entries, lang, match)
        if order is not None:
            return order
        # "zuerst", "der erste Schritt", "what came first" – not "die ersten Leitfäden" (a name).
        # (not a rank: "Menden war doch unter den ersten", "one of the first")
        first = [i for i, w in enumerate(words) if w in _FIRST and tuple(words[max(0, i - 2) : i]) not in _AMONG]
        # (not a step of a topic answered on its own: "the framework strategy the pilot towns drew up as
        # their first step" is the strategy; "Was kam zuerst, die Rahmenstrategie oder …?" asks the order)
        other_topic = match.decision == "answer" and match.intent not in self._timeline_intents \
            and _HAPPENED.intersection(words) <= _STEPS
        if not other_topic and any(i + 1 == len(words) or words[i + 1] in _HAPPENED or words[i + 1] in STOPWORDS
                                   for i in first):
            return self._relative_answer(question, "timeline_first", entries[0], lang, match)
        for markers, step, key in ((_AFTER, 1, "timeline_after"), (_BEFORE, -1, "timeline_before")):
            # ("following" as a verb, "the towns are all following", is no order)
            # (nor "vor" a span of time, "vor paar Jahren": how long ago, no step before another)
            at = next((i for i, w in enumerate(words) if w in markers
                       and (w != "following" or words[i + 1 : i + 2] in (["the"], ["that"], ["this"]))
                       and not (w == "vor" and not pipeline.DURATION.isdisjoint(words[i + 1 : i + 4]))), None)
            if at is None:
                continue
            named = self._named_entry(words[at + 1 :], entries)
            if named is None:
                return None
            other = named + step
            if not 0 <= other < len(entries):
                text = msg("timeline_none_after" if step > 0 else "timeline_none_before", lang,
                           entry=self._entry_line(entries[named], lang, bold_date=False))
                return Answer(question, self._timeline_intent, 1.0, lang, text, [],
                              self._intents[self._timeline_intent].title.get(lang), False, match)
            return self._relative_answer(question, key, entries[other], lang, match,
                                         ref=self._entry_line(entries[named], lang, bold_date=False))
        return None

    def _order_of(self, question: str, words: Sequence[str], entries: Sequence[TimelineEntry], lang: str,
                  match: Match) -> Answer | None:
        """"Was the conference before or after the Menden award?", "Was kam zuerst, Konferenz oder
        Leitfäden?": two or more steps of the timeline named with a word of order are answered with
        those steps in their order, not with the first step of all or one of the two topics."""
        # (an order asked between them, a choice: "… vor oder nach …?", "zuerst, A oder B?", or of them all,
        # "in welcher Reihenfolge?": not "the next steps after A and B", nor "the first step", nor
        # "am Anfang", which the vocabulary writes as "timeline")
        written = match.parse.tokens.folded if match.parse is not None else ()
        if self._timeline_intent is None or (_ORDER.isdisjoint(words) or pipeline.OR.isdisjoint(words)) \
                and _ORDER_NOUNS.isdisjoint(written):
            return None
        named = self._named_entries(words, entries)
        if len(named) < 2:
            return None
        # ("… Strategie, Leitfäden und so weiter"): all of it
        if not _AND_SO_ON.isdisjoint(zip(written, written[1:], strict=False)) \
                or not _AND_SO_ON_WORDS.isdisjoint(written):
            return replace(self._answer(question, self._intents[self._timeline_intent], lang, match), match=match)
        lines = "\n".join(f"{n}. **{self._entry_line(entries[i], lang, bold_date=False)}**"
                          for n, i in enumerate(named, 1))
        return Answer(question, self._timeline_intent, 1.0, lang, msg("timeline_order", lang, entries=lines), [],
                      self._intents[self._timeline_intent].title.get(lang), False, match)

    def _named_entries(self, words: Sequence[str], entries: Sequence[TimelineEntry]) -> list[int]:
        """The timeline entries ``words`` name, in the timeline's order: each by a word of its title
        (either language, as the vocabulary writes it) or its id that no other entry's title has."""
        lexicon = self.matcher.index.lexicon
        # (a town as written: "Menden" in a title is "zzort_menden" in a question)
        written = [w.partition("_")[2] if is_town(w) else w for w in words if w not in STOPWORDS]
        wanted = {k for w in written for r in lexicon.single(w) for k in keys(r)}
        own: list[set[str]] = []
        for entry in entries:
            title = " ".join([*(self.render(t, lang) for lang, t in entry.title.items()), *entry.id.split("-")])
            own.append({k for w in tokenize(title).folded if w not in STOPWORDS and w not in _ORDER
                        and not w.isdigit() and zipf(w) < _EVERYDAY for r in lexicon.single(w) for k in keys(r)})
        named = []
        for i, stems in enumerate(own):
            others = set().union(*(o for j, o in enumerate(own) if j != i))
            if (wanted & stems) - others:
                named.append(i)
        return named

    def _named_entry(self, words: Sequence[str], entries: Sequence[TimelineEntry]) -> int | None:
        """The timeline entry whose title shares the most topic words with ``words``."""
        wanted = {k for w in words if w not in STOPWORDS for r in self.matcher.index.lexicon.single(w) for k in keys(r)}
        best, best_score = None, 0
        for i, entry in enumerate(entries):
            title = " ".join(self.render(t, lang) for lang, t in entry.title.items())
            stems = {k for w in tokenize(title).folded if w not in STOPWORDS for k in keys(w)}
            score = len(wanted & stems)
            if score > best_score:
                best, best_score = i, score
        return best

    def _relative_answer(self, question: str, key: str, entry: TimelineEntry, lang: str, match: Match,
                         ref: str = "") -> Answer:
        text = msg(key, lang, entry=self._entry_line(entry, lang, bold_date=False), ref=ref,
                   text=self.render(entry.text[lang], lang))
        assert self._timeline_intent is not None
        return Answer(question, self._timeline_intent, 1.0, lang, text, [],
                      self._intents[self._timeline_intent].title.get(lang), False, match)

    def _facet(self, match: Match) -> tuple[str, ...] | None:
        """The facets of its intent a match asks for: the one for its question type, or one for each
        kind a question asks ("Wann und wo war die Konferenz?"); None, the full answer, when the
        intent has no facet for each kind asked ("Wie viel Geld gab es und wofür?")."""
        if not match.intent or match.parse is None:
            return None
        facets = self._intents[match.intent].facets

        def facet(kind: str | None) -> str | None:
            # (an amount of money is a number: the how-many facet answers it when there is no how-much one)
            return "how_many" if kind == "how_much" and kind not in facets else kind

        asked = [facet(kind) for kind in match.parse.asked]
        if len(asked) > 1:
            return tuple(kind for kind in asked if kind is not None) if all(kind in facets for kind in asked) else None
        kind = facet(match.parse.qtype)
        return (kind,) if kind in facets else None

    def _several(self, question: str, match: Match, lang: str) -> Answer | None:
        """"Ist Attendorn dabei? Und wann war die Konferenz?": each question answered, in order, in
        one reply (up to three); a part the bot cannot answer says so instead of being dropped."""
        parts = self.matcher.questions_of(match)
        if len(parts) < 2:
            return None
        matches = [self.matcher.match_part(part, match) for part in parts[:MAX_PARTS]]
        if any(m.intent and m.intent not in self._unlisted for m in matches):  # "Hallo! Kannst du helfen? Ist …"
            kept = [(p, m) for p, m in zip(parts, matches, strict=False) if m.intent not in self._unlisted]
            parts, matches = [p for p, _ in kept], [m for _, m in kept]
        # A part about a subject of its own ("… und wie wird das Wetter?") is said to be unknown; one
        # that points back at it asks about it too ("Does the DigitalPakt fund tablets? How much did
        # they get?"), and gets no answer of its own.
        own_subject = [m.intent is None and m.parse is not None and any(t.cost >= 0.6 for t in m.parse.terms)
                       for m in matches]
        unknown = [m for m, own in zip(matches, own_subject, strict=True) if own]
        for n in range(1, len(matches)):
            # (and one that only names towns goes on with the question before it, unanswered: "Wie is dat
            # Spiel gestern ausgegangen? Medebach gegen Hallenberg?", not "Es Deuz dobei? Oder Netphen?")
            parsed = matches[n].parse
            if (own_subject[n - 1] and _points_back(matches[n])) \
                    or (matches[n - 1].intent is None and parsed is not None and only_towns(parsed.words)):
                matches[n] = Match(None, 0.0, [], decision="fallback")
        answered = {(m.intent, tuple(m.towns), self._facet(m)) for m in matches if m.intent}
        full = {key[:2] for key in answered if key[2] is None}  # the full answer covers its facets
        answered = {key for key in answered if key[2] is None or key[:2] not in full}
        if not answered or len(answered) + len(unknown) < 2:  # one topic asked twice: one answer
            return None
        blocks: list[str] = []
        seen: set[str] = set()
        done: set[tuple[object, ...]] = set()
        for part, sub in zip(parts, matches, strict=False):
            if sub.intent is None:
                if sub in unknown:
                    blocks.append(msg("part_unknown", lang, part=part.strip()[:120]))
                continue
            key = (sub.intent, tuple(sub.towns), self._facet(sub))
            if key not in answered or key in done:
                continue
            done.add(key)
            one = self._answer(part, self._intents[sub.intent], lang, sub)
            heading = one.title if sub.intent not in self.matcher.slot_intents and sub.intent not in seen else None
            seen.add(sub.intent)
            blocks.append(f"**{heading}**\n{one.text}" if heading else one.text)
        first = next(m for m in matches if m.intent is not None)
        rich = self._lists([m.intent for m in matches if m.intent], lang)
        return Answer(question, first.intent, first.confidence, lang, "\n\n".join(blocks), [], None, rich, match)

    def _compared(self, question: str, match: Match, lang: str) -> Answer | None:
        """"Was ist der Unterschied zwischen Pionierkommunen und Mitmacherkommunen?": both topics'
        answers, each under its title, the one named first first (``decisions.two_compared``)."""
        compared = match.parse.compared if match.parse is not None else []
        if len(compared) < 2 or match.intent != compared[0]:
            return None
        blocks = []
        for intent_id in compared:
            intent = self._intents[intent_id]
            one = self._answer(question, intent, lang, None)
            blocks.append(f"**{intent.title.get(lang, intent_id)}**\n{one.text}")
        return Answer(question, compared[0], match.confidence, lang, "\n\n".join(blocks), [], None,
                      self._lists(compared, lang), match)

    def _lists(self, intent_ids: Sequence[str], lang: str) -> bool:
        """Whether one of these intents' answers holds a list (a reply of several is then an embed)."""
        return any(LISTING.search(self._intents[i].answer.get(lang, "")) for i in intent_ids)

    def answer_intent(self, intent_id: str, lang: str, question: str = "") -> Answer | None:
        """The answer of one intent, e.g. for a clicked "did you mean" suggestion."""
        intent = self._intents.get(intent_id)
        if intent is None:
            return None
        return self._answer(question or intent.title.get(lang, intent.id), intent, lang, None)

    def language_of(self, text: str, default: str | None = None) -> str:
        """The language ``ask`` answers ``text`` in (read from the words the matcher sees: words
        typed without spaces are written apart first)."""
        return self._language(text, self.matcher.match(text), default)

    def _language(self, question: str, match: Match, default: str | None) -> str:
        assert match.tokens is not None
        # Umlauts in a town's name ("Is Lüdenscheid part of it?") say nothing about the language.
        return language.detect(match.tokens, default or self.default_lang,
                               language.has_umlaut(question, (*match.towns, *self._names)), self._name_words)

    def town_names(self, prefix: str = "") -> list[str]:
        """Known towns whose name starts with (or contains) ``prefix``, for autocomplete."""
        towns = sorted({t for g in self.knowledge.groups.values() for t in g.members})
        folded = normalize(prefix)
        if not folded:
            return towns
        starts = [t for t in towns if normalize(t).startswith(folded)]
        return starts + [t for t in towns if folded in normalize(t) and t not in starts]

    def story_lines(self, lang: str, limit: int = 5) -> list[str]:
        """The latest stories from the database, newest first (none without the stories feature)."""
        if self.stories is None:
            return []
        lines = []
        for title, link, date in list(self.stories())[:limit]:
            when = f" ({date[:10]})" if date else ""
            lines.append(f"[{title}]({link}){when}" if link.startswith("http") else f"{title}{when}")
        return lines

    def stories_answer(self, lang: str) -> Answer:
        """``/stories``: the latest 5 stories."""
        lines = self.story_lines(lang)
        text = "\n".join(f"• {line}" for line in lines) or msg("stories_none", lang)
        return Answer("", None, 1.0, lang, text, [], msg("stories_title", lang), True)

    def groups_answer(self, lang: str, town: str | None = None) -> Answer:
        """The town lists (``/kommunen``), or whether one ``town`` takes part."""
        if town and town.strip():
            tokens = tokenize(town)
            found = list(dict.fromkeys(m.town for m in self.matcher.towns.find(tokens)))
            place = None if found else " ".join(tokens.original)[:100] or town.strip()[:100]
            text = self._membership(Match(None, 1.0, [], found, place), lang)
            return Answer(town, None, 1.0, lang, text, [], msg("groups_title", lang), False)
        blocks = [
            f"**{len(g.members)} {g.name[lang]}**\n" + "\n".join(f"• {m}" for m in g.members)
            for g in self.knowledge.groups.values()
        ]
        return Answer("", None, 1.0, lang, "\n\n".join(blocks), [], msg("groups_title", lang), True)

    def timeline_answer(self, view: str, lang: str) -> Answer:
        """``view``: overview, next or latest (``/timeline``)."""
        view = view if view in ("overview", "next", "latest") else "overview"
        if view == "overview":
            items = self._items("timeline", "overview", lang) or []
            text = "\n".join(f"• {item}" for item in items)
        else:
            text = self._timeline_text(view, lang)
        return Answer("", None, 1.0, lang, text, [], msg("timeline_title", lang), True)

    def help_answer(self, lang: str) -> Answer:
        """The help intent's answer if the knowledge has one, else the list of topics."""
        helper = self.answer_intent("help", lang)
        if helper is not None:
            return helper
        text = msg("can_answer", lang) + "\n" + "\n".join(f"• {i.title[lang]}" for i in self._topics())
        return Answer("", None, 1.0, lang, text, [], None, True)

    # --- rendering -----------------------------------------------------------------------
    def _answer(self, question: str, intent: Intent, lang: str, match: Match | None) -> Answer:
        if intent.handler == "membership":
            text = self._membership(match or Match(None, 0.0, []), lang)
            rich = False
        else:
            template = intent.answer.get(lang, "")
            facets = self._facet(match) if match is not None else None
            if facets:  # "Wer hat …?" gets the short answer to who, not the whole paragraph
                template = "\n\n".join(dict.fromkeys(intent.facets[f].get(lang, template) for f in facets))
            rich = bool(LISTING.search(template))
            text = self.render(template, lang).strip()
            said = self._verdict(match, intent, lang) if match is not None and intent.listed else None
            text = f"{said} {text}" if said else text
        confidence = match.confidence if match else 1.0
        return Answer(question, intent.id, confidence, lang, text, [], intent.title.get(lang), rich)

    def _verdict(self, match: Match, intent: Intent, lang: str) -> str | None:
        """"Ja."/"Nein." before the answer to a yes/no question or a claim (``verdicts``), judged by the
        topic's whole answer ("13 Millionen – stimmt das? Und wer zahlt?" gets the who facet)."""
        p = match.parse
        claim = verdicts.claim_of(p) if p is not None else None
        if p is None or claim is None:
            return None
        text = self.render(intent.answer.get(lang, ""), lang)
        if claim.person:  # "Did Angela Merkel hand over the certificate?" – the answer names who did
            named = any(person in text for person in self.knowledge.people)
            return msg("verdict_no", lang) if named and claim.person not in text else None
        holds = verdicts.verdict(claim.numbers, verdicts.answer_numbers(text))  # (asked so or not)
        if holds == "yes":  # the numbers hold, but of the town claimed? ("Die Konferenz war 2021 in Olpe,
            # oder?", "Hat Siegen die 13 Millionen bekommen?")
            holds = verdicts.town_verdict(claim.towns, text, self._towns) or holds
        said = holds if holds == "no" or claim.may_confirm else None
        if said == "yes" and lang == "de" and verdicts.negated_question(p):
            said = "yes_negated"
        return msg(f"verdict_{said}", lang) if said else None

    def _fallback(self, question: str, match: Match, lang: str) -> Answer:
        settings = self.matcher.settings
        # (topics only: "Hallo sagen" is no answer to what was asked)
        suggestions = [
            Suggestion(i, self._intents[i].title[lang])
            for i in match.suggestions(settings, exclude=tuple(self._unlisted))
        ]
        if match.decision == "clarify" and len(suggestions) > 1:
            # two topics too close to call: the bot does know both, it asks which one is meant
            lines = [msg("clarify", lang)]
            lines.extend(f"• {s.label}" for s in suggestions)
            return Answer(question, None, match.confidence, lang, "\n".join(lines), suggestions)
        # (what the knowledge lacks, where the matcher knows it: "An welchem Tag genau …?" – no day given)
        lacks = match.parse.lacks if match.parse is not None else ""
        lines = [msg(f"fallback_{lacks}" if lacks else "fallback", lang), ""]
        if suggestions:
            lines.append(msg("did_you_mean", lang))
            lines.extend(f"• {s.label}" for s in suggestions)
        else:
            lines.append(msg("can_answer", lang))
            lines.extend(f"• {i.title[lang]}" for i in self._topics()[:3])
        lines += ["", msg("ask_help", lang)]
        return Answer(question, None, match.confidence, lang, "\n".join(lines), suggestions)

    def _topics(self) -> list[Intent]:
        return [i for i in self.knowledge.intents if i.listed]

    def _membership(self, match: Match, lang: str) -> str:
        groups = list(self.knowledge.groups.values())
        listing = [
            msg("group_listing", lang, count=len(g.members), name=g.name[lang],
                members=", ".join(g.members))
            for g in groups
        ]
        names = [f"{len(g.members)} {g.name[lang]}" for g in groups]
        districts = match.parse.districts if match.parse is not None else []
        if districts and not match.towns:
            return "\n".join(self._district(district, lang, names) for district in districts)
        if match.towns:
            lines = []
            asked = self._asked_group(match)
            # ("Ist Neheim dabei?": the towns named by a locality only, found by the pipeline)
            localities = match.parse.localities if match.parse is not None else {}
            for town in match.towns:
                if town in localities:  # "Ist Neheim dabei?": say whose part it is first
                    lines.append(msg("locality_of", lang, locality=localities[town], town=town))
                groups_of = self.knowledge.groups_of(town)
                roles = [self.render(g.role[lang], lang) for g in groups_of]
                if roles and asked is not None and asked not in groups_of:
                    # "Ist Menden eine Mitmacherkommune?" - no, even one of the 5 Pionierkommunen.
                    lines.append(msg("member_other_group", lang, town=town, roles=join_words(roles, lang),
                                     asked=f"{len(asked.members)} {asked.name[lang]}"))
                elif roles:
                    negated = lang == "de" and match.parse is not None and verdicts.negated_question(match.parse)
                    said = "member_yes_negated" if negated else "member_yes"
                    lines.append(msg(said, lang, town=town, roles=join_words(roles, lang)))
                elif town in self.knowledge.outside:
                    lines.append(msg("member_outside", lang, town=town))
                else:
                    lines.append(msg("member_region_no", lang, town=town, groups=join_words(names, lang, "or"),
                                     district=self.knowledge.region.get(town, "")))
            if asked is not None and match.parse is not None and not {"what", "which"}.isdisjoint(
                    (*match.parse.asked, match.parse.qtype)):
                # "Wat sind denn die Pionierkommunen? Is Arnsberg da bei?": what the group is, too
                lines.append(msg("group_listing", lang, count=len(asked.members), name=asked.name[lang],
                                 members=", ".join(asked.members)))
            return "\n".join(lines)
        if match.place:
            text = msg("member_no", lang, town=match.place, groups=join_words(names, lang))
            return text + "\n" + "\n".join(f"• {line}" for line in listing)
        return msg("member_which", lang, groups=join_words(listing, lang))

    def _district(self, district: str, lang: str, names: list[str]) -> str:
        """"Ist der Märkische Kreis dabei?": the district's towns in each group (districts do not take part
        themselves, their municipalities do)."""
        knowledge = self.knowledge
        listing = [f"{g.name[lang]}: {', '.join(members)}" for g in knowledge.groups.values()
                   if (members := [m for m in g.members
                                   if knowledge.region.get(knowledge.place_of(m) or m) == district])]
        if not listing:
            return msg("district_none", lang, district=district, groups=join_words(names, lang, "or"))
        return msg("district_members", lang, district=district, listing="; ".join(listing))

    def _asked_group(self, match: Match) -> Group | None:
        """The group a membership question names ("… eine Mitmacherkommune?"), if exactly one."""
        if match.parse is None:
            return None
        keys = {k for term in match.parse.terms for k in term.resolved.keys}
        named = [g for g, stems in self.matcher.index.group_names.items() if keys & stems]
        return self.knowledge.groups[named[0]] if len(named) == 1 else None

    def render(self, template: str, lang: str) -> str:
        """Fill the placeholders of an answer template."""

        def alone(m: re.Match[str]) -> str:
            items = self._items(m.group(1), m.group(2), lang)
            if items is None:
                return self._inline(m.group(1), m.group(2), lang, m.group())
            return "\n".join(f"• {item}" for item in items)

        text = _ALONE.sub(alone, template)
        return PLACEHOLDER.sub(lambda m: self._inline(m.group(1), m.group(2), lang, m.group()), text)

    def _items(self, kind: str, name: str | None, lang: str) -> list[str] | None:
        if kind == "list" and name in self.knowledge.groups:
            return list(self.knowledge.groups[name].members)
        if kind == "topics":
            return [i.title[lang] for i in self._topics()]
        if kind == "stories":
            if self.stories is None:  # the stories feature is off: say nothing about them
                return []
            return self.story_lines(lang) or [msg("stories_none", lang)]
        if kind == "timeline" and name == "overview":
            entries = self.timeline_entries()
            if not entries:
                return [msg("timeline_empty", lang)]
            return [self._entry_line(e, lang) for e in entries]
        return None

    def _inline(self, kind: str, name: str | None, lang: str, raw: str) -> str:
        k = self.knowledge
        if kind == "list" and name in k.groups:
            return join_words(list(k.groups[name].members), lang)
        if kind == "count" and name in k.groups:
            return str(len(k.groups[name].members))
        if kind == "fact" and name in k.facts:
            return self.render(k.facts[name][lang], lang)
        if kind == "topics":
            return ", ".join(i.title[lang] for i in self._topics())
        if kind == "stories":
            return "; ".join(self.story_lines(lang)) or msg("stories_none", lang)
        if kind == "timeline":
            return self._timeline_text(name or "", lang)
        return raw

    # --- timeline ------------------------------------------------------------------------
    def timeline_entries(self) -> list[TimelineEntry]:
        entries = list(self.knowledge.timeline)
        if self.extra_timeline is not None:
            entries.extend(self.extra_timeline(self.today()))
        return timeline.ordered(entries)

    def _entry_line(self, entry: TimelineEntry, lang: str, bold_date: bool = True) -> str:
        title = self.render(entry.title[lang], lang)
        if entry.link:
            title = f"[{title}]({entry.link})"
        if entry.date is None:
            return title
        date = entry.date.label(lang)
        if entry.time:
            date += f", {entry.time} Uhr" if lang == "de" else f", {entry.time}"
        return f"**{date}** – {title}" if bold_date else f"{date} – {title}"

    def _entry_block(self, key: str, entry: TimelineEntry, lang: str) -> str:
        return msg(key, lang, entry=self._entry_line(entry, lang, bold_date=False),
                   text=self.render(entry.text[lang], lang))

    def _timeline_text(self, slot: str, lang: str) -> str:
        entries = self.timeline_entries()
        today = self.today()
        if slot == "overview":
            return "\n".join(f"• {self._entry_line(e, lang)}" for e in entries) or msg("timeline_empty", lang)
        last = timeline.latest(entries, today)
        if slot == "next":
            nxt = timeline.upcoming(entries, today)
            if nxt is not None:
                return self._entry_block("timeline_next", nxt, lang)
            text = msg("timeline_nothing_next", lang)
            if last is not None:
                text += " " + self._entry_block("timeline_latest", last, lang)
            return text
        if last is None:
            return msg("timeline_empty", lang)
        return self._entry_block("timeline_latest", last, lang)
