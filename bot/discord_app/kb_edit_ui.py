"""The Discord side of knowledge edits: the answer modal and the preview with "apply" / "discard".

The change itself is made by ``bot.moderation.kb_edits`` (overlay, validation, history, undo).
A preview lives ten minutes in this process; applying checks the moderator role again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.discord_app.checks import member_lang, reply_private, require_roles
from bot.discord_app.render import NO_PINGS
from bot.messages import msg
from bot.moderation.kb_edits import Edit, EditError, KnowledgeEditor, answer_edit, topic_edit

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot

PREVIEW_SECONDS = 600


def _lang(bot: CommunityBot, interaction: discord.Interaction) -> str:
    return member_lang(interaction, bot.config.language)


async def show_preview(bot: CommunityBot, interaction: discord.Interaction, edit: Edit) -> None:
    """Check the change and show what it would do, with buttons to apply or discard it."""
    lang = _lang(bot, interaction)
    try:
        preview = KnowledgeEditor(bot.reloader.source, bot.storage).check(edit)
    except EditError as exc:
        text, view = msg("kb_edit_refused", lang, reason=str(exc)), None
    else:
        text, view = msg("kb_edit_preview", lang, preview=preview), ConfirmView(bot, edit, lang)
    await reply_private(interaction, text[:2000], view)


class ConfirmView(discord.ui.View):
    def __init__(self, bot: CommunityBot, edit: Edit, lang: str):
        super().__init__(timeout=PREVIEW_SECONDS)
        self.bot, self.edit = bot, edit
        self.apply_button.label = msg("kb_edit_apply", lang)
        self.discard_button.label = msg("kb_edit_discard", lang)

    @discord.ui.button(style=discord.ButtonStyle.success, label="apply")
    async def apply_button(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        if not await require_roles(interaction, self.bot.config.roles.moderators, self.bot.config.language):
            return
        lang = _lang(self.bot, interaction)
        editor = KnowledgeEditor(self.bot.reloader.source, self.bot.storage)
        try:
            async with self.bot.reloader.teach_lock:
                editor.apply(self.edit, interaction.user.id, getattr(interaction.user, "display_name", "?"))
                await self.bot.reloader.reload()
        except EditError as exc:
            await interaction.response.edit_message(content=msg("kb_edit_refused", lang, reason=str(exc))[:2000],
                                                    view=None)
            return
        self.stop()
        if self.bot.unanswered is not None:
            for question in self.edit.answered_questions():
                self.bot.unanswered.forget(question)
        await interaction.response.edit_message(content=msg("kb_edit_done", lang, summary=self.edit.summary,
                                                            version=self.bot.core.version), view=None)
        await self.bot.audit(interaction.user, f"kb.{self.edit.kind}", self.edit.summary)

    @discord.ui.button(style=discord.ButtonStyle.secondary, label="discard")
    async def discard_button(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.stop()
        await interaction.response.edit_message(content=msg("kb_edit_discarded", _lang(self.bot, interaction)),
                                                view=None)


class AnswerModal(discord.ui.Modal):
    """The current answer in both languages, to edit in place."""

    def __init__(self, bot: CommunityBot, intent: str, current: dict[str, str], lang: str):
        super().__init__(title=msg("kb_answer_modal", lang, intent=intent)[:45], timeout=900,
                         custom_id=f"scs:kbanswer:{intent}"[:100])
        self.bot, self.intent = bot, intent
        self.de = discord.ui.TextInput(label="Deutsch", style=discord.TextStyle.paragraph, max_length=4000,
                                       default=current.get("de", "")[:4000], custom_id="de")
        self.en = discord.ui.TextInput(label="English", style=discord.TextStyle.paragraph, max_length=4000,
                                       default=current.get("en", "")[:4000], custom_id="en")
        self.add_item(self.de)
        self.add_item(self.en)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        try:
            edit = answer_edit(self.intent, self.de.value, self.en.value)
        except EditError as exc:
            await interaction.response.send_message(msg("kb_edit_refused", _lang(self.bot, interaction),
                                                        reason=str(exc)), ephemeral=True, allowed_mentions=NO_PINGS)
            return
        await show_preview(self.bot, interaction, edit)


def _pair(text: str) -> tuple[str, str]:
    """"Deutsch | English" -> ("Deutsch", "English")."""
    de, _, en = text.partition("|")
    return de.strip(), en.strip()


class TopicModal(discord.ui.Modal):
    """A new topic from an unanswered question: the question is already its first example."""

    def __init__(self, bot: CommunityBot, question: str, lang: str):
        super().__init__(title=msg("kb_topic_modal", lang)[:45], timeout=900, custom_id="scs:kbtopic")
        self.bot, self.question = bot, question
        self.ident = discord.ui.TextInput(label="ID", max_length=40, custom_id="id", placeholder="buergerbeteiligung")
        self.titles = discord.ui.TextInput(label=msg("kb_topic_titles", lang)[:45], max_length=200, custom_id="titles",
                                           placeholder="Bürgerbeteiligung | Participation")
        self.answer_de = discord.ui.TextInput(label="Antwort (Deutsch)", style=discord.TextStyle.paragraph,
                                              max_length=4000, custom_id="answer_de")
        self.answer_en = discord.ui.TextInput(label="Answer (English)", style=discord.TextStyle.paragraph,
                                              max_length=4000, custom_id="answer_en")
        self.examples = discord.ui.TextInput(label=msg("kb_topic_examples", lang)[:45],
                                             style=discord.TextStyle.paragraph, max_length=1000,
                                             custom_id="examples", default=f"{question[:900]} | ")
        for item in (self.ident, self.titles, self.answer_de, self.answer_en, self.examples):
            self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        lang = _lang(self.bot, interaction)
        title_de, title_en = _pair(self.titles.value)
        examples_de, examples_en = _pair(self.examples.value)
        try:
            edit = topic_edit(self.ident.value, {"de": title_de, "en": title_en},
                              {"de": self.answer_de.value, "en": self.answer_en.value},
                              {"de": examples_de.split(";"), "en": examples_en.split(";")})
        except EditError as exc:
            await interaction.response.send_message(msg("kb_edit_refused", lang, reason=str(exc)), ephemeral=True,
                                                    allowed_mentions=NO_PINGS)
            return
        await show_preview(self.bot, interaction, edit)
