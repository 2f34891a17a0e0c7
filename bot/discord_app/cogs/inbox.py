"""The unanswered inbox in Discord: a digest in the moderators' channel every ``kb.digest_days``
(and the same menus under ``/kb unanswered``). Each question gets a menu: its three most likely
topics, "new topic …" and "ignore"; a choice teaches it or drops it, and it leaves the list.
The work is done by ``bot.moderation.inbox`` and the /kb cog's teaching."""

from __future__ import annotations

import logging
import math
import re
from typing import TYPE_CHECKING

import discord
from discord.ext import commands, tasks

from bot.discord_app.checks import member_lang, reply_private, require_roles
from bot.discord_app.kb_edit_ui import TopicModal
from bot.discord_app.render import NO_PINGS
from bot.messages import msg
from bot.moderation.inbox import DigestSchedule, InboxItem, digest_text, inbox

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot

log = logging.getLogger(__name__)


class InboxSelect(discord.ui.DynamicItem[discord.ui.Select],  # type: ignore[type-arg]
                  template=r"scs:inbox:(?P<key>\d+)"):
    """One question's menu; the question's key is in the custom id, so it works across restarts."""

    def __init__(self, key: int, options: list[discord.SelectOption] | None = None, placeholder: str | None = None):
        super().__init__(discord.ui.Select(custom_id=f"scs:inbox:{key}", placeholder=placeholder,
                                           options=options or [discord.SelectOption(label="…", value="ignore")]))
        self.key = key

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Select,  # type: ignore[type-arg]
                             match: re.Match[str]) -> InboxSelect:
        return cls(int(match["key"]), list(item.options), item.placeholder)

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        values = (interaction.data or {}).get("values") or []  # type: ignore[union-attr]
        cog = interaction.client.get_cog("Inbox")  # type: ignore[attr-defined]
        if cog is not None and values:
            await cog.choose(interaction, self.key, str(values[0]))


class Inbox(commands.Cog):
    def __init__(self, bot: CommunityBot):
        self.bot = bot
        self.settings = bot.config.kb
        self.schedule = DigestSchedule(bot.storage, self.settings.digest_days)

    async def cog_load(self) -> None:
        if self.settings.digest_days > 0:
            self.digest.change_interval(seconds=min(60.0, max(self.settings.digest_days * 86400 / 4, 0.2)))
            self.digest.start()

    async def cog_unload(self) -> None:
        self.digest.cancel()

    # --- the menus -----------------------------------------------------------------------
    def view_of(self, items: list[InboxItem], lang: str) -> discord.ui.View | None:
        if not items:
            return None
        view = discord.ui.View(timeout=None)
        for n, item in enumerate(items, 1):
            options = [discord.SelectOption(label=f"→ {title}"[:100], value=f"t:{intent}"[:100], description=intent)
                       for intent, title in item.candidates]
            options.append(discord.SelectOption(label=msg("inbox_new", lang), value="new"))
            options.append(discord.SelectOption(label=msg("inbox_ignore", lang), value="ignore"))
            view.add_item(InboxSelect(item.key, options, f"{n}. „{item.question}“"[:150]))
        return view

    def items_and_view(self, lang: str, days: int) -> tuple[list[InboxItem], discord.ui.View | None]:
        items = inbox(self.bot.unanswered, self.bot.core.answerer, lang, days, self.settings.digest_items)
        return items, self.view_of(items, lang)

    async def choose(self, interaction: discord.Interaction, key: int, value: str) -> None:
        if not await require_roles(interaction, self.bot.config.roles.moderators, self.bot.config.language):
            return
        lang = member_lang(interaction, self.bot.config.language)
        question = self.bot.unanswered.question_of(key)
        if question is None:
            text = msg("inbox_gone", lang)
        elif value.startswith("t:"):
            await interaction.response.defer(ephemeral=True, thinking=True)
            kb = self.bot.get_cog("KnowledgeAdmin")
            text = await kb.teach_question(interaction, question, value[2:])  # type: ignore[union-attr]
        elif value == "ignore":
            self.bot.unanswered.forget(question)
            await self.bot.audit(interaction.user, "inbox.ignore", f"„{question}“")
            text = msg("inbox_ignored", lang, question=question)
        else:  # a new topic, with this question as its first example: a form, then the usual preview
            await interaction.response.send_modal(TopicModal(self.bot, question, lang))
            return
        await reply_private(interaction, text[:2000])

    # --- the digest ------------------------------------------------------------------------
    @tasks.loop(seconds=60)
    async def digest(self) -> None:
        try:
            if self.schedule.due():
                await self.post_digest()
                self.schedule.mark()
        except Exception:  # the loop must go on
            log.exception("the unanswered digest failed")

    @digest.before_loop
    async def before_digest(self) -> None:
        await self.bot.wait_until_ready()

    async def post_digest(self) -> None:
        lang = self.bot.config.language
        days = max(1, math.ceil(self.settings.digest_days))
        items, view = self.items_and_view(lang, days)
        if not items:
            log.info("unanswered digest: nothing unanswered in the last %d days", days)
            return
        channel = self.bot.get_channel(self.bot.config.channels.moderators) if self.bot.config.channels.moderators \
            else None
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("unanswered digest not posted: channels.moderators is not set or unknown")
            return
        await channel.send(digest_text(items, days, lang)[:2000], view=view, allowed_mentions=NO_PINGS)  # type: ignore[arg-type]
        log.info("posted the unanswered digest (%d questions)", len(items))


async def setup(bot: CommunityBot) -> None:
    await bot.add_cog(Inbox(bot))
