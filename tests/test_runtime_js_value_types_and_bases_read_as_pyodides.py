"""What Worker code learns of a JS value's class as real Pyodide (0.26.0a4, 0.28.2, 314.0.6; tools/pyodide
group ``ffi-concrete-subclasses``) answers it: ``js.WebSocket`` and ``js.WebSocketPair`` are
JsProxies of JS functions like every class on ``js`` (``type()`` ``pyodide.ffi.JsProxy``, ``isinstance(x,
js.WebSocket)`` Python's ``TypeError``, called without ``.new`` jsg's ``TypeError``; they were
workers-env's Python classes, of type ``jsbase._ProxyType``); the metaclass of the JS value
classes is named ``pyodide.ffi._JsProxyMetaClass``, that of ``JsArray``/``JsMap`` ``pyodide.ffi._ABCMeta``;
``type('X', (js_value,), {})`` is CPython's ``metaclass conflict`` (was ``type() doesn't support MRO
entry resolution``), while a ``class`` statement on one stays ``cannot create 'pyodide.ffi.JsProxy'
instances`` (leftovers58)."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import js
import pyodide.ffi as f
from js import JSON, Object
from workers import Response, WorkerEntrypoint


def attempt(make):
    try:
        return make()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def statement(base):
    class K(base):
        pass
    return K


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(js.WebSocketPair.new())
        return Response.json({
            "types": [repr(type(js.WebSocket)), repr(type(js.WebSocketPair)), repr(type(js.Response))],
            "websocket": [js.WebSocket.READY_STATE_OPEN, js.WebSocket.name, attempt(lambda: isinstance(server, js.WebSocket)),
                          attempt(lambda: js.WebSocketPair())],
            "metaclasses": [repr(type(type(JSON.parse("{}")))), repr(type(f.JsProxy)), repr(type(f.JsIterable)),
                            repr(type(f.JsArray)), repr(type(f.JsMutableMap))],
            "type()": [attempt(lambda: type("X", (b,), {})) for b in (js.Object, JSON.parse("[1]"), js.WebSocket)],
            "class": [attempt(lambda: statement(b)) for b in (js.Object, JSON.parse("[1]"), js.WebSocketPair)],
            "dir": [n for n in ("__prepare__", "__mro_entries__") if n in dir(js.Object)],
        })
'''

CONFLICT = ("TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
            "metaclasses of all its bases")
NO_INSTANCES = "TypeError: cannot create 'pyodide.ffi.JsProxy' instances"


def test_js_value_types_and_bases(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == {
        "types": ["<class 'pyodide.ffi.JsProxy'>"] * 3,
        "websocket": [1, "WebSocket", "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union",
                      "JsException: TypeError: Failed to construct 'WebSocketPair': Please use the 'new' operator, this object "
                      "constructor cannot be called as a function."],
        "metaclasses": ["<class 'pyodide.ffi._JsProxyMetaClass'>"] * 3 + ["<class 'pyodide.ffi._ABCMeta'>"] * 2,
        "type()": [CONFLICT] * 3,
        "class": [NO_INSTANCES] * 3,
        "dir": [],
    }
