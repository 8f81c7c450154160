"""A JavaScript caller -- ``arr.forEach``, ``arr.map``, ``queueMicrotask`` -- of a ``create_proxy``
(or ``create_once_callable``) of an ``async def`` starts its body as a task at the call, though it
drops the answer, as Pyodide's ``callPyObjectKwargs`` does (``_ensure_future``): real Pyodide
0.26.0a4, 0.28.2 and 314.0.6 all log ``body 1 body 2`` for ``forEach``/``map`` and ``body None`` for
``queueMicrotask`` (review89's probe). workers-env's stand-ins handed back the coroutine, which
never ran ("coroutine ... was never awaited"); a ``capture_this`` one called with a thisArg too
(``forEach(p, obj)``: 0.26.0a4, 0.28.2 and 314.0.6 log ``body 1 body 2 end 1 end 2``, group
``proxy-async-calls``; audit35). A sync function's coroutine stays unrun, as there."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio, warnings
import js
from pyodide.ffi import create_proxy, create_once_callable
from workers import Response, WorkerEntrypoint


async def run(make):
    log = []

    async def co(x=None, *rest):
        log.append("body %s" % (x,))

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make(co)
        for _ in range(4):
            await asyncio.sleep(0)
    return [" ".join(log), [str(w.message) for w in caught if "never awaited" in str(w.message)]]


def with_this(co):
    async def called(this, x, *rest):
        await co(x)
    return called


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "forEach": await run(lambda co: js.Array.of(1, 2).forEach(create_proxy(co))),
            "map": await run(lambda co: js.Array.of(1, 2).map(create_proxy(co))),
            "queueMicrotask": await run(lambda co: js.queueMicrotask(create_proxy(co))),
            "once": await run(lambda co: js.queueMicrotask(create_once_callable(co))),
            "this": await run(lambda co: js.Array.of(1).forEach(create_proxy(lambda this, x, *r: co(x), capture_this=True), 5)),
            "this-async": await run(lambda co: js.Array.of(1, 2).forEach(create_proxy(with_this(co), capture_this=True), 5)),
        })
'''


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return json_answer(one_file_worker(tmp_path_factory.mktemp("w"), ENTRY), "/")


@pytest.mark.parametrize(("name", "log"), [
    ("forEach", "body 1 body 2"),
    ("map", "body 1 body 2"),
    ("queueMicrotask", "body None"),
    ("once", "body None"),
    ("this-async", "body 1 body 2"),  # capture_this, called with a thisArg (audit35; proxy-async-calls 52/52)
])
def test_the_body_runs_though_javascript_drops_the_answer(runs, name, log):
    assert runs[name] == [log, []]


def test_a_sync_functions_coroutine_stays_unrun(runs):
    # capture_this's callable is a lambda: a sync function's coroutine, which Pyodide hands over unrun
    assert runs["this"][0] == ""
