"""Split a message into sentences and clauses, and tell questions from the talk around them.

"Moin, ich bin seit gestern hier und hätte da mal 'ne Frage: ist Hemer dabei? Danke!" is one
question in four clauses. Scoring the whole message as one bag lets every everyday word count
against it; scoring the question clause does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import dropwhile

from bot.understanding.names import MINE
from bot.understanding.normalize import fold
from bot.understanding.qtype import OPENERS, english_was  # a word that only opens a question: "wait whats this thing …"

# Sentence ends, colons, semicolons and line breaks; within a sentence, commas and dashes between words.
# An emoji between words ends a sentence too, as chat writes it: "ich muss ein Referat halten 😬 was ist das?";
# so does chat's laughter ("was is das überhaupt lol unser lehrer labert die ganze zeit davon").
# A full stop ends a sentence before a space or a capitalised word, not inside "31.12.", "5.0",
# "e.g.", "z.B.", "westfalenpost.de" or a form's capitals ("TT.MM.JJJJ"); so does one inside a quote
# that ends before a capital ('Bernd wrote that "everybody is talking about it now." Is Olsberg …').
_SENTENCE = re.compile(r"(?<=[!?;:\n…\u037e])\s*|(?<=\.)(?:\s+|$|(?=[A-ZÄÖÜ][a-zäöüß]))|\n+"
                       r"|(?<=[.!?][“”\"'’»])\s+(?=[A-ZÄÖÜ])"
                       r"|(?<=[\U0001F300-\U0001FAFF\u2600-\u27BF])\s+(?=[^\W_])"
                       r"|(?i:(?<=\blol)|(?<=\blmao)|(?<=haha)|(?<=\bxd)|(?<=\brofl))\s+(?=[^\W_])")
# Abbreviations with a full stop go on in the same sentence: "Handreichungen bzw. Leitfäden", "z. B.";
# as does a date ("zum 31.12. des Jahres") and an ordinal after an article, a possessive or a
# preposition ("in der 9. Klasse", "für meine 9. Klasse", "zum 80. Geburtstag").
_ABBREVIATIONS = frozenset("bzw ca usw etc ggf evtl inkl incl bspw sog vgl bzgl approx dr prof hr fr st nr mr mrs "
                           "ms vs z z.b d.h u.a e.g i.e".split())
_BEFORE_ORDINAL = frozenset("der die das den dem des zum zur am im vom beim ab bis seit ein eine einer einem einen "
                            "jede jeder jedem jeden mein meine meinem meinen meiner dein deine deinem deinen deiner "
                            "sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer unser unsere unserem unseren "
                            "unserer euer eure eurem euren eurer".split())
_DATE = re.compile(r"\d{1,2}\.\d{1,2}")


def _goes_on(piece: str) -> bool:
    """Whether a piece ends with a full stop that ends no sentence (see ``_ABBREVIATIONS``)."""
    if not piece.endswith("."):
        return False
    words = piece[:-1].rsplit(None, 2)
    last = words[-1].casefold() if words else ""
    before = words[-2].casefold() if len(words) > 1 else ""
    return (last in _ABBREVIATIONS or (last == "b" and before == "z.") or _DATE.fullmatch(last) is not None
            or (last.isdigit() and len(last) <= 3 and before in _BEFORE_ORDINAL))


_TLDR = re.compile(r"\btl;\s?dr\b", re.IGNORECASE)  # "tl;dr": one chat word, no sentence end
#: An exclamation mark at the end of a quoted title ("'Südwestfalen geht App!'", „Smart Cities: Schule!“).
_QUOTED_BANG = re.compile(r"([„“\"'‘«][^„“”\"'‘’«»\n]{1,60}?)!(?=[“”\"'’»])")
#: ... nor does a colon inside one ("What was the 'Smart Sities: Schule' event?", however it is spelt)
_QUOTED_COLON = re.compile(r"([„“\"«][^„“”\"«»\n:?!.]{1,40}?):(?=[^„“”\"«»\n:?!.]{1,40}?[“”\"»])")
_COMMA = re.compile(r",\s*|\s+[-–—]\s+")
_COLON = re.compile(r"([^\W_]+):")
# Question words, and ob/whether for indirect questions; a clause that starts with a verb is a
# question only with its "?". So is English chat's "any …" ("any upcoming plans", "any news on …").
_QUESTION_START = frozenset(
    """
    wer wen wem wessen was wie wo woher wohin wann warum wieso weshalb weswegen welche welcher welches welchen
    welchem wozu womit worum worin wofur wieviel wieviele wat watt ob inwiefern inwieweit
    who whom whose what whats whos which when where wheres why how whether wot wut any
    """.split()
)


# An indirect question: "I would like to know how many …", "ich wüsste gern, wann …", "I wonder whether …".
_INDIRECT = re.compile(
    r"\b(?:know|wonder|wondering|tell me|explain me|explain to me|wissen|wusste|frage mich|fragen uns|sagen|fragt|"
    r"fragte|asks|asked"
    # (the writer's own asking: "May I ask whether …", "Darf ich fragen, ob …"; not "many people ask what …")
    r"|(?:may|can|could|might) i ask|(?:let me|like to|want to|wanted to|wish to) ask"
    r"|(?:darf|durfte|mochte|wollte|will|kann|konnte) ich (?:sie |dich |euch |mal )?fragen)\b"
    r"\W+(?:\w+\W+){0,2}?"
    r"(?:how|what|which|when|where|who|why|whether|wie|was|wat|welche\w*|wann|wo|woher|wer|warum|wieso|weshalb|ob)\b"
    # ... and a request to check: "Confirm for me whether …", "tell me if Winterberg is part of it"
    r"|\b(?:confirm|verify|check|tell me)\W+(?:\w+\W+){0,2}?(?:whether|if)\b")


#: ... not what the writer did not know then: "I did not know what to answer him.", "ich wusste nicht, was
#: ich sagen sollte" (a story; "I don't know what a smart city is" still asks)
_KNEW_NOT = re.compile(r"\b(?:did not|didn t|didnt|never) know\b|\bwusste (?:ich |er |sie )?(?:nicht|nich|net)\b")


# A request for information asks as a question does: "Give me the full list – I'm drawing a map",
# "Nennen Sie mir bitte die Städte." (not a task like "schreib mir ein Gedicht": see decisions.TASKS).
REQUEST = frozenset(
    """
    give tell show list explain describe name walk provide share send outline clarify specify recommend suggest
    elaborate inform define
    gib gebt nenne nenn nennen erklar erklare erklaren zeig zeige schilder schildere schildern
    zeigen liste beschreib beschreibe beschreiben erzahl erzahle erzahlen definier definiere definieren
    """.split()
)
PLEASE = frozenset("bitte please pls plz plis".split())
#: Verbs of telling, as the vocabulary writes them ("erklären" is "erklar"): a request to tell
TELL = frozenset("erklar erklaren erlautern sagen nennen erzahlen beschreiben schildern explain tell describe".split())
#: How plainly to explain it ("Bitte einfach erklären", "kurz und knapp", "in simple words")
PLAINLY = frozenset("einfach kurz knapp grob simpel verstandlich simple simply briefly plain short".split())
POLITE = PLEASE | {"kindly"}  # "Kindly explain …" ("Thank you kindly" is no request)
# ... and so does one asked politely: "Can you tell me about the format – who participates?",
# "Könnten Sie mir bitte die Städte nennen".
_MODALS = frozenset("can could would will kannst konntest konnt konnen konnten wurden wurdest".split())
_ADDRESSED = frozenset("you u du ihr sie".split())
_REQUEST_INFINITIVES = frozenset("sagen geben schicken".split())
_REQUEST_VERBS = REQUEST | _REQUEST_INFINITIVES  # a request's verb, either form


def _modal_you(words: list[str]) -> bool:
    """A clause that opens with a modal and whom it addresses: "Could you …", "Kannst du …"."""
    return len(words) > 2 and words[0] in _MODALS and words[1] in _ADDRESSED


def _polite_request(words: list[str]) -> bool:
    """"Could you tell me …", and a verb of any kind that a question word follows: "Could you set out
    how the project is funded", "Könnten Sie darlegen, wer …"."""
    return _modal_you(words) and (
        not _REQUEST_VERBS.isdisjoint(words[2:])
        or any(w in _QUESTION_START for w in words[3 : 3 + _VERB_WORDS]))


