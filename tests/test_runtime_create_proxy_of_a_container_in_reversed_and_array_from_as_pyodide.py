"""``in``, ``reversed()`` and JavaScript's own iteration of the JsProxy ``create_proxy()`` gives
for a Python container, as real Pyodide answers (npm pyodide 0.28.2 and 314.0.6 under Node 24,
2026-12-02). ``x in proxy`` is the PyProxy's ``has(x)`` -- the container's ``in`` (``5 in
create_proxy([5])`` is True, not a search of the indices Python's iteration of the JsProxy
gives); ``reversed()`` is refused before Pyodide 0.29 (``'pyodide.ffi.JsProxy' object is not
reversible``: era314's ``__len__`` and ``__getitem__`` made Python's sequence fallback answer
``[2, 1]``) and from 0.29 the array-like's items backwards; ``Array.from``/``new Set`` iterate the
PyProxy, so they get the container's items (a dict's keys), not its indices; a String object is
truthy, whatever its length."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

SNIPPETS = [
    "5 in create_proxy([5])",
    "'a' in create_proxy({'a': 1})",
    "3 in create_proxy({1, 2})",
    "'b' in create_proxy('abc')",
    "1 in create_proxy((x for x in [1, 2]))",
    "list(reversed(create_proxy([1, 2])))",
    "list(js.Array.from_(create_proxy([7, 8])))",
    "list(js.Array.from_(create_proxy({'a': 1})))",
    "list(js.Set.new(create_proxy([7, 7, 8])))",
    "bool(js.String.new(''))",
]

COMMON = ["True (bool)", "True (bool)", "False (bool)", "True (bool)", "True (bool)"]
AFTER = ["[7, 8] (list)", "['a'] (list)", "[7, 8] (list)", "True (bool)"]


def test_container_proxies_in_the_pyodide_314_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2026-10-01") == [*COMMON, "[2, 1] (list)", *AFTER]


def test_container_proxies_in_the_pyodide_028_era(tmp_path):
    assert snippet_answers(tmp_path, SNIPPETS, "2025-10-01") == [
        *COMMON, "TypeError: 'pyodide.ffi.JsProxy' object is not reversible", *AFTER]


PLAIN_OBJECT = ("p = create_proxy(object())\ndef f(call):\n    try:\n        return call()\n    except TypeError as e:\n"
                "        return str(e)\ndef s():\n    p[0] = 1\ndef d():\n    del p[0]\n"
                "[f(s), f(d), f(lambda: len(p)), f(lambda: iter(p)), f(lambda: 1 in p)]")


@pytest.mark.parametrize(("date", "not_in"), [("2025-10-01", "iterable"), ("2026-10-01", "a container or iterable")])
def test_a_proxy_of_an_object_that_is_no_container_refuses_as_pyodide(tmp_path, date, not_in):
    """Real Pyodide 0.28.2 and 314.0.6 (tools/pyodide, group ffi-types); 314's ``in`` in Python 3.14's words."""
    assert snippet_answers(tmp_path, [PLAIN_OBJECT], date) == [
        f"[\"'pyodide.ffi.JsProxy' object does not support item assignment\", \"'pyodide.ffi.JsProxy' object doesn't "
        f"support item deletion\", \"object of type 'pyodide.ffi.JsProxy' has no len()\", \"'pyodide.ffi.JsProxy' "
        f"object is not iterable\", \"argument of type 'pyodide.ffi.JsProxy' is not {not_in}\"] (list)"]
