"""A JS promise whose Python code raises a ``BaseException`` that is no ``Exception`` --
``KeyboardInterrupt``, ``SystemExit``, ``asyncio.CancelledError``, ``GeneratorExit`` -- rejects with its
``PythonError`` as for any error, and is never left pending: a ``then`` handler's (sync or ``async def``),
a ``Promise.new`` executor's, a thenable's ``then`` (audit37), and an awaitable a combinator adopts (``Promise.all([coro()])``). Real
Pyodide 0.26.0a4 rejects the ``then`` promise with the ``JsException`` in every such case and Pyodide
314.0.6 rejects ``Promise.all(to_js([create_proxy(async_fn)()]))`` so (measured under Node, leftovers60);
workers-env re-raised ``KeyboardInterrupt``/``SystemExit`` out of the promise job and let the others
leave the promise pending for ever (``_follow`` caught ``Exception`` only). The loop goes on: the
handler answers."""

from __future__ import annotations

import logging

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import json

import js
from workers import Response, WorkerEntrypoint

KINDS = {"KeyboardInterrupt": KeyboardInterrupt, "SystemExit": SystemExit,
         "CancelledError": asyncio.CancelledError, "GeneratorExit": GeneratorExit}


def sync(kind):
    def handler(*args):
        raise KINDS[kind]("x")
    return handler


def asyn(kind):
    async def handler(*args):
        raise KINDS[kind]("x")
    return handler


def thenable(kind):
    made = js.Object.new()
    made.then = sync(kind)  # (its then raising as it is called, as a thenable's may)
    return made


CASES = {
    "then sync": lambda kind: js.Promise.new(lambda r, j: r(1)).then(sync(kind)),
    "then async": lambda kind: js.Promise.new(lambda r, j: r(1)).then(asyn(kind)),
    "executor": lambda kind: js.Promise.new(sync(kind)),
    "all": lambda kind: js.Promise.all(iter([asyn(kind)()])),  # (an iterator: its items are not borrowed)
    "thenable": lambda kind: js.Promise.resolve(thenable(kind)),
}


async def outcome(make):
    try:
        return "-> " + repr(await asyncio.wait_for(make(), 5))
    except asyncio.TimeoutError:
        return "pending"
    except BaseException as e:
        return f"{type(e).__name__} {getattr(e, 'name', '')} {str(e).splitlines()[-1]}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for kind in KINDS:
            for name, make in CASES.items():
                out[f"{name} {kind}"] = await outcome(lambda: make(kind))
        return Response(json.dumps(out))
'''


def test_every_base_exception_rejects_the_promise(tmp_path, caplog):
    one_file_worker(tmp_path, ENTRY, date="2025-10-01")
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        answer = json_answer(tmp_path, "/")
    # the awaitables an async then handler and Promise.all hand on, raising KeyboardInterrupt/SystemExit: rejected, and logged as an
    # uncaught error of the Worker's task (asyncio's Task re-raises them out of the loop; audit37)
    assert [(r.getMessage(), type(r.exc_info[1]).__name__) for r in caplog.records
            if r.name == "workers_env.runtime"] == [("Uncaught exception in a task the Worker started", kind)
                                                     for kind in ("KeyboardInterrupt", "SystemExit") for _ in ("then async", "all")]
    shown = {"KeyboardInterrupt": "KeyboardInterrupt: x", "SystemExit": "SystemExit: x",
             "CancelledError": "asyncio.exceptions.CancelledError: x", "GeneratorExit": "GeneratorExit: x"}
    assert answer == {f"{name} {kind}": f"JsException PythonError {last}"
                      for kind, last in shown.items() for name in ("then sync", "then async", "executor", "all", "thenable")}
