"""A small Discord-compatible server for end-to-end tests (REST + gateway on 127.0.0.1).

The real discord.py connects to it through ``discord.api_base``. It implements just what
the bot uses, records every REST request the bot makes, and lets a test inject gateway
events (MESSAGE_CREATE, INTERACTION_CREATE) and REST failures.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

TOKEN = "test-token"
APP_ID = 900000000000000001
BOT_ID = APP_ID
GUILD_ID = 800000000000000001
GENERAL = 810000000000000001
QA = 810000000000000002
STORIES = 810000000000000003
ANNOUNCEMENTS = 810000000000000004
MODERATORS = 810000000000000005
FORUM = 810000000000000006  # a forum channel (type 15): every post is a thread
DM_CHANNEL = 820000000000000001
STAFF_ROLE = 830000000000000001
MOD_ROLE = 830000000000000002
BOT_ROLE = 830000000000000003  # the bot's own role: Manage Events on top of @everyone
EVERYONE_PERMISSIONS = 1071698660929  # view, send, send in threads, embed links, read history, ...
VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, MANAGE_EVENTS = 1 << 10, 1 << 11, 1 << 14, 1 << 33
MANAGE_ROLES = 1 << 28
SEND_IN_THREADS = 1 << 38
TIMESTAMP = "2026-11-25T12:00:00.000000+00:00"

_ids = itertools.count(1)


def json_response(data: Any, status: int = 200) -> web.Response:
    """Like Discord: exactly ``application/json`` (discord.py compares the header verbatim)."""
    response = web.Response(body=json.dumps(data).encode(), status=status)
    response.headers["Content-Type"] = "application/json"
    return response


DISCORD_EPOCH_MS = 1420070400000
_last_id = [0]


def snowflake() -> str:
    """Like Discord's: the creation time in the high bits (discord.py reads ``created_at`` from
    it), a counter in the low ones; always increasing."""
    now = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
    _last_id[0] = max(_last_id[0] + 1, now, next(_ids))
    return str(_last_id[0])


def user(uid: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {"id": str(uid), "username": name, "global_name": name, "discriminator": "0", "avatar": None,
            "bot": bot, "public_flags": 0}


BOT_USER = user(BOT_ID, "SCS Bot", bot=True)


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]


@dataclass
class Failure:
    method: str
    pattern: re.Pattern[str]
    status: int
    times: int
    body: dict[str, Any] = field(default_factory=lambda: {"message": "Internal Server Error", "code": 0})


def _invalid_embeds(body: Any) -> dict[str, Any]:
    """Discord's rules for links in embeds: absolute http(s) URLs of at most 2,048 characters."""
    errors: dict[str, Any] = {}
    for i, embed in enumerate((body or {}).get("embeds") or []):
        for name, url in (("url", embed.get("url")), ("image.url", (embed.get("image") or {}).get("url"))):
            if url is None:
                continue
            ok = isinstance(url, str) and len(url) <= 2048 and re.match(r"https?://[^\s/]+", url) is not None
            if not ok:
                errors[f"embeds.{i}.{name}"] = {"_errors": [{"code": "URL_TYPE_INVALID_URL",
                                                              "message": "Not a well formed URL."}]}
    return errors


