"""The bot's settings file (``config.yaml``), validated against typed dataclasses.

Every setting has a default, so a config file only names what differs. Unknown keys and
wrong types are errors reported with file:line:column and the dotted key name (a typo
must not silently fall back to a default); ids that do not exist in the guild are only
warnings, checked once the bot sees the guild (see ``missing_ids``).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.loader import node_position

DEFAULT_API_BASE = "https://discord.com/api/v10"


@dataclass(frozen=True)
class DiscordSettings:
    guild_id: int = 0
    api_base: str = DEFAULT_API_BASE
    answer_mentions: bool = True
    answer_dms: bool = True
    qa_channels: list[int] = field(default_factory=list)
    cooldown_seconds: float = 5.0


@dataclass(frozen=True)
class RoleSettings:
    staff: list[int] = field(default_factory=list)
    moderators: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ChannelSettings:
    stories: int = 0
    announcements: int = 0
    moderators: int = 0


@dataclass(frozen=True)
class StorageSettings:
    path: str = "data/bot.sqlite3"


@dataclass(frozen=True)
class KnowledgeSettings:
    learned: str = "knowledge/learned.yaml"
    reload_seconds: float = 2.0
    unanswered_retention_days: int = 90
    digest_days: float = 7.0  # the unanswered digest in the moderators' channel every this many days (0: off)
    digest_items: int = 5  # questions per digest (at most 5: one menu each)


@dataclass(frozen=True)
class FeedRouteSettings:
    """One feed routed like MonitoRSS: its own channel, filters, role and message template."""

    url: str = ""
    name: str = ""  # shown in /stories and /feeds (default: the feed's address)
    channel: int = 0  # 0: stories.channel, else channels.stories
    include: list[str] = field(default_factory=list)  # post only stories whose title or summary has one of these
    exclude: list[str] = field(default_factory=list)  # never post stories with one of these
    role: str = ""  # a role name to ping ("": the stories opt-in role)
    template: str = ""  # the message text, with {title} {link} {date} {summary} {image} {feed} ("": an embed)
    paused: bool = False


@dataclass(frozen=True)
class StoriesSettings:
    feeds: list[str] = field(default_factory=list)
    channel: int = 0
    poll_minutes: float = 10.0
    first_run_post: int = 0
    max_age_days: int = 14
    max_per_poll: int = 5
    routes: list[FeedRouteSettings] = field(default_factory=list)  # feeds with their own channel, filters, ...


@dataclass(frozen=True)
class EventSettings:
    channel: int = 0  # 0: channels.announcements
    reminder_hours: list[float] = field(default_factory=lambda: [24.0, 1.0])
    check_seconds: float = 30.0
    default_duration_minutes: int = 120


@dataclass(frozen=True)
class NotificationSettings:
    stories_role: str = "Stories"  # members subscribe to this role for new stories ("" = off)
    events_role: str = "Events"  # ... and to this one for event announcements and reminders
    create_roles: bool = True  # create the roles if missing (needs Manage Roles)


@dataclass(frozen=True)
class WebSettings:
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8080
    rate_per_minute: float = 20.0
    burst: int = 10
    max_body_bytes: int = 4096
    trust_forwarded_for: bool = False
    homepage: str = ""  # the initiative's public page, linked from the chat page ("" = no link)


@dataclass(frozen=True)
class HealthSettings:
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8081


@dataclass(frozen=True)
class LoggingSettings:
    include_text: bool = False  # DEBUG logs of discord.py carry message text and user ids: off unless set


@dataclass(frozen=True)
class Config:
    knowledge: list[str] = field(default_factory=lambda: ["knowledge/"])
    language: Literal["de", "en"] = "de"
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    roles: RoleSettings = field(default_factory=RoleSettings)
    channels: ChannelSettings = field(default_factory=ChannelSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    health: HealthSettings = field(default_factory=HealthSettings)
    kb: KnowledgeSettings = field(default_factory=KnowledgeSettings)
    stories: StoriesSettings = field(default_factory=StoriesSettings)
    events: EventSettings = field(default_factory=EventSettings)
    notifications: NotificationSettings = field(default_factory=NotificationSettings)
    web: WebSettings = field(default_factory=WebSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)


class ConfigError(Exception):
    """The config file cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _Checker:
    def __init__(self, file: str, root: yaml.Node | None):
        self.file = file
        self.root = root
        self.problems: list[str] = []

    def problem(self, path: tuple[str | int, ...], message: str, *, key: bool = False) -> None:
        line, col = node_position(self.root, path, key=key)
        self.problems.append(f"{self.file}:{line}:{col}: {message}")

    def build(self, cls: type, data: Any, path: tuple[str | int, ...]) -> Any:
        name = ".".join(map(str, path)) or "the config file"
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.problem(path, f"'{name}' must be a section of settings (key: value lines)")
            return cls()
        hints = typing.get_type_hints(cls)
        known = [f.name for f in dataclasses.fields(cls)]
        for key in data:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
                hint = f" – did you mean '{close[0]}'?" if close else f"; known here: {', '.join(known)}"
                self.problem((*path, str(key)), f"unknown setting '{'.'.join(map(str, (*path, key)))}'{hint}",
                             key=True)
        values = {}
        for key in known:
            if key in data:
                value = self.value(hints[key], data[key], (*path, key))
                if value is not _BAD:
                    values[key] = value
        return cls(**values)

    def value(self, hint: Any, value: Any, path: tuple[str | int, ...]) -> Any:
        name = ".".join(map(str, path))
        if dataclasses.is_dataclass(hint):
            return self.build(hint, value, path)  # type: ignore[arg-type]
        origin = typing.get_origin(hint)
        if origin is Literal:
            choices = typing.get_args(hint)
            if value in choices:
                return value
            self.problem(path, f"'{name}' must be one of {', '.join(map(str, choices))}, not {value!r}")
            return _BAD
        if origin is list:
            (item,) = typing.get_args(hint)
            if path == ("knowledge",) and isinstance(value, str):
                value = [value]  # one path is the common case
            if not isinstance(value, list):
                self.problem(path, f"'{name}' must be a list like [1, 2] (or [] for none), not {value!r}")
                return _BAD
            items = [self.value(item, v, (*path, i)) for i, v in enumerate(value)]
            return _BAD if any(i is _BAD for i in items) else items
        if origin in (types.UnionType, typing.Union):  # pragma: no cover - not used yet
            raise TypeError(hint)
        if hint is bool:
            if isinstance(value, bool):
                return value
            self.problem(path, f"'{name}' must be true or false, not {value!r}")
        elif hint is int:
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
            if isinstance(value, str) and value.strip().isdigit():  # ids copied with quotes
                return int(value)
            self.problem(path, f"'{name}' must be a whole number (an id or a count), not {value!r}")
        elif hint is float:
            if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                return float(value)
            self.problem(path, f"'{name}' must be a number of 0 or more, not {value!r}")
        elif hint is str:
            if isinstance(value, str) and value.strip():
                return value.strip()
            self.problem(path, f"'{name}' must be a text, not {value!r}")
        else:  # pragma: no cover - a schema type without a check is a programming error
            raise TypeError(hint)
        return _BAD


