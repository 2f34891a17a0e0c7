"""Hot reload: notice edited knowledge files, validate them, swap the new version in.

A broken edit never replaces the running knowledge: the bot keeps answering from the last
good version and reports the problems once per broken version. Parsing and indexing run
in a worker thread, so answering continues while a large file is loaded; the swap itself
is a single attribute assignment (``Core.swap``), so a question in flight finishes on the
version it started with.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot import memory
from bot.answers import Answerer
from bot.core import Core
from bot.knowledge_source import KnowledgeSource
from bot.loader import KnowledgeError, Problem
from bot.model import Knowledge
from bot.understanding import compiled

log = logging.getLogger(__name__)

Notify = Callable[[str, "ReloadResult"], Awaitable[None]]  # kind: "loaded", "broken" or "clear"


@dataclass
class ReloadResult:
    status: str  # loaded, unchanged, broken
    version: str
    problems: list[Problem] = field(default_factory=list)


def shrinkage(running: Knowledge, new: Knowledge) -> Problem | None:
    """A problem when ``new`` loses all intents or more than half of the running ones, else None."""
    before, after = len(running.intents), len(new.intents)
    if before == 0 or (after > 0 and after * 2 >= before):
        return None
    where = next((f for f in new.sources if f.endswith("intents.yaml")), new.sources[0] if new.sources else "knowledge")
    return Problem(where, 1, 1, f"this version has {after} intent(s), the running one {before}: it would lose "
                                f"{'all of them' if after == 0 else 'more than half'} at once (an emptied or cut-off "
                                "file?). Fix the file, or confirm with /kb reload force (python -m bot check "
                                "shows the rest)")


class Reloader:
    def __init__(self, core: Core, source: KnowledgeSource, make_answerer: Callable[[Knowledge], Answerer],
                 notify: Notify | None = None):
        self.core = core
        self.source = source
        self.make_answerer = make_answerer
        self.notify = notify
        self.problems: list[Problem] = []  # of the newest version on disk ([] when it is loaded)
        self.disk_version = core.version
        self._reported: set[str] = set()
        self._lock = asyncio.Lock()
        self.teach_lock = asyncio.Lock()  # one teach at a time: read, validate, write the overlay
        self.on_swap: list[Callable[[Answerer], None]] = []  # front ends attach their data sources

    async def reload(self, force: bool = False, confirm_shrink: bool = False) -> ReloadResult:
        """Load the files if they changed (``force``: even if not). A version that loses all
        intents, or more than half of them at once (an emptied or truncated file), is refused
        like a broken one unless a moderator confirms it (``confirm_shrink``: ``/kb reload force``)."""
        notes: list[tuple[str, ReloadResult]] = []
        async with self._lock:
            result = await self._reload(force, confirm_shrink, notes)
        # Reports go out after the lock is released: a fix saved meanwhile goes live at once.
        if self.notify is not None:
            for kind, note in notes:
                await self.notify(kind, note)
        return result

    async def _reload(self, force: bool, confirm_shrink: bool, notes: list[tuple[str, ReloadResult]]) -> ReloadResult:
        try:
            texts = self.source.read()
        except KnowledgeError as exc:
            return self._broken("missing", list(exc.problems), notes)
        version = self.source.digest(texts)
        if not force and version == self.disk_version:
            return ReloadResult("unchanged", version, list(self.problems))
        self.disk_version = version
        try:
            answerer = await asyncio.to_thread(lambda: self.make_answerer(compiled.load_texts(texts)))
        except KnowledgeError as exc:
            return self._broken(version, list(exc.problems), notes)
        if answerer.knowledge.version == self.core.version and not force:
            if self.problems:  # the files are back at the running version: all clear
                notes.append(("clear", ReloadResult("unchanged", version)))
            self.problems = []
            self._reported.clear()
            return ReloadResult("unchanged", version)
        shrink = shrinkage(self.core.answerer.knowledge, answerer.knowledge)
        if shrink is not None and not confirm_shrink:
            return self._broken(version, [shrink], notes)
        for hook in self.on_swap:
            hook(answerer)
        self.core.swap(answerer)
        memory.give_back()  # what building the new index freed
        self.problems = []
        self._reported.clear()  # a broken version that comes back later is reported again
        log.info("knowledge version %s loaded", version)
        result = ReloadResult("loaded", version)
        notes.append(("loaded", result))
        return result

    def _broken(self, version: str, problems: list[Problem], notes: list[tuple[str, ReloadResult]]) -> ReloadResult:
        self.problems = problems
        result = ReloadResult("broken", version, problems)
        if version not in self._reported:
            self._reported.add(version)
            log.warning("knowledge version %s has %d problem(s); still answering from %s",
                        version, len(problems), self.core.version)
            notes.append(("broken", result))
        return result

    def _stamp(self) -> tuple[tuple[str, int, int], ...]:
        stamps = []
        try:
            files = self.source.files()
        except KnowledgeError:
            return ()
        for file in files:
            try:
                st = file.stat()
                stamps.append((str(file), st.st_mtime_ns, st.st_size))
            except OSError:
                stamps.append((str(file), -1, -1))
        return tuple(stamps)

    async def watch(self, interval: float) -> None:
        """Poll the files; reload once they have stopped changing for one interval (debounce:
        an editor that writes in several steps is loaded once, complete)."""
        stamp = self._stamp()
        while True:
            await asyncio.sleep(interval)
            new = self._stamp()
            if new == stamp:
                continue
            while True:  # wait until the edit has settled
                await asyncio.sleep(interval)
                settled = self._stamp()
                if settled == new:
                    break
                new = settled
            stamp = new
            started = time.perf_counter()
            try:
                result = await self.reload()
            except Exception:  # a reload must never stop the watcher
                log.exception("reloading the knowledge failed")
                continue
            log.debug("reload check: %s in %.0f ms", result.status, (time.perf_counter() - started) * 1000)
