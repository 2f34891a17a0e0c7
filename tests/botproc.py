"""Start the bot as a user does (``python -m bot run``) against the fake Discord server."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

import yaml

from tests import fake_discord as fd

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_config(tmp: Path, server: fd.FakeDiscord, **overrides: Any) -> Path:
    knowledge = tmp / "knowledge"
    if not knowledge.exists():
        shutil.copytree(ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("*.md", "learned.yaml*"))
    config: dict[str, Any] = {
        "knowledge": [str(knowledge)],
        "kb": {"learned": str(knowledge / "learned.yaml"), "reload_seconds": 0.2},
        "language": "de",
        "discord": {"guild_id": fd.GUILD_ID, "api_base": server.api_base, "qa_channels": [fd.QA],
                    "cooldown_seconds": 30},
        "roles": {"staff": [fd.STAFF_ROLE], "moderators": [fd.MOD_ROLE]},
        "channels": {"stories": fd.STORIES, "announcements": fd.ANNOUNCEMENTS, "moderators": fd.MODERATORS},
        "storage": {"path": str(tmp / "bot.sqlite3")},
        "health": {"enabled": True, "host": "127.0.0.1", "port": free_port()},
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(config.get(key), dict):
            config[key] = {**config[key], **value}
        else:
            config[key] = value
    path = tmp / "config.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


class BotProcess:
    def __init__(self, config: Path, log: Path, env: dict[str, str] | None = None):
        self.config = config
        self.log = log
        self.env = {**os.environ, "DISCORD_TOKEN": fd.TOKEN, "PYTHONUNBUFFERED": "1", **(env or {})}
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self._log_file = self.log.open("ab")
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", "--config", str(self.config),
            cwd=ROOT, env=self.env, stdout=self._log_file, stderr=self._log_file,
        )

    async def stop(self, timeout: float = 10.0) -> int:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.terminate()
        try:
            code = await asyncio.wait_for(self.proc.wait(), timeout)
        finally:
            if self.proc.returncode is None:
                self.proc.kill()
            self._log_file.close()
        return code

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")
