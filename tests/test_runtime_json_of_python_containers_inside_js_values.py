"""A Python dict, list or tuple that Worker code stores inside a JS object or array
(``o.x = d``, ``a[0] = d``, ``a.append(d)``) is a PyProxy there, so ``JSON.stringify`` of the
JS value writes it as it writes one at top level: on Pyodide 0.26 ``{}``, on 0.28 a dict's keys
but not ``None`` values or dict-method names, a list holding a container Pyodide's
borrowed-proxy error. One passed to a JS function (``push``, ``Array.of``) is a borrowed proxy
Pyodide destroyed when the call returned. A value converted with ``to_js`` is plain JS data.
Real Pyodide 0.26.0a4 and 0.28.2 under Node answered so (tools/pyodide/pyodide_cases.py)."""

from __future__ import annotations

import textwrap
import warnings

import pytest

from workers_env import load_worker

ENTRY = '''
from js import JSON, Array, Object, Response
from pyodide.ffi import to_js


def attempt(make):
    try:
        return make()
    except Exception as exc:
        return type(exc).__name__ + ": " + str(exc).splitlines()[0]


def nested_in_object():
    o = Object.new()
    o.x = {"a": None, "b": 2, "items": 3}
    return JSON.stringify(o)


def list_in_parsed_object():
    o = JSON.parse("{}")
    o.x = {"r": [1, None], "d": {"k": None, "j": 1}}
    return JSON.stringify(o)


def list_of_dicts_in_object():
    o = Object.new()
    o.x = [{"a": 1}]
    return JSON.stringify(o)


def appended_to_array():
    a = Array.new()
    a.append({"a": 1, "n": None})
    return JSON.stringify(a)


def pushed_to_array():
    a = Array.new()
    a.push([1, 2])
    return JSON.stringify(a)


def converted_first():
    o = Object.new()
    o.x = to_js([1, None])
    return JSON.stringify(o)


async def on_fetch(request, env):
    cases = (nested_in_object, list_in_parsed_object, list_of_dicts_in_object, appended_to_array,
             pushed_to_array, converted_first)
    return Response.new(" | ".join(attempt(case) for case in cases))
'''

BORROWED_CALL = ("JsException: Error: This borrowed proxy was automatically destroyed at the end of a function call. "
                 "Try using create_proxy or create_once_callable.")
BORROWED_ITER = "JsException: Error: This borrowed proxy was automatically destroyed when an iterator was exhausted."


def _worker(tmp_path, date: str):
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(f'name = "j"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                                            'compatibility_flags = ["python_workers", "disable_python_no_global_handlers"]\n')
    return load_worker(tmp_path)


@pytest.mark.asyncio
async def test_pyodide_026_writes_a_stored_container_as_an_empty_object(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reply = await (await _worker(tmp_path, "2025-09-01").fetch("/")).text()
    assert reply.split(" | ") == ['{"x":{}}', '{"x":{}}', '{"x":{}}', "[{}]", BORROWED_CALL, '{"x":[1,null]}']
    assert any("JSON.stringify sees none of its keys" in str(w.message) for w in caught)


@pytest.mark.asyncio
async def test_pyodide_028_writes_a_stored_container_as_at_top_level(tmp_path):
    reply = await (await _worker(tmp_path, "2025-10-01").fetch("/")).text()
    assert reply.split(" | ") == ['{"x":{"b":2}}', '{"x":{"r":[1,null],"d":{"j":1}}}', BORROWED_ITER,
                                  '[{"a":1}]', BORROWED_CALL, '{"x":[1,null]}']
