"""The understanding pipeline: from a message to the intents it asks about.

Its modules are compiled with mypyc when the package is installed (``setup.py``): answers come
about a quarter sooner (a third more answers a second; README, *Figures*). A compiled module is
used only while it was built from the very sources beside it: after an edit (or with
``SCS_PURE_PYTHON=1``) every module of the package is read from its source instead, all or none,
since compiled modules call one another directly.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).resolve().parent
STAMP = _HERE / "_compiled_from.txt"  # written by setup.py: the digest of the sources it compiled


def sources_digest(folder: Path = _HERE) -> str:
    """What the compiled modules must have been built from."""
    digest = hashlib.sha256()
    for file in sorted(folder.glob("*.py")):
        if file.name != "__init__.py":
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Reads the package's modules from their ``.py`` files, not from compiled ones beside them."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        prefix, _, module = name.rpartition(".")
        if prefix != __name__:
            return None
        source = _HERE / f"{module}.py"
        return importlib.util.spec_from_file_location(name, source) if source.is_file() else None


def _compiled_usable() -> bool:
    if os.environ.get("SCS_PURE_PYTHON") == "1":
        return False
    try:
        return STAMP.read_text(encoding="utf-8").strip() == sources_digest()
    except OSError:
        return False


COMPILED = any(_HERE.glob("*.so")) or any(_HERE.glob("*.pyd"))
if COMPILED and not _compiled_usable():
    COMPILED = False
    sys.meta_path.insert(0, _SourceFirst())
