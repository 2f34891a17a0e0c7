"""The understanding pipeline compiled with mypyc: it type-checks (or the install could not compile
it), compiled and plain Python answer the same, and a compiled module is never used once its
source was edited."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import bot.understanding
from bot.understanding import pipeline, sources_digest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bot" / "understanding"


def test_the_understanding_package_type_checks_as_the_install_compiles_it(tmp_path: Path) -> None:
    # mypyc compiles only what mypy accepts; a type error would leave the install plain Python
    modules = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.glob("*.py"))
    result = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--cache-dir",
                             str(tmp_path / "cache"), *modules], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_install_compiled_the_pipeline() -> None:
    if os.environ.get("SCS_REQUIRE_COMPILED") != "1" and not bot.understanding.COMPILED:
        pytest.skip("installed as plain Python here (no compiler, SCS_PURE_PYTHON=1, or a source edited since)")
    assert bot.understanding.COMPILED
    assert pipeline.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


_ANSWERS = """
import json, sys
from bot.answers import Answerer
from bot.loader import load
import bot.understanding
answerer = Answerer(load([sys.argv[1]]))
out = []
for q in json.load(sys.stdin):
    r = answerer.ask(q)
    out.append([r.intent, r.lang, r.text, [s.intent for s in r.suggestions]])
print(json.dumps({"compiled": bot.understanding.COMPILED, "answers": out}))
"""


def _answers(questions: list[str], pure: bool) -> dict:
    env = {**os.environ, "SCS_PURE_PYTHON": "1" if pure else "0"}
    result = subprocess.run([sys.executable, "-c", _ANSWERS, str(ROOT / "knowledge")], input=json.dumps(questions),
                            capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return json.loads(result.stdout)


def test_compiled_and_plain_python_answer_the_same() -> None:
    if not bot.understanding.COMPILED:
        pytest.skip("not compiled here: nothing to compare")
    questions = [q["q"] for q in yaml.safe_load((ROOT / "tests" / "data" / "heldout_questions.yaml")
                                                .read_text("utf-8"))["questions"]]
    compiled, plain = _answers(questions, pure=False), _answers(questions, pure=True)
    assert compiled["compiled"] and not plain["compiled"]
    assert compiled["answers"] == plain["answers"]


def _package(tmp_path: Path) -> Path:
    """A copy of the package's guard with one module, and a stand-in for its compiled form."""
    package = tmp_path / "bot" / "understanding"
    package.mkdir(parents=True)
    (tmp_path / "bot" / "__init__.py").write_text("")
    shutil.copy(PACKAGE / "__init__.py", package / "__init__.py")
    (package / "stage.py").write_text("WHERE = 'source'\n")
    # not a real extension: importing it fails, which shows that it was the one chosen
    (package / f"stage{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"not an extension")
    (package / "_compiled_from.txt").write_text(sources_digest(package) + "\n")
    return tmp_path


def _import_stage(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    code = "import bot.understanding.stage as s; print(s.WHERE)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root), "SCS_PURE_PYTHON": "0", **env})


def test_a_compiled_module_built_from_the_sources_beside_it_is_used(tmp_path: Path) -> None:
    result = _import_stage(_package(tmp_path))
    assert result.returncode != 0 and "stage" in result.stderr  # the (stand-in) compiled module was loaded


def test_after_an_edit_every_module_is_read_from_its_source(tmp_path: Path) -> None:
    root = _package(tmp_path)
    (root / "bot" / "understanding" / "stage.py").write_text("WHERE = 'edited source'\n")
    result = _import_stage(root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "edited source"


def test_plain_python_on_request(tmp_path: Path) -> None:
    result = _import_stage(_package(tmp_path), SCS_PURE_PYTHON="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "source"
