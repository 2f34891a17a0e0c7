"""/feeds: moderators add, pause, resume and remove feeds from Discord, as in MonitoRSS.

Feeds added here are stored in SQLite next to the config's (``bot.community.feeds``); each has
its channel, optional include/exclude keywords, a role to ping and a message template. Every
change is checked first (address, template), audited, and picked up by the next poll.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.community.feeds import FeedRoute, FeedRoutes, keywords, routes_text, template_problems
from bot.discord_app.checks import ModeratorReplies
from bot.messages import msg

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot


class Feeds(ModeratorReplies, commands.Cog):
    feeds = app_commands.Group(name=_("feeds"), description=_("Feeds verwalten (nur Moderation)"), guild_only=True,
                               default_permissions=discord.Permissions(manage_guild=True))

    def __init__(self, bot: CommunityBot):
        self.bot = bot
        self.routes = FeedRoutes(bot.storage, bot.config)

    @feeds.command(name=_("liste"), description=_("Alle Feeds mit Kanal, Filtern, Rolle und Zustand"))
    async def list_feeds(self, interaction: discord.Interaction) -> None:
        if await self._allowed(interaction):
            await self._send(interaction, routes_text(self.routes.all(), self._lang(interaction)))

    @feeds.command(name=_("hinzufuegen"), description=_("Einen Feed in einen Kanal leiten"))
    @app_commands.rename(url=_("adresse"), channel=_("kanal"), name=_("name"), include=_("enthaelt"),
                         exclude=_("ohne"), role=_("rolle"), template=_("vorlage"))
    @app_commands.describe(url=_("Adresse des RSS- oder Atom-Feeds (https://…)"), channel=_("Wohin die Stories gehen"),
                           include=_("Nur Stories mit einem dieser Wörter (durch Komma getrennt)"),
                           exclude=_("Keine Stories mit einem dieser Wörter (durch Komma getrennt)"),
                           role=_("Diese Rolle bei neuen Stories benachrichtigen"),
                           template=_("Nachricht mit {title} {link} {date} {summary} {image} {feed}"))
    async def add(self, interaction: discord.Interaction, url: app_commands.Range[str, 8, 500],
                  channel: discord.TextChannel, name: app_commands.Range[str, 1, 80] | None = None,
                  include: str | None = None, exclude: str | None = None, role: discord.Role | None = None,
                  template: app_commands.Range[str, 1, 1500] | None = None) -> None:
        if not await self._allowed(interaction):
            return
        lang = self._lang(interaction)
        template = (template or "").replace("\\n", "\n")  # a line break typed as \n in the command
        problems = [] if re.match(r"https?://[^\s/]+", url) else [msg("feeds_bad_url", lang, url=url[:100])]
        problems += template_problems(template)
        if problems:
            await self._send(interaction, msg("feeds_refused", lang, problems="\n".join(f"• {p}" for p in problems)))
            return
        route = FeedRoute(url.strip(), (name or "").strip(), channel.id, keywords(include), keywords(exclude),
                          str(role.id) if role else "", template, False, "discord")
        self.routes.add(route)
        await self._send(interaction, msg("feeds_added", lang, name=route.label, channel=channel.id))
        await self.bot.audit(interaction.user, "feeds.add", f"{route.label} → #{channel.name} ({route.url})")

    async def _set(self, interaction: discord.Interaction, feed: str, paused: bool) -> None:
        if not await self._allowed(interaction):
            return
        lang = self._lang(interaction)
        if not self.routes.set_paused(feed, paused):
            await self._send(interaction, msg("feeds_unknown", lang, feed=feed[:100]))
            return
        await self._send(interaction, msg("feeds_paused_done" if paused else "feeds_resumed_done", lang, feed=feed))
        await self.bot.audit(interaction.user, "feeds.pause" if paused else "feeds.resume", feed)

    @feeds.command(name=_("pausieren"), description=_("Einen Feed anhalten (nichts wird gepostet)"))
    @app_commands.rename(feed=_("feed"))
    async def pause(self, interaction: discord.Interaction, feed: str) -> None:
        await self._set(interaction, feed, True)

    @feeds.command(name=_("fortsetzen"), description=_("Einen angehaltenen Feed wieder posten lassen"))
    @app_commands.rename(feed=_("feed"))
    async def resume(self, interaction: discord.Interaction, feed: str) -> None:
        await self._set(interaction, feed, False)

    @feeds.command(name=_("entfernen"), description=_("Einen in Discord hinzugefügten Feed entfernen"))
    @app_commands.rename(feed=_("feed"))
    async def remove(self, interaction: discord.Interaction, feed: str) -> None:
        if not await self._allowed(interaction):
            return
        lang = self._lang(interaction)
        outcome = self.routes.remove(feed)
        await self._send(interaction, msg(f"feeds_remove_{outcome}", lang, feed=feed[:100]))
        if outcome == "removed":
            await self.bot.audit(interaction.user, "feeds.remove", feed)

    @pause.autocomplete("feed")
    @resume.autocomplete("feed")
    @remove.autocomplete("feed")
    async def feed_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        needle = current.casefold()
        return [app_commands.Choice(name=f"{r.label}"[:100], value=r.url[:100]) for r in self.routes.all()
                if needle in r.label.casefold() or needle in r.url.casefold()][:25]


async def setup(bot: CommunityBot) -> None:
    await bot.add_cog(Feeds(bot))
