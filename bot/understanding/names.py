"""People's names in a message: the writer's own ("hier schreibt Frau Kemper", "Ihr Alfons Kordes")
and a signature at the end. They are no topic: an unknown name must not count against a question
the way an unknown subject ("Kommunalwahl") does."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.understanding.stopwords import STOPWORDS

# Words after which capitalised unknown words are a person's name ("Myself Anju from Iserlohn": Indian English).
# ("hello everybody its Ama from Menden": "it's" written without its apostrophe)
_TITLES = frozenset("frau herr herrn dr prof familie heisse heiße mrs mr ms myself its".split())
# Before a name only when the name ends the message ("…, Ihr Alfons Kordes"); "Ihre Meinung zu …" is
# no name.
_POSSESSIVES = frozenset("ihr ihre euer eure dein deine yours".split())
# (the vocabulary writes English "is" as "ist": "this is" is "this ist" when names are looked for)
_FRAMES = (("name", "ist"), ("name", "is"), ("hier", "ist"), ("hier", "schreibt"), ("meldet", "sich"),
           ("this", "is"), ("this", "ist"), ("i", "am"), ("i", "m"), ("it", "s"), ("ich", "bin"), ("ich", "ben"),
           ("my", "name"))
_ARTICLES = frozenset("der die".split())
#: After a name, what that person said: "Our Daniel says there are five …", "Klaus meinte, …"
_BEFORE_NAMES = frozenset("our my unser unsere mein meine der die the".split())
_SPEECH = frozenset("says said reckons thinks told sagt sagte meint meinte erzahlt erzahlte behauptet".split())
MAX_SIGNATURE = 3
#: The writer's own people ("mein Schwager", "my niece", "meine Kleine"): who told or asks for them is
#: no subject. Only after a possessive of the writer; not the people of an organisation ("Chef", "boss").
MINE = frozenset("mein meine meiner meinem meinen my our unser unsere unserer unserem unseren mi mei".split())
RELATIVES = frozenset(
    "schwager schwagerin schwester bruder cousin cousine kusine tochter sohn enkel enkelin enkelkind oma opa "
    "mutter vater mama papa mann frau freundin freund nachbar nachbarin nachbarn tante onkel nichte neffe "
    "schwiegersohn schwiegertochter schwiegermutter schwiegervater kleine kleiner "
    "niece nephew sister brother daughter son grandson granddaughter grandchild grandma grandpa granny nan "
    "mum mom mother dad father wife husband gf bf girlfriend boyfriend neighbour neighbor neighbours neighbors "
    "aunt uncle cousins buddy mate missus hubby familie family eltern parents "
    "patenkind patentochter patensohn patentante patenonkel godchild goddaughter godson godmother godfather".split())


def introduced_from(words: Sequence[str]) -> int | None:
    """Where the words that say who the writer is begin, after "ich bin", "hier ist", "I'm" … (None:
    the writer does not introduce themselves; where they come from, said after that, is no subject)."""
    return next((i + 2 for i, pair in enumerate(zip(words, words[1:], strict=False)) if pair in _FRAMES), None)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _name_end(words: Sequence[str], originals: Sequence[str], start: int, known: Callable[[str], bool]) -> int:
    """Where a run of capitalised unknown words from ``start`` ends (``start``: none there)."""
    j = start
    while j < len(words) and j < len(originals) and _capitalised(originals[j]) and not known(words[j]):
        j += 1
    return j


def name_positions(words: Sequence[str], originals: Sequence[str], known: Callable[[str], bool],
                   starts: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """Indexes of the words that name a person after a title or a self-introduction, of a name
    that begins a clause (``starts``) before "here" ("Ciarán here, how's the form today?"), and of
    one before what that person said ("Our Daniel says …")."""
    found: set[int] = set()
    for start in {0, *starts}:
        j = _name_end(words, originals, start, known)
        if start < j <= start + 2 and j < len(words) and words[j] == "here":
            found.update(range(start, j))
    for i, word in enumerate(words):
        if word in _SPEECH and i > 0:
            j = i
            while j > 0 and i - j < 2 and j - 1 < len(originals) and _capitalised(originals[j - 1]) \
                    and not known(words[j - 1]) and words[j - 1] not in _BEFORE_NAMES:
                j -= 1
            found.update(range(j, i))
        start = None
        # (a title as written: the vocabulary writes Platt "mr" as "wir", "Mr Jones" is a name)
        titled = word in _TITLES or (i < len(originals) and originals[i].casefold() in _TITLES)
        if titled or word in _POSSESSIVES:
            start = i + 1
        elif i > 0 and (words[i - 1], word) in _FRAMES:
            start = i + 1
            if start < len(words) and words[start] in _ARTICLES:
                start += 1  # "hier ist der Heinrich"
        if start is None:
            continue
        j = _name_end(words, originals, start, known)
        if j == start and _lower_name(words, originals, start, known):
            j = start + 1  # "hi there this is dana from oregon public radio": all lower case, the name too
        if j == start or (word in _POSSESSIVES and j < len(words)):
            continue
        found.update(range(start, j))
        if titled:
            found.add(i)  # "Herr Meier": the title goes with the name
    return found


#: What follows a writer's name when they say who they are: "this is dana from …", "hier ist jens aus …"
_AFTER_OWN_NAME = frozenset("from aus von vom here hier".split())


def _lower_name(words: Sequence[str], originals: Sequence[str], start: int, known: Callable[[str], bool]) -> bool:
    """In a message written all in lower case, one unknown word after a self-introduction that is
    followed by where the writer comes from is their name."""
    return start + 1 < len(words) and words[start + 1] in _AFTER_OWN_NAME and not known(words[start]) \
        and not any(o[:1].isupper() for o in originals)


def relative_positions(words: Sequence[str]) -> set[int]:
    """Indexes of the writer's own people ("mein Schwager", "my little sister", "meine Kleine")."""
    return {i for i, w in enumerate(words) if w in RELATIVES and i
            and (words[i - 1] in MINE or (i > 1 and words[i - 2] in MINE))}


#: How writers describe themselves: "an old librarian", "a retired engineer", "einer alten Bibliothekarin"
_AN = frozenset("a an ein eine einer einem einen als".split())
_OLD = frozenset("old elderly retired alte alter alten altes pensionierte pensionierter pensionierten".split())
_SELF_WORDS = 2


def self_described(words: Sequence[str]) -> set[int]:
    """Indexes of what the writer says they are, after "an old" or "a retired" ("… explain it to an old
    Welsh librarian", "I am a retired engineer who …"): who asks, not what is asked about."""
    found: set[int] = set()
    for i in range(1, len(words) - 1):
        if words[i] in _OLD and words[i - 1] in _AN:
            for j in range(i + 1, min(i + 1 + _SELF_WORDS, len(words))):
                if words[j] in STOPWORDS:
                    break
                found.add(j)
    return found


def is_signature(originals: Sequence[str], known: Callable[[str], bool], folded: Sequence[str]) -> bool:
    """A last clause of one to three capitalised unknown words: "Rudolf Hengesbach", "Anneliese"."""
    return 0 < len(originals) <= MAX_SIGNATURE and all(
        _capitalised(o) and (not known(w) or w in _TITLES or w in _POSSESSIVES)
        for o, w in zip(originals, folded, strict=False))
