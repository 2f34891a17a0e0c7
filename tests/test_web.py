"""The web API and page server, through aiohttp's test client, and ``python -m bot serve`` as a user starts it."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
import yaml
from aiohttp.test_utils import TestClient, TestServer

from bot.answers import Answerer
from bot.community.events import EventStore, validate
from bot.community.stories import Story, StoryStore
from bot.config import WebSettings
from bot.conversation import Context
from bot.core import Core
from bot.loader import load
from bot.storage import Storage
from bot.web import WebApp
from tests.botproc import free_port

ROOT = Path(__file__).resolve().parent.parent


def make_client(settings: WebSettings | None = None, storage: Storage | None = None) -> TestClient:
    core = Core(Answerer(load([ROOT / "knowledge"])))
    app = WebApp(core, settings or WebSettings(rate_per_minute=600, burst=50), storage=storage)
    return TestClient(TestServer(app.app))


@pytest_asyncio.fixture
async def client() -> AsyncIterator[TestClient]:
    async with make_client() as c:
        yield c


async def test_ask_returns_the_same_json_as_the_command_line(client: TestClient) -> None:
    questions = ["Ist Lüdenscheid dabei?", "what's next on the timeline?", "Wie ist das Wetter?"]
    cli = subprocess.run([sys.executable, "-m", "bot", "ask", "--json"], input="\n".join(questions), cwd=ROOT,
                         capture_output=True, text=True, check=True)
    expected = [json.loads(line) for line in cli.stdout.splitlines()]
    for question, want in zip(questions, expected, strict=True):
        response = await client.post("/api/ask", json={"question": question})
        assert response.status == 200
        got = await response.json()
        got_context, want_context = Context.decode(got.pop("context")), Context.decode(want.pop("context"))
        assert got == want
        # The context carries the second it was made in: the same topic and towns, maybe a second apart.
        assert (got_context and (got_context.intent, got_context.towns)) == \
            (want_context and (want_context.intent, want_context.towns))
    assert expected[2]["intent"] is None  # the fallback comes through the API as well


async def test_lang_forces_the_answer_language(client: TestClient) -> None:
    response = await client.post("/api/ask", json={"question": "Ist Lüdenscheid dabei?", "lang": "en"})
    body = await response.json()
    assert body["lang"] == "en" and body["answer"].startswith("Yes!")


@pytest.mark.parametrize("payload, fragment", [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "JSON object"),
    (b"{}", '"question" is missing'),
    (b'{"question": "   "}', '"question" is missing'),
    (b'{"question": 5}', '"question" is missing'),
    (b'{"question": "hallo", "lang": "fr"}', '"lang" must be'),
    (json.dumps({"question": "x" * 1001}).encode(), "longer than 1000"),
    (b"\xff\xfe", "not valid JSON"),
])
async def test_bad_requests_get_a_clear_400(client: TestClient, payload: bytes, fragment: str) -> None:
    response = await client.post("/api/ask", data=payload, headers={"Content-Type": "application/json"})
    assert response.status == 400
    assert fragment in (await response.json())["error"]


async def test_the_body_size_is_limited() -> None:
    async with make_client(WebSettings(max_body_bytes=2048)) as client:
        response = await client.post("/api/ask", data=json.dumps({"question": "a " * 2000}),
                                     headers={"Content-Type": "application/json"})
        assert response.status == 413
        ok = await client.post("/api/ask", json={"question": "Ist Soest dabei?"})
        assert ok.status == 200


async def test_the_default_burst_suits_a_person_clicking_chips() -> None:
    async with make_client(WebSettings()) as client:
        statuses = [(await client.post("/api/ask", json={"question": "Hallo"})).status for _ in range(11)]
        assert statuses == [200] * 10 + [429]


async def test_each_client_is_rate_limited_with_retry_after() -> None:
    settings = WebSettings(rate_per_minute=6, burst=2, trust_forwarded_for=True)
    async with make_client(settings) as client:
        alice = {"X-Forwarded-For": "198.51.100.7"}
        statuses = [(await client.post("/api/ask", json={"question": "Hallo"}, headers=alice)).status
                    for _ in range(3)]
        assert statuses == [200, 200, 429]
        limited = await client.post("/api/ask", json={"question": "Hallo"}, headers=alice)
        assert limited.status == 429 and 1 <= int(limited.headers["Retry-After"]) <= 10
        assert "try again" in (await limited.json())["error"]
        bob = await client.post("/api/ask", json={"question": "Hallo"}, headers={"X-Forwarded-For": "203.0.113.9"})
        assert bob.status == 200  # another client is not affected
        metrics = await (await client.get("/metrics")).text()
        assert "scs_web_rate_limited_total 2.0" in metrics  # each refusal counted


async def test_health_and_metrics_are_the_shared_routes(client: TestClient) -> None:
    await client.post("/api/ask", json={"question": "Ist Soest dabei?"})
    await client.post("/api/ask", json={"question": "Wie ist das Wetter?"})
    health = await client.get("/healthz")
    assert health.status == 200 and (await health.json())["ok"] is True
    metrics = await (await client.get("/metrics")).text()
    assert 'scs_questions_total{outcome="answered",source="web"} 1' in metrics
    assert 'scs_questions_total{outcome="fallback",source="web"} 1' in metrics


async def test_the_page_and_its_files_are_served_with_a_strict_policy(client: TestClient) -> None:
    page = await client.get("/")
    html = await page.text()
    assert page.status == 200 and page.content_type == "text/html"
    assert '<script src="/static/chat.js" defer></script>' in html and "<script>" not in html
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    js = await client.get("/static/chat.js")
    assert js.status == 200 and js.content_type == "text/javascript"
    assert "innerHTML" not in await js.text()  # answers are built from text nodes only
    for bad in ("/static/..%2Fweb.py", "/static/.hidden.js", "/static/web.py", "/static/missing.css"):
        assert (await client.get(bad)).status == 404


async def test_start_lists_topics_events_and_stories(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "bot.sqlite3")
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    events = EventStore(storage, lambda: dt.datetime.now(dt.UTC))
    events.create(validate(now=dt.datetime.now(dt.UTC), title="Werkstatt <b>", start=soon.strftime("%Y-%m-%d %H:00"),
                           place="Soest"))
    stories = StoryStore(storage)
    story = Story("feed", "k1", "Menden <script>", "https://example.org/menden", "2026-11-20T10:00:00+00:00",
                  "summary", None)
    stories.add_new([story], "posted")
    async with make_client(storage=storage) as client:
        body = await (await client.get("/api/start?lang=en")).json()
        assert body["suggestions"][0] == {"intent": "initiative", "label": "What is Smart Cities Südwestfalen?"}
        assert [e["title"] for e in body["events"]] == ["Werkstatt <b>"] and body["events"][0]["place"] == "Soest"
        assert body["stories"] == [{"title": "Menden <script>", "link": "https://example.org/menden",
                                    "date": "2026-11-20"}]
    storage.close()


async def wait_for_page(port: int, proc: subprocess.Popen[str]) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(100):
            assert proc.poll() is None, proc.communicate()[1]
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                await asyncio.sleep(0.1)
    raise TimeoutError("serve did not start")


async def test_serve_works_without_token_or_config_and_picks_up_knowledge_edits(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={"PATH": "", "PYTHONPATH": str(ROOT)})
    try:
        await wait_for_page(port, proc)
        async with aiohttp.ClientSession() as http:
            async with http.post(f"http://127.0.0.1:{port}/api/ask", json={"question": "Ist Soest dabei?"}) as r:
                assert (await r.json())["intent"] == "membership"
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert proc.returncode == 0 and f"http://127.0.0.1:{port}/" in out
    assert not (tmp_path / "data").exists()  # no config: nothing written

    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("*.md", "learned.yaml*"))
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"knowledge": [str(knowledge)], "kb": {"reload_seconds": 0.2},
                                      "storage": {"path": str(tmp_path / "bot.sqlite3")},
                                      "web": {"port": port}}), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--config", str(config)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        await wait_for_page(port, proc)
        async with aiohttp.ClientSession() as http:
            ask = f"http://127.0.0.1:{port}/api/ask"
            async with http.post(ask, json={"question": "Wo kann man in Arnsberg parken?"}) as r:
                assert (await r.json())["intent"] is None
            parking = knowledge / "parking.yaml"
            parking.write_text(
                "intents:\n  - id: parking\n    title: {de: Parken, en: Parking}\n"
                "    examples:\n      de: [Wo kann man in Arnsberg parken?]\n      en: [Where can I park?]\n"
                "    answer: {de: Dazu weiß ich nichts Genaues., en: I don't know about parking.}\n",
                encoding="utf-8")
            for _ in range(50):
                async with http.post(ask, json={"question": "Wo kann man in Arnsberg parken?"}) as r:
                    if (await r.json())["intent"] == "parking":
                        break
                await asyncio.sleep(0.2)
            else:
                raise AssertionError("the edit was not picked up")
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
    assert proc.returncode == 0
    with Storage(tmp_path / "bot.sqlite3").db as db:  # the fallback reached the moderators' log
        assert db.execute("SELECT question FROM unanswered").fetchall()[0][0] == "wo kann man in arnsberg parken?"


async def test_facets_several_questions_and_places_through_the_api(client: TestClient) -> None:
    async def ask(question: str) -> dict:
        response = await client.post("/api/ask", json={"question": question})
        assert response.status == 200
        return await response.json()

    assert "Horst Seehofer, damals Bundesinnenminister" in (await ask("Wer hat die Förderung übergeben?"))["answer"]
    two = (await ask("Is Hemer part of it? And Eslohe?"))["answer"]
    assert "**Hemer**" in two and "**Eslohe (Sauerland)** (Hochsauerlandkreis) is not one of the" in two
    assert (await ask("Is Lüdenscheid part of it?"))["lang"] == "en"


async def test_follow_up_context_comes_and_goes_through_the_api(client: TestClient) -> None:
    first = await (await client.post("/api/ask", json={"question": "Wer hat die Förderung übergeben?"})).json()
    assert isinstance(first["context"], str)
    follow = await client.post("/api/ask", json={"question": "und wo?", "context": first["context"]})
    assert "in Berlin überreicht" in (await follow.json())["answer"]
    stale = await client.post("/api/ask", json={"question": "und wo?", "context": "not-a-context"})
    assert stale.status == 200 and (await stale.json())["intent"] is None


async def test_deep_nesting_and_lone_surrogates_are_a_clear_400_not_a_500(client: TestClient) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    for payload in (deep, b'{"question": "' + b"[" * 50_000 + b'"}', b'{"question": "Hallo \\ud800 Welt"}'):
        response = await client.post("/api/ask", data=payload, headers={"Content-Type": "application/json"})
        assert response.status in (400, 413), (response.status, await response.text())
        assert response.headers["X-Content-Type-Options"] == "nosniff"  # errors carry the security headers


async def test_aborted_and_slow_requests_are_no_errors(client: TestClient, caplog: pytest.LogCaptureFixture,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    import logging

    import bot.web

    monkeypatch.setattr(bot.web, "READ_TIMEOUT", 0.3)
    head = (b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
            b'{"question": ')
    caplog.set_level(logging.INFO)
    reader, writer = await asyncio.open_connection(client.server.host, client.server.port)
    writer.write(head)  # a slow client: the rest of the body never comes
    await writer.drain()
    status = await asyncio.wait_for(reader.readline(), 5)
    assert b" 408 " in status
    writer.close()
    reader, writer = await asyncio.open_connection(client.server.host, client.server.port)
    writer.write(head)  # an aborted request: the client goes away
    await writer.drain()
    writer.close()
    await asyncio.sleep(0.5)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]


async def test_a_web_only_deployment_reads_the_feeds_itself(tmp_path: Path) -> None:
    from tests.test_stories import FeedServer, rss_with

    feed = FeedServer()
    feed_url = await feed.start() + "/feed"
    port = free_port()
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"storage": {"path": str(tmp_path / "bot.sqlite3")}, "web": {"port": port},
                                      "stories": {"feeds": [feed_url], "poll_minutes": 0.02, "max_age_days": 0}}),
                      encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--config", str(config)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        await wait_for_page(port, proc)

        async def titles() -> list[str]:
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://127.0.0.1:{port}/api/start") as response:
                    return [s["title"] for s in (await response.json())["stories"]]

        for _ in range(50):
            if "Menden auf der digitalen Überholspur" in await titles():
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("serve did not read the feed")
        feed.body = rss_with(1)  # a new story on the blog: the page shows it after the next poll
        for _ in range(50):
            if "Neue Story 0" in await titles():
                break
            await asyncio.sleep(0.2)
        else:
            raise AssertionError("serve did not poll the feed again")
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
        await feed.stop()
    storage = Storage(tmp_path / "bot.sqlite3")
    try:  # recorded, not posted: a Discord bot on this database would still post the new one
        states = dict(storage.db.execute("SELECT title, state FROM stories").fetchall())
    finally:
        storage.close()
    assert states["Neue Story 0"] == "pending" and "posted" not in states.values()
