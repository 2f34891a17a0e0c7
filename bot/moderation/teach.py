"""Teaching: add a question to an intent through the bot, safely.

Taught questions go to an overlay file (``kb.learned``), never into the moderators' own
files. The new overlay is validated together with all other files before it is written,
and written atomically (temp file + ``os.replace``) with the previous version kept as
``.bak`` – a crash leaves the old or the new file, never half of one.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from rapidfuzz import process

from bot.answers import Answerer
from bot.knowledge_source import KnowledgeSource
from bot.loader import KnowledgeError, load_texts
from bot.messages import msg
from bot.understanding.normalize import tokenize_example

HEADER = ("# Questions taught through the bot (/kb teach or python -m bot kb teach).\n"
          "# You may edit or delete entries; the bot only ever appends here.\n")


class TeachError(Exception):
    """The question cannot be taught; says why, for a moderator, in English (``str``) or in the
    moderator's language (``text(lang)``), so a refusal never mixes the two."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        params = dict(self.params)
        if "suggestion" in params:
            best = params.pop("suggestion")
            params["hint"] = "" if not best else (f" (meintest du „{best}“?)" if lang == "de"
                                                  else f" (did you mean '{best}'?)")
        return msg(self.key, lang, **params)


def write_atomic(path: Path, text: str, *, backup: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            fd_b, tmp_b = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bak.tmp", dir=path.parent)
            with os.fdopen(fd_b, "wb") as handle:
                handle.write(path.read_bytes())
            os.replace(tmp_b, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def teach(source: KnowledgeSource, answerer: Answerer, question: str, intent_id: str) -> str:
    """Add ``question`` to ``intent_id`` in the overlay; return the language it was filed under."""
    if source.learned is None:
        raise TeachError("teach_no_overlay")
    question = " ".join(question.split())
    knowledge = answerer.knowledge
    ids = [i.id for i in knowledge.intents]
    if intent_id not in ids:
        best = process.extractOne(intent_id, ids, score_cutoff=60)
        raise TeachError("teach_no_intent", intent=intent_id, suggestion=best[0] if best else "")
    key = tokenize_example(question).text
    if not key:
        raise TeachError("teach_empty")
    for intent in knowledge.intents:
        for items in intent.examples.values():
            for example in items:
                if tokenize_example(example).text == key:
                    if intent.id == intent_id:
                        raise TeachError("teach_already", question=question, intent=intent_id)
                    raise TeachError("teach_elsewhere", question=question, intent=intent.id, example=example)
    lang = answerer.language_of(question)
    with locked(source.learned):  # another process teaching at the same time waits: no write is lost
        data = _read_overlay(source.learned)  # read under the lock: the latest file, not a stale copy
        entries = data.setdefault("learned", {}).setdefault(intent_id, {}).setdefault(lang, [])
        if question in entries:
            raise TeachError("teach_already", question=question, intent=intent_id)
        entries.append(question)
        text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=1000)
        try:
            load_texts(source.read(overlay=text))
        except KnowledgeError as exc:
            raise TeachError("teach_breaks", problems="\n".join(str(p) for p in exc.problems[:5])) from None
        write_atomic(source.learned, text)
    return lang


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock across processes (``fcntl.flock`` on ``<file>.lock``) while the overlay is
    read, changed and written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _read_overlay(path: Path) -> dict:  # type: ignore[type-arg]
    if not path.exists():
        return {"learned": {}}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise TeachError("teach_bad_yaml", path=str(path), error=str(exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("learned", {}), dict):
        raise TeachError("teach_no_section", path=str(path))
    data.setdefault("learned", {})
    return data
