"""Stories end to end: feed server -> ``python -m bot run`` -> fake Discord, incl. a failed send."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from bot.community.stories import StoryStore, parse
from bot.storage import Storage
from tests import fake_discord as fd
from tests.botproc import BotProcess, write_config
from tests.test_discord_e2e import text_of, wait_healthy
from tests.test_stories import FeedServer


@asynccontextmanager
async def running_stories(tmp_path: Path, body: bytes | None = None, fail: int = 0,
                          before: Callable[[str, Path, fd.FakeDiscord], None] | None = None,
                          ) -> AsyncIterator[tuple[fd.FakeDiscord, BotProcess]]:
    """A feed server (serving ``body``), the fake Discord and ``python -m bot run`` polling the feed;
    ``before(feed_url, database, server)`` prepares the state the bot starts from."""
    feed = FeedServer()
    if body is not None:
        feed.body = body
    feed_url = await feed.start() + "/feed"
    server = fd.FakeDiscord()
    await server.start()
    server.feed_url = feed_url  # type: ignore[attr-defined]
    if fail:
        server.fail("POST", rf"/channels/{fd.STORIES}/messages", status=500, times=fail)
    config = write_config(tmp_path, server, stories={"feeds": [feed_url], "poll_minutes": 0.01,
                                                     "first_run_post": 2, "max_age_days": 0})
    if before is not None:
        before(feed_url, tmp_path / "bot.sqlite3", server)
    bot = BotProcess(config, tmp_path / "bot.log")
    await bot.start()
    try:
        await wait_healthy(config, 30)
        yield server, bot
    finally:
        code = await bot.stop()
        await server.stop()
        await feed.stop()
        assert code == 0, bot.output()


async def stories_posted(server: fd.FakeDiscord, count: int) -> list[fd.Request]:
    posts: list[fd.Request] = []
    for _ in range(100):
        posts = server.find("POST", rf"/channels/{fd.STORIES}/messages")
        if len(posts) >= count:
            break
        await asyncio.sleep(0.1)
    return posts


async def test_stories_are_posted_once_with_nonce_and_retried_after_a_500(tmp_path: Path) -> None:
    async with running_stories(tmp_path, fail=1) as (server, _):
        await stories_posted(server, 3)
        await asyncio.sleep(1.5)  # a few more polls: nothing more may be posted
        posts = server.find("POST", rf"/channels/{fd.STORIES}/messages")
        titles = [p.body["embeds"][0]["title"] for p in posts]
        # the first attempt failed (500) and was retried with the same nonce; then the next story
        assert titles == ["Smart Cities: Schule – Digitale Lernorte"] * 2 + ["Menden auf der digitalen Überholspur"]
        assert posts[0].body["nonce"] == posts[1].body["nonce"] and posts[0].body["enforce_nonce"] is True
        assert posts[2].body["embeds"][0]["url"] == "https://example.org/menden-ueberholspur/"
        assert posts[2].body["allowed_mentions"]["parse"] == []
        # opt-in: exactly the "Stories" role is pinged (the bot created it at start), with a 🔔 button
        stories_role = server.role_id("Stories")
        assert posts[2].body["content"] == f"<@&{stories_role}>"
        assert posts[2].body["allowed_mentions"] == {"parse": [], "roles": [stories_role]}
        assert posts[2].body["components"][0]["components"][0]["custom_id"] == "scs:sub:stories"
        start = len(server.requests)
        iid = await server.slash("stories")
        reply = await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)
        assert "Menden auf der digitalen Überholspur" in text_of(reply.body["data"])
        mid = await server.send_message("gibt es einen Blog?", channel=fd.QA, author=700000000000000077)
        answer = await server.wait_for(lambda r: r.method == "POST" and str(
            ((r.body or {}).get("message_reference") or {}).get("message_id")) == mid, 10, start)
        assert "Menden auf der digitalen Überholspur" in text_of(answer.body)  # the intent shows the latest stories


BAD_LINKS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Blog</title><link>https://example.org/</link><description>x</description>
<item><title>Relative</title><link>/relative/story</link><guid>a1</guid>
<pubDate>Mon, 23 Nov 2026 10:00:00 +0000</pubDate><description>eins</description></item>
<item><title>Script</title><link>javascript:alert(1)</link><guid>a2</guid>
<pubDate>Tue, 24 Nov 2026 10:00:00 +0000</pubDate><description>zwei</description></item>
</channel></rss>"""


async def test_links_discord_would_reject_are_left_out_and_nothing_jams(tmp_path: Path) -> None:
    # The fake Discord answers 400 Invalid Form Body to an embed with such a link.
    async with running_stories(tmp_path, BAD_LINKS) as (server, _):
        posts = await stories_posted(server, 2)
        assert [p.body["embeds"][0]["title"] for p in posts] == ["Relative", "Script"]
        assert all("url" not in p.body["embeds"][0] for p in posts)


