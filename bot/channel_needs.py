"""What the bot needs in each configured channel, and one report of what is missing.

Plain data and text, no discord import: the Discord layer reads the bot's real permissions
per channel and passes them in as sets of discord.py permission names. Checked at start, at
``/kb status`` and whenever the bot's roles or the channels change, so a moderator learns
"#fragen: Links einbetten fehlt" once, instead of members meeting silent failures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.config import Config
from bot.messages import msg

#: discord.py permission name -> how Discord's settings call it, de and en.
NAMES: dict[str, tuple[str, str]] = {
    "view_channel": ("Kanal ansehen", "View Channel"),
    "send_messages": ("Nachrichten senden", "Send Messages"),
    "send_messages_in_threads": ("Nachrichten in Threads senden", "Send Messages in Threads"),
    "embed_links": ("Links einbetten", "Embed Links"),
    "read_message_history": ("Nachrichtenverlauf anzeigen", "Read Message History"),
    "manage_events": ("Events verwalten", "Manage Events"),
    "manage_roles": ("Rollen verwalten", "Manage Roles"),
}

QA = ("view_channel", "send_messages", "send_messages_in_threads", "embed_links", "read_message_history")
POSTS = ("view_channel", "send_messages", "embed_links", "read_message_history")  # stories, events
MODERATORS = ("view_channel", "send_messages")
SERVER = 0  # the "channel" of server-wide permissions


@dataclass(frozen=True)
class Need:
    setting: str  # the config key that names the channel ("discord.qa_channels[0]")
    channel_id: int  # SERVER for server-wide permissions
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class Missing:
    setting: str
    channel_id: int
    permission: str  # a key of NAMES, or "" when the bot cannot see the channel at all


def needs_of(config: Config, *, events: bool = True) -> list[Need]:
    """Every configured channel with what the bot does there."""
    out = [Need(f"discord.qa_channels[{i}]", cid, QA) for i, cid in enumerate(config.discord.qa_channels) if cid]
    stories = config.stories.channel or config.channels.stories
    if stories and config.stories.feeds:
        out.append(Need("stories.channel" if config.stories.channel else "channels.stories", stories, POSTS))
    for i, route in enumerate(config.stories.routes):
        if route.channel and not route.paused:
            out.append(Need(f"stories.routes[{i}].channel", route.channel, POSTS))
    event_channel = config.events.channel or config.channels.announcements
    if event_channel and events:
        out.append(Need("events.channel" if config.events.channel else "channels.announcements", event_channel, POSTS))
        out.append(Need("events", SERVER, ("manage_events",)))
    if config.notifications.stories_role.strip() or config.notifications.events_role.strip():
        out.append(Need("notifications", SERVER, ("manage_roles",)))  # members (un)subscribe through roles
    if config.channels.moderators:
        out.append(Need("channels.moderators", config.channels.moderators, MODERATORS))
    return out


def missing(needs: Iterable[Need], have: Callable[[int], set[str] | None]) -> list[Missing]:
    """What is missing; ``have(channel_id)`` is the bot's permissions there (None: no such channel
    the bot can see)."""
    out: list[Missing] = []
    seen: set[tuple[int, str]] = set()
    for need in needs:
        granted = have(need.channel_id)
        if granted is None:
            if (need.channel_id, "") not in seen:
                seen.add((need.channel_id, ""))
                out.append(Missing(need.setting, need.channel_id, ""))
            continue
        for permission in need.permissions:
            if permission not in granted and (need.channel_id, permission) not in seen:
                seen.add((need.channel_id, permission))
                out.append(Missing(need.setting, need.channel_id, permission))
    return out


def permission_name(permission: str, lang: str) -> str:
    de, en = NAMES.get(permission, (permission, permission))
    return de if lang == "de" else en


def report(items: list[Missing], lang: str, *, mention: bool = True) -> str:
    """One message naming each channel and what the bot lacks there (empty when nothing is)."""
    if not items:
        return ""
    lines = []
    for item in items:
        where = msg("perm_server", lang) if item.channel_id == SERVER else (
            f"<#{item.channel_id}>" if mention else f"#{item.channel_id}")
        if not item.permission:
            lines.append(msg("perm_unseen", lang, where=where, setting=item.setting))
        else:
            lines.append(msg("perm_line", lang, where=where, permission=permission_name(item.permission, lang),
                             setting=item.setting))
    return msg("perm_missing", lang, lines="\n".join(f"• {line}" for line in lines))


def log_line(items: list[Missing]) -> str:
    """One log line for all of it (English, as the rest of the log)."""
    parts = [f"{i.setting} ({'server' if i.channel_id == SERVER else i.channel_id}): "
             + (permission_name(i.permission, "en") if i.permission else "cannot see the channel") for i in items]
    return "missing permissions: " + "; ".join(parts)
