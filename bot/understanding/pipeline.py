"""The understanding pipeline: a list of small named stages, visible in one place.

A question passes through ``STAGES`` in order; each stage reads and extends one ``Parse``
and notes what it did, so ``ask --explain``, the shell and ``/kb test`` can show why the bot
answered or fell back. In the spirit of Rasa's NLU pipeline: each stage is a plain function
with its own unit tests (``tests/test_understanding.py``).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from itertools import accumulate, dropwhile

import numpy as np
from rapidfuzz import fuzz, process

from bot.understanding import addressed, decisions, language, names, particles, rumours
from bot.understanding import clauses as clause_split
from bot.understanding import qtype as question_type
from bot.understanding.clauses import PLAINLY, TELL
from bot.understanding.corrections import correct
from bot.understanding.frequency import EVERYDAY_ZIPF, unknown_cost, zipf
from bot.understanding.index import Index, Postings, Resolved
from bot.understanding.lexicon import FILLERS, Rewritten
from bot.understanding.normalize import Tokens, fold, tokenize
from bot.understanding.settings import MatcherSettings
from bot.understanding.spacing import FUNCTION_MIN_LETTERS, MIN_LETTERS, split_function_words, split_run_together
from bot.understanding.stems import stem
from bot.understanding.stopwords import STOPWORDS, misspelt
from bot.understanding.towns import PLACE_NOUNS, TOWN_TOKEN, TownFinder, is_town


@dataclass
class Term:
    """A content word of the question and what the index makes of it."""

    word: str
    original: str
    resolved: Resolved
    cost: float  # 0 when known; for unknown words: how much they count against the question
    alternative: bool = False  # after "oder"/"or" in its clause: "… für alle oder nur für die fünf Städte?"
    claimed: bool = False  # the writer's claim, to be corrected: "Menden hat doch Platz 1 gemacht, woll?"


@dataclass
class Parse:
    question: str
    tokens: Tokens = field(default_factory=lambda: Tokens((), ()))  # the whole message (language detection)
    clauses: list[clause_split.Clause] = field(default_factory=list)
    clause_words: list[tuple[list[str], list[str]]] = field(default_factory=list)  # per clause: folded, originals
    kept: list[int] = field(default_factory=list)  # indexes of the clauses that carry the question
    dropped: list[str] = field(default_factory=list)  # chatter clauses and words
    synonyms: list[tuple[str, str]] = field(default_factory=list)
    compounds: list[tuple[str, str]] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)
    localities: dict[str, str] = field(default_factory=dict)  # town -> the locality that alone named it
    districts: list[str] = field(default_factory=list)  # districts asked about (``decisions.district_asked``)
    words: list[str] = field(default_factory=list)  # the question's words after all rewriting
    originals: list[str] = field(default_factory=list)  # index for index with ``words``
    qtype: str | None = None
    asked: list[str] = field(default_factory=list)  # every question type the asking clauses ask for
    terms: list[Term] = field(default_factory=list)
    coverage: float = 1.0
    channels: dict[str, list[float]] = field(default_factory=dict)
    scores: list[float] | None = None
    ranked: list[tuple[str, float]] = field(default_factory=list)
    intent: str | None = None
    decision: str = "fallback"  # answer | clarify | fallback
    reason: str = ""
    trace: list[tuple[str, str]] = field(default_factory=list)  # (stage, what it did)
    intent_ids: list[str] = field(default_factory=list)  # the order of the channel arrays
    quoted: set[str] = field(default_factory=set)  # folded words the writer put in quotes
    named: set[str] = field(default_factory=set)  # folded words of a name a topic's title quotes
    story: set[str] = field(default_factory=set)  # words only in kept clauses that do not ask
    place: str | None = None  # an unknown name taken for a place ("Macht Hamm mit?")
    settled: bool = False  # a decision stage has decided for good: later ones leave it alone
    whole_only: bool = False  # no part of the message is answered on its own (it gives the bot instructions)
    starts: set[int] = field(default_factory=set)  # indexes in ``words`` where a kept clause begins
    alternatives: set[int] = field(default_factory=set)  # indexes in ``words`` not the subject (``_not_the_subject``)
    name_asked: bool = False  # a question of function words about the initiative's name said before it
    title_asked: tuple[str, frozenset[str]] | None = None  # ... or about a thing a topic's title defines,
    # said before it: (its intent, the words that name it)
    checks: bool = False  # the writer wants a claim checked ("… in 2019 i think"): its numbers are the claim
    title_named: set[str] = field(default_factory=set)  # the topics whose title's quoted name the question writes
    guessed: set[int] = field(default_factory=set)  # indexes in ``words`` of the writer's guess at the answer
    talk: set[int] = field(default_factory=set)  # indexes in ``words`` of talk after a question of function words
    lacks: str = ""  # on a fallback, what the knowledge lacks that the question asks for ("day"), for the reply
    claims: list[int] = field(default_factory=list)  # clauses that state a claim to be checked (``clauses.claimed``)
    claimed_person: str = ""  # who the writer claims did it ("Did Angela Merkel hand over …?"), as written
    compared: list[str] = field(default_factory=list)  # two topics a question compares (``decisions.two_compared``)

    def note(self, stage: str, text: str) -> None:
        self.trace.append((stage, text))

    def take(self, other: Parse) -> None:
        """Become ``other`` (a trial parse a decision stage keeps), field by field."""
        for f in fields(self):
            setattr(self, f.name, getattr(other, f.name))


Stage = Callable[[Parse, Index, MatcherSettings], None]


# --- stages -------------------------------------------------------------------------------
#: "smart city = robots everywhere??", "leitfäden = hausaufgaben für städte oder was": an equals sign
#: between words is "is" ("is" is German chat for "ist" too)
_EQUALS = re.compile(r"(?<=[^\W\d_])\s+=\s+(?=[^\W\d_])|(?<=[^\W\d_])=(?=[^\W\d_])")
#: An amount written with its unit's letter: "13m EUR", "€13m", "13mio", "500k" (the number stays a number)
_AMOUNT = re.compile(r"(?<![\w.,])([€$£])?(\d+(?:[.,]\d+)?)(m|mn|mio|k|tsd|bn)([€$£])?(?!\w)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_AMOUNT_UNITS = {"m": "mio", "mn": "mio", "mio": "mio", "k": "tausend", "tsd": "tausend", "bn": "milliarden"}


def _amount(found: re.Match[str]) -> str:
    """The amount with its unit written out, and "euro" for a euro sign ("€13m" -> "13 mio euro")."""
    currency = " euro" if "€" in (found.group(1) or "") + (found.group(4) or "") else ""
    return f"{found.group(2)} {_AMOUNT_UNITS[found.group(3).casefold()]}{currency}"


#: A word written with a hyphen: "Mit-Macher", "Strategie-Papier"
_HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w-])")


def _join_hyphenated(text: str, ix: Index) -> str:
    """Write a hyphenated word as one where the knowledge writes it so and a part alone means nothing to
    it ("Mit-Macher" is its "Mitmacher"; "Mitmacher-Städte" stays two words it knows): the vocabulary's
    variants are looked up before the compounds stage joins words of the index."""
    def joined(found: re.Match[str]) -> str:
        whole = found.group(1) + found.group(2).lower()
        if all(ix.knows(part) and part not in STOPWORDS for part in map(fold, found.groups())) \
                or not ix.has_word(fold(whole)):
            return found.group(0)
        return whole

    return _HYPHENATED.sub(joined, text)


def normalise(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Fold case and umlauts, remove mentions, links, markup and emoji (``normalize.tokenize``); an
    equals sign between words is read as "is", an amount's unit letter is written out ("€13m"), and a
    hyphenated word whose part alone means nothing is written as one ("Mit-Macher"). The writer's own
    corrections are made first ("Is Siege part of it? *Siegen", ``corrections``)."""
    p.question, fixed = correct(p.question)
    if fixed:
        p.note("corrections", ", ".join(f"{wrong} → {right}" for wrong, right in fixed))
    if "=" in p.question:
        p.question = _EQUALS.sub(" is ", p.question)
    if _DIGIT.search(p.question):  # (the cheap look first: most questions have no number)
        p.question = _AMOUNT.sub(_amount, p.question)
    if "-" in p.question:
        p.question = _join_hyphenated(p.question, ix)
    p.tokens = tokenize(p.question)
    p.note("normalise", " ".join(p.tokens.folded))


