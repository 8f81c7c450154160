"""``create_proxy`` of a container (a dict, list, tuple, str: a ``get``, a length, iteration) is to
Pyodide a ``JsMap``, whose own ``keys``/``values``/``items``/``get`` come before the Python object's:
views over the proxy (``KeysView(proxy)``), so ``list(create_proxy({...}).keys())`` iterates the
proxy -- ``TypeError: iter() returned non-iterator of type 'dict_keys'`` -- and a list's are its
indices; ``get`` is the subscript or the default where it fails (from Pyodide 0.29 a str key of an
array-like: ``create_proxy({'a': 1}).get('a')`` is ``None``). A name the object lacks is Pyodide's
``AttributeError`` naming it alone. Real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 (group
``pyproxy-map-methods``, every case the same). Before, these were the dict's own methods
(``['a']``, ``dict_keys``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

SAME_IN_EVERY_ERA = {
    'list(create_proxy({"a": 1, "b": 2}).keys())': "TypeError: iter() returned non-iterator of type 'dict_keys'",
    'list(create_proxy({"a": 1, "b": 2}).values())': "TypeError: iter() returned non-iterator of type 'dict_keys'",
    'list(create_proxy({"a": 1, "b": 2}).items())': "TypeError: iter() returned non-iterator of type 'dict_keys'",
    'p = create_proxy({"a": 1, "b": 2})\n(repr(p.keys()), len(p.keys()), "a" in p.keys(), "z" in p.keys())':
        "(\"KeysView({'a': 1, 'b': 2})\", 2, True, False) (tuple)",
    'p = create_proxy({"a": 1})\n(p.get("z"), p.get("z", 5))': "(None, 5) (tuple)",
    "p = create_proxy([7, 8])\n(list(p.keys()), list(p.values()), list(p.items()))":
        "([0, 1], [7, 8], [(0, 7), (1, 8)]) (tuple)",
    "p = create_proxy([7, 8])\n(p.get(0), p.get(5), p.get(5, 'd'), p.get(-1), p.get('x', 'd'))":
        "(7, None, 'd', 8, 'd') (tuple)",
    "create_proxy({1, 2}).keys": "AttributeError: keys",
    "create_proxy({'a': 1}).nope": "AttributeError: nope",
    'class C:\n    def keys(self):\n        return ["k"]\np = create_proxy(C())\np.keys()': "['k'] (list)",
    "d = {'a': 1}\np = create_proxy(d)\n(p.setdefault('c', 3), d)": "(3, {'a': 1, 'c': 3}) (tuple)",
}


@pytest.mark.parametrize(("date", "get_a"), [("2025-09-01", "1 (int)"), ("2025-10-01", "1 (int)"),
                                             ("2026-09-08", "None (NoneType)")])
def test_a_container_proxys_map_methods_are_pyodides(tmp_path, date, get_a) -> None:
    cases = {**SAME_IN_EVERY_ERA, 'create_proxy({"a": 1}).get("a")': get_a}
    answers = snippet_answers(tmp_path, list(cases), date)
    assert dict(zip(cases, answers)) == cases


DIR_CASES = {
    "d = dir(create_proxy({'a': 1}))\n[n for n in ('keys', 'values', 'items', 'get', 'destroy', 'setdefault', 'pop') if n in d]":
        "['keys', 'values', 'items', 'get', 'destroy', 'setdefault', 'pop'] (list)",
    "d = dir(create_proxy([1]))\n[n for n in ('keys', 'values', 'items', 'get', 'append', 'destroy') if n in d]":
        "['keys', 'values', 'items', 'get', 'append', 'destroy'] (list)",
    "d = dir(create_proxy({1, 2}))\n[n for n in ('keys', 'get', 'add', 'destroy') if n in d]": "['add', 'destroy'] (list)",
    "class C:\n    x = 1\nd = dir(create_proxy(C()))\n[n for n in ('x', 'keys', 'destroy') if n in d]": "['x', 'destroy'] (list)",
}


def test_dir_of_a_container_proxy_lists_its_map_methods_and_the_objects_attributes(tmp_path) -> None:
    """``dir()`` lists what reading them gives (Pyodide 0.26.0a4, 0.28.2, 314.0.6, every case the
    same); before, ``keys``/``get`` and the object's own ``setdefault``/``append`` were missing."""
    answers = snippet_answers(tmp_path, list(DIR_CASES), "2025-10-01")
    assert dict(zip(DIR_CASES, answers)) == DIR_CASES
