"""German and English names and descriptions for the slash commands.

Commands are declared with their German text (the default); this table adds English for
Discord's English locales. Two languages do not need a gettext pipeline.
"""

from __future__ import annotations

import discord
from discord import app_commands

ENGLISH: dict[str, str] = {
    # /frage
    "frage": "question",
    "Stell dem Bot eine Frage zu Smart Cities Südwestfalen": "Ask the bot about Smart Cities Südwestfalen",
    "Deine Frage": "Your question",
    # /kommunen
    "kommunen": "municipalities",
    "Welche Kommunen machen mit? Optional: ist eine bestimmte Stadt dabei?":
        "Which municipalities take part? Optional: is a particular town part of it?",
    "stadt": "town",
    "Eine Stadt oder Gemeinde (optional)": "A town or municipality (optional)",
    # /timeline
    "timeline": "timeline",
    "Die Timeline der Initiative: Überblick, Zuletzt oder Als Nächstes":
        "The initiative's timeline: overview, latest or next",
    "ansicht": "view",
    "Was soll angezeigt werden?": "What to show",
    "Überblick": "Overview",
    "Als Nächstes": "Next",
    "Zuletzt": "Latest",
    # /kb
    "Wissensbasis pflegen (nur Moderation)": "Maintain the knowledge base (moderators only)",
    "Wissensdateien jetzt neu laden": "Reload the knowledge files now",
    "Fehler in den Wissensdateien anzeigen": "Show problems in the knowledge files",
    "Geladene Version und Umfang des Wissens": "Loaded version and size of the knowledge",
    "Häufigste unbeantwortete Fragen der letzten 30 Tage": "Most frequent unanswered questions of the last 30 days",
    "Einem Thema eine Beispielfrage beibringen": "Teach a topic an example question",
    "thema": "intent",
    "Die Frage, wie Leute sie stellen": "The question as people ask it",
    "Das Thema (Intent), das antworten soll": "The topic (intent) that should answer",
    "Was würde der Bot antworten? Mit den 3 besten Themen": "What would the bot answer? With the top 3 intents",
    # /stories
    "Die neuesten 5 Stories aus dem Blog": "The latest 5 stories from the blog",
    # /hilfe
    "hilfe": "help",
    "Worauf kann der Bot antworten?": "What can the bot answer?",
}


def locale_lang(locale: discord.Locale | None) -> str | None:
    """'de' or 'en' for a Discord locale, else None."""
    value = str(locale.value if isinstance(locale, discord.Locale) else locale or "")
    if value.startswith("de"):
        return "de"
    if value.startswith("en"):
        return "en"
    return None


class Translator(app_commands.Translator):
    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        if locale_lang(locale) == "en":
            return ENGLISH.get(string.message)
        return None  # German is the default text
