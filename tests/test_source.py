"""Checks of the source that ruff does not make."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_module_binds_a_name_twice() -> None:
    # A second constant of the same name at module level silently replaces the first for every use in
    # the module (the pipeline is long: three such pairs had crept in). Every clash, reported at once.
    clashes = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        lines: dict[str, list[int]] = defaultdict(list)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                continue
            for name in names:
                lines[name].append(node.lineno)
        clashes += [f"{path.relative_to(ROOT)}: {name} at lines {at}" for name, at in lines.items() if len(at) > 1]
    assert not clashes, "\n".join(clashes)
