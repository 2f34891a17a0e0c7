"""What the knowledge says, prepared for matching: one index, several channels of evidence.

- ``examples``: the example questions and titles, as stem strings for fuzzy comparison and as
  term sets (which intents use which stem);
- ``answers``: the words of each answer with its facts filled in ("Querschnittsaufgabe",
  "Seehofer", "400"), a weaker channel: people ask with the answer's words too;
- ``question types``: which kinds of questions (why, when, who, ...) each intent's examples ask.

Memory grows with the knowledge, not with words × intents: each stem keeps only the indexes
of the intents that use it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from mypy_extensions import mypyc_attr
from rapidfuzz import fuzz, process

from bot.loader import LISTING, PLACEHOLDER, TIMELINE_SLOTS
from bot.model import Intent, Knowledge
from bot.understanding import particles, qtype
from bot.understanding.frequency import zipf
from bot.understanding.lexicon import Lexicon
from bot.understanding.normalize import tokenize, tokenize_example
from bot.understanding.stems import keys, stem
from bot.understanding.stopwords import STOPWORDS
from bot.understanding.towns import PLACE_NOUNS, TOWN_TOKEN, TownFinder, district_patterns, is_town, town_token

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY = re.compile(r"\b\d{1,2}\.\s?(?:\d{1,2}\.|(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)[a-zä]*)"
                  r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                  r"December) \d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b")
_TITLE_QUOTE = re.compile(r"[„“\"»«]([^„“”\"»«]{2,80})[“”\"«»]")
_COLON_NAME = re.compile(r"([^\W_]+): [„“\"]?[A-ZÄÖÜ0-9]")
#: Words at least this frequent are real words, never corrected as typos.
TYPO_MAX_ZIPF = 3.5
#: Shortest part of a compound that counts ("Digital|ranking", not "Di|gitalranking").
MIN_PART = 4
#: A word used by the membership examples and by at most this many intents asks whether a town takes part.
SLOT_KEY_MAX_INTENTS = 6
OWN_TOWN_SHARE = 0.6  # a topic whose examples name one town this often is about that town
_AS_FOR = "massig"  # "-mäßig", folded
_LINKS = ("", "s", "es", "n", "en", "e")  # Fugenelemente: "Strategie|papier", "Förderung|s|summe"


@mypyc_attr(native_class=False)  # a plain class, so it pickles with the index (compiled.py)
@dataclass(frozen=True)
class Resolved:
    """What a question word means to the index."""

    keys: tuple[str, ...]  # stems the index knows (empty: unknown)
    how: str  # exact | typo | compound | unknown
    parts: tuple[str, ...] = ()  # a compound's parts, or the word it is a typo of


@mypyc_attr(native_class=False)  # a plain class, so it pickles with the index (compiled.py)
class Postings:
    """Stem -> intents that use it, and its rarity weight; with ``shares``, also how typical the
    stem is of each of them (the share of the intent's examples that use it, relative to the
    intent that uses it most): "Pionierkommunen" is in a few examples of the Mitmacherkommunen
    ("… außer den Pionierkommunen?"), but it is what the Pionierkommunen examples are about."""

    def __init__(self, n: int, owners: dict[str, set[int]],
                 shares: dict[str, dict[int, float]] | None = None):
        self.owners: dict[str, np.ndarray] = {}
        self.idf = {k: math.log(1.0 + n / max(len(v), 1)) for k, v in owners.items()}
        self.typical: dict[str, np.ndarray] = {}
        shares = shares or {}
        for k, v in owners.items():
            order = sorted(v)
            self.owners[k] = np.fromiter(order, dtype=np.int32, count=len(order))
            found = shares.get(k)
            if found is None:
                continue
            row = np.fromiter([found.get(i, 0.0) for i in order], dtype=np.float32, count=len(order))
            top = float(row.max()) if len(row) else 0.0
            if top > 0 and row.min() < top:  # one value for all: nothing to tell apart
                self.typical[k] = row / top


def _add(owners: dict[str, set[int]], key: str, row: int) -> None:
    found = owners.get(key)
    if found is None:
        owners[key] = {row}
    else:
        found.add(row)


def _rarity(examples: int, using: int) -> float:
    """How much a stem weighs in an example's size: rare stems weigh more, as in the keyword channel."""
    return math.log(1.0 + examples / using)


def _fill(template: str, knowledge: Knowledge, lang: str) -> str:
    """An answer's text with facts, lists and counts filled in (enough for its words)."""

    def one(m: re.Match[str]) -> str:
        kind, name = m.group(1), m.group(2)
        if kind == "fact" and name in knowledge.facts:
            return knowledge.facts[name].get(lang, "")
        if kind == "count" and name in knowledge.groups:
            return str(len(knowledge.groups[name].members))
        return ""

    return PLACEHOLDER.sub(one, template)


