"""Where the knowledge comes from: the moderators' files plus the taught-examples overlay.

Reading is separated from parsing so the reloader can tell a new version (different
bytes) from an unchanged one, and teaching can validate a new overlay before writing it.
"""

from __future__ import annotations

from pathlib import Path

from bot.loader import KnowledgeError, knowledge_files, read_texts, version_of
from bot.model import Knowledge
from bot.understanding import compiled


class KnowledgeSource:
    def __init__(self, paths: list[str], learned: str | None = None):
        self.paths = [Path(p) for p in paths]
        self.learned = Path(learned) if learned else None

    def files(self) -> list[Path]:
        """All knowledge files, the overlay last (if it exists and is not already included)."""
        files, problems = knowledge_files(self.paths)
        if problems:
            raise KnowledgeError(problems)
        if self.learned is not None and self.learned.is_file():
            resolved = {f.resolve() for f in files}
            if self.learned.resolve() not in resolved:
                files.append(self.learned)
        return files

    def read(self, overlay: str | None = None) -> list[tuple[str, str]]:
        """(file name, text) pairs; ``overlay`` replaces the overlay file's text (teaching)."""
        learned = self.learned.resolve() if self.learned is not None else None
        files = [f for f in self.files() if overlay is None or f.resolve() != learned]
        texts = read_texts(files)
        if overlay is not None and self.learned is not None:
            texts.append((str(self.learned), overlay))
        return texts

    digest = staticmethod(version_of)

    def load(self) -> Knowledge:
        return compiled.load_texts(self.read())
