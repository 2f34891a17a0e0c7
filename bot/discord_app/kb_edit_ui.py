"""The Discord side of knowledge edits: the answer modal and the preview with "apply" / "discard".

The change itself is made by ``bot.moderation.kb_edits`` (overlay, validation, history, undo).
A preview lives ten minutes in this process; applying checks the moderator role again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.discord_app.checks import require_roles
from bot.discord_app.render import NO_PINGS
from bot.discord_app.translator import locale_lang
from bot.messages import msg
from bot.moderation.kb_edits import Edit, EditError, KnowledgeEditor, answer_edit

if TYPE_CHECKING:
    from bot.discord_app.client import CommunityBot

PREVIEW_SECONDS = 600


def _lang(bot: CommunityBot, interaction: discord.Interaction) -> str:
    return locale_lang(interaction.locale) or bot.config.language


async def show_preview(bot: CommunityBot, interaction: discord.Interaction, edit: Edit) -> None:
    """Check the change and show what it would do, with buttons to apply or discard it."""
    lang = _lang(bot, interaction)
    try:
        preview = KnowledgeEditor(bot.reloader.source, bot.storage).check(edit)
    except EditError as exc:
        text, view = msg("kb_edit_refused", lang, reason=str(exc)), None
    else:
        text, view = msg("kb_edit_preview", lang, preview=preview), ConfirmView(bot, edit, lang)
    kwargs = {"ephemeral": True, "allowed_mentions": NO_PINGS, **({"view": view} if view else {})}
    if interaction.response.is_done():
        await interaction.followup.send(text[:2000], **kwargs)
    else:
        await interaction.response.send_message(text[:2000], **kwargs)


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
