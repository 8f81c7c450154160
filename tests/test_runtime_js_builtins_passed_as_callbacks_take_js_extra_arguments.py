"""JavaScript's built-in functions handed to ``map``/``forEach`` take the (value, index, array)
JavaScript passes and read them as V8 does: ``JSON.parse``'s reviver and ``JSON.stringify``'s
replacer are ignored unless functions (arrays, for the replacer), a ``space`` that is neither a
number nor a string indents nothing, ``parseInt`` takes the index as its radix."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import snippet_answers

from workers_env import NotEmulatedError, js

SNIPPETS = {
    'Array.of("1", "2").map(JSON.parse).to_py()': "[1, 2] (list)",
    'Array.of(1, "a").map(JSON.stringify).to_py()': "['1', '\"a\"'] (list)",
    'Array.of("1", "2", "3").map(js.parseInt).to_py()': "[1, nan, nan] (list)",
    'Array.of("1", "x").map(js.Number).to_py()': "[1, nan] (list)",
    'Array.of("1", "2").map(js.isNaN).to_py()': "[False, False] (list)",
    'Array.of("1").map(js.btoa).to_py()': "['MQ=='] (list)",
    'Array.of(Array.of(Array.of("k", 2))).map(Object.fromEntries).to_py()': "[{'k': 2}] (list)",
    'Array.of(1, 2).forEach(js.console.log)': "None (NoneType)",
    'JSON.parse("[1]", 0, "x").to_py()': "[1] (list)",
    'JSON.stringify(JSON.parse(\'{"a": [1], "b": 2}\'), 3, "--")': "'{\\n--\"a\": [\\n----1\\n--],\\n--\"b\": 2\\n}' (str)",
    'JSON.stringify(JSON.parse(\'{"a": 1}\'), None, js.Number.new(2))': "'{\\n  \"a\": 1\\n}' (str)",
    'JSON.stringify(JSON.parse(\'{"a": 1}\'), None, float("inf"))': "'{\\n          \"a\": 1\\n}' (str)",
    'JSON.stringify(JSON.parse(\'{"a": 1}\'), None, 0.5)': "'{\"a\":1}' (str)",
    'JSON.stringify(JSON.parse(\'{"a": 1}\'), None, Object.new())': "'{\"a\":1}' (str)",
    'JSON.stringify(JSON.parse(\'{"a": 1, "b": 2, "1": 3}\'), Array.of(1, "b", True, None))': "'{\"1\":3,\"b\":2}' (str)",
    # a reviver function is called with V8's three arguments (key, value, context): Python's error
    # for one taking two, as Pyodide 0.26.0a4 and 0.28.2 raise it
    'JSON.parse("[1]", lambda key, value: value)': "TypeError: <lambda>() takes 2 positional arguments but 3 were given",
}


def test_builtins_read_the_extra_arguments_as_v8_does(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2026-05-01") == list(SNIPPETS.values())


def test_the_same_on_pyodide_026(tmp_path: Path) -> None:
    snippets = ['Array.of("1", "2").map(JSON.parse).to_py()', 'Array.of(1, "a").map(JSON.stringify).to_py()']
    assert snippet_answers(tmp_path, snippets, "2025-09-01") == ["[1, 2] (list)", "['1', '\"a\"'] (list)"]


def test_a_replacer_function_is_not_emulated():
    with pytest.raises(NotEmulatedError) as caught:
        js.JSON.stringify(js.JSON.parse('{"a": 1}'), lambda key, value: value)
    assert str(caught.value) == ("JSON.stringify with a replacer function is not emulated by workers-env: convert "
                                 "with json.dumps(value.to_py(), default=...) instead")
