"""The compiled knowledge on disk: read back when the files are unchanged, rebuilt otherwise,
never trusted when damaged, and readable by the bot only."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import loader
from bot.answers import Answerer
from bot.loader import KnowledgeError, read_texts
from bot.understanding import compiled


@pytest.fixture()
def folder(tmp_path: Path) -> Iterator[Path]:
    compiled.configure(tmp_path / "compiled")
    yield tmp_path / "compiled"
    compiled.configure(None)


def texts() -> list[tuple[str, str]]:
    return read_texts(sorted((Path(__file__).resolve().parent.parent / "knowledge").glob("*.yaml")))


def test_a_restart_reads_the_compiled_copy_and_answers_the_same(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = compiled.load_texts(texts())
    copies = list(folder.glob("knowledge-*.pickle"))
    assert len(copies) == 1
    assert stat.S_IMODE(copies[0].stat().st_mode) & 0o077 == 0  # the bot's own: not world-readable
    compiled._built.clear()  # as after a restart: nothing in memory

    def build_anew(_texts: object) -> None:
        raise AssertionError("the copy on disk was not read back")

    monkeypatch.setattr(loader, "load_texts", build_anew)
    second = compiled.load_texts(texts())
    monkeypatch.undo()
    assert second is not first and second.version == first.version
    assert compiled.index_for(second) is not None  # the index came from disk, not built again
    question = "Sehr geehrte Damen und Herren, welche Städte machen bei der Rahmenstrategie mit?"
    assert Answerer(second).ask(question).text == Answerer(first).ask(question).text


def test_changed_files_build_anew(folder: Path) -> None:
    compiled.load_texts(texts())
    changed = [(name, text.replace("Rahmenstrategie", "Rahmen-Strategie", 1)) for name, text in texts()]
    compiled.load_texts(changed)
    assert len(list(folder.glob("knowledge-*.pickle"))) == 2


def test_a_damaged_copy_is_rebuilt_not_trusted(folder: Path) -> None:
    compiled.load_texts(texts())
    copy = next(folder.glob("knowledge-*.pickle"))
    copy.write_bytes(b"not a pickle")
    compiled._built.clear()
    knowledge = compiled.load_texts(texts())
    assert Answerer(knowledge).ask("Was ist die Rahmenstrategie?").intent == "rahmenstrategie"
    assert copy.read_bytes() != b"not a pickle"  # written again


def test_broken_knowledge_writes_nothing(folder: Path) -> None:
    with pytest.raises(KnowledgeError):
        compiled.load_texts([("intents.yaml", "intents: [\n")])
    assert not list(folder.glob("knowledge-*.pickle"))


def test_without_a_folder_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled.configure(None)
    monkeypatch.chdir(tmp_path)
    compiled.load_texts(texts())
    assert list(tmp_path.iterdir()) == []
