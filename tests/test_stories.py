"""Stories against a local aiohttp feed server serving real RSS 2.0 / Atom files, with a real
SQLite file; the Discord side is a ``send`` callable here (the e2e module covers Discord)."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import re
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web

from bot.community.stories import MAX_BYTES, Poller, Rejected, Story, StoryStore, clean_text, parse, safe_url
from bot.storage import Storage

FEEDS = Path(__file__).resolve().parent / "data" / "feeds"
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC).timestamp()


def rss_with(extra: int, edited_title: str | None = None) -> bytes:
    """The WordPress feed with ``extra`` newer items added in front."""
    text = (FEEDS / "wordpress.rss").read_text(encoding="utf-8")
    items = "".join(
        f"""<item><title>Neue Story {i}</title><link>https://example.org/neu-{i}/</link>
        <pubDate>Tue, 24 Nov 2026 {i // 60:02d}:{i % 60:02d}:00 +0000</pubDate>
        <guid isPermaLink="false">https://example.org/?p={2000 + i}</guid>
        <description><![CDATA[<p>Story Nummer {i}</p>]]></description></item>"""
        for i in range(extra)
    )
    if edited_title:
        text = text.replace("Menden auf der digitalen Überholspur</title>", f"{edited_title}</title>", 1)
    return text.replace("<item>", items + "<item>", 1).encode()


class FeedServer:
    def __init__(self) -> None:
        self.body = rss_with(0)
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, str]] = []
        self.app = web.Application()
        self.app.router.add_get("/feed", self.feed)
        self.app.router.add_get("/atom", self.atom)
        self.runner = web.AppRunner(self.app)

    async def start(self) -> str:
        """Serve on 127.0.0.1; the base address (the feeds are at /feed and /atom)."""
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        return f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]

    async def stop(self) -> None:
        await self.runner.cleanup()

    async def feed(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(dict(request.headers))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status != 200:
            return web.Response(status=self.status, text="oops")
        etag = '"' + str(hash(self.body)) + '"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304)
        return web.Response(body=self.body, content_type="application/rss+xml", headers={"ETag": etag})

    async def atom(self, request: web.Request) -> web.Response:
        return web.Response(body=(FEEDS / "blog.atom").read_bytes(), content_type="application/atom+xml")


@pytest_asyncio.fixture
async def server() -> AsyncIterator[tuple[FeedServer, str]]:
    feed = FeedServer()
    yield feed, await feed.start()
    await feed.stop()


class Sender:
    def __init__(self) -> None:
        self.sent: list[Story] = []
        self.fail = 0

    async def __call__(self, story: Story) -> int:
        if self.fail:
            self.fail -= 1
            raise RuntimeError("HTTP 500")
        self.sent.append(story)
        return len(self.sent)


def make(tmp: Path, url: str, sender: Sender, notes: list[str] | None = None, **kw: object) -> Poller:
    async def notify(text: str) -> None:
        (notes if notes is not None else []).append(text)

    store = StoryStore(Storage(tmp / "bot.sqlite3"))
    return Poller(store, [url], sender, notify=notify, clock=lambda: NOW, **kw)  # type: ignore[arg-type]


def test_parse_wordpress_and_atom() -> None:
    rss = parse("f", (FEEDS / "wordpress.rss").read_bytes())
    assert [s.title for s in rss] == ["Rückblick: Konferenz in Arnsberg", "Smart Cities: Schule – Digitale Lernorte",
                                      "Menden auf der digitalen Überholspur"]  # oldest first
    menden = rss[-1]
    assert menden.key == "https://example.org/?p=1203" and menden.link == "https://example.org/menden-ueberholspur/"
    assert menden.summary.startswith("Menden wird ausgezeichnet: Rang 3 der „digitalen Aufholer“ – unter über 400")
    assert "<" not in menden.summary and menden.image == "https://example.org/wp-content/uploads/menden-large.jpg"
    assert "alert" not in rss[1].summary and "[…]" not in rss[1].summary
    atom = parse("a", (FEEDS / "blog.atom").read_bytes())
    assert [s.title for s in atom] == ["Die Rahmenstrategie ist fertig", "Leitfäden für alle Kommunen"]
    assert atom[1].image == "https://example.org/leitfaeden.jpg" and atom[1].published.startswith("2026-11-22")
    with pytest.raises(ValueError):
        parse("g", b"\x00\x01 this is not xml at all")


def test_clean_text_is_short() -> None:
    text = clean_text("<p>" + "Wort " * 200 + "</p>")
    assert len(text) <= 300 and text.endswith("…")


async def test_first_run_remembers_then_posts_only_new(tmp_path: Path, server: tuple[FeedServer, str]) -> None:
    feed, base = server
    sender = Sender()
    poller = make(tmp_path, f"{base}/feed", sender)
    async with aiohttp.ClientSession() as http:
        assert await poller.poll(http) == []  # first run: nothing old is posted
        feed.body = rss_with(2)
        posted = await poller.poll(http)
    assert [s.title for s in posted] == ["Neue Story 0", "Neue Story 1"]
    assert feed.requests[0]["User-Agent"].startswith("SmartCitiesSuedwestfalenBot/")


async def test_first_run_can_post_newest_n(tmp_path: Path, server: tuple[FeedServer, str]) -> None:
    _, base = server
    sender = Sender()
    async with aiohttp.ClientSession() as http:
        await make(tmp_path, f"{base}/feed", sender, first_run_post=1).poll(http)
    assert [s.title for s in sender.sent] == ["Menden auf der digitalen Überholspur"]


async def test_many_new_stories_all_posted_oldest_first_and_no_duplicates_after_restart(
    tmp_path: Path, server: tuple[FeedServer, str]
) -> None:
    feed, base = server
    sender = Sender()
    async with aiohttp.ClientSession() as http:
        await make(tmp_path, f"{base}/feed", sender).poll(http)
        feed.body = rss_with(15)
        poller = make(tmp_path, f"{base}/feed", sender)
        assert len(await poller.poll(http)) == 5  # stories.max_per_poll: the rest follow on later polls
        assert len(await poller.poll(http)) == 5
        assert [s.title for s in sender.sent] == [f"Neue Story {i}" for i in range(10)]
        restarted = make(tmp_path, f"{base}/feed", sender)  # a new process on the same database
        feed.body = rss_with(15) + b" "  # new ETag, same stories
        assert len(await restarted.poll(http)) == 5
        assert await restarted.poll(http) == []
    assert [s.title for s in sender.sent] == [f"Neue Story {i}" for i in range(15)]  # oldest first, each once


async def test_failed_send_is_retried_and_nothing_lost(tmp_path: Path, server: tuple[FeedServer, str]) -> None:
    feed, base = server
    sender = Sender()
    poller = make(tmp_path, f"{base}/feed", sender)
    async with aiohttp.ClientSession() as http:
        await poller.poll(http)
        feed.body = rss_with(3)
        sender.fail = 1
        assert await poller.poll(http) == []  # the first send fails: nothing overtakes it
        assert len(poller.store.pending()) == 3
        posted = await poller.poll(http)  # 304 from the feed, but the pending ones go out
    assert [s.title for s in posted] == ["Neue Story 0", "Neue Story 1", "Neue Story 2"]
    assert feed.requests[-1].get("If-None-Match")


async def test_edited_story_is_not_posted_again(tmp_path: Path, server: tuple[FeedServer, str]) -> None:
    feed, base = server
    sender = Sender()
    poller = make(tmp_path, f"{base}/feed", sender)
    async with aiohttp.ClientSession() as http:
        await poller.poll(http)
        feed.body = rss_with(0, edited_title="Menden: Rang 3 (aktualisiert)")
        assert await poller.poll(http) == []


async def test_old_stories_are_not_posted(tmp_path: Path, server: tuple[FeedServer, str]) -> None:
    feed, base = server
    sender = Sender()
    poller = make(tmp_path, f"{base}/feed", sender, max_age_days=1)
    async with aiohttp.ClientSession() as http:
        await poller.poll(http)
        feed.body = rss_with(1).replace(b"Tue, 24 Nov 2026", b"Tue, 03 Nov 2026")
        assert await poller.poll(http) == []


@pytest.mark.parametrize("problem", ["500", "garbage", "oversized", "timeout"])
async def test_failing_feed_backs_off_warns_once_and_recovers(
    tmp_path: Path, server: tuple[FeedServer, str], problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed, base = server
    sender = Sender()
    notes: list[str] = []
    clock = [NOW]
    poller = make(tmp_path, f"{base}/feed", sender, notes, interval=60)
    poller.clock = lambda: clock[0]
    if problem == "500":
        feed.status = 500
    elif problem == "garbage":
        feed.body = b"<html><body>Wartungsarbeiten \x00\x01</body>"
    elif problem == "oversized":
        feed.body = b"<rss>" + b" " * (MAX_BYTES + 10) + b"</rss>"
    else:
        import bot.community.stories as stories

        real_fetch = stories.fetch
        monkeypatch.setattr(stories, "fetch", lambda *a, **k: real_fetch(*a, **{**k, "timeout": 0.2}))
        feed.delay = 1.0
    async with aiohttp.ClientSession() as http:
        for _ in range(5):
            clock[0] += 3600  # past any backoff
            await poller.poll(http)
        state = poller.store.feed_state(f"{base}/feed")
        assert state["failures"] == 5 and state["warned"] == 1
        assert len(notes) == 1 and "antwortet seit 3" in notes[0]
        requests = len(feed.requests)
        await poller.poll(http)  # still inside the backoff: the feed is not asked
        assert len(feed.requests) == requests
        feed.status, feed.delay, feed.body = 200, 0.0, rss_with(0)
        clock[0] += 10 * 3600
        await poller.poll(http)
    assert len(feed.requests) == requests + 1
    assert len(notes) == 2 and "wieder" in notes[1]
    assert sender.sent == []


async def test_backoff_grows_exponentially(tmp_path: Path, server: tuple[FeedServer, str]) -> None:
    feed, base = server
    feed.status = 500
    poller = make(tmp_path, f"{base}/feed", Sender(), interval=60)
    async with aiohttp.ClientSession() as http:
        waits = []
        for _ in range(4):
            await poller.poll(http)
            state = poller.store.feed_state(f"{base}/feed")
            waits.append(float(state["next_try"]) - NOW)  # type: ignore[arg-type]
            state["next_try"] = 0.0
            poller.store.save_feed(state)
    assert waits == [60, 120, 240, 480]


def test_nonce_is_stable_and_fits_discord() -> None:
    story = Story("f", "k", "t", "l", None, "", None)
    assert story.nonce == Story("f", "k", "other title", "l", None, "", None).nonce
    assert re.fullmatch(r"\d{1,25}", story.nonce) and story.nonce != Story("f", "k2", "t", "l", None, "", None).nonce


async def test_cli_poll_once_prints_and_changes_nothing(tmp_path: Path, server: tuple[FeedServer, str],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import _stories

    feed, base = server
    # (the command reads the wall clock: the feed's stories are dated days before today, as a live feed's
    # are, so that max_age_days does not leave them out as the calendar moves on)
    now = dt.datetime.now(dt.UTC)
    body = feed.body.decode()
    for written, days in (("Mon, 23 Nov 2026 09:00:00 +0000", 1), ("Fri, 20 Nov 2026 10:30:00 +0000", 4),
                          ("Wed, 18 Nov 2026 08:00:00 +0000", 6)):
        body = body.replace(written, email.utils.format_datetime(now - dt.timedelta(days=days)))
    feed.body = body.encode()
    config = tmp_path / "config.yaml"
    config.write_text(f"storage: {{path: {tmp_path / 'bot.sqlite3'}}}\n"
                      f"stories: {{feeds: ['{base}/feed'], first_run_post: 1}}\n", encoding="utf-8")
    import argparse

    args = argparse.Namespace(config=str(config), stories_command="poll", once=True)
    assert await asyncio.to_thread(_stories, args) == 0
    out = capsys.readouterr().out
    assert "Menden auf der digitalen Überholspur  https://example.org/menden-ueberholspur/" in out
    assert ("first poll: 3 stories found; 1 posted, the others remembered as seen "
            "(first_run_post: 1, max_age_days: 14)") in out
    assert not (tmp_path / "bot.sqlite3").exists()  # a preview writes nothing, not even an empty database


class Rejecting(Sender):
    """Discord's 400 for the story whose link it does not accept."""

    async def __call__(self, story: Story) -> int:
        if story.title == "Neue Story 0":
            raise Rejected("400 Invalid Form Body: embeds.0.url: Not a well formed URL.")
        return await super().__call__(story)


async def test_a_story_discord_rejects_does_not_jam_the_queue(tmp_path: Path, server: tuple[FeedServer, str],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    feed, base = server
    notes: list[str] = []
    sender = Rejecting()
    poller = make(tmp_path, f"{base}/feed", sender, notes)
    async with aiohttp.ClientSession() as http:
        await poller.poll(http)
        feed.body = rss_with(3)
        assert await poller.poll(http) == []  # tried once, kept in order
        assert await poller.poll(http) == []  # twice
        posted = await poller.poll(http)  # the third rejection sets it aside; the queue goes on
        assert [s.title for s in posted] == ["Neue Story 1", "Neue Story 2"]
        assert len(notes) == 1 and "Neue Story 0" in notes[0] and "Not a well formed URL" in notes[0]
        assert await poller.poll(http) == [] and len(notes) == 1  # reported once
        story_id = int(notes[0].split("#")[1].split()[0])
    config = tmp_path / "config.yaml"
    config.write_text(f"storage:\n  path: {tmp_path / 'bot.sqlite3'}\n", encoding="utf-8")
    from bot.cli import main
    assert main(["stories", "retry", str(story_id), "--config", str(config)]) == 0
    assert "queued again" in capsys.readouterr().out
    assert [s.title for s in poller.store.pending()] == ["Neue Story 0"]
    assert main(["stories", "retry", "999", "--config", str(config)]) == 1


def test_only_links_discord_accepts_go_into_embeds() -> None:
    assert safe_url("https://blog.example.org/story?id=1") == "https://blog.example.org/story?id=1"
    for bad in ("/relative/path", "javascript:alert(1)", "https://x.org/" + "a" * 3000, "ftp://x.org/f",
                "https://exa mple.org", "", None):
        assert safe_url(bad) is None


def test_an_html_page_is_no_feed_and_items_without_guid_link_date_stay_apart() -> None:
    with pytest.raises(ValueError, match="not an RSS or Atom feed|not a feed"):
        parse("https://x.org/feed", b"<!doctype html><html><head><title>Login</title></head><body>Hi</body></html>")
    with pytest.raises(ValueError, match="not an RSS or Atom feed"):  # well-formed XML, but no feed
        parse("https://x.org/feed", b'<?xml version="1.0"?><html><body><p>Wartungsarbeiten</p></body></html>')
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>'
           b"<item><title>Termin</title><description>Erster Teil</description></item>"
           b"<item><title>Termin</title><description>Zweiter Teil</description></item></channel></rss>")
    first, second = parse("https://x.org/feed", rss)
    assert first.key != second.key


async def test_first_run_post_respects_the_age_limit(tmp_path: Path, server: tuple[FeedServer, str]) -> None:
    feed, base = server
    sender = Sender()
    old_stories = rss_with(2).replace(b"2026", b"2020")  # every date six years back
    feed.body = old_stories
    async with aiohttp.ClientSession() as http:
        await make(tmp_path, f"{base}/feed", sender, first_run_post=2, max_age_days=14).poll(http)
    assert sender.sent == []
