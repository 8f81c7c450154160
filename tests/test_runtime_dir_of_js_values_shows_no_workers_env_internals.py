"""``dir()`` of a JS value lists what Pyodide's lists of a JsProxy -- its Python attributes
(dunders, ``to_py``, ``js_id``, ``typeof``, ``constructor``) and the JS value's properties --
and none of workers-env's own bookkeeping: ``dir(ctx)`` has ``waitUntil``,
``passThroughOnException`` and ``props`` but no ``scope``, ``tasks``, ``drain`` or ``finish``,
which are no attributes of ``ctx`` either (``AttributeError``, as workerd's ``ExecutionContext``
has none); a ``Response``'s has no ``encoded``/``raw_body``; no name with one leading underscore
and no ``__dict__`` (Pyodide's C type keeps none). ``x.constructor`` is the JS function that made
it, a JsProxy (``obj.constructor == js.Object``, ``repr`` V8's ``function Object() { [native
code] }``, real Pyodide 0.26.0a4 and 0.28.2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from workers import Response, WorkerEntrypoint
from pyodide.ffi import JsProxy

INTERNAL = ("scope", "tasks", "drain", "finish", "finish_after", "pass_through_on_exception")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ctx = self.ctx
        obj = js.JSON.parse('{"a": 1}')
        made = js.Response.new("x")
        return Response.json({
            "ctx_internal": [n for n in INTERNAL if n in dir(ctx) or hasattr(ctx, n)],
            "ctx_js": [n for n in ("waitUntil", "passThroughOnException", "props", "constructor", "to_py", "js_id",
                                   "typeof", "__class__", "__repr__") if n in dir(ctx)],
            "private": sorted({n for v in (ctx, obj, made, js.Headers.new(), js.fetch, js.console, js.Object)
                               for n in dir(v) if (n.startswith("_") and not n.startswith("__"))
                               or n in ("__dict__", "__weakref__", "__getattr__")}),
            "response": sorted(set(dir(made)) & {"status", "headers", "text", "encoded", "raw_body", "set_encoded"}),
            "object": sorted(set(dir(obj)) & {"a", "constructor", "to_py", "hasOwnProperty", "plain", "unordered"}),
            "classes": [sorted(set(dir(js.Object)) & {"keys", "fromEntries", "name", "new", "__call__"}),
                        sorted(set(dir(js.Response)) & {"redirect", "error", "text", "status", "clone"})],
            "constructors": [repr(obj.constructor), obj.constructor == js.Object, isinstance(obj.constructor, JsProxy),
                             str(type(obj.constructor)), js.JSON.parse("[1]").constructor == js.Array,
                             repr(ctx.constructor), made.constructor == js.Response, js.Set.new().constructor == js.Set],
        })
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_dir_shows_pyodides_names_and_none_of_workers_envs(tmp_path: Path, date: str) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    assert got == {
        "ctx_internal": [],
        "ctx_js": ["waitUntil", "passThroughOnException", "props", "constructor", "to_py", "js_id", "typeof",
                   "__class__", "__repr__"],
        "private": [],
        "response": ["headers", "status", "text"],
        "object": ["a", "constructor", "hasOwnProperty", "to_py"],
        "classes": [["__call__", "fromEntries", "keys", "name", "new"], ["error", "redirect"]],
        "constructors": ["function Object() { [native code] }", True, True, "<class 'pyodide.ffi.JsProxy'>", True,
                         "function ExecutionContext() { [native code] }", True, True],
    }


CLASSES = """
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({name: [n for n in dir(getattr(js, name)) if not n.startswith("__")]
                              for name in ("Response", "AbortSignal", "fetch")})
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_dir_of_a_js_class_lists_its_statics_and_no_workers_env_method(tmp_path: Path, date: str) -> None:
    """A workerd class's statics, ``Response.json`` among them (a name its instances have too),
    and the members of every JS function's proxy -- none of workers-env's (its listing of a
    class's enumerable statics for ``Object.keys``)."""
    got = json_answer(one_file_worker(tmp_path, CLASSES, date=date), "/")
    # call/apply/bind: Function.prototype's, which Pyodide's dir() lists (it walks the prototype
    # chain, to Object.prototype's valueOf & co.); length and name: the function's own
    function = ["apply", "bind", "call", "constructor", "hasOwnProperty", "isPrototypeOf", "js_id", "length", "name",
                "propertyIsEnumerable", "toLocaleString", "toString", "to_py", "typeof", "valueOf"]
    if date >= "2025-09-29":  # Pyodide 0.28's own JsProxy methods
        function = sorted([*function, "bind_class", "bind_sig", "to_weakref"])  # (to_weakref: leftovers51)
    assert got == {"Response": sorted([*function, "new", "error", "redirect", "json"]),
                   "AbortSignal": sorted([*function, "new", "abort", "timeout", "any"]),
                   "fetch": function}


PYODIDE_METHODS = """
import json

import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        obj = js.JSON.parse('{"a": 1}')
        named = js.JSON.parse('{"bind_sig": 5}')
        try:
            obj.bind_sig(int)
            called = "no error"
        except Exception as e:
            called = type(e).__name__ if type(e).__name__ != "NotEmulatedError" else f"NotEmulatedError: {e}"
        return Response(json.dumps({
            "object": sorted(set(dir(obj)) & {"as_py_json", "bind_sig", "bind_class", "a"}),
            "array": sorted(set(dir(js.JSON.parse("[1]"))) & {"as_py_json", "bind_sig", "bind_class"}),
            "has": [hasattr(obj, "bind_sig"), hasattr(obj, "bind_class")],
            "property": named.bind_sig if not callable(named.bind_sig) else "method",
            "called": called,
        }))
"""


@pytest.mark.parametrize(("date", "want"), [
    # Pyodide 0.26: none of the three, a JS property of that name reads as itself
    ("2025-09-01", {"object": ["a"], "array": [], "has": [False, False], "property": 5, "called": "AttributeError"}),
    # Pyodide 0.28 on: Pyodide's own methods, listed and winning over the property; calling one is not emulated
    ("2025-10-01", {"object": ["a", "as_py_json", "bind_class", "bind_sig"],
                    "array": ["as_py_json", "bind_class", "bind_sig"], "has": [True, True], "property": "method",
                    "called": "NotEmulatedError: JsProxy.bind_sig() (Pyodide's experimental signature binding) is "
                              "not emulated by workers-env: it needs the real runtime. Convert with to_py()/to_js() "
                              "instead, or open an issue."}),
])
def test_dir_lists_pyodides_own_methods_of_the_running_release(tmp_path: Path, date: str, want: dict) -> None:
    assert json_answer(one_file_worker(tmp_path, PYODIDE_METHODS, date=date), "/") == want
