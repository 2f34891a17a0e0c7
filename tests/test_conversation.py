"""Follow-ups with context: the previous turn's topic, towns and language, for ten minutes."""

from __future__ import annotations

import json
import time

from bot.answers import Answerer
from bot.conversation import TTL, Context, Conversations
from tests.test_cli import run


def test_context_round_trips_and_expires() -> None:
    context = Context("funding", ("Hemer",), "en", time.time())
    assert Context.decode(context.encode()) == Context("funding", ("Hemer",), "en", round(context.at))
    assert Context.decode(Context("funding", (), "de", time.time() - TTL - 5).encode()) is None
    for junk in ("", "%%%", "e30", "x" * 5000, 42, None, "eyJpIjpbXX0"):
        assert Context.decode(junk) is None


def test_follow_ups_use_the_previous_topic(answerer: Answerer) -> None:
    first = answerer.ask("Wer hat die Förderung übergeben?")
    where = answerer.ask("und wo?", context=first.context)
    assert where.intent == "funding" and "in Berlin überreicht" in where.text
    menden = answerer.ask("Menden digitale Aufholer?")
    many = answerer.ask("out of how many?", context=menden.context)
    assert many.intent == "menden" and many.lang == "en" and "More than 400" in many.text
    town = answerer.ask("und Finnentrop?", context=answerer.ask("Ist Attendorn dabei?").context)
    assert "**Finnentrop** (Kreis Olpe)" in town.text
    assert answerer.ask("und wo?").intent is None  # no context: falls back as before
    assert answerer.ask("und wo?", context=answerer.ask("Hallo").context).intent is None  # not after a greeting
    new_topic = answerer.ask("Was ist eine Smart City?", context=first.context)
    assert new_topic.intent == "smart-city"  # a question of its own is not a follow-up


def test_discord_conversations_forget_after_ten_minutes() -> None:
    store = Conversations()
    store.put(1, 2, Context("funding", (), "de", 1000.0), now=1000.0)
    assert store.get(1, 2, now=1000.0 + TTL - 1) is not None
    assert store.get(1, 3, now=1000.0) is None  # another member
    assert store.get(1, 2, now=1000.0 + TTL + 1) is None
    assert store.get(1, 2, now=1000.0) is None  # forgotten for good


def test_cli_conversation_mode() -> None:
    stdin = "Wo war die Konferenz?\nund wann?\n\nund wann?\n"
    lines = [json.loads(line) for line in run("ask", "--json", "--conversation", stdin=stdin).stdout.splitlines()]
    assert [d["intent"] for d in lines] == ["konferenz", "konferenz", None]
    assert "**2021**" in lines[1]["answer"]
