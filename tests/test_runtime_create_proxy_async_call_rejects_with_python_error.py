"""What the body of a ``create_proxy``'d ``async def`` raises reaches the Python code awaiting the
call as the ``PythonError`` JavaScript saw -- a ``JsException`` whose text is ``PythonError:`` and
the traceback (the Worker's frames, ``ValueError: no`` last), a ``CancelledError`` too --, as
Pyodide's future takes the rejected promise (npm pyodide 0.26.0a4, 0.28.2 and 314.0.6 alike; group
``proxy-async-calls``, proxycall58). workers-env raised the ``ValueError`` itself. A failed call
nobody awaits is reported as Pyodide's loop reports it: ``PyodideFuture exception was never
retrieved``, its exception the ``JsException``."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio, gc
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


async def bad():
    raise ValueError("no")


async def stopped():
    raise asyncio.CancelledError()


async def caught(call):
    try:
        await call()
    except BaseException as e:
        return [type(e).__name__, str(e)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {"raised": await caught(create_proxy(bad)), "cancelled": await caught(create_proxy(stopped))}
        out["catch"] = await create_proxy(bad)().catch(lambda e: type(e).__name__)
        loop = asyncio.get_running_loop()
        seen = []
        loop.set_exception_handler(lambda l, c: seen.append([c.get("message", ""), type(c.get("exception")).__name__]))
        create_proxy(bad)()
        for i in range(4):
            await asyncio.sleep(0)
        gc.collect()
        await asyncio.sleep(0)
        loop.set_exception_handler(None)
        out["unawaited"] = seen
        return Response.json(out)
'''


@pytest.fixture(scope="module")
def errors(tmp_path_factory):
    return json_answer(one_file_worker(tmp_path_factory.mktemp("w"), ENTRY), "/")


def test_awaiting_raises_the_python_error_javascript_saw(errors):
    name, text = errors["raised"]
    assert name == "JsException"
    assert text.startswith("PythonError: Traceback (most recent call last):\n")
    assert 'line 8, in bad\n' in text
    assert text.endswith("\nValueError: no\n")
    assert "workers_env" not in text


def test_a_cancelled_body_rejects_too(errors):
    name, text = errors["cancelled"]
    assert name == "JsException"
    assert text.endswith("\nasyncio.exceptions.CancelledError\n")


def test_catch_gets_the_js_exception(errors):
    assert errors["catch"] == "JsException"


def test_a_failed_call_nobody_awaits_is_reported_as_pyodides_loop_does(errors):
    assert errors["unawaited"] == [["PyodideFuture exception was never retrieved", "JsException"]]
