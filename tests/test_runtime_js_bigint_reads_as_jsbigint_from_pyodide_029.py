"""From Pyodide 0.29 (pyodide#6022; the 314.0.x bundles workerd runs from compatibility date
2026-09-08) a JavaScript BigInt reads in Python as ``pyodide.ffi.JsBigInt``, an ``int`` whose
arithmetic stays a ``JsBigInt`` and which goes back to JavaScript as a BigInt; before, it read as
a plain ``int``. Every answer below is real Pyodide 314.0.6's (and 0.28.2's for the earlier era):
``to_js`` makes a BigInt of an int from 2**53 - 1 up, so such an item reads back as ``JsBigInt``;
``to_js`` of the int alone and a JS number stay ``int``."""

from __future__ import annotations

from worker_helpers import snippet_answers

SNIPPETS = [
    "type(js.BigInt(3)).__name__",
    "repr(js.BigInt(3))",
    "type(js.BigInt(3) + 1).__name__",
    "import json\njson.dumps(js.BigInt(3))",
    "type(to_js([2**53 - 1])[0]).__name__",
    "type(to_js([2**53 - 2])[0]).__name__",
    "type(to_js(2**70)).__name__",
    "type(js.Array.of(js.BigInt(3))[0]).__name__",
    "import pyodide.ffi as f\nisinstance(js.BigInt(3), f.JsBigInt) and f.JsBigInt.__module__ == 'pyodide.ffi'",
    "import pyodide.ffi as f\n'JsBigInt' in f.__all__",
    "type(js.Array.of(5)[0]).__name__",
]


def test_a_js_bigint_reads_as_jsbigint_in_the_pyodide_314_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2026-09-08") == [
        "'JsBigInt' (str)", "'3' (str)", "'JsBigInt' (str)", "'3' (str)", "'JsBigInt' (str)", "'int' (str)",
        "'int' (str)", "'JsBigInt' (str)", "True (bool)", "True (bool)", "'int' (str)"]


def test_a_js_bigint_reads_as_int_in_the_pyodide_028_era(tmp_path):
    answers = snippet_answers(tmp_path, SNIPPETS, "2026-09-07")
    assert answers[:8] == ["'int' (str)", "'3' (str)", "'int' (str)", "'3' (str)", "'int' (str)", "'int' (str)",
                           "'int' (str)", "'int' (str)"]
    assert answers[8].startswith("AttributeError: module 'pyodide.ffi' has no attribute 'JsBigInt'")
    assert answers[9:] == ["False (bool)", "'int' (str)"]
