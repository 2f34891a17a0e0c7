"""Posts new blog stories (``bot.community.stories`` does the fetching and bookkeeping) and /stories."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands, tasks

from bot.community.feeds import FeedRoutes, render, stories_answer
from bot.community.stories import Poller, Rejected, Story, StoryStore, safe_url
from bot.discord_app.checks import member_lang
from bot.discord_app.history import find_posted
from bot.discord_app.render import COLOUR, NO_PINGS

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot

log = logging.getLogger(__name__)


def story_embed(story: Story) -> discord.Embed:
    # A link Discord would reject (relative, javascript:, over 2,048 characters) is left out, not sent.
    embed = discord.Embed(title=story.title[:256], url=safe_url(story.link), description=story.summary[:4096] or None,
                          colour=COLOUR)
    if story.published:
        embed.timestamp = dt.datetime.fromisoformat(story.published)
    if safe_url(story.image):
        embed.set_image(url=story.image)
    return embed


class Stories(commands.Cog):
    def __init__(self, bot: CommunityBot):
        self.bot = bot
        settings = bot.config.stories
        self.channel_id = settings.channel or bot.config.channels.stories
        self.store = StoryStore(bot.storage)
        self.routes = FeedRoutes(bot.storage, bot.config)
        self.poller = Poller(self.store, self._feeds, self.send, notify=bot.post_moderators,
                             interval=settings.poll_minutes * 60, first_run_post=settings.first_run_post,
                             max_age_days=settings.max_age_days, max_per_poll=settings.max_per_poll,
                             confirm=self.find, accept=self.routes.accept)
        self.session: aiohttp.ClientSession | None = None

    async def cog_load(self) -> None:
        # Always polling: moderators may add feeds in Discord (/feeds) while the bot runs.
        self.session = aiohttp.ClientSession()
        self.poll.change_interval(minutes=self.bot.config.stories.poll_minutes)
        self.poll.start()
        if not self.channel_id and any(not r.channel for r in self.routes.all()):
            log.warning("config: a feed has no channel (stories.channel / channels.stories, or the route's channel)")

    async def cog_unload(self) -> None:
        self.poll.cancel()
        if self.session is not None:
            await self.session.close()

    @tasks.loop(minutes=10)
    async def poll(self) -> None:
        assert self.session is not None
        try:
            posted = await self.poller.poll(self.session)
        except Exception:  # a poll must never end the loop
            log.exception("story poll failed")
            return
        if posted:
            log.info("posted %d new stor%s", len(posted), "y" if len(posted) == 1 else "ies")

    @poll.before_loop
    async def before_poll(self) -> None:
        await self.bot.wait_until_ready()

    def _feeds(self) -> list[str]:
        """The active feeds that have a channel, read once per poll."""
        urls = self.routes.refresh()
        return [u for u in urls if self.routes.route_at(u).channel or self.channel_id]

    async def find(self, story: Story) -> int | None:
        """The message that already shows ``story`` (posted by a process that died before noting it)."""
        channel = self.bot.get_channel(self.routes.route_of(story).channel or self.channel_id)
        if not isinstance(channel, discord.TextChannel):
            return None
        return await find_posted(channel, story.nonce, link=safe_url(story.link), title=story.title[:256])

    async def send(self, story: Story) -> int:
        route = self.routes.route_of(story)
        channel_id = route.channel or self.channel_id
        channel = self.bot.get_channel(channel_id)
        if not isinstance(channel, discord.TextChannel):
            raise RuntimeError(f"the stories channel {channel_id} is not a text channel the bot can see")
        # The feed's role, else the stories opt-in role, is pinged – and nobody else.
        subscriptions = self.bot.get_cog("Subscriptions")
        mention, allowed = (subscriptions.ping_named(route.role) if route.role  # type: ignore[attr-defined]
                            else subscriptions.ping("stories")) if subscriptions else (None, NO_PINGS)  # type: ignore[attr-defined]
        view = subscriptions.view("stories", self.bot.config.language) if subscriptions else None  # type: ignore[attr-defined]
        text = render(route, story) if route.template else None  # the feed's template, else an embed
        content = "\n".join(filter(None, [mention, text]))[:2000] or None
        try:
            message = await channel.send(content=content, embed=None if text else story_embed(story),
                                         nonce=story.nonce, allowed_mentions=allowed, view=view)  # type: ignore[arg-type]
        except discord.HTTPException as exc:
            if 400 <= exc.status < 500 and exc.status != 429:
                raise Rejected(f"{exc.status} {exc.text or exc}") from exc
            raise
        if channel.is_news():
            try:
                await message.publish()
            except discord.HTTPException as exc:  # posted; only the crosspost failed
                log.warning("could not publish story %r: %s", story.title, exc)
        return message.id

    @app_commands.command(name=_("stories"), description=_("Die neuesten 5 Stories aus dem Blog"))
    async def stories(self, interaction: discord.Interaction) -> None:
        lang = member_lang(interaction, self.bot.config.language)
        cog = self.bot.get_cog("Ask")
        routes = self.routes.all()
        # several feeds: the latest of each, under its name
        answer = stories_answer(routes, self.store, lang) if len(routes) > 1 else \
            self.bot.core.answerer.stories_answer(lang)
        await cog.respond(interaction, answer)  # type: ignore[union-attr]


async def setup(bot: CommunityBot) -> None:
    await bot.add_cog(Stories(bot))
