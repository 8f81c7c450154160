"""What a JS ``Set``'s ``add`` was handed from Python -- a list, tuple, dict or object, a new PyProxy
borrowed for that call -- is a proxy Pyodide destroyed when the call returned, so Python reading it
back (iterating the Set, ``values()``, ``to_py()``, ``forEach``'s callback) raises Pyodide's
borrowed-proxy error at that member, and JavaScript copying it (``Array.from``) holds the destroyed
proxy, which ``JSON.stringify`` throws at; ``size``, strings, numbers, ``None`` and members before it
read as ever. ``values()``/``keys()``/``entries()`` are JavaScript's live iterators. Measured on
Pyodide 314.0.6, 0.28.2 and 0.26.0a4 under Node (``tools/pyodide/pyodide_cases.py`` group ``sets``:
21/21 each). Before (leftovers50b) the Set gave the object back, and had no ``values()``."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

BORROWED = ("JsException: Error: This borrowed proxy was automatically destroyed at the end of a function call. "
            "Try using create_proxy or create_once_callable.")  # (snippet_answers: the first line)

#: (snippet, what every Pyodide version gave)
CASES = [
    ("s = js.Set.new()\ns.add([1])\nlist(s)", BORROWED),
    ("s = js.Set.new()\ns.add('a')\ns.add(1)\ns.add(None)\nlist(s)", "['a', 1, None] (list)"),
    ("class K: pass\nk = K()\ns = js.Set.new()\ns.add(k)\n[x is k for x in s]", BORROWED),
    ("s = js.Set.new()\ns.add((1, 2))\nlist(s.values())", BORROWED),
    ("s = js.Set.new()\ns.add((1, 2))\ns.to_py()", BORROWED),
    ("s = js.Set.new()\ns.add('a')\ns.add([1])\nnext(iter(s))", "'a' (str)"),
    ("s = js.Set.new()\ns.add([1])\nout = []\ns.forEach(create_proxy(lambda v, *_: out.append(v)))\nout", BORROWED),
    ("s = js.Set.new()\ns.add([1])\nJSON.stringify(getattr(Array, 'from')(s))", BORROWED),
    ("s = js.Set.new()\ns.add({'a': 1})\ns.add('b')\n[(len(e), e[1] if i else 'x') for i, e in enumerate(s.entries())]",
     "[(2, 'x'), (2, 'b')] (list)"),
    ("s = js.Set.new()\ns.add('a')\nit = s.values()\ns.add('b')\n(list(it), list(s.keys()), str(s.values()))",
     "(['a', 'b'], ['a', 'b'], '[object Set Iterator]') (tuple)"),
    ("s = js.Set.new()\ns.add([1])\n(s.size, len(s))", "(1, 1) (tuple)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-10-01"])  # Pyodide 0.26, 0.28, 314
def test_a_set_reads_what_add_was_handed_as_pyodide_does(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
