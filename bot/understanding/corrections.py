"""The writer's own corrections: "Is Siege part of it? *Siegen.", "Wat is ne Smart Kitty? City mein ich".

Chat marks a correction with an asterisk before the right word, or says it again with "mein ich" / "I
mean" or after a hesitation ("Leitplanken? Äh, Leitfäden!"); autocorrect and voice input make such
slips often. The right word replaces the word it corrects: the earlier word most like it (by letters,
``rapidfuzz``), when it is like enough. A word said with "mein ich" that resembles no earlier word is
left alone: it says more precisely what is meant ("Die Allerheiligenkirmes, mein ich").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

#: "*Siegen", "*smarten" (not "*fett*", chat's bold)
_STARRED = re.compile(r"(?<![\w*])\*([^\W\d_][\w-]*)(?![\w*])")
#: "City mein ich", "Millionen, meinte ich"; "I mean Rahmenstrategie", "I meant Hemer"
_MEANT_BEFORE = re.compile(r"([^\W\d_][\w-]*)[,.]?\s+(?:mein|meine|meinte)\s+ich\b", re.IGNORECASE)
_MEANT_AFTER = re.compile(r"\bi\s+mean[t]?[,:]?\s+(?:the\s+|die\s+|der\s+|das\s+)?([^\W\d_][\w-]*)", re.IGNORECASE)
#: "Leitplanken? Äh, Leitfäden!": the word after a hesitation corrects one before it
_UH = re.compile(r"\b(?:äh|ähm|aeh|aehm|öhm|ehm|uh|uhm)[,.!]?\s+([^\W\d_][\w-]*)", re.IGNORECASE)
#: How alike a word after a hesitation must be to the one it corrects
UH_LIKENESS = 55.0
_WORD = re.compile(r"[^\W\d_][\w-]*")
#: How alike the corrected word must be (``fuzz.ratio``, 0..100): an asterisk says plainly that it corrects
STARRED_LIKENESS = 50.0
#: ... "mein ich" may also just say more ("Privat, mein ich"): only a word very like an earlier one
MEANT_LIKENESS = 65.0
#: Words this short are too alike to too many others
_MIN_LETTERS = 4


#: Each way of saying a word again, how alike it must be, and what the text then holds
_SAID_AGAIN = ((_MEANT_BEFORE, MEANT_LIKENESS, ("mein",)), (_MEANT_AFTER, MEANT_LIKENESS, ("mean",)),
               (_UH, UH_LIKENESS, ("äh", "aeh", "öhm", "ehm", "uh")))


def correct(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each corrected word replaced by its correction, and the (wrong, right) pairs."""
    low = text.casefold()
    # (the cheap look first: almost every question has none of the markers)
    looked = [(pattern, likeness) for pattern, likeness, marks in _SAID_AGAIN if any(m in low for m in marks)]
    if "*" not in text and not looked:
        return text, []
    fixed: list[tuple[str, str]] = []
    for match in list(_STARRED.finditer(text)):
        text, pair = _replace_before(text, match.group(1), text.find(match.group(0)), STARRED_LIKENESS, True)
        text = text.replace(match.group(0), "", 1) if pair else text.replace(match.group(0), match.group(1), 1)
        fixed += [pair] if pair else []
    for pattern, likeness in looked:
        for match in list(pattern.finditer(text)):
            text, pair = _replace_before(text, match.group(1), text.find(match.group(0)), likeness, False)
            fixed += [pair] if pair else []
    return text, fixed


def _replace_before(text: str, right: str, end: int, likeness: float,
                    forms: bool) -> tuple[str, tuple[str, str] | None]:
    """Replace the word before ``end`` most like ``right`` (at least ``likeness``) with ``right``; with
    ``forms``, also a word it begins with or that begins with it ("Siege" *"Siegen")."""
    if len(right) < _MIN_LETTERS or end <= 0:
        return text, None
    folded = right.casefold()
    best: tuple[float, re.Match[str]] | None = None
    for word in _WORD.finditer(text, 0, end):
        candidate = word.group(0).casefold()
        # (after "mein ich", not a form of the same word: "digital lernen mein ich" restates "lern apps")
        if len(candidate) < _MIN_LETTERS or candidate == folded or (
                not forms and (candidate.startswith(folded) or folded.startswith(candidate))):
            continue
        score = fuzz.ratio(candidate, folded)
        if score >= likeness and (best is None or score > best[0]):
            best = (score, word)
    if best is None:
        return text, None
    wrong = best[1]
    return text[: wrong.start()] + right + text[wrong.end():], (wrong.group(0), right)
