"""New blog stories from RSS/Atom feeds: fetched politely, remembered in SQLite, each posted once.

Delivery is "record, send, confirm": a new story is stored as *pending* before anything is
sent, the send carries a nonce derived from the story (Discord then refuses to create a
second message for a retried request), and only a successful send marks it *posted*. A
failed send stays pending and is retried on the next poll; a crash between send and
confirm is covered by the nonce. Nothing here imports discord: the poller gets a ``send``
callable.
"""

from __future__ import annotations

import asyncio
import calendar
import datetime as dt
import hashlib
import html
import logging
import re
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiohttp
import feedparser

from bot import __version__
from bot.storage import Storage

log = logging.getLogger(__name__)

USER_AGENT = f"SmartCitiesSuedwestfalenBot/{__version__} (+community Discord bot; feed reader)"
MAX_BYTES = 5 * 1024 * 1024
SUMMARY_CHARS = 300
WARN_AFTER = 3  # consecutive failures before the moderators hear about it
MAX_BACKOFF = 6 * 3600.0


@dataclass(frozen=True)
class Story:
    feed: str
    key: str  # guid, else link, else a hash of title and date
    title: str
    link: str
    published: str | None  # ISO 8601 (UTC) if the feed gives a date
    summary: str
    image: str | None

    @property
    def nonce(self) -> str:
        """Discord nonces are at most 25 characters; derived from the story, stable across restarts."""
        return str(int(hashlib.sha256(f"{self.feed}\0{self.key}".encode()).hexdigest()[:15], 16))


@dataclass
class FetchResult:
    status: str  # ok, not_modified, error
    stories: list[Story]
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


_TAG = re.compile(r"<[^>]+>")
_BLOCKS = re.compile(r"<(?:script|style)\b.*?</(?:script|style)>", re.S | re.I)


def clean_text(raw: str, limit: int = SUMMARY_CHARS) -> str:
    """HTML summary -> short plain text (no tags, entities decoded, cut at a word)."""
    text = " ".join(html.unescape(_TAG.sub(" ", _BLOCKS.sub(" ", raw or ""))).split())
    text = text.replace("[…]", "").replace("[&#8230;]", "").strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,.;:") + "…"


def _image(entry: feedparser.FeedParserDict) -> str | None:
    for media in entry.get("media_content", []) + entry.get("media_thumbnail", []):
        if media.get("url", "").startswith("http"):
            return str(media["url"])
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            return str(link.get("href"))
    match = re.search(r'<img[^>]+src="(https?://[^"]+)"', entry.get("summary", "") or "")
    return match.group(1) if match else None


def parse(feed_url: str, body: bytes) -> list[Story]:
    """Stories in ``body``, oldest first. A feed with minor problems (bozo) still yields its entries."""
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise ValueError(f"not a feed: {parsed.get('bozo_exception')}")
    if not parsed.get("version"):  # an HTML page, a login wall, JSON …: feedparser recognised no RSS/Atom
        raise ValueError("not an RSS or Atom feed (an HTML page or another format?)")
    stories = []
    for entry in parsed.entries:
        title = clean_text(entry.get("title", ""), 256) or "(ohne Titel)"
        link = entry.get("link", "") or ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC).isoformat() if stamp else None)
        summary = clean_text(entry.get("summary", "") or "")
        # Without guid and link, the item's content is its identity: two such items are not one.
        content = f"{title}\0{published}\0{summary}\0{entry.get('content', '')}"
        key = entry.get("id") or link or hashlib.sha256(content.encode()).hexdigest()[:32]
        stories.append(Story(feed_url, str(key), title, link, published, summary, _image(entry)))
    stories.sort(key=lambda s: s.published or "")  # stable: undated keep the feed's order
    return stories


async def fetch(session: aiohttp.ClientSession, url: str, etag: str | None, last_modified: str | None,
                timeout: float = 20.0) -> FetchResult:
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with session.get(url, headers=headers,
                               timeout=aiohttp.ClientTimeout(total=timeout, sock_connect=10, sock_read=timeout)) as r:
            if r.status == 304:
                return FetchResult("not_modified", [], etag, last_modified)
            if r.status != 200:
                return FetchResult("error", [], error=f"HTTP {r.status}")
            if (r.content_length or 0) > MAX_BYTES:
                return FetchResult("error", [], error=f"feed larger than {MAX_BYTES} bytes")
            body = bytearray()
            async for chunk in r.content.iter_chunked(65536):
                body.extend(chunk)
                if len(body) > MAX_BYTES:
                    return FetchResult("error", [], error=f"feed larger than {MAX_BYTES} bytes")
            new_etag, new_modified = r.headers.get("ETag"), r.headers.get("Last-Modified")
    except (TimeoutError, aiohttp.ClientError) as exc:
        return FetchResult("error", [], error=f"{type(exc).__name__}: {exc}".rstrip(": "))
    try:
        stories = await asyncio.to_thread(parse, url, bytes(body))
    except ValueError as exc:
        return FetchResult("error", [], error=str(exc))
    return FetchResult("ok", stories, new_etag, new_modified)


