"""``Object.fromEntries``, ``new Map`` and ``new Set`` iterate their argument with JavaScript's
iteration protocol: a plain object (``JSON.parse('{...}')``, and from the Python 3.14 era on
``to_js(dict)`` itself), a number or ``undefined`` has no ``[Symbol.iterator]``, so V8 throws
``TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))``, which Python
code catches as a ``JsException`` -- not Python's own ``TypeError``. ``Array.from`` of one reads it
as an array-like instead (its ``length``; ``[]`` without one). Every answer is real Pyodide's
(314.0.6 and 0.28.2 alike), measured with tools/pyodide."""

from __future__ import annotations

from worker_helpers import STATE, json_answer, one_file_worker, snippet_answers

NOT_ITERABLE = "JsException: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))"

SNIPPETS = [
    "Object.fromEntries(JSON.parse('{\"a\": 1}'))",
    "js.Map.new(JSON.parse('{\"a\": 1}'))",
    "js.Set.new(JSON.parse('{\"a\": 1}'))",
    "Object.fromEntries(5)",
    "JSON.stringify(getattr(Array, 'from')(JSON.parse('{\"length\": 2, \"0\": \"x\"}')))",
    "JSON.stringify(getattr(Array, 'from')(JSON.parse('{\"a\": 1}')))",
    "JSON.stringify(getattr(Array, 'from')(JSON.parse('5')))",
    "JSON.stringify(getattr(Array, 'from')(js.String.new('ab')))",
    "JSON.stringify(Object.fromEntries(to_js([['a', 1]])))",
]


def test_a_plain_object_is_not_iterable_to_javascript(tmp_path):
    expected = [NOT_ITERABLE, NOT_ITERABLE, NOT_ITERABLE,
                "JsException: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
                "'[\"x\",null]' (str)", "'[]' (str)", "'[]' (str)", "'[\"a\",\"b\"]' (str)", "'{\"a\":1}' (str)"]
    assert snippet_answers(tmp_path, SNIPPETS, "2025-10-01") == expected
    assert snippet_answers(tmp_path, SNIPPETS, "2026-10-01") == expected


def test_to_js_of_a_dict_is_not_iterable_from_the_python_314_era(tmp_path):
    snippets = ["Object.fromEntries(to_js({'a': 1}))", "js.Map.new(to_js({'a': 1}))",
                "JSON.stringify(getattr(Array, 'from')(to_js({'a': 1})))"]
    assert snippet_answers(tmp_path, snippets, "2026-10-01") == [NOT_ITERABLE, NOT_ITERABLE, "'[]' (str)"]
    assert snippet_answers(tmp_path, snippets, "2026-09-07") == [
        "[object Object] (JsProxy)", "[object Map] (JsProxy)", "'[[\"a\",1]]' (str)"]


def test_object_from_entries_of_undefined_or_a_boolean(tmp_path):
    assert snippet_answers(tmp_path, ["Object.fromEntries(js.undefined)", "Object.fromEntries(True)",
                                      "js.Set.new(True)"], "2026-10-01") == [
        "JsException: TypeError: undefined is not iterable",
        "JsException: TypeError: boolean true is not iterable (cannot read property Symbol(Symbol.iterator))",
        "JsException: TypeError: boolean true is not iterable (cannot read property Symbol(Symbol.iterator))"]



def test_promise_all_of_a_plain_object_rejects(tmp_path):
    """``Promise.all(plain object)`` is a promise rejected with that TypeError, not a Python raise."""
    one_file_worker(tmp_path, """
import asyncio
import json

from js import JSON, Promise, Response
from workers import WorkerEntrypoint
""" + STATE + """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        promise = Promise.all(JSON.parse('{"a": 1}'))
        return Response.new(json.dumps([type(promise).__name__, await state(promise)]))
""", date="2026-10-01")
    assert json_answer(tmp_path, "/") == [
        "PyodideFuture", "TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))"]


def test_an_iterated_item_that_is_no_object_is_not_an_entry(tmp_path):
    assert snippet_answers(tmp_path, ["Object.fromEntries('ab')", "Object.fromEntries(to_js([['a', 1], 7]))",
                                      "js.Map.new(to_js([5]))"], "2025-10-01") == [
        "JsException: TypeError: Iterator value a is not an entry object",
        "JsException: TypeError: Iterator value 7 is not an entry object",
        "JsException: TypeError: Iterator value 5 is not an entry object"]
