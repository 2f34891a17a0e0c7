"""Feeds routed like MonitoRSS: each feed with its own channel, keyword filters, role and template.

Routes come from the config (``stories.feeds`` as plain feeds, ``stories.routes`` with options)
and from moderators in Discord (``/feeds``, stored in SQLite). Plain data and text: the Discord
layer sends what ``render`` makes.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.answers import Answer
from bot.community.stories import Story, StoryStore, safe_url
from bot.config import Config
from bot.messages import msg
from bot.storage import Storage

PLACEHOLDERS = ("title", "link", "date", "summary", "image", "feed")
TEMPLATE_MAX = 1500


@dataclass(frozen=True)
class FeedRoute:
    url: str
    name: str = ""
    channel: int = 0  # 0: the default stories channel
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    role: str = ""
    template: str = ""
    paused: bool = False
    source: str = "config"  # config | discord (added with /feeds: can be changed there)

    @property
    def label(self) -> str:
        return self.name or self.url


def template_problems(template: str) -> list[str]:
    """What is wrong with a message template (unknown placeholders, format tricks), in plain words."""
    if not template:
        return []
    problems = []
    if len(template) > TEMPLATE_MAX:
        problems.append(f"the template is {len(template)} characters long; at most {TEMPLATE_MAX}")
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        return [*problems, f"{exc} (write {{{{ and }}}} for literal braces)"]
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            problems.append(f"unknown placeholder {{{name}}}; known: "
                            + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS))
        elif spec or conversion:
            problems.append(f"{{{name}}} takes no format or conversion")
    return problems


def matches(route: FeedRoute, story: Story) -> bool:
    """Include filters: at least one keyword in the title or summary; exclude filters: none."""
    text = f"{story.title}\n{story.summary}".casefold()
    if route.include and not any(k.casefold() in text for k in route.include):
        return False
    return not any(k.casefold() in text for k in route.exclude)


def render(route: FeedRoute, story: Story, limit: int = 2000) -> str:
    """The message text of a story with the route's template (values as they are: no formatting
    tricks are possible, see ``template_problems``)."""
    date = ""
    if story.published:
        date = dt.datetime.fromisoformat(story.published).strftime("%d.%m.%Y")
    values = {"title": story.title, "link": story.link, "date": date, "summary": story.summary,
              "image": story.image or "", "feed": route.label}
    return route.template.format_map(values)[:limit]


def config_routes(config: Config) -> list[FeedRoute]:
    """The feeds of the config: ``stories.feeds`` (plain) and ``stories.routes`` (with options)."""
    routes = [FeedRoute(url) for url in config.stories.feeds]
    for r in config.stories.routes:
        routes.append(FeedRoute(r.url, r.name, r.channel, tuple(r.include), tuple(r.exclude), r.role, r.template,
                                r.paused))
    return routes


class FeedRoutes:
    """The routes: the config's, plus those moderators added in Discord (SQLite), which may also
    pause a config feed (kept as an override)."""

    def __init__(self, storage: Storage, config: Config):
        self.storage = storage
        self.config = config
        self._snapshot: dict[str, FeedRoute] = {}  # the routes as read for the current poll

    def refresh(self) -> list[str]:
        """Read the routes once for a poll (moderators change them while the bot runs); the active
        feeds' addresses. ``route_of`` and ``accept`` answer from this reading."""
        self._snapshot = {r.url: r for r in self.all()}
        return [r.url for r in self._snapshot.values() if not r.paused]

    def route_at(self, url: str) -> FeedRoute:
        """The route of a feed (a story from a feed removed since gets a plain one)."""
        return self._snapshot.get(url) or self.by_url(url) or FeedRoute(url)

    def route_of(self, story: Story) -> FeedRoute:
        return self.route_at(story.feed)

    def accept(self, story: Story) -> bool:
        """The story's feed's include/exclude filters."""
        return matches(self.route_of(story), story)

    def all(self) -> list[FeedRoute]:
        rows = {r["url"]: r for r in self.storage.db.execute("SELECT * FROM feed_routes ORDER BY rowid").fetchall()}
        out = []
        for route in config_routes(self.config):
            row = rows.pop(route.url, None)
            out.append(replace(route, paused=bool(row["paused"])) if row is not None else route)
        for row in rows.values():
            if row["removed"]:
                continue
            out.append(FeedRoute(row["url"], row["name"], row["channel"], _split(row["include"]),
                                 _split(row["exclude"]), row["role"], row["template"], bool(row["paused"]), "discord"))
        return out

    def active(self) -> list[FeedRoute]:
        return [r for r in self.all() if not r.paused]

    def by_url(self, url: str) -> FeedRoute | None:
        return next((r for r in self.all() if r.url == url), None)

    def add(self, route: FeedRoute) -> None:
        with self.storage.transaction() as db:
            db.execute("INSERT INTO feed_routes (url, name, channel, include, exclude, role, template, paused, removed)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0) ON CONFLICT (url) DO UPDATE SET name = excluded.name, "
                       "channel = excluded.channel, include = excluded.include, exclude = excluded.exclude, "
                       "role = excluded.role, template = excluded.template, paused = 0, removed = 0",
                       (route.url, route.name, route.channel, "\n".join(route.include), "\n".join(route.exclude),
                        route.role, route.template))

    def set_paused(self, url: str, paused: bool) -> bool:
        route = self.by_url(url)
        if route is None:
            return False
        with self.storage.transaction() as db:
            db.execute("INSERT INTO feed_routes (url, name, channel, include, exclude, role, template, paused, removed)"
                       " VALUES (?, '', 0, '', '', '', '', ?, 0)"
                       " ON CONFLICT (url) DO UPDATE SET paused = excluded.paused",
                       (url, int(paused)))
        return True

    def remove(self, url: str) -> str:
        """"removed", "config" (a config feed: pause it, or remove it from the file) or "unknown"."""
        route = self.by_url(url)
        if route is None:
            return "unknown"
        if route.source == "config":
            return "config"
        with self.storage.transaction() as db:
            db.execute("UPDATE feed_routes SET removed = 1 WHERE url = ?", (url,))
        return "removed"


