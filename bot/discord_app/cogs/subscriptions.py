"""Opt-in notifications: members subscribe to the "Stories" and "Events" roles (/abo or the button
under posts); a new story pings exactly the stories role, an event announcement and its reminders
the events role, and nothing else is ever pinged.

The roles are found by name (``notifications.*_role``) and created at start when missing and the
bot may (Manage Roles). Members' roles live in Discord; the bot stores nothing about who subscribed.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.discord_app.checks import member_lang
from bot.discord_app.render import NO_PINGS
from bot.messages import msg

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot

log = logging.getLogger(__name__)
KINDS = ("stories", "events")


def _only(role_id: int) -> tuple[str, discord.AllowedMentions]:
    """A role's mention, and mentions that allow exactly that role and nothing else."""
    return f"<@&{role_id}>", discord.AllowedMentions(everyone=False, users=False, roles=[discord.Object(role_id)],
                                                     replied_user=False)


class SubscribeButton(discord.ui.DynamicItem[discord.ui.Button],  # type: ignore[type-arg]
                      template=r"scs:sub:(?P<kind>stories|events)"):
    """Subscribe or unsubscribe; the kind is in the custom id, so the button works across restarts."""

    def __init__(self, kind: str, label: str | None = None):
        super().__init__(discord.ui.Button(label=label or kind, emoji="🔔", style=discord.ButtonStyle.secondary,
                                           custom_id=f"scs:sub:{kind}"))
        self.kind = kind

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,  # type: ignore[type-arg]
                             match: re.Match[str]) -> SubscribeButton:
        return cls(match["kind"], item.label)

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        cog = interaction.client.get_cog("Subscriptions")  # type: ignore[attr-defined]
        if cog is not None:
            await cog.toggle(interaction, self.kind)


class Subscriptions(commands.Cog):
    def __init__(self, bot: CommunityBot):
        self.bot = bot
        self.settings = bot.config.notifications
        self.role_ids: dict[str, int] = {}

    def name_of(self, kind: str) -> str:
        return self.settings.stories_role if kind == "stories" else self.settings.events_role

    # --- used by the stories and events cogs ---------------------------------------------
    def ping(self, kind: str) -> tuple[str | None, discord.AllowedMentions]:
        """The mention to put in a post of ``kind`` and mentions that allow exactly that role."""
        role_id = self.role_ids.get(kind)
        return _only(role_id) if role_id else (None, NO_PINGS)

    def ping_named(self, name: str) -> tuple[str | None, discord.AllowedMentions]:
        """A feed's own role (by name or id): its mention and mentions that allow exactly it."""
        guild = self.bot.get_guild(self.bot.config.discord.guild_id) if self.bot.config.discord.guild_id else None
        role = None
        if guild is not None:
            role = guild.get_role(int(name)) if name.isdigit() else \
                next((r for r in guild.roles if r.name.casefold() == name.casefold()), None)
        if role is None:
            log.warning("feeds: no role '%s' on the server; the story goes out without a ping", name)
            return None, NO_PINGS
        return _only(role.id)

    def view(self, kind: str, lang: str) -> discord.ui.View | None:
        """The 🔔 button under a post (only when the role exists)."""
        if kind not in self.role_ids:
            return None
        view = discord.ui.View(timeout=None)
        view.add_item(SubscribeButton(kind, msg(f"sub_button_{kind}", lang)))
        return view

    # --- the roles ---------------------------------------------------------------------
    @commands.Cog.listener()
    async def on_ready(self) -> None:
        await self.ensure_roles()

    async def ensure_roles(self) -> None:
        guild = self.bot.get_guild(self.bot.config.discord.guild_id) if self.bot.config.discord.guild_id else None
        if guild is None or guild.me is None:
            return
        for kind in KINDS:
            name = self.name_of(kind).strip()
            if not name:
                continue
            role = next((r for r in guild.roles if r.name.casefold() == name.casefold()), None)
            if role is None and self.settings.create_roles:
                if not guild.me.guild_permissions.manage_roles:
                    log.warning("notifications: no role '%s' and no Manage Roles permission to create it; "
                                "create it by hand or give the bot Manage Roles", name)
                    continue
                try:
                    role = await guild.create_role(name=name, mentionable=True,
                                                   reason="Opt-in notifications (members subscribe with /abo)")
                    log.info("notifications: created the role '%s'", name)
                except discord.HTTPException as exc:
                    log.warning("notifications: could not create the role '%s': %s", name, exc)
                    continue
            if role is not None:
                self.role_ids[kind] = role.id

    # --- members ---------------------------------------------------------------------------
    def _lang(self, interaction: discord.Interaction) -> str:
        return member_lang(interaction, self.bot.config.language)

    async def toggle(self, interaction: discord.Interaction, kind: str) -> None:
        lang = self._lang(interaction)
        guild = interaction.guild
        role = guild.get_role(self.role_ids.get(kind, 0)) if guild is not None else None
        member = interaction.user
        if role is None or not isinstance(member, discord.Member):
            await interaction.response.send_message(msg("sub_unavailable", lang), ephemeral=True,
                                                    allowed_mentions=NO_PINGS)
            return
        subscribed = any(r.id == role.id for r in member.roles)
        try:
            if subscribed:
                await member.remove_roles(role, reason="unsubscribed (opt-in notifications)")
            else:
                await member.add_roles(role, reason="subscribed (opt-in notifications)")
        except discord.HTTPException as exc:
            log.warning("notifications: could not change the role '%s' of a member: %s", role.name, exc)
            await interaction.response.send_message(msg("sub_failed", lang), ephemeral=True,
                                                    allowed_mentions=NO_PINGS)
            return
        key = "sub_removed" if subscribed else "sub_added"
        await interaction.response.send_message(msg(key, lang, what=msg(f"sub_what_{kind}", lang)), ephemeral=True,
                                                allowed_mentions=NO_PINGS)

    @app_commands.command(name=_("abo"),
                          description=_("Benachrichtigungen zu Stories und Terminen an- oder abbestellen"))
    @app_commands.guild_only()
    async def subscribe(self, interaction: discord.Interaction) -> None:
        lang = self._lang(interaction)
        if not self.role_ids:
            await interaction.response.send_message(msg("sub_unavailable", lang), ephemeral=True,
                                                    allowed_mentions=NO_PINGS)
            return
        member_roles = {r.id for r in getattr(interaction.user, "roles", [])}
        lines = [msg("sub_intro", lang)]
        view = discord.ui.View(timeout=None)
        for kind, role_id in self.role_ids.items():
            state = msg("sub_on" if role_id in member_roles else "sub_off", lang)
            lines.append(f"• {msg(f'sub_what_{kind}', lang)}: {state}")
            view.add_item(SubscribeButton(kind, msg(f"sub_toggle_{kind}", lang)))
        await interaction.response.send_message("\n".join(lines), view=view, ephemeral=True,
                                                allowed_mentions=NO_PINGS)


async def setup(bot: CommunityBot) -> None:
    await bot.add_cog(Subscriptions(bot))
