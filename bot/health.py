"""``/healthz`` and ``/metrics`` over aiohttp; one implementation for the Discord bot and
the web server (which mounts the same routes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.core import Core
from bot.metrics import CONTENT_TYPE

StatusFn = Callable[[], dict[str, Any]]


def add_health_routes(app: web.Application, core: Core, status: StatusFn | None = None) -> None:
    """``status`` adds front-end facts such as ``{"gateway_connected": True}``."""

    async def healthz(_: web.Request) -> web.Response:
        extra = status() if status else {}
        ok = all(v for k, v in extra.items() if k.endswith("_connected"))
        body = {"ok": ok, "knowledge_version": core.version, "loaded_at": int(core.loaded_at), **extra}
        return web.json_response(body, status=200 if ok else 503)

    async def metrics(_: web.Request) -> web.Response:
        extra = status() if status else {}
        gauges = {k: float(v) for k, v in extra.items() if isinstance(v, bool | int | float)}
        text = core.metrics.render(gauges, {"knowledge_version": core.version})
        return web.Response(body=text.encode("utf-8"),
                            headers={"Content-Type": CONTENT_TYPE, "X-Content-Type-Options": "nosniff"})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)


async def start_health(core: Core, host: str, port: int, status: StatusFn | None = None) -> web.AppRunner:
    app = web.Application()
    add_health_routes(app, core, status)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner
