"""Every function, class and object Worker code reads off ``js`` -- ``fetch``, ``console``,
``Object``, ``Array``, ``Response``, ``Request``, ``Headers``, ``URL``, ``Promise``, ``Error``,
``Number``, ``crypto``, ... -- is a ``JsProxy`` as in Pyodide (real Pyodide 0.26.0a4 and 0.28.2
under Node: ``type()`` ``<class 'pyodide.ffi.JsProxy'>``, ``isinstance(..., JsProxy)``): a function
callable with ``typeof`` ``"function"``, a ``name`` and V8's ``repr``, ``function Object() {
[native code] }``; its static members (``Object.keys``) JS functions too; no Python type, so
``isinstance(x, js.Response)`` is Python's ``TypeError``. The calls still do what they did. The
reprs are workerd's ``String()`` of the same values (``function fetch() { [native code] }``,
``function () { [native code] }`` for ``console.log``, ``[object Crypto]``), measured under
``wrangler dev`` 4.164.0, as are ``navigator``'s own properties."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env import load_worker

ENTRY = """
import js
from js import JSON, Object
from workers import Response, WorkerEntrypoint
from pyodide.ffi import JsProxy, to_js

NAMES = ("fetch", "console", "Object", "Array", "Response", "Request", "Headers", "URL", "Promise", "Map", "Set",
         "Date", "Error", "TypeError", "Number", "String", "Boolean", "Symbol", "BigInt", "setTimeout",
         "queueMicrotask", "atob", "crypto", "navigator", "Uint8Array", "ArrayBuffer", "TextEncoder", "AbortController",
         "AbortSignal", "ReadableStream", "FormData", "Blob", "parseInt", "encodeURIComponent")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            isinstance(js.Response.new("x"), js.Response)
            checked = "answered"
        except TypeError as error:
            checked = str(error)
        made = Object.new()
        made.a = 1
        return Response.json({
            "not_proxies": [n for n in NAMES if not (isinstance(getattr(js, n), JsProxy)
                                                     and str(type(getattr(js, n))) == "<class 'pyodide.ffi.JsProxy'>")],
            "functions": [[n, callable(getattr(js, n)), getattr(js, n).typeof] for n in ("fetch", "Object", "Response")],
            "objects": [[n, callable(getattr(js, n)), getattr(js, n).typeof] for n in ("console", "crypto")],
            "reprs": [repr(x) for x in (js.Object, js.Promise, js.fetch, js.parseInt, js.Response, js.console,
                                        js.crypto, js.console.log, Object.keys)],
            "names": [js.Object.name, js.fetch.name, js.Response.name, Object.keys.name],
            "statics": [isinstance(Object.keys, JsProxy), Object.keys is Object.keys,
                        Object.keys(made).to_py(), js.Response.json(to_js({"k": 1})).status],
            "isinstance": checked,
            "calls": [js.Number("3"), js.String(3), js.parseInt("12px"), js.atob(js.btoa("hi")),
                      js.Error.new("x").message, len(js.crypto.randomUUID()), Object().to_py()],
            "json": JSON.stringify(to_js({"f": Object.keys, "a": 1}, dict_converter=Object.fromEntries)),
            "navigator": [js.String(js.navigator), Object.keys(js.navigator).to_py(), JSON.stringify(js.navigator),
                          Object.keys(js.crypto).length],
        })
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_js_globals_are_jsproxies_as_in_pyodide(tmp_path: Path, date: str) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    assert got == {
        "not_proxies": [],
        "functions": [["fetch", True, "function"], ["Object", True, "function"], ["Response", True, "function"]],
        "objects": [["console", False, "object"], ["crypto", False, "object"]],
        "reprs": ["function Object() { [native code] }", "function Promise() { [native code] }",
                  "function fetch() { [native code] }", "function parseInt() { [native code] }",
                  "function Response() { [native code] }", "[object console]", "[object Crypto]",
                  "function () { [native code] }", "function keys() { [native code] }"],
        "names": ["Object", "fetch", "Response", "keys"],
        "statics": [True, False, ["a"], 200],
        "isinstance": "isinstance() arg 2 must be a type, a tuple of types, or a union",
        "calls": [3, "3", 12, "hi", "x", 36, {}],
        "json": '{"a":1}',
        # as workerd has them (wrangler dev 4.164.0: Object.keys(navigator), JSON.stringify(navigator))
        "navigator": ["[object Navigator]", ["languages", "language", "platform", "hardwareConcurrency", "userAgent"],
                      '{"languages":["en"],"language":"en","platform":"","hardwareConcurrency":1,'
                      '"userAgent":"Cloudflare-Workers"}', 0],
    }


LOGS = """
import js
from pyodide.ffi import to_js
from workers import WorkerEntrypoint, Response


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        js.console.log(js.Object, js.fetch, to_js([js.JSON.parse]))  # (a Python list: its PyProxy)
        return Response("ok")
"""


def test_console_log_writes_a_js_function_as_util_inspect(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    worker = load_worker(one_file_worker(tmp_path, LOGS, date="2025-10-01"))

    async def scenario() -> str:
        return await (await worker.fetch("/")).text()

    assert asyncio.run(scenario()) == "ok"
    assert "[Function: Object] [Function: fetch] [ [Function: parse] ]" in capsys.readouterr().out



ANONYMOUS_LOG = """
import js
from pyodide.ffi import create_proxy
from workers import WorkerEntrypoint, Response


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        def executor(resolve, reject):
            js.console.log(resolve, reject)
            resolve(1)

        await js.Promise.new(create_proxy(executor))
        return Response("ok")
"""


def test_console_log_writes_an_anonymous_js_function_as_util_inspect(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # a promise's resolve and reject have no name: wrangler dev 4.164.0 logs a JavaScript Worker's so
    worker = load_worker(one_file_worker(tmp_path, ANONYMOUS_LOG, date="2026-08-01"))

    async def scenario() -> str:
        return await (await worker.fetch("/")).text()

    assert asyncio.run(scenario()) == "ok"
    assert "[Function (anonymous)] [Function (anonymous)]\n" in capsys.readouterr().out

STATICS_LOG = """
import js
from pyodide.ffi import to_js
from workers import WorkerEntrypoint, Response


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        js.console.log(js.Response)
        js.console.log(to_js([js.AbortSignal]), js.Request)
        return Response("ok")
"""


def test_console_log_writes_a_workerd_class_with_its_enumerable_statics(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """As workerd's console.log under wrangler dev 4.164.0: jsg's statics are enumerable, so
    util.inspect lists them after the function (a class without statics, ``Request``, alone)."""
    worker = load_worker(one_file_worker(tmp_path, STATICS_LOG, date="2025-10-01"))

    async def scenario() -> str:
        return await (await worker.fetch("/")).text()

    assert asyncio.run(scenario()) == "ok"
    assert ("[Function: Response] {\n  error: [Function: error],\n  redirect: [Function: redirect],\n"
            "  json: [Function: json]\n}\n"
            "[\n  [Function: AbortSignal] {\n    abort: [Function: abort],\n    timeout: [Function: timeout],\n"
            "    any: [Function: any]\n  }\n] [Function: Request]\n") in capsys.readouterr().out
