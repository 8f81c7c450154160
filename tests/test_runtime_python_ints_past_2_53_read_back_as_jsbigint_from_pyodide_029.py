"""A Python int from 2**53 - 1 up (in magnitude) goes to JavaScript as a BigInt; from Pyodide 0.29
(the 314.0.x era, compatibility dates from 2026-09-08) it reads back as ``pyodide.ffi.JsBigInt``,
whether it went through ``to_js``, a call's argument (``Array.of``, ``push``) or a property set,
and ``JsBigInt.__mro__`` is ``(JsBigInt, int, object)`` as Pyodide's. Before 0.29 it reads back as
``int``. Every answer is real Pyodide 314.0.6's (0.28.2's for the earlier era), measured with
tools/pyodide."""

from __future__ import annotations

from worker_helpers import snippet_answers

SNIPPETS = [
    "type(js.Array.of(2**70)[0]).__name__",
    "type(js.Array.of(-(2**60))[0]).__name__",
    "type(js.Array.of(2**53 - 2)[0]).__name__",
    "a = Array.new()\na.push(2**60)\ntype(a[0]).__name__",
    "o = Object.new()\no.x = 2**60\n(type(o.x).__name__, o.x)",
]


def test_a_big_python_int_reads_back_as_jsbigint_in_the_pyodide_314_era(tmp_path):
    snippets = [*SNIPPETS, "import pyodide.ffi as f\n[c.__name__ for c in f.JsBigInt.__mro__]"]
    assert snippet_answers(tmp_path, snippets, "2026-10-01") == [
        "'JsBigInt' (str)", "'JsBigInt' (str)", "'int' (str)", "'JsBigInt' (str)",
        "('JsBigInt', 1152921504606846976) (tuple)", "['JsBigInt', 'int', 'object'] (list)"]


def test_a_big_python_int_reads_back_as_int_in_the_pyodide_028_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2026-09-07") == [
        "'int' (str)", "'int' (str)", "'int' (str)", "'int' (str)", "('int', 1152921504606846976) (tuple)"]
