"""``python -m bot run``: start the Discord bot as a service.

Startup problems (no token, a bad config, broken knowledge) are reported in plain words
with a non-zero exit code before anything connects; SIGINT/SIGTERM shut down cleanly.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path

from bot import memory
from bot.answers import Answerer
from bot.config import ConfigError, load_config
from bot.core import Core
from bot.knowledge_source import KnowledgeSource
from bot.loader import KnowledgeError
from bot.understanding import compiled

log = logging.getLogger("bot")

TOKEN_MISSING = ("error: DISCORD_TOKEN is not set – export DISCORD_TOKEN=<your bot token> "
                 "(Discord developer portal → your application → Bot → Reset Token)")


#: discord.py's loggers that, at DEBUG, write whole payloads: message text, names and user ids.
PAYLOAD_LOGGERS = ("discord.http", "discord.state", "discord.client", "discord.webhook.async_")


def setup_logging(level: str = "INFO", include_text: bool = False) -> None:
    """Logs go to stderr. Even at DEBUG they hold no member's message text or ids unless
    ``logging.include_text`` is set: discord.py's payload loggers stay at INFO."""
    numeric = getattr(logging, level.upper(), logging.INFO)
    logging.basicConfig(level=numeric, stream=sys.stderr, format="%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    logging.getLogger("discord.gateway").setLevel(max(numeric, logging.WARNING))  # one line per heartbeat otherwise
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(numeric if include_text else max(numeric, logging.INFO))


def run(config_path: str, log_level: str = "INFO") -> int:
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"error: {config_path} has {len(exc.problems)} problem(s); the bot did not start", file=sys.stderr)
        return 2
    token = os.environ.get("DISCORD_TOKEN", "").strip()
    if not token:
        print(TOKEN_MISSING, file=sys.stderr)
        return 2
    compiled.configure(Path(config.storage.path).parent / "compiled")  # next to the state: restarts read it
    source = KnowledgeSource(config.knowledge, config.kb.learned)
    try:
        knowledge = source.load()
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"error: the knowledge has {len(exc.problems)} problem(s) (python -m bot check); "
              "the bot did not start", file=sys.stderr)
        return 1
    setup_logging(log_level, config.logging.include_text)
    core = Core(Answerer(knowledge, default_lang=config.language))
    memory.give_back()  # what building the index freed
    try:
        from bot.discord_app.service import serve

        return asyncio.run(serve(core, config, token, source))
    except KeyboardInterrupt:  # a second Ctrl-C during shutdown
        return 130
