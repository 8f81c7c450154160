"""No docstring in the package holds a lone surrogate: Python 3.13's compiler cleans each
docstring through UTF-8 and refuses one (``UnicodeEncodeError`` at import), so a ``"\\ud800"``
written unescaped in a docstring made ``workers-env kv`` fail to import there while 3.11 ran it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import workers_env

PACKAGE = Path(workers_env.__file__).parent
#: how a string literal in UTF-8 source can hold a surrogate: the escapes \uD800-\uDFFF and
#: \U0000D800-\U0000DFFF (UTF-8 text cannot hold one itself); a file without any is not parsed
SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")


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
        if SURROGATE_ESCAPE.search(text := path.read_text(encoding="utf-8"))
        for name, doc in _docstrings(ast.parse(text))
        if any("\ud800" <= ch <= "\udfff" for ch in doc)
    ]
    assert found == []