class StoryStore:
    def __init__(self, storage: Storage):
        self.storage = storage

    def feed_state(self, url: str) -> dict[str, object]:
        row = self.storage.db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return {"url": url, "etag": None, "last_modified": None, "failures": 0, "next_try": 0.0,
                    "warned": 0, "initialised": 0}
        return dict(row)

    def save_feed(self, state: dict[str, object]) -> None:
        with self.storage.transaction() as db:
            db.execute(
                "INSERT INTO feeds (url, etag, last_modified, failures, next_try, warned, initialised) "
                "VALUES (:url, :etag, :last_modified, :failures, :next_try, :warned, :initialised) "
                "ON CONFLICT (url) DO UPDATE SET etag = :etag, last_modified = :last_modified, "
                "failures = :failures, next_try = :next_try, warned = :warned, initialised = :initialised",
                state,
            )

    def add_new(self, stories: list[Story], state: str, *, filtered: bool = False) -> list[Story]:
        """Insert the stories not seen before (with ``state``); return those, oldest first.
        ``filtered``: the feed's filters turned them away (never posted, never listed as the latest)."""
        added = []
        now = dt.datetime.now(dt.UTC).isoformat()
        with self.storage.transaction() as db:
            for s in stories:
                cur = db.execute(
                    "INSERT OR IGNORE INTO stories (feed, key, title, link, published, summary, image, state, "
                    "first_seen, filtered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (s.feed, s.key, s.title, s.link, s.published, s.summary, s.image, state, now, int(filtered)),
                )
                if cur.rowcount:
                    added.append(s)
        return added

    def pending(self) -> list[Story]:
        """Stories to post, oldest first; those Discord rejected ``MAX_TRIES`` times are set aside."""
        rows = self.storage.db.execute(
            "SELECT s.feed, s.key, s.title, s.link, s.published, s.summary, s.image FROM stories s "
            "LEFT JOIN story_failures f ON f.feed = s.feed AND f.key = s.key "
            "WHERE s.state = 'pending' AND COALESCE(f.tries, 0) < ? "
            "ORDER BY COALESCE(s.published, s.first_seen), s.rowid", (MAX_TRIES,)
        ).fetchall()
        return [Story(*row) for row in rows]

    def failed(self, story: Story, reason: str) -> int:
        """Count one permanent rejection of ``story``; return how many there have been."""
        with self.storage.transaction() as db:
            db.execute("INSERT INTO story_failures (feed, key, tries, reason) VALUES (?, ?, 1, ?) "
                       "ON CONFLICT (feed, key) DO UPDATE SET tries = tries + 1, reason = excluded.reason",
                       (story.feed, story.key, reason[:500]))
            return int(db.execute("SELECT tries FROM story_failures WHERE feed = ? AND key = ?",
                                  (story.feed, story.key)).fetchone()[0])

    def story_id(self, story: Story) -> int:
        """The short number moderators use for ``stories retry``."""
        return int(self.storage.db.execute("SELECT rowid FROM stories WHERE feed = ? AND key = ?",
                                           (story.feed, story.key)).fetchone()[0])

    def retry(self, story_id: int) -> Story | None:
        """Put a story that was set aside back in the queue; None if there is no such story."""
        row = self.storage.db.execute(
            "SELECT feed, key, title, link, published, summary, image FROM stories WHERE rowid = ? "
            "AND state = 'pending'", (story_id,)).fetchone()
        if row is None:
            return None
        with self.storage.transaction() as db:
            db.execute("DELETE FROM story_failures WHERE feed = ? AND key = ?", (row[0], row[1]))
        return Story(*row)

    def mark(self, story: Story, state: str, message_id: int | None = None) -> None:
        with self.storage.transaction() as db:
            db.execute("UPDATE stories SET state = ?, message_id = ?, posted_at = ? WHERE feed = ? AND key = ?",
                       (state, message_id, dt.datetime.now(dt.UTC).isoformat(), story.feed, story.key))

    def latest(self, limit: int = 5, feed: str | None = None) -> list[Story]:
        where, params = ("WHERE filtered = 0 ", ())
        if feed is not None:
            where, params = where + "AND feed = ? ", (feed,)
        rows = self.storage.db.execute(
            "SELECT feed, key, title, link, published, summary, image FROM stories " + where +
            "ORDER BY COALESCE(published, first_seen) DESC, rowid DESC LIMIT ?", (*params, limit)
        ).fetchall()
        return [Story(*row) for row in rows]


