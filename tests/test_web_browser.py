"""The chat page in headless Chromium (Debian's ``chromium``, driven by Playwright).

The page is served by ``python -m bot serve`` started as a user starts it. ``.ci/run``
installs Chromium and sets SCS_REQUIRE_BROWSER=1, so there a missing browser fails the
test instead of skipping it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import clock
from bot.clock import BERLIN
from bot.community.events import EventStore, validate
from bot.community.stories import Story, StoryStore
from bot.storage import Storage
from tests.botproc import ROOT, free_port

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    if os.environ.get("SCS_REQUIRE_BROWSER"):
        raise RuntimeError(f"Chromium is required (SCS_REQUIRE_BROWSER) but {CHROMIUM} does not exist")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

# Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
STORY_TITLE = 'Menden <img src=x onerror="window.pwned=1">'  # served to the page in the hostile-data test
SCREENSHOT = ROOT / "docs" / "chat-page.png"


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    cwd = tmp_path_factory.mktemp("serve")
    (cwd / "config.yaml").write_text(  # the defaults would rate-limit this many questions from one address
        f"knowledge: [{ROOT / 'knowledge'}]\nstorage: {{path: {cwd / 'bot.sqlite3'}}}\n"
        "web: {rate_per_minute: 600, burst: 50, homepage: 'https://example.org/smart-cities'}\n", encoding="utf-8")
    storage = Storage(cwd / "bot.sqlite3")  # an announced event and a posted story for the side panel
    start = (dt.datetime.now(BERLIN) + dt.timedelta(days=10)).strftime("%d.%m.%Y 18:00")
    EventStore(storage, clock.now).create(validate(
        now=clock.now(), title="Smart Cities: Schule – Werkstatt", start=start, end="20:00", place="Arnsberg"))
    StoryStore(storage).add_new([
        Story("feed", "1", "Smart Cities: Schule – Digitale Lernorte", "https://example.org/schule",
              "2026-11-22T10:00:00+00:00", "", None),
        Story("feed", "2", "Menden auf der digitalen Überholspur", "https://example.org/menden",
              "2026-11-20T10:00:00+00:00", "", None),
    ], "posted")
    storage.close()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)], cwd=cwd,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            assert proc.poll() is None, proc.communicate()[1]
            try:
                with urllib.request.urlopen(url + "healthz", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


def new_page(browser, url: str, lang: str = "de", mobile: bool = False,  # type: ignore[no-untyped-def]
             route=None):
    viewport = {"width": 390, "height": 844} if mobile else {"width": 1100, "height": 800}
    # bypass_csp: the accessibility check injects axe-core as a script, which the page's CSP forbids
    context = browser.new_context(locale="de-DE" if lang == "de" else "en-US", viewport=viewport, bypass_csp=True)
    page = context.new_page()
    if route is not None:
        page.route(*route)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.goto(url)
    page.wait_for_selector("#chips button")
    return page, errors


def wait_bots(page, count: int) -> None:  # type: ignore[no-untyped-def]
    """Until the log holds ``count`` bot messages (the greeting is the first)."""
    page.locator("#log li.msg.bot").nth(count - 1).wait_for()


def bot_messages(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator("#log li.msg.bot").all_inner_texts()


def test_ask_a_question_and_see_the_answer_with_its_list_rendered(browser, page_url: str) -> None:
    page, errors = new_page(browser, page_url)
    page.fill("#question", "Welche Städte sind Mitmacherkommunen?")
    page.keyboard.press("Enter")  # the keyboard is enough
    wait_bots(page, 2)
    answer = page.locator("#log li.msg.bot").last
    assert "Lüdenscheid" in answer.inner_text()
    assert answer.locator("ul li").count() >= 10  # the town list is a real list
    assert page.evaluate("document.activeElement.id") == "question"  # focus back in the field
    assert errors == []


def test_clicking_a_suggestion_chip_asks_it(browser, page_url: str) -> None:
    page, errors = new_page(browser, page_url, lang="en")
    assert page.locator("html").get_attribute("lang") == "en"
    chip = page.locator("#chips button").filter(has_text="Which municipalities take part?")
    chip.click()
    wait_bots(page, 2)
    assert page.locator("#log li.msg.user").last.inner_text() == "Which municipalities take part?"
    assert "Lüdenscheid" in bot_messages(page)[-1]
    page.fill("#question", "Wie ist das Wetter in Arnsberg heute?")
    page.click("form#ask button")
    wait_bots(page, 3)
    fallback = page.locator("#log li.msg.bot").last
    if fallback.locator(".chips button").count():  # "did you mean" chips under the fallback are clickable too
        label = fallback.locator(".chips button").first.inner_text()
        fallback.locator(".chips button").first.click()
        wait_bots(page, 4)
        assert page.locator("#log li.msg.user").last.inner_text() == label
    assert errors == []


def test_script_in_a_question_is_shown_as_text(browser, page_url: str) -> None:
    page, errors = new_page(browser, page_url)
    attack = '<script>alert("x")</script><img src=x onerror="window.pwned=1"> [klick](javascript:alert(1))'
    page.fill("#question", attack)
    page.keyboard.press("Enter")
    wait_bots(page, 2)
    assert page.locator("#log li.msg.user").last.inner_text() == attack
    assert page.locator("#log script, #log img").count() == 0
    assert page.locator("#log a[href^='javascript']").count() == 0
    assert page.evaluate("window.pwned === undefined")
    assert errors == []  # no alert dialog, no script error


def _hostile_start(route) -> None:  # type: ignore[no-untyped-def]
    """/api/start as the server sends it, with a hostile story title and link (a feed's words)."""
    response = route.fetch()
    data = response.json()
    data["stories"] = [{"title": STORY_TITLE, "link": "https://example.org/menden", "date": "2026-11-20"},
                       {"title": "Klick", "link": "javascript:alert(1)", "date": None}]
    data["homepage"] = "javascript:alert(2)"
    route.fulfill(response=response, json=data)


def test_upcoming_events_and_latest_stories_are_listed_as_text(browser, page_url: str) -> None:
    page, errors = new_page(browser, page_url)
    page.locator("#events li").first.wait_for()
    assert "Smart Cities: Schule – Werkstatt" in page.locator("#events li").first.inner_text()
    assert "Arnsberg" in page.locator("#events li").first.inner_text()
    story = page.locator("#stories li a").nth(1)
    assert story.inner_text() == "Menden auf der digitalen Überholspur"
    assert story.get_attribute("href") == "https://example.org/menden"
    hostile, hostile_errors = new_page(browser, page_url, route=("**/api/start*", _hostile_start))
    hostile.locator("#stories li").first.wait_for()
    assert hostile.locator("#stories li a").first.inner_text() == STORY_TITLE  # as text
    assert hostile.locator("aside img, a[href^='javascript']").count() == 0
    assert hostile.locator("#homepage").is_hidden() and hostile.evaluate("window.pwned === undefined")
    assert hostile_errors == []
    page.fill("#question", "Was steht als nächstes an?")
    page.keyboard.press("Enter")
    wait_bots(page, 2)
    assert "Smart Cities: Schule – Werkstatt" in bot_messages(page)[-1]  # the timeline knows the event
    assert errors == []


def test_the_page_works_on_a_phone_and_switches_language(browser, page_url: str) -> None:
    page, errors = new_page(browser, page_url, mobile=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
    page.click("button[data-lang='en']")
    playwright_api.expect(page.locator("#chips button").first).to_have_text(re.compile("^What"))
    assert page.locator("form#ask button").inner_text() == "Ask"
    page.fill("#question", "Is Soest part of it?")
    page.keyboard.press("Enter")
    wait_bots(page, 2)
    assert bot_messages(page)[-1].startswith("Yes!")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    desktop, _ = new_page(browser, page_url)
    desktop.fill("#question", "Was steht als nächstes an?")
    desktop.keyboard.press("Enter")
    wait_bots(desktop, 2)
    desktop.fill("#question", "Ist Lüdenscheid dabei?")
    desktop.keyboard.press("Enter")
    wait_bots(desktop, 3)
    if os.environ.get("SCS_SCREENSHOT"):  # regenerate the README's picture: SCS_SCREENSHOT=1 pytest ...
        desktop.screenshot(path=str(SCREENSHOT), full_page=True)
    assert errors == []


def test_the_page_looks_like_the_initiative_and_offers_chips_at_the_start_and_after_a_fallback_only(
        browser, page_url: str) -> None:
    page, errors = new_page(browser, page_url)
    assert page.locator("h1").inner_text() == "Smart Cities Südwestfalen"
    playwright_api.expect(page.locator("#intro")).to_have_text("Begleite uns dabei, wie wir Südwestfalen smart machen!")
    assert page.locator("#homepage").get_attribute("href") == "https://example.org/smart-cities"
    assert "erste Frage" in page.locator("#log li.welcome").inner_text()  # the empty state invites a question
    page.fill("#question", "Wie viel Geld gibt es?")
    page.keyboard.press("Enter")
    wait_bots(page, 2)
    assert page.locator("#chips").is_hidden()  # no chips under an answer: they would fill a phone screen
    assert page.locator("#log .chips").count() == 0
    page.fill("#question", "Wie ist das Wetter in Arnsberg heute?")
    page.keyboard.press("Enter")
    wait_bots(page, 3)
    after_fallback = page.locator("#log li.msg.bot").last.locator(".chips button").count()
    assert after_fallback > 0 or page.locator("#chips").is_visible()
    with urllib.request.urlopen(page_url + "favicon.ico", timeout=5) as response:  # no 404 on every load
        assert response.status == 200 and response.headers["Content-Type"].startswith("image/svg+xml")
    assert errors == []


def test_when_rate_limited_the_question_stays_and_the_wait_is_worded_right(browser, page_url: str) -> None:
    def limited(route) -> None:  # type: ignore[no-untyped-def]
        route.fulfill(status=429, headers={"Retry-After": "1"}, json={"error": "too many questions"})

    for lang, wording in (("de", "in 1 Sekunde noch"), ("en", "in 1 second.")):
        page, errors = new_page(browser, page_url, lang=lang, route=("**/api/ask", limited))
        page.fill("#question", "Ist Soest dabei?")
        page.keyboard.press("Enter")
        page.locator("#log li.msg.error").wait_for()
        assert wording in page.locator("#log li.msg.error").inner_text()
        assert page.input_value("#question") == "Ist Soest dabei?"
        assert errors == []


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("mobile", [False, True], ids=["desktop", "phone"])
def test_no_serious_accessibility_violations(browser, page_url: str, lang: str, mobile: bool) -> None:
    """axe-core (the engine bundled with axe-playwright-python) on the page before and after an answer."""
    from axe_playwright_python.sync_playwright import Axe

    page, errors = new_page(browser, page_url, lang=lang, mobile=mobile)
    page.fill("#question", "Welche Städte sind Mitmacherkommunen?" if lang == "de" else "Which towns take part?")
    page.keyboard.press("Enter")
    wait_bots(page, 2)
    page.fill("#question", "Wie ist das Wetter?" if lang == "de" else "How is the weather?")
    page.keyboard.press("Enter")
    wait_bots(page, 3)
    violations = Axe().run(page).response["violations"]
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
           if v["impact"] in ("serious", "critical")]
    assert bad == [] and errors == []
