"""End to end: ``python -m bot run`` in a subprocess, connected to the fake Discord server.

One bot process serves the whole module (starting it takes about a second); every test
uses its own member id, so the per-user cooldown of one test does not affect another.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
import yaml

from tests import fake_discord as fd
from tests.botproc import BotProcess, free_port, write_config

pytestmark = pytest.mark.asyncio(loop_scope="module")

_members = itertools.count(700000000000000100)


def new_member() -> int:
    return next(_members)


class Running:
    def __init__(self, server: fd.FakeDiscord, bot: BotProcess, config: dict[str, Any]):
        self.knowledge = Path(config["knowledge"][0])
        self.server = server
        self.bot = bot
        self.config = config

    async def reply_to(self, message_id: str, start: int, timeout: float = 10.0) -> fd.Request:
        return await self.server.wait_for(
            lambda r: r.method == "POST" and r.path.endswith("/messages") and isinstance(r.body, dict)
            and str((r.body.get("message_reference") or {}).get("message_id")) == message_id,
            timeout, start,
        )

    async def callback(self, interaction_id: str, start: int, timeout: float = 10.0) -> fd.Request:
        return await self.server.wait_for(
            lambda r: r.method == "POST" and r.path.startswith(f"/interactions/{interaction_id}/"), timeout, start
        )


async def wait_healthy(config_path: Path, timeout: float = 15.0) -> None:
    """Until the bot says it is connected (READY and the guild processed)."""
    port = yaml.safe_load(config_path.read_text())["health"]["port"]
    deadline = asyncio.get_running_loop().time() + timeout
    async with aiohttp.ClientSession() as http:
        while True:
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("the bot did not become healthy")
            await asyncio.sleep(0.1)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def running(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Running]:
    tmp = tmp_path_factory.mktemp("discord")
    server = fd.FakeDiscord()
    await server.start()
    config_path = write_config(tmp, server, discord={"qa_channels": [fd.QA, fd.FORUM], "cooldown_seconds": 2})
    bot = BotProcess(config_path, tmp / "bot.log")
    await bot.start()
    try:
        assert bot.proc is not None
        exited = asyncio.ensure_future(bot.proc.wait())
        ready = asyncio.ensure_future(asyncio.gather(
            server.wait_for(lambda r: r.method == "PUT" and r.path.endswith("/commands"), timeout=30),
            asyncio.wait_for(server.identified.wait(), 30),
        ))
        await asyncio.wait({exited, ready}, return_when=asyncio.FIRST_COMPLETED)
        assert not exited.done(), bot.output()
        await ready
        await wait_healthy(config_path)
        yield Running(server, bot, yaml.safe_load(config_path.read_text()))
    finally:
        code = await bot.stop()
        await server.stop()
        print(bot.output())
    assert code == 0, bot.output()


def text_of(body: dict[str, Any]) -> str:
    parts = [body.get("content") or ""]
    for embed in body.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields") or []]
    return "\n".join(parts)


async def test_api_base_is_used_for_rest_and_gateway(running: Running) -> None:
    paths = [(r.method, r.path) for r in running.server.requests]
    assert ("GET", "/users/@me") in paths
    assert ("GET", "/gateway/bot") in paths  # the gateway URL came from the configured API
    assert running.server.identified.is_set()


async def test_slash_commands_are_synced_to_the_guild_in_both_languages(running: Running) -> None:
    (put,) = running.server.find("PUT", rf"/applications/{fd.APP_ID}/guilds/{fd.GUILD_ID}/commands")
    by_name = {c["name"]: c for c in put.body}
    assert {"frage", "kommunen", "timeline", "hilfe"} <= set(by_name)
    assert by_name["frage"]["name_localizations"]["en-US"] == "question"
    assert by_name["kommunen"]["name_localizations"]["en-GB"] == "municipalities"
    assert by_name["hilfe"]["description_localizations"]["en-US"] == "What can the bot answer?"
    town = by_name["kommunen"]["options"][0]
    assert town["name"] == "stadt" and town["name_localizations"]["en-US"] == "town" and town["autocomplete"]


async def test_mention_is_answered_in_a_reply_without_pings(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    mid = await server.send_message(f"<@{fd.BOT_ID}> welche Städte sind Mitmacherkommunen?", mentions_bot=True,
                                    author=new_member())
    reply = await running.reply_to(mid, start)
    text = text_of(reply.body)
    assert "Lüdenscheid" in text and "Attendorn" in text
    assert reply.body["embeds"], "a list comes as an embed"
    assert reply.body["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_message_without_mention_outside_qa_channel_is_ignored(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    await server.send_message("welche Städte sind Mitmacherkommunen?", author=new_member())
    await asyncio.sleep(0.5)
    assert not server.find("POST", r"/channels/\d+/messages", start)


async def test_qa_channel_message_is_answered_in_english(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    mid = await server.send_message("is Ludenscheid part of it?", channel=fd.QA, author=new_member())
    reply = await running.reply_to(mid, start)
    assert reply.path == f"/channels/{fd.QA}/messages"
    assert "Yes! **Lüdenscheid**" in text_of(reply.body)


async def test_chatty_message_with_two_questions_gets_both_answers(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    mid = await server.send_message("Moin! Bin neu hier. Ist Eslohe dabei? Und wer hat die Förderung übergeben?",
                                    channel=fd.QA, author=new_member())
    text = text_of((await running.reply_to(mid, start)).body)
    assert "**Eslohe (Sauerland)** (Hochsauerlandkreis) ist bisher keine" in text
    assert "Horst Seehofer, damals Bundesinnenminister" in text


async def test_a_follow_up_uses_the_previous_answer(running: Running) -> None:
    # Through /frage; the cooldown (2 s in these tests) covers slash commands too, so the follow-up waits.
    server, member = running.server, new_member()

    async def frage(text: str, author: int) -> str:
        start = len(server.requests)
        iid = await server.slash("frage", [{"name": "frage", "type": 3, "value": text}], author=author)
        return text_of((await running.callback(iid, start)).body["data"])

    assert "**2021**" in await frage("Wann war die Konferenz?", member)
    await asyncio.sleep(2.1)
    assert "in **Arnsberg**" in await frage("und wo?", member)
    assert "weiß ich leider nicht" in await frage("und wo?", new_member())  # another member: no context


async def test_a_reply_to_the_bots_answer_continues_its_topic(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    mid = await server.send_message("Wer hat die Förderung übergeben?", channel=fd.QA, author=new_member())
    answer = await running.reply_to(mid, start)
    answer_id = next(m["id"] for m in server.messages.values() if m["nonce"] == answer.body["nonce"])
    start = len(server.requests)
    mid = await server.send_message("und wo?", channel=fd.QA, author=new_member(), reply_to=answer_id)
    assert "in Berlin überreicht" in text_of((await running.reply_to(mid, start)).body)


async def test_quiet_in_chit_chat_but_thanks_are_answered(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    talk = await server.send_message("haha 😂 ok", channel=fd.QA, author=new_member())
    other = await server.send_message("Weiß jemand, wo das Rathaus in Olpe ist?", channel=fd.QA, author=new_member())
    reply = await server.send_message("stimmt, Parkplatz Bürgerzentrum", channel=fd.QA, author=new_member(),
                                      reply_to=other)
    thanks = await server.send_message("danke!", channel=fd.QA, author=new_member())
    assert "Gern geschehen" in text_of((await running.reply_to(thanks, start)).body)
    await asyncio.sleep(1.0)
    answered = {str(((r.body or {}).get("message_reference") or {}).get("message_id"))
                for r in server.requests[start:] if r.method == "POST" and isinstance(r.body, dict)}
    assert talk not in answered and reply not in answered  # no public fallback for talk


async def test_one_public_answer_per_cooldown_for_messages_slash_commands_and_buttons(running: Running) -> None:
    server, member = running.server, new_member()
    start = len(server.requests)
    iid = await server.slash("kommunen", [{"name": "stadt", "type": 3, "value": "Brilon"}], author=member)
    first = (await running.callback(iid, start)).body["data"]
    assert "**Brilon**" in text_of(first) and not (first.get("flags") or 0) & 64
    iid = await server.slash("kommunen", [{"name": "stadt", "type": 3, "value": "Brilon"}], author=member)
    second = (await running.callback(iid, start)).body["data"]
    assert second["flags"] & 64 and "Langsam" in second["content"]  # only the member sees the note
    iid = await server.slash("timeline", author=member)  # another command: the same cooldown
    assert "Langsam" in (await running.callback(iid, start)).body["data"]["content"]
    await server.send_message("Was ist eine Smart City?", channel=fd.QA, author=member)  # chat too: silence
    other = await server.send_message("Wie hoch sind die Parkgebühren in Arnsberg?", channel=fd.QA,
                                      author=new_member())
    reply = await running.reply_to(other, start)
    message = next(m for m in server.messages.values() if m["components"] == reply.body["components"])
    custom_id = reply.body["components"][0]["components"][0]["custom_id"]
    iid = await server.click(message, custom_id, author=member)  # and a suggestion button
    clicked = (await running.callback(iid, start)).body["data"]
    assert clicked["flags"] & 64 and "Langsam" in clicked["content"]
    assert len(server.find("POST", rf"/channels/{fd.QA}/messages", start)) == 1  # only the other member's answer
    await asyncio.sleep(2.1)
    iid = await server.click(message, custom_id, author=member)  # after the cooldown: answered publicly
    assert not ((await running.callback(iid, start)).body["data"].get("flags") or 0) & 64
    kb = next(c for c in server.commands if c["name"] == "kb")
    assert int(kb["default_member_permissions"]) == 32  # /kb hidden from members without Manage Server


async def test_threads_of_qa_channels_and_forum_posts_are_answered_without_a_mention(running: Running) -> None:
    server = running.server
    for parent in (fd.QA, fd.FORUM):  # the forum is listed in qa_channels by the fixture
        thread = await server.create_thread(parent)
        start = len(server.requests)
        mid = await server.send_message("Ist Hemer dabei?", channel=thread, author=new_member())
        reply = await running.reply_to(mid, start)
        assert reply.path == f"/channels/{thread}/messages" and "**Hemer**" in text_of(reply.body)


async def test_edited_and_deleted_questions_and_the_trash_reaction(running: Running) -> None:
    server = running.server

    async def ask(text: str, author: int) -> tuple[str, str]:
        start = len(server.requests)
        mid = await server.send_message(text, channel=fd.QA, author=author)
        reply = await running.reply_to(mid, start)
        return mid, next(m["id"] for m in server.messages.values() if m["nonce"] == reply.body["nonce"])

    asker, other = new_member(), new_member()
    question, answer = await ask("Ist Hemer dabei?", asker)
    start = len(server.requests)
    await server.edit_message(question, "Ist Eslohe dabei?", channel=fd.QA, author=asker)
    edit = await server.wait_for(lambda r: r.method == "PATCH" and r.path.endswith(f"/messages/{answer}"), 10, start)
    assert "**Eslohe (Sauerland)**" in text_of(edit.body)  # the answer now fits the edited question
    await server.delete_message(question, channel=fd.QA)
    await server.wait_for(lambda r: r.method == "DELETE" and r.path.endswith(f"/messages/{answer}"), 10, start)

    question, answer = await ask("Wo war die Konferenz?", new_member())
    start = len(server.requests)
    await server.react(answer, "🗑️", channel=fd.QA, author=other)  # not the asker, no moderator: ignored
    await asyncio.sleep(0.5)
    assert not [r for r in server.requests[start:] if r.method == "DELETE"]
    await server.react(answer, "🗑️", channel=fd.QA, author=other, roles=[fd.MOD_ROLE])  # a moderator may
    await server.wait_for(lambda r: r.method == "DELETE" and r.path.endswith(f"/messages/{answer}"), 10, start)


async def test_direct_message_is_answered(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    mid = await server.send_message("Wie viel Fördergeld gab es?", dm=True, author=new_member())
    reply = await running.reply_to(mid, start)
    assert reply.path == f"/channels/{fd.DM_CHANNEL}/messages"
    assert "13" in text_of(reply.body)


async def test_everyone_in_a_question_pings_nobody(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    mid = await server.send_message("@everyone <@&830000000000000001> ist Menden dabei?", channel=fd.QA,
                                    author=new_member())
    reply = await running.reply_to(mid, start)
    assert reply.body["allowed_mentions"]["parse"] == []
    assert not reply.body["allowed_mentions"].get("roles") and not reply.body["allowed_mentions"].get("users")
    assert "Menden" in text_of(reply.body)


async def test_bots_and_itself_are_ignored(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    await server.send_message("ist Menden dabei?", channel=fd.QA, author=new_member(), author_bot=True)
    await server.send_message("ist Menden dabei?", channel=fd.QA, author=fd.BOT_ID, author_bot=True)
    await asyncio.sleep(0.5)
    assert not server.find("POST", r"/channels/\d+/messages", start)


async def test_cooldown_gives_one_slow_down_note_then_silence(running: Running) -> None:
    server = running.server
    member = new_member()
    start = len(server.requests)
    first = await server.send_message("Was ist eine Smart City?", channel=fd.QA, author=member)
    await running.reply_to(first, start)
    second = await server.send_message("Was ist die Rahmenstrategie?", channel=fd.QA, author=member)
    note = await running.reply_to(second, start)
    assert "Langsam" in note.body["content"]
    for _ in range(5):
        await server.send_message("Und die Leitfäden?", channel=fd.QA, author=member)
    other = await server.send_message("Was ist eine Smart City?", channel=fd.QA, author=new_member())
    await running.reply_to(other, start)  # other members are not slowed down
    await asyncio.sleep(0.3)
    assert len(server.find("POST", rf"/channels/{fd.QA}/messages", start)) == 3


async def test_very_long_noisy_message_gets_an_answer(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    noise = ("🎉**~~__\u200b||" * 300)[:3900] + " Ist Lüdenscheid dabei?"
    mid = await server.send_message(noise, channel=fd.QA, author=new_member())
    reply = await running.reply_to(mid, start)
    assert len(reply.body.get("content") or "") <= 2000
    assert text_of(reply.body).strip()


async def test_fallback_offers_suggestion_buttons_that_answer(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    mid = await server.send_message("Wie hoch sind die Parkgebühren in Arnsberg?", channel=fd.QA, author=new_member())
    reply = await running.reply_to(mid, start)
    assert "weiß ich leider nicht" in text_of(reply.body)
    buttons = [c for row in reply.body["components"] for c in row["components"]]
    assert 1 <= len(buttons) <= 3
    message = next(m for m in server.messages.values() if m["components"] == reply.body["components"])
    custom_id = buttons[0]["custom_id"]
    intent = custom_id.split(":")[-1]
    iid = await server.click(message, custom_id)
    answer = await running.callback(iid, start)
    assert answer.body["type"] == 4
    assert "weiß ich leider nicht" not in text_of(answer.body["data"])
    assert answer.body["data"]["allowed_mentions"]["parse"] == []
    assert intent


async def test_slash_frage_answers_in_the_users_locale(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    iid = await server.slash("frage", [{"name": "frage", "type": 3, "value": "Seehofer"}], locale="en-US",
            author=new_member())
    answer = await running.callback(iid, start)
    assert "Seehofer" in text_of(answer.body["data"])
    assert "Berlin" in text_of(answer.body["data"])
    iid = await server.slash("frage", [{"name": "frage", "type": 3, "value": "how is the project funded?"}],
            author=new_member())
    answer = await running.callback(iid, start)
    assert "million" in text_of(answer.body["data"])  # the question's language wins over the locale


async def test_slash_kommunen_lists_and_checks_a_town(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    iid = await server.slash("kommunen", author=new_member())
    listing = text_of((await running.callback(iid, start)).body["data"])
    assert "14 Mitmacherkommunen" in listing and "5 Pionierkommunen" in listing
    iid = await server.slash("kommunen", [{"name": "stadt", "type": 3, "value": "Hamm"}], locale="en-GB",
            author=new_member())
    assert "**Hamm** is not in Südwestfalen" in text_of((await running.callback(iid, start)).body["data"])
    iid = await server.slash("kommunen", [{"name": "stadt", "type": 3, "value": "eslohe"}], author=new_member())
    assert "**Eslohe (Sauerland)** (Hochsauerlandkreis) ist bisher keine" in text_of(
        (await running.callback(iid, start)).body["data"])
    iid = await server.slash("kommunen", [{"name": "stadt", "type": 3, "value": "Attendorn, Halver und Hagen"}],
            author=new_member())
    several = text_of((await running.callback(iid, start)).body["data"])  # each town answered, in one reply
    assert "Ja! **Attendorn**" in several and "**Halver** (Märkischer Kreis)" in several
    assert "**Hagen** liegt nicht in Südwestfalen" in several


async def test_kommunen_autocomplete_offers_towns(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    iid = await server.slash("kommunen", [{"name": "stadt", "type": 3, "value": "lü", "focused": True}],
                             focused=True)
    response = await running.callback(iid, start)
    assert response.body["type"] == 8
    assert [c["value"] for c in response.body["data"]["choices"]] == ["Lüdenscheid"]


async def test_slash_timeline_and_hilfe(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    iid = await server.slash("timeline", author=new_member())
    overview = text_of((await running.callback(iid, start)).body["data"])
    assert "2021" in overview and "2022" in overview
    iid = await server.slash("timeline", [{"name": "ansicht", "type": 3, "value": "next"}], author=new_member())
    assert "nichts Neues" in text_of((await running.callback(iid, start)).body["data"])
    iid = await server.slash("hilfe", locale="en-US")
    help_body = (await running.callback(iid, start)).body["data"]
    assert help_body["flags"] & 64  # ephemeral
    assert "smart city" in text_of(help_body).lower()


async def test_health_endpoint_reports_gateway_and_metrics(running: Running) -> None:
    port = running.config["health"]["port"]
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
            assert response.status == 200
            health = await response.json()
        async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
            metrics = await response.text()
    assert health["gateway_connected"] is True and len(health["knowledge_version"]) == 12
    assert 'scs_questions_total{outcome="answered",source="discord"}' in metrics
    assert "scs_answer_latency_seconds_bucket" in metrics
    assert response.headers["Content-Type"].startswith("text/plain; version=")  # the exposition format
    assert "process_cpu_seconds_total" in metrics and "scs_gateway_connected 1.0" in metrics

    server = running.server  # a short 429 storm: discord.py waits it out, and it is counted
    start = len(server.requests)
    server.fail("POST", rf"/channels/{fd.QA}/messages", status=429, times=2)
    mid = await server.send_message("Was ist eine Smart City?", channel=fd.QA, author=new_member())
    for _ in range(100):
        if any(m.get("nonce") == f"a{mid}-0" for m in server.messages.values()):
            break
        await asyncio.sleep(0.1)
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
            assert "scs_discord_rate_limited_total 2.0" in await response.text()
    assert len(server.find("POST", rf"/channels/{fd.QA}/messages", start)) == 3


# --- moderators ----------------------------------------------------------------------------
async def test_kb_is_refused_to_non_moderators(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    for sub in ("status", "reload", "unanswered"):
        iid = await server.slash(f"kb {sub}", author=new_member(), roles=[fd.STAFF_ROLE])
        body = (await running.callback(iid, start)).body["data"]
        assert body["flags"] & 64 and "Moderatoren" not in body["content"]
        assert f"<@&{fd.MOD_ROLE}>" in body["content"] and body["allowed_mentions"]["parse"] == []
    iid = await server.slash("kb status", author=new_member(), roles=[fd.MOD_ROLE])
    body = (await running.callback(iid, start)).body["data"]
    assert "Version" in body["content"] and "Themen" in body["content"]
    story = [{"name": "story", "type": 4, "value": 4242}]
    iid = await server.slash("kb retry", story, author=new_member(), roles=[fd.STAFF_ROLE])
    assert f"<@&{fd.MOD_ROLE}>" in (await running.callback(iid, start)).body["data"]["content"]  # refused
    iid = await server.slash("kb retry", story, author=new_member(), roles=[fd.MOD_ROLE])
    assert "Keine wartende Story #4242" in (await running.callback(iid, start)).body["data"]["content"]


async def test_kb_teach_then_the_question_is_answered(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    question = "Wer hat denn den Scheck in Berlin übergeben?"
    iid = await server.slash("kb test", [{"name": "frage", "type": 3, "value": question}], roles=[fd.MOD_ROLE])
    assert "1. `" in (await running.callback(iid, start)).body["data"]["content"]  # top-3 intents listed
    iid = await server.slash("kb teach", [{"name": "frage", "type": 3, "value": question},
                                          {"name": "thema", "type": 3, "value": "funding"}], roles=[fd.MOD_ROLE])
    reply = await running.callback(iid, start, timeout=20)
    assert "Gelernt" in reply.body["data"]["content"], reply.body
    assert (running.knowledge / "learned.yaml").exists()
    mid = await server.send_message(question, channel=fd.QA, author=new_member())
    answer = await running.reply_to(mid, start)
    assert "Seehofer" in text_of(answer.body)
    # the audit: who taught what, in the moderators' channel and in /kb audit
    note = await server.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{fd.MODERATORS}/messages"
                                 and "teach" in (r.body or {}).get("content", ""), 10, start)
    assert f"alice ({700000000000000001}) · teach · „{question}“ → funding" in note.body["content"]
    assert note.body["allowed_mentions"]["parse"] == []
    iid = await server.slash("kb audit", author=new_member(), roles=[fd.MOD_ROLE])
    assert f"teach · „{question}“" in (await running.callback(iid, start)).body["data"]["content"]


async def test_kb_stats_counts_questions_and_attaches_a_chart(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    for question in ("Ist Soest dabei?", "Wie hoch ist der Eiffelturm?"):
        mid = await server.send_message(question, channel=fd.QA, author=new_member())
        await running.reply_to(mid, start)
    iid = await server.slash("kb stats", author=new_member(), roles=[fd.MOD_ROLE], locale="en-US")
    follow = await server.wait_for(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"), 20, start)
    assert follow.body["flags"] & 64  # only the moderator sees it
    assert "answered" in follow.body["content"] and "Top topics:" in follow.body["content"]
    assert follow.body["_files"] == ["stats.png"]
    assert follow.body["_png_count"] == 1
    iid = await server.slash("kb stats", author=new_member(), roles=[fd.STAFF_ROLE])
    refused = (await running.callback(iid, start)).body["data"]
    assert refused["flags"] & 64 and f"<@&{fd.MOD_ROLE}>" in refused["content"]


async def test_unanswered_questions_reach_kb_unanswered(running: Running) -> None:
    server = running.server
    start = len(server.requests)
    for _ in range(2):
        mid = await server.send_message("Wann fährt der nächste Zug nach Menden?", channel=fd.QA, author=new_member())
        await running.reply_to(mid, start)
    iid = await server.slash("kb unanswered", roles=[fd.MOD_ROLE])
    reply = await running.callback(iid, start)
    assert "2× „wann fährt der nächste zug nach menden?“" in reply.body["data"]["content"]
    menus = await server.wait_for(lambda r: r.method == "POST" and r.path.startswith("/webhooks/")
                                  and bool((r.body or {}).get("components")), 10, start)
    assert menus.body["flags"] & 64  # the inbox's menus, for the moderator only
    assert "wann fährt der nächste zug" in menus.body["components"][0]["components"][0]["placeholder"]
    # Taught, it leaves the list (here taught to the timeline, just to see it go).
    question = "Wann fährt der nächste Zug nach Menden?"
    iid = await server.slash("kb teach", [{"name": "frage", "type": 3, "value": question},
                                          {"name": "thema", "type": 3, "value": "timeline-next"}], roles=[fd.MOD_ROLE])
    assert "Gelernt" in (await running.callback(iid, start, timeout=20)).body["data"]["content"]
    iid = await server.slash("kb unanswered", roles=[fd.MOD_ROLE])
    assert "zug nach menden" not in (await running.callback(iid, start)).body["data"]["content"]


async def test_broken_edit_is_reported_to_moderators_and_good_edit_loaded(running: Running) -> None:
    server = running.server
    intents = running.knowledge / "intents.yaml"
    good = intents.read_text(encoding="utf-8")
    start = len(server.requests)
    intents.write_text(good.replace("intents:", "intents:\n  - id: [broken", 1), encoding="utf-8")
    report = await server.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{fd.MODERATORS}/messages",
                                   15, start)
    assert "intents.yaml:" in report.body["content"] and "YAML syntax error" in report.body["content"]
    mid = await server.send_message("Ist Menden dabei?", channel=fd.QA, author=new_member())
    assert "Menden" in text_of((await running.reply_to(mid, start)).body)  # still answering
    start = len(server.requests)
    intents.write_text(good.replace("Förderung", "Förderung ", 1), encoding="utf-8")
    loaded = await server.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{fd.MODERATORS}/messages",
                                   15, start)
    assert "Wissen geladen" in loaded.body["content"]


async def test_missing_permissions_are_reported_once_and_answers_fall_back_to_plain_text(running: Running) -> None:
    server = running.server

    def reports(start: int) -> list[str]:
        return [r.body["content"] for r in server.find("POST", rf"/channels/{fd.MODERATORS}/messages", start)]

    start = len(server.requests)
    try:
        await server.deny(fd.QA, fd.EMBED_LINKS)  # an admin takes Embed Links away in the Q&A channel
        report = await server.wait_for(
            lambda r: r.method == "POST" and r.path == f"/channels/{fd.MODERATORS}/messages", 10, start)
        assert f"<#{fd.QA}>" in report.body["content"] and "**Links einbetten**" in report.body["content"]
        assert "discord.qa_channels[0]" in report.body["content"]
        mid = await server.send_message("Welche Städte sind Mitmacherkommunen?", channel=fd.QA, author=new_member())
        reply = await running.reply_to(mid, start)
        assert not reply.body.get("embeds") and "Mitmacherkommunen" in reply.body["content"]  # the list as text
        await server.deny(fd.QA, fd.EMBED_LINKS)  # the same again: nothing new to report
        await asyncio.sleep(0.5)
        assert len(reports(start)) == 1

        start = len(server.requests)
        await server.deny(fd.QA, fd.SEND_MESSAGES)
        report = await server.wait_for(
            lambda r: r.method == "POST" and r.path == f"/channels/{fd.MODERATORS}/messages", 10, start)
        assert "**Nachrichten senden**" in report.body["content"]
        await server.send_message("Ist Menden dabei?", channel=fd.QA, author=new_member())
        iid = await server.slash("kb status", author=new_member(), roles=[fd.MOD_ROLE], locale="en-US")
        status = text_of((await running.callback(iid, start)).body["data"])
        assert "**Send Messages**" in status and f"<#{fd.QA}>" in status
        await asyncio.sleep(0.5)
        assert server.find("POST", rf"/channels/{fd.QA}/messages", start) == []  # not even tried
        assert "Traceback" not in running.bot.output() and "Missing Permissions" not in running.bot.output()
    finally:
        await server.deny(fd.QA, 0)
    iid = await server.slash("kb status", author=new_member(), roles=[fd.MOD_ROLE])
    assert "Berechtigungen: alles da." in text_of((await running.callback(iid, start)).body["data"])


async def test_no_answer_lost_to_discord_errors_or_a_lost_session(running: Running) -> None:
    server = running.server

    def answers_to(mid: str) -> list[dict[str, Any]]:
        return [m for m in server.messages.values() if m.get("nonce") == f"a{mid}-0"]

    async def answered(mid: str, timeout: float = 15.0) -> None:
        for _ in range(int(timeout * 10)):
            if answers_to(mid):
                return
            await asyncio.sleep(0.1)
        raise AssertionError(running.bot.output())

    # Discord refuses three times (503, which discord.py does not retry itself): the answer comes later, once.
    server.fail("POST", rf"/channels/{fd.QA}/messages", status=503, times=3)
    mid = await server.send_message("Was ist die Rahmenstrategie?", channel=fd.QA, author=new_member())
    await answered(mid)
    assert "Rahmenstrategie" in text_of(answers_to(mid)[0])

    # The gateway drops and the session cannot be resumed: questions asked meanwhile are read from the
    # channel's history and answered once; one that was answered before is not answered again.
    before = await server.send_message("Was ist eine Smart City?", channel=fd.QA, author=new_member())
    await answered(before)
    server.identified.clear()
    await server.drop_connections()
    lost = await server.send_message("Welche Leitfäden gibt es?", channel=fd.QA, author=new_member())
    await asyncio.wait_for(server.identified.wait(), 30)
    await answered(lost)
    await asyncio.sleep(1.0)
    assert len(answers_to(lost)) == 1 and len(answers_to(before)) == 1 and len(answers_to(mid)) == 1
    assert "Leitf" in text_of(answers_to(lost)[0])
    await wait_healthy(Path(running.config["storage"]["path"]).parent / "config.yaml")


# --- startup failures (their own short-lived processes) ---------------------------------
async def _run_once(tmp: Path, config: Path, env: dict[str, str]) -> tuple[int, str]:
    bot = BotProcess(config, tmp / "fail.log", env)
    await bot.start()
    assert bot.proc is not None
    code = await asyncio.wait_for(bot.proc.wait(), 20)
    bot._log_file.close()
    return code, bot.output()


async def test_missing_token_fails_with_one_line(tmp_path: Path) -> None:
    server = fd.FakeDiscord()
    config = write_config(tmp_path, server)
    code, output = await _run_once(tmp_path, config, {"DISCORD_TOKEN": ""})
    assert code == 2
    assert output.strip().count("\n") == 0 and "DISCORD_TOKEN" in output


async def test_bad_config_names_the_keys(tmp_path: Path) -> None:
    server = fd.FakeDiscord()
    config = write_config(tmp_path, server, discord={"cooldown_secs": 3, "answer_dms": "ja"})
    code, output = await _run_once(tmp_path, config, {})
    assert code == 2
    assert "discord.cooldown_secs" in output and "cooldown_seconds" in output
    assert "discord.answer_dms" in output and "true or false" in output
    assert "Traceback" not in output


async def test_unknown_ids_are_warnings_not_errors(tmp_path: Path) -> None:
    server = fd.FakeDiscord()
    await server.start()
    config = write_config(tmp_path, server, channels={"stories": 123456789})
    bot = BotProcess(config, tmp_path / "ids.log")
    await bot.start()
    try:
        await asyncio.wait_for(server.identified.wait(), 30)
        for _ in range(50):
            if "channels.stories" in bot.output():
                break
            await asyncio.sleep(0.1)
    finally:
        code = await bot.stop()
        await server.stop()
    assert "channels.stories = 123456789" in bot.output() and "WARNING" in bot.output()
    assert code == 0


async def test_no_voice_warning_at_start(running: Running) -> None:
    assert "voice will NOT be supported" not in running.bot.output()  # a bot without voice features


async def test_discord_unreachable_at_start_is_one_line_and_a_retry_not_a_traceback(tmp_path: Path) -> None:
    server = fd.FakeDiscord()
    port = free_port()  # nothing listens here yet: Discord is "down"
    config = write_config(tmp_path, server, discord={"api_base": f"http://127.0.0.1:{port}/api/v10"})
    bot = BotProcess(config, tmp_path / "bot.log")
    await bot.start()
    try:
        for _ in range(100):
            if "Discord is unreachable" in bot.output():
                break
            await asyncio.sleep(0.1)
        output = bot.output()
        assert "Discord is unreachable" in output and "trying again in 2 s" in output, output
        assert "Traceback" not in output
        await server.start(port)  # Discord is back: the next try connects
        await wait_healthy(config, 30)
        assert "Traceback" not in bot.output()
    finally:
        assert await bot.stop() == 0, bot.output()
        await server.stop()


async def test_moderators_edit_the_knowledge_from_discord_with_preview_history_and_undo(running: Running) -> None:
    server = running.server
    mod = new_member()
    start = len(server.requests)

    async def reply(iid: str) -> dict[str, Any]:
        found = await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)
        return found.body

    # the answer of a topic, in a modal that shows the current text
    iid = await server.slash("kb antwort", [{"name": "thema", "type": 3, "value": "schule"}], author=mod,
                             roles=[fd.MOD_ROLE])
    modal = (await reply(iid))
    assert modal["type"] == 9  # a modal
    inputs = {c["custom_id"]: c for row in modal["data"]["components"] for c in
              ([row["component"]] if "component" in row else row["components"])}
    assert "Smart Cities: Schule" in inputs["de"]["value"] and inputs["en"]["value"]
    iid = await server.submit_modal(modal["data"], {"de": "Neu: Die Schule ist ein Format für Kommunen.",
                                                    "en": "New: the school is a format for municipalities."},
                                    author=mod, roles=[fd.MOD_ROLE])
    preview = (await reply(iid))["data"]
    assert preview["flags"] & 64 and "Vorschau – noch nichts gespeichert" in preview["content"]
    message = next(m for m in server.messages.values() if m["components"] == preview["components"])
    apply_id = preview["components"][0]["components"][0]["custom_id"]
    iid = await server.click(message, apply_id, author=new_member(), roles=[fd.STAFF_ROLE])  # not a moderator
    assert f"<@&{fd.MOD_ROLE}>" in (await reply(iid))["data"]["content"]
    iid = await server.click(message, apply_id, author=mod, roles=[fd.MOD_ROLE])
    done = await reply(iid)
    assert done["type"] == 7 and "Gespeichert: answer of 'schule'" in done["data"]["content"]
    mid = await server.send_message("Was ist Smart Cities: Schule?", channel=fd.QA, author=new_member())
    assert "Neu: Die Schule ist ein Format" in text_of((await running.reply_to(mid, start)).body)

    # a new topic that would break the knowledge is refused before anything is written
    iid = await server.slash("kb thema", [
        {"name": "id", "type": 3, "value": "funding"}, {"name": "titel_de", "type": 3, "value": "Geld"},
        {"name": "titel_en", "type": 3, "value": "Money"}, {"name": "antwort_de", "type": 3, "value": "Viel."},
        {"name": "antwort_en", "type": 3, "value": "Much."},
        {"name": "beispiele_de", "type": 3, "value": "Gibt es Geld vom Mond?"},
        {"name": "beispiele_en", "type": 3, "value": "Is there money from the moon?"}], author=mod, roles=[fd.MOD_ROLE])
    assert "used twice" in (await reply(iid))["data"]["content"]

    iid = await server.slash("kb synonym", [{"name": "wort", "type": 3, "value": "leitfäden"},
                                            {"name": "varianten", "type": 3, "value": "guidebooks, handbücher"}],
                             author=mod, roles=[fd.MOD_ROLE], locale="en-US")
    english = (await reply(iid))["data"]
    assert "Preview – nothing saved yet" in english["content"] and "synonyms of 'leitfäden'" in english["content"]
    assert [b["label"] for b in english["components"][0]["components"]] == ["Apply", "Discard"]
    message = next(m for m in server.messages.values() if m["components"] == english["components"])
    iid = await server.click(message, english["components"][0]["components"][1]["custom_id"], author=mod,
                             roles=[fd.MOD_ROLE], locale="en-US")
    assert "Discarded – nothing changed." in (await reply(iid))["data"]["content"]
    iid = await server.slash("kb verlauf", author=mod, roles=[fd.MOD_ROLE])
    assert "answer of 'schule'" in (await reply(iid))["data"]["content"]
    iid = await server.slash("kb rückgängig", author=mod, roles=[fd.MOD_ROLE], locale="en-US")
    assert "Undone: answer of 'schule'" in (await reply(iid))["data"]["content"]
    mid = await server.send_message("Was ist Smart Cities: Schule?", channel=fd.QA, author=new_member())
    assert "Neu: Die Schule" not in text_of((await running.reply_to(mid, start)).body)
    audit = [r.body["content"] for r in server.find("POST", rf"/channels/{fd.MODERATORS}/messages", start)]
    assert any("kb.answer" in a for a in audit) and any("kb.undo" in a for a in audit)