def _request_ending_in_verb(words: list[str]) -> bool:
    """A German request that ends with its verb and goes on with nothing after it: "kannst du mir meine
    Hausaufgaben machen 🙏" (not "Können Sie mir berichten, was …": what follows is the question)."""
    return len(words) >= _REQUEST_WORDS and _modal_you(words) and _INFINITIVE.search(words[-1]) is not None


_INFINITIVE = re.compile(r"[a-z]{2,}(?:en|ern|eln)$")
_VERB_WORDS = 3  # how many words of a verb may come before the question word ("set out how")


_REQUEST_WORDS = 4

#: A wish to know something asks for it: "ich möchte gern den bisherigen Verlauf des Projekts
#: nachvollziehen", "I'd like to understand the framework strategy", "we want to learn about the guides",
#: "… and I should like to understand what your organisation does".
_WISH = re.compile(r"^(?:(?:and|und|so|also|but|aber) )?(?:ich|wir|i|we)(?: \w+){0,2}? "
                   r"(?:mochte|mochten|wurde|wurden|would|should like|d|want|wanted|wollte|wollten|hatte|hatten)"
                   r"(?: \w+){0,8}? (?:wissen|erfahren|verstehen|nachvollziehen|kennenlernen|know|understand|learn"
                   r"|find out)\b")


#: What a wish to know ends with when it points back at the question before it: "… würden das gern wissen"
_KNOW = frozenset("wissen erfahren know".split())
_IT = frozenset("das dat dies es that this it".split())
_UNDERSTAND = _KNOW | frozenset("verstehen understand".split())


def _wish_for_it(folded: list[str], before: list[Clause]) -> bool:
    """A wish to know "it" after a question asks nothing more: "Ist Olsberg dabei? Wir vom
    Heimatverein würden das gern wissen." (the clause is what the writer says about the question)."""
    if not any(c.question for c in before):
        return False
    if folded and folded[-1] in _KNOW and not _IT.isdisjoint(folded[-4:-1]):
        return True
    # (and "I'd like to understand it before we visit in spring": it, then when or why the writer wants it)
    return any(w in _UNDERSTAND and folded[k + 1 : k + 2] and folded[k + 1] in _IT for k, w in enumerate(folded))


#: ... and so does a condition the writer would be glad of: "Ich wäre Ihnen verbunden, wenn Sie mir den
#: Werdegang schildern könnten", "I'd be grateful if you could explain the strategy".
_IF_YOU_COULD = re.compile(r"(?:^| )(?:wenn|falls|if) (?:sie|du|ihr|you)\b(?: \w+)*? "
                           r"(?:konnten|konntest|konntet|wurden|wurdest|wurdet|could|would)\b")


#: ... and so does gratitude for something to be given: "I should be most grateful for a brief description of
#: the project", "Für eine kurze Übersicht wäre ich dankbar", "I'd appreciate a list of the towns" (not for
#: what was given: "I am grateful for the answer").
_GLAD_OF = re.compile(r"\b(?:should|would|d|ware|waren|wurde|wurden)(?: \w+){0,3}? (?:grateful|thankful|dankbar|"
                      r"appreciate)\b(?: (?:for|fur|uber|about))? "
                      r"(?:a|an|the|some|any|eine|einen|ein|einer|die|den|das|ihre|your)\b"
                      r"|\b(?:fur|for) (?:a|an|eine|einen|ein|einer|die)\b(?: \w+){1,8}? (?:ware|waren|would be|d be)"
                      r"(?: \w+){0,3} (?:dankbar|grateful|thankful|verbunden)\b")


#: ... and so does saying which information one needs: "For my research paper I need the names of the five
#: pilot towns", "Ich bräuchte eine Liste der Städte" (not "I need a room", "I need it for a footnote").
_NEED = re.compile(r"\b(?:(?:i|we|ich|wir) (?:\w+ ){0,2}?(?:need|needed|brauche|brauch|brauchte|benotige)"
                   r"|(?:brauche|brauchte|benotige) (?:ich|wir))"
                   r" (?:the|a|an|some|die|den|das|eine|einen|ein|alle|all)(?: \w+)?? (?:names|name|list|overview|"
                   r"description|summary|namen|liste|uberblick|ubersicht|beschreibung|zusammenfassung|aufstellung|"
                   r"auflistung|aufzahlung|verzeichnis|rundown|breakdown)\b")


_ASKING_FRAMES = (_IF_YOU_COULD, _GLAD_OF, _NEED)


@dataclass(frozen=True)
class Clause:
    text: str
    question: bool  # ends with "?" or starts like a question
    joined: bool = False  # goes on the sentence of the clause before, after a comma or a dash


# A relative or subordinate clause belongs to the clause before it: "Gibt es eine Veranstaltung, zu der ich gehen kann?"
_RELATIVE = frozenset("der die das dem den denen deren dessen welche welcher welches welchen welchem".split())
_SUBORDINATE = frozenset("obwohl weil wenn falls dass sodass um damit wo although because though if unless oder or"
                         .split())
