"""Runs the differential's Python snippets and describes each result; the same file runs in real
Pyodide (under Node) and inside a Worker loaded by workers-env, so both sides do exactly the same.

A snippet is Python source run in a fresh namespace after :data:`PRELUDE`; if its last statement
is an expression, that is the result (as in a REPL), else ``None``. A result is described as
``{"repr": repr(value), "type": type(value).__name__}``, an exception as
``{"error": type(exc).__name__, "message": str(exc)}``. Standard library only (it runs in Pyodide).

A snippet starting ``# async`` may use top-level ``await`` (the order of event-loop callbacks,
promise handlers and tasks): :func:`run_json` leaves it out and :func:`run_json_async`, awaited
inside the running event loop (Pyodide's WebLoop, the Worker's loop), runs it.
"""

import ast
import json

#: Every snippet starts with these names; the JavaScript values they build are the same on both
#: sides (``JSON.parse`` of the same text, ``Object.new()``, ``to_js`` of the same Python data).
PRELUDE = '''
import json
import js
from js import JSON, Object, Array
from pyodide.ffi import to_js, create_proxy, JsProxy, JsException
try:
    from pyodide.ffi import jsnull
except ImportError:
    jsnull = "<no pyodide.ffi.jsnull>"
try:
    from pyodide.ffi import JsArray
except ImportError:
    JsArray = "<no pyodide.ffi.JsArray>"
def arr():
    return JSON.parse("[3,1,2]")
def mixed():
    return JSON.parse('[1,"a",null,{"k":[2]}]')
def strs():
    return JSON.parse('["b","a","c"]')
def obj():
    return JSON.parse('{"a":1,"b":"x","c":null,"d":{"e":[1,2]}}')
def pobj():
    return to_js({"a": 1, "b": "x"}, dict_converter=Object.fromEntries)
def jnull():
    return JSON.parse("null")
'''

MAX_REPR = 300


def _describe_value(value):
    try:
        text = repr(value)
    except BaseException as exc:  # noqa: BLE001 - a repr that raises is a result too
        text = f"<repr raised {type(exc).__name__}: {exc}>"
    if len(text) > MAX_REPR:
        text = text[:MAX_REPR] + "..."
    try:
        from pyodide.ffi import JsProxy
        proxy = isinstance(value, JsProxy)
    except ImportError:  # pragma: no cover - both sides have pyodide.ffi
        proxy = False
    return {"repr": text, "type": type(value).__name__, "jsproxy": proxy}


ASYNC = "# async"


def _error(exc):
    message = str(exc)
    if len(message) > MAX_REPR:
        message = message[:MAX_REPR] + "..."
    return {"error": type(exc).__name__, "message": message}


def _prepared(code):
    """A fresh namespace with :data:`PRELUDE` run in it, the snippet's statements, and its last
    statement's expression (``None`` when it is not one)."""
    namespace = {"__name__": "__snippet__"}
    exec(compile(PRELUDE, "<prelude>", "exec"), namespace)
    tree = ast.parse(code, "<snippet>", "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    return namespace, tree, last


def run_case(code):
    """One snippet's result, described (see the module docstring)."""
    try:
        namespace, tree, last = _prepared(code)
        exec(compile(tree, "<snippet>", "exec"), namespace)
        value = eval(compile(last, "<snippet>", "eval"), namespace) if last is not None else None
    except BaseException as exc:  # noqa: BLE001 - every error is a result to compare
        return _error(exc)
    return _describe_value(value)


async def run_case_async(code):
    """One ``# async`` snippet's result: top-level ``await`` allowed, run in the running loop."""
    try:
        namespace, tree, last = _prepared(code)
        body = eval(compile(tree, "<snippet>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), namespace)
        if body is not None:
            await body
        value = None
        if last is not None:
            value = eval(compile(last, "<snippet>", "eval", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), namespace)
            if type(value).__name__ == "coroutine":
                value = await value
    except BaseException as exc:  # noqa: BLE001 - every error is a result to compare
        return _error(exc)
    return _describe_value(value)


def run_json(cases_json):
    """``[code, ...]`` (JSON) -> ``[result, ...]`` (JSON); an ``# async`` snippet is ``null``."""
    return json.dumps([None if code.startswith(ASYNC) else run_case(code) for code in json.loads(cases_json)])


async def run_json_async(cases_json):
    """``[code, ...]`` (JSON) -> ``[result, ...]`` (JSON) of the ``# async`` snippets only (else ``null``)."""
    results = []
    for code in json.loads(cases_json):
        results.append(await run_case_async(code) if code.startswith(ASYNC) else None)
    return json.dumps(results)
