"""/event end to end: ``python -m bot run`` against the fake Discord server, clock shifted by SCS_BOT_NOW."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
import yaml

from tests import fake_discord as fd
from tests.botproc import ROOT, BotProcess, free_port, write_config
from tests.test_discord_e2e import text_of, wait_healthy

pytestmark = pytest.mark.asyncio(loop_scope="module")

T0 = "2027-03-01T12:00:00+01:00"
STAFF = 700000000000000901
MEMBER = 700000000000000902


def opts(**values: str | bool) -> list[dict[str, Any]]:
    return [{"name": k, "type": 5 if isinstance(v, bool) else 3, "value": v} for k, v in values.items()]


async def start_bot(tmp: Path, server: fd.FakeDiscord, now: str, name: str) -> BotProcess:
    config = write_config(tmp, server, events={"check_seconds": 0.1},
                          web={"enabled": True, "port": free_port(), "rate_per_minute": 600})
    bot = BotProcess(config, tmp / f"{name}.log", env={"SCS_BOT_NOW": now})
    await bot.start()
    try:
        await wait_healthy(config, 30)
    except TimeoutError:
        await bot.stop()
        raise AssertionError(bot.output()) from None
    return bot


class Session:
    def __init__(self, server: fd.FakeDiscord, bot: BotProcess, tmp: Path):
        self.server, self.bot, self.tmp = server, bot, tmp
        self.calls = 0

    async def command(self, name: str, *, roles: list[int] | None = None, locale: str = "de",
                      **values: str | bool) -> tuple[fd.Request, str]:
        """Run a slash command; return its first response and all text it sent back to the member."""
        start = len(self.server.requests)
        self.calls += 1  # each call as another member: the per-member cooldown is not what these test
        iid = await self.server.slash(name, opts(**values), author=(STAFF if roles else MEMBER) + 10 * self.calls,
                                      roles=roles, locale=locale)
        first = await self.server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)
        if first.body.get("type") == 5:  # deferred: the answer comes as a follow-up
            follow = await self.server.wait_for(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"),
                                                10, start)
            return first, text_of(follow.body)
        return first, text_of(first.body.get("data") or {})

    def posts(self, start: int = 0) -> list[fd.Request]:
        return self.server.find("POST", rf"/channels/{fd.ANNOUNCEMENTS}/messages", start)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def session(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Session]:
    tmp = tmp_path_factory.mktemp("events")
    server = fd.FakeDiscord()
    await server.start()
    bot = await start_bot(tmp, server, T0, "bot")
    try:
        yield Session(server, bot, tmp)
    finally:
        code = await bot.stop()
        await server.stop()
    assert code == 0, bot.output()


async def test_members_without_the_staff_role_are_refused(session: Session) -> None:
    start = len(session.server.requests)
    first, text = await session.command("event erstellen", roles=[fd.MOD_ROLE], titel="Party",
                                        beginn="12.03.2027 18:00")
    assert first.body["data"]["flags"] & 64 and f"<@&{fd.STAFF_ROLE}>" in text
    first, text = await session.command("event absagen", termin="1")
    assert first.body["data"]["flags"] & 64 and f"<@&{fd.STAFF_ROLE}>" in text
    assert first.body["data"]["allowed_mentions"]["parse"] == []  # naming the role pings nobody
    assert session.posts(start) == [] and session.server.find("POST", r"/guilds/\d+/scheduled-events", start) == []


async def test_bad_dates_and_too_long_input_are_rejected_with_a_clear_ephemeral_error(session: Session) -> None:
    start = len(session.server.requests)
    first, text = await session.command("event erstellen", roles=[fd.STAFF_ROLE], titel="Workshop",
                                        beginn="nächsten Dienstag")
    assert first.body["data"]["flags"] & 64 and "12.03.2027 18:00" in text
    first, text = await session.command("event erstellen", roles=[fd.STAFF_ROLE], titel="Workshop",
                                        beginn="01.02.2027 18:00")
    assert "Vergangenheit" in text
    first, text = await session.command("event erstellen", roles=[fd.STAFF_ROLE], locale="en-US", titel="W" * 120,
                                        beginn="2027-03-12 18:00", ende="2027-03-12 17:00")
    assert "Title: 120 characters" in text and "not after the start" in text
    assert session.posts(start) == []


async def test_staff_creates_an_event_announced_scheduled_and_known_as_next(session: Session) -> None:
    start = len(session.server.requests)
    first, text = await session.command(
        "event erstellen", roles=[fd.STAFF_ROLE], titel="Smart Cities: Schule – Werkstatt @everyone",
        beginn="12.03.2027 18:00", ende="20:00", ort="Arnsberg, Rathaus",
        beschreibung="Für Lehrkräfte und Eltern.")
    assert first.body["type"] == 5 and first.body["data"]["flags"] & 64
    assert "Termin #1 angelegt" in text and "Fr., 12.03.2027, 18:00–20:00 Uhr" in text
    assert "Ankündigung gepostet" in text and "Discord-Event angelegt" in text
    (post,) = session.posts(start)
    embed = post.body["embeds"][0]
    assert embed["title"] == "Smart Cities: Schule – Werkstatt @everyone"
    assert post.body["allowed_mentions"]["parse"] == []
    assert "Arnsberg, Rathaus" in text_of(post.body) and "Für Lehrkräfte" in text_of(post.body)
    assert session.server.find("POST", rf"/channels/{fd.ANNOUNCEMENTS}/messages/\d+/crosspost", start)  # news channel
    (scheduled,) = session.server.find("POST", rf"/guilds/{fd.GUILD_ID}/scheduled-events", start)
    audit = await session.server.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{fd.MODERATORS}"
                                          "/messages" and "event.create" in r.body.get("content", ""), 10, start)
    assert "· event.create · #1 „Smart Cities: Schule – Werkstatt @everyone“" in audit.body["content"]
    assert audit.body["allowed_mentions"]["parse"] == []  # the quoted title pings nobody
    assert scheduled.body["entity_type"] == 3  # external
    assert scheduled.body["entity_metadata"] == {"location": "Arnsberg, Rathaus"}
    assert scheduled.body["scheduled_start_time"].startswith("2027-03-12T17:00:00")  # 18:00 in Berlin is 17:00 UTC
    assert scheduled.body["scheduled_end_time"].startswith("2027-03-12T19:00:00")

    mid = await session.server.send_message("was steht als nächstes an?", channel=fd.QA, author=MEMBER + 1)
    reply = await session.server.wait_for(lambda r: r.method == "POST" and str(
        ((r.body or {}).get("message_reference") or {}).get("message_id")) == mid, 10, start)
    assert "Smart Cities: Schule – Werkstatt" in text_of(reply.body) and "18:00 Uhr" in text_of(reply.body)
    assert "Arnsberg, Rathaus" in text_of(reply.body)
    _, text = await session.command("timeline", locale="en-US", ansicht="next")
    assert "Smart Cities: Schule – Werkstatt" in text and "2027-03-12, 18:00" in text
    _, text = await session.command("event liste")
    assert "Werkstatt" in text and "#1" in text

    web = f"http://127.0.0.1:{yaml.safe_load((session.tmp / 'config.yaml').read_text())['web']['port']}"
    async with aiohttp.ClientSession() as http:  # the chat page runs in the same process, on the same data
        async with http.get(f"{web}/api/start") as response:
            assert [e["title"] for e in (await response.json())["events"]] == [
                "Smart Cities: Schule – Werkstatt @everyone"]
        async with http.post(f"{web}/api/ask", json={"question": "what's next?"}) as response:
            assert "Smart Cities: Schule – Werkstatt" in (await response.json())["answer"]


async def test_edit_and_cancel_update_the_announcement_and_the_scheduled_event(session: Session) -> None:
    _, text = await session.command("event erstellen", roles=[fd.STAFF_ROLE], titel="Stammtisch",
                                    beginn="2027-03-20 19:00", ort="https://example.org/stammtisch")
    event_id = text.split("#")[1].split()[0]
    message_id = next(m["id"] for m in session.server.messages.values()
                      if m["channel_id"] == str(fd.ANNOUNCEMENTS) and "Stammtisch" in text_of(m))
    scheduled_id = next(k for k, v in session.server.scheduled_events.items() if v["name"] == "Stammtisch")

    start = len(session.server.requests)
    _, text = await session.command("event bearbeiten", roles=[fd.STAFF_ROLE], termin=event_id,
                                    beginn="2027-03-21 19:30")
    assert f"Termin #{event_id} geändert" in text and "So., 21.03.2027, 19:30 Uhr" in text
    assert "Ankündigung in" in text and "Discord-Event aktualisiert" in text
    (patch,) = session.server.find("PATCH", rf"/channels/{fd.ANNOUNCEMENTS}/messages/{message_id}", start)
    assert "<t:1805653800:F>" in text_of(patch.body)  # a Discord timestamp: local time for everyone
    assert session.server.scheduled_events[scheduled_id]["scheduled_start_time"].startswith("2027-03-21T18:30")
    notes = [p for p in session.posts(start) if "Termin geändert" in text_of(p.body)]
    assert len(notes) == 1 and "Stammtisch" in text_of(notes[0].body)
    assert "<t:1805653800:R>" in text_of(notes[0].body)
    note_id = next(m["id"] for m in session.server.messages.values() if "Termin geändert" in text_of(m))
    # the announcements channel is an announcement (news) channel: the note is published like the announcement
    assert session.server.find("POST", rf"/channels/{fd.ANNOUNCEMENTS}/messages/{note_id}/crosspost", start)
    _, text = await session.command("event bearbeiten", roles=[fd.STAFF_ROLE], termin=event_id, beginn="32.13.2027")
    assert "So kann ich den Termin nicht ändern" in text  # an edit is no "anlegen"

    start = len(session.server.requests)
    _, text = await session.command("event absagen", roles=[fd.STAFF_ROLE], termin=event_id)
    assert f"Termin #{event_id} abgesagt" in text and "Discord-Event abgesagt" in text
    assert session.server.scheduled_events[scheduled_id]["status"] == 4  # cancelled
    assert session.server.messages[message_id]["embeds"][0]["title"] == "ABGESAGT: Stammtisch"
    assert any("Abgesagt" in text_of(p.body) for p in session.posts(start))
    _, listing = await session.command("termine")
    assert "Stammtisch" not in listing
    _, text = await session.command("event absagen", roles=[fd.STAFF_ROLE], termin=event_id)
    assert "gibt es nicht" in text  # already cancelled


async def test_an_event_picked_by_its_typed_title_and_one_without_a_place(session: Session) -> None:
    start = len(session.server.requests)
    _, text = await session.command("event erstellen", roles=[fd.STAFF_ROLE], titel="Sprechstunde Digitales",
                                    beginn="2027-03-25 10:00")
    assert "angelegt" in text
    (scheduled,) = session.server.find("POST", rf"/guilds/{fd.GUILD_ID}/scheduled-events", start)
    assert scheduled.body["entity_metadata"] == {"location": "Ort folgt"}  # not the server's name
    _, text = await session.command("event bearbeiten", roles=[fd.STAFF_ROLE], termin="sprechstunde digitales",
                                    ort="Soest, Rathaus")  # typed, not picked from the autocomplete list
    assert "geändert" in text and "Sprechstunde Digitales" in text
    _, text = await session.command("event bearbeiten", roles=[fd.STAFF_ROLE], termin="Gibt es nicht",
                                    ort="Soest")
    assert "gibt es nicht" in text


async def test_members_list_events_with_termine_and_staff_commands_are_hidden(session: Session) -> None:
    first, text = await session.command("termine", locale="en-US")
    assert "Werkstatt" in text and "<t:" in text  # Discord timestamps: everyone's own local time
    (put,) = session.server.find("PUT", rf"/applications/{fd.APP_ID}/guilds/{fd.GUILD_ID}/commands")
    by_name = {c["name"]: c for c in put.body}
    assert int(by_name["event"]["default_member_permissions"]) == 1 << 33  # Manage Events
    assert by_name["termine"].get("default_member_permissions") is None
    assert by_name["termine"]["name_localizations"]["en-US"] == "events"


async def test_without_the_permission_the_staff_member_is_told_plainly(session: Session) -> None:
    session.server.fail("POST", rf"/guilds/{fd.GUILD_ID}/scheduled-events", status=403)
    session.server.failures[-1].body = {"message": "Missing Permissions", "code": 50013}
    _, text = await session.command("event erstellen", roles=[fd.STAFF_ROLE], titel="Ohne Event",
                                    beginn="2027-04-01 10:00")
    assert "Ankündigung gepostet" in text and "Berechtigung" in text and "Events verwalten" in text


async def test_the_event_list_on_the_command_line(session: Session) -> None:
    command = [sys.executable, "-m", "bot", "events", "list", "--config", str(session.tmp / "config.yaml")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={"SCS_BOT_NOW": T0, "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert "Smart Cities: Schule – Werkstatt" in result.stdout and "Stammtisch" not in result.stdout
    assert result.stdout.index("Werkstatt") < result.stdout.index("Ohne Event")


async def test_a_reminder_is_posted_once_also_across_restarts(tmp_path: Path) -> None:
    server = fd.FakeDiscord()
    await server.start()
    try:
        bot = await start_bot(tmp_path, server, T0, "first")
        session = Session(server, bot, tmp_path)
        _, text = await session.command("event erstellen", roles=[fd.STAFF_ROLE], titel="Hackathon",
                                        beginn="02.03.2027 18:00", ort="Soest")  # 30 h after T0
        assert "angelegt" in text
        await asyncio.sleep(0.5)
        assert not any("Erinnerung" in text_of(p.body) for p in session.posts())  # 30 h ahead: nothing due
        assert await bot.stop() == 0

        def reminders() -> list[str]:
            return [text_of(p.body) for p in session.posts() if "Erinnerung" in text_of(p.body)]

        for name in ("second", "third"):  # 23 h 59 min before the start, twice
            bot = session.bot = await start_bot(tmp_path, server, "2027-03-01T18:01:00+01:00", name)
            for _ in range(50):
                if reminders():
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)
            assert await bot.stop() == 0, bot.output()
            assert len(reminders()) == 1, bot.output()
        # "beginnt <t:…:R>": Discord shows the real remaining time (23 h 59 min here), not a fixed "in 24 Stunden"
        assert "Hackathon" in reminders()[0] and "<t:1804006800:R>" in reminders()[0]
        assert "Soest" in reminders()[0]
        assert reminders()[0].startswith(f"<@&{server.role_id('Events')}> ⏰")  # subscribers are reminded
        assert [r["name"] for r in server.created_roles].count("Events") == 1  # found again after restarts

        bot = await start_bot(tmp_path, server, "2027-03-02T17:01:00+01:00", "fourth")
        for _ in range(50):
            if len(reminders()) == 2:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)
        assert await bot.stop() == 0
        assert len(reminders()) == 2 and "<t:1804006800:R>" in reminders()[1], bot.output()
        nonces = [p.body["nonce"] for p in session.posts() if "Erinnerung" in text_of(p.body)]
        assert len(set(nonces)) == 2
    finally:
        await server.stop()


async def test_the_event_group_has_german_and_english_names(session: Session) -> None:
    (put,) = session.server.find("PUT", rf"/applications/{fd.APP_ID}/guilds/{fd.GUILD_ID}/commands")
    group = next(c for c in put.body if c["name"] == "event")
    subs = {o["name"]: o for o in group["options"]}
    assert {s: subs[s]["name_localizations"]["en-US"] for s in subs} == {
        "erstellen": "create", "liste": "list", "bearbeiten": "edit", "absagen": "cancel"}
    create = {o["name"]: o["name_localizations"]["en-US"] for o in subs["erstellen"]["options"]}
    assert create == {"titel": "title", "beginn": "start", "ort": "place", "ende": "end", "beschreibung": "description",
                      "ping": "ping"}
    assert [o["name"] for o in subs["erstellen"]["options"] if o.get("required")] == ["titel", "beginn"]
    assert any(o.get("autocomplete") for o in subs["absagen"]["options"])


async def test_members_subscribe_and_announcements_ping_exactly_the_events_role(session: Session) -> None:
    server = session.server
    events_role = server.role_id("Events")
    assert {r["name"]: r["mentionable"] for r in server.created_roles} == {"Stories": True, "Events": True}
    member = MEMBER + 5000
    start = len(server.requests)
    iid = await server.slash("abo", author=member, locale="de")
    menu = (await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)).body["data"]
    assert menu["flags"] & 64 and "Termine und Erinnerungen: nicht abonniert" in menu["content"]
    message = next(m for m in server.messages.values() if m["components"] == menu["components"])
    iid = await server.click(message, "scs:sub:events", author=member)
    added = (await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)).body["data"]
    assert added["flags"] & 64 and "Abonniert" in added["content"]
    assert str(events_role) in server.member_roles[str(member)]
    iid = await server.click(message, "scs:sub:events", author=member, roles=[events_role], locale="en-US")
    removed = (await server.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"), 10, start)).body["data"]
    assert "Unsubscribed" in removed["content"] and str(events_role) not in server.member_roles[str(member)]

    start = len(server.requests)
    await session.command("event erstellen", roles=[fd.STAFF_ROLE], titel="Sprechstunde @everyone",
                          beginn="2027-04-02 10:00")
    (post,) = session.posts(start)
    assert post.body["content"] == f"<@&{events_role}>"  # the events role, and only that one
    assert post.body["allowed_mentions"] == {"parse": [], "roles": [events_role]}
    assert post.body["components"][0]["components"][0]["custom_id"] == "scs:sub:events"
    start = len(server.requests)
    await session.command("event erstellen", roles=[fd.STAFF_ROLE], titel="Interne Runde",
                          beginn="2027-04-03 10:00", ping=False)  # the staff member chose: no ping
    (quiet,) = session.posts(start)
    assert not quiet.body.get("content") and quiet.body["allowed_mentions"]["parse"] == []
    assert not quiet.body["allowed_mentions"].get("roles")
