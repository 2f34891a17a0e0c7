"""Answer from the database too: announced events join the timeline, the latest stories
fill the ``{stories}`` placeholder. Used by every front end that has the database."""

from __future__ import annotations

from bot.answers import Answerer
from bot.clock import now
from bot.community.events import EventStore
from bot.community.stories import StoryStore
from bot.core import Core
from bot.reloader import Reloader
from bot.storage import Storage


def attach_state(core: Core, reloader: Reloader, storage: Storage) -> None:
    """Hook the stores into the current answerer and into every one a reload swaps in."""
    events = EventStore(storage, now)
    stories = StoryStore(storage)

    def latest() -> list[tuple[str, str, str | None]]:
        return [(s.title, s.link, s.published) for s in stories.latest(5)]

    def attach(answerer: Answerer) -> None:
        answerer.extra_timeline = events.timeline
        answerer.stories = latest

    attach(core.answerer)
    reloader.on_swap.append(attach)
