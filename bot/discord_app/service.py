"""Run the Discord bot until SIGINT/SIGTERM, with the optional health endpoint."""

from __future__ import annotations

import asyncio
import logging
import signal

import aiohttp
import discord

from bot.config import Config
from bot.core import Core
from bot.discord_app.client import CommunityBot
from bot.health import start_health
from bot.knowledge_source import KnowledgeSource
from bot.metrics import DiscordRateLimits
from bot.storage import Storage
from bot.web import WebApp, start_web

log = logging.getLogger("bot")
RETRY_FIRST, RETRY_MAX = 2.0, 60.0  # seconds between tries while Discord cannot be reached


async def wait_for_discord(api_base: str, stop: asyncio.Event) -> bool:
    """Until Discord's API answers (any HTTP answer below 500): a network that is not up yet or an
    outage at start is one log line and a retry with backoff, not a traceback. False: stopped."""
    delay = RETRY_FIRST
    first = True
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
        while not stop.is_set():
            try:
                async with http.get(api_base.rstrip("/") + "/gateway") as response:
                    if response.status < 500:
                        if not first:
                            log.info("Discord is reachable again")
                        return True
                    reason = f"HTTP {response.status}"
            except (aiohttp.ClientError, OSError, TimeoutError) as exc:
                reason = str(exc) or type(exc).__name__
            (log.warning if first else log.info)(
                "Discord is unreachable (%s): trying again in %g s", reason.splitlines()[0][:200], delay)
            first = False
            try:
                await asyncio.wait_for(stop.wait(), delay)
            except TimeoutError:
                pass
            delay = min(delay * 2, RETRY_MAX)
    return False


async def serve(core: Core, config: Config, token: str, source: KnowledgeSource) -> int:
    storage = Storage(config.storage.path)
    bot = CommunityBot(core, config, storage, source)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    health = web_runner = None
    code = 0
    rate_limits = DiscordRateLimits(core.metrics)  # discord.py only logs the 429s it waits out
    logging.getLogger("discord.http").addHandler(rate_limits)
    try:
        if config.health.enabled:
            health = await start_health(core, config.health.host, config.health.port, bot.status)
            log.info("health endpoint on http://%s:%d/healthz", config.health.host, config.health.port)
        if config.web.enabled:  # the chat page in this process: same knowledge, same reloads, same database
            web_runner = await start_web(WebApp(core, config.web, storage=storage, status=bot.status),
                                         config.web.host, config.web.port)
            log.info("chat page on http://%s:%d/", config.web.host, config.web.port)
        if not await wait_for_discord(config.discord.api_base, stop):
            log.info("shutting down")
            return 0
        runner = asyncio.create_task(bot.start(token, reconnect=True))
        stopper = asyncio.create_task(stop.wait())
        await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if runner.done() and runner.exception() is not None:
            error = runner.exception()
            if isinstance(error, discord.LoginFailure):
                log.error("Discord rejected the token (DISCORD_TOKEN): %s", error)
            else:
                log.error("the bot stopped: %s", error, exc_info=error)
            code = 1
        else:
            log.info("shutting down")
        stopper.cancel()
    finally:
        await bot.close()
        if health is not None:
            await health.cleanup()
        if web_runner is not None:
            await web_runner.cleanup()
        storage.close()
        logging.getLogger("discord.http").removeHandler(rate_limits)
        log.info("stopped")
    return code
