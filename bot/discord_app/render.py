"""Answers as Discord messages: embeds, content, and "did you mean" buttons."""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.answers import Answer
from bot.layout import MessageSpec, layout

COLOUR = discord.Colour(0x00838F)
NO_PINGS = discord.AllowedMentions.none()
BUTTON_LABEL_LIMIT = 80


class SuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button],  # type: ignore[type-arg]
    template=r"scs:s:(?P<lang>de|en):(?P<intent>[a-z0-9_-]{1,80})",
):
    """A "did you mean" button. Its intent is in the custom id, so it works across restarts."""

    def __init__(self, intent: str, lang: str, label: str | None = None):
        super().__init__(
            discord.ui.Button(
                label=(label or intent)[:BUTTON_LABEL_LIMIT],
                style=discord.ButtonStyle.secondary,
                custom_id=f"scs:s:{lang}:{intent}",
            )
        )
        self.intent = intent
        self.lang = lang

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]  # type: ignore[type-arg]
    ) -> SuggestionButton:
        return cls(match["intent"], match["lang"], item.label)

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        handler = getattr(interaction.client, "on_suggestion", None)
        if handler is not None:
            await handler(interaction, self.intent, self.lang)


def suggestion_view(answer: Answer) -> discord.ui.View | None:
    suggestions = [s for s in answer.suggestions if re.fullmatch(r"[a-z0-9_-]{1,80}", s.intent)]
    if not suggestions:
        return None
    view = discord.ui.View(timeout=None)
    for s in suggestions[:5]:
        view.add_item(SuggestionButton(s.intent, answer.lang, s.label))
    return view


def to_kwargs(spec: MessageSpec) -> dict[str, Any]:
    embeds = [
        discord.Embed(title=e.title, description=e.description, colour=COLOUR) for e in spec.embeds
    ]
    kwargs: dict[str, Any] = {"allowed_mentions": NO_PINGS}
    if spec.content:
        kwargs["content"] = spec.content
    if embeds:
        kwargs["embeds"] = embeds
    return kwargs


def messages(answer: Answer, *, plain: bool = False) -> list[dict[str, Any]]:
    """Keyword arguments for each message that carries ``answer`` (buttons on the last);
    ``plain``: no embeds, where the bot lacks Embed Links (Discord would drop them silently)."""
    out = [to_kwargs(spec) for spec in layout(answer, embeds=not plain)]
    view = suggestion_view(answer)
    if view is not None:
        out[-1]["view"] = view
    return out
