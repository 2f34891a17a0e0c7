"""The permission self-check's plain part: what each configured channel needs, the report."""

from __future__ import annotations

from bot import channel_needs
from bot.channel_needs import SERVER, Missing, missing, needs_of, report
from bot.config import Config, parse_config


def config() -> Config:
    return parse_config(
        "discord: {guild_id: 1, qa_channels: [11, 12]}\n"
        "channels: {announcements: 20, moderators: 30}\n"
        "stories: {feeds: ['https://example.org/feed'], channel: 40}\n", "config.yaml")


def test_each_channel_needs_what_the_bot_does_there() -> None:
    needs = {(n.setting, n.channel_id): n.permissions for n in needs_of(config())}
    assert "send_messages_in_threads" in needs[("discord.qa_channels[1]", 12)]
    assert "embed_links" in needs[("stories.channel", 40)]
    assert needs[("events", SERVER)] == ("manage_events",)
    assert needs[("channels.moderators", 30)] == ("view_channel", "send_messages")
    assert not any(s == "events" for s, _ in {(n.setting, n.channel_id) for n in needs_of(config(), events=False)})


def test_missing_names_each_channel_and_permission_once() -> None:
    everything = set(channel_needs.NAMES)
    have = {11: everything - {"embed_links"}, 12: everything, 20: everything, 30: everything, 40: None,
            SERVER: everything - {"manage_events"}}
    found = missing(needs_of(config()), have.get)
    assert found == [Missing("discord.qa_channels[0]", 11, "embed_links"), Missing("stories.channel", 40, ""),
                     Missing("events", SERVER, "manage_events")]
    text = report(found, "de")
    assert "<#11>: **Links einbetten** (`discord.qa_channels[0]`)" in text
    assert "<#40>: den Kanal kann ich nicht sehen" in text and "Server: **Events verwalten**" in text
    assert "**Embed Links**" in report(found, "en")
    assert report([], "de") == "" and missing(needs_of(config()), lambda c: everything) == []
