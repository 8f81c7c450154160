"""Subscripting, ``len()`` and iterating the JsProxy ``create_proxy()`` gives for a Python container,
as real Pyodide does (npm pyodide 0.28.2 and 314.0.6, measured with tools/pyodide). In every era
``len()`` is the container's length, and iterating one Pyodide takes for a ``JsMap`` (a
``__getitem__``, a length and iteration) gives its indices (``[0, 1]``); before Pyodide 0.29
``proxy[k]`` is the PyProxy's ``get(k)``, a missing one ``KeyError``; from 0.29 (the 314.0.x era,
pyodide#5991) a container with a length and iteration is array-like: an int reads that index
(``IndexError`` past the end or on a mapping or set) -- of a dict the JS property of that name,
its str key of those digits, else its int key (a negative one from the length first) --, a
slice an Array, other keys are ``TypeError``. Values come back as a trip through JavaScript leaves them (``2**60`` a
``JsBigInt`` in the 3.14 era)."""

from __future__ import annotations

from worker_helpers import snippet_answers

SNIPPETS = [
    "create_proxy([1, [2]])[1]",
    "create_proxy([1, 2])[5]",
    "create_proxy({'a': 1})['a']",
    "create_proxy({5, 6})[0]",
    "type(create_proxy([2**60])[0]).__name__",
    "len(create_proxy([1, 2]))",
    "list(create_proxy([7, 8]))",
    "list(create_proxy({5, 6}))",
    "list(create_proxy({'a': 1}))",
    "p = create_proxy({1: 'x', '2': 'y'})\n(p[1], p[2], p[-1])",
    "create_proxy({1: 'x'})[0]",
]


def test_container_proxies_in_the_pyodide_314_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2026-10-01") == [
        "[2] (list)", "IndexError: 5", "TypeError: list indices must be integers or slices, not str",
        "IndexError: 0", "'JsBigInt' (str)", "2 (int)", "[0, 1] (list)", "[5, 6] (list)",
        "TypeError: iter() returned non-iterator of type 'dict_keys'", "('x', 'y', 'x') (tuple)", "IndexError: 0"]


def test_container_proxies_in_the_pyodide_028_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2026-09-07") == [
        "[2] (list)", "KeyError: 5", "1 (int)", "TypeError: 'pyodide.ffi.JsProxy' object is not subscriptable",
        "'int' (str)", "2 (int)", "[0, 1] (list)", "[5, 6] (list)",
        "TypeError: iter() returned non-iterator of type 'dict_keys'", "KeyError: 2", "KeyError: 0"]
