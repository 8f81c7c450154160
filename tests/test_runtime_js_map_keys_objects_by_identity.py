"""A JavaScript ``Map`` takes a JS object, array, function or buffer as a key, compared by
identity (SameValueZero), though the proxy Python holds of it is unhashable (as Pyodide's):
``m.set(obj, 1)``, ``new Map([[obj, 1]])``, ``m.get``/``has``/``delete``/``m[obj]`` and the
keys handed back (iteration, ``forEach``, ``entries``) are the proxy itself. Making JS values
unhashable had every one of these raise ``TypeError: unhashable type``; ``console.log`` prints
such a key as the value it is (``Map(2) { {} => 5, [ 1 ] => 2 }``, as Node's ``util.inspect``),
where it printed Python's ``<...SameJsValue object at 0x...>`` before review55."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

from workers_env import js

SNIPPETS = {
    "o = Object.new()\nm = js.Map.new()\nm.set(o, 1)\n(m.get(o), m.has(o), m.has(Object.new()), m.size, m[o], o in m)":
        "(1, True, False, 1, 1, True) (tuple)",
    "o = JSON.parse('{\"d\": {}}')\nm = js.Map.new([[o.d, 'x']])\n(m.get(o.d), m.size)": "('x', 1) (tuple)",
    "a = JSON.parse('[1]')\nm = js.Map.new()\nm.set(a, 2).set(JSON.parse, 3).set(js.Uint8Array.new(1), 4)\n"
    "(m.get(a), m.get(JSON.parse), m.size, m.delete(a), m.has(a), m.size)": "(2, 3, 3, True, False, 2) (tuple)",
    "o = Object.new()\nm = js.Map.new()\nm.set(o, 1)\nm.set('k', 2)\nseen = []\nm.forEach(lambda v, k, _: seen.append(k is o))\n"
    "(list(m)[0] is o, seen, getattr(js.Array, 'from')(m)[0][0] is o)": "(True, [True, False], True) (tuple)",
    "o = Object.new()\nm = js.Map.new()\nm[o] = 5\ndel m[o]\n(m.size, m.get(o, 'gone'))": "(0, 'gone') (tuple)",
}


def test_a_map_keys_js_objects_by_identity(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2025-10-01") == list(SNIPPETS.values())


def test_console_log_prints_an_object_key_as_its_value(capsys) -> None:
    m = js.Map.new()
    m.set(js.Object.new(), 5).set(js.Array.of(1), 2)
    js.console.log(m)
    assert capsys.readouterr().out == "Map(2) { {} => 5, [ 1 ] => 2 }\n"