_SOUNDS = ((re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"ck|c|q"), "k"), (re.compile(r"ph"), "f"),
           (re.compile(r"th"), "t"), (re.compile(r"tz|z"), "s"), (re.compile(r"y|ie"), "i"), (re.compile(r"v"), "f"),
           (re.compile(r"(.)\1+"), r"\1"))


def sound(word: str) -> str:
    """How a folded word sounds, roughly: "smartcity", "smartsity" and "smartsiti" sound the same."""
    for pattern, replacement in _SOUNDS:
        word = pattern.sub(replacement, word)
    return word


def _british(word: str) -> str:
    """An American spelling the British way, as the examples mostly write English ("organize",
    "digitalization", "analyze")."""
    return word.replace("iz", "is").replace("yz", "ys")


_MIN_SIZE = np.float32(1e-6)  # (an example of no content words: nothing to divide by)
MIN_SWAPPED = 6  # a shorter word with two letters swapped is too often another word


#: How a title asks what something is, a thing named: "Was ist eine Smart City?", "What are the Leitfäden?",
#: "Was ist „5 für Südwestfalen“?" (not "Was ist bisher passiert?")
_WHAT_IS = re.compile(r"^(?:Was|What) (?:ist|sind|is|are) (?:(?:eine?|die|der|das|the|an?) )?"
                      r"([„“\"]?[A-ZÄÖÜ0-9].*?)\??$")


#: What one intent's examples and titles give the index: stem strings, the same without stopwords,
#: question kind -> examples asking it, (content stem, examples using it), town token -> examples
#: naming it, how many examples, surface words, function words, names with a colon inside.
ExamplePart = tuple[tuple[str, ...], tuple[str, ...], dict[str, int], tuple[tuple[str, int], ...], dict[str, int],
                    int, frozenset[str], frozenset[str], frozenset[str]]
#: What one intent's answers give: surface words, stems, whether they name a day, the years they name.
AnswerPart = tuple[frozenset[str], frozenset[str], bool, frozenset[str]]


