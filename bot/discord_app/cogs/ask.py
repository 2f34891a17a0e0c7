"""Questions in chat (mentions, DMs, Q&A channels) and the /frage, /kommunen, /timeline,
/hilfe commands. Matching and wording live in ``bot.answers``; this only routes and sends."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections import deque
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands, tasks

from bot.answers import Answer
from bot.conversation import AnsweredMessages, Conversations, Posted, is_chit_chat, missed
from bot.cooldown import Cooldown, Verdict
from bot.discord_app.checks import member_lang
from bot.discord_app.render import NO_PINGS, messages
from bot.messages import msg
from bot.outbox import Outbox

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot

log = logging.getLogger(__name__)
CATCH_UP = dt.timedelta(minutes=2)  # after a reconnect: questions this young without an answer are answered
SEEN = 2000  # message ids handled recently (answered or left alone on purpose), in memory only


def reply_nonce(question_id: int, part: int) -> str:
    """The nonce of part ``part`` of the answer to a question: the same on every retry, so
    Discord shows a reply that did arrive only once (at most 25 characters)."""
    return f"a{question_id}-{part}"[:25]


def transient(exc: BaseException) -> bool:
    """Failures that pass: Discord's 5xx and 429 (after discord.py's own retries), a dropped connection."""
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 or exc.status == 429
    return isinstance(exc, aiohttp.ClientError | asyncio.TimeoutError | ConnectionError | discord.ConnectionClosed)


TRASH = ("🗑️", "🗑")  # with and without the variation selector


class Ask(commands.Cog):
    def __init__(self, bot: CommunityBot):
        self.bot = bot
        settings = bot.config.discord
        # One public answer per member per period, whether asked in chat, by a button or a slash
        # command: the same button clicked five times or /kommunen five times is answered once.
        self.cooldown = Cooldown(settings.cooldown_seconds)
        self.conversations = Conversations()  # per channel and member, in memory, ten minutes
        self.answered = AnsweredMessages()  # question -> answer, in memory for a few minutes
        self.qa_channels = set(settings.qa_channels)
        self.outbox = Outbox()
        self.seen: deque[int] = deque(maxlen=SEEN)

    async def cog_load(self) -> None:
        self.retry_replies.start()

    async def cog_unload(self) -> None:
        self.retry_replies.cancel()

    @tasks.loop(seconds=1.0)
    async def retry_replies(self) -> None:
        if len(self.outbox):
            sent = await self.outbox.run_due(transient)
            if sent:
                log.info("sent %d delayed answer(s)", sent)

    # --- chat ----------------------------------------------------------------------------
    def _addressed(self, message: discord.Message) -> bool:
        settings = self.bot.config.discord
        if message.guild is None:
            return settings.answer_dms
        if settings.guild_id and message.guild.id != settings.guild_id:
            return False
        if message.channel.id in self.qa_channels:
            return True
        # A thread whose parent is a Q&A channel, and a post in a forum listed as one, is a Q&A channel too.
        parent = getattr(message.channel, "parent_id", None)
        if parent is not None and parent in self.qa_channels:
            return True
        me = self.bot.user
        return settings.answer_mentions and me is not None and any(u.id == me.id for u in message.mentions)

    def _chit_chat(self, message: discord.Message, question: str) -> bool:
        """Talk in a Q&A channel that is not addressed to the bot: a reply to another member, or a
        short line that asks nothing. A mention, a DM or a reply to the bot is always addressed."""
        me = self.bot.user
        if message.guild is None or (me is not None and any(u.id == me.id for u in message.mentions)):
            return False
        reference = message.reference.resolved if message.reference is not None else None
        if isinstance(reference, discord.Message):
            return me is None or reference.author.id != me.id
        return is_chit_chat(question)

    def _strip_mention(self, content: str) -> str:
        me = self.bot.user
        if me is None:
            return content
        return re.sub(rf"<@!?{me.id}>", " ", content).strip()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or not self._addressed(message) or not self._may(message)[0]:
            return
        self.seen.append(message.id)
        question = self._strip_mention(message.content)
        default = self.bot.config.language
        verdict = self.cooldown.hit(message.author.id)
        if verdict is Verdict.IGNORE:
            return
        if verdict is Verdict.WARN:
            lang = self.bot.core.answerer.language_of(question, default)
            seconds = f"{self.bot.config.discord.cooldown_seconds:g}"
            await message.reply(msg("slow_down", lang, seconds=seconds), allowed_mentions=NO_PINGS,
                                mention_author=False)
            return
        if not question:
            lang = self.bot.config.language
            await message.reply(msg("empty_question", lang), allowed_mentions=NO_PINGS, mention_author=False)
            return
        # In a Q&A channel the bot answers questions, not every line: "ok", "haha 😂" or a member
        # replying to another member get no public "I don't know" (and are not logged as unanswered).
        chatter = self._chit_chat(message, question)
        key = (message.channel.id, message.author.id)
        # A reply to one of the bot's answers continues that answer's topic, whoever replies;
        # otherwise the member's own last question in this channel (both kept ten minutes).
        replied = message.reference.message_id if message.reference is not None else None
        context = (self.conversations.get(message.channel.id, replied) if replied else None) \
            or self.conversations.get(*key)
        answer = self.bot.core.ask(question, default_lang=default, context=context, log_fallback=not chatter)
        if chatter and answer.intent is None:
            return
        self.conversations.put(*key, answer.context)
        try:
            await self._reply(message, answer)
        except Exception as exc:
            if not transient(exc):
                raise
            # A 429 storm, an outage, a dropped connection: try again for a few minutes.
            log.info("answer to %s delayed (%s); retrying", message.id, exc)
            self.outbox.add(message.id, lambda: self._reply(message, answer))

    @staticmethod
    def _may(message: discord.Message) -> tuple[bool, bool]:
        """(may write here, may embed links here). In DMs both; in a server the bot's permissions
        in the channel (a thread needs "send in threads")."""
        guild = message.guild
        if guild is None or guild.me is None:
            return True, True
        perms = message.channel.permissions_for(guild.me)  # type: ignore[union-attr]
        in_thread = isinstance(message.channel, discord.Thread)
        write = perms.send_messages_in_threads if in_thread else perms.send_messages
        return bool(perms.view_channel and write), bool(perms.embed_links)

    async def _reply(self, message: discord.Message, answer: Answer) -> int | None:
        """Post the answer; return the id of its first message. Without Embed Links in the
        channel, lists and the timeline come as plain text; where the bot may not write, nothing
        is tried (the permission self-check has told the moderators)."""
        write, embed = self._may(message)
        if not write:
            log.debug("not answering in channel %s: no permission to write there", message.channel.id)
            return None
        first = None
        try:
            for i, kwargs in enumerate(messages(answer, plain=not embed)):
                nonce = reply_nonce(message.id, i)
                if i == 0:
                    first = (await message.reply(mention_author=False, nonce=nonce, **kwargs)).id
                else:
                    await message.channel.send(nonce=nonce, **kwargs)
        except discord.Forbidden as exc:
            log.warning("could not answer in channel %s: %s", message.channel.id, exc.text or exc.status)
        if first is not None:
            self.conversations.put(message.channel.id, first, answer.context)
            self.answered.remember(message.id, message.channel.id, first, message.author.id)
        return first

    # --- after a reconnect ---------------------------------------------------------------
    @commands.Cog.listener()
    async def on_ready(self) -> None:
        await self.catch_up()

    def _done(self, message_id: int) -> bool:
        """Answered, waiting in the outbox, or handled (perhaps left alone on purpose) already."""
        return message_id in self.seen or message_id in self.outbox or \
            self.answered.by_question(message_id) is not None

    async def catch_up(self) -> int:
        """After a (non-resumable) reconnect Discord does not replay what was said meanwhile:
        read each Q&A channel's recent history and answer the questions younger than two minutes
        that have no answer yet (none twice: answered, pending and handled ids are known, and the
        bot's own replies in the history are checked)."""
        me = self.bot.user
        cutoff = discord.utils.utcnow() - CATCH_UP
        handled = 0
        for channel_id in sorted(self.qa_channels):
            channel = self.bot.get_channel(channel_id)
            if not isinstance(channel, discord.TextChannel) or me is None:
                continue
            perms = channel.permissions_for(channel.guild.me)
            if not (perms.read_message_history and perms.send_messages):
                continue
            try:
                recent = {m.id: m async for m in channel.history(limit=50)}
            except discord.HTTPException as exc:
                log.info("catch-up: could not read channel %s: %s", channel_id, exc)
                continue
            history = [Posted(m.id, m.author.id, m.author.bot, m.created_at,
                              m.reference.message_id if m.reference is not None else None) for m in recent.values()]
            for message_id in missed(history, me.id, cutoff, self._done):
                handled += 1
                await self.on_message(recent[message_id])
        if handled:
            log.info("catch-up: answered %d question(s) asked while disconnected", handled)
        return handled

    # --- edits, deletions, 🗑️ ------------------------------------------------------------
    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """A question edited within a few minutes gets its answer edited to fit the new text."""
        known = self.answered.by_question(payload.message_id)
        content = payload.data.get("content")
        if known is None or not isinstance(content, str):
            return
        channel_id, answer_id, _asker = known
        question = self._strip_mention(content)
        if not question:
            return
        answer = self.bot.core.ask(question, default_lang=self.bot.config.language)
        channel_obj = self.bot.get_channel(channel_id)
        guild = getattr(channel_obj, "guild", None)
        plain = bool(guild and guild.me and not channel_obj.permissions_for(guild.me).embed_links)  # type: ignore[union-attr]
        kwargs = messages(answer, plain=plain)[0]
        kwargs.setdefault("content", None)  # a plain answer edited into a list (or back) loses the old form
        kwargs.setdefault("embeds", [])
        kwargs.pop("nonce", None)
        kwargs.pop("enforce_nonce", None)
        channel = self.bot.get_partial_messageable(channel_id)
        try:
            await channel.get_partial_message(answer_id).edit(**kwargs)
        except discord.HTTPException as exc:
            log.info("could not edit the answer to an edited question: %s", exc)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """A deleted question takes its answer with it."""
        known = self.answered.forget_question(payload.message_id)
        if known is not None:
            await self._delete(known[0], known[1])

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        """🗑️ on one of the bot's answers removes it – if the asker or a moderator adds it."""
        if str(payload.emoji) not in TRASH:
            return
        known = self.answered.by_answer(payload.message_id)
        if known is None:
            return
        question_id, asker = known
        roles = {r.id for r in getattr(payload.member, "roles", [])}
        if payload.user_id != asker and not roles & set(self.bot.config.roles.moderators):
            return
        self.answered.forget_question(question_id)
        await self._delete(payload.channel_id, payload.message_id)

    async def _delete(self, channel_id: int, message_id: int) -> None:
        try:
            await self.bot.get_partial_messageable(channel_id).get_partial_message(message_id).delete()
        except discord.HTTPException as exc:
            log.info("could not delete an answer: %s", exc)

    # --- interactions --------------------------------------------------------------------
    async def respond(self, interaction: discord.Interaction, answer: Answer, *, ephemeral: bool = False) -> None:
        if not ephemeral:
            verdict = self.cooldown.hit(interaction.user.id)  # the same cooldown as chat messages
            if verdict is not Verdict.ANSWER:  # only the member sees the note; nobody else sees anything
                seconds = f"{self.bot.config.discord.cooldown_seconds:g}"
                await interaction.response.send_message(msg("slow_down", self._lang(interaction), seconds=seconds),
                                                        ephemeral=True, allowed_mentions=NO_PINGS)
                return
        plain = not interaction.app_permissions.embed_links
        for i, kwargs in enumerate(messages(answer, plain=plain)):
            kwargs: dict[str, Any]  # type: ignore[no-redef]
            if i == 0 and not interaction.response.is_done():
                await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
            else:
                await interaction.followup.send(ephemeral=ephemeral, **kwargs)

    def _lang(self, interaction: discord.Interaction) -> str:
        return member_lang(interaction, self.bot.config.language)

    @app_commands.command(name=_("frage"), description=_("Stell dem Bot eine Frage zu Smart Cities Südwestfalen"))
    @app_commands.describe(frage=_("Deine Frage"))
    @app_commands.rename(frage=_("frage"))
    async def ask(self, interaction: discord.Interaction, frage: app_commands.Range[str, 1, 1000]) -> None:
        key = (interaction.channel_id or 0, interaction.user.id)
        answer = self.bot.core.ask(frage, default_lang=self._lang(interaction), context=self.conversations.get(*key))
        self.conversations.put(*key, answer.context)
        await self.respond(interaction, answer)

    @app_commands.command(
        name=_("kommunen"), description=_("Welche Kommunen machen mit? Optional: ist eine bestimmte Stadt dabei?")
    )
    @app_commands.describe(stadt=_("Eine Stadt oder Gemeinde (optional)"))
    @app_commands.rename(stadt=_("stadt"))
    async def towns(
        self, interaction: discord.Interaction, stadt: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        answer = self.bot.core.answerer.groups_answer(self._lang(interaction), stadt)
        await self.respond(interaction, answer)

    @towns.autocomplete("stadt")
    async def towns_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        names = self.bot.core.answerer.town_names(current)
        return [app_commands.Choice(name=n, value=n) for n in names[:25]]

    @app_commands.command(
        name=_("timeline"), description=_("Die Timeline der Initiative: Überblick, Zuletzt oder Als Nächstes")
    )
    @app_commands.describe(ansicht=_("Was soll angezeigt werden?"))
    @app_commands.rename(ansicht=_("ansicht"))
    @app_commands.choices(ansicht=[
        app_commands.Choice(name=_("Überblick"), value="overview"),
        app_commands.Choice(name=_("Als Nächstes"), value="next"),
        app_commands.Choice(name=_("Zuletzt"), value="latest"),
    ])
    async def timeline(self, interaction: discord.Interaction, ansicht: str = "overview") -> None:
        await self.respond(interaction, self.bot.core.answerer.timeline_answer(ansicht, self._lang(interaction)))

    @app_commands.command(name=_("hilfe"), description=_("Worauf kann der Bot antworten?"))
    async def help(self, interaction: discord.Interaction) -> None:
        await self.respond(interaction, self.bot.core.answerer.help_answer(self._lang(interaction)), ephemeral=True)

    async def answer_suggestion(self, interaction: discord.Interaction, intent: str, lang: str) -> None:
        answer = self.bot.core.answerer.answer_intent(intent, lang)
        if answer is None:
            await interaction.response.send_message(msg("suggestion_gone", lang), ephemeral=True,
                                                    allowed_mentions=NO_PINGS)
            return
        await self.respond(interaction, answer)


async def setup(bot: CommunityBot) -> None:
    await bot.add_cog(Ask(bot))
