"""Moderators edit the knowledge from Discord: a topic's answer, a new topic, a synonym.

Every change goes to the learned overlay (``kb.learned``), never into the moderators' own files:
it is applied to the overlay's current content, validated together with every other file, shown
as a preview first, then written atomically under the overlay's lock (as teaching is). Each write
is kept in ``kb_history`` with the overlay before and after, so ``undo`` restores the last one –
unless the overlay changed since, which it then says instead of overwriting anything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from bot.knowledge_source import KnowledgeSource
from bot.loader import KnowledgeError, load_texts
from bot.moderation.teach import HEADER, locked, write_atomic
from bot.storage import Storage

ANSWER_MAX = 4000
_ID = re.compile(r"[a-z][a-z0-9-]{1,39}")


class EditError(Exception):
    """A change that cannot be made, in plain words (English; the problems are file:line:column)."""


@dataclass(frozen=True)
class Edit:
    """One change, as a moderator asked for it."""

    kind: str  # answer | topic | synonym
    target: str  # the intent id, or the word
    values: tuple[tuple[str, Any], ...]

    def get(self, key: str) -> Any:
        return dict(self.values)[key]

    @property
    def summary(self) -> str:
        if self.kind == "answer":
            return f"answer of '{self.target}'"
        if self.kind == "topic":
            return f"new topic '{self.target}'"
        return f"synonyms of '{self.target}': {', '.join(self.get('variants'))}"

    def answered_questions(self) -> list[str]:
        """The questions this change answers from now on (a new topic's examples): they leave the
        list of unanswered questions."""
        if self.kind != "topic":
            return []
        return [example for examples in self.get("examples").values() for example in examples]

    def preview(self) -> str:
        """What will change, for the moderator to confirm."""
        if self.kind == "answer":
            return f"**{self.summary}**\n**de:** {self.get('de')}\n**en:** {self.get('en')}"
        if self.kind == "topic":
            return (f"**{self.summary}** – {self.get('title')['de']} / {self.get('title')['en']}\n"
                    f"**de:** {self.get('answer')['de']}\n**en:** {self.get('answer')['en']}\n"
                    f"Beispiele / examples: " + "; ".join([*self.get('examples')['de'], *self.get('examples')['en']]))
        return f"**{self.summary}**"


def answer_edit(intent: str, de: str, en: str) -> Edit:
    de, en = de.strip(), en.strip()
    if not de or not en:
        raise EditError("the answer needs a German and an English text")
    if max(len(de), len(en)) > ANSWER_MAX:
        raise EditError(f"an answer may be at most {ANSWER_MAX} characters")
    return Edit("answer", intent, (("de", de), ("en", en)))


def topic_edit(ident: str, title: dict[str, str], answer: dict[str, str], examples: dict[str, list[str]]) -> Edit:
    ident = ident.strip().casefold()
    if not _ID.fullmatch(ident):
        raise EditError(f"'{ident}' is no topic id: 2-40 lowercase letters, digits and '-', starting with a letter")
    for what, texts in (("title", title), ("answer", answer)):
        if not all(texts.get(lang, "").strip() for lang in ("de", "en")):
            raise EditError(f"the {what} needs a German and an English text")
    cleaned = {lang: [e.strip() for e in examples.get(lang, []) if e.strip()] for lang in ("de", "en")}
    if not cleaned["de"] or not cleaned["en"]:
        raise EditError("a new topic needs example questions in German and in English (at least one each)")
    return Edit("topic", ident, (("title", {k: v.strip() for k, v in title.items()}),
                                 ("answer", {k: v.strip() for k, v in answer.items()}), ("examples", cleaned)))


def synonym_edit(word: str, variants: list[str]) -> Edit:
    word = " ".join(word.casefold().split())
    clean = [v for v in dict.fromkeys(" ".join(v.casefold().split()) for v in variants) if v and v != word]
    if not word or not clean:
        raise EditError("give a word and at least one other way people write it")
    return Edit("synonym", word, (("variants", tuple(clean)),))


def _apply(data: dict[str, Any], edit: Edit) -> None:
    if edit.kind == "answer":
        data.setdefault("answers", {})[edit.target] = {"de": edit.get("de"), "en": edit.get("en")}
    elif edit.kind == "topic":
        data.setdefault("intents", []).append({
            "id": edit.target, "title": edit.get("title"), "answer": edit.get("answer"),
            "examples": {lang: items for lang, items in edit.get("examples").items() if items}})
    else:
        synonyms = data.setdefault("vocabulary", {}).setdefault("synonyms", {})
        current = synonyms.setdefault(edit.target, [])
        current.extend(v for v in edit.get("variants") if v not in current)


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: dt.datetime
    actor_id: int
    actor_name: str
    summary: str
    undone: bool


class KnowledgeEditor:
    def __init__(self, source: KnowledgeSource, storage: Storage,
                 now: Callable[[], dt.datetime] | None = None):
        self.source = source
        self.storage = storage
        self.now = now or (lambda: dt.datetime.now(dt.UTC))

    def _read(self) -> tuple[str | None, dict[str, Any]]:
        path = self.source.learned
        if path is None:
            raise EditError("no overlay file is configured (kb.learned)")
        if not path.exists():
            return None, {}
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise EditError(f"{path} is not valid YAML; fix it first: {exc}") from None
        if not isinstance(data, dict):
            raise EditError(f"{path} must hold sections like 'learned:'; fix it first")
        return text, data

    def _validated(self, data: dict[str, Any], edit: Edit) -> str:
        _apply(data, edit)
        text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=1000)
        try:
            load_texts(self.source.read(overlay=text))
        except KnowledgeError as exc:
            raise EditError("the knowledge would break:\n" + "\n".join(str(p) for p in exc.problems[:5])) from None
        return text

    def check(self, edit: Edit) -> str:
        """The preview of ``edit`` after checking that it can be made (nothing is written)."""
        _, data = self._read()
        self._validated(data, edit)
        return edit.preview()

    def apply(self, edit: Edit, actor_id: int, actor_name: str) -> None:
        """Write ``edit`` (checked again against the overlay as it is now) and keep it in the history."""
        assert self.source.learned is not None
        with locked(self.source.learned):
            before, data = self._read()
            after = self._validated(data, edit)
            write_atomic(self.source.learned, after)
            with self.storage.transaction() as db:
                db.execute("INSERT INTO kb_history (at, actor_id, actor_name, summary, before, after) "
                           "VALUES (?, ?, ?, ?, ?, ?)", (self.now().isoformat(), actor_id, actor_name[:100],
                                                          edit.summary[:300], before, after))

    def history(self, limit: int = 15) -> list[HistoryEntry]:
        rows = self.storage.db.execute("SELECT id, at, actor_id, actor_name, summary, undone FROM kb_history "
                                       "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [HistoryEntry(r[0], dt.datetime.fromisoformat(r[1]), r[2], r[3], r[4], bool(r[5])) for r in rows]

    def undo(self) -> str:
        """Restore the overlay as it was before the last change that is not undone; its summary."""
        assert self.source.learned is not None
        with locked(self.source.learned):
            row = self.storage.db.execute("SELECT id, summary, before, after FROM kb_history WHERE undone = 0 "
                                          "ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                raise EditError("there is no change to undo")
            current = self.source.learned.read_text(encoding="utf-8") if self.source.learned.exists() else None
            if current != row[3]:
                raise EditError(f"the overlay changed since '{row[1]}' (by hand or by teaching); undo it by "
                                f"editing {self.source.learned}")
            if row[2] is None:
                self.source.learned.unlink()
            else:
                write_atomic(self.source.learned, row[2])
            with self.storage.transaction() as db:
                db.execute("UPDATE kb_history SET undone = 1 WHERE id = ?", (row[0],))
            return str(row[1])
