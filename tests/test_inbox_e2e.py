"""The unanswered inbox end to end: the digest with one menu per question, teaching and ignoring from it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import yaml

from tests import fake_discord as fd
from tests.botproc import BotProcess, write_config
from tests.test_discord_e2e import wait_healthy

MOD = 700000000000000555


async def test_the_digest_offers_topics_and_a_choice_teaches_or_ignores(tmp_path: Path) -> None:
    server = fd.FakeDiscord()
    await server.start()
    config = write_config(tmp_path, server, kb={"digest_days": 0.00004, "reload_seconds": 0.2},
                          discord={"cooldown_seconds": 0})  # a digest every 3.5 s
    bot = BotProcess(config, tmp_path / "bot.log")
    await bot.start()
    try:
        await wait_healthy(config, 30)
        start = len(server.requests)
        # (the unanswered log keeps questions casefolded)
        questions = ["wer hat denn den scheck in berlin übergeben?", "wann fährt der bus nach olpe?",
                     "wie wird das wetter morgen in siegen?"]
        for i, question in enumerate(questions * 2 + questions[:1]):
            mid = await server.send_message(question, channel=fd.QA, author=700000000000000900 + i)
            await server.wait_for(lambda r, mid=mid: r.method == "POST" and str(
                ((r.body or {}).get("message_reference") or {}).get("message_id")) == mid, 10, start)
        digest = await server.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{fd.MODERATORS}/messages"
                                       and bool((r.body or {}).get("components")), 20, start)
        assert "Unbeantwortet in den letzten 1 Tagen" in digest.body["content"]
        assert f"3× „{questions[0]}“" in digest.body["content"] and f"2× „{questions[1]}“" in digest.body["content"]
        menus = {c["placeholder"][3:].strip("„“"): c for row in digest.body["components"] for c in row["components"]}
        assert set(menus) == set(questions) and all(m["type"] == 3 for m in menus.values())
        menus = [menus[q] for q in questions]  # in the order of the questions above
        values = [o["value"] for o in menus[0]["options"]]
        assert "t:funding" in values and values[-2:] == ["new", "ignore"]
        assert len(values) == 5  # three likely topics, a new one, ignore
        message = next(m for m in server.messages.values() if m["components"] == digest.body["components"])

        start = len(server.requests)
        iid = await server.select(message, menus[0]["custom_id"], ["t:funding"], author=MOD + 1)  # not a moderator
        refused = await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)
        assert f"<@&{fd.MOD_ROLE}>" in refused.body["data"]["content"]
        iid = await server.select(message, menus[0]["custom_id"], ["t:funding"], author=MOD, roles=[fd.MOD_ROLE])
        taught = await server.wait_for(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"), 20, start)
        assert "Gelernt" in taught.body["content"] and taught.body["flags"] & 64
        learned = yaml.safe_load((tmp_path / "knowledge" / "learned.yaml").read_text(encoding="utf-8"))
        assert questions[0] in learned["learned"]["funding"]["de"]
        iid = await server.select(message, menus[2]["custom_id"], ["ignore"], author=MOD, roles=[fd.MOD_ROLE],
                                  locale="en-US")  # an English-speaking moderator
        ignored = await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)
        assert "ignored – it is off the list" in ignored.body["data"]["content"]
        iid = await server.select(message, menus[2]["custom_id"], ["ignore"], author=MOD, roles=[fd.MOD_ROLE])
        again = await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)
        assert "schon erledigt" in again.body["data"]["content"]

        # "new topic …": a form with the question as its first example, then the usual preview
        iid = await server.select(message, menus[1]["custom_id"], ["new"], author=MOD, roles=[fd.MOD_ROLE])
        modal = (await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)).body
        assert modal["type"] == 9
        iid = await server.submit_modal(modal["data"], {
            "id": "busverkehr", "titles": "Busse und Bahnen | Buses and trains",
            "answer_de": "Dazu weiß ich nichts; frag bitte den Verkehrsverbund.",
            "answer_en": "I know nothing about that; please ask the transport association.",
            "examples": f"{questions[1]} | when does the bus go to olpe?"}, author=MOD, roles=[fd.MOD_ROLE])
        preview = (await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)).body["data"]
        assert "new topic 'busverkehr'" in preview["content"] and questions[1] in preview["content"]
        shown = next(m for m in server.messages.values() if m["components"] == preview["components"])
        iid = await server.click(shown, preview["components"][0]["components"][0]["custom_id"], author=MOD,
                                 roles=[fd.MOD_ROLE])
        saved = (await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 20, start)).body
        assert "Gespeichert: new topic 'busverkehr'" in saved["data"]["content"]
        mid = await server.send_message("Wann fährt der Bus nach Olpe?", channel=fd.QA, author=700000000000000999)
        answer = await server.wait_for(lambda r: r.method == "POST" and str(
            ((r.body or {}).get("message_reference") or {}).get("message_id")) == mid, 10, start)
        assert "Verkehrsverbund" in answer.body["content"]

        iid = await server.slash("kb unanswered", author=MOD, roles=[fd.MOD_ROLE])
        listing = await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)
        for question in questions:  # taught, made a topic of, or ignored: all leave the list
            assert question not in listing.body["data"]["content"]
        audit = [r.body["content"] for r in server.find("POST", rf"/channels/{fd.MODERATORS}/messages", start)]
        assert any("teach" in a and questions[0] in a for a in audit)
        assert any("kb.topic" in a and "busverkehr" in a for a in audit)
        assert any("inbox.ignore" in a and questions[2] in a for a in audit)
        await asyncio.sleep(4)  # the next digest: nothing left to sort, nothing posted
        digests = [r for r in server.find("POST", rf"/channels/{fd.MODERATORS}/messages", start)
                   if (r.body or {}).get("components")]
        assert digests == []
    finally:
        assert await bot.stop() == 0, bot.output()
        await server.stop()
