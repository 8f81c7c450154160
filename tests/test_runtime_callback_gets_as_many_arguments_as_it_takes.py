"""A Python callback JavaScript calls with more arguments than it declares -- ``Array.from``'s
map function gets the item and its index -- is called with as many leading ones as it takes
(``call_relaxed``), a bound method's instance counted, ``*args`` taking all: what each callback
takes is worked out once per function (by its code: a lambda made again and again is one), and
a later function of other parameters is not mistaken for an earlier one."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

SNIPPETS = {
    "[Array.from_(arr(), f).to_py() for f in [lambda x: x * 2, lambda *a: len(a), lambda x, i: i]]":
        "[[6, 2, 4], [2, 2, 2], [0, 1, 2]] (list)",
    "[Array.from_(arr(), lambda x: x).to_py() for _ in range(3)]": "[[3, 1, 2], [3, 1, 2], [3, 1, 2]] (list)",
    "class C:\n    def m(self, x):\n        return x + 1\n    def n(self, *a):\n        return len(a)\n"
    "(Array.from_(arr(), C().m).to_py(), Array.from_(arr(), C().n).to_py())": "([4, 2, 3], [2, 2, 2]) (tuple)",
    "import functools\ndef wrap(f):\n    @functools.wraps(f)\n    def g(*a):\n        return len(a)\n    return g\n"
    "Array.from_(arr(), wrap(lambda x: x)).to_py()": "[1, 1, 1] (list)",
}


def test_a_callback_gets_the_arguments_it_takes(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2025-10-01") == list(SNIPPETS.values())