def separate_run_together(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Words typed without spaces ("istlüdenscheiddabei?") are written apart again (``spacing``),
    in the text itself, so that clauses, towns and question words are found as in any question."""
    text = p.question
    for folded, original in zip(p.tokens.folded, p.tokens.original, strict=True):
        short = len(folded) < MIN_LETTERS
        if short and (len(folded) < FUNCTION_MIN_LETTERS or not original.islower()) or zipf(folded) \
                or not _unread(ix.resolve(folded)):
            continue
        if short:
            # (chat's function words run together: "was isdas", "wasisdas")
            pieces = split_function_words(folded, STOPWORDS.__contains__, question_type.is_question_word)
        else:
            apart = _DIGITS_APART.sub(" ", original)
            if apart != original and all(w.isdigit() or w in STOPWORDS or not _unread(ix.resolve(w))
                                         for w in tokenize(apart).folded):
                # a number typed onto words the index reads: "alle14kommunen", "mendenplatz3"
                text = text.replace(original, apart, 1)
                p.note("run together", f"{folded} -> {fold(apart)}")
                continue
            # (the words as the knowledge writes them, not by their stems: a stem for each of the many
            # pieces tried would cost more than the rest of the question)
            pieces = split_run_together(folded, STOPWORDS.__contains__,
                                        lambda w: ix.has_word(w) or ix.towns.is_name(w), question_type.is_question_word)
        if pieces is None:
            continue
        text = text.replace(original, _apart(original, folded, pieces), 1)
        p.note("run together", f"{folded} -> {' '.join(pieces)}")
    if text != p.question:
        p.question = text
        p.tokens = tokenize(text)


#: Where a number meets a word of four letters or more ("alle14kommunen"; not "3rd", "eli5", "a45")
_DIGITS_APART = re.compile(r"(?<=[^\W\d_]{4})(?=\d)|(?<=\d)(?=[^\W\d_]{4})")


def _unread(r: Resolved) -> bool:
    """Whether the index cannot read a word: unknown, or a compound with a part it does not know."""
    return r.how == "unknown" or r.how == "compound" and any("?" in part for part in r.parts)


def _apart(original: str, folded: str, pieces: list[str]) -> str:
    """``original`` cut where its folded form is cut into ``pieces`` ("Istlüdenscheiddabei" ->
    "Ist lüdenscheid dabei"); the folded pieces where letters fold to more or fewer ("ß", "ae")."""
    letters = [fold(c) for c in original]
    if "".join(letters) != folded:
        return " ".join(pieces)
    out: list[str] = []
    start = position = 0
    ends = set(accumulate(map(len, pieces[:-1])))
    for i, letter in enumerate(letters):
        position += len(letter)
        if position in ends:
            out.append(original[start : i + 1])
            start = i + 1
    out.append(original[start:])
    return " ".join(out)


# Double quotes of every kind, and single quotes that open after a space ("'Rahmenstrategie' means?");
# an apostrophe inside a word ("what's", "gibt's") is no quote.
_QUOTED = re.compile(r"[„“\"»«]([^„“”\"»«]{2,80})[“”\"«»]|(?:^|(?<=\s))['‚‘]([^'‚‘’\s][^'‚‘’]{0,78})['‘’](?=\W|$)")


def split_clauses(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Split into sentences and clauses; each is tokenised on its own."""
    p.clauses = clause_split.split(p.question[: 4 * 400], ix.colon_names)
    p.claims = clause_split.claimed(p.clauses)  # (read by the question type, the words and the matcher's parts)
    for clause in p.clauses:
        tokens = tokenize(clause.text)
        p.clause_words.append((list(tokens.folded), list(tokens.original)))
    # Words in quotes name the subject ("etwas namens „Smart Cities: Schule“"): they weigh more.
    # (with the vocabulary's phrases too: "'Smart Cities Südwestfalen'" is one name)
    p.quoted = {w for spans in _QUOTED.findall(p.question[: 4 * 400]) for span in spans if span
                for folded in [list(tokenize(span).folded)]
                for w in (*folded, *ix.lexicon.rewrite(folded, drop_chatter=False).words)}
    # A name a topic's title quotes, written without quotes ("smart cities schule ist das …"): its
    # words are a name, however everyday they are elsewhere ("Schule").
    folded_text = [w for words, _ in p.clause_words for w in words]
    for name in ix.title_names:
        if name[0] in folded_text and any(tuple(folded_text[i : i + len(name)]) == name
                                          for i, w in enumerate(folded_text) if w == name[0]):
            p.named.update(name)
            p.title_named.add(ix.title_intents[name])
            p.note("title name", " ".join(name) + " (a name a topic's title quotes: its words are topic words)")
    if len(p.clauses) > 1:
        p.note("clauses", " | ".join(("?" if c.question else "") + c.text for c in p.clauses))


def find_towns(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Find town names in every clause (fuzzy, umlaut-blind) and put a placeholder in their place."""
    found: list[str] = []
    by_locality: dict[str, str] = {}  # ("Ist Neheim dabei?": Arnsberg, by its locality Neheim)
    written: set[str] = set()  # towns named themselves ("Ich wohne in Arnsberg-Neheim. Ist Arnsberg dabei?")
    for i, (folded, original) in enumerate(p.clause_words):
        matches = ix.towns.find(Tokens(tuple(original), tuple(folded)))
        if matches:
            found.extend(m.town for m in matches)
            for m in matches:
                locality = ix.towns.localities.get(" ".join(folded[m.start : m.end]))
                if locality is None:
                    written.add(m.town)
                else:
                    by_locality.setdefault(m.town, locality)
            masked = TownFinder.mask(Tokens(tuple(original), tuple(folded)), matches)
            originals = list(original)
            for m in reversed(matches):
                originals[m.start : m.end] = [" ".join(original[m.start : m.end])]
            p.clause_words[i] = (masked, originals)
    p.towns = list(dict.fromkeys(found))
    p.localities = {town: name for town, name in by_locality.items() if town not in written}
    if p.towns:
        p.note("towns", ", ".join(p.towns))


def _with_g(words: list[str], applied: list[tuple[str, str]]) -> list[str]:
    """English written as spoken drops the g: "seein'", "runnin'", "nothin'" are "seeing", "running",
    "nothing" (a word of its own, "Berlin", "Lehrerin", stays)."""
    out = list(words)
    for i, w in enumerate(words):
        if len(w) >= 4 and w.endswith("in") and zipf(w + "g") >= 4.5 and zipf(w) < zipf(w + "g") - 1.0:
            out[i] = w + "g"
            applied.append((w, w + "g"))
    return out


def _j_for_g(words: list[str], ix: Index, applied: list[tuple[str, str]]) -> list[str]:
    """Rhineland and Berlin speech writes a g at the start as j: "janze", "jut", "Jeld", "jemacht" are
    "ganze", "gut", "Geld", "gemacht" (a word of its own, "jetzt", "Jahr", "jet", stays: it is in the
    word lists, and those forms are not)."""
    out = list(words)
    for i, w in enumerate(words):
        if len(w) >= 3 and w[0] == "j" and zipf(w) < _UNHEARD_OF and zipf("g" + w[1:]) >= _EVERYDAY_G \
                and ix.resolve(w).how != "exact" and not ix.lexicon.applies((w,)):  # (nor one the vocabulary writes)
            out[i] = "g" + w[1:]
            applied.append((w, out[i]))
    return out


_UNHEARD_OF = 1.0  # (the word lists know no such word)
_EVERYDAY_G = 4.5


def _swapped_letters(words: list[str], originals: list[str], ix: Index, applied: list[tuple[str, str]]) -> list[str]:
    """A function word typed with two letters swapped ("What is the latest taht happened?") is that
    word: everyday language, no unknown subject (not an acronym, "AWS", nor a word the knowledge knows)."""
    out = list(words)
    for i, w in enumerate(words):
        right = misspelt(w)
        if right is not None and not originals[i].isupper() and ix.resolve(w).how != "exact":
            out[i] = right
            applied.append((w, right))
    return out


_BOT = frozenset("bot bottie botty".split())


def rewrite_vocabulary(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Apply the moderators' vocabulary: variants, dialect and slang become the knowledge's words;
    chatter words are dropped."""
    for i, (folded, original) in enumerate(p.clause_words):
        folded = _j_for_g(_swapped_letters(folded, original, ix, p.synonyms), ix, p.synonyms)
        out = ix.lexicon.rewrite(_with_g(folded, p.synonyms))
        words, originals = out.words, [original[o] for o in out.origins]
        found = particles.find(words)
        if found is None and out.applied and (found := particles.find(folded)) is not None:
            # the vocabulary rewrote what follows the particle ("Wer macht da alles mit bei euch?"):
            # join the verb in the words as written, then rewrite
            words, originals = list(folded), list(original)
        else:
            p.synonyms.extend(out.applied)
            p.dropped.extend(out.chatter)
        if found is not None:  # "Macht Olpe mit?": the particle goes back to its verb
            verb, at, whole = found
            p.synonyms.append((f"{originals[verb]} … {originals[at]}", whole))
            originals = particles.joined(originals, verb, at, f"{originals[verb]}…{originals[at]}")
            again = ix.lexicon.rewrite(particles.joined(words, verb, at, whole))  # "losgehen" is in the vocabulary
            p.synonyms.extend(again.applied)
            p.dropped.extend(again.chatter)
            words, originals = again.words, [originals[o] for o in again.origins]
        # (and the bot it calls: "yo bot what's the latest")
        called = 2 if len(words) > 3 and words[1] in _BOT and question_type.is_question_word(words[2]) else 1
        if len(words) > 2 and ix.greets(words[0]) \
                and (p.clauses[i].question or question_type.is_question_word(words[called])
                     # (or the talk before a question: "hallo ich hab … gelesen was ist das eigentlich")
                     or (i == 0 and any(c.question for c in p.clauses[1:]))) \
                and known_content([w for w in words[called:] if not ix.only_social(w)], ix):
            # "yo which cities r in on this??": a greeting that begins a question is no part of it
            p.dropped.append(" ".join(originals[:called]))
            words, originals = words[called:], originals[called:]
        words, originals = _name_said_with_in(words, originals, ix, p.synonyms)
        p.clause_words[i] = (words, originals)
    if p.synonyms:
        p.note("vocabulary", ", ".join(f"{a} → {b}" for a, b in p.synonyms))


_NAME_IN = frozenset("in im".split())


def _name_said_with_in(words: list[str], originals: list[str], ix: Index,
                       applied: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The initiative's name said with "in" ("Was ist Smart Cities in Südwestfalen?") is its name, as
    the vocabulary writes it when said without; not in a clause that asks why (the reasons for smart
    cities in the region, "Warum braucht …", are a topic of their own)."""
    if _NAME_IN.isdisjoint(words) or not _WHY_WORDS.isdisjoint(words) \
            or not question_type.REASON_NOUNS.isdisjoint(words):
        return words, originals
    for j in range(1, len(words) - 1):
        if words[j] not in _NAME_IN:
            continue
        for before in (2, 1):
            name = "".join(words[j - before : j]) + words[j + 1] if j >= before else ""
            if name in ix.full_names:
                applied.append((" ".join(originals[j - before : j + 2]), name))
                return ([*words[: j - before], name, *words[j + 2 :]],
                        [*originals[: j - before], " ".join(originals[j - before : j + 2]), *originals[j + 2 :]])
    return words, originals


def evidence(words: list[str], ix: Index, asking: bool = False) -> bool:
    """Whether a clause names something the knowledge is about: a town, or a known topic word
    (not an everyday word like "seit", not a greeting like "Moin"). A clause that ``asks`` with the
    help's words ("Was kann ich Sie alles fragen?") names what the bot does."""
    social = ix.only_greets if asking else ix.only_social
    for w in words:
        if w in STOPWORDS:
            continue
        if is_town(w):
            return True
        if ix.resolve(w).keys and not social(w) and zipf(w) <= EVERYDAY_ZIPF:
            return True
    return False


#: Words that point back to what was said before: "Menden digitale Aufholer – was ist *da* los?"
REFERRING = frozenset("da das die denen dies diese dieses dieser diesem diesen dazu daruber damit dahinter darunter "
                       "dort davon dabei darum daran dafur dran drin darin daraus darauf drauf hierzu es worum "
                       "that this these those they them it its ones".split())


#: "es" after these is the existential or impersonal subject, no pointing word: "gibt es", "geht es um".
_THERE_IS = frozenset("gibt gab geht ging".split())


def points_back(words: list[str], originals: list[str] | None = None,
                known: Callable[[str], bool] | None = None) -> bool:
    """A referring word that stands for something said before ("Was ist das?", "worum geht es dabei"),
    not one that goes with the noun after it ("dieses Smart Cities Südwestfalen", "this initiative").
    Given the ``originals`` of a writer who capitalises nouns, a German one before a lower-case word
    stands alone ("Für wen sind diese bestimmt?"); given what the knowledge ``known``s, one before a
    noun it does not know points back with it ("What happens at those sessions?")."""
    cased = originals if originals is not None and len(originals) == len(words) else None
    return any(w in REFERRING and (w not in _DETERMINERS or i + 1 == len(words) or words[i + 1] in STOPWORDS
                                   or words[i + 1] in PLAINLY or words[i + 1] in TELL  # ("das einfach erklärt")
                                   or (cased and w in _GERMAN_DETERMINERS and cased[i + 1][:1].islower())
                                   or (known is not None and w in _THOSE and not known(words[i + 1])))
               and not (w == "es" and i and words[i - 1] in _THERE_IS)  # "Gibt es was Neues?" points nowhere
               for i, w in enumerate(words))


#: What joins two things named ("… von den Parkgebühren und der Rahmenstrategie")
_JOINING = clause_split.AND | clause_split.OR


def _named_with_another(p: Parse, said: set[str]) -> bool:
    """Whether a thing is named together with another one in the story ("… von den Parkgebühren und der
    Rahmenstrategie. Was ist das?"): then which one is asked about is unclear."""
    for words, _ in p.clause_words:
        for j, w in enumerate(words):
            if w not in said:
                continue
            k = j - 1
            while k >= 0 and words[k] in STOPWORDS and words[k] not in _JOINING:
                k -= 1
            if (k >= 0 and words[k] in _JOINING) or (j + 1 < len(words) and words[j + 1] in _JOINING):
                return True
    return False


def title_subject(words: Iterable[str], ix: Index) -> tuple[str, set[str]] | None:
    """The topic whose title asks what a thing is ("Was ist die Rahmenstrategie?") that ``words``
    name, with the words that name it; the longest subject first."""
    stems: dict[str, str] = {k: w for w in words for k in ix.resolve(w).keys}
    for intent, parts in ix.title_subjects:
        if all(not part.isdisjoint(stems) for part in parts):
            return intent, {stems[k] for part in parts for k in part if k in stems}
    return None


#: What joins a thing to the writer's guess at what it is ("smart city = wifi everywhere?"; "=" is read as "is")
_IS = frozenset("is ist isses means bedeutet heisst".split())
#: How many words a guess at what the thing is has at most
_GUESS_WORDS = 8


def _guessed_definition(p: Parse, ix: Index, start: int, end: int) -> set[int]:
    """Positions of the writer's guess at what a thing is that a topic's title asks to be defined, said
    right after it in a question clause (``start``–``end``): "smart city = wifi everywhere?", "Smart City
    is dat so wie Smart Home für die ganze Stadt oder wat". The guess is what the definition settles, not
    the subject."""
    # (the thing first: "is smart city = surveillance?" asks yes or no of its own)
    at = next((j for j in range(start, min(end, start + 4)) if p.words[j] in _IS), None)
    if not at or title_subject(p.words[start:at], ix) is None:
        return set()
    guess = {j for j in range(at + 1, end) if p.words[j] not in STOPWORDS and p.words[j] not in POINTING_WORDS}
    if len(guess) > _GUESS_WORDS or any(question_type.is_question_word(p.words[j]) for j in range(at + 1, end)):
        return set()
    return guess


#: Referring words that are also determiners: they point back only when no noun follows ("that" is
#: mostly a pronoun).
_DETERMINERS = frozenset("das die dies diese dieses dieser diesem diesen this these those".split())
_GERMAN_DETERMINERS = frozenset("das die dies diese dieses dieser diesem diesen".split())
#: Demonstratives of what is further off: "What happens at those sessions?", "Ich meine jene, die …" (the
#: rest says which). (The name was defined twice from 07741ed on, and ``points_back`` ran with this, the later
#: set; the nearer "diese", "this", "these" would change the suggestions of 11 fallbacks: left for a change
#: of behaviour, not made in a mend.)
_THOSE = frozenset("jene jenen jener jenes those".split())


#: Words that ask what something means or is for ("what means this?", "was bedeutet das?", "was damit
#: gemeint ist und wozu sie dienen soll"): about the asking, not the subject.
_MEANING = frozenset("mean means meaning meant bedeutet bedeuten bedeutung heisst gemeint meint dienen dient "
                     "serve serves".split())
#: Words that ask whether what was said is so ("Is it true?", "Stimmt das?"; "true" folds to "tru"):
#: about the asking too.
CONFIRMING = frozenset("tru true stimmt stimmts wahr richtig correct".split())
#: "one" standing for a thing named before ("Was there one?", "Gab es eine?")
_ONE = frozenset("one eine einen einer eins sowas so".split())


def _bare(words: list[str]) -> bool:
    """A clause of function words and words that point back only ("was there one", "which ones")."""
    return all(w in STOPWORDS or w in REFERRING or w in _ONE for w in words)


def known_content(words: list[str], ix: Index) -> int:
    """How many known words a clause says something with (not everyday verbs like "geht", "gibt",
    nor the words that ask what something means)."""
    return sum(1 for w in words if w not in STOPWORDS and not question_type.is_question_word(w)
               and w not in _MEANING and w not in CONFIRMING and not is_town(w) and zipf(w) < EVERYDAY_ZIPF
               and ix.resolve(w).keys)


_MY = frozenset("mein meine meiner meinem unser unsere unserer unserem ihr ihre ihrem sein seine seinem my our his "
                "her their".split())
_THE = frozenset("die der diese dieser the this that".split())  # "Ist die Stadt Teil …?" after a town
_TOWN_PRONOUNS = frozenset("it wir we us".split())  # "is it part of …", "machen wir mit?"
_GERMAN_TOWN_PRONOUNS = frozenset("sie es er".split())
_TAKING_PART_VERBS = frozenset("ist gehort macht nimmt mitmachen teilnehmen war".split())


def _my_town(words: list[str]) -> bool:
    """"meine Stadt", "our town": a town is meant, not named."""
    return any(a in _MY and b in PLACE_NOUNS for a, b in zip(words, words[1:], strict=False))


_BOTH = frozenset("both beide beiden all alle".split())
_THESE = frozenset("these those diese die".split())
_COUNTED = frozenset("two three zwei drei".split()) | (_BOTH - {"all", "alle"})
_PLACES = frozenset("towns cities places stadte orte gemeinden kommunen municipalities villages dorfer".split())
_CARRIED_TOWNS = 3


def _carry_town(p: Parse, context_towns: list[str], ix: Index, s: MatcherSettings) -> None:
    """'Ich wohne in Wilnsdorf. Nimmt unsere Gemeinde teil?': "unsere Gemeinde" (or "die Gemeinde")
    is the town named before; 'My hometown is Lippstadt, is it part of it?': so is "it", in a
    question whether something takes part (not in "I'm from Bochum … who's behind it?")."""
    if not context_towns or any(is_town(w) for w in p.words):
        return
    towns = list(dict.fromkeys(context_towns))[:_CARRIED_TOWNS]
    for i in range(len(p.words) - 1):
        # ("… campuses in Meschede and Iserlohn. Are these two towns part of it?": all the towns named)
        j = i + 2 if p.words[i + 1] in _COUNTED and i + 2 < len(p.words) else i + 1
        if len(towns) > 1 and p.words[i] in _THESE and (p.words[j] in PLACE_NOUNS or p.words[j] in _PLACES):
            p.words[j : j + 1] = towns
            p.originals[j : j + 1] = towns
            p.note("towns", f"'{' '.join(p.originals[i : j])} …' are the towns named before")
            return
    for i in range(len(p.words) - 1):
        if (p.words[i] in _MY or p.words[i] in _THE) and p.words[i + 1] in PLACE_NOUNS:
            p.words[i + 1] = context_towns[0]
            p.note("towns", f"'{p.originals[i]} {p.originals[i + 1]}' is the town named before")
            return
    if not any(ix.asks_taking_part(ix.resolve(w).keys) for w in p.words if w not in STOPWORDS):
        return
    for i, w in enumerate(p.words):
        # (German "sie", "es", "er" right after the verb: "Meine Heimatgemeinde ist Wenden. Gehört sie auch dazu?")
        if w in _TOWN_PRONOUNS or (w in _GERMAN_TOWN_PRONOUNS and i and p.words[i - 1] in _TAKING_PART_VERBS):
            p.words[i] = context_towns[0]
            p.note("towns", f"'{p.originals[i]}' is the town named before")
            return
    # ... and a question whether something takes part that names nothing else: "Arnsberg – member or not?",
    # "plettenberg + werdohl – both participating?", "Is the lovely little town of Altena, …, also part of
    # the initiative?" asks about the towns named before it
    initiative = ix.resolve("initiative").keys

    name_keys = {k for n in ix.name_words for k in ix.resolve(n).keys}

    def names_nothing_else(w: str) -> bool:
        resolved = ix.resolve(w)
        keys = resolved.keys
        return w in STOPWORDS or w in _BOTH or w in ix.full_names or ix.asks_taking_part(keys) or keys == initiative \
            or w in decisions.THING or not name_keys.isdisjoint(keys) \
            or (resolved.how == "unknown" and zipf(w) >= s.topic_zipf)  # ("would I still be part of the …")

    if all(names_nothing_else(w) for w in p.words):
        towns = list(dict.fromkeys(context_towns))[:_CARRIED_TOWNS]
        p.words.extend(towns)
        p.originals.extend(towns)
        p.note("towns", "the question is about the town named before it")


def drop_chatter(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Keep the clauses that ask; drop greetings, thanks and the story around the question.

    The question clauses are kept; the others only when no clause asks, or when the question
    clauses alone name nothing the knowledge knows ("Ich suche die Leitfäden. Wo finde ich die?").
    A message that is all chatter ("Hallo!", "Danke dir") is kept whole: that is its question.
    """
    content = [i for i, (words, _) in enumerate(p.clause_words) if any(w not in STOPWORDS for w in words)]
    if not content:
        p.kept = list(range(len(p.clauses)))
        p.dropped.clear()
        p.synonyms.clear()
        for i, clause in enumerate(p.clauses):
            # read again without dropping chatter ("Hallo!" is the question), but with the
            # vocabulary's spellings ("what can u do" is "what can you do")
            tokens = tokenize(clause.text)
            out = ix.lexicon.rewrite(list(tokens.folded), drop_chatter=False)
            p.synonyms.extend(out.applied)
            # ... but a chatter word that neither greets nor thanks ("Hömma, wofür bisse da?", "worum
            # geht es bei euch überhaupt?") still says nothing
            keep = [j for j, w in enumerate(out.words) if (w,) not in ix.lexicon.chatter or ix.only_social(w)]
            p.clause_words[i] = ([out.words[j] for j in keep], [tokens.original[out.origins[j]] for j in keep])
            p.starts.add(len(p.words))
            p.words.extend(p.clause_words[i][0])
            p.originals.extend(p.clause_words[i][1])
        if p.trace and p.trace[-1][0] == "vocabulary":
            p.trace.pop()
        if p.synonyms:
            p.note("vocabulary", ", ".join(f"{a} → {b}" for a, b in p.synonyms))
        return
    last = len(p.clauses) - 1
    if len(content) > 1 and content[-1] == last and not p.clauses[last].question and names.is_signature(
            p.clause_words[last][1], ix.knows, p.clause_words[last][0]) \
            and ix.lexicon.not_covered.isdisjoint(p.clause_words[last][0]):  # ("… gesagt? Wortwörtlich.")
        content.pop()  # "…? Mit freundlichen Grüßen, Rudolf Hengesbach": the writer's name
    asking = [i for i in content if p.clauses[i].question]
    evident = [i for i in content if evidence(p.clause_words[i][0], ix, p.clauses[i].question)]
    subject = -1  # a clause that names what a short question after it asks about
    how_asked: set[int] = set()  # short clauses after the question that say how it is to be answered
    told_asked: set[int] = set()  # what the writer told, when the question asks what to do about it
    told_after: set[int] = set()
    # A guess at the kind of thing after asking what it is ("Rahmenstrategie, was bedeutet das? Wie
    # Plan für alle Städte?") names nothing the question asks about: it stays, as a guess (``_guess``).
    guesses = {i for i in asking if i - 1 in asking and _asks_what(p.clauses[i - 1].text)
               and p.clause_words[i][0] and _kind_guessed(p, i, list(tokenize(p.clauses[i].text).folded))}
    if guesses:
        asking = [i for i in asking if i not in guesses]
    asked = [w for i in asking for w in p.clause_words[i][0]]
    if asking and asking[0] > min(content) and not _WRITER_ASKS.isdisjoint(asked) and all(
            w in STOPWORDS or w in _WHAT_TO_DO or question_type.is_question_word(w) for w in asked):
        # "Mein WLAN is schon wieder wech. Wat mach ich?": what the writer should do about what they told
        # (what they told is what it asks about, no story)
        kept = sorted({*content, *asking})
        told_asked = set(content)
    elif asking and set(asking) & set(evident):
        kept = asking  # the question, without the story around it
        # (a writer who capitalises nouns: a capital after some clause's first word)
        cased = any(o[:1].isupper() and not o.isupper() for _, originals in p.clause_words for o in originals[1:])
        asked_originals = [o for i in asking for o in p.clause_words[i][1]] if cased else None
        # A short asking clause of function words only ("what is it", "worum es dabei ging") is part
        # of the question too: its pointing words count.
        pointing_words = [w for i, c in enumerate(p.clauses) if c.question and i not in content
                          for w in p.clause_words[i][0]]
        # ("Kannst du mir das erklären?": the request to tell names nothing of its own)
        # ("Es gibt Mitmacherkommunen. Welche Orte gehören dazu?": which places belong to the topic named)
        belongs = not _BELONGS_TO.isdisjoint(asked) and any(
            i < asking[0] and topic_words([w for w in p.clause_words[i][0] if not is_town(w)], ix, s)
            for i in evident)
        # ("is true?": a short question that confirms points back without a pointing word, also before
        # another: "My colleague said Menden was number 3. Is this true? From how many cities?")
        confirms = any(len(words) <= 3 and not CONFIRMING.isdisjoint(words)
                       for words in (p.clause_words[i][0] for i in asking))
        own = known_content([w for w in asked if w not in REFERRING and w not in TELL and w not in _MODALS
                             and not (belongs and w in _MEMBERS) and not (confirms and w in CONFIRMING)], ix)
        # ("Können Sie einfach erklären?": so does a bare request to tell; "leitfaden. was. für wen.": and
        # a question that names nothing at all, after a topic)
        names_nothing = own == 0 and (asked[-1] in TELL or (not topic_words(asked, ix, s) and any(
            i < asking[0] and topic_words(p.clause_words[i][0], ix, s) for i in evident)))
        # (a yes/no question that names a town has its subject: "Is Brilon in it? My sister lives there")
        names_town = any(map(is_town, asked)) and not any(map(question_type.is_question_word, asked))
        # ("Mitmacherkommunen – was ist das und welche Orte gehören dazu?": a question that opens by
        # pointing back asks about what was named, whatever else it names)
        if (own < 2 or _everyday_about_these(asked, asked_originals, ix, s)
                or _opens_pointing(p.clause_words[asking[0]][0]) or confirms) and not names_town \
                and (points_back(asked, asked_originals, ix.knows) or confirms or names_nothing
                     or not REFERRING.isdisjoint(pointing_words)):
            kept = _pointed_at(p, ix, s, asking, evident, asked)
            if kept[0] == asking[0]:
                # "Wer bezahlt das alles eigentlich? Doch hoffentlich nicht wir Bürger …": with nothing
                # said before it, the question points at the initiative; what follows is talk about it
                told_after = {i for i in kept if i > asking[-1]}
        elif len(asking) == 1 and asking[0] - 1 in content and (own < 2 and (
                (p.clauses[asking[0]].joined and not topic_words(asked, ix, s)
                 and _names_subject(*p.clause_words[asking[0] - 1], ix, s)
                 and (not p.clauses[asking[0] - 1].text.endswith(":")
                      or topic_words(p.clause_words[asking[0] - 1][0], ix, s)))
                or (len(asked) <= _SHORT_QUESTION and _only_names(p.clause_words[asking[0] - 1][0], ix)
                    and not _social(p.clause_words[asking[0] - 1][0], ix, s)))
                or names_town and _points_at_topic_before(p, ix, asking[0], asked)):
            # "bürgergeld antrag, wo krieg ich den?", "konferenz 2021 arnsberg – any infos?": a short
            # question that goes on the sentence of a clause naming something asks about that (before
            # a colon, a topic: "Entschuldigen Sie die dumme Frage: Was ist …?" names none); so does
            # one of a few words after a clause of names only ("arnsberg conference 2021. what happened"),
            # and one that names a town but points back at a topic named alone before it ("Die
            # Smart-Cities-Konferenz, war das 2019 in Siegen?": where the conference was)
            subject = asking[0] - 1
            kept = [subject, *asking]
        # "Was war alles schon im Projekt? Bitte in Reihenfolge": how it is to be answered, when it
        # names something, is part of the question
        how_asked = {i + 1 for i in asking if i + 1 in content and i + 1 not in asking
                     and _how_asked(p.clauses[i + 1].text, p.clause_words[i + 1][0], ix)}
        # "Welche Städte waren von Anfang an dabei? Die fünf, mein ich!": what the writer means is part of it
        how_asked |= {j for j in content if j > asking[-1] and j not in asking and _says_meant(p, j)}
        kept = sorted({*kept, *how_asked})
        if (len(kept) > 1 or p.clauses[kept[0]].joined) and _negated(p, kept[0]) and kept[0] - 1 in content:
            # "The other towns who joined, not the pioneers – what are their names?": what is not meant
            # says which is, in the clause before it (and "… was held in 2021 in Arnsberg, not 2022 in
            # Soest?": the question checks the clause it goes on)
            kept = [kept[0] - 1, *kept]
    else:
        # A question about something unknown (its words must count), or no question: every clause
        # that says something, except greetings and thanks next to it ("Guten Tag, …").
        kept = content
        talk = [i for i in content if not _social(p.clause_words[i][0], ix, s)]
        named_before = [i for i in evident if asking and i < asking[0] and i in talk]
        named_before = [i for i in named_before if topic_words(p.clause_words[i][0], ix, s)] or named_before
        # questions of function words only that point back ("What's the craic with it?"), when no
        # clause asks with words of its own
        pointing = [] if asking else [i for i, c in enumerate(p.clauses) if c.question and i not in content
                                      and points_back(p.clause_words[i][0])]
        said_before = [i for i in evident if pointing and i < pointing[0] and i in talk]
        said_before = [i for i in said_before if topic_words(p.clause_words[i][0], ix, s)] or said_before
        if named_before and not any(_names_subject(*p.clause_words[i], ix, s) for i in asking):
            # "… one of five 'model towns' … Is that right, and which are the other four?": a question
            # that names nothing of its own asks about the nearest thing named before it
            # (the clause that names the most topics, the nearest of those: "…, seine Stadt sei für ihre
            # Digitalisierung geehrt worden. Er ist Feuerwehrmann. Was hat es damit auf sich?")
            kept = sorted({_most_topics(named_before, p, ix, s), *asking})
        elif said_before:
            # "Working in Siegen. People keep saying 'Smart Cities Südwestfalen'. What's the craic with
            # it?": so does a question of function words that points back, about that sentence (talk
            # after it stays, as story)
            kept = [*(i for i in _sentence_of(p, _most_topics(said_before, p, ix, s), content) if i in talk),
                    *(i for i in talk if i > pointing[-1])]
        elif any(_names_subject(*p.clause_words[i], ix, s) for i in talk):
            kept = talk
        first = next((i for i, c in enumerate(p.clauses) if c.question and p.clause_words[i][0]), None)
        told = [i for i in content if not p.clauses[i].question]
        if first is not None and told and not evident and min(told) > first and all(
                not _WRITER.isdisjoint(p.clause_words[i][0]) and not rare_unknown(*p.clause_words[i], ix, 1.0)
                for i in told):
            # "worum gehts hier überhaupt? hab nur den link von meiner lehrerin": a question that names
            # nothing known, then the writer's own story that names nothing rare: the question is the message
            kept = asking
    if asking and kept:
        kept = [*_heading(p, ix, s, content, kept), *kept]
    # A question of function words only ("Wat is dat?", "what is it") says what kind of answer is
    # wanted: it stays with the clause it asks about, for the question type.
    kept = sorted({*kept, *(i for i, c in enumerate(p.clauses) if c.question and i not in content
                            and p.clause_words[i][0])} | {i for i in guesses if i - 1 in kept})
    p.kept = kept
    after: set[int] = set(told_after)  # kept clauses after the question: talk around it
    if asking:
        asked_words = {w for i in kept if p.clauses[i].question or i == subject or i in how_asked or i in told_asked
                       for w in p.clause_words[i][0]}
        p.story = {w for i in kept if not p.clauses[i].question for w in p.clause_words[i][0]} - asked_words
        if p.story & ix.full_names and points_back([w for i in asking for w in p.clause_words[i][0]]) and all(
                is_town(w) or w in STOPWORDS or zipf(w) >= s.topic_zipf or w in GENERIC_NAMES or w in names.RELATIVES
                for w in p.story - ix.full_names) \
                and not any(ix.asks_taking_part(ix.resolve(w).keys) for w in p.story):  # ("Is X taking part …")
            # "Ich habe Plakat gesehen in Lippstadt mit Smart Cities Südwestfalen. Was ist das für Projekt?":
            # the name is what it asks about; where the writer saw it (a town too) is story
            p.name_asked = True
        elif points_back([w for i in asking for w in p.clause_words[i][0]]) and (
                said := title_subject(p.story | asked_words, ix)) is not None \
                and not said[1].isdisjoint(p.story) and not _named_with_another(p, said[1]) and all(
                is_town(w) or w in STOPWORDS or ix.resolve(w).how == "unknown" or zipf(w) >= s.topic_zipf
                for w in p.story - said[1]):
            # "Unser Ortsvorsteher redet dauernd von ner Rahmenstrategie. Wat is dat, kann mir dat ma einer
            # erklären?": the thing a topic's title defines is what it asks about; who spoke of it is story
            p.story -= said[1]
            p.title_asked = (said[0], frozenset(said[1]))
    elif questions := [i for i, c in enumerate(p.clauses) if c.question]:
        # "Smart City – was soll das sein? Klingt für mich nach Werbung.": a question of function
        # words asks about what comes before it; what comes after is talk around it.
        before = {w for i in kept if i < questions[0] for w in p.clause_words[i][0]}
        p.story = {w for i in kept if i > questions[-1] for w in p.clause_words[i][0]} - before
        after = {i for i in kept if i > questions[-1]}
        if evidence(sorted(w for w in before if not is_town(w)), ix):
            # "Unser Ortsheimatpfleger sprach von den Leitfäden. Was ist das?": what it asks about is
            # the topic named; who spoke of it is story (an unknown subject alone, "Bürgergeld. Was
            # ist das?", still counts in full)
            p.story |= {w for w in before if not ix.knows(w)}
            if not ix.full_names.isdisjoint(before):
                # "In der Zeitung stand was von Smart Cities Südwestfalen. Was ist das?": the name is
                # what it asks about; where the writer read it is story, known everyday words too
                # (not another topic: "framework strategy smart cities südwestfalen, what is it?")
                p.story |= {w for w in before - ix.full_names - STOPWORDS if zipf(w) >= s.topic_zipf or is_town(w)}
                p.name_asked = True
    p.dropped.extend(p.clauses[i].text for i in range(len(p.clauses)) if i not in kept)
    p.dropped = list(dict.fromkeys(p.dropped))
    for i in kept:
        p.starts.add(len(p.words))
        if i in after:  # "… Was ist das? Klingt ja wichtig.": its words are no subject ("wichtig")
            p.talk.update(range(len(p.words), len(p.words) + len(p.clause_words[i][0])))
        p.words.extend(p.clause_words[i][0])
        p.originals.extend(p.clause_words[i][1])
    dropped_towns = [w for i in range(len(p.clauses)) if i not in kept for w in p.clause_words[i][0] if is_town(w)]
    _carry_town(p, dropped_towns, ix, s)
    if p.dropped:
        p.note("chatter", "dropped: " + " | ".join(p.dropped))


_HEADING_WORDS = 3
_DASH_AFTER = re.compile(r"\s*[–—-]\s")
_ARTICLES = frozenset("der die das den the a an".split())
#: Prepositions a heading may name its thing's purpose or place with ("Leitfäden für Kommunen – …")
_HEADING_PREPOSITIONS = frozenset("fur for von of in im".split())


def _heading(p: Parse, ix: Index, s: MatcherSettings, content: list[int], kept: list[int]) -> list[int]:
    """A heading of topic words before a colon or a dash that opens the message names what the short
    questions after it ask about ("Rahmenstrategie: purpose? Authored by …?", "Leitfäden – Zielgruppe?"),
    with the items listed up to its first question ("Funding: amount, grantor, location of award?")."""
    if 0 not in content or p.clauses[0].question or len(p.clauses) < 2 or not p.clauses[1].joined:
        return []
    at = p.question.find(p.clauses[0].text)
    lead = [0]
    if not p.clauses[0].text.rstrip().endswith(":") and (
            at < 0 or _DASH_AFTER.match(p.question, at + len(p.clauses[0].text)) is None):
        if not _relative_to_colon(p, 1):
            return []
        lead = [0, 1]  # ("Diese Leitfäden, von denen man liest: Sind die nur für …?")
    written = [w for w in tokenize(p.clauses[0].text).folded if w not in _ARTICLES and w not in _DEMONSTRATIVES]
    # (what it is for or where, after a preposition: "Strategiepapier für die Region – Inhalt, Zweck?")
    written = [w for i, w in enumerate(written) if not (i and w in _HEADING_PREPOSITIONS)]
    named = [w for w in p.clause_words[0][0] if w not in STOPWORDS]
    if not named or len(written) > _HEADING_WORDS or any(w in STOPWORDS for w in written) \
            or not all(is_town(w) or ix.knows(w) for w in named) or not evidence(named, ix):
        return []  # (not a lead-in: "Kurze Frage für einen Hintergrundartikel: …", "Mir fehlt der Überblick: …")
    items = []
    for i in range(len(lead), len(p.clauses)):
        if p.clauses[i].question or not p.clauses[i].joined:
            break
        if i not in kept and len(p.clause_words[i][0]) <= _HEADING_WORDS:
            items.append(i)
    return [i for i in (*lead, *items) if i not in kept]


#: "Diese Leitfäden, von denen man liest: …": a heading may point at its thing, and describe it in a
#: relative clause that ends with the colon
_DEMONSTRATIVES = frozenset("diese dieser dieses diesen these this those".split())
_RELATIVE_OPENING = frozenset("der die das dem den denen deren dessen which that".split())


def _relative_to_colon(p: Parse, i: int) -> bool:
    """Whether clause ``i`` is a relative clause, ending with a colon, that describes the heading before it."""
    words = tokenize(p.clauses[i].text).folded
    return not p.clauses[i].question and p.clauses[i].text.rstrip().endswith(":") and bool(words) and (
        words[0] in _RELATIVE_OPENING or len(words) > 1 and words[1] in _RELATIVE_OPENING
        and words[0] in clause_split.PREPOSITIONS)


#: Demonstratives that stand for things said before ("Welchen Zweck verfolgen diese?", "what distinguishes them?")
_STANDING_FOR = frozenset("diese dieser dieses these those them".split())


def _everyday_about_these(asked: list[str], originals: list[str] | None, ix: Index, s: MatcherSettings) -> bool:
    """Whether a question whose own words are everyday ones only asks about "these", standing alone: it points
    back as a question with no words of its own does ("Welchen Zweck verfolgen diese?")."""
    return not _STANDING_FOR.isdisjoint(asked) and not topic_words(asked, ix, s) \
        and points_back([w for w in asked if w not in REFERRING or w in _STANDING_FOR], originals, ix.knows)


#: "Wat mach ich?", "what should I do now": what the writer should do asks about their own story
_WRITER_ASKS = frozenset("ich i".split())
_WHAT_TO_DO = frozenset("mach mache machen tun tu do soll sollte should can kann konnte could now jetzt nun "
                        # whom to turn to: "… Whom should I contact?", "An wen wende ich mich?"
                        "contact call ring phone turn anrufen rufe ruf wende wenden kontaktieren kontaktiere "
                        "melde melden".split())


#: Places and belonging, as the vocabulary writes them: what a question that asks which of them belong
#: "dazu" asks about is what was named before it ("Es gibt Mitmacherkommunen. Welche Orte gehören dazu?").
_MEMBERS = frozenset("stadt stadte kommune kommunen gemeinde gemeinden ort orte town towns city cities place "
                     "places municipality municipalities gehoren gehort belong belongs".split())
_BELONGS_TO = frozenset("dazu dabei darin drin davon".split())

#: Words with which writers tell of themselves ("hab nur den Link von meiner Lehrerin").
_WRITER = frozenset("ich hab habe bin wir mir mich mein meine meiner meinem meinen uns unser unsere i im my me we "
                    "our us".split())  # ("bin random hier gelandet": chat leaves out the "ich" of "bin")

_HOW_WORDS = 4
#: ... and what the writer wants along with the answer: "together with their population figures"
_ALONG_WITH = frozenset("together along with including incl plus samt mitsamt inklusive inkl mit zusammen".split())
_WITH_WORDS = 8


def _how_asked(text: str, words: list[str], ix: Index) -> bool:
    """A short request after a question that names something: "Bitte in Reihenfolge"."""
    written = tokenize(text).folded
    if (len(written) <= _HOW_WORDS or (len(written) <= _WITH_WORDS and written[0] in _ALONG_WITH)) \
            and any(w in ix.lexicon.not_covered for w in words):
        # ("… was hat Seehofer gesagt? Wortwörtlich.", "Ihre persönliche Meinung.", "…, together with their
        # population figures"): what the page lacks
        return True
    # (not how simply to explain it: "Bitte einfach erklären." names nothing)
    return (1 < len(written) <= _HOW_WORDS and written[0] in clause_split.PLEASE
            # ("Eine Art Chronik wäre mir recht.", "A list would be great."): the form the writer wishes for
            # (not what for: "Wäre gut für einen Ausblick am Stundenende.")
            or len(written) <= _FORM_WISHED_WORDS and _FORM_WISHED.search(text) is not None) \
        and evidence([w for w in words if w not in TELL and w not in PLAINLY], ix)


#: How a writer says what they mean: "Ich meine die fünf.", "Die fünf, mein ich!", "I mean the five" (also what
#: was asked, said again more precisely: ``matcher``)
I_MEAN = frozenset({("ich", "mein"), ("ich", "meine"), ("ich", "meinte"), ("i", "mean"), ("i", "meant"),
                    ("mein", "ich"), ("meine", "ich"), ("meinte", "ich")})
_MEANT_WORDS = 6  # how many words what is meant has at most (one of them naming something: "die fünf")


def _says_meant(p: Parse, j: int) -> bool:
    """Whether clause ``j`` says what the question before it means: it opens with "ich meine"/"I mean", or
    the clause after it is only "mein ich"; a few words that name one thing (more, "Ich meine die ursprünglichen
    aus dem Förderantrag", tell more than the question asks)."""
    written = tokenize(p.clauses[j].text).folded
    after = tokenize(p.clauses[j + 1].text).folded if j + 1 < len(p.clauses) else ()
    said = written[2:] if tuple(written[:2]) in I_MEAN else written if tuple(after) in I_MEAN else ()
    return 0 < len(said) <= _MEANT_WORDS and sum(1 for w in said if w not in STOPWORDS and w not in _THOSE) == 1


_FORM_WISHED_WORDS = 8
_FORM_WISHED = re.compile(r"\b(?:wäre?|wär|waere|would be)\b(?:\s+\w+){0,2}?\s+(?:recht|super|toll|gut|schön|prima|"
                   r"hilfreich|klasse|ideal|perfekt|great|nice|good|helpful|ideal|perfect|handy)\W*$", re.IGNORECASE)


_FILLERS = frozenset("genau denn eigentlich so dann nun jetzt exactly actually then".split())
_OPENING_VERBS = frozenset("ist sind is are was heisst bedeutet means mean hat has does dos geht ging".split())
#: ... and in the past, with "das"/"that" only ("Was war das für eine Veranstaltung?", not "Was waren die
#: wichtigsten Stationen?")
_OPENING_PAST = frozenset("war waren were".split())


#: A yes/no question that opens with its verb and a word pointing back: "geht das …", "is that …"
_YES_NO_OPENING = frozenset("geht gibt ist sind kann konnen is are does do can".split())
_POINTING_BACK = frozenset("das dat dies that this".split())


def _opens_pointing(words: list[str]) -> bool:
    """Whether a clause opens with a question of function words that points back: "was ist das …",
    "what does that mean …"."""
    words = [w for w in words if w not in _FILLERS]  # "was genau hat es damit auf sich"
    if len(words) >= 3 and words[0] in _YES_NO_OPENING and words[1] in _POINTING_BACK:
        return True  # "Sperrmüll anmelden in Lüdenscheid – geht das inzwischen online?": whether it does
    if len(words) > 3 and question_type.is_question_word(words[0]) and words[1] in _OPENING_PAST:
        return words[2] in _POINTING_BACK
    if len(words) <= 3 or not question_type.is_question_word(words[0]) or words[1] not in _OPENING_VERBS:
        return False
    # ("worum geht es da …": after "geht es", what points back comes next)
    return words[2] in REFERRING and not (words[2] == "es" and words[1] in _THERE_IS) \
        or (words[2] == "es" and words[3] in REFERRING)


def _pointed_at(p: Parse, ix: Index, s: MatcherSettings, asking: list[int], evident: list[int],
                asked: list[str]) -> list[int]:
    """The clauses a short question that points back asks about, with it: "Menden digitale Aufholer
    – was ist da los?" asks about what was just said, that is, the nearest clause before it that
    names something – a topic, not only everyday words ("…, stand im Gemeindeblatt. Worum geht es
    in denen?")."""
    before = [i for i in evident if i < asking[0]]
    before = [i for i in before if topic_words(p.clause_words[i][0], ix, s)] or before
    if len(before) > 1 and all(w.isdigit() for w in p.clause_words[before[-1]][0] if w not in STOPWORDS):
        # ("opa will die liste von den mitmachstädten, die 14 oder so. kannste die mal raushauen?": a
        # number guessed after a topic is said of it; the question asks about both)
        return sorted({*asking, before[-2], before[-1]})
    # (a town named before is what the question asks about only where it asks for a place or whether
    # one takes part: "Ich komme aus Werl. Ist meine Heimatstadt bei … dabei?")
    about_a_town = not PLACE_NOUNS.isdisjoint(asked) or any(ix.asks_taking_part(ix.resolve(w).keys)
                                                            for w in asked if w not in STOPWORDS)
    if not ix.full_names.isdisjoint(asked) and not (
            about_a_town and before and any(is_town(w) for w in p.clause_words[before[-1]][0])):
        # A question that names the initiative asks about it ("Mir fehlt noch der Überblick: Worum geht
        # es bei Smart Cities Südwestfalen im Kern?", "Was ist das, Smart Cities Südwestfalen? Ich habe
        # Plakat gesehen in Meschede."), unless about a town named before ("Ich komme aus Werl. Ist
        # meine Heimatstadt bei … dabei?").
        return asking
    return sorted({*asking, _most_topics(before, p, ix, s)} if before else set(asking) | set(evident))


def _most_topics(clauses: list[int], p: Parse, ix: Index, s: MatcherSettings) -> int:
    """Of the clauses before a question that points back, the one it points at: the one that names the
    most topics, the nearest of those (a clause about the writer's nephew after the one about his town's
    award does not take the question); of as many, one that names a topic (not a town) or the initiative
    as such before one that names a topic in a compound only ("… eine Smart-City-Rahmenstrategie. Klingt
    nach Behördendeutsch. Was ist das?")."""
    counts = [topic_words(p.clause_words[i][0], ix, s) for i in clauses]
    whole = [any(w in ix.name_words for w in p.clause_words[i][0]) or topic_words(
        [w for w in p.clause_words[i][0] if ix.resolve(w).how != "compound" and not is_town(w)], ix, s) > 0
        for i in clauses]
    return clauses[max(range(len(clauses)), key=lambda k: (counts[k], whole[k], k))]


def _sentence_of(p: Parse, last: int, content: list[int]) -> list[int]:
    """The clauses that say something in the sentence that ends with clause ``last``: "Sie haben
    Leitfäden veröffentlicht, habe ich gehört." is one thing said."""
    first = last
    while p.clauses[first].joined and first - 1 in content:
        first -= 1
    return list(range(first, last + 1))


def _social(words: list[str], ix: Index, s: MatcherSettings) -> bool:
    """A clause that only greets or thanks ("Guten Tag", "Herzliche Grüße"): a greeting's or a thanks'
    words, and everyday words around them."""
    greets = False
    for w in words:
        if w in STOPWORDS:
            continue
        if ix.greets(w):
            greets = True
        elif zipf(w) < s.topic_zipf:
            return False
    return greets


def clause_spans(p: Parse) -> list[tuple[int, int]]:
    """Where each kept clause's words are in ``p.words`` (start, end)."""
    bounds = [*sorted(p.starts), len(p.words)]
    return list(zip(bounds, bounds[1:], strict=False))


OR = clause_split.OR  # "oder", "or" (one set: ``clauses.OR``)


def _not_the_subject(p: Parse, ix: Index) -> set[int]:
    """Indexes in ``p.words`` of words that are not what their clause asks about (each reader below
    looks at one clause), and of the talk after a question of function words. Their words count
    half (``alternative_weight``); the writer's guesses (``p.guessed``) less."""
    found = set(p.talk)
    spans = clause_spans(p)
    # the kept clauses with words, one per span (a clause of punctuation only, "?", has none)
    spoken = [i for i in p.kept if p.clause_words[i][0]]
    defining = bool(ix.title_subjects) and not _IS.isdisjoint(p.words)  # (the cheap look first)
    for k, (start, end) in enumerate(spans):
        found |= _time_anchor(p.words, start, end, p.originals)
        for reader in (_after_or, _offered_reading, _left_out, _purpose, _as_if, _spared, _described, _not_these,
                       _as_a_role, _compared_with, _request_frame, _not_like, _in_the_region, _like_guess,
                       _kind_guess, _not_one_of, _work_about, _where_their_people_live):
            found |= reader(p.words, start, end)
        if len(spoken) == len(spans):  # (readers of the clause as written)
            clause = p.clauses[spoken[k]]
            if not clause.question:
                found |= _when_of_the_story(p.words, start, end)
            if _SPOKEN_OF.search(clause.text):
                found |= _spoken_of(p.words, start, end)
            if clause.text.endswith("?"):
                found |= _stated_guess(p.words, start, end)
            if guess := _GUESS_OR_WHAT.match(clause.text):
                # (as written: the vocabulary drops "oder wat" as a hedge)
                guessed = set(tokenize(guess.group(1)).folded)
                found |= {i for i in range(start, end) if fold(p.originals[i]) in guessed
                          and p.words[i] not in STOPWORDS and not is_town(p.words[i])}
            if _guess(p, spoken, k):
                p.guessed |= {j for j in range(start, end) if not is_town(p.words[j])}
                found |= p.guessed
            if defining and clause.question and (defined := _guessed_definition(p, ix, start, end)):
                p.guessed |= defined  # ("smart city = wifi everywhere?": what the definition settles)
                found |= defined
        if k + 1 < len(spans):
            found |= _instead(p.words, start, end, spans[k + 1][0])
    return found


#: How a guess at the answer ends: "Fährt da dat Auto von alleine, oder wat?", "is it a uni thing or sumn"
_GUESS_TAGS = frozenset({("oder", "wat"), ("oder", "watt"), ("oder", "was"), ("oder", "so"), ("oder", "wie"),
                         ("or", "what"), ("or", "wot"), ("or", "sumn"), ("or", "summat"), ("or", "something"),
                         ("or", "smth"), ("or", "sth"), ("or", "so")})


def _guess(p: Parse, spoken: list[int], k: int) -> bool:
    """Whether the ``k``-th spoken clause is the writer's own guess at what a clause before it asks:
    "Wat is denn getz 'ne Smart City? Fährt da dat Auto von alleine oder wat?". The guess is not
    the subject; its words count like an alternative offered ("oder"). Alone it is the question."""
    text = p.clauses[spoken[k]].text.casefold()
    folded = list(tokenize(text).folded)
    if k > 0 and _offered_answer(p, spoken, k, folded):
        # an answer offered after a question that asks who or where: "wer bezahlt das alles? unsere Steuer?",
        # "who's funding this? federal government? EU?", "… und wer darf sie nutzen? Nur die beteiligten
        # Städte oder auch andere?"
        return True
    if _was_it(p, spoken, k, folded):
        return True
    if " or" not in text and " oder" not in text:  # (the cheap look first: most clauses have neither)
        # ... or a yes/no that points back at what a "what" question before it asks: "Wat is denn
        # nu ne Smart City? Hat dat wat mit Handy zu tun?", "What is '5 for …'? Is it a sort of …?";
        # or an example offered after it: "what does smart city even mean?? like self driving cars?"
        return k > 0 and len(folded) > 1 and _asks_what_or_names(p, spoken[k - 1]) and (
            (p.clauses[spoken[k]].question and len(folded) > 3 and folded[0] in YES_NO_VERBS
             and folded[1] in POINTING_WORDS) or folded[0] == "like"
            or (folded[0] in YES_NO_VERBS and folded[1] in _LIKE)  # ("… is like chatgpt?", subject left out)
            or _kind_guessed(p, spoken[k], folded) or _things_guessed(p, spoken[k - 1], spoken[k], folded))
    if k > 0 and _alternatives_offered(folded) and _asks_what_or_names(p, spoken[k - 1]):
        return True  # "Was ist das denn überhaupt? Ein Amt oder ein Projekt?", "…, is it a gov thing or a private one?"
    if k > 0 and _WHICH_KIND.match(" ".join(folded)):
        return True  # "… Rahmenstrategie. Handelt es sich dabei um ein verbindliches Regelwerk oder eher um …?"
    if tuple(folded[-2:]) not in _GUESS_TAGS and not (len(folded) > 2 and folded[-1] in OR) \
            and not _or_how_to_see_it(folded) and not _MORE_TO_IT.search(text):
        return False
    # (it follows the question, or the thing it guesses at: "Fünf für Südwestfalen, es dat so ne
    # Fußballsach oder wat?", also likening it: "smart city = what, like everyone gets free wifi or sumn?",
    # "smart city is dat, so wie smart home für die ganze stadt oder wat")
    return any(p.clauses[i].question and i < spoken[k] for i in p.kept) or (
        k > 0 and len(folded) > 3 and (folded[1] in POINTING_WORDS or folded[0] in _LIKENING)
        and _asks_what_or_names(p, spoken[k - 1]))


#: "…, or is there more to it?", "… oder steckt da mehr dahinter?": a guess the writer doubts
_MORE_TO_IT = re.compile(r"\b(?:or|oder)\s+(?:is|ist|iss)\s+(?:there|da|das|dat)\s+(?:more|mehr)\b"
                         r"|\b(?:or|oder)\s+steckt\s+(?:da\s+)?(?:noch\s+)?mehr\b")
#: How a guess likens the thing to another: "like …", "(so) wie …"
_LIKENING = frozenset("like wie so".split())


#: How a guess at who or what it was begins: "was it Schäuble?", "oder war es das BMBF?", "or was it economy?"
_WAS_IT = frozenset({("was", "it"), ("war", "es"), ("wars",)})
#: How many words the guessed name has at most
_WAS_IT_WORDS = 3


def _was_it(p: Parse, spoken: list[int], k: int, folded: list[str]) -> bool:
    """Whether the ``k``-th spoken clause guesses who or what it was, in a message that asks its own
    question elsewhere: "handed over by a minister in Berlin — was it Schäuble? Who was it?". The
    name guessed is the writer's claim, which the answer settles, not the subject."""
    said = folded[1:] if folded[:1] and folded[0] in OR | {"und", "and"} else folded
    opener = next((len(o) for o in _WAS_IT if tuple(said[: len(o)]) == o), 0)
    rest = said[opener:]
    return bool(opener) and p.clauses[spoken[k]].question and 0 < len(rest) <= _WAS_IT_WORDS \
        and not any(question_type.is_question_word(w) or w.isdigit() for w in rest) \
        and any(p.clauses[i].question for i in spoken if i != spoken[k])


#: Officialese kinds offered of what was named before: "Handelt es sich (dabei) um ein … oder (eher) um …?"
_WHICH_KIND = re.compile(r"handelt es sich (?:\w+ )?um (?:ein|eine|einen)\b.* oder\b")


def _kind_guessed(p: Parse, i: int, folded: list[str]) -> bool:
    """Whether clause ``i`` is a short guess at the kind of thing asked about, asking nothing of its
    own: "Ein Buch?", "Wie Fußballmannschaft?", "Wie so ein Plan für alle Städte?", "a kind of app?"."""
    if not (p.clauses[i].question and len(folded) <= _ALTERNATIVES_WORDS):
        return False
    if folded[0] in _KIND_OPENERS:
        return not any(question_type.is_question_word(w) for w in folded[1:])
    if len(folded) > 2 and folded[0] in _WHAT and folded[1] in _WITH and not any(map(is_town, p.clause_words[i][0])):
        return True  # "Rahmenstrategie – wat soll dat sein? Wat mit Bilderrahmen?" (not "what about Olpe?")
    originals = p.clause_words[i][1]
    # "wie" before a noun or an article, not before a verb ("Wie funktioniert das?"): like this
    return folded[0] == "wie" and len(originals) > 1 and (originals[1][:1].isupper() or folded[1] in _KIND_OPENERS) \
        and not question_type.is_question_word(folded[1])


#: How many words a guess of things alone has at most ("lampposts with wifi?")
_THINGS_WORDS = 4
_QUOTES = frozenset("\"'„“”‚‘’»«")
#: How a request opens: "erklär ma in normal", "Gib ma die Kurzfassung", "Kindly explain the need", "bitte kurz"
_ASKS_FOR = TELL | clause_split.REQUEST | clause_split.POLITE


def _things_guessed(p: Parse, asked: int, i: int, folded: list[str]) -> bool:
    """Whether clause ``i`` names a few things alone, as a guess at what clause ``asked`` just asked, which
    names something of its own: "what even is a 'smart city'? lampposts with wifi?" (after "Was ist neu?" the
    words ask once more: "Letzte Sache?") – no question word, no verb or function word first, no town or number
    (not "… Download?", one word that asks for something; not "… Olpe und Brilon?"; not a name in quotes, which
    is what a question of function words before it asks about: "Wat is dat, „Smart Cities: Schule“?", nor the name
    on the same sentence: "Wat bedeut dat eigentlich, Smart City?"; not a request: "erklär ma in normal", "Gib ma die
    Kurzfassung"; not a check of function words: "Stimmt das etwa nicht?")."""
    return p.clauses[i].question and 1 < len(folded) <= _THINGS_WORDS and folded[0] not in STOPWORDS \
        and sum(1 for w in p.clause_words[asked][0] if w not in STOPWORDS) > 1 \
        and p.clauses[i].text.lstrip()[:1] not in _QUOTES and not p.clauses[i].joined and folded[0] not in _ASKS_FOR \
        and sum(1 for w in folded if w in STOPWORDS) <= 1 \
        and folded[0] not in YES_NO_VERBS and not any(question_type.is_question_word(w) for w in folded) \
        and not any(is_town(w) or w.isdigit() for w in p.clause_words[i][0])


#: "… oder wie muss ich mir das vorstellen?": how to picture what was asked, after a guess at it
_PICTURE = frozenset("vorstellen vorzustellen verstehen gemeint meinen meint imagine picture understand".split())


def _or_how_to_see_it(folded: list[str]) -> bool:
    """Whether a guess ends "oder wie muss ich mir das vorstellen?", "or how should I picture it?":
    a tag asking how to see it, of function words and a verb of picturing only."""
    at = next((j for j in range(len(folded) - 2, 1, -1) if folded[j] in OR), 0)
    tail = folded[at + 1:]
    return bool(at) and question_type.is_question_word(tail[0]) and tail[-1] in _PICTURE \
        and all(w in STOPWORDS or w in POINTING_WORDS for w in tail[1:-1])  # ("dat" as written)


#: How many words a list of kinds of thing the writer offers has at most ("is it a gov program or a private outfit")
_ALTERNATIVES_WORDS = 8
#: ... beginning with an article or a yes/no question that points back
_KIND_OPENERS = frozenset("ein eine einen einer en a an eher so".split())
_WITH = frozenset("mit met with".split())


def _alternatives_offered(folded: list[str]) -> bool:
    """Whether a clause offers kinds of thing to choose from, asking nothing of its own: "ein Amt
    oder ein Projekt?", "is it a gov program or a private outfit?"."""
    if not 2 < len(folded) <= _ALTERNATIVES_WORDS or OR.isdisjoint(folded[1:-1]) \
            or any(question_type.is_question_word(w) for w in folded):
        return False
    start = 2 if folded[0] in YES_NO_VERBS and folded[1] in POINTING_WORDS else 0
    return folded[start] in _KIND_OPENERS


#: How many words an answer the writer offers has at most ("some tech giant?")
_OFFERED_WORDS = 3


def _offered_answer(p: Parse, spoken: list[int], k: int, folded: list[str]) -> bool:
    """Whether the ``k``-th spoken clause is a short answer the writer offers to a question before
    it that asks who or where: a few words that ask nothing themselves ("wer bezahlt das alles? unsere
    Steuer?", "who's funding this? federal government? EU?"). After "what" it is the question once
    more ("Was ist neu? Letzte Sache?")."""
    said = [w for w in folded if w not in FILLERS]  # ("Auch für uns Handwerker?")
    # (the last of several offered is longer: "The council, the government, or some tech firm flogging gadgets?")
    # (and a choice offered: "wer darf sie nutzen? Nur die beteiligten Städte oder auch andere?")
    most = _ALTERNATIVES_WORDS if folded[:1] and folded[0] in OR or not OR.isdisjoint(folded[1:-1]) \
        else _OFFERED_WORDS
    # (a pointing word asks about what was said; an article before a noun does not: "Die Landesregierung?")
    if not (p.clauses[spoken[k]].question and 0 < len(said) <= most) or any(
            question_type.is_question_word(w)
            or w in POINTING_WORDS and not (w in _ARTICLE_POINTING and j + 1 < len(folded))
            for j, w in enumerate(folded)):
        return False
    for before in reversed(spoken[:k]):  # (past the answers offered before it: "… EU? some tech giant?")
        if not p.clauses[before].question:
            return False
        asked = list(tokenize(p.clauses[before].text).folded)
        rest = list(dropwhile(_OPENS.__contains__, asked))
        if rest and question_type.is_question_word(rest[0]):
            # (of a question that asks two things, what it asks last: "Was sind die Leitfäden und wer darf
            # die nutzen? Nur die fünf Modellkommunen?")
            last = max((j for j in range(1, len(rest)) if rest[j - 1] in clause_split.AND
                        and question_type.is_question_word(rest[j])), default=0)
            return question_type.detect(rest[last:]) in _SOURCE_ASKED
        if len(asked) > _OFFERED_WORDS:
            return False
    return False


_SOURCE_ASKED = frozenset(("who", "where"))
_ARTICLE_POINTING = frozenset("die das dat".split())  # pointing words that are also articles
# ("so who's funding all this?"; and the preposition before "who": "für wen sind die? Auch für uns Handwerker?")
# ("… und wer darf sie nutzen? Nur die beteiligten Städte …?": a question of its own after "und")
_OPENS = question_type.OPENERS | frozenset("so fur von mit an bei for by to from with und and".split())


#: How many words a clause that only names a thing has at most ("Rahmenstrategie, is dat …?")
_NAMING_WORDS = 4


def _asks_what_or_names(p: Parse, i: int) -> bool:
    """Whether clause ``i`` asks what something is, or only names it, set before a question about it."""
    clause = p.clauses[i]
    # (not where something is done in a town: "Hundesteuer bezahlen in Brilon – geht das per App?")
    return _asks_what(clause.text) or (not clause.question and 0 < len(p.clause_words[i][0]) <= _NAMING_WORDS
                                       and not any(map(is_town, p.clause_words[i][0])))


YES_NO_VERBS = frozenset("ist is es os hat has hats does dos geht gehts ham hamm haben have sind are do".split())
POINTING_WORDS = frozenset("das dat dit it es dies this that die they".split())
_WHAT = frozenset("was wat watt what whats wot".split())


def _asks_what(text: str) -> bool:
    """Whether a clause asks what something is ("Wat is denn nu ne Smart City?", "What's this …?")."""
    first = re.match(r"[^\W_]+", text)
    return first is not None and fold(first.group()) in _WHAT


def _instead(words: list[str], start: int, end: int, next_start: int) -> set[int]:
    """'alle Städte, die mitmachen (nicht die 5 Pionier-Dinger, sondern die anderen)': what comes
    after "nicht" in a clause that the next one corrects with "sondern" is not what is asked."""
    if next_start >= len(words) or words[next_start] not in ("sondern", "but"):
        return set()
    at = next((j for j in range(end - 1, start - 1, -1) if words[j] in ("nicht", "not")), None)
    return set(range(at + 1, end)) if at is not None else set()


_NOT = frozenset("not nicht".split())


def _negated(p: Parse, clause: int) -> bool:
    words = p.clause_words[clause][0]
    return bool(words) and words[0] in _NOT


def _not_these(words: list[str], start: int, end: int) -> set[int]:
    """'The other towns who joined, not the pioneers – what are their names?': a clause that begins
    with "not" says what is not asked about."""
    return set(range(start + 1, end)) if start < end and words[start] in _NOT else set()


#: What a thing is not, before it: "auch wenn wir keine Modellkommune sind", "die nicht zu den fünf … gehören"
_NOT_A = frozenset("kein keine".split())  # ("keiner", "keinen": also "nobody")
_NOT_AMONG = (("nicht", "zu"), ("not", "one"), ("not", "among"), ("nicht", "unter"))
_NOT_WORDS = 4
_BEING = frozenset("bin bist ist sind seid sein am are is".split())


def _not_one_of(words: list[str], start: int, end: int) -> set[int]:
    """'Kann unsere Gemeinde die Rahmenstrategie nutzen, auch wenn wir keine Modellkommune sind?': what
    the writer's town is not ("keine …", "nicht zu den …", "not one of the …") is not what is asked."""
    found: set[int] = set()
    being = not _BEING.isdisjoint(words[start:end])  # ("ich sehe keine Bilder": what is missing is the subject)
    for j in range(start, end - 1):
        if (being and words[j] in _NOT_A) or tuple(words[j : j + 2]) in _NOT_AMONG:
            found |= {i for i in range(j + 1, min(j + 1 + _NOT_WORDS, end)) if not is_town(words[i])}
    return found


_MODALS = frozenset("kannst kannste konnen konnten konntest konnt can could would".split())
_YOU_ASKED = frozenset("du sie ihr you u".split())


def _request_frame(words: list[str], start: int, end: int) -> set[int]:
    """'kannst du mir kurz die ganze timeline erklären', 'could you explain the timeline': the
    request to tell is how it is asked, not what about, when something else is named."""
    if end - start < 4 or words[start] not in _MODALS or words[start + 1] not in _YOU_ASKED:
        return set()
    frame = {start} | {j for j in range(start + 2, end) if words[j] in TELL}
    if len(frame) == 1 or not any(w not in STOPWORDS for j, w in enumerate(words[start:end], start)
                                  if j not in frame):
        return set()
    return frame


def _after_or(words: list[str], start: int, end: int) -> set[int]:
    """The words after "oder"/"or" in the clause: "… für alle oder nur für die fünf Städte?" (not
    examples of what is asked: "Habt ihr sowas wie News oder nen Blog?", "something like news or a blog")."""
    at = next((j for j in range(start, end) if words[j] in OR), None)
    if at is None or not _LIKE.isdisjoint(words[max(start, at - 3) : at]):
        return set()
    if start < at < end - 1 and words[at - 1].isdigit() and words[at + 1].isdigit():
        return {at + 1}  # "Waren es 13 oder 15 Millionen Euro?": what follows the numbers is said of both
    if at + 1 < end and words[at + 1] in clause_split.PREPOSITIONS:
        # "Leitfäden nur für die 5 Pionierstädte oder für alle?": two choices that open with the same
        # preposition both say for whom, what, where; the subject is named before them (a word rarer than
        # everyday ones, not "Richtet sich dieses an … oder an …?")
        first = next((j for j in range(at - 1, start, -1) if words[j] == words[at + 1]), None)
        if first is not None and any(zipf(w) < _SUBJECT_ZIPF for w in words[start:first]):
            return set(range(first, end)) - {at}
    return set(range(at + 1, end))


#: A word this rare names a subject (not "richtet", "nochmal")
_SUBJECT_ZIPF = 4.0


_LIKE = frozenset("wie like".split())


_SINCE = frozenset("seit since after".split())
#: What happened after a point in time (German puts it after the event: "seit der Förderzusage passiert")
_HAPPENED = frozenset("passiert geschehen getan gemacht entwickelt happened occurred happen".split())
_SPAN_START = frozenset("von from zwischen between".split())
_NOW = frozenset("heute jetzt today now date present gegenwart".split())
_ONWARDS = frozenset("onwards onward".split())
_UP_TO_NOW = "bisher"  # (the vocabulary's word for "bis jetzt", "up to now", "so far")
_TO_NOW = frozenset("up until till to bis bes".split())
_WHEN = frozenset("wann when".split())
#: "seit einiger Zeit", "since last year": a duration, not an event; "since the beginning" (the
#: vocabulary writes "beginning", "Anfang" as "timeline") asks about all of it
DURATION = frozenset("zeit jahren jahr monaten wochen tagen gestern kurzem langem ewigkeiten heute jeher "
                      "time years year months weeks days yesterday ages long timeline".split())


def _time_anchor(words: list[str], start: int, end: int, originals: list[str]) -> set[int]:
    """An event named as a point in time: "the milestones since the funding was granted", "von der
    Förderzusage bis heute", "between the Förderzusage and today". The question is about what
    happened around it, not about the event ("Seit wann …" asks about it)."""
    found: set[int] = set()
    for j in range(start, end):
        if words[j] in _SINCE and j + 1 < end and words[j + 1] not in _WHEN \
                and DURATION.isdisjoint(words[j + 1:j + 4]):
            # up to what happened: "Was ist seit der Förderzusage alles passiert?" asks what happened
            stop = next((k for k in range(j + 1, end) if words[k] in _HAPPENED), end)
            found.update(range(j + 1, stop))
            break
        # (the vocabulary writes "up to now", "bis jetzt" as one word, whose first word as written says "to";
        # not "in recent years": "money from the British government's funding in recent years")
        up_to_now = words[j] == _UP_TO_NOW and fold(originals[j]) in _TO_NOW
        if words[j] in _NOW and j - 2 >= start or up_to_now and j - 1 > start:
            # "bis heute", "to the present (day)"; "from the funding in Berlin up to now"
            to = j if up_to_now else j - 2 if words[j - 1] in ("the", "die") else j - 1
            if to > start and (to == j or words[to] in ("bis", "until", "und", "and", "to")):
                opener = next((k for k in range(to - 1, start - 1, -1) if words[k] in _SPAN_START), None)
                if opener is not None:
                    found.update(range(opener + 1, to))
        if words[j] in _ONWARDS:
            # "from the funding award onwards", "ab der Förderzusage"
            opener = next((k for k in range(j - 1, start - 1, -1) if words[k] in _SPAN_START), None)
            if opener is not None:
                found.update(range(opener + 1, j))
    return found


_RELATIVE_TIME = frozenset("nachste nachsten kommende kommenden letzte letzten vergangene vergangenen diese dieser "
                           "next last this coming past".split())
_TIME_UNITS = frozenset("woche wochen monat monats jahr jahres wochenende week month year weekend".split())
_TIME_WORDS = frozenset("morgen ubermorgen gestern vorgestern tomorrow yesterday tonight".split())


def _when_of_the_story(words: list[str], start: int, end: int) -> set[int]:
    """'Ich muss nächste Woche ein Referat halten. Was ist das?': when something happens in the
    writer's life, in a clause that does not ask, says nothing about what is asked."""
    found: set[int] = set()
    for j in range(start, end):
        if words[j] in _TIME_WORDS:
            found.add(j)
        elif words[j] in _TIME_UNITS and j > start and words[j - 1] in _RELATIVE_TIME:
            found.update((j - 1, j))
    return found


_THAT_WHICH = frozenset("that which who".split())


_RELATIVE_DE = frozenset("der die das dem den denen".split())
_SHORT_RELATIVE = 3  # content words
_RELATIVE_SUBJECTS = frozenset("ich man wir du ihr".split())
_PREPOSITIONS_DE = frozenset("auf in an mit von uber zu bei fur aus".split())
_OF_WHICH = frozenset("von uber".split())  # "…, von der alle reden"


_ANYTHING = clause_split.DESCRIBING | {"any"}  # what is asked for is like … ("anything", "etwas")


#: A relative clause after a comma that says who spoke of the thing: "…, von der im Hauptausschuss die
#: Rede war", "…, über die alle reden"
_SPOKEN_OF = re.compile(r",\s*(?:von|über|ueber)\s+(?:der|dem|denen|den|die)\s", re.IGNORECASE)


def _spoken_of(words: list[str], start: int, end: int) -> set[int]:
    """'Was genau ist diese Rahmenstrategie, von der im Hauptausschuss die Rede war?': who spoke of
    the thing, and where, is no subject (the clause's text has the comma: ``_SPOKEN_OF``)."""
    for j in range(start + 2, end):
        if words[j] in _RELATIVE_DE and words[j - 1] in _OF_WHICH and words[j - 2] not in STOPWORDS:
            return set(range(j + 1, end))
    return set()


def _described(words: list[str], start: int, end: int) -> set[int]:
    """'Which towns make up the consortium that was handed the grant in Berlin?': in a question, a
    relative clause after a noun says which one is meant; the question is about the noun. So does
    a German one where the writer says what they would do with it ("einen Blog, auf den ich
    verlinken kann")."""
    for j in range(start + 1, end - 2):
        # (in a question what a thing is, also one of a reflexive verb: "Was ist die Rahmenstrategie, der sich
        # die Kommunen angeschlossen haben?"; not in the story: "… Städten, die sich angeschlossen haben.")
        if words[j] in _RELATIVE_DE and (words[j + 1] in _RELATIVE_SUBJECTS or (
                words[j + 1] == "sich" and words[start] in _WHAT)):
            noun = j - 2 if words[j - 1] in _PREPOSITIONS_DE else j - 1
            # (a short one: "eine Stelle, an der man die Geschichten und Neuigkeiten nachlesen kann"
            # says in it what is asked about)
            if noun >= start and words[noun] not in STOPWORDS \
                    and sum(w not in STOPWORDS for w in words[j + 2 : end]) <= _SHORT_RELATIVE:
                return set(range(j + 2, end))
    if start >= end or not (question_type.is_question_word(words[start]) or words[start] in _ANYTHING):
        return set()  # ("Anything coming up that I could tell my cousin about?")
    for j in range(start + 2, end - 1):
        if words[j] in _THAT_WHICH and words[j - 1] not in STOPWORDS:
            return set(range(j + 1, end))
        # (an English relative clause without "that": "Any recent updates I should mention in my newsletter?")
        if words[j] in _CONTACT_SUBJECTS and words[j + 1] in _CONTACT_MODALS and words[j - 1] not in STOPWORDS:
            return set(range(j, end))
    return set()


_CONTACT_SUBJECTS = frozenset("i we".split())
_CONTACT_MODALS = frozenset("should could can might would need".split())


_AS_IF = (("like", "i"), ("like", "im"), ("as", "if"), ("als", "ob"), ("als", "ware"), ("wie", "fur"),
          # ... and what it sounds like to the writer: "whats 5 für südwestfalen lol sounds like a boy band"
          ("sounds", "like"), ("sound", "like"), ("klingt", "wie"), ("klingt", "nach"), ("klingen", "nach"),
          ("hort", "sich"))


def _as_if(words: list[str], start: int, end: int) -> set[int]:
    """How the writer wants it explained: "Explain it to me like I'm a tourist who's had two pints",
    "als ob ich fünf wäre", "wie für Kinder"; and an example of what is meant: "a blog with recaps,
    like the one about …". The question is what comes before it."""
    for j in range(start + 1, end - 1):
        if (words[j], words[j + 1]) in _AS_IF or tuple(words[j : j + 3]) in clause_split.EXAMPLE_OF:
            return set(range(j + 1, end))
    return set()


_SPARED = frozenset("ich wir man".split())  # ("dass" reads as "das" after the vocabulary)


def _spared(words: list[str], start: int, end: int) -> set[int]:
    """What the answer should spare the writer: "erklär mal, was ne smart city ist, ohne dass ich einschlaf",
    also as a clause of its own. The question is what comes before it."""
    for j in range(start, end - 2):
        if words[j] == "ohne" and words[j + 1] == "das" and words[j + 2] in _SPARED:
            return set(range(j + 1, end))
    return set()


#: Before "like" these make it a verb ("we'd like to pitch", "I should like to understand").
_LIKES = frozenset("i we you u they d would should to".split())


_GUESS_BACK = 4  # how many words before a clause of "like …" the question what it is may end
_TO_BE = frozenset("ist is are was sind".split())  # ("like is it a company …": a filler before a question)


def _like_guess(words: list[str], start: int, end: int) -> set[int]:
    """An example offered after asking what something is: "whats a smart city actually, like self
    driving cars n stuff?", "what is a smart city is that like robots and cameras everywhere". The
    writer's guess is not the subject; a "like" before the subject is a filler ("is there like …")."""
    # ... also as a clause of its own right after the question: "smart city is what? like everything with app??"
    if start and words[start] == "like" and end - start > 1 and words[start + 1] not in _TO_BE \
            and any(words[i] in _WHAT for i in range(max(0, start - _GUESS_BACK), start)):
        return {i for i in range(start + 1, end) if not is_town(words[i])}
    for j in range(start + 2, end - 1):
        if words[j] == "like" and words[j - 1] not in _LIKES and words[j + 1] != "to":
            asks = next((i for i in range(start, j) if words[i] in _WHAT), None)
            if asks is not None and any(w not in STOPWORDS for w in words[asks + 1 : j]):
                return {i for i in range(j + 1, end) if not is_town(words[i])}
            return set()
    return set()


def _stated_guess(words: list[str], start: int, end: int) -> set[int]:
    """A statement asked with a question mark, of a subject named first: "smart city = robots
    everywhere?", "Smart City ist nur WLAN überall?". What the writer guesses the subject is, after the
    verb, is not what is asked (a town named first asks whether it takes part: "Olpe ist dabei?")."""
    for v in range(start + 1, min(start + _SUBJECT_WORDS + 1, end - 1)):
        if words[v] in _IS_STATED:
            if all(w not in STOPWORDS and not is_town(w) and not question_type.is_question_word(w)
                   for w in words[start:v]):
                return {j for j in range(v + 1, end) if words[j] not in STOPWORDS and not is_town(words[j])}
            return set()
    return set()


_IS_STATED = frozenset("ist is".split())
_SUBJECT_WORDS = 3


#: The kind of thing guessed: "some kind of …", "so ne Art …" (the vocabulary drops "sort of" as a hedge:
#: "what is that some contract", so a "some" right after the thing pointed at guesses too)
_KIND_WORDS = frozenset("kind sort type art".split())
_SOME = frozenset("some".split())


def _kind_guess(words: list[str], start: int, end: int) -> set[int]:
    """The kind of thing the writer guesses after asking what it is: "five for south westphalia what
    is that some kind of football league lol", "was ist das, so ne Art Verein?". The guess is not the
    subject; "what kind of …" asks for the kind and guesses nothing."""
    asks = next((i for i in range(start, end) if words[i] in _WHAT), None)
    if asks is None:
        return set()
    for j in range(asks + 2, end - 1):
        if (words[j] in _KIND_WORDS or (words[j] in _SOME and words[j - 1] in POINTING_WORDS)) and any(
                w not in STOPWORDS or w in POINTING_WORDS for w in words[asks + 1 : j]):
            return {i for i in range(j + 1, end) if not is_town(words[i]) and words[i] not in STOPWORDS}
    return set()


#: A yes/no guess, then "or what is it": "is dat so ne app oder wat is dat", "is it a club or what?"
_GUESS_OR_WHAT = re.compile(r"\W*(?:isses|(?:is|ist|iss)\s+(?:das|dat|dit|it|this|that|es|et))\s+(.+?)\s+(?:oder|or)\s+"
                            r"(?:was|wat|watt|what|wot)\s+[^\W_]", re.IGNORECASE)


#: Whom it should be explained to: "explain to an old Welsh librarian what …", "erklären Sie einer alten
#: Dame, was …" (after a verb of telling, before the question word).
_TO_WHOM = frozenset("to einem einer meinem meiner unserem unserer".split())
_TOLD_BEFORE = frozenset("it this that es das dat me mir uns us sie ihr".split())
_TOLD_WHOM = frozenset("a an two 2 three 3 some my our".split())
_WHOM_WORDS = 6


def _explained_to(words: list[str], start: int, end: int) -> set[int]:
    """Whom the writer wants it explained to: "Would you be so kind as to explain to an old Welsh
    librarian what this initiative is all about?". The question is what comes after it: these words
    cost nothing, as the writer's own name does."""
    for j in range(start, end - 2):
        if words[j] in TELL:
            k = j + 1
            while k < end and words[k] in _TOLD_BEFORE:
                k += 1
            # (English "tell" takes whom without "to": "Could you tell two old Aussies what it is all about?")
            if k < end and (words[k] in _TO_WHOM or (words[j] == "tell" and words[k] in _TOLD_WHOM)):
                stop = next((m for m in range(k + 1, min(end, k + 8)) if question_type.is_question_word(words[m])),
                            end if end - k <= _WHOM_WORDS else None)  # (or the clause ends: "… to an old librarian?")
                if stop is not None and stop > k + 1:
                    return set(range(k + 1, stop))
    return set()


#: Where the thing asked about is: "was ist dieses smart cities ding hier in der region?", "… bei uns im
#: Sauerland" (not what the region gets from it: "Was bringt das der Region?").
_IN = frozenset("in im bei beim around across".split())
_REGION_WORDS = frozenset("region gegend area sudwestfalen".split())
_BEFORE_REGION = frozenset("der dem the this our unserer unserem uns diese dieser".split())
_WHY_WORDS = frozenset("warum wieso weshalb weswegen wozu why".split())
_CITY = frozenset("city cities".split())


def _in_the_region(words: list[str], start: int, end: int) -> set[int]:
    """Where what is asked about is: the region after "in"/"bei" ("… hier in der Region"), in a clause
    that asks what (not why, nor what the region needs)."""
    found: set[int] = set()
    if not _WHY_WORDS.isdisjoint(words[start:end]):
        return found  # "Also warum macht man das gerade in unserer Region?": why there
    for j in range(start, end - 1):
        # (not the initiative's name said with its "in": "Projekt Smart City in Südwestfalen")
        if words[j] in _IN and not (j and words[j - 1] in _CITY):
            k = j + 1
            while k < end and words[k] in _BEFORE_REGION:
                k += 1
            while k < end and words[k] in _REGION_WORDS:
                found.add(k)
                k += 1
    return found


#: Between one of the writer's people and the town they live in: "my cousin in Olpe", "my aunt who lives in Brilon"
_LIVES_IN = frozenset("in aus from im at bei lives living who der die that wohnt lebt".split())


def _where_their_people_live(words: list[str], start: int, end: int) -> set[int]:
    """The town where the writer's people live ("so whats this smart cities thing my cousin in olpe keeps
    going on about"): where the story comes from, not what is asked about, unless named again ("Meine Tante
    lebt in Olpe. Olpe ist doch dabei?")."""
    found: set[int] = set()
    if not any(map(is_town, words[start:end])):
        return found
    people = names.relative_positions(words)
    for j in range(start + 1, end):
        if is_town(words[j]) and words[j - 1] in _LIVES_IN and words.count(words[j]) == 1:
            k = j - 1
            while k > start and words[k] in _LIVES_IN and j - k <= 3:
                k -= 1
            if k in people:
                found.add(j)
    return found


_PURPOSE = frozenset("damit sodass".split())
_PURPOSE_SUBJECTS = frozenset("ich wir man sie er du i we they".split())


def _purpose(words: list[str], start: int, end: int) -> set[int]:
    """What the writer needs the answer for: "…, damit ich das fürs Team briefen kann", "so that I
    can brief my team". The question is what comes before it."""
    for j in range(start, end - 1):
        # ("so" of "so that" is chatter: a clause that begins "that we …" is the rest of it)
        if (words[j] in _PURPOSE or (words[j] == "so" and words[j + 1] == "that")
                or (j == start and words[j] == "that")) and any(
                w in _PURPOSE_SUBJECTS for w in words[j + 1 : j + 3]):
            return set(range(j + 1, end))
    return set()


_AS_A = frozenset("as als".split())
_A = frozenset("a an ein eine einer".split())
_ROLE_ENDS = frozenset("i ich we wir".split())


_FOR = frozenset("for fur furs".split())
_MY_FOR = frozenset("my our".split())  # (German "für meinen Laden" is often what is asked about)
_FOR_MY_WORDS = 5
_FOR_THE = frozenset("die den das der dem".split())  # (German: "für die Anlage 2", "für den Ausschuss")
_FOR_CLAUSE_WORDS = 7
_FOR_WHAT = frozenset("a an my our the mein meine meinen meinem unser unsere unseren unserem einen ein eine".split())
_FOR_ANY = _FOR_WHAT | _FOR_THE


def _as_a_role(words: list[str], start: int, end: int) -> set[int]:
    """The writer's role at the start of a clause: "as a UX person I'm curious – …", "as an outsider
    I wonder …", "Als ein Laie frage ich mich …"; and what the answer is for: "For a talk at our
    veterans' club I'd like …". The question is what comes after it."""
    if end - start >= 3 and words[start] in _FOR and words[start + 1] in _FOR_ANY:
        stop = next((j for j in range(start + 2, min(end, start + 8)) if words[j] in _ROLE_ENDS), None)
        if stop is not None:
            return set(range(start + 2, stop))
        # ... or a clause of its own after a request: "Bitte die Aufzählung der Mitmacherkommunen, gern
        # alphabetisch, für die Anlage 2." (what the list is for)
        return set(range(start + 2, end)) if start > 0 and end - start <= _FOR_CLAUSE_WORDS \
            and words[start + 1] in _FOR_THE else set()
    # ... or at its end: "I need a chronology of the initiative's milestones for my literature review."
    for j in range(start + 2, end - 2):
        if words[j] == "for" and words[j + 1] in _MY_FOR and end - j <= _FOR_MY_WORDS:
            return {k for k in range(j + 2, end) if not is_town(words[k])}  # (a town there is where)
    if end - start < 3 or words[start] not in _AS_A or words[start + 1] not in _A:
        return set()
    stop = next((j for j in range(start + 2, min(end, start + 6)) if words[j] in _ROLE_ENDS), None)
    return set(range(start + 2, stop)) if stop is not None else set()


#: A piece of work the writer does ("for my thesis on regional digitalisation") and what it is about
_WORKS = frozenset("thesis dissertation hausarbeit referat facharbeit bachelorarbeit masterarbeit seminararbeit "
                   "abschlussarbeit paper essay report article artikel bericht vortrag prasentation presentation "
                   "talk piece".split())
_WORK_ON = frozenset("on about uber zu zum zur".split())


def _work_about(words: list[str], start: int, end: int) -> set[int]:
    """What the writer's own piece of work is about: "for my MSc thesis on regional digitalisation I
    need …", "für mein Referat über Digitalisierung auf dem Land …". It is the work's subject, not
    the question's: the question is what the writer needs for it."""
    for j in range(start + 1, end - 1):
        if words[j] in _WORK_ON and words[j - 1] in _WORKS:
            # (up to a function word, a town, a question word, or the verb before "I": "… brauche ich")
            stop = next((k for k in range(j + 1, end) if words[k] in STOPWORDS or is_town(words[k])
                         or question_type.is_question_word(words[k]) or words[k + 1 : k + 2] == ["ich"]), end)
            return set(range(j + 1, stop))
    return set()


_DIFFERENT = frozenset("different differs differ differently distinguishes distinguish distinguished anders "
                       "unterscheiden unterscheidet unterschied".split())
#: What the subject is set apart from follows these ("from the other towns", "anders als die anderen")
_APART_FROM = frozenset("from than von als".split())


def _compared_with(words: list[str], start: int, end: int) -> set[int]:
    """What the subject is set apart from: "What distinguishes the five pioneer towns from the other
    participating municipalities?", "was machen die Modellkommunen anders als die anderen Städte?".
    The question is about what comes before it."""
    for j in range(start + 1, end - 1):
        if words[j] in _DIFFERENT:
            after = next((k for k in range(j + 1, end) if words[k] in _APART_FROM), None)
            if after is not None:
                return set(range(after + 1, end))
        # ... or what the writer would do instead: "why bother with all this rather than just fixing the roads"
        if (words[j], words[j + 1]) in _INSTEAD:
            return set(range(j + 2, end))
        if words[j] in _INSTEAD_OF:
            return set(range(j + 1, end))
        # ... or as many as: "14 Mitmacherkommunen – fast so viele wie Schützenvereine im Kreis Olpe"
        # (chatter has taken the "so" of "so viele wie": the word after says it)
        if words[j] in _AS_MUCH and words[j + 1] in _AS_MUCH_AS:
            return set(range(j + 2, end))
        # ... or likened to: "is a smart city the same thing as a smart home?", "dasselbe wie …"
        if words[j] in _SAME:
            after = next((k for k in range(j + 1, min(end, j + 3)) if words[k] in _SAME_AS), None)
            if after is not None:
                return set(range(after + 1, end))
    return set()


_SAME = frozenset("same similar dasselbe dieselbe derselbe gleiche gleich selbe ahnlich".split())
_INSTEAD = frozenset({("rather", "than"), ("instead", "of")})
_INSTEAD_OF = frozenset("statt anstatt anstelle".split())
_SAME_AS = frozenset("as to wie".split())
_AS_MUCH = frozenset("viele viel many much".split())
_AS_MUCH_AS = frozenset("as wie".split())


_NOT_LIKE = frozenset("not nicht kein keine no".split())
_QUITE = frozenset("exactly quite really gerade wirklich ja eben".split())


def _not_like(words: list[str], start: int, end: int) -> set[int]:
    """A place the writer's own is not: "… it is not exactly singapore", "wir sind ja nicht Berlin", or a
    big city given as an example ("Großstädte wie Köln"). It is compared with, not asked about."""
    found: set[int] = set()
    for j in range(start, end - 1):
        if words[j] in _NOT_LIKE:
            k = j + 2 if words[j + 1] in _QUITE and j + 2 < end else j + 1
            if is_town(words[k]):
                found.add(k)
        # ... or a big city given as an example of the kind: "keine Großstadt wie Kölle", "more for big
        # cities like amsterdam"
        elif words[j] in _LIKE and j > start and words[j - 1] in _BIG_CITIES:
            found.update(k for k in range(j + 1, min(end, j + 1 + _EXAMPLES)) if is_town(words[k]))
    return found


_BIG_CITIES = frozenset("grossstadt grossstadte grossstadten metropole metropolen cities city towns metropolis "
                        "metropolises".split())
_EXAMPLES = 4  # ("like Berlin or Hamburg")


_EXCEPT = frozenset("ausser auser abgesehen besides except excluding".split())
_EXCEPT_PAIRS = frozenset({("apart", "from"), ("other", "than"), ("aside", "from")})


def _left_out(words: list[str], start: int, end: int) -> set[int]:
    """What the writer leaves out: "which towns besides the 5 pilot ones", "welche außer den
    Pionierkommunen". The question is about the others."""
    for j in range(start, end):
        if words[j] in _EXCEPT or tuple(words[j:j + 2]) in _EXCEPT_PAIRS:
            return set(range(j + 1, end))
    return set()


_JUST = frozenset("nur bloss lediglich eher quasi sozusagen just only simply merely like".split())
_COPULA = frozenset("ist sind heisst bedeutet meint is are means mean".split())


def _offered_reading(words: list[str], start: int, end: int) -> set[int]:
    """A reading the writer offers for the subject: "Ist eine Smart City nur Technik?", "is it just
    free wifi everywhere?", "dat heißt doch nur, dat alles im Internet is". The question is what
    the subject is; the offered reading is no subject of its own (as "oder")."""
    for j in range(start + 1, end - 1):
        # ... or a guess: "Is dat wat mit Handy?", "is it something with apps?" ("Hat das etwas mit
        # unseren Schulen zu tun?", with no copula, asks about the schools)
        offered = words[j] in _JUST or (words[j] in _WITH_THING and words[j - 1] in _SOMETHING)
        if offered and words[j] == "like" and (not _THERE.isdisjoint(words[max(start, j - 2) : j])
                                               or words[j + 1].isdigit()):
            continue  # a filler: "is there like a smart city thing for schools?", "u got like 13 million?"
        if offered and not _COPULA.isdisjoint(words[start:j]):
            return {k for k in range(j + 1, end) if not is_town(words[k])}
    return set()


_WITH_THING = frozenset("mit with".split())
_THERE = frozenset("there theres".split())
_SOMETHING = frozenset("was etwas so something anything".split())


_FROM = frozenset("aus from us".split())  # ("us": Siegerland "aus")


def _greeted_from(p: Parse, ix: Index) -> set[int]:
    """'Einen guten Morgen aus der Kämmerei', 'Hello from a newsroom in Dublin', 'Guten Tag aus dem
    Rathaus Werl': in a clause that greets and asks nothing, where the greeting comes from (a town
    too) is no subject. Indexes of those words in ``p.words``."""
    found: set[int] = set()
    asking = {i for i, c in enumerate(p.clauses) if c.question}
    for kept, (start, end) in zip(p.kept, clause_spans(p), strict=False):
        clause = p.words[start:end]
        at = next((j for j, w in enumerate(clause) if w in _FROM), None)
        # the greeting or the writer comes first: "Hello from …", "hier ist der Bauer aus Eslohe",
        # not "my colleague from Menden … top performers"
        if at is not None and (any(ix.greets(w) for w in clause[:at] if w not in STOPWORDS)
                               or (kept not in asking and names.introduced_from(clause[:at]) is not None)):
            # up to the first town: "hallo ich bin der heinz aus menden ist menden dabei" asks about it
            town = next((j for j in range(at + 1, len(clause)) if is_town(clause[j])), len(clause) - 1)
            found.update(start + j for j in range(at + 1, town + 1) if clause[j] not in STOPWORDS
                         and (not ix.knows(clause[j]) or (kept not in asking and is_town(clause[j]))))
        # "Ich bin pensionierte Hauswirtschaftslehrerin", "I'm Kaylee": who writes is no subject either
        writer_end = at if at is not None else len(clause)
        if kept not in asking and (after := names.introduced_from(clause[:writer_end])):
            found.update(start + j for j in range(after, writer_end)
                         if clause[j] not in STOPWORDS and not ix.knows(clause[j]))
    return found


def topic_words(words: list[str], ix: Index, s: MatcherSettings) -> int:
    """Known words that are no everyday words ("Förderung", not "kriegen", "tun" or "Infos"), nor words of
    telling ("… keine Zeit, es mir zu erklären")."""
    return sum(1 for w in words if w not in STOPWORDS and not question_type.is_question_word(w) and w not in TELL
               and (is_town(w) or _known_whole(ix.resolve(w))) and zipf(w) < s.topic_zipf)


def _known_whole(resolved: Resolved) -> bool:
    """Known as what it means: not a compound whose unknown last part decides ("Gemeinde|blatt?" is
    no Gemeinde)."""
    return bool(resolved.keys) and not (resolved.how == "compound" and resolved.parts[-1].endswith("?"))


#: How many words a question has at most that asks about a clause of names before it
_SHORT_QUESTION = 3


def _points_at_topic_before(p: Parse, ix: Index, i: int, asked: list[str]) -> bool:
    """Whether asking clause ``i`` goes on the sentence of a clause that only names a topic (no town) and
    points back at it with its first words ("…, war das …", "…, gab es die …")."""
    before = p.clause_words[i - 1][0]
    return p.clauses[i].joined and evidence(before, ix) and _only_names(before, ix) \
        and not any(map(is_town, before)) and not REFERRING.isdisjoint(asked[1:3])


def _only_names(words: list[str], ix: Index) -> bool:
    """Whether a clause only names things the knowledge knows, towns and years, in a few words
    ("arnsberg conference 2021"), with no everyday word of its own ("gestern in Arnsberg")."""
    content = [w for w in words if w not in STOPWORDS]
    return 0 < len(content) <= _NAMING_WORDS and len(words) <= _NAMING_WORDS and all(
        is_town(w) or _YEAR.fullmatch(w) or (ix.knows(w) and zipf(w) < EVERYDAY_ZIPF) for w in content)


def _names_subject(words: list[str], originals: list[str], ix: Index, s: MatcherSettings) -> bool:
    """Whether a clause names something: a town, a topic word, or an unknown word rare enough to be a
    subject of its own ("Bürgergeld"); not a greeting ("Moin") or everyday talk ("ich bin neu hier")."""
    return evidence(words, ix) or rare_unknown(words, originals, ix, s.subject_cost)


def rare_unknown(words: list[str], originals: list[str], ix: Index, cost: float) -> bool:
    """Whether a clause has a word the knowledge does not know that costs at least ``cost`` (a rare
    word, or a noun: capitalised after the clause's first word)."""
    return any(unknown_cost(w, j > 0 and o[:1].isupper()) >= cost
               for j, (w, o) in enumerate(zip(words, originals, strict=False))
               if w not in STOPWORDS and not ix.knows(w))


def join_split_words(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Join words written apart that the knowledge writes as one ("Modell-Projekt" -> modellprojekt)."""
    words, originals = p.words, p.originals
    i = 0
    while i + 1 < len(words):
        a, b = words[i], words[i + 1]
        joined = a + b
        if i + 2 < len(words) and len(triple := joined + words[i + 2]) >= 10 \
                and not any(map(is_town, words[i : i + 3])) and (ix.writes(triple) or _misheard(words[i : i + 3], ix)):
            # ... in three parts: "diese mit macher kommunen", "rahmen strategie papier"; also misheard, of
            # three parts the knowledge does not know on their own ("süd vest fallen" is Südwestfalen)
            p.compounds.append((" ".join(words[i : i + 3]), triple))
            words[i : i + 3] = [triple]
            originals[i : i + 3] = ["-".join(originals[i : i + 3])]
            p.starts = {j - 2 if j > i + 1 else (i if j > i else j) for j in p.starts}
            p.talk = {j - 2 if j > i + 1 else j for j in p.talk if j not in (i + 1, i + 2)}
            i += 1
            continue
        # "E-Autos", "U-Bahn": a letter and a hyphen make one word of another subject than the
        # word after it (unless the knowledge knows that word: "E-Government")
        lettered = len(a) == 1 and a.isalpha() and b not in STOPWORDS and not ix.knows(b) \
            and f"{originals[i]}-{originals[i + 1]}" in p.question
        both_words = a not in STOPWORDS and b not in STOPWORDS and not is_town(a) and not is_town(b)
        # ... and a first part written with a plural ending: "Pioniere Kommunen" are Pionierkommunen
        if not lettered and both_words and ix.resolve(joined).how != "exact":
            joined = next((a[:-cut] + b for cut in (1, 2) if a.endswith(_PLURAL_ENDINGS[cut])
                           and len(a) - cut >= _PART_LETTERS and (r := ix.resolve(a[:-cut] + b)).how == "exact"
                           and not set(r.keys) <= set(ix.resolve(a).keys)), joined)  # (a word of its own)
        if lettered or both_words and (
                ix.resolve(joined).how == "exact"  # not "for me" -> "forme"
                # a known word written apart with a typo, of two parts the knowledge does not
                # know on their own: "Leid Fäden" are Leitfäden
                or len(joined) >= 8 and (r := ix.resolve(joined)).how == "typo" and r.parts and (
                    not ix.knows(a) and not ix.knows(b)
                    # ... or two known words that, but for an ending, are the parts of one the knowledge
                    # writes ("große Städte" are Großstädte)
                    # (not a letter: "… smart cities südwestfalen n kunde", "'n" is "ein")
                    or len(b) >= _PART_LETTERS and r.parts[0].startswith(a[:-1]) and r.parts[0].endswith(b))):
            words[i : i + 2] = [joined]
            originals[i : i + 2] = [f"{originals[i]}-{originals[i + 1]}"]
            p.compounds.append((f"{a} {b}", joined))
            # the clauses and talk after it begin one word earlier
            p.starts = {j - 1 if j > i else j for j in p.starts}
            p.talk = {j - 1 if j > i else j for j in p.talk if j != i + 1}
        i += 1
    if p.compounds and ix.lexicon.applies([w for _, w in p.compounds]):
        # a phrase of the vocabulary the joined word is part of: "Smart Citys Süd Westfalen" is the
        # initiative's name once "Süd Westfalen" is one word
        out = ix.lexicon.rewrite(words, drop_chatter=False)
        if out.applied:
            _rewritten(p, out, "after joining")
            # ... a word the vocabulary wrote in turn ("sued west fahlen" is "sudwestfahlen", which it writes
            # "sudwestfalen"): then "smart cities sudwestfalen" is the name
            again = ix.lexicon.rewrite(p.words, drop_chatter=False)
            written = {t for _, target in out.applied for t in target.split()}
            if any(not written.isdisjoint(variant.split()) for variant, _ in again.applied):
                _rewritten(p, again, "after joining")
    # ... or one a misspelt word is part of: "smart sitties südwestfalen" is the name too
    corrected = {i: r.parts[0] for i, w in enumerate(p.words) if len(w) >= 4 and w not in STOPWORDS
                 and not is_town(w) and (r := ix.resolve(w)).how == "typo" and r.parts}
    fixed = [corrected.get(i, w) for i, w in enumerate(p.words)] if corrected else []
    if fixed and ix.lexicon.applies(fixed):
        out = ix.lexicon.rewrite(fixed, drop_chatter=False)
        if any(" " in variant and not set(variant.split()).isdisjoint(corrected.values())
               for variant, _ in out.applied):
            _rewritten(p, out, "after correcting typos")


def _misheard(parts: list[str], ix: Index) -> bool:
    """Whether three words the knowledge does not know make one it writes, but for a typo."""
    return not any(ix.knows(w) or w in STOPWORDS for w in parts) and ix.resolve("".join(parts)).how == "typo"


_PLURAL_ENDINGS = {1: ("e", "n", "s"), 2: ("en", "er", "es")}
_PART_LETTERS = 4


def _rewritten(p: Parse, out: Rewritten, when: str) -> None:
    """Take the words of a second pass of the vocabulary."""
    p.synonyms.extend(out.applied)
    p.note("vocabulary", f"{when}: " + ", ".join(f"{a} → {b}" for a, b in out.applied))
    firsts = {o: k for k, o in reversed(list(enumerate(out.origins)))}
    p.words, p.originals = out.words, [p.originals[o] for o in out.origins]
    p.starts = {firsts[j] for j in p.starts if j in firsts}
    p.talk = {firsts[j] for j in p.talk if j in firsts}


def detect_question_type(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """why / when / where / who / how many / ...: kept as a feature, not thrown away as stopwords."""
    asking = [p.clause_words[i][0] for i in p.kept if p.clauses[i].question]
    kinds = [(kind, words) for words in asking if (kind := question_type.detect(words))]
    # "Is it true there are fourteen of them? Which ones?": what it confirms, then what it asks
    # ... and "Was there one? Where and when?": whether there is one, then what it asks; "Was it started by
    # five towns? Which ones?": a bare question word after it asks what of it
    confirms = len(kinds) > 1 and kinds[0][0] == "yes_no" and (
        not CONFIRMING.isdisjoint(kinds[0][1]) or _bare(kinds[0][1]) or _bare(kinds[1][1]))
    p.qtype = kinds[1 if confirms else 0][0] if kinds else question_type.detect(p.words)
    if p.qtype is None and (any(_yes_no_inside(words) for words in asking) or p.claims):
        p.qtype = "yes_no"  # (a statement with a tag asks whether it is so: "Meschede is doch eine von …, woll?")
    day = p.qtype in ("what", "which") and question_type.DAY_ASKED.search(p.tokens.text) is not None
    if day:
        p.qtype = "when"  # "On which exact date did …?"
    role = p.qtype == "which" and question_type.ROLE_ASKED.search(p.tokens.text) is not None
    if role:
        p.qtype = "what"  # "Welche Rolle spielt …?": what it is and does
    # every kind asked, for an answer that fits each ("Wer zahlt das und wie viel?": who, how many)
    p.asked = list(dict.fromkeys("when" if day and kind in ("what", "which") else "what" if role and kind == "which"
                                 else kind for words in asking for kind in question_type.detect_all(words)))
    if len(p.asked) > 1:
        p.note("question type", "asks " + ", ".join(p.asked))
    if p.qtype:
        p.note("question type", p.qtype)


def _yes_no_inside(words: list[str]) -> bool:
    """A yes/no question that does not begin with its verb: a town, then the verb ("Bad Berleburg is in
    the smart city thing?"), or a tag at its end ("… or not?", "… oder nicht?")."""
    return (len(words) > 1 and is_town(words[0]) and question_type.is_yes_no_verb(words[1])) or (
        len(words) > 2 and words[-2] in OR and words[-1] in clause_split.NO)


#: Before an adjective made a noun that says "anything" ("was Genaueres", "etwas Neues")
_SOMETHING_OF = frozenset("was etwas nichts irgendwas viel wenig".split())


#: A claim the writer wants checked: "… in 2019 i think", "is that right?", "stimmt das?", "soll … gewesen sein"
#: (as the vocabulary writes them: "true", and "correct" and "legit" with it, are "tru")
_CHECKS = re.compile(r"\b(?:i think|i believe|is that right|is that true?|is that correct|is it true?|am i right|"
                     r"is it correct|is it right|is this (?:true?|correct|right)|"
                     r"stimmt das|stimmt dat|stimmts|stimmt es|ist es wahr|ist es richtig|glaub ich|glaube ich|"
                     r"meine ich|hab ich recht|ist das richtig|irre ich mich|tausche ich mich|am i wrong|am i mistaken|"
                     r"liege? ich (?:da )?falsch|"
                     # (or insists on it: "Die Konferenz war 2022, das weiß ich genau!")
                     r"weiss ich (?:ganz )?(?:genau|sicher)|bin ich mir (?:ganz )?sicher|i m (?:quite )?sure|"
                     r"i am (?:quite )?sure|i know for a fact|stand (?:es |das )?doch in der zeitung|"
                     r"soll (?:\w+ ){0,6}(?:gewesen sein|sein|haben|gelandet sein))\b")

#: Verbs that ask yes or no about the past ("War die Konferenz 2020?", "Did Menden win in 2019?"): the
#: writer checks what they remember, its year or number is the claim
_PAST_ASKING = frozenset("war waren gab gabs hatte hatten wurde wurden was were did had".split())


#: A question of its own whether what was said is right: "13 Mio – richtige Zahl?", "14 towns. Correct figure?",
#: "14 Mitmacher, richtig?" (all its words these, one of them ``question_type.RIGHT``; a short clause)
_RIGHT_AROUND = frozenset("zahl summe betrag figure number amount sum die der das so is that the it this ist "
                           "es".split())
_RIGHT_LETTERS = 40


def _asks_if_right(p: Parse) -> bool:
    """Whether the last clause that asks only asks whether what was said before it is right."""
    last = next((i for i in reversed(p.kept) if p.clauses[i].question), None)
    if not last or len(p.clauses[last].text) > _RIGHT_LETTERS:  # (none, or the first: nothing said before it)
        return False
    words = tokenize(p.clauses[last].text).folded
    right = question_type.RIGHT
    return any(w in right for w in words) and all(w in right or w in _RIGHT_AROUND or w in question_type.OPENERS
                                                  for w in words)


def _asks_past(p: Parse) -> bool:
    """Whether the first asking clause begins with a verb that asks about the past (``_PAST_ASKING``)."""
    asking = next((p.clause_words[i][0] for i in p.kept if p.clauses[i].question), [])
    return question_type.opening_word(asking) in _PAST_ASKING and _ANOTHER.isdisjoint(asking)


#: ... and a perfect ("Hat Angela Merkel die Urkunde überreicht?"), where a person is named after the verb
_PERSON_ASKING = _PAST_ASKING | {"hat", "has"}


def _claimed_person(p: Parse, ix: Index) -> set[int]:
    """The positions of a person's name right after the verb of a yes/no question about the past: two
    capitalised words the knowledge does not know ("Did Angela Merkel hand over …?")."""
    start = min(p.starts, default=None)
    if start is None or start >= len(p.words) or p.words[start] not in _PERSON_ASKING or start + 2 >= len(p.originals):
        return set()
    named = (start + 1, start + 2)
    if all(p.originals[k][:1].isupper() and not p.originals[k].isupper() and not ix.knows(p.words[k])
           and not is_town(p.words[k]) for k in named):
        return set(named)
    return set()


#: Another event of the kind, not the one the writer remembers ("was there another conference in 2023?")
_ANOTHER = frozenset("another again andere anderen anderer anderes weitere weiteren wieder nochmal erneut".split())


#: Counts written out (folded; the vocabulary writes 13 and 14 as digits): the small ones and these
_COUNT_WORDS = question_type.COUNTS | frozenset(
    "funfzehn sechzehn siebzehn achtzehn neunzehn zwanzig dreissig vierzig funfzig sechzig siebzig achtzig neunzig "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen "
    "dutzend".split())


#: What the writer says they only roughly remember: "2019 oder so", "if I remember right".
_HEDGE = re.compile(r"\b(?:oder so|or so|or something|if i remember|if i recall|if memory serves|wenn ich mich "
                    r"(?:\w+ )?(?:erinnere|entsinne)|so ungefahr|or was it|oder war es|oder wars)\b")

#: A number said in a phrase the vocabulary rewrote ("platz 1", "second place").
_NUMBER_SAID = re.compile(r"\d|\b(?:eins|zwei|drei|erste[nrs]?|zweite[nrs]?|dritte[nrs]?|one|two|three|first|second|"
                          r"third)\b")


def look_up_words(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Stem every content word and look it up: known, a typo of a known word, a compound of known
    parts, or unknown, in which case its everyday frequency says how much it counts against."""
    p.checks = _CHECKS.search(p.tokens.text) is not None or _HEDGE.search(p.tokens.text) is not None \
        or bool(p.claims) or _asks_past(p) or _asks_if_right(p)
    # A writer who capitalises nouns mid-sentence shows which unknown words are nouns (the subject)
    # and which are verbs or adjectives ("definiert", "verfolgt"), which say little about the topic.
    cased = sum(1 for i, o in enumerate(p.originals) if i not in p.starts and o[:1].isupper() and not o.isupper()) >= 1
    # A message written in capitals ("WAS IST DENN NUN EINE SMART CITY???") marks no acronyms or nouns.
    long_words = [o for o in p.originals if len(o) >= 3 and o.isalpha()]
    shouting = bool(long_words) and 2 * sum(o.isupper() for o in long_words) >= len(long_words)
    german = language.detect(p.tokens) == "de"
    people = names.name_positions(p.words, p.originals, ix.knows, p.starts) | _greeted_from(p, ix)
    # (and whom it should be explained to: "explain to an old Welsh librarian what …")
    people |= {j for start, end in clause_spans(p) for j in _explained_to(p.words, start, end)}
    # (and who the writer claims did it: "Did Angela Merkel hand over the certificate?", "Hat Olaf Scholz …?")
    claimed_person = _claimed_person(p, ix) if p.checks else set()
    p.claimed_person = " ".join(p.originals[j] for j in sorted(claimed_person))
    people |= claimed_person
    # (and the writer's own people: "frag für mein schwager", "my niece keeps mentioning …")
    people |= names.relative_positions(p.words)
    # (and what the writer says they are: "an old librarian", "a retired engineer")
    people |= names.self_described(p.words)
    p.alternatives = _not_the_subject(p, ix)
    if p.name_asked:
        p.alternatives |= {i for i, w in enumerate(p.words) if w in p.story and (ix.knows(w) or is_town(w))}
    # (or whether it is "in"/"bei" the initiative: "is Dortmund in the smart cities südwestfalen thing?")
    taking_part = p.qtype in ("yes_no", None) and (
        any(ix.asks_taking_part(ix.resolve(w).keys) for w in p.words if w not in STOPWORDS and not is_town(w))
        or any(w in ("in", "bei") and not ix.full_names.isdisjoint(p.words[i + 1 : i + 3])
               for i, w in enumerate(p.words)))
    # (a word the knowledge writes, not a compound it guesses: "Bürgergeld" is no Bürger's money)
    quoted_known = bool(p.story) and (p.name_asked or any(w in p.quoted and ix.resolve(w).how == "exact"
                                                          for w in p.words))
    named: list[str] = []
    chatter: list[str] = []  # unknown compounds that end in a chatter word
    # (who pays, asked: "wer zahlt", "who pays", as the vocabulary writes them)
    who_pays = not _WHO.isdisjoint(p.words) and not ix.lexicon.written_as(_PAYS).isdisjoint(p.words)
    claimed_scope: set[int] = set()
    for i, word in enumerate(p.words):
        if word in STOPWORDS or question_type.is_question_word(word):
            continue
        if i in people:
            p.dropped.append(p.originals[i])  # "hier schreibt Frau Kemper": a name, not a subject
            named.append(p.originals[i])
            continue
        resolved = ix.resolve(word)
        original = p.originals[i] if i < len(p.originals) else word
        cost = 0.0
        claimed = False
        if is_town(word) and word in ix.outside_tokens and not taking_part:
            # "Konferenz in Hamburg": a place outside the region is off-topic; not in a yes/no question
            # whether it takes part ("Is Dortmund part of this network?"), which the answer says
            # (less where it is the writer's claim to be checked: "Die Urkunde gab es in Düsseldorf, oder?")
            cost = s.outside_place_cost * (s.story_cost if p.checks else 1.0)
        elif _YEAR.fullmatch(word) and not resolved.keys:
            # a year the knowledge does not know ("Konferenz 2025") is a different event, unless it is the
            # writer's claim to be checked ("there was a conference in arnsberg in 2019 i think")
            cost = s.story_cost if p.checks else 1.0
        elif word.isdigit() and len(word) <= 2 and not resolved.keys and _CLOCK.isdisjoint(p.words[i + 1 : i + 2]):
            cost = s.small_number_cost  # "in 2 Sätzen", "2-3 lines": a count of how, not what about
        elif word.isdigit() and not resolved.keys and p.checks:
            cost = s.story_cost  # "menden won an award out of 200 towns, is that right": the claim
        elif not resolved.keys and ix.lexicon.chatter_compound(word):
            p.dropped.append(original)  # "von der in der Lokalzeitung die Rede war": chatter, as "Zeitung"
            chatter.append(original)
            continue
        elif not resolved.keys:
            acronym = original.isupper() and len(original) >= 3  # "LEADER", "BAföG": a subject of its own
            # a capital that begins a sentence or clause ("Klingt nach Werbung") says nothing
            noun = not shouting and (acronym or (i not in p.starts and original[:1].isupper()
                                                 and not original.isupper()))
            # a subject the knowledge does not cover ("wie alt" -> "Lebensalter"), and a rare word the
            # vocabulary wrote for a phrase, name a subject
            written = word in ix.lexicon.not_covered or (
                word in ix.lexicon.canonical_words and fold(original) != word and zipf(word) <= s.rare_zipf)
            cost = unknown_cost(word, noun or written, s.everyday_zipf, s.rare_zipf)
            if word in _COUNT_WORDS:
                cost = min(cost, s.small_number_cost)  # a count written out is a count ("was it forty")
            if i and p.words[i - 1] in _SOMETHING_OF and word.endswith("es") and not written:
                cost = 0.0  # "Weiß man da was Genaueres?": an adjective made a noun says "anything", no subject
            if german and cased and original[:1].islower() and not written:
                cost *= s.non_noun_cost
            elif not german and (_VERB_FORM.search(word) and word not in _NOUNS_OF_VERB_FORM
                                 or (i and p.words[i - 1] in _AUXILIARIES and not noun)):
                # "ideally alphabetically", "who drafted it", "did it decide to": how, not what about
                cost *= s.non_noun_cost
            if i > 1 and p.words[i - 1] in ("als", "than") and p.words[i - 2] in _COMPARED:
                cost *= s.story_cost  # "geht es um mehr als Imagepflege?": what it is compared with, no subject
            # (so is a rank in a yes/no question about a town: "Did Menden win first place?")
            if written and any(to == word and _NUMBER_SAID.search(said) for said, to in p.synonyms) \
                    and (p.checks or (p.qtype == "yes_no" and _names_a_town_around(p, i))):
                claimed = True  # "Menden hat doch Platz 1 gemacht, woll?": the writer's claim, to be corrected
                if p.words[i + 1 : i + 2] and p.words[i + 1] in _RANK_SCOPE:
                    claimed_scope.add(i + 2)  # ("Platz 1 in NRW oder so?": where it ranked is the claim too)
            if claimed or i in claimed_scope:
                cost *= s.story_cost
            if word in question_type.COST and who_pays:
                cost = 0.0  # "Wat kostet dat und wer zahlt?": what it costs, of what someone pays for
            if word in p.story:
                # "Im Stadtrat war von X die Rede. Was ist das?": the question is X; written in quotes
                # ("Im Wartezimmer hing ein Flyer von 'X'"), nothing else of the story counts.
                cost *= 0.0 if quoted_known else s.story_cost
            if i in p.guessed:
                cost *= s.story_cost  # "Was ist ein Leitfaden? Ein Buch?": the writer's guess asks nothing
            if i in p.alternatives:
                cost *= s.alternative_weight  # "is it just free wifi?": what is offered is not what is asked
            elif noun and cost >= 0.5 and _kind_next_to(p.words, i, ix):
                cost *= s.other_one_factor  # "the LEADER programme", "die Förderung Digitalpakt": another one
        elif resolved.how == "compound":
            p.compounds.append((word, " + ".join(resolved.parts)))
            if resolved.parts[-1].endswith("?"):
                # Only the first part is known: the unknown last part decides what the word means
                # ("Bürger|meister" is no Bürger), so it counts like an unknown noun.
                cost = unknown_cost(word, True, s.everyday_zipf, s.rare_zipf)
            elif resolved.parts[0].startswith("?"):
                # Only the last part is known ("Gemeinschafts|projekt" is a Projekt): half the cost.
                cost = 0.5 * unknown_cost(word, True, s.everyday_zipf, s.rare_zipf)
            if cost and word in p.story:  # as an unknown word ("Ich schreibe eine Chronik für den Heimatverein")
                cost *= 0.0 if quoted_known else s.story_cost
            if cost and i in p.alternatives:
                cost *= s.alternative_weight
        p.terms.append(Term(word, original, resolved, cost, i in p.alternatives, claimed))
    known = sum(1 for t in p.terms if t.resolved.keys and not t.cost)
    unknown = sum(t.cost for t in p.terms)
    p.coverage = known / (known + unknown) if known + unknown else 1.0
    if named:
        p.note("names", "a person's name, whom it is explained to, or where a greeting comes from, no subject: "
               + " ".join(named))
    if chatter:
        p.note("chatter", "compounds that end in a chatter word: " + " ".join(chatter))
    if p.compounds:
        p.note("compounds", ", ".join(f"{a} → {b}" for a, b in p.compounds))
    p.note("words", " ".join(_shown(t) for t in p.terms) or "(none)")


def _names_a_town_around(p: Parse, i: int) -> bool:
    """Whether the kept clause of word ``i`` names a town ("Did Menden win first place?", not "Who came
    first? Was it Menden?")."""
    return any(start <= i < end and any(is_town(w) and w != TOWN_TOKEN for w in p.words[start:end])
               for start, end in clause_spans(p))


#: Where a claimed rank was reached ("Platz 1 in NRW", "first in the country")
_RANK_SCOPE = frozenset("in im of across within".split())

#: What something costs is no subject of its own where the message asks who pays for it ("wer zahlt").
_WHO = frozenset("wer who".split())
_PAYS = frozenset("bezahlt zahlt pays pay".split())


#: Kinds of thing the knowledge has one or a few of (stems): a name next to one names another one.
_KINDS = frozenset("projekt forder initiativ strategi konferenz app mission studi".split())


def _kind_next_to(words: list[str], i: int, ix: Index) -> bool:
    """Whether the word before or after position ``i`` is a kind of thing (``_KINDS``)."""
    return any(0 <= j < len(words) and words[j] not in STOPWORDS and not _KINDS.isdisjoint(ix.resolve(words[j]).keys)
               for j in (i - 1, i + 1))


_YEAR = re.compile(r"(19|20)\d\d")
_COMPARED = frozenset("mehr weniger more less rather other anders".split())
_CLOCK = frozenset("uhr pm am h".split())  # "nach 23 Uhr", "after 11 pm": a time is a subject of its own
#: English adverbs and verb forms ("ideally", "drafted", "organizing") say how or what is done,
#: not what about: an unknown one costs like a German writer's lower-case word. Nouns of the same
#: form are often a subject of their own ("parking fees", "a wedding").
_VERB_FORM = re.compile(r"...ly$|...[^e]ed$|....ing$")
_NOUNS_OF_VERB_FORM = frozenset(
    "family assembly supply italy july reply anomaly monopoly butterfly multiply apply rely bully holly lily "
    "emily sicily hundred kindred sacred parking housing building meeting training shopping wedding recycling "
    "heating swimming clothing planning spending marketing banking hearing booking ticketing boxing camping "
    "hiking cycling fishing sewing painting flooring roofing plumbing catering nursing "
    "lodging wiring warning evening morning ceiling earring offspring".split())


#: After these an English word is a verb ("did the region decide", "should require", "to apply");
#: "dos" is "does" as ``normalize.fold`` writes it (its "oe" read as an umlaut, in examples alike).
_AUXILIARIES = frozenset("to do does dos did can could should would will might must may shall".split())


def _shown(term: Term) -> str:
    if term.resolved.how == "exact":
        return term.word
    return f"{term.word}[{term.resolved.how}{'' if term.resolved.keys else f' {term.cost:.2f}'}]"


def score_channels(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Evidence per intent from several channels: rarity-weighted words of the examples and of the
    answers, fuzzy similarity to the examples, and the question type.

    The fuzzy comparison, the costly one, runs only over the examples of the intents with the
    most keyword evidence (all intents when no word is shared): latency stays flat as the
    knowledge grows. The channels are plain lists, and each word adds only to the intents that use
    it: with the shipped few dozen intents that is quicker than array operations, whose fixed cost
    per call outweighs their work on short arrays (at a hundred times the knowledge, 1,800 intents,
    arrays would be quicker again; answers stay far within their time there)."""
    n = len(ix.intent_ids)
    kw = [0.0] * n
    an = [0.0] * n
    total = 0.0
    peak = [0.0] * n  # the strongest single word of each intent ...
    strongest = 0.0  # ... next to the strongest word of the question
    # The initiative's own name is weak evidence when the question names something else as well.
    names = _names_of_initiative(p, ix, s)
    name_words = any(t.resolved.keys and t.word not in names and not is_town(t.word) for t in p.terms)
    for term in p.terms:
        if not term.resolved.keys:
            total += term.cost * ix.max_idf
            strongest = max(strongest, term.cost * ix.max_idf)
            continue
        weight, examples, answers = _term_rows(ix, term.resolved.keys, s.answer_share, s.typical_power)
        # An everyday word ("time", "morgen") is weak evidence even where an example uses it.
        topical = 1.0 if term.word in p.named else topicality(term.word, s)
        if term.alternative:
            topical *= s.alternative_weight  # the alternative offered is not the subject
        quoted = term.word in p.quoted or term.original.casefold() in p.quoted
        if quoted:
            topical *= s.quoted_weight
        if name_words and term.word in names and not quoted:  # (in quotes it is what is asked about)
            topical = min(topical, s.name_evidence)  # "… bei Smart Cities Südwestfalen": the bot's own subject
        total += weight * topical
        strongest = max(strongest, weight * topical)
        for i, value in examples:
            value *= topical
            kw[i] += value
            if value > peak[i]:
                peak[i] = value
        for i, value in answers:
            an[i] += value * topical
    if total:
        kw = [v / total for v in kw]
        an = [min(v / total, 1.0) for v in an]  # a word rarer among the answers than among the examples
    if strongest:
        # A long message names its subject once among many words: its strongest word counts too.
        share = s.peak_share
        kw = [(1.0 - share) * v + share * top / strongest for v, top in zip(kw, peak, strict=True)]
    fuzzy = [0.0] * n
    known = any(v > 0.0 for v in kw)
    if p.words and not (p.terms and p.coverage == 0.0):  # nothing known at all: nothing to compare
        evidence, limit = kw, s.fuzzy_candidates
        if not known and n <= s.compare_all_below:  # only function words ("what can u do"): all intents
            evidence, limit = [1.0] * n, n
        elif not known:  # ... in a large knowledge base: the intents whose examples use those words
            evidence, limit = [0.0] * n, 5 * s.fuzzy_candidates
            for w in set(p.words):
                owners = ix.function_words.get(w)
                if owners is not None:
                    for i in set(owners.tolist()):
                        evidence[i] += 1.0
        candidates = [i for i, v in enumerate(evidence) if v > 0.0]
        if len(candidates) > limit:
            candidates = sorted(sorted(candidates, key=evidence.__getitem__, reverse=True)[:limit])
        if candidates:
            alternatives = p.alternatives
            words = [w for i, w in enumerate(p.words) if i not in alternatives] if alternatives else p.words
            _fuzzy(words, ix, candidates, fuzzy, s, use_subset=known, names=names)
    row = ix.qtype_rows.get(p.qtype) if p.qtype else None
    qt = [0.0] * n if row is None else row.tolist()
    p.channels = {"examples": fuzzy, "keywords": kw, "answers": an, "question type": qt}
    p.intent_ids = ix.intent_ids


#: What the initiative is called when it is not named: "the history of the initiative", "Entwicklung
#: des Projekts" (the vocabulary writes "Vorhaben", "scheme", "Verein" as these).
GENERIC_NAMES = frozenset("initiative projekt project".split())


def _names_of_initiative(p: Parse, ix: Index, s: MatcherSettings) -> frozenset[str]:
    """The words that stand for the initiative itself in this question: its name, and "the initiative"
    or "the project" when the question does not name it and names another topic ("the history of
    the initiative" asks about the history). Next to the name, "initiative" is part of it."""
    words = {t.word for t in p.terms}
    if words.isdisjoint(GENERIC_NAMES) or not words.isdisjoint(ix.name_words):
        return ix.name_words
    if any(t.resolved.keys and t.word not in GENERIC_NAMES and not is_town(t.word) and zipf(t.word) < s.topic_zipf
           for t in p.terms):
        return ix.name_words | GENERIC_NAMES
    return ix.name_words


def topicality(word: str, s: MatcherSettings) -> float:
    """1 for topic words, down to ``s.everyday_evidence`` for the most everyday words."""
    z = zipf(word)
    if z <= s.topic_zipf:
        return 1.0
    return max(s.everyday_evidence, 1.0 - (1.0 - s.everyday_evidence) * (z - s.topic_zipf) / 1.5)


def _fuzzy(words: list[str], ix: Index, intents: list[int], out: list[float], s: MatcherSettings,
           use_subset: bool = True, names: frozenset[str] | None = None) -> None:
    """Best token-sorted similarity to an example, per intent in ``intents``, into ``out``: the
    whole question, its content words and (``use_subset``; pointless when the two share no word)
    how many of an example's content words are in the question. Membership examples say "any
    town", the others name theirs ("Menden's recognition"), so each is compared with the question
    written that way. ``names``: the words that stand for the initiative here (``_names_of_initiative``)."""
    stems = [w if is_town(w) else stem(w) for w in words]
    generic = [TOWN_TOKEN if is_town(st) else st for st in stems]
    content_words = [i for i, w in enumerate(words) if w not in STOPWORDS and not question_type.is_question_word(w)]
    # The initiative's own name says little when the question names something else as well: it
    # would make every example that mentions "Smart Cities" look alike ("… bei Smart Cities Südwestfalen?").
    names = ix.name_words if names is None else names
    other = [i for i in content_words if words[i] not in names]
    if other and len(other) < len(content_words):
        content_words = other
    # Without a town in the question both ways of writing it are the same: one comparison.
    groups = ((None, stems),) if generic == stems else ((False, stems), (True, generic))
    for slot, query in groups:
        chosen = [i for i in intents if slot is None or (ix.intent_ids[i] in ix.slot_intents) == slot]
        if not chosen:
            continue
        texts, contents, starts, which = ix.examples_of(chosen)
        whole = process.cdist([" ".join(sorted(query))], texts, scorer=fuzz.ratio, workers=1, dtype=np.float32)[0]
        content = " ".join(sorted(query[i] for i in content_words))
        if content:
            part = process.cdist([content], contents, scorer=fuzz.ratio, workers=1, dtype=np.float32)[0]
            if use_subset and s.subset_weight:
                # Every content word of an example in the question ("… von einer Rahmenstrategie die Rede"):
                # close, however many other words the question has.
                subset = ix.covered({query[i] for i in content_words}, which) * 100.0
                part = np.maximum(part, s.subset_weight * subset)
            whole = 0.5 * whole + 0.5 * part
        for i, best in zip(chosen, (np.maximum.reduceat(whole, starts) / 100.0).tolist(), strict=True):
            out[i] = best


def _term_rows(ix: Index, keys: tuple[str, ...], share: float,
               power: float = 0.0) -> tuple[float, list[tuple[int, float]], list[tuple[int, float]]]:
    """A term's weight, its keyword row (examples, or answers at ``share``) and its answer row, as
    (intent, value) pairs of the intents that have it; computed once per set of stems and kept, as
    every question that uses the word needs the same."""
    cached = ix.rows.get((keys, share, power))
    if cached is None:
        n = len(ix.intent_ids)
        ex_row, ex_weight = _channel(ix.examples, keys, n, power)
        an_row, an_weight = _channel(ix.answers, keys, n)
        if len(ix.rows) > 1 << 14:
            ix.rows.clear()
        cached = ix.rows[(keys, share, power)] = (ex_weight or an_weight, _pairs(np.maximum(ex_row, share * an_row)),
                                                  _pairs(an_row))
    return cached


def _pairs(row: np.ndarray) -> list[tuple[int, float]]:
    """The non-zero entries of a row, as (index, value)."""
    at = np.flatnonzero(row)
    return list(zip(at.tolist(), row[at].tolist(), strict=True))


def _channel(postings: Postings, keys: tuple[str, ...], n: int, power: float = 0.0) -> tuple[np.ndarray, float]:
    """One term's weight per intent in one channel (its rarest matching stem counts), and the weight;
    at ``power`` > 0 an intent that uses the stem in few of its examples gets less of it."""
    row = np.zeros(n, dtype=np.float32)
    best = 0.0
    for key in keys:
        owners = postings.owners.get(key)
        if owners is None or not len(owners):
            continue
        weight = postings.idf[key]
        best = max(best, weight)
        typical = postings.typical.get(key) if power else None
        values = weight if typical is None else weight * typical ** power
        row[owners] = np.maximum(row[owners], values)  # each intent once per stem
    return row, best


def combine(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """One confidence per intent: the weighted channels, lowered by the share of unknown content."""
    c = p.channels
    fw, kww, aw, qw = s.fuzzy_weight, s.keyword_weight, s.answer_weight, s.qtype_weight
    scores = [fw * e + kww * k + aw * a + qw * q
              for e, k, a, q in zip(c["examples"], c["keywords"], c["answers"], c["question type"], strict=True)]
    if ix.slot_rows and not any(is_town(w) for w in p.words) and not _my_town(p.words):
        # "Which towns take part?" asks for the list; whether one town takes part needs a town.
        for row in ix.slot_rows:
            scores[row] *= s.no_town_slot_factor

    if ix.own_town and s.other_town_factor < 1.0:
        # A topic about one town (Menden's award) is less likely when the question does not name it.
        named = {w for w in p.words if is_town(w)}
        for row, town in ix.own_town.items():
            if town not in named:
                scores[row] *= s.other_town_factor

    factor = 1.0 - s.coverage_weight * (1.0 - p.coverage)
    p.scores = [min(max(v * factor, 0.0), 1.0) for v in scores]
    # (the best first; of equal ones, the first in the knowledge)
    order = heapq.nlargest(max(s.keep_top, 1), range(len(scores)), key=p.scores.__getitem__)
    p.ranked = [(ix.intent_ids[i], p.scores[i]) for i in order]


def decide(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """Answer, ask back (two topics too close to call) or fall back (not confident enough)."""
    if not p.ranked:
        p.decision, p.reason = "fallback", "nothing to go on"
    else:
        best, score = p.ranked[0]
        second = p.ranked[1][1] if len(p.ranked) > 1 else 0.0
        if s.threshold > score >= s.low_threshold and score - second >= s.low_margin:
            p.decision, p.intent = "answer", best  # lower, but far ahead of every other topic
            p.reason = (f"{best} scores {score:.2f} ≥ {s.low_threshold:.2f} and is {score - second:.2f} "
                        f"ahead of the next (≥ {s.low_margin:.2f})")
        elif score < s.threshold:
            p.decision, p.reason = "fallback", f"best score {score:.2f} < threshold {s.threshold:.2f}"
        elif score - second < s.margin:
            p.decision = "clarify"
            p.reason = f"{best} and {p.ranked[1][0]} within {s.margin:.2f} of each other"
        else:
            p.decision, p.intent = "answer", best
            p.reason = f"{best} scores {score:.2f} ≥ {s.threshold:.2f}, {score - second:.2f} ahead of the next"
    p.note("decide", f"{p.decision}: {p.reason}")


#: The pipeline, in order. Each stage is a function of (parse, index, settings).
STAGES: list[tuple[str, Stage]] = [
    ("normalise", normalise),
    ("run together", separate_run_together),
    ("clauses", split_clauses),
    ("towns", find_towns),
    ("vocabulary", rewrite_vocabulary),
    ("chatter", drop_chatter),
    ("compounds", join_split_words),
    ("question type", detect_question_type),
    ("words", look_up_words),
    ("channels", score_channels),
    ("score", combine),
    ("decide", decide),
    ("speaks to another", addressed.speaks_to_another),
    ("two compared", decisions.two_compared),
    ("money asked", decisions.money_asked),
    ("kind agrees", decisions.kind_agrees),
    ("title named", decisions.title_named),
    ("recap asked", decisions.recap_asked),
    ("name asked", decisions.name_asked),
    ("description asked", decisions.description_asked),
    ("about the initiative", decisions.about_the_initiative),
    # What a membership question needs, and letters that only greet or thank (``decisions``):
    ("several events", decisions.several_events),
    ("step asked", decisions.step_asked),
    ("district asked", decisions.district_asked),
    ("town only", decisions.town_only),
    ("group listed", decisions.group_listed),
    ("group or town", decisions.group_to_membership),
    ("towns of a group", decisions.towns_of_a_group),
    ("towns asked", decisions.towns_asked),
    ("group named", decisions.group_named),
    ("others of a group", decisions.others_of_a_group),
    ("membership asks", decisions.membership_asks),
    ("membership ahead", decisions.membership_ahead),
    ("town alone", decisions.town_alone),
    ("outside place", decisions.outside_place),
    ("unknown place", decisions.unknown_place),
    ("number asked", decisions.number_asked),
    ("funded thing", decisions.funded_thing),
    ("another town", decisions.another_town),
    ("asks about now", decisions.asks_about_now),
    ("asks about others", decisions.asks_about_others),
    ("not covered", decisions.not_covered),
    ("person claimed", decisions.person_claimed),
    ("day asked", decisions.day_asked),
    ("another year", decisions.another_year),
    ("rumour's subject", rumours.rumours_subject),
    ("instructions", decisions.instructions),
    ("greets or thanks", decisions.greets_or_thanks),
    ("asks about the bot", decisions.asks_about_the_bot),
    ("help with a task", decisions.help_with_a_task),
    ("task set", decisions.task_set),
]


def run(question: str, index: Index, settings: MatcherSettings) -> Parse:
    parse = Parse(question)
    for _name, stage in STAGES:
        stage(parse, index, settings)
    return parse


def run_from(name: str, parse: Parse, index: Index, settings: MatcherSettings) -> Parse:
    """Run the stages from ``name`` on: a parse whose words were changed is scored again."""
    start = next(i for i, (stage_name, _) in enumerate(STAGES) if stage_name == name)
    for _name, stage in STAGES[start:]:
        stage(parse, index, settings)
    return parse
