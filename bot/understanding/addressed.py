"""A message that opens by speaking to another member by name ("@Kemi did you ever get an answer to
that?", "@Jonas hast du den Link noch?"): its "you" is that member, not the bot, so it asks the bot
nothing. A name typed with "@" carries no meaning for matching (``normalize`` removes it), so without
this stage such a message reads as a question to the bot about itself. Names that mean the bot or
everyone ("@bot", "@SmartBot", "@all") address the bot as well.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.understanding.decisions import fall_back
from bot.understanding.index import Index
from bot.understanding.settings import MatcherSettings

if TYPE_CHECKING:
    from bot.understanding.pipeline import Parse

#: A name typed with "@" that opens the message
_OPENING_NAME = re.compile(r"^\W*@([^\W_]+)")
#: Names that mean the bot or everyone in the channel
_EVERYONE = frozenset("all alle everyone here channel server mods team leute people".split())
#: The words that speak to the one addressed (folded; not "your": "@Femi re: your point – what rank …?")
_YOU = frozenset("du dir dich you u ya".split())


def speaks_to(question: str) -> str | None:
    """The other member the message opens by speaking to, if any (not the bot, nor everyone)."""
    m = _OPENING_NAME.match(question)
    if m is None or "bot" in m.group(1).lower() or m.group(1).lower() in _EVERYONE:
        return None
    return m.group(1)


def speaks_to_another(p: Parse, ix: Index, s: MatcherSettings) -> None:
    """See the module: a message to another member, that says "you" to them, is not asked of the bot."""
    if p.settled or (name := speaks_to(p.question)) is None or _YOU.isdisjoint(p.tokens.folded):
        return
    fall_back(p, f"it speaks to {name}, not to the bot")
