"""Worker code's class with a JS value's own class as its base (``class X(type(js_obj))``) is what
real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 make of it (tools/pyodide group
``ffi-concrete-subclasses``, 36/37 there, 3/37 before): a JS value's class is Pyodide's C type,
which takes no subclass (``TypeError: type 'pyodide.ffi.JsProxy' is not an acceptable base type``
for an object, array, function, buffer, Map, PyProxy ...; here it made one), a JS constructor on
``js`` as a base cannot be called (``js.WebSocketPair``, here a class, made one); a promise's class
is ``PyodideFuture`` (the subclass's MRO ``Mine, PyodideFuture, Future, object``: here
``PyodideFuture`` twice) and jsnull's ``JsNull``, whose subclass keeps its module (here
``pyodide.ffi``) and reads its ``typeof``. A test's own subclass, outside Worker code, is made as
before."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

from workers_env.runtime.jsproxy import JsArray

ENTRY = '''
import js
from pyodide.ffi import JsArray, JsProxy, create_proxy, jsnull
from workers import Response, WorkerEntrypoint


def attempt(make):
    try:
        return repr(make())
    except TypeError as e:
        return str(e)


def stmt(base):
    class Mine(base):
        pass
    return Mine


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        values = [js.JSON.parse("[1]"), js.JSON.parse("{}"), js.JSON.parse, js.Uint8Array.new(2), js.Map.new(),
                  create_proxy({}), js.Headers.new(), js.Set.new()]
        promise = type(js.Promise.resolve(1))
        Later = stmt(promise)
        Null = stmt(type(jsnull))
        return Response.json({
            "values": sorted({attempt(lambda: stmt(type(v))) for v in values}),
            "type()": attempt(lambda: type("X", (type(values[0]),), {})),
            "mixed": [attempt(lambda: type("X", bases, {})) for bases in (
                (JsArray, type(values[0])), (int, type(values[1])), (stmt(JsProxy), type(values[1])))],
            "js": [attempt(lambda: stmt(js.WebSocketPair)), attempt(lambda: stmt(js.Object))],
            "open": [attempt(lambda: stmt(JsProxy)), attempt(lambda: stmt(JsArray))],
            "promise": [repr(Later), [c.__name__ for c in Later.__mro__], repr(Later()), issubclass(Later, promise),
                        isinstance(Later(), promise), isinstance(js.Promise.resolve(1), Later)],
            "null": [repr(Null), Null.__module__, Null() is jsnull, Null.typeof, jsnull.typeof],
        })
'''

REFUSED = "type 'pyodide.ffi.JsProxy' is not an acceptable base type"


def test_a_js_values_class_is_no_base_and_a_promises_is_pyodide_future(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY, date="2026-09-08"), "/")
    assert answer == {
        "values": [REFUSED],
        "type()": REFUSED,
        "mixed": [REFUSED] * 3,
        "js": ["cannot create 'pyodide.ffi.JsProxy' instances"] * 2,
        "open": ["<class 'entry.stmt.<locals>.Mine'>"] * 2,
        "promise": ["<class 'entry.stmt.<locals>.Mine'>", ["Mine", "PyodideFuture", "Future", "object"],
                    "<Mine pending>", True, True, False],
        "null": ["<class 'entry.stmt.<locals>.Mine'>", "entry", True, "object", "object"],
    }


def test_a_tests_own_subclass_of_a_js_values_class_is_made_as_before():
    class Fake(JsArray):
        pass

    assert issubclass(Fake, JsArray) and type(Fake([1])).__name__ == "JsProxy"
