"""From Pyodide 0.29 (pyodide#5991, #6019; the 314.0.x bundles workerd runs from compatibility date
2026-09-08) a JsProxy of an array-like object -- one with a ``length`` and ``[Symbol.iterator]``
that is no Array, iterator or typed array, as a ``new String()`` is -- takes subscripts and slices,
and ``pyodide.ffi.JsArray`` matches it (a PyProxy of a list, tuple, dict or str too). Before, it is
``'pyodide.ffi.JsProxy' object is not subscriptable``. Iterating a String object works in every
era (it has ``[Symbol.iterator]``). Every answer below is real Pyodide 314.0.6's (and 0.28.2's for
the earlier era), measured with tools/pyodide."""

from __future__ import annotations

from worker_helpers import snippet_answers

SNIPPETS = [
    "js.String.new('ab')[0]",
    "js.String.new('ab')[-1]",
    "js.String.new('ab')[5]",
    "js.String.new('abc')[1:]",
    "js.String.new('ab')['x']",
    "js.String.new('\\U0001F600')[0]",
    "list(reversed(js.String.new('ab')))",
    "import pyodide.ffi as f\nisinstance(js.String.new('ab'), f.JsArray)",
    "import pyodide.ffi as f\n[isinstance(create_proxy(v), f.JsArray) for v in ([1], {'a': 1}, iter([1]))]",
    "list(js.String.new('a\\U0001F600'))",
    "'a' in js.String.new('ab')",
]


def test_array_likes_take_subscripts_in_the_pyodide_314_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2026-10-01") == [
        "'a' (str)", "'b' (str)", "IndexError: 5", "'bc' (str)",
        "TypeError: list indices must be integers or slices, not str", "'\\ud83d' (str)", "['b', 'a'] (list)",
        "True (bool)", "[True, True, False] (list)", "['a', '😀'] (list)", "True (bool)"]


def test_array_likes_take_no_subscripts_in_the_pyodide_028_era(tmp_path):
    not_subscriptable = "TypeError: 'pyodide.ffi.JsProxy' object is not subscriptable"
    assert snippet_answers(tmp_path, SNIPPETS, "2026-09-07") == [
        not_subscriptable, not_subscriptable, not_subscriptable, not_subscriptable, not_subscriptable,
        not_subscriptable, "TypeError: 'pyodide.ffi.JsProxy' object is not reversible", "False (bool)",
        "[False, False, False] (list)", "['a', '😀'] (list)", "True (bool)"]