#: "i.e.", "d.h.", "e.g.", "z.B." (as folded: two letters), "namely", "sprich": what follows explains the clause before
_THAT_IS = frozenset({("i", "e"), ("d", "h"), ("e", "g"), ("z", "b")})
_THAT_IS_WORDS = frozenset("ie dh eg zb namely namlich sprich".split())
_WHICH_EN = frozenset("which who".split())  # after a comma, without "?": a relative clause
_BE_EN = frozenset("is are was were has have had".split())
#: ... or a preposition or a pronoun (not "of": "which of them …" asks): "…, which for her is a record."
_AFTER_WHICH_EN = frozenset("for in at to by with from on i we you they he she it my our your their her his".split())
_EVEN = frozenset("auch selbst sogar even only nur".split())  # before a subordinate clause: "auch wenn", "even if"
_SPAN = frozenset("from von ab since seit until bis".split())  # a span of time after the question
_AT = frozenset("in im at near bei nahe".split())  # a place after the question
_FOR = frozenset("for fur".split())  # ... and what it is for
_EXAMPLE_WORDS = 6  # "…, like news or blog posts?"
_THAT = frozenset({"dass"})  # ("daß" folds to it)
#: An English relative clause begins so, then its subject: "…, like LEADER, that I could tell my village about?"
_THAT_EN = frozenset("that which".split())
_SUBJECTS_EN = frozenset("i we you u they my our".split())
_LIST_WORDS = frozenset("und and oder or sowie".split())
#: "… any guidance documents, something other towns could reuse?": what the thing asked for is like
DESCRIBING = frozenset("something anything etwas irgendwas sowas".split())
#: "…, like the one about …": an example of what is asked for (``pipeline._as_if`` reads it as no subject)
EXAMPLE_OF = frozenset({("like", "the", "one"), ("like", "the", "ones"), ("such", "as", "the")})
_LIST_END = 4
PREPOSITIONS = frozenset("zu an bei in im mit von fur auf uber aus nach um durch gegen unter vor neben "
                         "uvver uwwer ubber uwer".split())  # (Platt "Üvver wat …")
#: ... and after English "so" ("so whats smart cities suedwestfalen all about"; not German "so was wie …")
_ENGLISH_QUESTION_WORDS = frozenset("who whom whose what whats whos which when where wheres why how".split())
_BEFORE_QUESTION_WORD = PREPOSITIONS | frozenset("seit bis since until for from with in at to by of".split())


def after_a_preposition(folded: Sequence[str]) -> bool:
    """Whether folded words open a question with a preposition before its question word: "In welcher …",
    "Seit wann …", "Von wem …", "From how many …"."""
    return len(folded) >= 2 and folded[0] in _BEFORE_QUESTION_WORD and folded[1] in _QUESTION_START


def _is_name(piece: str) -> bool:
    words = re.findall(r"[^\W_]+", piece)
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not piece.endswith(("?", "!", "."))


# The end of a list of names: "…, Olpe und Soest auf sich?"
_LIST_TAIL = re.compile(r"^[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?\s+(?:und|and|oder|or|sowie)\s", re.IGNORECASE)


def _appositions(pieces: list[str]) -> list[str]:
    """Names between commas in the middle of a sentence go with the words around them: "Could our
    town, Bad Laasphe, still join?" and "der Verbund aus Arnsberg, Bad Berleburg, Menden, Olpe und
    Soest" are one clause each (the sentence goes on in lower case, or the list ends with "und")."""
    pieces = [p for p in pieces if p]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        j = i + 1
        if not pieces[i].endswith(("?", "!", ".")):
            while j < len(pieces) - 1 and _is_name(pieces[j]):
                j += 1
        if j > i + 1 and (pieces[j][:1].islower() or _LIST_TAIL.match(pieces[j])):
            out.append(", ".join(pieces[i : j + 1]))
            i = j + 1
        else:
            out.append(pieces[i])
            i += 1
    return out


#: Verbs after "which" that make a relative clause: "…, which surprised me given …", "…, which seems odd."
_WHICH_VERBS = frozenset("seems sounds makes made means meant shows showed gives gave reminds explains would will "
                         "could might must should".split())


def _verb_after_which(word: str) -> bool:
    """Whether an English word after "which" is a verb (past, or one of ``_WHICH_VERBS``), not a noun."""
    return word in _WHICH_VERBS or len(word) > 4 and word.endswith("ed")


def _relative(piece: str) -> bool:
    everything = [fold(w) for w in re.findall(r"[^\W_]+", piece)]
    words = everything[:2]
    if not words:
        return False
    if words[0] in _THAT:
        return True  # "Smart City heißt doch nur, dass die Verwaltung Computer bekommt": what was said
    if tuple(everything[:3]) in EXAMPLE_OF:
        return True  # "Is there a blog with recaps, like the one about …?": an example of it
    if words[0] == "like" and len(everything) <= 3 and _is_name(piece.rstrip(" ?").split(None, 1)[-1]):
        return True  # "other programmes, like Horizon Europe, …": an example of them
    if words[0] == "like" and len(everything) <= _EXAMPLE_WORDS and piece.rstrip().endswith("?"):
        return True  # "where do u post updates, like news or blog posts?": examples of what is asked
    if words[0] in _FOR and words[1:2] and words[1] in MINE and piece.rstrip().endswith("?"):
        return True  # "…, for my research on smart villages?": what the writer needs it for
    if words[0] in _SPAN and words[1:2] and words[1] not in _QUESTION_START and piece.rstrip().endswith("?"):
        return True  # "… a chronology of the project so far, from the funding award onwards?": when
    if words[0] in _AT and piece.rstrip().endswith("?") and _is_name(piece.rstrip(" ?").split(None, 1)[-1]) \
            and len(everything) <= 3:
        return True  # "War da nicht so eine Konferenz im Sauerland, in Arnsberg?": where, not a question
    if tuple(words) in _THAT_IS or words[0] in _THAT_IS_WORDS:
        return True  # "Could you set out how the project is funded, i.e. the funding body, …": it explains it
    if words[0] in _WHICH_EN and words[1:2] and words[1] in _BE_EN and not piece.rstrip().endswith("?"):
        return True  # "… the Kampala Capital City Authority, which is currently reviewing …": what it is
    if words[0] == "which" and words[1:2] and (words[1] in _AFTER_WHICH_EN or _verb_after_which(words[1])) \
            and not piece.rstrip().endswith("?"):
        return True  # "… in a whole week, which for her is some kind of record.", "…, which surprised me …"
    if not piece.rstrip().endswith("?"):
        return False  # "Sehr geehrte Damen und Herren, in der Zeitung stand …": an article, a new clause
    # "zu der ich gehen kann?", "die im Sauerland liegen?", "…, obwohl wir keine Modellkommune sind?",
    # "Can every town use the strategy, or only the pilot towns?"
    if words[0] in _THAT_EN and words[1:2] and words[1] in _SUBJECTS_EN:
        return True  # "Are there other programmes, like LEADER, that I could tell my village about?"
    if words[0] in _RELATIVE or words[0] in _SUBORDINATE or words[0] in DESCRIBING or (
            len(words) == 2 and words[0] in PREPOSITIONS and words[1] in _RELATIVE) or (
            len(words) == 2 and words[0] in _EVEN and words[1] in _SUBORDINATE):  # ("…, auch wenn wir …?")
        return True
    # The end of a list: "In welcher Reihenfolge kamen Förderzusage, Rahmenstrategie und Leitfäden?"
    return len(everything) <= _LIST_END and _QUESTION_START.isdisjoint(everything) and any(
        w in _LIST_WORDS for w in everything[1:-1])


