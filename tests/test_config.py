from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Config, ConfigError, load_config, missing_ids, parse_config

ROOT = Path(__file__).resolve().parent.parent


def test_example_config_is_valid_and_documents_every_setting() -> None:
    config = load_config(ROOT / "config.example.yaml")
    assert config == Config()  # the example shows the defaults
    text = (ROOT / "config.example.yaml").read_text(encoding="utf-8")
    for section in ("discord", "roles", "channels", "storage", "health"):
        for name in getattr(config, section).__dataclass_fields__:
            line = next(line for line in text.splitlines() if line.strip().startswith(f"{name}:"))
            assert "#" in line or name in ("staff", "moderators"), f"{section}.{name} has no comment"


def test_unknown_keys_and_wrong_types_are_all_reported_with_positions() -> None:
    text = "langauge: de\ndiscord:\n  guild_id: abc\n  cooldown_secs: 3\n  answer_dms: ja\nroles: {staff: 5}\n"
    with pytest.raises(ConfigError) as err:
        parse_config(text, "c.yaml")
    problems = err.value.problems
    assert problems[0] == "c.yaml:1:1: unknown setting 'langauge' – did you mean 'language'?"
    assert problems[1].startswith("c.yaml:3:13: 'discord.guild_id' must be a whole number")
    assert problems[2] == "c.yaml:4:3: unknown setting 'discord.cooldown_secs' – did you mean 'cooldown_seconds'?"
    assert problems[3].startswith("c.yaml:5:15: 'discord.answer_dms' must be true or false")
    assert "'roles.staff' must be a list" in problems[4]
    assert len(problems) == 5


def test_yaml_syntax_error_has_a_position() -> None:
    with pytest.raises(ConfigError) as err:
        parse_config("discord:\n  guild_id: [1,\n", "c.yaml")
    assert err.value.problems[0].startswith("c.yaml:3:")


def test_values_are_converted() -> None:
    config = parse_config("knowledge: kb.yaml\ndiscord: {guild_id: '123', qa_channels: [1, 2]}\nlanguage: en\n")
    assert config.knowledge == ["kb.yaml"]
    assert config.discord.guild_id == 123 and config.discord.qa_channels == [1, 2]
    assert config.language == "en"
    with pytest.raises(ConfigError, match="must be one of de, en"):
        parse_config("language: fr\n")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.yaml")


def test_ids_missing_in_the_guild_are_warnings() -> None:
    config = parse_config("discord: {qa_channels: [1, 2]}\nchannels: {stories: 3}\nroles: {staff: [4]}\n")
    warnings = missing_ids(config, channel_ids={1, 3}, role_ids=set())
    assert warnings == [
        "config: discord.qa_channels[1] = 2: the server has no channel with this id",
        "config: roles.staff[0] = 4: the server has no role with this id",
    ]


def test_debug_logs_hold_no_message_text_unless_asked(tmp_path: Path) -> None:
    import logging

    from bot.run import PAYLOAD_LOGGERS, setup_logging

    setup_logging("DEBUG")
    assert not any(logging.getLogger(name).isEnabledFor(logging.DEBUG) for name in PAYLOAD_LOGGERS)
    setup_logging("DEBUG", include_text=True)
    assert all(logging.getLogger(name).isEnabledFor(logging.DEBUG) for name in PAYLOAD_LOGGERS)
    setup_logging("INFO")
    path = tmp_path / "c.yaml"
    path.write_text("logging:\n  include_text: true\n", encoding="utf-8")
    assert load_config(path).logging.include_text is True


def test_feed_routes_are_checked_with_their_position() -> None:
    text = ("stories:\n  routes:\n    - url: https://example.org/feed\n      template: \"{titel} {link}\"\n"
            "      include: [Menden]\n    - url: example.org/feed\n      channel: 5\n")
    with pytest.raises(ConfigError) as err:
        parse_config(text, "c.yaml")
    assert err.value.problems == [
        "c.yaml:4:17: 'stories.routes.0.template': unknown placeholder {titel}; known: {title}, {link}, {date}, "
        "{summary}, {image}, {feed}",
        "c.yaml:6:12: 'stories.routes.1.url' must be an https:// (or http://) feed address",
    ]
    ok = parse_config("stories:\n  routes:\n    - {url: 'https://example.org/feed', template: '📰 {title} {link}'}\n")
    assert ok.stories.routes[0].template == "📰 {title} {link}"