async def test_a_story_posted_before_a_crash_is_not_posted_again_after_the_nonce_window(tmp_path: Path) -> None:
    def crashed(feed_url: str, database: Path, server: fd.FakeDiscord) -> None:
        # The state a crash leaves: the story recorded pending, its message already in the channel.
        stories = parse(feed_url, FeedServer().body)
        store = StoryStore(Storage(database))
        store.add_new(stories[:-1], "seen")
        store.add_new(stories[-1:], "pending")
        store.save_feed({**store.feed_state(feed_url), "initialised": 1})
        store.storage.close()
        server.add_message(fd.STORIES, {"embeds": [{"title": stories[-1].title, "url": stories[-1].link}]})

    async with running_stories(tmp_path, before=crashed) as (server, _):
        for _ in range(50):
            if StoryStore(Storage(tmp_path / "bot.sqlite3")).pending() == []:
                break
            await asyncio.sleep(0.1)
        assert StoryStore(Storage(tmp_path / "bot.sqlite3")).pending() == []  # found in the channel: posted
        assert server.find("POST", rf"/channels/{fd.STORIES}/messages") == []  # and not posted again


async def test_moderators_route_a_feed_with_its_channel_filter_role_and_template(tmp_path: Path) -> None:
    async with running_stories(tmp_path) as (server, _):
        await stories_posted(server, 2)
        atom = server.feed_url.replace("/feed", "/atom")  # type: ignore[attr-defined]
        stories_role = server.role_id("Stories")
        start = len(server.requests)

        async def feeds(sub: str, *options: dict[str, object], roles: list[int] | None = None) -> str:
            iid = await server.slash(f"feeds {sub}", list(options), author=700000000000000321,
                                     roles=[fd.MOD_ROLE] if roles is None else roles)
            reply = await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)
            return text_of(reply.body["data"])

        def text(name: str, value: str) -> dict[str, object]:
            return {"name": name, "type": 3, "value": value}

        assert f"<@&{fd.MOD_ROLE}>" in await feeds("liste", roles=[fd.STAFF_ROLE])  # moderators only
        general = {"name": "kanal", "type": 7, "value": str(fd.GENERAL)}
        refused = await feeds("hinzufuegen", text("adresse", atom), general,
                              text("vorlage", "{titel} {link}"))
        assert "unknown placeholder {titel}" in refused
        added = await feeds("hinzufuegen", text("adresse", atom), general,
                            text("name", "Atom-Blog"), text("enthaelt", "Rahmenstrategie, Strategiepapier"),
                            {"name": "rolle", "type": 8, "value": str(stories_role)},
                            text("vorlage", "📰 {title} – {link} ({feed})"))
        assert "Atom-Blog" in added and f"<#{fd.GENERAL}>" in added
        for _ in range(100):
            posts = server.find("POST", rf"/channels/{fd.GENERAL}/messages", start)
            if posts:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)  # more polls: the filtered story never comes
        posts = server.find("POST", rf"/channels/{fd.GENERAL}/messages", start)
        assert len(posts) == 1, [p.body for p in posts]
        body = posts[0].body
        assert body["content"].startswith(f"<@&{stories_role}>\n📰 Die Rahmenstrategie ist fertig – https://")
        assert body["content"].endswith("(Atom-Blog)") and not body.get("embeds")  # the template, no embed
        assert body["allowed_mentions"] == {"parse": [], "roles": [stories_role]}

        listing = await feeds("liste")
        assert "**Atom-Blog**" in listing and "+Rahmenstrategie, Strategiepapier" in listing and "(config)" in listing
        assert "pausiert" not in listing and "angehalten" not in listing
        iid = await server.slash("stories", author=700000000000000322)
        latest = text_of((await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10,
                                                start)).body["data"])
        assert "**Atom-Blog**" in latest and "Die Rahmenstrategie ist fertig" in latest  # per feed
        assert "Menden auf der digitalen Überholspur" in latest
        assert "angehalten" in await feeds("pausieren", text("feed", atom))
        assert "⏸️ angehalten" in await feeds("liste")
        assert "Konfiguration" in await feeds("entfernen", text("feed", server.feed_url))  # type: ignore[attr-defined]
        assert "entfernt" in await feeds("entfernen", text("feed", atom))
        assert "Atom-Blog" not in await feeds("liste")
        audit = [r.body["content"] for r in server.find("POST", rf"/channels/{fd.MODERATORS}/messages", start)]
        assert any("feeds.add" in a and "Atom-Blog" in a for a in audit) and any("feeds.remove" in a for a in audit)
