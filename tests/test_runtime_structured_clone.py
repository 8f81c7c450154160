"""``js.structuredClone`` deep-copies what V8's serializer clones -- plain objects, arrays, Map,
Set, Date, errors, buffers and their views, shared and cyclic references kept -- and refuses the
rest with workerd's ``DataCloneError`` (a DOMException, code 25) in its words, measured under
wrangler dev 4.164.0 and (Python values, PyProxies there) real Pyodide 0.28.2."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import NotEmulatedError, js, load_worker, to_js

ENTRY = '''
import js
from js import Date, JSON, Map, Object, Set, Uint8Array, structuredClone
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint


def attempt(make):
    try:
        return repr(make())
    except Exception as exc:
        return f"{type(exc).__name__} {exc} {getattr(exc, 'code', '')}".strip()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        o = JSON.parse('{"a": [1, {"b": 2}], "n": null}')
        o.self = o
        c = structuredClone(o)
        m = structuredClone(Map.new(to_js([[1, o.a]])))
        s = structuredClone(Set.new(to_js([1, 2])))
        u = Uint8Array.new(to_js([1, 2, 3])).subarray(1)
        cu = structuredClone(u)
        cu[0] = 9
        e = structuredClone(js.TypeError.new("m"))
        d = structuredClone(js.DOMException.new("m", "AbortError"))
        return Response.json({
            "copy": [c is not o, c.self is c, c.a is not o.a, JSON.stringify(c.a), c.n is o.n],
            "map": [m.constructor.name, JSON.stringify(m.get(1))], "set": list(s), "date": structuredClone(Date.new(5)).getTime(),
            "view": [cu.constructor.name, cu.byteOffset, cu.buffer.byteLength, list(cu), u[0]],
            "errors": [repr(e), repr(d), d.code], "primitives": [structuredClone("x"), structuredClone(5), structuredClone(None)],
            "refused": [attempt(lambda: structuredClone({"a": 1})), attempt(lambda: structuredClone(lambda: 1)),
                        attempt(lambda: structuredClone(js.fetch)), attempt(lambda: structuredClone(js.URL.new("https://e.com"))),
                        attempt(lambda: structuredClone(js.AbortSignal.abort())), attempt(lambda: structuredClone(js.Symbol("x"))),
                        attempt(lambda: structuredClone(js.Response.new("x"))), attempt(lambda: structuredClone()),
                        attempt(lambda: structuredClone(1, Object.fromEntries(to_js([["transfer", 5]])))),
                        attempt(lambda: structuredClone(create_proxy(lambda: 1))),
                        attempt(lambda: structuredClone(js.Promise.resolve(1))),
                        attempt(lambda: structuredClone(js.ReadableStream.new())),
                        attempt(lambda: structuredClone(js.console)), attempt(lambda: structuredClone(create_proxy(o)))],
            "views": [JSON.stringify(structuredClone(o.as_py_json()).a), JSON.stringify(structuredClone(js.Math))],
        })
'''


@pytest.mark.asyncio
async def test_structured_clone_copies_and_refuses_as_workerd(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-09-28"))
    assert await (await worker.fetch("/")).json() == {
        "copy": [True, True, True, '[1,{"b":2}]', True],
        "map": ["Map", '[1,{"b":2}]'], "set": [1, 2], "date": 5,
        "view": ["Uint8Array", 1, 3, [9, 3], 2],
        "errors": ["TypeError: m", "AbortError: m", 20], "primitives": ["x", 5, None],
        "refused": [
            "JsException DataCloneError: [object Object] could not be cloned. 25",
            "JsException DataCloneError: function(){} could not be cloned. 25",
            "JsException DataCloneError: function fetch() { [native code] } could not be cloned. 25",
            'JsException DataCloneError: Could not serialize object of type "URL". This type does not support '
            "serialization. 25",
            "JsException DataCloneError: AbortSignal serialization is not enabled. 25",
            "JsException DataCloneError: Symbol(x) could not be cloned. 25",
            "JsException DataCloneError: ReadableStream can only be serialized for RPC. 25",
            "JsException TypeError: Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 1 is "
            "not of type 'Value'.",
            "JsException TypeError: Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided "
            "value is not of type 'Array'.",
            "JsException DataCloneError: function(){} could not be cloned. 25",
            "JsException DataCloneError: #<Promise> could not be cloned. 25",
            "JsException DataCloneError: ReadableStream can only be serialized for RPC. 25",
            "JsException DataCloneError: function () { [native code] } could not be cloned. 25",  # console.debug
            "JsException DataCloneError: [object Object] could not be cloned. 25",  # create_proxy(an object)
        ],
        "views": ['[1,{"b":2}]', "{}"],
    }


LITERAL_MAP = """
from js import structuredClone
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            structuredClone(to_js({"a": 1}))
        except Exception as exc:
            return Response(f"{exc} {exc.code}")
"""


@pytest.mark.asyncio
async def test_pyodide_028s_literal_map_is_refused_as_v8_refuses_its_proxy(tmp_path):
    # Pyodide 0.28's to_js(dict) is a Map behind a Proxy, which V8's serializer does not clone
    # (real Pyodide 0.28.2: tools/pyodide, group workerd-globals)
    worker = load_worker(one_file_worker(tmp_path, LITERAL_MAP, date="2025-10-01"))
    assert await (await worker.fetch("/")).text() == "DataCloneError: [object Map] could not be cloned. 25"


def test_a_transfer_list_and_a_value_of_unknown_cloning_are_not_emulated():
    options = to_js({"transfer": [js.ArrayBuffer.new(1)]}, dict_converter=js.Object.fromEntries)
    with pytest.raises(NotEmulatedError) as caught:
        js.structuredClone(1, options)
    assert str(caught.value) == ("structuredClone(value, {transfer: [...]}) with a transfer list is not emulated by "
                                 "workers-env: clone without one (the buffers are copied)")
    with pytest.raises(NotEmulatedError) as caught:
        js.structuredClone(js.ReadableStream.new().getReader())  # a value workers-env does not know how V8 clones
    assert str(caught.value) == ("structuredClone() of a JavaScript ReadableStreamDefaultReader is not emulated by "
                                 "workers-env")