#: A German relative pronoun before these begins a relative clause, not a sentence: "die sich …", "der man …"
_RELATIVE_NEXT = frozenset("sich man ich wir er sie es du ihr alle jeder jede".split())


#: What is left out, after a comma, goes on the clause before it: "Wat is dat, außer ner Menge Papier?",
#: "Welche machen mit, außer Arnsberg?"
_EXCEPTING = re.compile(r"\W*(?:au(?:ß|ss|s)er|abgesehen von|besides|except|apart from|other than|aside from)\b",
                        re.IGNORECASE)


def _describes(before: str, piece: str) -> bool:
    """A German relative clause without a question mark, after the noun it describes: "Mich
    interessieren die Kommunen, die sich der Strategie angeschlossen haben" is one thing said. Not an
    article before a noun ("Sehr geehrte Damen und Herren, die Initiative ist mir bekannt")."""
    words = re.findall(r"[^\W_]+", piece)[:2]
    last = re.findall(r"[^\W_]+", before)[-1:]
    return len(words) == 2 and fold(words[0]) in _RELATIVE and fold(words[1]) in _RELATIVE_NEXT \
        and bool(last) and last[0][:1].isupper()


#: A relative clause inside a sentence begins with a relative pronoun and its subject ("die ich meine",
#: "wo meine Oma wohnt", "where I live"), or with a preposition before one ("in der ich wohne"); "welche"
#: there mostly asks ("Teilen Sie mir mit, zu welchen Themen …"), as "which" and "who" do.
_EMBEDDED_PRONOUNS = frozenset(w for w in _RELATIVE if not w.startswith("welch"))
_EMBEDDED_WHERE = frozenset("wo where".split())
_EMBEDDED_SUBJECTS = _RELATIVE_NEXT | frozenset("mein meine meinem meinen meiner unser unsere unserem unseren "
                                                "i we he she they you my our his her their".split())


#: "Are there guides – I think they're called Leitfäden – for the municipalities?": a remark between
#: dashes inside a question that goes on after it.
_DASHED = re.compile(r"(.*?\S)\s+[-–—]\s+([^-–—?!.]+?)\s+[-–—]\s+([^-–—]+\?)\s*$", re.S)
_ASIDE_MAX_WORDS = 6


def _dash_aside(sentence: str) -> tuple[str, str]:
    """The question without a remark between dashes, and the remark ("" if there is none): the
    question is read as one ("Are there guides for the municipalities?"), the remark beside it. Not
    where what follows the second dash asks a question of its own ("Die Leitfäden – so heißen die
    doch – wo finde ich die?")."""
    m = _DASHED.match(sentence)
    if m is None:
        return sentence, ""
    rest = re.findall(r"[^\W_]+", m.group(3))
    if not rest or len(rest) > _ASIDE_MAX_WORDS or not rest[0][:1].islower() or fold(rest[0]) in _QUESTION_START \
            or m.group(1).rstrip().endswith((",", ":")):
        return sentence, ""
    return f"{m.group(1)} {m.group(3)}", m.group(2)


#: A remark in brackets inside a question: "Ist Medebach (mein Wohnort, eine kleine Hansestadt) dabei?"
_BRACKETED = re.compile(r"(.*?[^\W_].*?)\s*\(([^()?!]+)\)\s*([^()]*\?)\s*$", re.S)
_BRACKET_REMARK_WORDS = 4


def _bracket_aside(sentence: str) -> tuple[str, str]:
    """The question without a remark in brackets, and the remark ("" if there is none): as between
    dashes (``_dash_aside``), the question is read as one, the remark beside it, however long."""
    if "(" not in sentence:
        return sentence, ""  # (the cheap look first: the pattern's search is slow on long text)
    m = _BRACKETED.match(sentence)
    if m is None or len(re.findall(r"[^\W_]+", m.group(2))) < _BRACKET_REMARK_WORDS:
        return sentence, ""  # ("the guidelines (Leitfäden)": a name in the other language, not a remark)
    rest = m.group(3)
    return (m.group(1) + rest if rest.startswith("?") else f"{m.group(1)} {rest}"), m.group(2).strip()


def _embedded(pieces: list[str]) -> tuple[list[str], set[int]]:
    """A relative clause between commas, inside the sentence it describes: "Gehört die Stadt
    Arnsberg, in der ich seit vierzig Jahren wohne, eigentlich dazu?" asks "Gehört die Stadt Arnsberg
    eigentlich dazu?", and says where the writer lives beside it (so does "Gehört Balve, meine
    Heimatgemeinde, zu den teilnehmenden Kommunen?"). The sentence is put back together,
    with the relative clause after it (its index among ``asides``: it describes, it does not ask)."""
    out = list(pieces)
    asides: set[int] = set()
    k = 1
    while k < len(out) - 1:
        before, piece, after = out[k - 1], out[k], out[k + 1]
        words = [fold(w) for w in re.findall(r"[^\W_]+", piece)]
        head = re.findall(r"[^\W_]+", after)[:1]
        relative = len(words) >= 2 and (
            (words[0] in _EMBEDDED_PRONOUNS and words[1] in _RELATIVE_NEXT)
            or (words[0] in PREPOSITIONS and words[1] in _EMBEDDED_PRONOUNS)
            or (words[0] in _EMBEDDED_WHERE and words[1] in _EMBEDDED_SUBJECTS)
            # (or what it is to the writer: "Gehört Balve, meine Heimatgemeinde, zu den …?", not "mein Enkel fragt")
            or (len(words) == 2 and words[0] in MINE))
        if relative and not before.endswith(("?", "!", ".", ":")) and not piece.endswith(("?", "!", ".", ":")) \
                and bool(head) and head[0][:1].islower() and fold(head[0]) not in _QUESTION_START \
                and fold(head[0]) not in _SUBORDINATE:
            out[k - 1 : k + 2] = [f"{before} {after}", piece]
            asides.add(k)
            k += 2
        else:
            k += 1
    return out, asides


#: "Diese Leitfäden – sind die so eine Art Katalog?", "Die Leitfäden da, kann unsere Gemeinde die nutzen?":
#: the thing asked about, set before the question that points back at it ("sind die", "what are they").
_DEMONSTRATIVES = frozenset("diese dieser dieses diesen die der das den these those this that the".split())
_POINTING = frozenset("die das dat der den sie they it them those these".split())


