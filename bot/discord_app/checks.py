"""The role check every staff and moderator command runs first (``bot.permissions`` decides)."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.discord_app.render import NO_PINGS
from bot.discord_app.translator import locale_lang
from bot.messages import msg
from bot.permissions import has_any_role


async def require_roles(interaction: discord.Interaction, allowed: Sequence[int], default_lang: str) -> bool:
    """True if the member holds one of ``allowed``; otherwise refuse with an ephemeral note."""
    roles = [r.id for r in getattr(interaction.user, "roles", [])]
    if has_any_role(roles, allowed):
        return True
    lang = locale_lang(interaction.locale) or default_lang
    names = [f"<@&{r}>" for r in allowed] or [msg("no_roles", lang)]
    await interaction.response.send_message(msg("refused", lang, roles=", ".join(names)), ephemeral=True,
                                            allowed_mentions=NO_PINGS)
    return False
