"""Compiles the understanding pipeline with mypyc where it can; plain Python where it cannot.

mypyc (it comes with mypy, a build requirement in pyproject.toml) turns the typed modules of
``bot/understanding`` into C extensions: the same answers, about a quarter sooner. Without a C
compiler, with a type error, or with ``SCS_PURE_PYTHON=1`` set, the package installs as plain
Python and answers the same, only slower. Everything else about the package is in pyproject.toml.
"""

import glob
import importlib.util
import os
import sys

from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.join("bot", "understanding")
#: Not compiled: the package's guard, the compiled knowledge's on-disk copy and the explanation for
#: moderators; none of them runs for every question.
PURE = {"__init__.py", "compiled.py", "explain.py"}


def _sources_digest() -> str:
    """The digest the package's guard compares with (bot/understanding/__init__.py)."""
    spec = importlib.util.spec_from_file_location("_understanding_guard", os.path.join(HERE, PACKAGE, "__init__.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.sources_digest()


def _extensions() -> list:
    if os.environ.get("SCS_PURE_PYTHON") == "1":
        return []
    modules = sorted(m for m in glob.glob(os.path.join(PACKAGE, "*.py")) if os.path.basename(m) not in PURE)
    try:
        from mypyc.build import mypycify

        extensions = mypycify(["--ignore-missing-imports", *modules], opt_level="3")
    except (Exception, SystemExit) as exc:  # no mypyc, or a type error: plain Python answers the same
        print(f"not compiling {PACKAGE} ({exc!r}): it installs as plain Python", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # a failing C compiler leaves plain Python, not a failed install
    with open(os.path.join(HERE, PACKAGE, "_compiled_from.txt"), "w", encoding="utf-8") as f:
        f.write(_sources_digest() + "\n")
    return extensions


setup(ext_modules=_extensions())