def _dislocated(before: str, piece: str, tagged: bool = False) -> bool:
    """Whether ``before`` names what the question ``piece`` right after it asks about (see above);
    ``tagged``: a tag with a question mark follows the piece ("…, woll?")."""
    head = [fold(w) for w in re.findall(r"[^\W_]+", before)]
    words = [fold(w) for w in re.findall(r"[^\W_]+", piece)[:5]]
    if not (1 < len(head) <= 4 and head[0] in _DEMONSTRATIVES) or before.endswith(("?", "!", ".", ":")) \
            or not (piece.endswith("?") or tagged) or len(words) < 2:
        return False
    verb = 1 if words[0] in _QUESTION_START else 0  # "what are they", "sind die"
    # (the pointing word right after the verb, or after its subject: "kann unsere Gemeinde die nutzen?";
    # any verb before a subject and the pointing word asks: "Die Leitfäden, krich ich die als Bürger?")
    return len(words) > verb + 1 and not _POINTING.isdisjoint(words[verb + 1 :]) and (
        words[verb] in _ASKING_VERBS
        or (not verb and words[1] in _SUBJECT_PRONOUNS and not _POINTING.isdisjoint(words[2:3])))


_SUBJECT_PRONOUNS = frozenset("ich man wir du ihr i we you".split())


#: "Heißt das, …", "Bedeutet dat, …", "Does that mean, …": what follows the comma is what it may mean.
_MEANS_THAT = frozenset({("heisst", "das"), ("heisst", "dat"), ("heist", "das"), ("bedeutet", "das"),
                         ("bedeutet", "dat"), ("meint", "das"), ("does", "that", "mean"), ("dos", "that", "mean"),
                         ("does", "it", "mean"), ("dos", "it", "mean"), ("so", "it", "means"), ("that", "means")})


def _means_that(before: str) -> bool:
    """Whether ``before`` is only "heißt das" or "does that mean": the clause after its comma is one with it."""
    if before.endswith(("?", "!", ".", ":")) or len(before) > 20:
        return False
    return tuple(fold(w) for w in re.findall(r"[^\W_]+", before)) in _MEANS_THAT


# Punctuation spoken into a phone ("wer bezahlt das fragezeichen", "hilfe komma wie geht das"). A
# capitalised "Punkt" is the noun ("ein wichtiger Punkt"), so only the lower-case word is a full stop.
_SPOKEN = re.compile(r"(?<=[^\W_])\s+(?:((?i:komma|comma))|((?i:fragezeichen|question mark))|"
                     r"((?i:ausrufezeichen|exclamation mark))|((?i:doppelpunkt))|(punkt|(?i:full stop)))(?=\s|$)")
_MARKS = {1: ",", 2: "?", 3: "!", 4: ":", 5: "."}


def _mark(found: re.Match[str]) -> str:
    return _MARKS[found.lastindex or 5]


#: ... and a capitalised "Punkt" after a noun, before a capital or the end: speech input capitalises it as
#: a noun ("Vielen Dank für die Auskunft Punkt Mit freundlichen Grüßen Punkt"), not after an article or an
#: adjective ("Das ist der Punkt", "ein wichtiger Punkt")
_NOUN_THEN_PUNKT = re.compile(r"\b([A-ZÄÖÜ][^\W\d_]*)\s+Punkt(?=\s+[A-ZÄÖÜ]|\s*$)")
_ARTICLES = frozenset("der die das den dem des ein eine einen einem eines einer kein keinen dieser diesen diesem "
                      "jeder jeden jedem welcher welchen".split())


def _noun_then_punkt(found: re.Match[str]) -> str:
    return found.group(0) if found.group(1).casefold() in _ARTICLES else found.group(1) + "."


def spoken_punctuation(text: str) -> tuple[str, int]:
    """Dictated punctuation as the marks it names ("smart cities doppelpunkt schule" is the title),
    and how many marks were dictated."""
    text, dictated = _SPOKEN.subn(_mark, text)
    if "Punkt" not in text:
        return text, dictated
    text, nouns = _NOUN_THEN_PUNKT.subn(_noun_then_punkt, text)
    return text, dictated + nouns


# A question at the end of a message typed or dictated without punctuation: "hab auf nem plakat smart
# cities gelesen was genau machen die da", "i saw a poster what is it": a question word, then a verb.
_RUN_ON = re.compile(
    r"\s+(?=(?i:was|wer|wie|wo|wann|warum|wieso|weshalb|worum|wofur|wofür|wozu|what|whats|who|where|when|why|how)\s+"
    r"(?:(?i:viel|viele|many|much|genau|denn|eigentlich|so|exactly|actually)\s+)?"
    r"(?i:ist|sind|war|waren|macht|machen|gibt|gab|heisst|heißt|bedeutet|kann|soll|wird|werden|hat|haben|"
    r"kostet|kosten|geht|ging|gehts|is|are|was|were|does|do|did|can|will|means|happened|happens)\b"
    # ... or one that points back at it: "ngl i keep seeing smart cities südwestfalen everywhere whats that"
    r"|(?i:whats|what's|wats)\s+(?i:that|this|it)\s*$"
    # ... or a request: "my son in law sent me this link can you tell me what …"
    r"|(?i:can|could)\s+(?i:you|u)\s+(?i:tell|explain|say|list|name)\b"
    r"|(?i:kannst\s+du|kannste|konnt\s+ihr|könnt\s+ihr|konnen\s+sie|können\s+sie)\s+(?i:mir\s+)?"
    r"(?i:sagen|erklaren|erklären|erzahlen|erzählen|nennen)\b)")


# A question that a story leads up to with "so" ("my wife was asking me and I had no idea so which
# are the five model towns?"), in any message: the story is a clause of its own.
_SO_THEN = re.compile(
    r"\s+(?i:so|also)\s+(?=(?i:which|what|who|where|when|why|how|welche|welcher|welches|was|wer|wo|wann|warum|"
    r"wie|is|are|does|ist|sind|macht|gehört|gehort)\s+[^\W\d_]+)")
_SO_STORY_WORDS = 4


def _so_then(pieces: list[str], joined: list[bool]) -> None:
    """Split a piece before a question a story leads up to with "so" (``_SO_THEN``)."""
    i = 0
    while i < len(pieces):
        found = _SO_THEN.search(pieces[i])
        if found and len(pieces[i][: found.start()].split()) >= _SO_STORY_WORDS:
            pieces[i : i + 1] = [pieces[i][: found.start()], pieces[i][found.end() :]]
            joined.insert(i + 1, True)
        i += 1


# ... and a yes/no question whether a place takes part: "heading to schmallenberg on the weekend is
# schmallenberg in it", "meine oma wohnt in hemer ist hemer auch dabei".
_TAKES_PART = (r"(?i:is|are|does|do|ist|iss|ös|sind|macht|gehort|gehört)\s+(?!(?i:a|an|the|ein|eine|der|die|das)\b)"
               r"[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:(?i:auch|denn|eigentlich|also|even)\s+){0,2}"
               r"(?i:in\s+it|in\s+this|in\s+there|part\s+of|involved|included|participating|participate|taking\s+part|"
               r"on\s+board|dabei|dobei|debei|mit\s+dabei|beteiligt|mit|"
               # (or is one of a group: "ist netphen eigentlich auch mitmacherkommune")
               r"mitmacherkommunen?|mitmachkommunen?|pionierkommunen?)\b")
