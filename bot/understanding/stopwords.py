"""Words that carry no topic: ignored when judging how much of a question the bot knows.

They are folded like everything else (``fur``, ``uber``, ``nachste`` is *not* here: it
carries meaning). Fillers of chat language ("mal", "eigentlich", "pls") belong here too.
"""

from functools import lru_cache

from bot.understanding.frequency import zipf
from bot.understanding.normalize import fold

_RAW = """
ich du er sie es wir ihr mich mir dich dir uns euch sich mein meine meinen meiner dein deine euer eure unser unsere
der die das den dem des ein eine einen einem einer eines kein keine keinen
und oder aber auch noch schon nur mal denn doch ja nein nicht nichts so halt eben eigentlich bitte gerne gern
ist sind war waren bin bist seid sein wird werden wurde wurden hat haben hast habt hatte kann konnen
muss musst soll sollen will willst mochte mochten darf gibt gab
konnte ware
wer was wie wo wann warum wieso weshalb welche welcher welches welchen welchem wozu woher wohin womit worum
in im an am auf aus bei mit nach von vom zu zum zur fur uber unter vor hinter neben zwischen durch gegen ohne um bis
da dort hier dann jetzt heute genau etwa sehr viel viele ganz alle alles jemand man
sag sagen mir ok okay pls plz bzw usw etc gibts gehts dieser diese dieses diesem etwas ne nen
seit wenn weil ob als dass mehr immer wieder nochmal nochmals sonst selbst beim vom ins ans stuck
get got gets u ya e
the a an and or but also only just not no yes so too very please pls
i me my you your we us our they them their he she it its this that these those there here
is are was were be been being am do does did doing have has had will would can could shall should may might must
what who whom which when where why how whats whos wheres
in on at to from of for with by about into over under up down out off as than then now
tell say any some all if because since whether while than onwards onward
somewhere anywhere somehow
ours yours theirs hers unserer unserem unseren eurer euren jeder jede jeden jedem irgendwas irgendwer
irgendein irgendeine irgendeinen irgendeinem irgendeiner irgendeines irgendne irgendnen irgendnem irgendner
bloss lediglich dasselbe dieselbe derselbe denselben demselben
ihrer ihrem ihres seine seiner seinen seinem seines
everybody everyone somebody someone anybody anyone nobody everything something anything nothing
s m re ve ll d t nun wofur samtliche samtlichen samtlicher vonstatten
itself myself yourself himself herself ourselves yourselves themselves selber
even really actually basically literally anyway anyways herr herrn mr mrs ms exactly kinda sorta gonna wanna
januar februar marz april mai juni juli august september oktober november dezember
january february march june july october december
"""

STOPWORDS: frozenset[str] = frozenset(fold(w) for w in _RAW.split())


#: A word this common is a word of its own, not a typo ("form" is no "from", "sei" no "sie").
_REAL_WORD_ZIPF = 3.5


@lru_cache(maxsize=1 << 12)
def misspelt(word: str) -> str | None:
    """The function word that ``word`` is with two neighbouring letters swapped ("taht" -> "that",
    "waht" -> "what", "nciht" -> "nicht"), if exactly one is and ``word`` is no word of its own."""
    if len(word) < 3 or word in STOPWORDS or not word.isalpha() or zipf(word) >= _REAL_WORD_ZIPF:
        return None
    found = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} & STOPWORDS
    return found.pop() if len(found) == 1 else None
