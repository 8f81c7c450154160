"""A Python handler given to a JS promise's ``then``/``catch``/``finally_`` that raises rejects the
promise it returned with Pyodide's ``PythonError`` in every SDK era: JavaScript reading it
(``allSettled``'s ``reason``, handed to Python as a ``JsException``) sees ``name`` ``PythonError``,
the traceback as its message and the class name as ``type``, and Python awaiting it gets that
``JsException`` -- measured in real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 (tools/pyodide, group
``promise-rejections``). On the ``PyodideFuture`` a JS call returns (``Promise.resolve(1)``) the
handlers are Python's own: awaiting gives the exception itself, JavaScript its PythonError.
Before, the 0.28 and 3.14 eras passed the exception itself on from a ``Promise.new`` promise's
handlers. (A fulfilment handler's error 0.28.2 and 314.0.6 swallow, fulfilling with ``-1``:
README, Where we had to choose.)"""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import json

import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def boom(*args):
    raise ValueError("boom")


def made(kind):
    if kind == "new-ok":
        return js.Promise.new(lambda resolve, reject: resolve(1))
    if kind == "new-rejected":
        return js.Promise.new(lambda resolve, reject: reject(js.Error.new("first")))
    if kind == "call-ok":
        return js.Promise.resolve(1)
    return js.Promise.reject(js.Error.new("first"))


CHAINS = {
    "then": ("ok", lambda p: p.then(boom)),
    "then-rejected": ("rejected", lambda p: p.then(None, boom)),
    "catch": ("rejected", lambda p: p.catch(boom)),
    "finally": ("ok", lambda p: p.finally_(boom)),
    "finally-rejected": ("rejected", lambda p: p.finally_(boom)),
}


def described(error):
    text = str(error)
    return [type(error).__name__, getattr(error, "name", "-"), getattr(error, "type", "-"),
            text.startswith("PythonError: Traceback (most recent call last):"), text.splitlines()[-1]]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for origin in ("new", "call"):
            for name, (outcome, chain) in CHAINS.items():
                settled = await js.Promise.allSettled(to_js([chain(made(f"{origin}-{outcome}"))]))
                try:
                    await chain(made(f"{origin}-{outcome}"))
                    awaited = "no error"
                except Exception as e:
                    awaited = described(e)
                out[f"{origin} {name}"] = [settled[0].status, described(settled[0].reason), awaited]
        return Response(json.dumps(out))
'''

PYTHON_ERROR = ["JsException", "PythonError", "ValueError", True, "ValueError: boom"]
ITSELF = ["ValueError", "-", "-", False, "boom"]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_a_raising_handler_rejects_with_its_python_error(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date)
    answer = json_answer(tmp_path, "/")
    names = ("then", "then-rejected", "catch", "finally", "finally-rejected")
    assert answer == {**{f"new {name}": ["rejected", PYTHON_ERROR, PYTHON_ERROR] for name in names},
                      **{f"call {name}": ["rejected", PYTHON_ERROR, ITSELF] for name in names}}