_RUN_ON_TAKING_PART = re.compile(rf"\s+(?={_TAKES_PART})")
_ASKS_TAKING_PART = re.compile(_TAKES_PART)
# "Kindly confirm whether Attendorn is participating"; and what someone said or thinks: "mein cousin
# sagt lüdenscheid macht gar nich mit" (the claim, not a question of its own)
_INDIRECT_BEFORE = frozenset("ob whether if sagt sagte meint meinte behauptet glaubt erzahlt erzahlte says said "
                             "reckons thinks claims told".split())
#: What goes on a taking-part question: "ist olpe dabei bei smart cities", "is olpe part of the network"
_GOES_WITH_TAKING_PART = frozenset("bei beim in im an am auf at with of the der die das dem den von vom oder or und "
                                   "and auch also too".split())


# ... and the story told after a question in such a message: "was ist dieses smart cities südwestfalen
# ich hab das heute in der zeitung gelesen" (the writer and a verb, not after a verb: "was kann ich tun",
# nor "hab ich" after the writer: "was kann ich hab ich gehört").
_AFTER_VERB = frozenset("kann muss soll darf will hab habe bin war can could should would do dos did have has am was "
                        "ich".split())
_RUN_ON_STORY = re.compile(
    r"\s+(?=(?i:ich|ech|i)\s+(?i:hab|habe|hatte|bin|war|wohne|wohn|komme|lese|arbeite|arbeit|fahr|fahre|wollte|muss|"
    r"würde|wurde|möchte|mochte|"
    r"brauche|schreibe|hör|höre|hor|hore|kenn|kenne|seh|sehe|saw|have|had|am|was|live|work|read|heard|need|drive|go|"
    r"keep|know|stay|stayed|visit|visited|moved|come|came|grew|study|studied)\b"
    # ("… im staying there till friday": "I'm" written without its apostrophe)
    r"|(?i:im|i'm|i’m)\s+(?i:staying|living|going|visiting|moving|working|studying|writing|asking)\b"
    # (or the writer's people: "… we went skiing there last winter", "… wir waren da im urlaub")
    r"|(?i:we|wir)\s+(?i:went|were|live|lived|have|had|are|saw|heard|read|found|got|sahen|waren|wohnen|sind|haben|"
    r"hatten|fahren|stay|stayed|visit|"
    r"visited|moved|come|came|go|drove|bleiben|kommen|besuchen|machen)\b"
    # (chat and dialect leave the writer out: "… hab dat inne zeitung gelesen", "… hann dat em radio gehört")
    r"|(?i:hab|habe|hann|häw|haw|hatte)\s+(?i:dat|das|den|die|es|et|wat|was|ne|nen|einen|eine|auf|in|im|inne|von|"
    r"vom|gehört|gehort|gelesen|ich)\b"
    # (or someone close to the writer said it: "… mein chef hat das heute erwähnt", "my gf keeps goin on")
    r"|(?i:mein|meine|meiner|my|unser|unsere|our)\s+[^\W\d_]+\s+(?i:hat|hatte|hätt|hät|meinte|meint|sagt|sagte|"
    r"erzählt|erzählte|redet|spricht|said|says|told|keeps|kept|mentioned|talks|talked|went)\b)")


_REQUEST_HEAD = 6  # "kannst du mir mal kurz erklären"


def _run_on(pieces: list[str], joined: list[bool]) -> None:
    """Split a piece before a question it ends with (``_RUN_ON``), in a message without a "?"."""
    i = 0
    while i < len(pieces):
        folded = [fold(w) for w in re.findall(r"[^\W_]+", pieces[i])]
        # (the first word after any that only opens the question: "ey wat is dat …")
        first = next((w for w in folded if w not in OPENERS), None)
        # (or with a yes/no whether a place takes part: "macht olpe da mit ich arbeite da oft")
        asked = _ASKS_TAKING_PART.match(pieces[i])
        # (or with a request to tell: "kannst du mir kurz erklären was … ist ich hör das immer im radio")
        # (or with a request to check: "tell me if winterberg is part of it im staying there till friday")
        if first and (first in _QUESTION_START or asked is not None or _polite_request(folded[:_REQUEST_HEAD])
                      or _INDIRECT.match(" ".join(folded[:_REQUEST_HEAD])) is not None):
            story = [m for m in _RUN_ON_STORY.finditer(pieces[i]) if m.start() > 0
                     and fold(pieces[i][: m.start()].rsplit(None, 1)[-1]) not in _AFTER_VERB]
            if story and len(pieces[i][: story[0].start()].split()) >= 3:
                pieces[i : i + 1] = [pieces[i][: story[0].start()], pieces[i][story[0].end() :]]
                joined.insert(i + 1, True)
            elif asked is not None:
                # "ist lippstadt dabei meine cousine wohnt da": the yes/no ends where taking part is said
                # (with its tag: "is meschede dabei woll da wohnt mein schwager")
                end = asked.end()
                tag = re.match(r"\s+([^\W_]+)", pieces[i][end:])
                if tag is not None and fold(tag.group(1)) in _TAGS:
                    end += tag.end()
                after = pieces[i][end:].split()
                if len(after) >= 2 and fold(after[0]) not in _GOES_WITH_TAKING_PART:
                    pieces[i : i + 1] = [pieces[i][:end], pieces[i][end:].strip()]
                    joined.insert(i + 1, True)
            i += 1  # a question already ("welche apps wurden entwickelt und wo kann ich die runterladen")
            continue
        found = [m for m in _RUN_ON.finditer(pieces[i]) if m.start() > 0] or [
            m for m in _RUN_ON_TAKING_PART.finditer(pieces[i]) if m.start() > 0
            and _INDIRECT_BEFORE.isdisjoint(fold(w) for w in pieces[i][: m.start()].split()[-3:])]
        if found:
            head, tail = pieces[i][: found[-1].start()], pieces[i][found[-1].end() :]
            if len(head.split()) >= 2:
                pieces[i : i + 1] = [head, tail]
                joined.insert(i + 1, True)
        i += 1


