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


def test_after_a_reconnect_only_recent_unanswered_questions_of_members_are_caught_up() -> None:
    import datetime as dt

    from bot.conversation import Posted, missed

    now = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
    ago = lambda seconds: now - dt.timedelta(seconds=seconds)  # noqa: E731
    history = [
        Posted(1, 7, False, ago(300), None),  # too old
        Posted(2, 7, False, ago(60), None),  # answered by the bot below
        Posted(3, 99, True, ago(50), 2),  # the bot's reply to 2
        Posted(4, 8, False, ago(40), None),  # missed
        Posted(5, 55, True, ago(30), None),  # another bot
        Posted(6, 9, False, ago(20), None),  # handled already (e.g. left alone as chit-chat)
        Posted(7, 9, False, ago(10), None),  # missed
    ]
    assert missed(history, 99, ago(120), lambda i: i == 6) == [4, 7]
