"""No docstring in the package holds a lone surrogate: Python 3.13's compiler cleans each
docstring through UTF-8 and refuses one (``UnicodeEncodeError`` at import), so a ``"\\ud800"``
written unescaped in a docstring made ``workers-env kv`` fail to import there while 3.11 ran it."""

from __future__ import annotations

import ast
from pathlib import Path

import workers_env

PACKAGE = Path(workers_env.__file__).parent


def _docstrings(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc is not None:
                yield getattr(node, "name", "<module>"), doc


def test_no_docstring_holds_a_lone_surrogate():
    found = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, doc in _docstrings(ast.parse(path.read_text(encoding="utf-8")))
        if any("\ud800" <= ch <= "\udfff" for ch in doc)
    ]
    assert found == []