@mypyc_attr(native_class=False)  # a plain class, so it pickles with the index (compiled.py)
class Index:
    def __init__(self, knowledge: Knowledge, previous: Index | None = None):
        """``previous``: the index of the knowledge before an edit, whose reading of unchanged
        intents is reused."""
        self.intent_ids = [i.id for i in knowledge.intents]
        self.row = {intent_id: i for i, intent_id in enumerate(self.intent_ids)}
        self.slot_intents = {i.id for i in knowledge.intents if i.handler == "membership"}
        name = knowledge.facts.get("initiative", {})
        self.lexicon = Lexicon(knowledge.vocabulary)
        name_tokens = [tokenize_example(text).folded for text in name.values()]
        self.name_words = frozenset(w for words in name_tokens
                                    for w in (*words, *self.lexicon.rewrite(words, drop_chatter=False).words))
        # ... and the name written as one word, as the vocabulary joins it ("smartcitiessudwestfalen")
        self.full_names = self.name_words - {w for words in name_tokens for w in words}
        self.outside_tokens = frozenset(town_token(place) for place in knowledge.outside)
        self.slot_rows = [i for i, intent in enumerate(knowledge.intents) if intent.handler == "membership"]
        self.towns = TownFinder(knowledge)
        self.districts = district_patterns(knowledge)  # (a district asked about: ``decisions.district_asked``)
        n = len(self.intent_ids)
        texts: list[str] = []  # stem strings, sorted words (token_sort_ratio == ratio over sorted words)
        contents: list[str] = []  # the same without stopwords
        starts: list[int] = []
        example_owners: dict[str, set[int]] = {}
        answer_owners: dict[str, set[int]] = {}
        surface: set[str] = set()
        self.qtypes: list[frozenset[str]] = []
        # per intent: the share of its examples that ask each kind of question ("why": most of the why topic's)
        self.kind_shares: list[dict[str, float]] = []
        function_owners: dict[str, set[int]] = {}  # function words -> intents (for questions of only those)
        example_towns: list[tuple[dict[str, int], int]] = []  # per intent: the towns its examples name, of how many
        example_shares: dict[str, dict[int, float]] = {}  # stem -> intent -> share of its examples
        colon_names: set[str] = set()
        gives_day: set[str] = set()
        # Each intent's answer as it reads, filled in (which figures it gives: ``decisions.number_asked``)
        self.answer_texts: dict[str, tuple[str, ...]] = {}
        names_people: set[str] = set()  # intents whose answer names one of ``knowledge.people``
        years: dict[str, frozenset[str]] = {}  # intent -> the years its answer names
        # What each intent's examples and answers gave the last build, kept for the next one: after an
        # edit, only the intents whose text changed are read again (while the vocabulary and the
        # towns, which reading depends on, stay the same).
        self._reading = (knowledge.vocabulary, knowledge.groups, knowledge.aliases, knowledge.region,
                         knowledge.outside, knowledge.localities)
        same = previous is not None and previous._reading == self._reading
        old_parts = previous._example_parts if previous is not None and same else {}
        old_answers = previous._answer_parts if previous is not None and same else {}
        self._example_parts: dict[tuple[object, ...], ExamplePart] = {}
        self._answer_parts: dict[tuple[str, ...], AnswerPart] = {}
        info: dict[str, tuple[str, bool]] = {}  # word -> (stem, is a content word): each word once
        key_cache: dict[str, tuple[str, ...]] = {}
        for index, intent in enumerate(knowledge.intents):
            starts.append(len(texts))
            generic = intent.handler == "membership"
            ekey = (tuple(intent.examples.items()), tuple(intent.title.items()), intent.listed, generic)
            part = self._example_parts.get(ekey) or old_parts.get(ekey)
            if part is None:
                part = self._read_examples(intent, generic, info, key_cache)
            self._example_parts[ekey] = part
            (e_texts, e_contents, kind_counts, key_counts, towns_here, n_examples, e_surface, e_function,
             e_colons) = part
            texts.extend(e_texts)
            contents.extend(e_contents)
            for k, count in key_counts:  # the stems of its content words, each looked up once
                # (no empty dict and set made for every stem already met: a reload reads 100,000 of them)
                shares = example_shares.get(k)
                if shares is None:
                    example_shares[k] = {index: count / n_examples}
                    example_owners[k] = {index}
                else:
                    shares[index] = count / n_examples
                    example_owners[k].add(index)
            example_towns.append((towns_here, n_examples))
            surface.update(e_surface)
            for w in e_function:
                _add(function_owners, w, index)
            colon_names.update(e_colons)
            if len(texts) == starts[-1]:  # an intent without examples never matches
                texts.append("")
                contents.append("")
            self.qtypes.append(frozenset(kind_counts))
            self.kind_shares.append({k: c / max(n_examples, 1) for k, c in kind_counts.items()})
            answer_texts = tuple(self._answer_texts(intent, knowledge))
            self.answer_texts[intent.id] = answer_texts
            answer = self._answer_parts.get(answer_texts) or old_answers.get(answer_texts)
            if answer is None:
                answer = self._read_answers(answer_texts, key_cache)
            self._answer_parts[answer_texts] = answer
            a_surface, a_keys, names_day, a_years = answer
            # Whether its answer names a day ("am 12. März", a timeline entry); the others give a year
            # at most (``decisions.day_asked``), also where a "when" facet says the page gives no date.
            if names_day or any("{timeline" in t for t in intent.answer.values()):
                gives_day.add(intent.id)
            years[intent.id] = a_years
            if any(person in text for person in knowledge.people for text in answer_texts):
                names_people.add(intent.id)
            surface.update(a_surface)
            for k in a_keys:
                _add(answer_owners, k, index)
        self.texts = texts
        self.gives_day = frozenset(gives_day)
        self.names_people = frozenset(names_people)  # (``decisions.person_claimed``)
        # their family names, folded ("seehofer"; a first name may be a word: "hörst du mich" folds to "horst"):
        # a question that names one asks about them
        self.person_words = frozenset(words[-1] for words in (tokenize(person).folded for person in knowledge.people)
                                      if words)
        self.years = years
        self.timeline_rows = frozenset(r for r, i in enumerate(knowledge.intents)
                                       if any("{timeline" in t for t in i.answer.values()))
        # The first intent whose answer gives each part of the timeline: the whole of it (what several
        # events asked together ask for), and one step of it, the latest or the next ("latest" -> intent id).
        self.step_intents = {slot: i.id for slot in TIMELINE_SLOTS for i in reversed(knowledge.intents)
                             if any(f"{{timeline:{slot}}}" in t for t in i.answer.values())}
        self.overview_intent = self.step_intents.pop("overview", None)
        self.contents = contents
        self.starts = np.asarray(starts, dtype=np.intp)
        self._ranges = list(zip(starts, [*starts[1:], len(texts)][: len(starts)], strict=True))
        # Which examples use each content stem, and how many distinct ones each has: whether all of
        # an example's content words are in a question is then a count, not a string comparison.
        self.stem_examples: dict[str, np.ndarray] = {}
        self.stem_weights: dict[str, float] = {}
        if previous is None or not self._patch_stems(previous):
            self._count_stems()
        example_owners.setdefault(TOWN_TOKEN, set())
        self.examples = Postings(n, example_owners, example_shares)
        self.function_words = Postings(n, function_owners).owners
        self.qtype_rows = {
            kind: np.fromiter((kind in kinds for kinds in self.qtypes), dtype=np.float32, count=n)
            for kind in qtype.QUESTION_TYPES
        }
        unlisted = {i for i, intent in enumerate(knowledge.intents) if not intent.listed}
        # The stems of each fact that names a person ("Bundesinnenminister Horst Seehofer"): a question
        # whose topic words all come from one asks about that person or office (``decisions.asks_about_now``).
        self.person_keys = tuple(frozenset(k for text in texts.values() for w in tokenize_example(text).folded
                                           if w not in STOPWORDS and not is_town(w) and not w.isdigit()
                                           for k in keys(w))
                                 for texts in knowledge.facts.values()
                                 if any(person in text for person in knowledge.people for text in texts.values()))
        # ... and of the people's names alone ("Horst Seehofer"): what one of them thinks is no fact here
        self.name_keys = frozenset(k for person in knowledge.people for w in tokenize_example(person).folded
                                   for k in keys(w))
        # Words only greetings, thanks and the help use ("moin", "danke"): no topic of their own.
        self.social_keys = frozenset(k for k, owners in example_owners.items() if owners and owners <= unlisted)
        # Greetings and thanks: unlisted intents whose answer is a plain sentence (the help lists topics).
        unlisted_lists = {i.id: any(LISTING.search(t) for t in i.answer.values())
                          for i in knowledge.intents if not i.listed}
        self.social_intents = frozenset(i for i, lists in unlisted_lists.items() if not lists)
        self.help_intents = frozenset(i for i, lists in unlisted_lists.items() if lists)  # the help lists topics
        social_rows = {i for i, intent in enumerate(knowledge.intents) if intent.id in self.social_intents}
        # Words only greetings and thanks use ("moin", "danke", not the help's "fragen"): a clause of those only greets.
        self.greeting_keys = frozenset(k for k, owners in example_owners.items() if owners and owners <= social_rows)
        # ... and those greetings and thanks use far more than the help does ("hallo", which a few of
        # the help's examples begin with): a clause that begins with one greets.
        self.mostly_greeting_keys = frozenset(
            k for k, owners in example_owners.items() if owners and owners & social_rows and owners <= unlisted
            and max(example_shares[k].get(r, 0.0) for r in social_rows)
            > max((example_shares[k].get(r, 0.0) for r in owners - social_rows), default=0.0))
        # The intents that are a group of towns themselves ("Welche Kommunen sind Mitmacherkommunen?").
        self.group_intents = frozenset(i.id for i in knowledge.intents if i.id in knowledge.groups)
        # Topics about one town (Menden's award): most of their examples name it, a question about
        # them mostly does too. Row -> that town's token.
        self.own_town: dict[int, str] = {}
        for row, (counts, n_named) in enumerate(example_towns):
            best = max(counts.items(), key=lambda kv: kv[1], default=None)
            if best and row not in self.slot_rows and best[1] >= OWN_TOWN_SHARE * n_named:
                self.own_town[row] = best[0]
        # Their towns, as the tokens questions are written with ("Arnsberg, Olpe und Soest" name a group).
        self.group_towns = {g: frozenset(town_token(m) for m in knowledge.groups[g].members)
                            for g in self.group_intents}
        # The words that name one group only ("Mitmacherkommunen", "pioneer"), as questions are stemmed.
        named: dict[str, set[str]] = {
            g: {k for text in (g, *knowledge.groups[g].name.values()) for w in tokenize(text).folded
                for r in self.lexicon.single(w) for k in keys(r)} for g in knowledge.groups}
        self.group_names = {g: frozenset(own - {k for o, other in named.items() if o != g for k in other})
                            for g, own in named.items()}
        # The words that ask about taking part ("dabei", "mitmachen", "part of"): used by the
        # membership examples and by few other intents ("Smart Cities" is in many: not one of them).
        # A place noun ("Stadt") names where, not whether it takes part ("Sucht die Stadt Arnsberg Leute?").
        place_keys = {k for w in PLACE_NOUNS for k in keys(w)}
        self.slot_keys = frozenset(k for k, owners in example_owners.items()
                                   if not is_town(k) and not owners.isdisjoint(self.slot_rows)
                                   and len(owners) <= SLOT_KEY_MAX_INTENTS and k not in place_keys)
        self.answers = Postings(n, answer_owners)
        self.max_idf = math.log(1.0 + n)
        self.known = frozenset(example_owners) | frozenset(answer_owners)
        surface |= self.lexicon.canonical_words - self.lexicon.not_covered
        surface |= {v for v in self.lexicon.variants if " " not in v}  # a typo of a variant: "smartsity"
        self.surface = sorted(w for w in surface if len(w) >= 4 and not w.isdigit())
        self._surface_set = frozenset(self.surface)
        self._by_initial: dict[str, list[str]] = {}
        for w in self.surface:
            self._by_initial.setdefault(w[0], []).append(w)
        self._by_sound: dict[str, str] | None = None  # built when first needed (``_sounds_like``)
        self._parts: dict[str, tuple[str, ...]] = {}
        self.towns.vocabulary = frozenset(surface) | self.lexicon.variants
        self._cache: dict[str, Resolved] = {}
        self._writes: dict[str, bool] = {}
        # per-term rows, by (stems, answer share, typical power)
        self.rows: dict[tuple[tuple[str, ...], float, float],
                        tuple[float, list[tuple[int, float]], list[tuple[int, float]]]] = {}
        zipf("")  # read the frequency table now, not on the first question
        # Names with a colon inside ("Smart Cities: Schule"): a clause does not end at that colon.
        self.colon_names = frozenset(colon_names)
        # Names a topic's title puts in quotes ("Was ist „Smart Cities: Schule“?"): written without
        # quotes in a question, they are still that name (as the vocabulary writes them).
        # ... and whose title it is (name -> intent id)
        self.title_intents: dict[tuple[str, ...], str] = {}
        for intent in knowledge.intents:
            for text in intent.title.values():
                for m in _TITLE_QUOTE.finditer(text):
                    quoted = tuple(self.lexicon.rewrite(tokenize_example(m.group(1)).folded, drop_chatter=False).words)
                    if quoted:
                        self.title_intents.setdefault(quoted, intent.id)
        self.title_names = tuple(sorted(self.title_intents))
        # What a topic's title asks to be defined ("Was ist eine Smart City?", "What are the Leitfäden?"):
        # the stems of each word of its subject, as questions are written (``decisions.description_asked``).
        subjects: dict[str, tuple[frozenset[str], ...]] = {}
        for intent in knowledge.intents:
            for text in intent.title.values() if intent.listed else ():
                defined = _WHAT_IS.match(text)
                if defined is None or intent.id in subjects:
                    continue
                rest = [w for w in self.lexicon.rewrite(tokenize_example(defined.group(1)).folded,
                                                        drop_chatter=False).words if w not in STOPWORDS]
                if rest:
                    subjects[intent.id] = tuple(frozenset(keys(w)) for w in rest)
        self.title_subjects = tuple(sorted(subjects.items(), key=lambda kv: -len(kv[1])))  # the longest first

    def _count_stems(self) -> None:
        """Which examples use each content stem, counted over all examples."""
        stem_examples: dict[str, list[int]] = {}
        for i, content in enumerate(self.contents):
            for st in set(content.split()):
                stem_examples.setdefault(st, []).append(i)
        self.stem_examples = {k: np.asarray(v, dtype=np.int32) for k, v in stem_examples.items()}
        self.stem_weights = {k: _rarity(len(self.contents), len(v)) for k, v in stem_examples.items()}
        self.example_sizes = self._sizes()

    def _sizes(self) -> np.ndarray:
        """Each example's distinct content stems, weighted by rarity as in the keyword channel; added
        stem by stem in one order (the stems sorted), as ``_size`` adds them for one example."""
        sizes = np.zeros(len(self.contents), dtype=np.float32)
        for k in sorted(self.stem_examples):
            sizes[self.stem_examples[k]] += self.stem_weights[k]
        return np.maximum(sizes, _MIN_SIZE)

    def _size(self, example: int) -> np.float32:
        size = np.float32(0.0)
        for k in sorted(set(self.contents[example].split())):
            size = np.float32(size + np.float32(self.stem_weights[k]))
        return max(size, _MIN_SIZE)

    def _patch_stems(self, previous: Index) -> bool:
        """After an edit of a few intents, the stems' examples of the index before it, with only the
        changed intents' examples counted again (a reload at 100 times the knowledge spent a quarter of
        its time counting the stems of all 80,000): what ``_count_stems`` gives, or False when
        counting anew is as quick (another list of intents, many changed)."""
        if previous.intent_ids != self.intent_ids:
            return False
        old, new = previous.contents, self.contents
        pairs = list(zip(previous._ranges, self._ranges, strict=True))
        changed = [(a, b, c, d) for (a, b), (c, d) in pairs if old[a:b] != new[c:d]]
        if len(changed) > max(2, len(pairs) // 20):
            return False
        gone = np.zeros(len(old), dtype=bool)  # the changed intents' examples before the edit
        lost: set[str] = set()  # the stems they used
        added: dict[str, list[int]] = {}  # stem -> the changed intents' examples after it that use it
        for a, b, c, d in changed:
            gone[a:b] = True
            for i in range(a, b):
                lost.update(old[i].split())
            for i in range(c, d):
                for st in set(new[i].split()):
                    added.setdefault(st, []).append(i)
        shifted = any(a != c for (a, _), (c, _) in pairs)  # an intent has more or fewer examples than before
        shift = np.zeros(len(old), dtype=np.int32)
        if shifted:
            for (a, b), (c, _) in pairs:
                shift[a:b] = c - a
        stems = dict(previous.stem_examples)
        reweighed: list[str] = []
        # (when an intent has more or fewer examples, every example after it moves: all stems)
        for st in [*stems, *(k for k in added if k not in stems)] if shifted else list(lost | added.keys()):
            using = stems.get(st)
            kept = using[~gone[using]] if using is not None else np.zeros(0, dtype=np.int32)
            if shifted:
                kept = kept + shift[kept]
            more = added.get(st)
            found = np.sort(np.concatenate([kept, np.asarray(more, dtype=np.int32)])) if more else kept
            if not len(found):  # (no example uses it any more)
                del stems[st]
                continue
            if using is None or len(found) != len(using):
                reweighed.append(st)
            stems[st] = found
        self.stem_examples = stems
        if len(new) != len(old):  # every stem's rarity changed, and so every example's size
            self.stem_weights = {k: _rarity(len(new), len(v)) for k, v in stems.items()}
            self.example_sizes = self._sizes()
            return True
        self.stem_weights = {k: w for k, w in previous.stem_weights.items() if k in stems}
        self.stem_weights.update((st, _rarity(len(new), len(stems[st]))) for st in reweighed)
        # Only the examples whose stems' rarity changed, and the changed ones, have another size
        # (unless examples moved, or so many that adding all anew is as quick).
        redo = {i for st in reweighed for i in stems[st].tolist()} | {i for _, _, c, d in changed for i in range(c, d)}
        if shifted or len(redo) > len(new) // 10:
            self.example_sizes = self._sizes()
            return True
        self.example_sizes = previous.example_sizes.copy()
        for i in redo:
            self.example_sizes[i] = self._size(i)
        return True

    def __getstate__(self) -> dict[str, object]:
        """What a compiled copy keeps: not the caches answering fills (the copy is written while the
        bot answers already, see ``compiled``)."""
        state = dict(self.__dict__)
        state.update(_cache={}, _writes={}, _parts={}, rows={}, _by_sound=None)
        return state

    # --- building ------------------------------------------------------------------------
    def _read_examples(self, intent: Intent, generic: bool, info: dict[str, tuple[str, bool]],
                       key_cache: dict[str, tuple[str, ...]]) -> ExamplePart:
        """What one intent's examples and titles give the index."""
        texts: list[str] = []
        contents: list[str] = []
        kind_counts: dict[str, int] = {}  # question type -> how many of its examples ask it
        words_here: set[str] = set()
        # The membership intent is about any town; other intents are about the towns they name
        # ("Menden's recognition"), so their examples keep which town it is.
        key_counts: dict[str, int] = {}  # content stem -> how many of this intent's examples use it
        towns_here: dict[str, int] = {}  # town token -> how many of this intent's examples name it
        n_examples = 0
        not_covered = self.lexicon.not_covered  # never known, whatever an example or answer says
        detect = qtype.detect
        for words in self._example_words(intent):
            kind = detect(words)
            if kind:
                kind_counts[kind] = kind_counts.get(kind, 0) + 1
            if generic and TOWN_TOKEN in " ".join(words):
                words = [TOWN_TOKEN if is_town(w) else w for w in words]
            pairs = []
            for w in words:
                pair = info.get(w)
                if pair is None:
                    pair = info[w] = (w if is_town(w) else stem(w), w not in STOPWORDS)
                pairs.append(pair)
            pairs.sort()
            texts.append(" ".join([st for st, _ in pairs]))
            contents.append(" ".join([st for st, content in pairs if content]))
            words_here.update(words)
            n_examples += 1
            for town in {w for w in words if is_town(w) and w != TOWN_TOKEN}:
                towns_here[town] = towns_here.get(town, 0) + 1
            example_keys: set[str] = set()
            for w in words:
                if w not in STOPWORDS and w not in not_covered:
                    found = key_cache.get(w)
                    if found is None:
                        found = key_cache[w] = keys(w)
                    example_keys.update(found)
            for k in example_keys:
                key_counts[k] = key_counts.get(k, 0) + 1
        colons = frozenset(tokenize_example(m.group(1)).folded[-1]
                           for text in (*intent.title.values(), *(e for ex in intent.examples.values() for e in ex))
                           for m in _COLON_NAME.finditer(text))
        return (tuple(texts), tuple(contents), kind_counts, tuple(key_counts.items()), towns_here, n_examples,
                frozenset(w for w in words_here - STOPWORDS if not is_town(w)), frozenset(words_here & STOPWORDS),
                colons)

    def _read_answers(self, answer_texts: tuple[str, ...], key_cache: dict[str, tuple[str, ...]]) -> AnswerPart:
        """What one intent's answers (facts filled in) give the index."""
        answer_words: set[str] = set()
        for text in answer_texts:
            answer_words.update(self.lexicon.rewrite(tokenize_example(text).folded, drop_chatter=False).words)
        surface: set[str] = set()
        found: set[str] = set()
        for w in answer_words - STOPWORDS - self.lexicon.not_covered:
            if not self.towns.is_name(w):
                surface.add(w)
                ks = key_cache.get(w)
                if ks is None:
                    ks = key_cache[w] = keys(w)
                found.update(ks)
        return (frozenset(surface), frozenset(found), any(_DAY.search(t) for t in answer_texts),
                frozenset(y for t in answer_texts for y in _YEAR.findall(t)))

    def _example_words(self, intent: Intent) -> Iterable[list[str]]:
        titles = [t for t in intent.title.values() if intent.listed] if intent.examples else []
        for examples in (*intent.examples.values(), titles):
            for example in examples:
                tokens = tokenize_example(example)
                words: Sequence[str] = tokens.folded
                if not self.towns.first_words.isdisjoint(words):  # most examples name no town
                    words = TownFinder.mask(tokens, self.towns.find(tokens, fuzzy=False))
                words = self.lexicon.rewrite(words, drop_chatter=False).words if self.lexicon.applies(words) \
                    else list(words)
                joined, verb = particles.join(words)  # as questions are read: "Macht X mit?" is "mitmachen"
                yield words if verb is None else self.lexicon.rewrite(joined, drop_chatter=False).words

    @staticmethod
    def _answer_texts(intent: Intent, knowledge: Knowledge) -> list[str]:
        return [_fill(t, knowledge, lang) for lang, t in intent.answer.items()]

    def examples_of(self, intents: Sequence[int]) -> tuple[list[str], list[str], np.ndarray, np.ndarray | slice]:
        """The example strings (whole, content words) of some intents, where each intent's start,
        and which examples they are (to pick from arrays over all examples)."""
        if len(intents) == len(self.intent_ids):
            return self.texts, self.contents, self.starts, slice(None)
        texts: list[str] = []
        contents: list[str] = []
        starts = []
        which: list[int] = []
        for i in intents:
            a, b = self._ranges[i]
            starts.append(len(texts))
            texts.extend(self.texts[a:b])
            contents.extend(self.contents[a:b])
            which.extend(range(a, b))
        return texts, contents, np.asarray(starts, dtype=np.intp), np.asarray(which, dtype=np.intp)

    def covered(self, stems: set[str], which: np.ndarray | slice = slice(None)) -> np.ndarray:
        """For the examples ``which`` (all by default), the share of each one's distinct content
        stems (weighted by rarity) among ``stems``."""
        counts = np.zeros(len(self.contents), dtype=np.float32)
        for st in stems:
            found = self.stem_examples.get(st)
            if found is not None:
                counts[found] += self.stem_weights[st]
        return counts[which] / self.example_sizes[which]

    def only_social(self, word: str) -> bool:
        """Whether a word is one only greetings, thanks and the help use ("moin", "danke", "fragen")."""
        keys = self.resolve(word).keys
        return bool(keys) and all(k in self.social_keys for k in keys)

    def only_greets(self, word: str) -> bool:
        """Whether a word is one only greetings and thanks use ("moin", "danke")."""
        keys = self.resolve(word).keys
        return bool(keys) and all(k in self.greeting_keys for k in keys)

    def greets(self, word: str) -> bool:
        """Whether a word is one greetings and thanks use far more than anything else ("hallo")."""
        keys = self.resolve(word).keys
        return bool(keys) and all(k in self.mostly_greeting_keys for k in keys)

    def asks_taking_part(self, keys: Iterable[str]) -> bool:
        """Whether a word's stems ask whether a town takes part ("dabei", "mitmachen", "part of")."""
        return any(k in self.slot_keys for k in keys)

    def knows(self, word: str) -> bool:
        """Whether a question word means something to the knowledge: a town or a known stem."""
        return is_town(word) or bool(self.resolve(word).keys)

    # --- looking words up ----------------------------------------------------------------
    def resolve(self, word: str) -> Resolved:
        """What ``word`` is to the index: a known stem, a typo of one, a compound of known parts."""
        cached = self._cache.get(word)
        if cached is None:
            cached = self._resolve(word)
            if len(self._cache) > 1 << 16:
                self._cache.clear()
            self._cache[word] = cached
        return cached

    def has_word(self, word: str) -> bool:
        """Whether the knowledge writes ``word`` as it is in an example, an answer or the vocabulary
        (four letters or more; a set lookup, no stemming: for the many pieces ``spacing`` tries)."""
        return word in self._surface_set

    def writes(self, word: str) -> bool:
        """Whether the knowledge writes ``word`` as it is (a known stem; no typo or compound is tried)."""
        known = self._writes.get(word)
        if known is None:
            known = word not in self.lexicon.not_covered and bool(self._exact(word))
            if len(self._writes) > 1 << 16:
                self._writes.clear()
            self._writes[word] = known
        return known

    def _exact(self, word: str) -> tuple[str, ...]:
        if is_town(word):
            return (word,) if word in self.known else ()
        return tuple(k for k in keys(word) if k in self.known)

    def _resolve(self, word: str) -> Resolved:
        if is_town(word):
            return Resolved((TOWN_TOKEN, word), "exact")
        if word in self.lexicon.not_covered:
            return Resolved((), "not covered")  # "jobsuche": never a typo or compound of a known word
        found = self._exact(word)
        if found:
            return Resolved(found, "exact")
        if len(word) < 4 or word.isdigit():
            return Resolved((), "unknown")
        british = _british(word)
        if british != word and (found := self._exact(british)):
            return Resolved(found, "typo", (british,))  # "organize" is "organise", "analyze" "analyse"
        if word.endswith(_AS_FOR) and len(word) - len(_AS_FOR) >= MIN_PART:
            # "städtemäßig", "geldmäßig": colloquial "as for the towns, the money" is that word
            inner = self.resolve(word[: -len(_AS_FOR)])
            if inner.keys:
                return Resolved(inner.keys, "compound", (word[: -len(_AS_FOR)], "massig"))
        compound = self._split(word)
        if compound is not None and not compound.parts[-1].endswith("?") and not compound.parts[0].startswith("?"):
            return compound  # every part known: "Digital|ranking" (a typo comes first: "Ramenstrategie")
        # Written as it sounds ("Smartsiti", "Smartsitty"): the word that sounds the same.
        heard = self._sounds_like(word) if zipf(word) < TYPO_MAX_ZIPF else None
        if heard is not None and (found := self._part(heard)):
            return Resolved(found, "typo", (heard,))
        # A correctly spelt everyday word is no typo of a knowledge word ("even" is not "event").
        # Typos keep the first letter nearly always: compare with the words that start like it.
        best = None if zipf(word) >= TYPO_MAX_ZIPF else \
            process.extractOne(word, self._by_initial.get(word[0], ()), scorer=fuzz.ratio, score_cutoff=86)
        if best is not None:
            found = self._part(best[0])
            if found:
                return Resolved(found, "typo", (best[0],))
        elif zipf(word) < TYPO_MAX_ZIPF and len(word) >= MIN_SWAPPED:
            # two neighbouring letters swapped ("fundign") cost the ratio two edits: try the swaps
            for i in range(1, len(word) - 1):
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                if swapped in self._surface_set and (found := self._part(swapped)):
                    return Resolved(found, "typo", (swapped,))
        return compound or Resolved((), "unknown")  # a known first part at least: "Strategie|papier"

    def _sounds_like(self, word: str) -> str | None:
        """The one knowledge word that sounds like ``word``, if there is exactly one."""
        if self._by_sound is None:
            sounds: dict[str, set[str]] = {}
            for w in self.surface:
                sounds.setdefault(sound(w), set()).add(w)
            self._by_sound = {key: next(iter(ws)) for key, ws in sounds.items() if len(ws) == 1}
        return self._by_sound.get(sound(word))

    def _part(self, part: str) -> tuple[str, ...]:
        found = self._parts.get(part)
        if found is None:
            out: list[str] = []
            for w in self.lexicon.single(part):
                out.extend(self._exact(w))
            if len(self._parts) > 1 << 16:
                self._parts.clear()
            found = self._parts[part] = tuple(out)
        return found

    def _split(self, word: str) -> Resolved | None:
        """'Digitalranking' -> digital + ranking; 'Strategiepapier' -> strategie (+ an unknown head)."""
        if len(word) < 2 * MIN_PART:
            return None
        best: Resolved | None = None
        known_head: Resolved | None = None
        # (an everyday word of its own is no compound with an unknown part: "verwenden" is no
        # "verw|enden", "interesting" no "interes|ting")
        everyday = zipf(word) >= TYPO_MAX_ZIPF
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head = word[cut:]
            head_keys = self._part(head)
            if known_head is None and head_keys and len(head) >= 5 and cut >= MIN_PART and not everyday \
                    and head in self.towns.vocabulary:
                # "Gemeinschafts|projekt" is a Projekt: the last part carries the meaning. It must be a
                # word the knowledge writes, not only share its stem ("Ortsvor|steher" is no "steht").
                known_head = Resolved(head_keys, "compound", ("?" + word[:cut], head))
            for link in _LINKS:
                left = word[:cut]
                if link:
                    if not left.endswith(link):
                        continue
                    left = left[: -len(link)]
                if len(left) < MIN_PART - 1:
                    continue
                left_keys = self._part(left)
                if left_keys and head_keys:
                    return Resolved(tuple(dict.fromkeys(left_keys + head_keys)), "compound", (left, head))
                if left_keys and (head,) in self.lexicon.chatter and not everyday:
                    # "Digital|kram", "Smartcity|gedöns": a head that only means "stuff" says nothing
                    return Resolved(left_keys, "compound", (left, head))
                if best is None and left_keys and len(left) >= 6 and not everyday:  # "interes|ting"
                    best = Resolved(left_keys, "compound", (left, head + "?"))
        return known_head or best
