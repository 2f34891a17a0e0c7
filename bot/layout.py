"""Fit an answer into Discord's message limits, without importing discord.

Plain answers become message content (2,000 characters per message); answers that hold a
list or the timeline become embeds (4,096 per description, 6,000 per message, 10 embeds
per message). Long texts are split at paragraph, then line, then word boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answers import Answer

CONTENT_LIMIT = 2000
DESCRIPTION_LIMIT = 4096
TITLE_LIMIT = 256
MESSAGE_EMBED_TOTAL = 6000
EMBEDS_PER_MESSAGE = 10
FIELD_LIMIT = 25


@dataclass(frozen=True)
class EmbedSpec:
    title: str | None
    description: str

    def size(self) -> int:
        return len(self.title or "") + len(self.description)


@dataclass(frozen=True)
class MessageSpec:
    content: str | None = None
    embeds: list[EmbedSpec] = field(default_factory=list)


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` characters at the nicest boundary."""
    text = text.strip()
    if not text:
        return []
    pieces: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = window.rfind(sep, 0, limit)
            if cut > limit // 3:  # do not produce tiny pieces
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        pieces.append(text)
    return pieces


def layout(answer: Answer, *, embeds: bool = True) -> list[MessageSpec]:
    """The messages that carry ``answer``, each within Discord's limits. ``embeds=False``: plain
    text only, for a channel where the bot may not embed links (lists and the timeline too)."""
    if answer.rich and not embeds:
        text = f"**{answer.title}**\n{answer.text}" if answer.title else answer.text
        return [MessageSpec(content=piece) for piece in split_text(text, CONTENT_LIMIT)] or [MessageSpec(content="…")]
    if not answer.rich:
        return [MessageSpec(content=piece) for piece in split_text(answer.text, CONTENT_LIMIT)] or [
            MessageSpec(content="…")
        ]
    title = (answer.title or "")[:TITLE_LIMIT] or None
    embeds = [
        EmbedSpec(title if i == 0 else None, piece)
        for i, piece in enumerate(split_text(answer.text, DESCRIPTION_LIMIT))
    ] or [EmbedSpec(title, "…")]
    messages: list[MessageSpec] = []
    current: list[EmbedSpec] = []
    total = 0
    for embed in embeds:
        if current and (total + embed.size() > MESSAGE_EMBED_TOTAL or len(current) == EMBEDS_PER_MESSAGE):
            messages.append(MessageSpec(embeds=current))
            current, total = [], 0
        current.append(embed)
        total += embed.size()
    messages.append(MessageSpec(embeds=current))
    return messages
