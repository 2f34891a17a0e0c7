"""Was it posted already? Look in a channel's recent history before sending again.

Discord remembers a message nonce only for a few minutes. A bot that died between sending and
noting the message, and restarts later, would post the same story or reminder twice; so before
it re-sends something an earlier attempt may have posted, it looks for it here.
"""

from __future__ import annotations

import logging

import discord

log = logging.getLogger(__name__)

HISTORY = 50  # recent messages to look through


async def find_posted(channel: discord.abc.Messageable, nonce: str, *, link: str | None = None,
                      title: str | None = None, text: str | None = None) -> int | None:
    """The id of one of the bot's own recent messages that carries ``nonce``, or shows ``link``
    (with ``title``) in an embed, or has exactly ``text``; None if there is none (or no history)."""
    me = getattr(getattr(channel, "guild", None), "me", None)
    try:
        async for message in channel.history(limit=HISTORY):
            if me is not None and message.author.id != me.id:
                continue
            if message.nonce is not None and str(message.nonce) == nonce:
                return message.id
            if text is not None and message.content == text:
                return message.id
            for embed in message.embeds:
                if link and embed.url == link and (title is None or embed.title == title):
                    return message.id
    except discord.HTTPException as exc:  # no Read Message History: send (the nonce still helps)
        log.warning("could not read the history of channel %s: %s", getattr(channel, "id", "?"), exc)
    return None
