"""``Object.assign(o, d)`` of a Python dict ``d`` (a PyProxy there) copies what Pyodide 0.28.2
copies under Node: its str keys and its int keys (as text; float and bool keys not); a key named
like a dict attribute (``items``, ``keys`` ...) is a destroyed borrowed attribute proxy that
throws when read or stringified, one named like a PyProxy method (``get``) is not kept, and
0.26.0a4 copies nothing (tools/pyodide/pyodide_cases.py, group ``big-ints-and-keys``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import snippet_answers

from workers_env import PyProxyWarning

BORROWED = ("JsException: Error: This borrowed attribute proxy was automatically destroyed in the process of "
            "destroying the proxy it was borrowed from. Try using the 'copy' method.")

SNIPPETS = [
    "o = Object.new()\nObject.assign(o, {1: 'a'})\nJSON.stringify(o)",
    "o = Object.new()\nObject.assign(o, {1: 'a'})\nObject.keys(o).to_py()",
    "o = Object.new()\nObject.assign(o, {1.5: 'x', True: 'y', 'a': [1]})\nJSON.stringify(o)",
    "o = Object.new()\nObject.assign(o, {'items': 1, 'b': 2})\nJSON.stringify(o)",
    "o = Object.new()\nObject.assign(o, {'items': 1, 'b': 2})\no.items",
    "o = Object.new()\nObject.assign(o, {'items': 1, 'b': 2})\n(o.b, Object.keys(o).to_py())",
    "o = Object.new()\nObject.assign(o, {'keys': 1})\no.to_py()",
    "o = Object.new()\nObject.assign(o, {'x': 1, 'get': 2})\nJSON.stringify(o)",
]


def test_pyodide_028_copies_str_and_int_keys_and_destroyed_method_proxies(tmp_path: Path) -> None:
    with pytest.warns(PyProxyWarning, match=r"as the source of Object.assign\(\): its keys \w+ read as the dict's"):
        answers = snippet_answers(tmp_path, SNIPPETS, "2025-10-01")
    assert answers == [
        "'{\"1\":\"a\"}' (str)", "['1'] (list)", "'{\"a\":[1]}' (str)", BORROWED, BORROWED,
        "(2, ['items', 'b']) (tuple)", BORROWED, "'{\"x\":1}' (str)"]


def test_pyodide_026_copies_no_key_of_a_python_dict(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, SNIPPETS[:4], "2025-09-01") == ["'{}' (str)", "[] (list)", "'{}' (str)",
                                                                     "'{}' (str)"]
