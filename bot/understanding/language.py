"""Guess whether a question is German or English from common function words.

Community questions are short, so a statistical detector would be unreliable; counting
marker words (and umlauts, which only German uses here) is predictable and fast.
"""

from __future__ import annotations

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
    """.split()
)
_EN_RAW = (
    """
    is are the and who what how which when why there i you we with part not can could also a an
    of to on for about hello hi hey thanks thank next town towns municipality
    municipalities does do did tell me my us have has will was were happened happening latest new
    news upcoming coming member members involved participating join joined explain please any
    where whats what's this that it its these those many much funding money so far up help
    """.split()
)
# Folded like the questions' words, or "does" (folded "dos") would never match. "city" is not a
# marker: German speaks of "Smart City" too.
_DE = frozenset(fold(w) for w in _DE_RAW)
_EN = frozenset(fold(w) for w in _EN_RAW) - _DE


def detect(tokens: Tokens, default: str = "de", has_umlaut: bool = False) -> str:
    """Return ``"de"`` or ``"en"``; ``default`` decides when the evidence is even."""
    de = sum(1 for t in tokens.folded if t in _DE)
    en = sum(1 for t in tokens.folded if t in _EN)
    if has_umlaut:
        de += 1
    if de > en:
        return "de"
    if en > de:
        return "en"
    return default if default in LANGS else "de"


def has_umlaut(text: str) -> bool:
    return any(c in "äöüÄÖÜß" for c in text[:2000])
