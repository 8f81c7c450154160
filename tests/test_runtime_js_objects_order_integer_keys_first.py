"""Every JS object orders its own properties as ECMAScript's OrdinaryOwnPropertyKeys does, as V8
(Pyodide 0.26.0a4 and 0.28.2 under Node, tools/pyodide group ``revjsleft2-review``) gives them:
array indices -- the canonical text of a whole number 0 .. 2**32 - 2 -- first, ascending, then
the other keys as inserted, whatever made the object: ``Object.fromEntries``, ``to_js(dict,
dict_converter=Object.fromEntries)``, a property set later (``setattr``, ``as_object_map()[k] =``),
``Object.assign`` of an array. ``Object.keys``, ``JSON.stringify`` and ``to_py()`` all read that
order. A Python dict is a PyProxy -- a JS Proxy, whose own keys are as its ``ownKeys`` trap lists
them -- so ``Object.keys`` and ``JSON.stringify`` of one keep the dict's order (Pyodide 0.28.2),
and ``Object.keys`` of ``bytes`` is empty. Before, only ``JSON.parse`` ordered them; ``"01"``, ``"-1"``, ``"1.5"``, ``"+1"``,
``"4294967295"`` and non-ASCII digits are not indices and stay where they were inserted."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

SNIPPETS = {
    'Object.keys(Object.fromEntries(to_js([["b", 1], ["2", 2], ["1", 3]]))).to_py()': "['1', '2', 'b'] (list)",
    'JSON.stringify(to_js({"b": 1, "2": 2, "1": 3}, dict_converter=Object.fromEntries))': """'{"1":3,"2":2,"b":1}' (str)""",
    'to_js({"b": 1, "2": 2, "01": 3, "-1": 4, "1.5": 5, "+1": 6, "4294967295": 7, "4294967294": 8}, '
    'dict_converter=Object.fromEntries).to_py()':
        "{'2': 2, '4294967294': 8, 'b': 1, '01': 3, '-1': 4, '1.5': 5, '+1': 6, '4294967295': 7} (dict)",
    'o = Object.new()\no.b = 1\nsetattr(o, "2", 2)\nsetattr(o, "1", 3)\nObject.keys(o).to_py()': "['1', '2', 'b'] (list)",
    "o = JSON.parse('{\"b\":1}')\nsetattr(o, '1', 2)\nJSON.stringify(o)": """'{"1":2,"b":1}' (str)""",
    "o = JSON.parse('{\"b\":1,\"a\":2}')\nm = o.as_object_map()\nm['3'] = 1\n(list(m), Object.keys(o).to_py())":
        "(['3', 'b', 'a'], ['3', 'b', 'a']) (tuple)",
    'Object.entries(Object.assign(Object.new(), to_js({"b": 1, "2": 2}, dict_converter=Object.fromEntries))).to_py()':
        "[['2', 2], ['b', 1]] (list)",
    "o = JSON.parse('{\"b\":1}')\nObject.keys(Object.assign(o, JSON.parse('[7]'))).to_py()": "['0', 'b'] (list)",
    "o = JSON.parse('{\"b\":1,\"2\":2}')\ndelattr(o, '2')\nsetattr(o, '2', 3)\nObject.keys(o).to_py()": "['2', 'b'] (list)",
    'Object.keys(to_js({"\\u0663": 1, "b": 2, "7": 3}, dict_converter=Object.fromEntries)).to_py()':
        "['7', '٣', 'b'] (list)",
    "o = JSON.parse('{\"b\":1,\"a\":2}')\no.b = 5\nObject.keys(o).to_py()": "['b', 'a'] (list)",
}


def test_integer_keys_come_first_in_every_js_object(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2026-05-01") == list(SNIPPETS.values())


PROXIES = {
    "Object.keys({'a': 1, '2': 3}).to_py()": "['a', '2'] (list)",
    "Object.keys(create_proxy({'a': 1, '2': 3})).to_py()": "['a', '2'] (list)",
    "JSON.stringify({'a': 1, '2': 3})": """'{"a":1,"2":3}' (str)""",
    "JSON.stringify(create_proxy({'a': 1, '2': {'b': 1, '1': 2}}))": """'{"a":1,"2":{"b":1,"1":2}}' (str)""",
    "Object.keys(Object.assign(Object.new(), {'a': 1, '2': 3})).to_py()": "['2', 'a'] (list)",
    "Object.keys(b'ab').to_py()": "[] (list)",
}


def test_a_python_dicts_pyproxy_keeps_the_dicts_order(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(PROXIES), "2026-05-01") == list(PROXIES.values())


def test_a_python_dict_converted_keeps_its_own_order(tmp_path: Path) -> None:
    snippet = 'd = {"b": 1, "2": 2}\no = to_js(d, dict_converter=Object.fromEntries)\n(list(d), Object.keys(o).to_py())'
    assert snippet_answers(tmp_path, [snippet], "2026-05-01") == ["(['b', '2'], ['2', 'b']) (tuple)"]
