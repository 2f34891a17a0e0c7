"""``python -m bot serve``: the chat page and ``POST /api/ask`` without Discord.

Needs no token and no config: without a config file it answers from the shipped
knowledge. With one (``--config``, or ``config.yaml`` if it exists) it uses its knowledge
paths, its ``web`` settings and its database, so the page also lists announced events and
the latest stories and unanswered questions reach the moderators' log. Knowledge edits are
picked up while it runs, as in the Discord bot.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import signal
import sys
from pathlib import Path

import aiohttp

from bot import memory
from bot.answers import Answerer
from bot.clock import berlin_today
from bot.community.feeds import FeedRoutes
from bot.community.stories import USER_AGENT, Poller, Story, StoryStore
from bot.config import Config, ConfigError, load_config
from bot.core import Core
from bot.knowledge_source import KnowledgeSource
from bot.loader import KnowledgeError
from bot.moderation.stats import QuestionStats
from bot.moderation.unanswered import UnansweredLog
from bot.reloader import Reloader, ReloadResult
from bot.run import setup_logging
from bot.state import attach_state
from bot.storage import Storage
from bot.understanding import compiled
from bot.web import WebApp, start_web

log = logging.getLogger("bot")


def serve(config_path: str | None, host: str | None, port: int | None, knowledge_default: str,
          log_level: str = "INFO") -> int:
    path = config_path or ("config.yaml" if Path("config.yaml").exists() else None)
    try:
        config = load_config(path) if path else Config(knowledge=[knowledge_default])
    except ConfigError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print(f"error: {path} has {len(exc.problems)} problem(s); the server did not start", file=sys.stderr)
        return 2
    web = dataclasses.replace(config.web, host=host or config.web.host, port=port if port is not None
                              else config.web.port)
    if path:  # with a config file, compiled knowledge is kept next to the state
        compiled.configure(Path(config.storage.path).parent / "compiled")
    source = KnowledgeSource(config.knowledge, config.kb.learned)
    try:
        knowledge = source.load()
    except KnowledgeError as exc:
        print("\n".join(str(p) for p in exc.problems), file=sys.stderr)
        print(f"error: the knowledge has {len(exc.problems)} problem(s) (python -m bot check); "
              "the server did not start", file=sys.stderr)
        return 1
    setup_logging(log_level)
    core = Core(Answerer(knowledge, default_lang=config.language))
    memory.give_back()  # what building the index freed
    reloader = Reloader(core, source, lambda k: Answerer(k, default_lang=config.language), notify=_log_reload)
    storage = Storage(config.storage.path) if path else None
    if storage is not None:
        attach_state(core, reloader, storage)
        unanswered = UnansweredLog(storage, config.kb.unanswered_retention_days, berlin_today)
        unanswered.purge()
        core.on_fallback.append(lambda answer, _source: unanswered.record(answer.question))
        stats = QuestionStats(storage, berlin_today)
        core.on_answer.append(lambda answer, source: stats.record(source, answer.lang, answer.intent))
    feeds = _feed_poller(config, storage)
    try:
        return asyncio.run(_serve(core, reloader, WebApp(core, web, storage=storage), web.host, web.port,
                                  config.kb.reload_seconds, feeds, config.stories.poll_minutes * 60))
    except OSError as exc:  # e.g. the port is taken
        print(f"error: cannot serve on {web.host}:{web.port}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        if storage is not None:
            storage.close()


async def _log_reload(kind: str, result: ReloadResult) -> None:
    if kind == "loaded":
        log.info("knowledge reloaded")
    else:
        log.warning("knowledge edit not loaded (%d problem(s)); still answering from the previous version",
                    len(result.problems))
        for problem in result.problems:
            log.warning("%s", problem)


def _feed_poller(config: Config, storage: Storage | None) -> Poller | None:
    """With a database and feeds, ``serve`` reads the feeds itself (recording, never posting), so
    a web-only deployment's page shows current stories – every active feed, with its filters."""
    if storage is None:
        return None
    routes = FeedRoutes(storage, config)
    if not routes.all():
        return None
    return Poller(StoryStore(storage), routes.refresh, _never_posted, interval=config.stories.poll_minutes * 60,
                  first_run_post=config.stories.first_run_post, max_age_days=config.stories.max_age_days,
                  accept=routes.accept)


async def _never_posted(story: Story) -> int:  # pragma: no cover - collect() never sends
    raise RuntimeError("serve does not post stories")


async def _poll_feeds(poller: Poller, seconds: float, stop: asyncio.Event) -> None:
    async with aiohttp.ClientSession(headers={"User-Agent": USER_AGENT}) as session:
        while not stop.is_set():
            try:
                await poller.collect(session)
            except Exception:  # one bad poll must not end the polling
                log.exception("polling the feeds failed")
            try:
                await asyncio.wait_for(stop.wait(), max(seconds, 1.0))
            except TimeoutError:
                pass


async def _serve(core: Core, reloader: Reloader, app: WebApp, host: str, port: int, reload_seconds: float,
                 feeds: Poller | None = None, poll_seconds: float = 600.0) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    runner = await start_web(app, host, port)
    watch = asyncio.create_task(reloader.watch(reload_seconds)) if reload_seconds > 0 else None
    polling = asyncio.create_task(_poll_feeds(feeds, poll_seconds, stop)) if feeds is not None else None
    shown = f"[{host}]" if ":" in host else host
    print(f"Chat page: http://{shown}:{port}/  (API: POST /api/ask; Ctrl-C stops)", flush=True)
    try:
        await stop.wait()
    finally:
        if watch is not None:
            watch.cancel()
        if polling is not None:
            polling.cancel()
        await runner.cleanup()
        log.info("stopped")
    return 0
