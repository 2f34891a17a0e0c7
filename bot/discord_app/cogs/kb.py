"""/kb: the moderators' commands (reload, check, status, unanswered, teach, test).

Every command checks the member's roles against ``roles.moderators`` first and refuses
others with an ephemeral note. The work is done by ``bot.reloader``, ``bot.moderation.teach``,
``bot.moderation.unanswered`` and ``bot.moderation.kb_reports``.
"""

from __future__ import annotations

import asyncio
import io
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands, tasks

from bot import channel_needs
from bot.clock import BERLIN
from bot.community.stories import StoryStore
from bot.discord_app.checks import ModeratorReplies
from bot.discord_app.kb_edit_ui import AnswerModal, show_preview
from bot.discord_app.render import NO_PINGS
from bot.layout import CONTENT_LIMIT
from bot.messages import msg
from bot.moderation import kb_reports
from bot.moderation.kb_edits import EditError, KnowledgeEditor, synonym_edit, topic_edit
from bot.moderation.stats import chart_png, stats_text
from bot.moderation.teach import TeachError, teach

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot

log = logging.getLogger(__name__)


class KnowledgeAdmin(ModeratorReplies, commands.Cog):
    # Hidden from members without Manage Server by default (server admins can widen it under
    # Integrations); the moderator role is still checked in code for every subcommand.
    kb = app_commands.Group(name=_("kb"), description=_("Wissensbasis pflegen (nur Moderation)"), guild_only=True,
                            default_permissions=discord.Permissions(manage_guild=True))

    def __init__(self, bot: CommunityBot):
        self.bot = bot

    async def cog_load(self) -> None:
        self.purge.start()

    async def cog_unload(self) -> None:
        self.purge.cancel()

    @tasks.loop(hours=12)
    async def purge(self) -> None:
        if self.bot.unanswered is not None:
            removed = self.bot.unanswered.purge()
            if removed:
                log.info("purged %d unanswered question(s) past the retention period", removed)

    @kb.command(name=_("reload"), description=_("Wissensdateien jetzt neu laden"))
    @app_commands.describe(force=_("Auch eine Version laden, die mehr als die Hälfte der Themen verliert"))
    async def reload(self, interaction: discord.Interaction, force: bool = False) -> None:
        if not await self._allowed(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        lang = self._lang(interaction)
        result = await self.bot.reloader.reload(force=force, confirm_shrink=force)
        if result.status == "broken" or result.problems:  # broken, also when unchanged since the last look
            text = kb_reports.problems_text(result.problems, result.version, self.bot.core.version, lang,
                                            roots=self.bot.config.knowledge)
        elif result.status == "loaded":
            text = kb_reports.loaded_text(self.bot.core.answerer.knowledge, lang)
        else:
            text = msg("kb_unchanged", lang, version=self.bot.core.version)
        await self._send(interaction, text)
        await self.bot.audit(interaction.user, "reload", f"{result.status}{' (force)' if force else ''}, "
                                                         f"version {self.bot.core.version}")

    @kb.command(name=_("check"), description=_("Fehler in den Wissensdateien anzeigen"))
    async def check(self, interaction: discord.Interaction) -> None:
        if not await self._allowed(interaction):
            return
        lang = self._lang(interaction)
        result = await self.bot.reloader.reload()
        if result.problems:  # /kb check shows every problem (split over several messages)
            text = kb_reports.problems_text(result.problems, result.version, self.bot.core.version, lang, limit=None,
                                            roots=self.bot.config.knowledge)
        else:
            text = msg("kb_clean", lang, version=self.bot.core.version)
        await self._send(interaction, text)

    @kb.command(name=_("status"), description=_("Geladene Version und Umfang des Wissens"))
    async def status(self, interaction: discord.Interaction) -> None:
        if not await self._allowed(interaction):
            return
        core = self.bot.core
        lang = self._lang(interaction)
        text = kb_reports.status_text(core.answerer.knowledge, core.loaded_at, self.bot.reloader.problems, lang)
        missing = self.bot.missing_permissions()
        text += "\n" + (channel_needs.report(missing, lang) if missing else msg("perm_ok", lang))
        await self._send(interaction, text)

    @kb.command(name=_("unanswered"), description=_("Häufigste unbeantwortete Fragen der letzten 30 Tage"))
    async def unanswered(self, interaction: discord.Interaction) -> None:
        if not await self._allowed(interaction):
            return
        rows = self.bot.unanswered.top(days=30, limit=15) if self.bot.unanswered else []
        lang = self._lang(interaction)
        await self._send(interaction, kb_reports.unanswered_text(rows, 30, lang))
        inbox_cog = self.bot.get_cog("Inbox")
        if rows and inbox_cog is not None:  # the same controls as the weekly digest, for the top five
            items, view = inbox_cog.items_and_view(lang, 30)  # type: ignore[attr-defined]
            if view is not None:
                await interaction.followup.send(msg("inbox_hint", lang), view=view, ephemeral=True,
                                                allowed_mentions=NO_PINGS)

    @kb.command(name=_("teach"), description=_("Einem Thema eine Beispielfrage beibringen"))
    @app_commands.rename(frage=_("frage"), thema=_("thema"))
    @app_commands.describe(frage=_("Die Frage, wie Leute sie stellen"),
                           thema=_("Das Thema (Intent), das antworten soll"))
    async def teach_(self, interaction: discord.Interaction, frage: app_commands.Range[str, 1, 300],
                     thema: app_commands.Range[str, 1, 100]) -> None:
        if not await self._allowed(interaction):
            return
        await self._send(interaction, await self.teach_question(interaction, frage, thema))

    async def teach_question(self, interaction: discord.Interaction, question: str, intent: str) -> str:
        """Teach, reload, take it off the unanswered list, audit; the text for the moderator
        (also used by the unanswered inbox's menus)."""
        lang = self._lang(interaction)
        try:
            async with self.bot.reloader.teach_lock:
                filed = teach(self.bot.reloader.source, self.bot.core.answerer, question, intent)
                await self.bot.reloader.reload()
            if self.bot.unanswered is not None:
                self.bot.unanswered.forget(question)  # taught: it leaves the unanswered list
        except TeachError as exc:
            return msg("kb_teach_refused", lang, reason=exc.text(lang))
        await self.bot.audit(interaction.user, "teach", f"„{question}“ → {intent}")
        return msg("kb_taught", lang, question=question, intent=intent, filed=filed)

    @teach_.autocomplete("thema")
    async def intent_autocomplete(self, interaction: discord.Interaction,
                                  current: str) -> list[app_commands.Choice[str]]:
        needle = current.casefold()
        lang = self._lang(interaction)
        choices = []
        for intent in self.bot.core.answerer.knowledge.intents:
            title = intent.title.get(lang, intent.id)
            if needle in intent.id or needle in title.casefold():
                choices.append(app_commands.Choice(name=f"{intent.id} – {title}"[:100], value=intent.id))
        return choices[:25]

    @kb.command(name=_("retry"), description=_("Eine abgelehnte Story erneut posten"))
    @app_commands.describe(story=_("Die Nummer aus der Meldung im Moderationskanal"))
    async def retry(self, interaction: discord.Interaction, story: app_commands.Range[int, 1]) -> None:
        if not await self._allowed(interaction):
            return
        lang = self._lang(interaction)
        queued = StoryStore(self.bot.storage).retry(story)
        text = msg("kb_story_retry", lang, id=story, title=queued.title) if queued else \
            msg("kb_story_retry_none", lang, id=story)
        await self._send(interaction, text)
        if queued:
            await self.bot.audit(interaction.user, "stories.retry", f"#{story} „{queued.title}“")

    @kb.command(name=_("stats"), description=_("Fragen, Antwortquote und Themen der letzten 30 Tage, mit Grafik"))
    @app_commands.describe(tage=_("Zeitraum in Tagen (Standard 30)"))
    @app_commands.rename(tage=_("tage"))
    async def stats(self, interaction: discord.Interaction, tage: app_commands.Range[int, 1, 365] = 30) -> None:
        if not await self._allowed(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        lang = self._lang(interaction)
        rows = self.bot.unanswered.top(days=tage, limit=5) if self.bot.unanswered else []
        summary = self.bot.stats.summary(tage, [(r.question, r.count) for r in rows])
        titles = {i.id: i.title.get(lang, i.id) for i in self.bot.core.answerer.knowledge.intents}
        png = await asyncio.to_thread(chart_png, summary, lang)  # drawing takes a moment: not on the loop
        await interaction.followup.send(stats_text(summary, lang, titles)[:CONTENT_LIMIT], ephemeral=True,
                                        file=discord.File(io.BytesIO(png), filename="stats.png"),
                                        allowed_mentions=NO_PINGS)

    # --- editing the knowledge from Discord (bot.moderation.kb_edits) ------------------------
    @kb.command(name=_("antwort"), description=_("Die Antwort eines Themas ändern (Vorschau vor dem Speichern)"))
    @app_commands.rename(thema=_("thema"))
    async def answer(self, interaction: discord.Interaction, thema: str) -> None:
        if not await self._allowed(interaction):
            return
        lang = self._lang(interaction)
        intent = next((i for i in self.bot.core.answerer.knowledge.intents if i.id == thema), None)
        if intent is None or not intent.answer:
            await self._send(interaction, msg("kb_edit_refused", lang, reason=f"no topic '{thema}' with an answer"))
            return
        await interaction.response.send_modal(AnswerModal(self.bot, intent.id, dict(intent.answer), lang))

    @kb.command(name=_("thema"), description=_("Ein neues Thema anlegen (Vorschau vor dem Speichern)"))
    @app_commands.rename(ident=_("id"), titel_de=_("titel_de"), titel_en=_("titel_en"), antwort_de=_("antwort_de"),
                         antwort_en=_("antwort_en"), beispiele_de=_("beispiele_de"), beispiele_en=_("beispiele_en"))
    @app_commands.describe(ident=_("Kurzname, z. B. buergerbeteiligung"),
                           beispiele_de=_("Beispielfragen, durch ; getrennt"),
                           beispiele_en=_("Example questions, separated by ;"))
    async def topic(self, interaction: discord.Interaction, ident: app_commands.Range[str, 2, 40],
                    titel_de: app_commands.Range[str, 1, 100], titel_en: app_commands.Range[str, 1, 100],
                    antwort_de: app_commands.Range[str, 1, 4000], antwort_en: app_commands.Range[str, 1, 4000],
                    beispiele_de: str, beispiele_en: str) -> None:
        if not await self._allowed(interaction):
            return
        try:
            edit = topic_edit(ident, {"de": titel_de, "en": titel_en}, {"de": antwort_de, "en": antwort_en},
                              {"de": beispiele_de.split(";"), "en": beispiele_en.split(";")})
        except EditError as exc:
            await self._send(interaction, msg("kb_edit_refused", self._lang(interaction), reason=str(exc)))
            return
        await show_preview(self.bot, interaction, edit)

    @kb.command(name=_("synonym"), description=_("Andere Schreibweisen eines Wortes hinzufügen"))
    @app_commands.rename(wort=_("wort"), varianten=_("varianten"))
    @app_commands.describe(varianten=_("Wie Leute es auch schreiben, durch Komma getrennt"))
    async def synonym(self, interaction: discord.Interaction, wort: app_commands.Range[str, 2, 60],
                      varianten: app_commands.Range[str, 2, 300]) -> None:
        if not await self._allowed(interaction):
            return
        try:
            edit = synonym_edit(wort, varianten.split(","))
        except EditError as exc:
            await self._send(interaction, msg("kb_edit_refused", self._lang(interaction), reason=str(exc)))
            return
        await show_preview(self.bot, interaction, edit)

    @kb.command(name=_("verlauf"), description=_("Die letzten Änderungen am Wissen aus Discord"))
    async def history(self, interaction: discord.Interaction) -> None:
        if not await self._allowed(interaction):
            return
        entries = KnowledgeEditor(self.bot.reloader.source, self.bot.storage).history()
        lang = self._lang(interaction)
        lines = [f"#{e.id} {e.at.astimezone(BERLIN):%d.%m.%Y %H:%M} · {e.actor_name} · {e.summary}"
                 + (f" ({msg('kb_history_undone', lang)})" if e.undone else "") for e in entries]
        await self._send(interaction, "\n".join(lines) or msg("kb_history_none", lang))

    @kb.command(name=_("rückgängig"), description=_("Die letzte Änderung am Wissen aus Discord zurücknehmen"))
    async def undo(self, interaction: discord.Interaction) -> None:
        if not await self._allowed(interaction):
            return
        lang = self._lang(interaction)
        try:
            async with self.bot.reloader.teach_lock:
                summary = KnowledgeEditor(self.bot.reloader.source, self.bot.storage).undo()
                await self.bot.reloader.reload()
        except EditError as exc:
            await self._send(interaction, msg("kb_edit_refused", lang, reason=str(exc)))
            return
        await self._send(interaction, msg("kb_undone", lang, summary=summary))
        await self.bot.audit(interaction.user, "kb.undo", summary)

    @answer.autocomplete("thema")
    async def answer_autocomplete(self, interaction: discord.Interaction,
                                  current: str) -> list[app_commands.Choice[str]]:
        return await self.intent_autocomplete(interaction, current)

    @kb.command(name=_("audit"), description=_("Wer hat was geändert? Die letzten Einträge des Audit-Logs"))
    async def audit(self, interaction: discord.Interaction) -> None:
        if not await self._allowed(interaction):
            return
        entries = self.bot.audit_log.recent(20)
        lang = self._lang(interaction)
        text = "\n".join(e.line() for e in entries) or msg("audit_none", lang)
        await self._send(interaction, text)

    @kb.command(name=_("test"), description=_("Was würde der Bot antworten? Mit den 3 besten Themen"))
    @app_commands.rename(frage=_("frage"))
    @app_commands.describe(frage=_("Die Frage, wie Leute sie stellen"))
    async def test(self, interaction: discord.Interaction, frage: app_commands.Range[str, 1, 1000]) -> None:
        if not await self._allowed(interaction):
            return
        await self._send(interaction, kb_reports.test_text(self.bot.core.answerer, frage, self._lang(interaction)))


async def setup(bot: CommunityBot) -> None:
    await bot.add_cog(KnowledgeAdmin(bot))
