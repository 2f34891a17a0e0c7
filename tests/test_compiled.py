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
    compiled.wait()
    compiled.configure(None)


def texts() -> list[tuple[str, str]]:
    return read_texts(sorted((Path(__file__).resolve().parent.parent / "knowledge").glob("*.yaml")))


def test_a_restart_reads_the_compiled_copy_and_answers_the_same(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = compiled.load_texts(texts())
    compiled.wait()  # (written in the background)
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
    compiled.wait()
    assert len(list(folder.glob("knowledge-*.pickle"))) == 2


def test_a_damaged_copy_is_rebuilt_not_trusted(folder: Path) -> None:
    compiled.load_texts(texts())
    compiled.wait()
    copy = next(folder.glob("knowledge-*.pickle"))
    copy.write_bytes(b"not a pickle")
    compiled._built.clear()
    knowledge = compiled.load_texts(texts())
    compiled.wait()
    assert Answerer(knowledge).ask("Was ist die Rahmenstrategie?").intent == "rahmenstrategie"
    assert copy.read_bytes() != b"not a pickle"  # written again


def test_broken_knowledge_writes_nothing(folder: Path) -> None:
    with pytest.raises(KnowledgeError):
        compiled.load_texts([("intents.yaml", "intents: [\n")])
    compiled.wait()
    assert not list(folder.glob("knowledge-*.pickle"))


def test_without_a_folder_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled.configure(None)
    monkeypatch.chdir(tmp_path)
    compiled.load_texts(texts())
    assert list(tmp_path.iterdir()) == []


def _state(value: object) -> object:
    """A comparable form of an index's state (arrays as lists, objects as their attributes)."""
    import numpy as np

    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, dict):
        return {k: _state(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_state(v) for v in value]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return {k: _state(v) for k, v in vars(value).items()
                if k not in {"_example_parts", "_answer_parts", "_reading", "_cache"}}  # (caches fill as used)
    return value


def _edited(texts: list[tuple[str, str]], old: str, new: str) -> list[tuple[str, str]]:
    out = [(name, text.replace(old, new, 1)) for name, text in texts]
    assert out != texts
    return out


@pytest.mark.parametrize(("old", "new"), [
    ("Was ist die Rahmenstrategie?", "Was genau ist diese Rahmenstrategie?"),  # an example
    ("Städte und Dörfer nutzen", "Städte, Dörfer und Gemeinden nutzen"),  # an answer
    ("\n  chatter:\n", "\n  chatter:\n    - quasselstrippe\n"),  # the vocabulary: everything is read again
    # (an example with a word no example used: a new stem; one example more, one fewer: the examples after them move)
    ('"Wer hat die Rahmenstrategie erarbeitet?"', '"Wer hat die Quasselstrippe erarbeitet?"'),
    ('"Wer hat die Rahmenstrategie erarbeitet?"', '"Wer hat die Rahmenstrategie erarbeitet?", "Und der Rahmenplan?"'),
    ('"Rahmenstrategie", ', ""),
])
def test_an_edit_builds_what_a_fresh_start_builds(old: str, new: str) -> None:
    from bot.understanding.index import Index

    before = loader.load_texts(texts())
    after = loader.load_texts(_edited(texts(), old, new))
    previous = Index(before)
    reused = Index(after, previous)
    assert _state(reused) == _state(Index(after))
    # what did not change was not read again, unless the vocabulary changed
    # (the stem strings of an intent as read before: compiled, a part is a new tuple of the same objects)
    kept = sum(any(p[0] is q[0] for q in previous._example_parts.values()) for p in reused._example_parts.values())
    if "chatter" in old:
        assert kept == 0
    else:
        assert kept >= len(after.intents) - 2


def test_two_intents_edited_build_what_a_fresh_start_builds() -> None:
    """One topic loses an example and another gains one: as many examples as before, but those
    between them move."""
    from bot.understanding.index import Index

    before = loader.load_texts(texts())
    after = loader.load_texts(_edited(_edited(texts(), '"Hallo Bot", ', ""), '"Rahmenstrategie", ',
                                      '"Rahmenstrategie", "Und der Rahmenplan?", '))
    assert len(Index(after).contents) == len(Index(before).contents)
    assert _state(Index(after, Index(before))) == _state(Index(after))


def test_a_reload_after_an_edit_reuses_the_index_before_it(folder: Path) -> None:
    first = compiled.load_texts(texts())
    before = compiled.index_for(first)
    assert before is not None
    second = compiled.load_texts(_edited(texts(), "Was ist die Rahmenstrategie?", "Und die Rahmenstrategie?"))
    after = compiled.index_for(second)
    assert after is not None
    assert any(p[0] is q[0] for p in after._example_parts.values() for q in before._example_parts.values())
    assert Answerer(second).ask("und die rahmenstrategie?").intent == "rahmenstrategie"


def test_a_copy_keeps_no_cache_that_answering_fills(folder: Path) -> None:
    """The copy is written while the bot answers already: what answering changes is not in it."""
    import pickle

    from bot.understanding.index import Index

    knowledge = compiled.load_texts(texts())
    index = compiled.index_for(knowledge)
    assert index is not None
    Answerer(knowledge).ask("Moin, welche Stätde sind Mitmacherkommunen? Und ist Lüdenscheid dabei?")
    index.lexicon.written_as(frozenset({"gemeinden"}))
    assert index._cache and index.rows and index.towns._cache and index.lexicon._written
    copy = pickle.loads(pickle.dumps(index))
    assert isinstance(copy, Index)
    assert not copy._cache and not copy.rows and not copy.towns._cache and not copy.lexicon._written
    assert copy.texts == index.texts


def test_a_start_after_an_edit_reuses_the_newest_copy(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.understanding.index import Index

    compiled.load_texts(texts())
    compiled.wait()
    compiled._built.clear()  # the bot stopped; then the file was edited, and it starts again
    read = Index._read_examples
    reread: list[str] = []

    def counting(self: Index, intent: object, *args: object) -> object:
        reread.append(getattr(intent, "id", ""))
        return read(self, intent, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Index, "_read_examples", counting)
    knowledge = compiled.load_texts(_edited(texts(), '"Wer hat die Rahmenstrategie erarbeitet?"',
                                            '"Wer hat die Rahmenstrategie eigentlich erarbeitet?"'))
    assert reread == ["rahmenstrategie"]  # only the intent whose examples changed was read again
    monkeypatch.undo()
    index = compiled.index_for(knowledge)
    assert index is not None
    assert _state(index) == _state(Index(knowledge))
