"""``JSON.parse(text, reviver)`` with a Python function walks the value as ECMAScript's
``InternalizeJSONProperty`` does, as Pyodide 0.26.0a4 and 0.28.2 run it (measured under Node 24
by tools/pyodide, group ``json-reviver``): children before their parent, an object's integer
keys first, the whole value last with key ``""``; three arguments ``(key, value, context)`` --
V8's ``context`` has the primitive's JSON text as ``source`` (an object's or array's is empty),
so a two-argument reviver is Python's ``TypeError``; ``None`` returned deletes the property (an
array item reads back ``None``, the length kept); a Python container returned is kept as
itself; the reviver's own exception propagates. Before, any reviver function raised
``NotEmulatedError``."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

R = "lambda k, v, *rest: "

SNIPPETS = {
    "out = []\nJSON.parse('{\"a\":[1,{\"b\":2}],\"c\":3}', " + R + "out.append(k) or v)\nout":
        "['0', 'b', '1', 'a', 'c', ''] (list)",
    "out = []\nJSON.parse('{\"b\":1,\"2\":2,\"a\":3,\"1\":4}', " + R + "out.append(k) or v)\nout":
        "['1', '2', 'b', 'a', ''] (list)",
    "JSON.parse('[1,2]', lambda k, v: v)": "TypeError: <lambda>() takes 2 positional arguments but 3 were given",
    "JSON.parse('{\"a\":1,\"b\":2}', " + R + "None if k == 'a' else v).to_py()": "{'b': 2} (dict)",
    "x = JSON.parse('[1,2,3]', " + R + "None if k == '1' else v)\n(x.to_py(), x.length)": "([1, None, 3], 3) (tuple)",
    "JSON.parse('{\"a\":1}', " + R + "None)": "None (NoneType)",
    "JSON.parse('{\"a\":1,\"b\":{\"c\":2}}', " + R + "7 if k == 'c' else v).to_py()": "{'a': 1, 'b': {'c': 7}} (dict)",
    "JSON.parse('5', " + R + "(k, v))": "('', 5) (tuple)",
    "d = {'k': 1}\nJSON.parse('{\"a\":5}', " + R + "d if k == 'a' else v).a is d": "True (bool)",
    "JSON.parse('[1.50]', " + R + "rest[0].source if k == '0' else v).to_py()": "['1.50'] (list)",
    "JSON.parse('{\"a\":[1]}', " + R + "str(rest[0].to_py()))": "'{}' (str)",
    "JSON.parse('{\"a\":1.5, \"b\": true}', " + R + "type(v).__name__ if k else v).to_py()":
        "{'a': 'float', 'b': 'bool'} (dict)",
    "JSON.parse('{\"a\":1}', " + R + "1 / 0)": "ZeroDivisionError: division by zero",
    "JSON.parse('[1]', 5).to_py()": "[1] (list)",
}


def test_the_reviver_walks_as_javascripts(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2026-05-01") == list(SNIPPETS.values())


def test_null_reaches_the_reviver_as_the_eras_null(tmp_path: Path) -> None:
    snippet = "JSON.parse('{\"a\":null}', lambda k, v, *rest: repr(v) if k == 'a' else v).to_py()"
    assert snippet_answers(tmp_path / "a", [snippet], "2025-09-01") == ["{'a': 'None'} (dict)"]
    assert snippet_answers(tmp_path / "b", [snippet], "2025-10-01") == ["{'a': 'jsnull'} (dict)"]
