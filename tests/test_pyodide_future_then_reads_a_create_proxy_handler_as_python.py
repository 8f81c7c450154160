"""A promise's ``then``/``catch``/``finally_`` in Worker code is Pyodide's ``webloop`` -- Python code
calling the handler -- so a ``create_proxy``'d ``async def`` handler answers it as it answers any
Python caller: the ``PyodideFuture`` of its promise, whose failure is the ``JsException`` of its
``PythonError``, a ``CancelledError`` too. Real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 alike (review90,
measured with tools/pyodide's snippet runner). workers-env took the handler's task as a JavaScript
caller's: its own ``ValueError`` came through, and a ``CancelledError`` left the returned promise
pending for ever (the request hung). A plain function's error stays itself, as in Pyodide."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import js
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


async def bad(*args):
    raise ValueError("no")


async def cancelled(*args):
    raise asyncio.CancelledError()


def sync_bad(*args):
    raise ValueError("sync")


async def now(value):
    return value * 2


async def outcome(make):
    try:
        return ["value", await asyncio.wait_for(make(), 5)]
    except asyncio.TimeoutError:
        return ["pending"]
    except BaseException as e:
        return [type(e).__name__, str(e).splitlines()[-1]]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        one = lambda: js.Promise.resolve(1)
        failed = lambda: js.Promise.reject(js.Error.new("e"))
        return Response.json({
            "then": await outcome(lambda: one().then(create_proxy(bad))),
            "catch": await outcome(lambda: failed().catch(create_proxy(bad))),
            "finally": await outcome(lambda: one().finally_(create_proxy(bad))),
            "sync returning one": await outcome(lambda: one().then(create_proxy(lambda v: bad()))),
            "cancelled": await outcome(lambda: one().then(create_proxy(cancelled))),
            "value": await outcome(lambda: one().then(create_proxy(now)).then(create_proxy(now))),
            "plain async def": await outcome(lambda: one().then(bad)),
            "sync raising": await outcome(lambda: one().then(create_proxy(sync_bad))),
        })
'''


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    return json_answer(one_file_worker(tmp_path_factory.mktemp("w"), ENTRY), "/")


@pytest.mark.parametrize("name", ["then", "catch", "finally", "sync returning one"])
def test_a_proxied_handlers_failure_is_its_python_error(outcomes, name):
    assert outcomes[name] == ["JsException", "ValueError: no"]


def test_a_proxied_handlers_cancelled_error_rejects_and_does_not_hang(outcomes):
    assert outcomes["cancelled"] == ["JsException", "asyncio.exceptions.CancelledError"]


def test_a_proxied_handlers_value_passes_on(outcomes):
    assert outcomes["value"] == ["value", 4]


@pytest.mark.parametrize(("name", "error"), [("plain async def", "no"), ("sync raising", "sync")])
def test_an_error_not_from_a_proxied_coroutine_stays_itself(outcomes, name, error):
    assert outcomes[name] == ["ValueError", error]
