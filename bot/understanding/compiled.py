"""The knowledge, parsed and indexed, kept on disk between runs.

Parsing the YAML and building the index grow with the knowledge (about 2 s at 100 times the
shipped knowledge); reading back what the last run built takes a few hundredths of that. A
start, or a reload after an edit was undone, with files already seen reads the compiled copy;
any other change builds anew, reusing from the version before (in memory, or the newest copy
on disk) what each unchanged intent gave the index (``Index(knowledge, previous)``). The copy is
keyed by the files' bytes and by the code that builds it, written atomically (temporary file +
``os.replace``) and readable by the bot only. A copy that cannot be read is rebuilt, never
trusted. It is written in the background: the bot answers with the new knowledge meanwhile
(``wait`` waits for it).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from bot import loader
from bot.model import Knowledge
from bot.understanding.index import Index

log = logging.getLogger(__name__)

KEEP = 4  # compiled copies kept (the newest): the current files and a few recent versions
_PACKAGE = Path(__file__).resolve().parent.parent
_folder: Path | None = None
_fingerprint: str | None = None
_built: dict[str, tuple[Knowledge, Index]] = {}  # version -> the index built or read with it
_writing: threading.Thread | None = None  # the copy being written


def configure(folder: str | Path | None) -> None:
    """Keep compiled copies in ``folder`` (None: build every time, keep nothing on disk)."""
    global _folder
    _folder = Path(folder) if folder else None


def fingerprint() -> str:
    """The code that parses and indexes: a new version of it never reads an old copy."""
    global _fingerprint
    if _fingerprint is None:
        import numpy
        import rapidfuzz

        from bot import understanding

        # (compiled with mypyc or not: a copy is read back only by the kind of code that wrote it)
        digest = hashlib.sha256(f"{sys.version}|{numpy.__version__}|{rapidfuzz.__version__}|"
                                f"{understanding.COMPILED}".encode())
        for file in sorted(_PACKAGE.rglob("*.py")):
            digest.update(file.read_bytes())
        for file in sorted((_PACKAGE / "understanding" / "data").glob("*")):
            digest.update(file.read_bytes())
        _fingerprint = digest.hexdigest()[:12]
    return _fingerprint


def load_texts(texts: Sequence[tuple[str, str]]) -> Knowledge:
    """``loader.load_texts`` with the index built alongside, read from disk when it is there."""
    if _folder is None:
        return loader.load_texts(texts)
    file = _folder / f"knowledge-{loader.version_of(texts)}-{fingerprint()}.pickle"
    found = _read(file)
    if found is not None:
        _remember(*found)
        return found[0]
    knowledge = loader.load_texts(texts)  # KnowledgeError propagates: nothing is written
    # After an edit, what did not change is not read again: the index before it is in memory (a
    # reload), or on disk (a start after the files were edited: the newest copy this code wrote).
    previous = _latest()
    if previous is None:
        newest = max(_folder.glob(f"knowledge-*-{fingerprint()}.pickle"), key=_mtime, default=None)
        older = _read(newest) if newest is not None else None
        previous = older[1] if older is not None else None
    with loader.paused_gc():
        index = Index(knowledge, previous)
    _remember(knowledge, index)
    _save_later(file, knowledge, index)
    return knowledge


def _read(file: Path) -> tuple[Knowledge, Index] | None:
    """A compiled copy, if it is there and sound."""
    try:
        with file.open("rb") as f:
            knowledge, index = pickle.load(f)  # noqa: S301 - our own file, readable by the bot only
        if isinstance(knowledge, Knowledge) and isinstance(index, Index):
            return knowledge, index
        log.warning("compiled knowledge %s holds something else: building anew", file)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged copy is rebuilt, never trusted  # noqa: BLE001
        log.warning("compiled knowledge %s is unreadable (%s): building anew", file, exc)
    return None


def _mtime(file: Path) -> float:
    try:
        return file.stat().st_mtime
    except OSError:  # removed meanwhile
        return 0.0


def wait() -> None:
    """Wait until the compiled copy being written, if any, is on disk."""
    if _writing is not None:
        _writing.join()


def _save_later(file: Path, knowledge: Knowledge, index: Index) -> None:
    """Write the copy in a thread of its own, one after the other; the interpreter waits for it
    before it exits (not a daemon), and a copy cut short is never read (``os.replace`` at the end)."""
    global _writing
    wait()
    _writing = threading.Thread(target=_save, args=(file, knowledge, index), name="compiled-knowledge")
    _writing.start()


def index_for(knowledge: Knowledge) -> Index | None:
    """The index built or read together with this very knowledge, if any."""
    entry = _built.get(knowledge.version)
    return entry[1] if entry is not None and entry[0] is knowledge else None


def _latest() -> Index | None:
    """The index built or read last: the knowledge before the edit being loaded."""
    return next(reversed(_built.values()))[1] if _built else None


def _remember(knowledge: Knowledge, index: Index) -> None:
    _built[knowledge.version] = (knowledge, index)
    while len(_built) > 2:  # the current knowledge and the one being replaced
        del _built[next(iter(_built))]


def _save(file: Path, knowledge: Knowledge, index: Index) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".compiling-")  # created 0600
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((knowledge, index), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        copies = sorted(file.parent.glob("knowledge-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in copies[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception as exc:  # a full disk or a read-only folder costs speed, not the answer  # noqa: BLE001
        log.warning("cannot keep compiled knowledge in %s: %s", file.parent, exc)