def stories_answer(routes: Sequence[FeedRoute], store: StoryStore, lang: str, per_feed: int = 3) -> Answer:
    """``/stories`` with several feeds: the latest of each, under the feed's name."""
    blocks = []
    for route in routes:
        latest = store.latest(per_feed, feed=route.url)
        if latest:
            lines = [f"• [{s.title}]({safe_url(s.link)})" if safe_url(s.link) else f"• {s.title}" for s in latest]
            blocks.append(f"**{route.label}**\n" + "\n".join(lines))
    return Answer("", None, 1.0, lang, "\n\n".join(blocks) or msg("stories_none", lang), [],
                  msg("stories_title", lang), True)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split("\n") if v)


def keywords(text: str | None) -> tuple[str, ...]:
    """"Menden, Olpe; Soest" -> ("Menden", "Olpe", "Soest"): what a moderator types in a command."""
    return tuple(k.strip() for k in (text or "").replace(";", ",").split(",") if k.strip())


def routes_text(routes: Sequence[FeedRoute], lang: str) -> str:
    if not routes:
        return msg("feeds_none", lang)
    lines = []
    for r in routes:
        bits = [f"<#{r.channel}>" if r.channel else msg("feeds_default_channel", lang)]
        if r.include:
            bits.append("+" + ", ".join(r.include))
        if r.exclude:
            bits.append("−" + ", ".join(r.exclude))
        if r.role:
            bits.append(f"@{r.role}")
        if r.template:
            bits.append(msg("feeds_template", lang))
        state = msg("feeds_paused", lang) if r.paused else ""
        source = "" if r.source == "discord" else " (config)"
        lines.append(f"• **{r.label}**{source} {state}\n  {r.url} · " + " · ".join(bits))
    return "\n".join(lines)