_BAD = object()


def parse_config(text: str, file: str = "config.yaml") -> Config:
    """Validate config ``text``; raise ConfigError listing every problem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark else file
        raise ConfigError([f"{where}: YAML syntax error: {exc.problem or exc.context}"]) from None
    except yaml.YAMLError as exc:
        raise ConfigError([f"{file}: YAML error: {exc}"]) from None
    checker = _Checker(file, root)
    config = checker.build(Config, data, ())
    if config.discord.api_base and not config.discord.api_base.startswith(("http://", "https://")):
        checker.problem(("discord", "api_base"), "'discord.api_base' must start with https:// (or http://)")
    from bot.community.feeds import template_problems

    for i, route in enumerate(config.stories.routes):
        if not re.match(r"https?://[^\s/]+", route.url):
            checker.problem(("stories", "routes", i, "url"), f"'stories.routes.{i}.url' must be an https:// "
                                                              "(or http://) feed address")
        for problem in template_problems(route.template):
            checker.problem(("stories", "routes", i, "template"), f"'stories.routes.{i}.template': {problem}")
    if config.web.homepage and not re.match(r"https?://[^\s/]+", config.web.homepage):
        checker.problem(("web", "homepage"), "'web.homepage' must be an absolute https:// (or http://) address")
    if checker.problems:
        raise ConfigError(sorted(checker.problems, key=_position))
    return config


def _position(problem: str) -> tuple[int, int]:
    parts = problem.split(":", 3)
    try:
        return int(parts[1]), int(parts[2])
    except (IndexError, ValueError):
        return (0, 0)


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such config file (copy config.example.yaml to start)"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read the config file: {exc}"]) from None
    return parse_config(text, str(path))


def referenced_ids(config: Config) -> Iterable[tuple[str, str, int]]:
    """(setting name, "channel" or "role", id) for every id the config names (0 = unset)."""
    for i, cid in enumerate(config.discord.qa_channels):
        yield f"discord.qa_channels[{i}]", "channel", cid
    for name in ("stories", "announcements", "moderators"):
        yield f"channels.{name}", "channel", getattr(config.channels, name)
    yield "stories.channel", "channel", config.stories.channel
    yield "events.channel", "channel", config.events.channel
    for name in ("staff", "moderators"):
        for i, rid in enumerate(getattr(config.roles, name)):
            yield f"roles.{name}[{i}]", "role", rid


def missing_ids(config: Config, channel_ids: set[int], role_ids: set[int]) -> list[str]:
    """Warnings for configured ids that the guild does not have."""
    warnings = []
    for name, kind, ident in referenced_ids(config):
        if ident and ident not in (channel_ids if kind == "channel" else role_ids):
            warnings.append(f"config: {name} = {ident}: the server has no {kind} with this id")
    return warnings
