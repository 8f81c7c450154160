"""A JS promise that adopts a Python coroutine or future which raises is rejected with Pyodide's
``PythonError`` -- a JS ``Error`` named ``PythonError`` whose message is the traceback and whose
``type`` is the exception's class name -- not with the Python exception itself; so is one whose
Python executor or JS-thenable ``then`` raises. Measured on Pyodide 0.26.0a4 and 0.28.2 alike
(tools/pyodide/pyodide_differential.py, group ``hangleft-python-errors``): ``allSettled``'s
``reason``, ``any``'s ``errors``, a ``catch`` handler's argument, and Python awaiting the promise
gets a ``JsException`` reading ``PythonError: Traceback ...``. A Python ``then`` handler's error
rejects with its PythonError in every era, as 0.26.0a4 (0.28.2 and 314.0.6 fulfil with -1 instead:
README, Where we had to choose; the handlers of ``catch``/``finally_`` in
test_runtime_python_promise_handler_error_is_a_python_error_in_every_era.py). ``finally_`` passes
the reason on as it is. Once, every one of these passed the Python exception through."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import json
from urllib.parse import urlparse

import js
from js import Object
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint


async def boom():
    raise ValueError("boom")


def described(error):
    return [type(error).__name__, str(error), getattr(error, "name", "-"), getattr(error, "type", "-")]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        out = []
        if path == "/all-settled":
            settled = await js.Promise.allSettled(to_js([boom()]))
            out = described(settled[0].reason)
        elif path == "/any":
            try:
                await js.Promise.any(to_js([boom()]))
            except Exception as e:
                out = [described(x) for x in e.errors]
        elif path == "/catch":
            await js.Promise.resolve(boom()).catch(create_proxy(lambda e: out.extend(described(e))))
        elif path == "/awaited":
            try:
                await js.Promise.resolve(boom())
            except Exception as e:
                out = described(e) + [e.message]
        elif path == "/future":
            future = asyncio.get_running_loop().create_future()
            future.set_exception(KeyError("k"))
            settled = await js.Promise.allSettled(to_js([future]))
            out = described(settled[0].reason)
        elif path == "/executor":
            def executor(resolve, reject):
                raise ValueError("in executor")
            try:
                await js.Promise.new(executor)
            except Exception as e:
                out = described(e)
        elif path == "/thenable":
            def then(resolve, reject):
                raise ValueError("no then")
            thenable = Object.new()
            thenable.then = create_proxy(then)
            try:
                await js.Promise.resolve(thenable)
            except Exception as e:
                out = described(e)
        elif path == "/handler":
            def handler(value):
                raise ValueError("in handler")
            try:
                await js.Promise.new(lambda resolve, reject: resolve(1)).then(handler)
            except Exception as e:
                out = described(e)
        elif path == "/finally":
            error = js.Error.new("kept")
            try:
                await js.Promise.new(lambda resolve, reject: reject(error)).finally_(lambda: None)
            except Exception as e:
                out = described(e) + [e is error]
        return Response(json.dumps(out))
'''

TRACEBACK = 'Traceback (most recent call last):\n  File "/src/entry.py", line 13, in boom\n    raise ValueError("boom")\nValueError: boom\n'


def _boom(tmp_path, answer):
    """``answer`` with the Worker's file as its traceback names it (the absolute path here)."""
    entry = str(tmp_path / "src" / "entry.py")
    return [part.replace('"/src/entry.py"', f'"{entry}"') if isinstance(part, str) else part for part in answer]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])
@pytest.mark.parametrize("path", ["/all-settled", "/catch"])
def test_a_rejection_js_reads_is_the_python_error(tmp_path, date, path):
    one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(tmp_path, path) == _boom(tmp_path, ["JsException", "PythonError: " + TRACEBACK, "PythonError",
                                                           "ValueError"])


def test_promise_any_lists_the_python_errors(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    assert json_answer(tmp_path, "/any") == [_boom(tmp_path, ["JsException", "PythonError: " + TRACEBACK,
                                                              "PythonError", "ValueError"])]


def test_python_awaiting_the_promise_gets_a_js_exception_of_the_python_error(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    assert json_answer(tmp_path, "/awaited") == _boom(tmp_path, ["JsException", "PythonError: " + TRACEBACK,
                                                                 "PythonError", "ValueError", TRACEBACK])


def test_a_future_set_with_an_exception_has_no_traceback_lines(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    assert json_answer(tmp_path, "/future") == ["JsException", "PythonError: KeyError: 'k'\n", "PythonError",
                                                "KeyError"]


@pytest.mark.parametrize("path", ["/executor", "/thenable"])
def test_a_python_executor_or_thenable_then_that_raises_rejects_with_its_python_error(tmp_path, path):
    one_file_worker(tmp_path, ENTRY)
    name, text, js_name, kind = json_answer(tmp_path, path)
    assert (name, js_name, kind) == ("JsException", "PythonError", "ValueError")
    assert text.startswith("PythonError: Traceback (most recent call last):\n")
    assert text.endswith("ValueError: in executor\n" if path == "/executor" else "ValueError: no then\n")


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])
def test_a_python_then_handler_that_raises_rejects_with_its_python_error_in_every_era(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date)
    name, text, js_name, kind = json_answer(tmp_path, "/handler")
    assert [name, js_name, kind] == ["JsException", "PythonError", "ValueError"]
    assert text.startswith("PythonError: Traceback (most recent call last):\n") and text.endswith("ValueError: in handler\n")


def test_finally_passes_the_reason_on_as_it_is(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    assert json_answer(tmp_path, "/finally") == ["JsException", "Error: kept", "Error", "-", True]
