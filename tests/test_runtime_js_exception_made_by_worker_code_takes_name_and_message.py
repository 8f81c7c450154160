"""Worker code's ``JsException(name, message)`` is Pyodide's constructor (0.26.0a4, 0.28.2 and
314.0.6 under Node, tools/pyodide group ``dom-exception-codes``): a JS ``Error`` of that name
and message -- no DOMException, so no ``code`` -- which an ``AbortController`` takes as its
reason (Pyodide 0.28's ``pyodide.http`` makes its abort reasons so). Before, the second
argument was a ``TypeError``. One argument is the name there, as in Pyodide (tools/pyodide group
``jsexception-constructor``: the three versions alike), where workers-env's own code, a test's and
a test's fake binding keep ``JsException(message, name=...)``."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env import JsException, load_env, load_worker

ENTRY = '''
import js
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = JsException("AbortError", "why")
        controller = js.AbortController.new()
        controller.abort(made)
        reason = controller.signal.reason
        try:
            controller.signal.throwIfAborted()
        except JsException as exc:
            thrown = [exc is made, str(exc)]
        return Response.json({
            "made": [type(made).__name__, str(made), made.name, made.message, hasattr(made, "code")],
            "reason": [reason is made, str(reason)], "thrown": thrown,
        })
'''


def test_a_js_exception_of_a_name_and_a_message(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date="2026-09-28"), "/") == {
        "made": ["JsException", "AbortError: why", "AbortError", "why", False],
        "reason": [True, "AbortError: why"], "thrown": [True, "AbortError: why"],
    }


ONE_ARGUMENT = '''
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


def made(*args, **kwargs):
    try:
        e = JsException(*args, **kwargs)
    except TypeError as exc:
        return f"TypeError: {exc}"
    return [e.name, e.message, str(e), repr(e), e.stack]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.FAKE.get()
        except JsException as exc:
            faked = str(exc)
        return Response.json({
            "one": made("x"), "three": made("A", "m", "s"), "keywords": made(name="A", message="m"),
            "none": made(), "not_str": made("A", 3), "too_many": made("A", "m", "s", "t"), "unknown": made("A", foo=1),
            "both": made("A", "m", message="x"),
            "exec": eval("JsException('y')").name, "fake": faked,
        })
'''


class Fake:
    async def get(self):
        raise JsException("not found")  # a test's fake: workers-env's JsException(message)


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "unknown"), [
    ("2026-09-28", "TypeError: __new__() got an unexpected keyword argument 'foo'"),  # 0.28, 314.0.6
    ("2025-09-01", "TypeError: 'foo' is an invalid keyword argument for __new__()"),  # 0.26.0a4 (Python 3.12)
])
async def test_one_argument_is_the_name_in_the_workers_own_code(tmp_path, date, unknown):
    folder = one_file_worker(tmp_path, ONE_ARGUMENT, date=date)
    worker = load_worker(env=load_env(folder, bindings={"FAKE": Fake()}))
    assert await (await worker.fetch("/")).json() == {
        "one": ["x", "", "x", "x", ""], "three": ["A", "m", "A: m", "A: m", "s"], "keywords": ["A", "m", "A: m", "A: m", ""],
        "none": "TypeError: __new__() missing required argument 'name' (pos 1)",
        "not_str": "TypeError: __new__() argument 2 must be str, not int",
        "too_many": "TypeError: __new__() takes at most 3 arguments (4 given)", "unknown": unknown,
        # real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 alike (under Node)
        "both": "TypeError: argument for __new__() given by name ('message') and position (2)",
        "exec": "y", "fake": "Error: not found",
    }


def test_outside_worker_code_one_argument_is_the_message():
    error = JsException("boom")
    assert (error.name, error.message, str(error), error.stack) == ("Error", "boom", "Error: boom", "Error: boom")
