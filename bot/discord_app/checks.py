"""The role check every staff and moderator command runs first (``bot.permissions`` decides)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord

from bot.discord_app.render import NO_PINGS
from bot.discord_app.translator import locale_lang
from bot.layout import CONTENT_LIMIT, split_text
from bot.messages import msg
from bot.permissions import has_any_role


def member_lang(interaction: discord.Interaction, default: str) -> str:
    """The member's language by their Discord locale, else the server's default."""
    return locale_lang(interaction.locale) or default


async def reply_private(interaction: discord.Interaction, text: str, view: discord.ui.View | None = None) -> None:
    """An ephemeral reply that pings nobody, split within Discord's limits; the first piece answers
    the interaction, the rest follow it (``view`` goes with the last piece)."""
    pieces = split_text(text, CONTENT_LIMIT) or ["…"]
    for i, piece in enumerate(pieces):
        extra: dict[str, Any] = {"view": view} if view is not None and i == len(pieces) - 1 else {}
        if interaction.response.is_done():
            await interaction.followup.send(piece, ephemeral=True, allowed_mentions=NO_PINGS, **extra)
        else:
            await interaction.response.send_message(piece, ephemeral=True, allowed_mentions=NO_PINGS, **extra)


async def require_roles(interaction: discord.Interaction, allowed: Sequence[int], default_lang: str) -> bool:
    """True if the member holds one of ``allowed``; otherwise refuse with an ephemeral note."""
    roles = [r.id for r in getattr(interaction.user, "roles", [])]
    if has_any_role(roles, allowed):
        return True
    lang = member_lang(interaction, default_lang)
    names = [f"<@&{r}>" for r in allowed] or [msg("no_roles", lang)]
    await interaction.response.send_message(msg("refused", lang, roles=", ".join(names)), ephemeral=True,
                                            allowed_mentions=NO_PINGS)
    return False


class ModeratorReplies:
    """What every moderators' cog needs: the member's language, the moderator check, and private
    replies split within Discord's limits (``self.bot`` is the CommunityBot)."""

    bot: Any

    def _lang(self, interaction: discord.Interaction) -> str:
        return member_lang(interaction, self.bot.config.language)

    async def _allowed(self, interaction: discord.Interaction) -> bool:
        return await require_roles(interaction, self.bot.config.roles.moderators, self.bot.config.language)

    async def _send(self, interaction: discord.Interaction, text: str) -> None:
        await reply_private(interaction, text)