def split(text: str, names: frozenset[str] = frozenset()) -> list[Clause]:
    """The clauses of ``text`` in order; empty pieces are dropped. ``names``: folded words that
    are followed by a colon inside a name ("Smart Cities: Schule"), where no clause ends."""
    # (dictated text marks at most where it ends: "… what is it all about question mark")
    text, dictated = spoken_punctuation(text)
    text = _TLDR.sub("tldr", text)
    if "!" in text:  # a title in quotes ends no sentence: "a recap about 'Südwestfalen geht App!', where?"
        text = _QUOTED_BANG.sub("\\1\x01", text)
    if ":" in text:
        text = _QUOTED_COLON.sub("\\1\x00", text)
    if names and ":" in text:
        text = _COLON.sub(lambda m: m.group(0) if fold(m.group(1)) not in names else m.group(1) + "\x00",
                          text)
    pieces: list[str] = []
    joined: list[bool] = []
    parts: list[str] = []
    for part in _SENTENCE.split(text):
        if parts and _goes_on(parts[-1]):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    for part in parts:
        same_sentence = False
        # after a colon the sentence goes on ("Für mein Referat brauch ich einen Zeitstrahl: was ist wann
        # passiert?"), though what follows it is a clause of its own
        colon = bool(pieces) and pieces[-1].endswith(":")
        part, aside = _bracket_aside(part)
        if not aside:
            part, aside = _dash_aside(part)
        sentence, asides = _embedded(_appositions(
            [p.replace("\x00", ":").replace("\x01", "!").strip() for p in _COMMA.split(part)]))
        if aside:
            asides.add(len(sentence))
            sentence.append(aside)
        for k, piece in enumerate(sentence):
            if not piece:
                continue
            # (a question mark after a tag ends the question before it: "…, krich ich die?", "…, krich ich die, woll?")
            tagged = k + 1 < len(sentence) and sentence[k + 1].endswith("?") and _is_tag(sentence[k + 1])
            merge = same_sentence and k not in asides and (_relative(piece) or _describes(pieces[-1], piece)) \
                and len(pieces[-1].split()) >= 3 or (same_sentence and (_dislocated(pieces[-1], piece, tagged)
                                                                         or _means_that(pieces[-1])
                                                                         or _EXCEPTING.match(piece) is not None))
            follows, same_sentence, colon = same_sentence or colon, True, False
            if merge:
                pieces[-1] = f"{pieces[-1]}, {piece}"  # one clause with the noun it describes
            else:
                joined.append(follows)
                pieces.append(piece)
    _so_then(pieces, joined)
    unpunctuated = "?" not in (text.rstrip().rstrip("?") if dictated else text)
    if unpunctuated:
        _run_on(pieces, joined)
    clauses: list[Clause] = []
    firsts: list[str] = []  # each clause's first folded word
    for n, (piece, goes_on) in enumerate(zip(pieces, joined, strict=True)):
        words = re.findall(r"[^\W_]+", piece)
        folded = [fold(w) for w in words]
        head = folded[:2]
        # "Wie …", and after a preposition "In welcher …", "Seit wann …", "Von wem …"
        # (after words that only open it: "ok but why does …", "wait whats this …")
        opened = next((w for w in folded if w not in OPENERS), "")
        starts = bool(head) and (head[0] in _QUESTION_START or after_a_preposition(head)
            or (len(head) == 2 and head[0] == "so" and head[1] in _ENGLISH_QUESTION_WORDS)
            or (head[0] in OPENERS and opened in _QUESTION_START))
        joined_words = " ".join(folded)
        indirect = (found := _INDIRECT.search(joined_words)) is not None \
            and _KNEW_NOT.search(joined_words, 0, found.end()) is None
        # (not a short prompt after the question: "…, erklär ma", "gib ma liste")
        request = bool(head) and len(words) >= _REQUEST_WORDS and (
            head[0] in REQUEST or (len(head) == 2 and head[0] in POLITE and head[1] in REQUEST)
            # (German puts the verb last: "Bitte alle Mitmachkommunen nennen")
            or (head[0] in POLITE and folded[-1] in _REQUEST_VERBS)
            or _polite_request(folded) or (joined[n + 1 : n + 2] != [True] and _request_ending_in_verb(folded))
            or (_WISH.match(joined_words) is not None and not _wish_for_it(folded, clauses))
            or any(pattern.search(joined_words) is not None for pattern in _ASKING_FRAMES))
        if starts and goes_on and not piece.endswith("?") and head[0] in _RELATIVE_START:
            starts = False  # "… from Winterberg, where he learned to ski.": a relative clause, no question
        # (Greek writes its question mark as ";": "does bad laasphe participate; my friend works there")
        greek = piece.endswith((";", "\u037e")) and bool(head) and head[0] in _ASKING_VERBS
        # "is iserlohn in or nah", "macht Olpe mit oder nicht": a tag at its end asks without a "?"
        tagged = len(folded) > 2 and folded[-2] in ("or", "oder") and folded[-1] in NO
        # An English clause that begins with an auxiliary asks in a message without a "?" ("is brilon in it.
        # cousin lives there"); a German one may be a statement without its subject ("ist schön hier").
        auxiliary_first = unpunctuated and len(folded) > 2 and (
            folded[0] in _ENGLISH_ASKING
            or ((goes_on or len(pieces) > 1) and _ASKS_TAKING_PART.match(piece) is not None)) \
            and not _verb_after_aside(joined, firsts, n)
        firsts.append(folded[0] if folded else "")
        clauses.append(Clause(piece, piece.endswith("?") or starts or indirect or request or greek or tagged
                              or auxiliary_first, goes_on))
    for i in range(1, len(clauses)):
        if clauses[i].joined and clauses[i].text.endswith("?") and not clauses[i - 1].question \
                and _is_tag(clauses[i].text):
            # "Is Winterberg part of this scheme, do you know?": the tag makes the clause before it ask
            clauses[i - 1] = Clause(clauses[i - 1].text, True, clauses[i - 1].joined)
        elif clauses[i].joined and clauses[i].text.endswith("?") and not clauses[i - 1].question \
                and firsts[i - 1] in _ASKING_VERBS \
                and (firsts[i] in _EITHER or firsts[i] in _STARTING or _offers_kinds(clauses[i].text)):
            # "does Siegen take part, either as Pionierkommune or Mitmacherkommune?", "Ist Smart Cities
            # Südwestfalen ein Verein, ein Förderprojekt oder eine Behörde?": the choice offered goes on
            # the yes/no question before it; so does where to start on a request ("Could you reconstruct
            # the milestones so far, starting from the funding commitment onward?")
            clauses[i - 1] = Clause(clauses[i - 1].text, True, clauses[i - 1].joined)
        elif clauses[i].joined and IF_SO.match(clauses[i].text):
            # "Is Siegen involved, and if so, in what role?": the sentence "if so" follows asks yes or
            # no, from its first clause ("Gibt es Leitfäden, die …, und wenn ja, …?")
            first = i - 1
            while first > 0 and clauses[first].joined:
                first -= 1
            if not any(c.question for c in clauses[first:i]):
                clauses[first] = Clause(clauses[first].text, True, clauses[first].joined)
        elif clauses[i].joined and clauses[i].text.endswith("?") and i >= 2 and clauses[i - 1].joined \
                and not clauses[i - 2].question and firsts[i - 2] in _ASKING_VERBS \
                and (i == 2 or not clauses[i - 2].joined) and firsts[i - 1] in _WHERE_ONE \
                and firsts[i] in _QUESTION_START:
            # "Gibt es irgendwo einen Blog, wo man nachlesen kann, was bei euch los ist?": what one can
            # read there is what the blog is for; the sentence asks in its first clause
            clauses[i - 2] = Clause(clauses[i - 2].text, True, clauses[i - 2].joined)
    return clauses


