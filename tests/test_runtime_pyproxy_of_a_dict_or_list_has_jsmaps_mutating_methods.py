"""The JsProxy of a ``create_proxy`` of a dict or list is Pyodide's ``JsMutableMap``: ``pop``,
``popitem``, ``setdefault`` and ``update`` are JsMap's (jsproxy.c), over the proxy's subscript and
``del`` -- not the Python object's own methods -- and ``del proxy[key]`` deletes the item and then
raises ``KeyError(key)`` (the PyProxy's ``delete`` answers no ``true``), ``proxy[key] = value``
sets it. So ``create_proxy({'a': 1}).pop('a')`` empties the dict and raises ``KeyError: 'a'``
on 0.26/0.28, and from 0.29 (where a str key of an array-like subscript is refused) raises
``TypeError`` and leaves it; ``update``'s keyword arguments are dropped before 0.29 (npm
pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node). Before, ``pop`` was ``dict.pop`` (1).
``pop``/``get``/``setdefault`` take ``key``/``default`` by name too, other arguments refused in
the C methods' words; from 0.29 an int key reads a dict's str key of those digits, else the
int key (``create_proxy({1: 'x'}).pop(1)`` empties it and raises ``KeyError: 1`` there too)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

POP_A = "d = {'a': 1}\np = create_proxy(d)\ntry:\n    p.pop('a')\nexcept Exception as e:\n    r = repr(e)\n(r, d)"
SETDEFAULT = "d = {'a': 1}\np = create_proxy(d)\n(p.setdefault('a', 5), d)"
POP_DEFAULT = "p = create_proxy({'a': 1})\n(p.pop('z', 5), p.pop('a', 6))"
UPDATE = "d = {'a': 1}\np = create_proxy(d)\n(p.update({'b': 2}, c=3), d)"
COMMON = {
    "p = create_proxy({'a': 1})\np.popitem()": "TypeError: iter() returned non-iterator of type 'dict_keys'",
    "d = {'a': 1}\np = create_proxy(d)\ntry:\n    del p['a']\nexcept KeyError as e:\n    r = repr(e)\n(r, d)":
        "(\"KeyError('a')\", {}) (tuple)",
    "d = {'a': 1}\np = create_proxy(d)\np['b'] = [1]\n(d, type(d['b']).__name__)": "({'a': 1, 'b': [1]}, 'list') (tuple)",
    "l = [3, 1, 2]\np = create_proxy(l)\np.pop()": "TypeError: pop() missing required argument 'key' (pos 1)",
    "l = [3, 1, 2]\np = create_proxy(l)\ntry:\n    p.pop(0)\nexcept KeyError as e:\n    r = repr(e)\n(r, l)":
        "('KeyError(0)', [1, 2]) (tuple)",
    "l = [3, 1, 2]\np = create_proxy(l)\np.popitem()": "KeyError: 0",
    "p = create_proxy((3, 1))\np.pop(0)": "AttributeError: pop",
    "p = create_proxy({1, 2})\np.pop()": "1 (int)",
    "p = create_proxy({'a': 1})\n(p.pop('z', default=7), p.pop(key='z', default=8))": "(7, 8) (tuple)",
    "p = create_proxy({'a': 1})\np.pop(default=2)": "TypeError: pop() missing required argument 'key' (pos 1)",
    "p = create_proxy({'a': 1})\np.pop('a', key='a')":
        "TypeError: argument for pop() given by name ('key') and position (1)",
    "p = create_proxy({'a': 1})\np.setdefault('a', 1, 2)": "TypeError: setdefault() takes at most 2 arguments (3 given)",
    "p = create_proxy({'a': 1})\np.popitem(1)": "TypeError: JsProxy.popitem() takes no arguments (1 given)",
    "d = {1: 'x'}\np = create_proxy(d)\ntry:\n    p.pop(1)\nexcept Exception as e:\n    r = repr(e)\n(r, d)":
        "('KeyError(1)', {}) (tuple)",
    "d = {5: 'x'}\np = create_proxy(d)\n(p.get(5), p.setdefault(5, 1), d)": "('x', 'x', {5: 'x'}) (tuple)",
}
ERAS = {
    "2025-09-01": {POP_A: "(\"KeyError('a')\", {}) (tuple)", SETDEFAULT: "(1, {'a': 1}) (tuple)",
                   UPDATE: "(None, {'a': 1, 'b': 2}) (tuple)", POP_DEFAULT: "KeyError: 'a'"},
    "2025-10-01": {POP_A: "(\"KeyError('a')\", {}) (tuple)", SETDEFAULT: "(1, {'a': 1}) (tuple)",
                   UPDATE: "(None, {'a': 1, 'b': 2}) (tuple)", POP_DEFAULT: "KeyError: 'a'"},
    "2026-09-08": {POP_A: "(\"TypeError('list indices must be integers or slices, not str')\", {'a': 1}) (tuple)",
                   SETDEFAULT: "(5, {'a': 5}) (tuple)", UPDATE: "(None, {'a': 1, 'b': 2, 'c': 3}) (tuple)",
                   POP_DEFAULT: "(5, 6) (tuple)"},
}


@pytest.mark.parametrize("date", list(ERAS))
def test_jsmap_mutating_methods(tmp_path, date) -> None:
    cases = {**COMMON, **ERAS[date]}
    answers = snippet_answers(tmp_path, list(cases), date)
    assert dict(zip(cases, answers)) == cases