async def preview(store: StoryStore, feeds: list[str], first_run_post: int = 0, max_age_days: int = 14,
                  clock: Callable[[], float] = time.time) -> list[tuple[str, Story | str]]:
    """What the next poll would do, without changing anything (``stories poll --once``):
    (feed, story) pairs for what it would post, or (feed, a note): an error, the first run's choice,
    and the stories the age limit holds back."""
    out: list[tuple[str, Story | str]] = []
    too_old = Poller(store, [], _no_send, max_age_days=max_age_days, clock=clock)._too_old
    async with aiohttp.ClientSession() as session:
        for url in feeds:
            result = await fetch(session, url, None, None)
            if result.status == "error":
                out.append((url, f"error: {result.error}"))
                continue
            known = {row[0] for row in store.storage.db.execute("SELECT key FROM stories WHERE feed = ?", (url,))}
            if not store.feed_state(url)["initialised"]:
                recent = [s for s in result.stories if not too_old(s)]
                new = recent[-first_run_post:] if first_run_post else []
                out.append((url, f"first poll: {len(result.stories)} stories found; {len(new)} posted, the others "
                                 f"remembered as seen (first_run_post: {first_run_post}, "
                                 f"max_age_days: {max_age_days})"))
            else:
                unseen = [s for s in result.stories if s.key not in known]
                new = [s for s in unseen if not too_old(s)]
                if len(new) < len(unseen):
                    out.append((url, f"{len(unseen) - len(new)} new stories older than {max_age_days} days are "
                                     "not posted (max_age_days)"))
            pending = [s for s in store.pending() if s.feed == url]
            out.extend((url, s) for s in pending + new)
    return out


async def _no_send(story: Story) -> int:  # the preview never sends
    raise RuntimeError("preview only")


Send = Callable[[Story], Awaitable[int | None]]  # returns the message id; raises on failure
Notify = Callable[[str], Awaitable[None]]
Confirm = Callable[["Story"], Awaitable[int | None]]  # the id of a message that already shows the story
MAX_TRIES = 3  # permanent rejections of one story before it is set aside