#: Words that begin a clause set inside a sentence: "…, before even unpacking, …", "…, während ich warte, …"
_INSIDE_TIME = frozenset("before after while when since once until bevor nachdem wahrend als sobald".split())


def _verb_after_aside(joined: Sequence[bool], firsts: Sequence[str], n: int) -> bool:
    """Whether the clause at ``n`` is the verb of a sentence an aside interrupted: "the first thing i do,
    before even unpacking, is open discord." (no question for its "is"); ``firsts``: each clause's first
    folded word, so far."""
    return n >= 2 and joined[n] and joined[n - 1] and firsts[n - 1] in _INSIDE_TIME


_EITHER = frozenset("either entweder".split())
_STARTING = frozenset("starting beginning beginnend angefangen anfangend".split())
_INDEFINITE = frozenset("ein eine einen a an".split())
OR = frozenset("oder or".split())


def _offers_kinds(text: str) -> bool:
    """Whether a clause offers kinds of thing to choose from: "ein Förderprojekt oder eine Behörde?"."""
    words = [fold(w) for w in re.findall(r"[^\W_]+", text)]
    return bool(words) and words[0] in _INDEFINITE and not OR.isdisjoint(words)


#: A relative clause of a place where one can do something: "…, wo man nachlesen kann, …"
_WHERE_ONE = frozenset("wo where worin woruber auf".split())


#: "and if so", "und falls ja": the rest of a sentence that asked yes or no
IF_SO = re.compile(r"(?i:and\s+|und\s+)?(?i:if\s+so|if\s+yes|falls\s+ja|wenn\s+ja|if\s+it\s+is)\b")


#: The "no" of a tag: "macht Olpe mit oder nicht", "schmallenberg auch oder nee"
NO = frozenset("not nah no nope nicht nich nee ne nein net".split())
_ENGLISH_ASKING = frozenset("is are does dos did were".split())  # ("can you …" asks only a request: _polite_request)
#: A clause that begins with one of these and ends with ";" asks (see ``split``; "dos" is "does" folded).
_ASKING_VERBS = frozenset("is are was were do dos did can could will would has have ist sind war gibt hat haben kann "
                          "konnen macht machen nimmt gehort".split())
#: Question words that also begin relative clauses ("…, where he grew up.", "…, wo ich wohne.")
_RELATIVE_START = frozenset("where whom whose wo worin".split())
#: Tags after a statement that make it a question: "…, do you know?", "…, oder?", "…, right?", "…, correct?"
_TAGS = frozenset("do you know right oder nicht or not is it isn t weisst du das gell woll ne eh innit ja wa correct "
                  "true richtig wahr stimmts aye gelle nich oda no yeah didn wasn weren doesn hasn haven they".split())


def _is_tag(text: str) -> bool:
    words = [fold(w) for w in re.findall(r"[^\W_]+", text)]
    return 0 < len(words) <= 4 and all(w in _TAGS for w in words)


#: Verbs that open a yes/no question ("Ist Olpe dabei?", "Did Menden win?"): not a statement.
_VERB_FIRST = frozenset("""ist sind war waren hat haben hatte hatten gibt gab macht machen kann konnen wird werden wurde
    soll sollen darf durfen muss mussen stimmt weisst wisst kennt gehort gehoren nimmt nehmen is are was were do does
    did has have had can could will would should shall may might must""".split())


def begins_yes_no(word: str) -> bool:
    """Whether a clause that begins with this folded word asks yes or no ("Gibt es …?", "Did …?")."""
    return word in _VERB_FIRST


_OPENING = OPENERS | {"so", "un"}
#: Words that join a question to the one before ("… und was …?", Platt "un", "plus")
AND = frozenset("und un and plus sowie".split())
#: How many words a claim has at least ("Menden won some prize?")
_CLAIM_WORDS = 3


def _second_guess(text: str) -> bool:
    """A clause of a word or two asked after a claim ("Third?", "Or 2019?"), asking nothing of its own."""
    words = [fold(w) for w in re.findall(r"[^\W_]+", text)]
    return text.rstrip().endswith("?") and 0 < len(words) <= 2 and _QUESTION_START.isdisjoint(words)


#: A tag inside a clause's end ("…, oder?", "…, or?"): the comma keeps it from being a clause of its own
_OR_TAG = re.compile(r"(?:,\s*|\s+)(?:oder|or)\s*\?+\s*$", re.IGNORECASE)  # (chat leaves out the comma)


def claims(clauses: Sequence[Clause]) -> bool:
    """The writer states what they remember and asks whether it is so: a statement followed by a
    tag ("Menden hat doch Platz 1 gemacht, woll?") or asked with a question mark before the question
    itself ("Menden won some prize in 2023? What was it?"). Its numbers are the claim, not the subject."""
    return bool(claimed(clauses))


def claimed(clauses: Sequence[Clause]) -> list[int]:
    """The indexes of the clauses that state a claim (``claims``)."""
    found: list[int] = []
    for k, before in enumerate(clauses):
        if k == len(clauses) - 1 and not _OR_TAG.search(before.text):
            break  # (the last clause: only with its own tag, "Die Urkunde gab es in Düsseldorf, oder?")
        # (after a word that only opens it: "So did Berlin pay for this?" asks yes or no; a statement
        # says something of someone: "Un Berleburg?" names a town only)
        head = list(dropwhile(_OPENING.__contains__, (fold(w) for w in re.findall(r"[^\W_]+", before.text))))
        # (English "was" is no question word: "Menden was number one in the ranking, right?")
        if len(head) < _CLAIM_WORDS or head[0] in _VERB_FIRST or any(
                w in _QUESTION_START and not (w == "was" and english_was(head, j)) for j, w in enumerate(head[:2])):
            continue
        end = k + 1  # (past every tag: "…, oder, woll?")
        while end < len(clauses) and _is_tag(clauses[end].text):
            end += 1
        tagged = (end > k + 1 and clauses[end - 1].text.rstrip().endswith("?")) \
            or _OR_TAG.search(before.text) is not None
        # (past a short second guess: "Menden won first place in something digital? Third? What was it?")
        nxt = k + 1
        while nxt + 1 < len(clauses) and _second_guess(clauses[nxt].text):
            nxt += 1
        then = re.findall(r"[^\W_]+", clauses[nxt].text)[:1] if nxt < len(clauses) else []
        asked = before.text.rstrip().endswith("?") and bool(then) and fold(then[0]) in _QUESTION_START
        if tagged or asked:
            found.append(k)
    return found