class FakeDiscord:
    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.messages: dict[str, dict[str, Any]] = {}  # id -> message the bot created
        self.member_messages: dict[str, dict[str, Any]] = {}  # id -> message a member wrote (for history)
        self.scheduled_events: dict[str, dict[str, Any]] = {}  # id -> guild scheduled event
        self.failures: list[Failure] = []
        self.sockets: list[web.WebSocketResponse] = []
        self.identified = asyncio.Event()
        self.commands: list[dict[str, Any]] = []
        self.channel_types = {GENERAL: 0, QA: 0, STORIES: 0, ANNOUNCEMENTS: 5, MODERATORS: 0, FORUM: 15}
        self.denied: dict[int, int] = {}  # channel -> permissions denied to the bot's role there
        self.bot_role_permissions = MANAGE_EVENTS | MANAGE_ROLES  # the bot's own role, server-wide
        self.created_roles: list[dict[str, Any]] = []  # roles the bot created (POST /guilds/{id}/roles)
        self.member_roles: dict[str, set[str]] = {}  # member id -> role ids the bot gave them
        self._seq = 0
        self._changed = asyncio.Condition()
        self.app = web.Application(client_max_size=64 * 1024 * 1024)
        self.app.router.add_get("/gateway", self._gateway)
        self.app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self.runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -----------------------------------------------------------------------
    async def start(self, port: int = 0) -> None:
        self.runner = web.AppRunner(self.app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for ws in list(self.sockets):
            await ws.close()
        if self.runner is not None:
            await self.runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    # --- test helpers --------------------------------------------------------------------
    def fail(self, method: str, pattern: str, status: int = 500, times: int = 1) -> None:
        """The next ``times`` requests matching ``method`` and ``pattern`` get ``status``."""
        self.failures.append(Failure(method, re.compile(pattern), status, times))

    async def wait_for(self, predicate: Callable[[Request], bool], timeout: float = 10.0,
                       start: int = 0) -> Request:
        """The first request from index ``start`` on that satisfies ``predicate``."""

        def find() -> Request | None:
            return next((r for r in self.requests[start:] if predicate(r)), None)

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: find() is not None), timeout)
        found = find()
        assert found is not None
        return found

    def find(self, method: str, pattern: str, start: int = 0) -> list[Request]:
        rx = re.compile(pattern)
        return [r for r in self.requests[start:] if r.method == method and rx.fullmatch(r.path)]

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        for ws in self.sockets:
            if not ws.closed:
                self._seq += 1
                await ws.send_str(json.dumps({"op": 0, "t": event, "s": self._seq, "d": data}))

    def member(self, uid: int, name: str, roles: list[int] | None = None) -> dict[str, Any]:
        if uid == BOT_ID:
            roles = [BOT_ROLE]  # the bot's own messages carry its real roles
        return {"user": user(uid, name), "roles": [str(r) for r in roles or []], "joined_at": TIMESTAMP,
                "deaf": False, "mute": False, "flags": 0, "nick": None, "avatar": None,
                "permissions": "1071698660929"}

    async def send_message(self, content: str, *, channel: int = GENERAL, author: int = 700000000000000001,
                           name: str = "alice", roles: list[int] | None = None, mentions_bot: bool = False,
                           dm: bool = False, author_bot: bool = False, reply_to: str | None = None) -> str:
        mid = snowflake()
        data: dict[str, Any] = {
            "id": mid, "channel_id": str(DM_CHANNEL if dm else channel), "content": content,
            "author": user(author, name, bot=author_bot), "timestamp": TIMESTAMP, "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mentions": [BOT_USER] if mentions_bot else [],
            "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0, "flags": 0,
            "components": [],
        }
        if reply_to is not None:  # a reply: Discord's message type 19 with a reference
            data.update(type=19, message_reference={"message_id": reply_to, "channel_id": data["channel_id"]},
                        referenced_message=self.messages.get(reply_to))
        if not dm:
            data["guild_id"] = str(GUILD_ID)
            member = self.member(author, name, roles)
            member.pop("user")
            data["member"] = member
        self.member_messages[mid] = data
        await self.dispatch("MESSAGE_CREATE", data)
        return mid

    async def drop_connections(self) -> None:
        """The gateway connection breaks (code 4000); the bot's resume is refused (op 9), as after
        a longer outage: what members write until it has identified again, it never hears of."""
        for ws in list(self.sockets):
            await ws.close(code=4000, message=b"Unknown error")

    async def edit_message(self, message_id: str, content: str, *, channel: int = GENERAL,
                           author: int = 700000000000000001) -> None:
        """A member edits their message (MESSAGE_UPDATE carries the whole message, as Discord sends it)."""
        member = self.member(author, "alice", None)
        member.pop("user")
        await self.dispatch("MESSAGE_UPDATE", {
            "id": message_id, "channel_id": str(channel), "guild_id": str(GUILD_ID), "content": content,
            "author": user(author, "alice"), "member": member, "timestamp": TIMESTAMP, "edited_timestamp": TIMESTAMP,
            "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": [], "pinned": False, "type": 0, "flags": 0, "components": []})

    async def delete_message(self, message_id: str, *, channel: int = GENERAL) -> None:
        """A member deletes their message (MESSAGE_DELETE)."""
        await self.dispatch("MESSAGE_DELETE", {"id": message_id, "channel_id": str(channel), "guild_id": str(GUILD_ID)})

    async def react(self, message_id: str, emoji: str, *, channel: int = GENERAL, author: int = 700000000000000001,
                    roles: list[int] | None = None) -> None:
        """A member adds a reaction (MESSAGE_REACTION_ADD)."""
        member = self.member(author, "alice", roles)
        await self.dispatch("MESSAGE_REACTION_ADD", {
            "user_id": str(author), "channel_id": str(channel), "message_id": message_id, "guild_id": str(GUILD_ID),
            "emoji": {"id": None, "name": emoji}, "member": member, "type": 0, "burst": False,
            "message_author_id": str(BOT_ID)})

    async def create_thread(self, parent: int, name: str = "Frage", *, author: int = 700000000000000001) -> int:
        """A thread in ``parent`` (in a forum channel: a post), announced with THREAD_CREATE as Discord
        does; messages sent with ``channel=`` the returned id are in that thread."""
        thread = int(snowflake())
        data = {"id": str(thread), "type": 11, "guild_id": str(GUILD_ID), "parent_id": str(parent), "name": name,
                "owner_id": str(author), "member_count": 1, "message_count": 0, "rate_limit_per_user": 0,
                "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "archive_timestamp": TIMESTAMP,
                                    "locked": False}, "flags": 0, "newly_created": True}
        self.channel_types[thread] = 11
        await self.dispatch("THREAD_CREATE", data)
        return thread

    def _interaction(self, kind: int, data: dict[str, Any], *, author: int, name: str, roles: list[int] | None,
                     locale: str, channel: int, message: dict[str, Any] | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "id": snowflake(), "application_id": str(APP_ID), "type": kind, "data": data, "guild_id": str(GUILD_ID),
            "channel_id": str(channel), "channel": self._channel(channel),
            "member": self.member(author, name, roles),
            "token": f"itoken-{snowflake()}", "version": 1, "locale": locale, "guild_locale": "de",
            "app_permissions": str(self.bot_permissions(channel)), "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0, "attachment_size_limit": 8388608,
        }
        if message is not None:
            payload["message"] = message
        return payload

    async def slash(self, name: str, options: list[dict[str, Any]] | None = None, *, author: int = 700000000000000001,
                    user_name: str = "alice", roles: list[int] | None = None, locale: str = "de",
                    channel: int = GENERAL, focused: bool = False) -> str:
        """Invoke a slash command (or, with ``focused``, its autocomplete); return the interaction id."""
        command = next(c for c in self.commands if c["name"] == name.split()[0])
        options = options or []
        parts = name.split()
        for sub in reversed(parts[1:]):  # subcommand (group) nesting
            options = [{"name": sub, "type": 1, "options": options}]
        data = {"id": command["id"], "name": parts[0], "type": 1, "guild_id": str(GUILD_ID), "options": options}
        resolved = self._resolved(options)
        if resolved:  # channel and role options come with their objects, as Discord sends them
            data["resolved"] = resolved
        payload = self._interaction(4 if focused else 2, data, author=author, name=user_name, roles=roles,
                                    locale=locale, channel=channel)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload["id"]

    def _resolved(self, options: list[dict[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for option in options:
            if option.get("options"):
                for kind, items in self._resolved(option["options"]).items():
                    out.setdefault(kind, {}).update(items)
            elif option.get("type") == 7:
                channel = self._channel(int(option["value"]))
                channel["permissions"] = str(self.bot_permissions(int(option["value"])))
                out.setdefault("channels", {})[str(option["value"])] = channel
            elif option.get("type") == 8:
                role = next(r for r in self._guild()["roles"] if r["id"] == str(option["value"]))
                out.setdefault("roles", {})[str(option["value"])] = role
        return out

    async def click(self, message: dict[str, Any], custom_id: str, *, author: int = 700000000000000001,
                    locale: str = "de", roles: list[int] | None = None) -> str:
        data = {"custom_id": custom_id, "component_type": 2}
        payload = self._interaction(3, data, author=author, name="alice", roles=roles, locale=locale,
                                    channel=int(message["channel_id"]), message=message)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload["id"]

    async def select(self, message: dict[str, Any], custom_id: str, values: list[str], *,
                     author: int = 700000000000000001, roles: list[int] | None = None, locale: str = "de") -> str:
        """A member picks ``values`` in a select menu of ``message`` (component type 3)."""
        menu = next((c for row in message["components"] for c in row["components"] if c["custom_id"] == custom_id),
                    None)
        assert menu is not None, f"no menu {custom_id} in the message"
        allowed = {o["value"] for o in menu["options"]}
        assert set(values) <= allowed, f"{values} are not options of {custom_id}"  # Discord sends only options
        data = {"custom_id": custom_id, "component_type": 3, "values": values}
        payload = self._interaction(3, data, author=author, name="alice", roles=roles, locale=locale,
                                    channel=int(message["channel_id"]), message=message)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload["id"]

    async def submit_modal(self, modal: dict[str, Any], values: dict[str, str], *, author: int,
                           roles: list[int] | None = None, locale: str = "de", channel: int = GENERAL) -> str:
        """A member fills in and sends a modal the bot opened (``modal``: the data of its type-9 response)."""

        def filled(component: dict[str, Any]) -> dict[str, Any]:
            if component.get("type") == 4:  # a text input: what the member typed (or left as it was)
                value = values.get(component["custom_id"], component.get("value", ""))
                assert len(value) <= component.get("max_length", 4000), "longer than the input allows"
                return {"type": 4, "custom_id": component["custom_id"], "value": value}
            if "components" in component:
                return {"type": component["type"], "components": [filled(c) for c in component["components"]]}
            if "component" in component:  # a label (type 18) around its input
                return {"type": component["type"], "component": filled(component["component"])}
            return component

        data = {"custom_id": modal["custom_id"], "components": [filled(c) for c in modal["components"]]}
        payload = self._interaction(5, data, author=author, name="alice", roles=roles, locale=locale, channel=channel)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload["id"]

    def role_id(self, name: str) -> int:
        """The id of a role the bot created."""
        return int(next(r["id"] for r in self.created_roles if r["name"] == name))

    def bot_permissions(self, channel: int) -> int:
        """The bot's permissions in ``channel``: @everyone and its role, less the channel's overwrite."""
        return (EVERYONE_PERMISSIONS | self.bot_role_permissions) & ~self.denied.get(channel, 0)

    async def deny(self, channel: int, bits: int) -> None:
        """Take permissions from the bot's role in ``channel`` (0 gives them back), as a server
        admin would in the channel's settings: the bot hears of it through CHANNEL_UPDATE."""
        self.denied[channel] = bits
        await self.dispatch("CHANNEL_UPDATE", self._channel(channel))

    # --- gateway -------------------------------------------------------------------------
    def _channel(self, cid: int) -> dict[str, Any]:
        overwrites = [{"id": str(BOT_ROLE), "type": 0, "allow": "0", "deny": str(self.denied[cid])}] \
            if self.denied.get(cid) else []
        return {"id": str(cid), "type": self.channel_types.get(cid, 0), "guild_id": str(GUILD_ID),
                "name": f"channel-{cid % 1000}", "position": cid % 1000, "permission_overwrites": overwrites,
                "nsfw": False, "parent_id": None, "topic": None, "last_message_id": None, "rate_limit_per_user": 0}

    def _guild(self) -> dict[str, Any]:
        everyone = {"id": str(GUILD_ID), "name": "@everyone", "permissions": "1071698660929", "position": 0,
                    "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        roles = [everyone] + [
            {**everyone, "id": str(rid), "name": name, "position": i + 1, "permissions": "0"}
            for i, (rid, name) in enumerate([(STAFF_ROLE, "Staff"), (MOD_ROLE, "Moderatoren")])
        ] + [{**everyone, "id": str(BOT_ROLE), "name": "SCS Bot", "position": 3,
              "permissions": str(self.bot_role_permissions), "managed": True}] + self.created_roles
        bot_member = self.member(BOT_ID, "SCS Bot", [BOT_ROLE])
        bot_member["user"] = BOT_USER
        return {
            "id": str(GUILD_ID), "name": "Smart Cities Südwestfalen", "icon": None, "owner_id": "1",
            "unavailable": False, "member_count": 3, "large": False, "features": ["NEWS", "COMMUNITY"],
            "channels": [self._channel(c) for c in self.channel_types], "threads": [], "roles": roles,
            "members": [bot_member], "voice_states": [], "presences": [], "emojis": [], "stickers": [],
            "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
            "joined_at": TIMESTAMP, "preferred_locale": "de", "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0,
            "system_channel_id": None, "premium_tier": 0, "nsfw_level": 0, "afk_timeout": 300,
        }

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for frame in ws:
            if frame.type != WSMsgType.TEXT:
                continue
            payload = json.loads(frame.data)
            op = payload.get("op")
            if op == 1:
                await ws.send_str(json.dumps({"op": 11}))
            elif op == 2:
                if payload["d"].get("token") != TOKEN:
                    await ws.close(code=4004, message=b"Authentication failed.")
                    break
                self._seq += 1
                ready = {"v": 10, "user": BOT_USER, "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                         "session_id": "session-1", "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
                         "shard": [0, 1], "application": {"id": str(APP_ID), "flags": 0}}
                await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": self._seq, "d": ready}))
                self._seq += 1
                await ws.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": self._seq, "d": self._guild()}))
                self.identified.set()
            elif op == 6:  # resume: we keep no history, so ask for a fresh session
                await ws.send_str(json.dumps({"op": 9, "d": False}))
        self.sockets.remove(ws)
        return ws

    # --- REST ----------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                body = json.loads(raw)
            elif request.content_type.startswith("multipart/"):
                body = {"multipart": raw.decode("utf-8", "replace")}
                match = re.search(r'name="payload_json".*?\r\n\r\n(.*?)\r\n--', body["multipart"], re.S)
                files = re.findall(r'filename="([^"]+)"', body["multipart"])
                pngs = raw.count(b"\x89PNG\r\n\x1a\n")
                if match:
                    body = json.loads(match.group(1))
                body["_files"] = list(dict.fromkeys(files))  # attached file names
                body["_png_count"] = pngs
        recorded = Request(request.method, path, dict(request.query), body, dict(request.headers))
        async with self._changed:
            self.requests.append(recorded)
            self._changed.notify_all()
        if request.headers.get("Authorization") not in (f"Bot {TOKEN}", None) and not path.startswith("/interactions"):
            if not path.startswith("/webhooks"):
                return json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        for failure in self.failures:
            if failure.times > 0 and failure.method == request.method and failure.pattern.fullmatch(path):
                failure.times -= 1
                if failure.status == 429:  # as Discord sends it: through its proxy, with retry_after
                    response = json_response({"message": "You are being rate limited.", "retry_after": 0.05,
                                              "global": False, "code": 0}, status=429)
                    response.headers.update({"Via": "1.1 google", "Retry-After": "1",
                                             "X-RateLimit-Scope": "user"})
                    return response
                return json_response(failure.body, status=failure.status)
        return await self._route(request.method, path, body, dict(request.query))

    async def _route(self, method: str, path: str, body: Any, query: dict[str, str]) -> web.StreamResponse:
        if method == "GET" and path == "/users/@me":
            return json_response(BOT_USER)
        if method == "GET" and path == "/oauth2/applications/@me":
            return json_response({"id": str(APP_ID), "name": "SCS Bot", "description": "", "icon": None,
                                  "bot_public": False, "bot_require_code_grant": False, "owner": user(1, "owner"),
                                  "verify_key": "0" * 64, "flags": 0, "summary": "", "rpc_origins": []})
        if method == "GET" and path == "/gateway/bot":
            return json_response({"url": f"ws://127.0.0.1:{self.port}/gateway", "shards": 1,
                                  "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0,
                                                          "max_concurrency": 1}})
        m = re.fullmatch(r"/applications/(\d+)/(?:guilds/(\d+)/)?commands", path)
        if m and method == "PUT":
            self.commands = [
                {**cmd, "id": snowflake(), "application_id": str(APP_ID), "version": snowflake(),
                 "guild_id": m.group(2), "default_member_permissions": cmd.get("default_member_permissions")}
                for cmd in body
            ]
            return json_response(self.commands)
        m = re.fullmatch(r"/guilds/(\d+)/roles", path)
        if m and method == "POST":  # the bot creates a role: below its own, as Discord places new roles
            if not self.bot_role_permissions & MANAGE_ROLES:
                return json_response({"message": "Missing Permissions", "code": 50013}, status=403)
            role = {"id": snowflake(), "name": body.get("name", "new role"), "permissions": "0",
                    "position": 1, "color": 0, "hoist": False, "managed": False,
                    "mentionable": bool(body.get("mentionable")), "flags": 0}
            self.created_roles.append(role)
            await self.dispatch("GUILD_ROLE_CREATE", {"guild_id": m.group(1), "role": role})
            return json_response(role)
        m = re.fullmatch(r"/guilds/(\d+)/members/(\d+)/roles/(\d+)", path)
        if m and method in ("PUT", "DELETE"):
            if not self.bot_role_permissions & MANAGE_ROLES:
                return json_response({"message": "Missing Permissions", "code": 50013}, status=403)
            if m.group(3) not in {r["id"] for r in self.created_roles} | {str(STAFF_ROLE), str(MOD_ROLE)}:
                return json_response({"message": "Unknown Role", "code": 10011}, status=404)
            roles = self.member_roles.setdefault(m.group(2), set())
            (roles.add if method == "PUT" else roles.discard)(m.group(3))
            return web.Response(status=204)
        m = re.fullmatch(r"/channels/(\d+)/messages", path)
        if m and method == "GET":  # history, newest first: the bot's and the members' messages
            limit = int(query.get("limit", "50"))
            every = {**self.member_messages, **self.messages}
            found = sorted((msg for msg in every.values() if msg["channel_id"] == m.group(1)),
                           key=lambda msg: -int(msg["id"]))
            return json_response(found[:limit])
        if m and method == "POST":
            allowed = self.bot_permissions(int(m.group(1)))
            if not allowed & VIEW_CHANNEL or not allowed & SEND_MESSAGES:
                return json_response({"message": "Missing Permissions", "code": 50013}, status=403)
            if body.get("enforce_nonce") and body.get("nonce") is not None:
                # Discord: the same nonce from the same author in the channel within a few minutes
                # returns the message created the first time instead of creating another.
                twin = next((msg for msg in self.messages.values() if msg["channel_id"] == m.group(1)
                             and msg.get("nonce") == body["nonce"]), None)
                if twin is not None:
                    return json_response(twin)
            if body.get("embeds") and not allowed & EMBED_LINKS:
                body = {**body, "embeds": []}  # Discord drops the embeds silently: the message arrives empty
            invalid = _invalid_embeds(body)
            if invalid:  # Discord's answer to an embed it cannot show
                return json_response({"message": "Invalid Form Body", "code": 50035, "errors": invalid}, status=400)
            return json_response(self._create_message(m.group(1), body))
        m = re.fullmatch(r"/channels/(\d+)/messages/(\d+)", path)
        if m and method == "DELETE":
            if self.messages.pop(m.group(2), None) is None:
                return json_response({"message": "Unknown Message", "code": 10008}, status=404)
            return web.Response(status=204)
        if m and method == "PATCH":
            if m.group(2) not in self.messages:
                return json_response({"message": "Unknown Message", "code": 10008}, status=404)
            self.messages[m.group(2)].update({k: v for k, v in body.items() if k in ("content", "embeds")},
                                             edited_timestamp=TIMESTAMP)
            return json_response(self.messages[m.group(2)])
        m = re.fullmatch(r"/guilds/(\d+)/scheduled-events", path)
        if m and method == "POST":
            event = {"id": snowflake(), "guild_id": m.group(1), "channel_id": None, "creator_id": str(BOT_ID),
                     "entity_id": None, "image": None, "user_count": 0, "status": 1, **body}
            self.scheduled_events[event["id"]] = event
            return json_response(event)
        m = re.fullmatch(r"/guilds/(\d+)/scheduled-events/(\d+)", path)
        if m and method in ("GET", "PATCH"):
            if m.group(2) not in self.scheduled_events:
                return json_response({"message": "Unknown Guild Scheduled Event", "code": 10070}, status=404)
            self.scheduled_events[m.group(2)].update(body or {})
            return json_response(self.scheduled_events[m.group(2)])
        m = re.fullmatch(r"/channels/(\d+)/messages/(\d+)/crosspost", path)
        if m and method == "POST":
            if self.channel_types.get(int(m.group(1))) != 5:  # only announcement channels publish
                return json_response({"message": "Cannot execute action on this channel type", "code": 50024},
                                     status=400)
            return json_response(self.messages.get(m.group(2), {}))
        m = re.fullmatch(r"/channels/(\d+)", path)
        if m and method == "GET":
            return json_response(self._channel(int(m.group(1))))
        m = re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path)
        if m and method == "POST":
            message = None
            if body.get("type") in (4, 7) and body.get("data") is not None:
                message = self._create_message(str(GENERAL), body["data"], interaction=m.group(1))
            response = {"interaction": {"id": m.group(1), "type": 2, "response_message_id": message and message["id"],
                                        "response_message_loading": body.get("type") == 5,
                                        "response_message_ephemeral": bool((body.get("data") or {}).get("flags", 0)
                                                                           & 64)}}
            if message is not None:
                response["resource"] = {"type": body["type"], "message": message}
            return json_response(response)
        m = re.fullmatch(r"/webhooks/(\d+)/([^/]+)", path)
        if m and method == "POST":
            return json_response(self._create_message(str(GENERAL), body, webhook=True))
        m = re.fullmatch(r"/webhooks/(\d+)/([^/]+)/messages/([^/]+)", path)
        if m and method in ("PATCH", "GET"):
            return json_response(self._create_message(str(GENERAL), body or {}, webhook=True))
        return json_response({"message": f"fake Discord: no route for {method} {path}", "code": 0}, status=404)

    def add_message(self, channel_id: int, body: dict[str, Any]) -> str:
        """A message the bot posted earlier (e.g. before a crash), as if created through the API."""
        return str(self._create_message(str(channel_id), body)["id"])

    def _create_message(self, channel_id: str, body: dict[str, Any], **extra: Any) -> dict[str, Any]:
        mid = snowflake()
        message = {
            "id": mid, "channel_id": channel_id, "author": BOT_USER, "content": body.get("content") or "",
            "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": [], "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [],
            "pinned": False, "type": 0, "flags": body.get("flags") or 0, "components": body.get("components") or [],
            "nonce": body.get("nonce"),
        }
        if channel_id != str(DM_CHANNEL):
            message["guild_id"] = str(GUILD_ID)
        self.messages[mid] = message
        return message
