"""/event: staff announce events; the bot posts, schedules on Discord and reminds.

The checks, storage and reminder bookkeeping live in ``bot.community.events``; this cog turns
interactions into those calls and renders the results. create/edit/cancel check the
staff role in code; anyone may list.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands, tasks

from bot import clock
from bot.community.events import (
    Event,
    EventInputError,
    EventStore,
    Reminder,
    deliver_reminders,
    events_answer,
    stamp,
    validate,
)
from bot.discord_app.checks import member_lang, reply_private, require_roles
from bot.discord_app.history import find_posted
from bot.discord_app.render import COLOUR, NO_PINGS
from bot.messages import msg

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot

log = logging.getLogger(__name__)
CANCELLED_COLOUR = discord.Colour.dark_grey()


def event_embed(event: Event, lang: str) -> discord.Embed:
    cancelled = event.state == "cancelled"
    title = f"{msg('event_cancelled_tag', lang)}: {event.title}" if cancelled else event.title
    embed = discord.Embed(title=title[:256], url=event.link, description=event.description,
                          colour=CANCELLED_COLOUR if cancelled else COLOUR)
    embed.add_field(name=msg("event_when", lang), value=event.stamped(), inline=False)
    if event.place:
        embed.add_field(name=msg("event_where", lang), value=event.place, inline=False)
    embed.set_footer(text=f"#{event.id}")
    return embed


class Events(commands.Cog):
    # Staff commands: hidden from members by default (server admins can widen this under
    # Integrations) and still checked in code. Members list events with /termine.
    event = app_commands.Group(name=_("event"), description=_("Termine ankündigen und verwalten (Staff)"),
                               guild_only=True, default_permissions=discord.Permissions(manage_events=True))

    def __init__(self, bot: CommunityBot):
        self.bot = bot
        self.settings = bot.config.events
        self.channel_id = self.settings.channel or bot.config.channels.announcements
        self.store = EventStore(bot.storage, clock.now)
        self.offsets = [round(h * 60) for h in self.settings.reminder_hours]

    async def cog_load(self) -> None:
        if self.channel_id:
            self.remind.change_interval(seconds=max(self.settings.check_seconds, 0.1))
            self.remind.start()

    async def cog_unload(self) -> None:
        self.remind.cancel()

    # --- helpers -------------------------------------------------------------------------
    def _lang(self, interaction: discord.Interaction) -> str:
        return member_lang(interaction, self.bot.config.language)

    def _channel(self) -> discord.TextChannel | None:
        channel = self.bot.get_channel(self.channel_id) if self.channel_id else None
        return channel if isinstance(channel, discord.TextChannel) else None

    async def _staff(self, interaction: discord.Interaction) -> bool:
        return await require_roles(interaction, self.bot.config.roles.staff, self.bot.config.language)

    async def _reply(self, interaction: discord.Interaction, text: str) -> None:
        await reply_private(interaction, text[:2000])

    async def _staff_event(self, interaction: discord.Interaction, ref: str) -> Event | None:
        """The scheduled event ``ref`` names, if the member is staff; otherwise refuse or say it is unknown."""
        if not await self._staff(interaction):
            return None
        event = self.store.scheduled(ref)
        if event is None:
            await self._reply(interaction, msg("event_unknown", self._lang(interaction), ref=ref[:50]))
        return event

    async def _publish(self, interaction: discord.Interaction, event: Event, done: str, note: str | None,
                       *, create: bool = False) -> None:
        """Post or update the announcement and the scheduled event, note the change, tell the staff member."""
        lang = self._lang(interaction)
        event, announced = await self._announce(event, lang)
        scheduled = await self._scheduled_event(event, lang, create=create)
        if note:
            await self._note(note)
        await self._reply(interaction, "\n".join(filter(None, [done, announced, scheduled])))

    async def _scheduled_event(self, event: Event, lang: str, *, create: bool = False) -> str:
        """Create, update or cancel the Discord scheduled event; a plain note on what happened."""
        guild = self.bot.get_guild(self.bot.config.discord.guild_id)
        if guild is None:
            return ""
        end = event.end_or(self.settings.default_duration_minutes)
        location = event.place or msg("event_place_open", self.bot.config.language)
        try:
            if create:
                scheduled = await guild.create_scheduled_event(
                    name=event.title, start_time=event.start, end_time=end, location=location,
                    entity_type=discord.EntityType.external, privacy_level=discord.PrivacyLevel.guild_only,
                    description=event.description or discord.utils.MISSING)
                self.store.set_discord(event, discord_event_id=scheduled.id)
                return msg("event_scheduled", lang)
            if not event.discord_event_id:
                return ""
            scheduled = await guild.fetch_scheduled_event(event.discord_event_id)
            if event.state == "cancelled":
                await scheduled.cancel()
                return msg("event_schedule_cancelled", lang)
            await scheduled.edit(name=event.title, start_time=event.start, end_time=end, location=location,
                                 entity_type=discord.EntityType.external, description=event.description or "")
            return msg("event_schedule_updated", lang)
        except discord.Forbidden:
            return msg("event_no_permission", lang)
        except discord.HTTPException as exc:
            log.warning("scheduled event for #%d: %s", event.id, exc)
            return msg("event_schedule_failed", lang, error=f"{exc.status} {exc.text}"[:200])

    async def _announce(self, event: Event, lang: str) -> tuple[Event, str]:
        """Post (or, once posted, update) the announcement embed; publish it in a news channel."""
        channel = self._channel()
        if channel is None:
            return event, msg("event_no_channel", lang)
        embed = event_embed(event, self.bot.config.language)
        try:
            if event.message_id:
                await channel.get_partial_message(event.message_id).edit(embed=embed)
                return event, msg("event_announce_updated", lang, channel=channel.id)
            content, allowed = self._ping(event)
            view = self._subscriptions.view("events", self.bot.config.language) if self._subscriptions else None
            message = await channel.send(content=content, embed=embed, allowed_mentions=allowed,
                                         view=view)  # type: ignore[arg-type]
            event = self.store.set_discord(event, channel_id=channel.id, message_id=message.id)
            if channel.is_news():
                try:
                    await message.publish()
                except discord.HTTPException as exc:  # posted; only the crosspost failed
                    log.warning("could not publish the announcement of event #%d: %s", event.id, exc)
            return event, msg("event_announced", lang, channel=channel.id)
        except discord.HTTPException as exc:
            log.warning("announcement of event #%d: %s", event.id, exc)
            return event, msg("event_announce_failed", lang, error=f"{exc.status} {exc.text}"[:200])

    @property
    def _subscriptions(self):  # -> Subscriptions | None
        return self.bot.get_cog("Subscriptions")

    def _ping(self, event: Event) -> tuple[str | None, discord.AllowedMentions]:
        """The events role's mention, if the staff member chose to ping for this event; exactly that role."""
        if not event.ping or self._subscriptions is None:
            return None, NO_PINGS
        return self._subscriptions.ping("events")  # type: ignore[no-any-return]

    def _reminder_text(self, reminder: Reminder) -> str:
        mention, _ = self._ping(reminder.event)
        text = reminder.text(self.bot.config.language)
        return f"{mention} {text}" if mention else text

    async def _note(self, text: str) -> None:
        """A change or cancel note, published like the announcement in an announcement channel
        (followers of the channel saw the announcement; they must see the change too)."""
        channel = self._channel()
        if channel is None:
            return
        try:
            message = await channel.send(text, allowed_mentions=NO_PINGS)
        except discord.HTTPException as exc:
            log.warning("could not post to the announcements channel: %s", exc)
            return
        if channel.is_news():
            try:
                await message.publish()
            except discord.HTTPException as exc:
                log.warning("could not publish a change note: %s", exc)

    # --- commands ------------------------------------------------------------------------
    @event.command(name=_("erstellen"), description=_("Einen Termin ankündigen (nur Staff)"))
    @app_commands.rename(title=_("titel"), start=_("beginn"), place=_("ort"), end=_("ende"),
                         description=_("beschreibung"), ping=_("ping"))
    @app_commands.describe(title=_("Titel des Termins (max. 100 Zeichen)"),
                           start=_("Beginn, z. B. 12.03.2027 18:00 (Zeit in Deutschland)"),
                           place=_("Ort oder Link (max. 100 Zeichen)"),
                           end=_("Ende, z. B. 12.03.2027 20:00 oder nur 20:00"),
                           description=_("Beschreibung (max. 1000 Zeichen)"),
                           ping=_("Die Abonnenten der Termine benachrichtigen (Standard: ja)"))
    async def create(self, interaction: discord.Interaction, title: str, start: str, place: str | None = None,
                     end: str | None = None, description: str | None = None, ping: bool = True) -> None:
        if not await self._staff(interaction):
            return
        lang = self._lang(interaction)
        try:
            draft = validate(now=clock.now(), title=title, start=start, end=end, place=place,
                             description=description)
        except EventInputError as exc:
            await self._reply(interaction, msg("event_invalid", lang, problems=exc.text(lang)))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        event = self.store.create(draft, ping=ping)
        await self._publish(interaction, event, msg("event_created", lang, id=event.id, title=event.title,
                                                    when=event.when(lang)), None, create=True)
        await self.bot.audit(interaction.user, "event.create", f"#{event.id} „{event.title}“, {event.when('de')}")

    @event.command(name=_("liste"), description=_("Die anstehenden Termine"))
    async def list_events(self, interaction: discord.Interaction) -> None:
        await self._list(interaction)

    @app_commands.command(name=_("termine"), description=_("Die anstehenden Termine"))
    @app_commands.guild_only()
    async def upcoming_events(self, interaction: discord.Interaction) -> None:
        """The list for everyone (the /event group is for staff)."""
        await self._list(interaction)

    async def _list(self, interaction: discord.Interaction) -> None:
        cog = self.bot.get_cog("Ask")
        answer = events_answer(self.store.upcoming(), self._lang(interaction), stamps=True)
        await cog.respond(interaction, answer)  # type: ignore[union-attr]

    @event.command(name=_("bearbeiten"), description=_("Einen Termin ändern (nur Staff)"))
    @app_commands.rename(ref=_("termin"), title=_("titel"), start=_("beginn"), place=_("ort"), end=_("ende"),
                         description=_("beschreibung"))
    @app_commands.describe(ref=_("Welcher Termin?"), title=_("Neuer Titel"), start=_("Neuer Beginn"),
                           place=_("Neuer Ort oder Link"), end=_("Neues Ende (- entfernt es)"),
                           description=_("Neue Beschreibung"))
    async def edit(self, interaction: discord.Interaction, ref: str, title: str | None = None,
                   start: str | None = None, place: str | None = None, end: str | None = None,
                   description: str | None = None) -> None:
        event = await self._staff_event(interaction, ref)
        if event is None:
            return
        lang = self._lang(interaction)
        if all(v is None for v in (title, start, place, end, description)):
            await self._reply(interaction, msg("event_nothing_changed", lang))
            return
        try:
            draft = validate(now=clock.now(), title=title, start=start, end=end, place=place,
                             description=description, current=event)
        except EventInputError as exc:
            await self._reply(interaction, msg("event_invalid_edit", lang, problems=exc.text(lang)))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        event = self.store.update(event, draft)
        channel_lang = self.bot.config.language
        where = f" · {event.place}" if event.place else ""
        note = msg("event_changed_note", channel_lang, title=event.title, when=event.stamped(), where=where)
        await self._publish(interaction, event, msg("event_edited", lang, id=event.id, title=event.title,
                                                    when=event.when(lang)), note)
        await self.bot.audit(interaction.user, "event.edit", f"#{event.id} „{event.title}“, {event.when('de')}")

    @event.command(name=_("absagen"), description=_("Einen Termin absagen (nur Staff)"))
    @app_commands.rename(ref=_("termin"))
    @app_commands.describe(ref=_("Welcher Termin?"))
    async def cancel(self, interaction: discord.Interaction, ref: str) -> None:
        event = await self._staff_event(interaction, ref)
        if event is None:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        event = self.store.cancel(event)
        channel_lang = self.bot.config.language
        note = msg("event_cancelled_note", channel_lang, title=event.title, when=stamp(event.start, "F"))
        await self._publish(interaction, event, msg("event_cancel_done", self._lang(interaction), id=event.id,
                                                    title=event.title), note)
        await self.bot.audit(interaction.user, "event.cancel", f"#{event.id} „{event.title}“")

    @edit.autocomplete("ref")
    @cancel.autocomplete("ref")
    async def event_autocomplete(self, interaction: discord.Interaction, current: str
                                 ) -> list[app_commands.Choice[str]]:
        lang = self._lang(interaction)
        words = current.casefold().split()
        choices = []
        for event in self.store.upcoming():
            label = f"#{event.id} {event.when(lang)} – {event.title}"
            if all(w in label.casefold() for w in words):
                choices.append(app_commands.Choice(name=label[:100], value=str(event.id)))
        return choices[:25]

    # --- reminders -----------------------------------------------------------------------
    @tasks.loop(seconds=30)
    async def remind(self) -> None:
        try:
            sent = await deliver_reminders(self.store, self.offsets, self._send_reminder, self._find_reminder)
        except Exception:  # a failed send stays pending and is retried next tick
            log.exception("event reminders failed")
            return
        for reminder in sent:
            log.info("reminded of event #%d (%d minutes before)", reminder.event.id, reminder.minutes)

    @remind.before_loop
    async def before_remind(self) -> None:
        await self.bot.wait_until_ready()

    async def _find_reminder(self, reminder: Reminder) -> int | None:
        channel = self._channel()
        if channel is None:
            return None
        return await find_posted(channel, reminder.nonce, text=self._reminder_text(reminder))

    async def _send_reminder(self, reminder: Reminder) -> int:
        channel = self._channel()
        if channel is None:
            raise RuntimeError(f"the events channel {self.channel_id} is not a text channel the bot can see")
        _, allowed = self._ping(reminder.event)
        message = await channel.send(self._reminder_text(reminder), nonce=reminder.nonce, allowed_mentions=allowed)
        return message.id


async def setup(bot: CommunityBot) -> None:
    await bot.add_cog(Events(bot))
