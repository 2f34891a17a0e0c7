"""Words run together: "istlüdenscheiddabei", "whatisasmartcity".

People typing on a phone, or in a hurry, leave out the spaces. Such a token is no word of any
word list and no word the knowledge writes, so without help it is one long unknown subject and
the question falls back. It is read as the most probable sequence of words (each piece weighed
by its frequency, as in ``wordninja``), but only when the pieces make a sentence of one language:
it starts with a function word or a verb, and has a question word or a verb like "ist"/"is" among
other function words, or with words the knowledge or the town list knows ("macht|menden|mit"). A German word of
prefixes and endings is made of words too ("auf|zu|rusten", "arnsberg|er", "wo|chem|a|at"), yet
not of a sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.understanding.frequency import leaning, zipf

#: Only tokens this long: shorter unknown words are typos or names, not sentences.
MIN_LETTERS = 9
#: The longest piece tried ("mitmacherkommunen" is 17 letters).
MAX_PIECE = 24
#: A piece that is neither a function word nor known to the knowledge must be at least this
#: frequent, and this long ("st", "ab" alone are no evidence of words); one of three letters must
#: be an everyday word ("fee", "job"; not "ion", "doi").
PIECE_ZIPF = 3.0
PIECE_LETTERS = 3
SHORT_PIECE_ZIPF = 4.0
#: The weight a word the knowledge or the town list knows gets at least ("südwestfalen", "soest":
#: "in|soest|offen", not "in|so|stoffen").
KNOWN_ZIPF = 5.5
#: Zipf frequencies are log10 per billion words: a piece's log-probability is its Zipf minus this.
_PER_BILLION = 9.0
#: What each further piece costs on top: fewer, longer words are the likelier reading ("lotto
#: zahlen", not "lot to zahlen").
PIECE_COST = 2.0
#: The single letters that are words of their own ("whatisasmartcity", "howdoigetajob"); "s",
#: "e" would cut any unknown word into pieces.
_LETTER_WORDS = frozenset({"a", "i"})
#: The verbs that make a sentence of function words (with a question word, they are what a
#: question typed without spaces has: "istlüdenscheiddabei", "whatisasmartcity").
_VERBS = frozenset("ist sind war waren hat haben hatte gibt gab kann wird werden macht machen "
                   "is are was were has have had "
                   "does do did can will".split())
#: Function words that lean this far to one language (``frequency.leaning``) must agree.
_LEANING = 0.5


def split_run_together(word: str, function: Callable[[str], bool], known: Callable[[str], bool],
                       asking: Callable[[str], bool], min_letters: int = MIN_LETTERS,
                       mixed: bool = False) -> list[str] | None:
    """The words of a folded ``word`` written without spaces, or None when it does not read as a
    sentence. ``function``: whether a piece is a function word ("ist", "the"); ``known``: whether
    the knowledge or the town list knows it ("mitmacherkommunen", "ludenscheid"); ``asking``:
    whether it is a question word ("wann", "what"); ``mixed``: function words of both languages may
    stand together (chat's German writes "is" for "ist": "isdas")."""
    n = len(word)
    if n < min_letters or not word.isalpha():
        return None
    score: list[float | None] = [None] * (n + 1)
    back = [0] * (n + 1)
    score[0] = 0.0
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_PIECE), end):
            before = score[start]
            if before is None:
                continue
            weight = _weight(word[start:end], function, known, asking)
            if weight is not None and ((best := score[end]) is None or before + weight > best):
                score[end] = before + weight
                back[end] = start
    if score[n] is None:
        return None
    pieces: list[str] = []
    end = n
    while end:
        pieces.append(word[back[end] : end])
        end = back[end]
    pieces.reverse()
    functions = [piece for piece in pieces if len(piece) > 1 and (function(piece) or asking(piece))]
    if len(pieces) < 2 or not (pieces[0] in functions or pieces[0] in _VERBS):
        return None  # (a sentence starts with one: "urban|is|at|ion" is "urbanisation")
    sentence = any(piece in _VERBS or asking(piece) for piece in pieces)
    all_known = all(piece in functions or piece in _VERBS or known(piece) for piece in pieces)
    if not sentence or len(functions) < 2 and not all_known:
        return None  # (not "vor|zu|lesen", "unsere|ins": function words alone make no sentence)
    leanings = {value > 0 for piece in functions if abs(value := leaning(piece)) >= _LEANING}
    return pieces if len(leanings) < 2 or mixed else None


#: A shorter token is read so only when all its pieces are function words and verbs, in chat's lower
#: case ("was isdas", "wasisdas": not a name, "Wendener", nor a typo)
FUNCTION_MIN_LETTERS = 5


def split_function_words(word: str, function: Callable[[str], bool], asking: Callable[[str], bool]) -> list[str] | None:
    """The function words and verbs of a short folded ``word`` written without spaces ("istdas" ->
    "ist das"), or None."""
    if not FUNCTION_MIN_LETTERS <= len(word) < MIN_LETTERS:
        return None
    pieces = split_run_together(word, function, lambda w: False, asking, FUNCTION_MIN_LETTERS, mixed=True)
    if pieces is None or not all(function(w) or asking(w) or w in _VERBS for w in pieces):
        return None
    return pieces


def _weight(piece: str, function: Callable[[str], bool], known: Callable[[str], bool],
            asking: Callable[[str], bool]) -> float | None:
    """The log-probability of a piece as a word, None if it is none."""
    z = zipf(piece)
    if len(piece) < 2 and piece not in _LETTER_WORDS:
        return None
    if function(piece) or asking(piece):
        return z - _PER_BILLION - PIECE_COST
    if known(piece):
        return max(z, KNOWN_ZIPF) - _PER_BILLION - PIECE_COST
    if len(piece) > PIECE_LETTERS and z >= PIECE_ZIPF or len(piece) == PIECE_LETTERS and z >= SHORT_PIECE_ZIPF:
        return z - _PER_BILLION - PIECE_COST
    return None