class Rejected(Exception):  # noqa: N818 - it names what Discord did
    """Discord refused a story for good (a 4xx other than 429); ``reason`` is Discord's message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def safe_url(url: str | None) -> str | None:
    """The link if Discord accepts it in an embed (absolute http(s), at most 2,048 characters), else None."""
    if not url or len(url) > 2048 or any(c.isspace() for c in url):
        return None
    parts = urllib.parse.urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


class Poller:
    """One poll: fetch every due feed, record new stories, deliver everything pending."""

    def __init__(self, store: StoryStore, feeds: list[str] | Callable[[], list[str]], send: Send, *,
                 notify: Notify | None = None, interval: float = 600.0, first_run_post: int = 0, max_age_days: int = 14,
                 clock: Callable[[], float] = time.time, max_per_poll: int = 5,
                 confirm: Confirm | None = None, accept: Callable[[Story], bool] | None = None):
        self.store = store
        self.feeds = feeds
        self.send = send
        self.notify = notify
        self.interval = interval
        self.first_run_post = first_run_post
        self.max_age_days = max_age_days
        self.clock = clock
        self.max_per_poll = max_per_poll
        # Stories left pending by an earlier process may have been posted just before it died, longer
        # ago than Discord remembers a nonce: ``confirm`` looks for them in the channel first.
        self.confirm = confirm
        # A feed's filters (include/exclude keywords): a story they turn away is remembered as seen.
        self.accept = accept or (lambda story: True)
        self._checked: set[tuple[str, str]] = set()

    async def poll(self, session: aiohttp.ClientSession) -> list[Story]:
        """Returns the stories posted in this poll."""
        await self.collect(session)
        return await self.deliver()

    async def collect(self, session: aiohttp.ClientSession) -> None:
        """Fetch every due feed and record what is new, posting nothing: the web-only deployment
        keeps the page's stories current this way (new ones wait as pending for a Discord bot)."""
        # A list, or a function giving the feeds now (moderators add and pause feeds while it runs).
        for url in self.feeds() if callable(self.feeds) else self.feeds:
            await self._poll_feed(session, url)

    async def _poll_feed(self, session: aiohttp.ClientSession, url: str) -> None:
        state = self.store.feed_state(url)
        now = self.clock()
        if float(state["next_try"] or 0) > now:  # type: ignore[arg-type]
            return
        result = await fetch(session, url, state["etag"], state["last_modified"])  # type: ignore[arg-type]
        if result.status == "error":
            failures = int(state["failures"]) + 1  # type: ignore[call-overload]
            state.update(failures=failures, next_try=now + min(self.interval * 2 ** (failures - 1), MAX_BACKOFF))
            log.warning("feed %s failed (%d in a row): %s", url, failures, result.error)
            if failures >= WARN_AFTER and not state["warned"]:
                state["warned"] = 1
                if self.notify:
                    await self.notify(f"⚠️ Feed {url} antwortet seit {failures} Abrufen nicht richtig "
                                      f"({result.error}). Ich versuche es weiter.")
            self.store.save_feed(state)
            return
        if state["warned"] and self.notify:
            await self.notify(f"✅ Feed {url} funktioniert wieder.")
        state.update(failures=0, next_try=0.0, warned=0)
        if result.status == "ok":
            state.update(etag=result.etag, last_modified=result.last_modified)
            if not state["initialised"]:
                # First run: remember what is there; post only the newest N (default none).
                turned_away = [s for s in result.stories if not self.accept(s)]
                self.store.add_new(turned_away, "seen", filtered=True)
                recent = [s for s in result.stories if not self._too_old(s) and s not in turned_away]  # limits hold
                newest = recent[-self.first_run_post:] if self.first_run_post else []
                old = [s for s in result.stories if s not in newest and s not in turned_away]
                self.store.add_new(old, "seen")
                self._checked.update((s.feed, s.key) for s in self.store.add_new(newest, "pending"))
                state["initialised"] = 1
            else:
                turned_away = [s for s in result.stories if not self.accept(s)]
                self.store.add_new(turned_away, "seen", filtered=True)
                fresh = [s for s in result.stories if not self._too_old(s) and s not in turned_away]
                stale = [s for s in result.stories if self._too_old(s) and s not in turned_away]
                self.store.add_new(stale, "seen")
                self._checked.update((s.feed, s.key) for s in self.store.add_new(fresh, "pending"))
        self.store.save_feed(state)

    def _too_old(self, story: Story) -> bool:
        if not story.published or not self.max_age_days:
            return False
        published = dt.datetime.fromisoformat(story.published).timestamp()
        return self.clock() - published > self.max_age_days * 86400

    async def deliver(self) -> list[Story]:
        posted = []
        # At most max_per_poll posts per poll (a feed that suddenly lists 50 items does not flood the
        # channel); the rest follow on the next polls, oldest first.
        for story in self.store.pending()[: self.max_per_poll or None]:
            if self.confirm is not None and (story.feed, story.key) not in self._checked:
                self._checked.add((story.feed, story.key))
                found = await self.confirm(story)
                if found is not None:
                    log.info("story %r was already posted (message %s); not posting it again", story.title, found)
                    self.store.mark(story, "posted", found)
                    continue
            try:
                message_id = await self.send(story)
            except Rejected as exc:  # Discord refuses this story (400 …): retrying the same will not help
                tries = self.store.failed(story, exc.reason)
                log.warning("Discord rejected story %r (%d/%d): %s", story.title, tries, MAX_TRIES, exc.reason)
                if tries >= MAX_TRIES:
                    if self.notify is not None:
                        await self.notify(f"⚠️ Story #{self.store.story_id(story)} „{story.title}“ ({story.link}) "
                                          f"could not be posted: Discord says: {exc.reason}. The next stories go "
                                          f"on; `stories retry {self.store.story_id(story)}` (CLI or /kb) tries again.")
                    continue  # set aside; the queue goes on
                break  # keep the order for now: tried again on the next poll
            except Exception as exc:  # a passing failure (5xx, 429, network): stays pending, retried next poll
                log.warning("posting story %r failed, will retry: %s", story.title, exc)
                break  # keep the order: nothing newer overtakes a failed older story
            self.store.mark(story, "posted", message_id)
            posted.append(story)
        return posted
