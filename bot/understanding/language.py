"""Guess whether a question is German or English from common function words.

Community questions are short, so a statistical detector would be unreliable; counting
marker words (and umlauts, which only German uses here) is predictable and fast. The other
words count too, at most half a marker each: how much more often one language uses them than
the other, from a real word-frequency resource ("explain", "weather", "tomorrow" are English;
"im", "bin" German; ``frequency.leaning``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from bot.understanding.frequency import leaning
from bot.understanding.normalize import Tokens, fold

LANGS = ("de", "en")

_DE_RAW = (
    """
    ist sind die der das und wer was wie welche welcher welches wann warum wieso weshalb gibt es
    ich du wir ihr bei mit dabei nicht kann kannst konnen auch ein eine einen den dem des von zu zum
    zur im auf fur uber hallo danke nachste nachstes nachster stadt stadte kommune kommunen gemeinde
    gemeinden schon mal bitte noch oder aber wo woher wohin macht machen mach sag erzahl erklar
    dir mir mich uns euch hat haben habt wird werden wurde gab jetzt heute aktuell neues neu neueste
    geht gehts moin servus tschuss vielen dank brauchen braucht warum eigentlich denn
    wat dat watt et ech ick nich net nit nix getz jetz woll homma ma mol ne nen gibts isses isset haste
    kannste weisste bisse vun wor hann gell genau grad bisschen alles allet vonne inne aufm ausm ob letzte
    zuletzt passiert gelaufen infos jemand
    """.split()
)
_EN_RAW = (
    """
    is are the and who what how which when why there i you we with part not can could also a an
    of to on for about hello hi hey thanks thank next town towns municipality
    municipalities does do did tell me my us have has will was were happened happening latest new
    news upcoming coming member members involved participating join joined explain please any
    where whats what's this that it its these those many much funding money so far up help
    good morning evening afternoon cheers mate ty link meaning recent most
    """.split()
)
# Folded like the questions' words, or "does" (folded "dos") would never match. "city" is not a
# marker: German speaks of "Smart City" too.
_DE = frozenset(fold(w) for w in _DE_RAW)
_EN = frozenset(fold(w) for w in _EN_RAW) - _DE
#: German function words, for a neighbour's language (``qtype.english_was``)
GERMAN_MARKERS = _DE


#: "was" after these, or before these, is English: "Why was Menden awarded?", "was there a conference?"
_WAS_BEFORE_EN = frozenset("why what when who how where it that this there which".split())
_WAS_AFTER_EN = frozenset("the there it a an this that he she they".split())


#: A word that is no marker counts at most this much (when one language uses it ten times as often).
WORD_WEIGHT = 0.5


def detect(tokens: Tokens, default: str = "de", has_umlaut: bool = False, names: Collection[str] = ()) -> str:
    """Return ``"de"`` or ``"en"``; ``default`` decides when the evidence is even. ``names``: folded
    words of names (towns, the initiative's), which say nothing of the writer's language."""
    words = tokens.folded
    de = en = 0.0
    for i, t in enumerate(words):
        if t == "was" and ((i and words[i - 1] in _WAS_BEFORE_EN)
                           or (i + 1 < len(words) and words[i + 1] in _WAS_AFTER_EN)):
            en += 1
        elif t in _DE:
            de += 1
        elif t in _EN:
            en += 1
        elif (towards := leaning(t)) and t not in names:
            if towards > 0:
                en += WORD_WEIGHT * towards
            else:
                de -= WORD_WEIGHT * towards
    if has_umlaut:
        de += 1
    if de > en:
        return "de"
    if en > de:
        return "en"
    return default if default in LANGS else "de"


#: Titles in quotes („Südwestfalen geht App!“): their umlauts say nothing about the writer's language.
_QUOTED = re.compile(r"„[^“”\n]*[“”]|\"[^\"\n]*\"|'[^'\n]*'|‚[^‘’\n]*[‘’]")


_UMLAUTS = frozenset("äöüÄÖÜß")


def has_umlaut(text: str, names: Sequence[str] = ()) -> bool:
    """Whether the writer used an umlaut or ß, outside quoted titles and the ``names`` English
    writers use too (towns, "Smart Cities Südwestfalen")."""
    text = text[:2000]
    if _UMLAUTS.isdisjoint(text):
        return False  # (most questions: nothing to take out)
    text = _QUOTED.sub(" ", text)
    for name in names:
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    return not _UMLAUTS.isdisjoint(text)
