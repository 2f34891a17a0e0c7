"""The discord.py Bot subclass: settings, extensions, command sync, health status.

Modelled on discord.py's ``examples/advanced_startup.py``: an explicit extension list and
everything that needs the network in ``setup_hook``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot import channel_needs
from bot.answers import Answerer
from bot.clock import berlin_today
from bot.config import Config, missing_ids
from bot.core import Core
from bot.discord_app.render import NO_PINGS, SuggestionButton
from bot.discord_app.translator import Translator
from bot.knowledge_source import KnowledgeSource
from bot.layout import CONTENT_LIMIT, split_text
from bot.messages import msg
from bot.moderation import kb_reports
from bot.moderation.audit import AuditLog
from bot.moderation.stats import QuestionStats
from bot.moderation.unanswered import UnansweredLog
from bot.reloader import Reloader, ReloadResult
from bot.state import attach_state
from bot.storage import Storage

log = logging.getLogger(__name__)

EXTENSIONS = ("bot.discord_app.cogs.ask", "bot.discord_app.cogs.kb", "bot.discord_app.cogs.stories",
              "bot.discord_app.cogs.events", "bot.discord_app.cogs.subscriptions", "bot.discord_app.cogs.inbox",
              "bot.discord_app.cogs.feeds")


def use_api_base(api_base: str) -> None:
    """Send every REST call (including interaction callbacks and webhooks) to ``api_base``."""
    Route.BASE = api_base.rstrip("/")


# The bot has no voice features: no warning about PyNaCl or davey at every start.
discord.VoiceClient.warn_nacl = False
if hasattr(discord.VoiceClient, "warn_dave"):
    discord.VoiceClient.warn_dave = False  # type: ignore[attr-defined]


class CommunityBot(commands.Bot):
    def __init__(self, core: Core, config: Config, storage: Storage, source: KnowledgeSource):
        intents = discord.Intents.default()
        intents.message_content = True  # questions in Q&A channels are plain messages
        super().__init__(
            command_prefix=commands.when_mentioned,  # unused: on_message below handles no prefix commands
            intents=intents,
            allowed_mentions=NO_PINGS,
            help_command=None,
        )
        use_api_base(config.discord.api_base)
        self.core = core
        self.config = config
        self.storage = storage
        self.gateway_connected = False
        self.unanswered = UnansweredLog(storage, config.kb.unanswered_retention_days, berlin_today)
        core.on_fallback.append(lambda answer, source: self.unanswered.record(answer.question))
        self.audit_log = AuditLog(storage)
        self.stats = QuestionStats(storage, berlin_today)
        core.on_answer.append(lambda answer, source: self.stats.record(source, answer.lang, answer.intent))
        self.reloader = Reloader(
            core, source, lambda k: Answerer(k, default_lang=config.language), notify=self._knowledge_changed
        )
        attach_state(core, self.reloader, storage)
        self._watch: asyncio.Task[None] | None = None
        self._reported_missing: list[channel_needs.Missing] | None = None  # what was last reported

    async def login(self, token: str) -> None:
        await super().login(token)
        # discord.py would connect to the public gateway; ask the configured API where it is.
        _, url, _ = await self.http.get_bot_gateway()
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        from bot.discord_app.cogs.inbox import InboxSelect
        from bot.discord_app.cogs.subscriptions import SubscribeButton

        self.add_dynamic_items(SuggestionButton, SubscribeButton, InboxSelect)
        await self.tree.set_translator(Translator())
        self.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]
        guild_id = self.config.discord.guild_id
        if guild_id:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        else:
            log.warning("config: discord.guild_id is 0; syncing commands globally (Discord may take an hour)")
            synced = await self.tree.sync()
        log.info("synced %d slash commands", len(synced))
        self.unanswered.purge()
        if self.config.kb.reload_seconds > 0:
            self._watch = asyncio.create_task(self.reloader.watch(self.config.kb.reload_seconds))

    async def close(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
        await super().close()

    async def post_moderators(self, text: str) -> None:
        """A note in the moderators' channel (if configured), split within Discord's limits."""
        channel_id = self.config.channels.moderators
        channel = self.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("not posted (channels.moderators is not set or unknown): %s", text.splitlines()[0])
            return
        for piece in split_text(text, CONTENT_LIMIT):
            try:
                await channel.send(piece, allowed_mentions=NO_PINGS)
            except discord.HTTPException as exc:
                log.warning("could not post to the moderators' channel: %s", exc)
                return

    async def audit(self, user: discord.abc.User, action: str, detail: str) -> None:
        """Record a staff or moderator action (who, what, when) and say so in the moderators' channel."""
        entry = self.audit_log.record(user.id, getattr(user, "display_name", None) or user.name, action, detail)
        log.info("audit: %s %s", action, detail)
        await self.post_moderators("🧾 " + entry.line())

    async def _knowledge_changed(self, kind: str, result: ReloadResult) -> None:
        lang = self.config.language
        if kind == "loaded":
            await self.post_moderators(kb_reports.loaded_text(self.core.answerer.knowledge, lang))
        elif kind == "clear":
            await self.post_moderators(msg("kb_all_clear", lang, version=self.core.version))
        else:
            await self.post_moderators(kb_reports.problems_text(result.problems, result.version, self.core.version,
                                                                lang, roots=self.config.knowledge))

    # --- events --------------------------------------------------------------------------
    async def on_message(self, message: discord.Message) -> None:
        """Chat is answered by the Ask cog's listener; there are no prefix commands to run."""

    async def on_ready(self) -> None:
        self.gateway_connected = True
        log.info("connected as %s (knowledge %s)", self.user, self.core.version)
        guild_id = self.config.discord.guild_id
        guild = self.get_guild(guild_id) if guild_id else None
        if guild_id and guild is None:
            log.warning("config: discord.guild_id = %d: the bot is not a member of this server", guild_id)
            return
        if guild is not None:
            channels = {c.id for c in guild.channels}
            roles = {r.id for r in guild.roles}
            for warning in missing_ids(self.config, channels, roles):
                log.warning(warning)
        if not self.config.channels.moderators:
            log.warning("config: channels.moderators is not set: reports for moderators (broken knowledge, missing "
                        "permissions) go only to this log. Set it to the id of the moderators' channel.")
        await self.check_permissions()

    # --- permission self-check -----------------------------------------------------------
    def permissions_in(self, channel_id: int) -> set[str] | None:
        """The bot's permissions in a channel (or server-wide for ``channel_needs.SERVER``) by
        discord.py name; None when the bot cannot see such a channel."""
        guild = self.get_guild(self.config.discord.guild_id) if self.config.discord.guild_id else None
        if guild is None or guild.me is None:
            return None
        if channel_id == channel_needs.SERVER:
            perms = guild.me.guild_permissions
        else:
            channel = guild.get_channel(channel_id)
            if channel is None:
                return None
            perms = channel.permissions_for(guild.me)
        return {name for name in channel_needs.NAMES if getattr(perms, name, False)}

    def missing_permissions(self) -> list[channel_needs.Missing]:
        needs = channel_needs.needs_of(self.config, events=self.get_cog("Events") is not None)
        return channel_needs.missing(needs, self.permissions_in)

    async def check_permissions(self) -> list[channel_needs.Missing]:
        """Report what the bot lacks once: one log line, and one message in the moderators'
        channel if it can write there. Nothing new to say: nothing said."""
        if not self.config.discord.guild_id or self.get_guild(self.config.discord.guild_id) is None:
            return []
        missing = self.missing_permissions()
        if missing == self._reported_missing:
            return missing
        self._reported_missing = missing
        if not missing:
            log.info("permissions: the bot has what it needs in every configured channel")
            return missing
        log.warning(channel_needs.log_line(missing))
        mods = self.config.channels.moderators
        if mods and not any(m.channel_id == mods for m in missing):
            await self.post_moderators(channel_needs.report(missing, self.config.language))
        return missing

    async def on_guild_channel_update(self, before: Any, after: Any) -> None:
        await self.check_permissions()

    async def on_guild_role_update(self, before: Any, after: Any) -> None:
        await self.check_permissions()

    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        if self.user is not None and after.id == self.user.id:
            await self.check_permissions()

    async def on_resumed(self) -> None:
        self.gateway_connected = True

    async def on_disconnect(self) -> None:
        self.gateway_connected = False

    async def on_suggestion(self, interaction: discord.Interaction, intent: str, lang: str) -> None:
        cog: Any = self.get_cog("Ask")
        await cog.answer_suggestion(interaction, intent, lang)

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        log.error("command %s failed", interaction.command and interaction.command.name, exc_info=error)
        lang = "en" if str(interaction.locale.value).startswith("en") else self.config.language
        try:
            if interaction.response.is_done():
                await interaction.followup.send(msg("error", lang), ephemeral=True)
            else:
                await interaction.response.send_message(msg("error", lang), ephemeral=True)
        except discord.HTTPException:
            pass

    def status(self) -> dict[str, Any]:
        """For /healthz and /metrics."""
        return {"gateway_connected": self.gateway_connected and not self.is_closed()}
