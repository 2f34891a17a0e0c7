"""The web front end: the chat page at ``/`` and ``POST /api/ask``, over aiohttp.

It asks through the same ``Core`` as Discord and the command line, so the answers, the
metrics and the knowledge (with its hot reload) are shared; ``/healthz`` and ``/metrics``
are the routes of ``bot.health``. The page is plain HTML/CSS/JS from ``bot/static`` and
renders answer text as text nodes only, so nothing from a question or the knowledge can
run in it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from pathlib import Path
from typing import Any

from aiohttp import ClientConnectionError, web

from bot.clock import now
from bot.community.events import EventStore
from bot.community.stories import StoryStore
from bot.config import WebSettings
from bot.conversation import Context
from bot.core import Core
from bot.health import StatusFn, add_health_routes
from bot.ratelimit import RateLimiter
from bot.storage import Storage

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
QUESTION_MAX = 1000
READ_TIMEOUT = 10.0  # seconds a client may take to send its question
KEEPALIVE_TIMEOUT = 15.0  # seconds an idle connection is kept open
_SURROGATE = re.compile("[\ud800-\udfff]")
CHIPS = 6
# The page loads only its own files; no inline script, no framing, no sniffing.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
STATIC_TYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}


def _error(status: int, message: str, **headers: str) -> web.Response:
    return web.json_response({"error": message}, status=status, headers={**SECURITY_HEADERS, **headers})


class WebApp:
    def __init__(self, core: Core, settings: WebSettings, *, storage: Storage | None = None,
                 status: StatusFn | None = None):
        self.core = core
        self.settings = settings
        self.limiter = RateLimiter(settings.rate_per_minute, settings.burst)
        self.events = EventStore(storage, now) if storage is not None else None
        self.stories = StoryStore(storage) if storage is not None else None
        # The page's few small files, read once (a new version of the bot restarts anyway).
        self.files = {p.name: p.read_bytes() for p in STATIC.iterdir() if p.suffix in STATIC_TYPES}
        self.app = web.Application(client_max_size=settings.max_body_bytes)
        self.app.router.add_get("/", self.index)
        self.app.router.add_get("/static/{name}", self.static)
        self.app.router.add_get("/favicon.ico", self.favicon)  # browsers ask for it on every load
        self.app.router.add_post("/api/ask", self.ask)
        self.app.router.add_get("/api/start", self.start)
        add_health_routes(self.app, core, status)

    def _client(self, request: web.Request) -> str:
        if self.settings.trust_forwarded_for:
            forwarded = request.headers.get("X-Forwarded-For", "")
            if forwarded:
                return forwarded.split(",")[-1].strip()  # the address our own proxy saw
        return request.remote or "?"

    async def index(self, _: web.Request) -> web.StreamResponse:
        return self._file("index.html")

    async def favicon(self, _: web.Request) -> web.StreamResponse:
        return self._file("favicon.svg")

    async def static(self, request: web.Request) -> web.StreamResponse:
        return self._file(request.match_info["name"])

    def _file(self, name: str) -> web.StreamResponse:
        if name not in self.files:  # only the page's own files, by exact name: no paths
            raise web.HTTPNotFound()
        return web.Response(body=self.files[name], content_type=STATIC_TYPES[Path(name).suffix], charset="utf-8",
                            headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})

    async def ask(self, request: web.Request) -> web.Response:
        wait = self.limiter.hit(self._client(request))
        if wait:
            self.core.metrics.web_rate_limited.inc()
            return _error(429, f"too many questions; try again in {wait} s", **{"Retry-After": str(wait)})
        try:
            raw = await asyncio.wait_for(request.read(), READ_TIMEOUT)
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"the request is larger than {self.settings.max_body_bytes} bytes")
        except TimeoutError:  # a client that sends its body too slowly
            return _error(408, f"the body did not arrive within {READ_TIMEOUT:g} s")
        except (ConnectionError, ClientConnectionError):  # the client went away: nothing to answer, no traceback
            log.info("a client closed the connection before its question arrived")
            return web.Response(status=400)
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            return _error(400, f"the body is not valid JSON: {exc}")
        except RecursionError:
            return _error(400, "the body is nested too deeply; send a flat JSON object")
        if not isinstance(body, dict):
            return _error(400, 'send a JSON object like {"question": "Ist Lüdenscheid dabei?"}')
        question = body.get("question")
        if not isinstance(question, str) or not question.strip():
            return _error(400, '"question" is missing or empty: send {"question": "..."}')
        if len(question) > QUESTION_MAX:
            return _error(400, f'"question" is longer than {QUESTION_MAX} characters')
        if _SURROGATE.search(question):
            return _error(400, '"question" contains an unpaired surrogate (\\ud800-\\udfff), which is no text')
        lang = body.get("lang")
        if lang is not None and lang not in ("de", "en"):
            return _error(400, '"lang" must be "de" or "en" (or left out to follow the question)')
        # The previous answer's context, sent back by the page for follow-ups ("und wo?"); a stale or
        # malformed one is ignored, never an error: the server keeps no per-user state.
        context = Context.decode(body.get("context"))
        answer = self.core.ask(question.strip(), lang=lang, source="web", context=context)
        return web.json_response(answer.to_json(), headers=SECURITY_HEADERS)

    async def start(self, request: web.Request) -> web.Response:
        """What the page shows before the first question: topic chips, events, stories."""
        lang = request.query.get("lang", "de")
        lang = lang if lang in ("de", "en") else "de"
        answerer = self.core.answerer
        topics = [i for i in answerer.knowledge.intents if i.listed]
        facts = answerer.knowledge.facts
        body: dict[str, Any] = {
            "name": facts.get("initiative", {}).get(lang, ""), "intro": facts.get("tagline", {}).get(lang, ""),
            "homepage": self.settings.homepage or None,
            "suggestions": [{"intent": i.id, "label": i.title[lang]} for i in topics[:CHIPS]],
            "events": [], "stories": [], "knowledge_version": self.core.version,
        }
        if self.events is not None:
            body["events"] = [{"title": e.title, "when": e.when(lang), "place": e.place if not e.link else None,
                               "link": e.link} for e in self.events.upcoming(limit=5)]
        if self.stories is not None:
            body["stories"] = [{"title": s.title, "link": s.link, "date": (s.published or "")[:10] or None}
                               for s in self.stories.latest(5)]
        return web.json_response(body, headers=SECURITY_HEADERS)


async def start_web(app: WebApp, host: str, port: int) -> web.AppRunner:
    # No access log (it would keep addresses); idle keep-alive connections close after 15 s.
    runner = web.AppRunner(app.app, access_log=None, keepalive_timeout=KEEPALIVE_TIMEOUT)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner
