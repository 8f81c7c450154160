"""An init of ``js.Headers.new`` (or the ``headers`` of ``js.Response.new``) that is not
iterable in JavaScript -- a ``SimpleNamespace``, a class instance, a function, a ``complex``
(PyProxies), a ``URL``, a ``Response`` -- is read as jsg reads the record after the sequence
(workerd's ``Headers::Initializer``: ``OneOf<Ref<Headers>, Sequence<...>, Dict<String, String>>``;
jsg value.h reads a Dict's ``GetOwnPropertyNames``, the object's own enumerable keys): a PyProxy
lists none (``Object.keys`` of one is ``[]`` in Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under
Node), a jsg object none (``wrangler dev`` 4.164.0: ``new Headers(new URL(...))`` is empty), so no
headers at all; workers-env raised Python's ``'SimpleNamespace' object is not iterable``."""

from __future__ import annotations

import json
import types

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, js, load_worker

ENTRY = '''
import json
import types

from js import Headers, Object, Response, URL


class Plain:
    def __init__(self):
        self.a = "1"


async def on_fetch(request, env):
    inits = [types.SimpleNamespace(a="1"), Plain(), lambda: 1, 1j, URL.new("https://a.test/"), Response.new("x")]
    made = [[list(pair) for pair in Headers.new(init).entries()] for init in inits]
    keys = [Object.keys(init).to_py() for init in inits[:4]]
    answer = Response.new("x", headers=types.SimpleNamespace(a="1"))
    return Response.new(json.dumps({"made": made, "keys": keys, "answer": [list(p) for p in answer.headers]}))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-08-01", "2025-12-01", "2026-09-08"])  # Pyodide 0.26, 0.28, 314
async def test_an_init_with_no_iterator_makes_empty_headers(tmp_path, date):
    flags = ["disable_python_no_global_handlers"] if date > "2025-08-14" else []  # module-level on_fetch
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=flags))
    with pytest.warns(PyProxyWarning, match="JavaScript lists none of its attributes as own properties"):
        response = await worker.fetch("/")
    assert json.loads(await response.text()) == {"made": [[]] * 6, "keys": [[]] * 4,
                                                 "answer": [["content-type", "text/plain;charset=UTF-8"]]}


def test_a_python_object_says_why_it_gave_no_headers():
    with pytest.warns(PyProxyWarning) as caught:
        headers = js.Headers.new(types.SimpleNamespace(a="1"))
    assert list(headers) == []
    assert str(caught[0].message) == (
        "a Python SimpleNamespace reached JavaScript as a PyProxy as the init of new Headers(): JavaScript lists none "
        "of its attributes as own properties, so production makes no headers of it, and so does workers-env. Pass a "
        "dict's items(), a list of [name, value] pairs or to_js(d, dict_converter=Object.fromEntries)"
        " (from pyodide.ffi import to_js; from js import Object)")


def test_an_object_with_getitem_is_still_a_sequence():
    class Pairs:  # the sequence protocol: Pyodide's PyProxy is iterable (sq_item), jsg reads a sequence
        def __getitem__(self, i):
            if i:
                raise IndexError(i)
            return ("A", "1")

    assert [list(p) for p in js.Headers.new(Pairs())] == [["a", "1"]]


def test_object_keys_values_entries_of_nothing_is_javascripts_type_error():
    for method in (js.Object.keys, js.Object.values, js.Object.entries):
        for args in ((None,), (js.JSON.parse("null"),), ()):
            with pytest.raises(Exception) as caught:
                method(*args)
            assert str(caught.value) == "TypeError: Cannot convert undefined or null to object"
