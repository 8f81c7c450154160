"""Pyodide 0.29 changed ``to_js(dict)``'s default to a plain JavaScript ``Object`` (pyodide#5912;
0.27 and 0.28 made a ``LiteralMap``, 0.26 a ``Map``), and workerd's Python 3.14 runtime (Pyodide
314.0.x: ``python_workers_314``, compatibility dates from 2026-09-08) loads it without the
``toJsLiteralMap`` opt-out. So in a Worker of that era the result has no ``Map`` methods and no
Python mapping protocol -- ``.get``, ``.size``, ``len``, ``in``, subscripting are gone, as real
Pyodide 314.0.6 answers -- while its keys are its properties (``JSON.stringify`` writes them all,
``values`` and ``keys`` included), nested dicts are objects too, a key that is not a string is
its JavaScript property name, and a ``dict_converter`` still decides. The 0.28 era keeps its
``LiteralMap``."""

from __future__ import annotations

from worker_helpers import snippet_answers

SNIPPETS = [
    "to_js({'a': 1}).constructor.name",
    "js.String(to_js({'a': 1}))",
    "to_js({'a': 1}).get('a')",
    "to_js({'a': 1}).size",
    "len(to_js({'a': 1}))",
    "to_js({'a': 1})['a']",
    "to_js({'a': 1}).a",
    "JSON.stringify(to_js({'values': 1, 'keys': 2, 'b': {'c': [1, {'d': None}]}}))",
    "to_js({'b': {'c': 2}}).b.constructor.name",
    "JSON.stringify(to_js({1: 'x', 'y': 2}))",
    "to_js({'a': 1}, dict_converter=js.Map.new).constructor.name",
    "d = {'k': 1}\nd['self'] = d\no = to_js(d)\no.self.k",
]


def test_to_js_of_a_dict_is_a_plain_object_in_the_pyodide_314_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2026-09-08") == [
        "'Object' (str)",
        "'[object Object]' (str)",
        "AttributeError: get",
        "AttributeError: size",
        "TypeError: object of type 'pyodide.ffi.JsProxy' has no len()",
        "TypeError: 'pyodide.ffi.JsProxy' object is not subscriptable",
        "1 (int)",
        "'{\"values\":1,\"keys\":2,\"b\":{\"c\":[1,{}]}}' (str)",
        "'Object' (str)",
        "'{\"1\":\"x\",\"y\":2}' (str)",
        "'Map' (str)",
        "1 (int)",
    ]


#: keys -> what real Pyodide 314.0.6 answers: its ``_JsObject_Set`` (python2js.c) refuses a key
#: already ``in`` the object -- one of ``Object.prototype``'s, or two Python keys naming one
#: property -- naming the key as JavaScript hands it back; ``None`` names ``"undefined"``
COLLISIONS = {
    "JSON.stringify(to_js({'constructor': 1}))":
        "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: 'constructor'",
    "JSON.stringify(to_js({'a': {'__proto__': 1}}))":
        "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: '__proto__'",
    "JSON.stringify(to_js({'toString': 1}))":
        "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: 'toString'",
    "JSON.stringify(to_js({1: 'a', '1': 'b'}))":
        "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: '1'",
    "JSON.stringify(to_js({'1': 'a', 1: 'b'}))":
        "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: 1",
    "JSON.stringify(to_js({'b': 1, True: 1, 'true': 2}))":
        "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: 'true'",
    "JSON.stringify(to_js({'1.5': 1, 1.5: 2}))":
        "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: 1.5",
    "JSON.stringify(to_js({'undefined': 1, None: 2}))":
        "ConversionError: Key collision when converting Python dictionary to JavaScript. Key: None",
    "JSON.stringify(to_js({None: 1}))": "'{\"undefined\":1}' (str)",
    "JSON.stringify(to_js({'Constructor': 1, 'prototype': 2, 'length': 3}))":
        "'{\"Constructor\":1,\"prototype\":2,\"length\":3}' (str)",
    "JSON.stringify(to_js({'constructor': 1}, dict_converter=js.Object.fromEntries))": "'{\"constructor\":1}' (str)",
}


def test_a_key_the_object_already_has_is_a_conversion_error_in_the_pyodide_314_era(tmp_path):
    assert snippet_answers(tmp_path, list(COLLISIONS), "2026-09-08") == list(COLLISIONS.values())


def test_the_pyodide_028_era_keeps_its_literal_map(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS[:3], "2026-09-07") == [
        "'LiteralMap' (str)", "'[object Map]' (str)", "1 (int)"]
