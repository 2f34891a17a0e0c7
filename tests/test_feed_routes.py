"""Feeds routed like MonitoRSS: templates, filters and the routes stored next to the config's."""

from __future__ import annotations

from pathlib import Path

from bot.community.feeds import FeedRoute, FeedRoutes, keywords, matches, render, template_problems
from bot.community.stories import Story
from bot.config import parse_config
from bot.storage import Storage

STORY = Story("https://example.org/feed", "1", "Menden auf der Überholspur", "https://example.org/menden",
              "2026-11-20T10:30:00+00:00", "Ein Ranking von 400 Kommunen.", None)


def test_templates_know_their_placeholders_and_allow_no_tricks() -> None:
    assert template_problems("📰 {title} – {link} ({date}, {feed})") == []
    assert template_problems("{title.__class__}")[0].startswith("unknown placeholder")
    assert template_problems("{title!r}") == ["{title} takes no format or conversion"]
    assert "literal braces" in template_problems("{title")[0]
    route = FeedRoute(STORY.feed, "Blog", template="{title} am {date}: {summary} {link} [{feed}]")
    assert render(route, STORY) == ("Menden auf der Überholspur am 20.11.2026: Ein Ranking von 400 Kommunen. "
                                    "https://example.org/menden [Blog]")


def test_include_and_exclude_filters_look_at_title_and_summary() -> None:
    assert matches(FeedRoute("u", include=("ranking",)), STORY)  # in the summary, any case
    assert not matches(FeedRoute("u", include=("Olpe",)), STORY)
    assert not matches(FeedRoute("u", exclude=("menden",)), STORY)
    assert matches(FeedRoute("u"), STORY)
    assert keywords("Menden, Olpe; Soest ,") == ("Menden", "Olpe", "Soest")


def test_routes_from_the_config_and_from_discord(tmp_path: Path) -> None:
    config = parse_config("stories:\n  feeds: ['https://example.org/a']\n  routes:\n"
                          "    - {url: 'https://example.org/b', channel: 7, include: [Menden]}\n")
    storage = Storage(tmp_path / "db.sqlite3")
    routes = FeedRoutes(storage, config)
    assert [(r.url, r.channel, r.include, r.source) for r in routes.all()] == [
        ("https://example.org/a", 0, (), "config"), ("https://example.org/b", 7, ("Menden",), "config")]
    routes.add(FeedRoute("https://example.org/c", "C", 9, ("x",), (), "123", "{title}", source="discord"))
    assert routes.set_paused("https://example.org/a", True)  # a config feed can be paused from Discord
    assert [r.url for r in routes.active()] == ["https://example.org/b", "https://example.org/c"]
    assert routes.remove("https://example.org/a") == "config" and routes.remove("https://example.org/x") == "unknown"
    assert routes.remove("https://example.org/c") == "removed"
    assert [r.url for r in FeedRoutes(storage, config).all()] == ["https://example.org/a", "https://example.org/b"]
    storage.close()


async def test_stories_the_filters_turn_away_are_remembered_but_never_posted_nor_listed(tmp_path: Path) -> None:
    import aiohttp

    from bot.community.stories import Poller, StoryStore
    from tests.test_stories import FeedServer

    feed = FeedServer()
    url = await feed.start() + "/feed"
    storage = Storage(tmp_path / "db.sqlite3")
    store = StoryStore(storage)
    route = FeedRoute(url, exclude=("Menden",))
    sent: list[str] = []

    async def send(story: Story) -> int:
        sent.append(story.title)
        return len(sent)

    poller = Poller(store, [url], send, first_run_post=3, max_age_days=0, accept=lambda s: matches(route, s))
    try:
        async with aiohttp.ClientSession() as http:
            await poller.poll(http)
    finally:
        await feed.stop()
    assert sent and not any("Menden" in t for t in sent)
    assert not any("Menden" in s.title for s in store.latest(10))  # not on the page either
    assert storage.db.execute("SELECT count(*) FROM stories WHERE filtered = 1").fetchone()[0] == 1
    storage.close()
