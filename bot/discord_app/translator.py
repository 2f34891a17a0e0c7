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
    "Eine abgelehnte Story erneut posten": "Post a story Discord rejected again",
    "Die Nummer aus der Meldung im Moderationskanal": "The number from the note in the moderators' channel",
    "Auch eine Version laden, die mehr als die Hälfte der Themen verliert":
        "Also load a version that loses more than half of the topics",
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
    # /event
    "Termine ankündigen und verwalten (Staff)": "Announce and manage events (staff)",
    "erstellen": "create",
    "Einen Termin ankündigen (nur Staff)": "Announce an event (staff only)",
    "titel": "title",
    "beginn": "start",
    "ort": "place",
    "ende": "end",
    "beschreibung": "description",
    "Titel des Termins (max. 100 Zeichen)": "Title of the event (max. 100 characters)",
    "Beginn, z. B. 12.03.2027 18:00 (Zeit in Deutschland)": "Start, e.g. 2027-03-12 18:00 (German time)",
    "Ort oder Link (max. 100 Zeichen)": "Place or link (max. 100 characters)",
    "Ende, z. B. 12.03.2027 20:00 oder nur 20:00": "End, e.g. 2027-03-12 20:00 or just 20:00",
    "Beschreibung (max. 1000 Zeichen)": "Description (max. 1000 characters)",
    "liste": "list",
    "antwort": "answer",
    "Die Antwort eines Themas ändern (Vorschau vor dem Speichern)": "Change a topic's answer (preview before saving)",
    "Ein neues Thema anlegen (Vorschau vor dem Speichern)": "Create a new topic (preview before saving)",
    "titel_de": "title_de", "titel_en": "title_en", "antwort_de": "answer_de", "antwort_en": "answer_en",
    "beispiele_de": "examples_de", "beispiele_en": "examples_en",
    "Kurzname, z. B. buergerbeteiligung": "Short name, e.g. participation",
    "Beispielfragen, durch ; getrennt": "Example questions in German, separated by ;",
    "Example questions, separated by ;": "Example questions, separated by ;",
    "Andere Schreibweisen eines Wortes hinzufügen": "Add other spellings of a word",
    "wort": "word", "varianten": "variants",
    "Wie Leute es auch schreiben, durch Komma getrennt": "How people also write it, separated by commas",
    "verlauf": "history", "Die letzten Änderungen am Wissen aus Discord": "The latest knowledge changes from Discord",
    "rückgängig": "undo",
    "Die letzte Änderung am Wissen aus Discord zurücknehmen": "Undo the latest knowledge change from Discord",
    "Feeds verwalten (nur Moderation)": "Manage feeds (moderators only)",
    "Alle Feeds mit Kanal, Filtern, Rolle und Zustand": "All feeds with channel, filters, role and state",
    "hinzufuegen": "add",
    "Einen Feed in einen Kanal leiten": "Route a feed to a channel",
    "adresse": "url", "kanal": "channel", "enthaelt": "include", "ohne": "exclude", "rolle": "role",
    "vorlage": "template",
    "Adresse des RSS- oder Atom-Feeds (https://…)": "Address of the RSS or Atom feed (https://…)",
    "Wohin die Stories gehen": "Where the stories go",
    "Nur Stories mit einem dieser Wörter (durch Komma getrennt)":
        "Only stories with one of these words (comma-separated)",
    "Keine Stories mit einem dieser Wörter (durch Komma getrennt)":
        "No stories with one of these words (comma-separated)",
    "Diese Rolle bei neuen Stories benachrichtigen": "Notify this role of new stories",
    "Nachricht mit {title} {link} {date} {summary} {image} {feed}":
        "Message with {title} {link} {date} {summary} {image} {feed}",
    "pausieren": "pause", "Einen Feed anhalten (nichts wird gepostet)": "Pause a feed (nothing is posted)",
    "fortsetzen": "resume", "Einen angehaltenen Feed wieder posten lassen": "Let a paused feed post again",
    "entfernen": "remove", "Einen in Discord hinzugefügten Feed entfernen": "Remove a feed added in Discord",
    "abo": "subscribe",
    "Benachrichtigungen zu Stories und Terminen an- oder abbestellen":
        "Subscribe to or unsubscribe from stories and events",
    "ping": "ping",
    "Die Abonnenten der Termine benachrichtigen (Standard: ja)": "Notify the event subscribers (default: yes)",
    "Fragen, Antwortquote und Themen der letzten 30 Tage, mit Grafik":
        "Questions, share answered and topics of the last 30 days, with a chart",
    "Zeitraum in Tagen (Standard 30)": "Period in days (default 30)",
    "tage": "days",
    "Wer hat was geändert? Die letzten Einträge des Audit-Logs": "Who changed what? The latest audit log entries",
    "termine": "events",
    "Die anstehenden Termine": "The upcoming events",
    "bearbeiten": "edit",
    "Einen Termin ändern (nur Staff)": "Change an event (staff only)",
    "termin": "event",
    "Welcher Termin?": "Which event?",
    "Neuer Titel": "New title",
    "Neuer Beginn": "New start",
    "Neuer Ort oder Link": "New place or link",
    "Neues Ende (- entfernt es)": "New end (- removes it)",
    "Neue Beschreibung": "New description",
    "absagen": "cancel",
    "Einen Termin absagen (nur Staff)": "Cancel an event (staff only)",
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
