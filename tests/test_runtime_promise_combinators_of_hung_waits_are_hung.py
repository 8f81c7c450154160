"""``Promise.all``/``race``/``allSettled``/``any`` of stream waits nobody can finish are workerd's
hung request when awaited, as each wait awaited alone is: a combinator's promise is settled by
its inputs, so it is hung when every input still pending is. Measured under wrangler dev
4.164.0 with a JavaScript Worker doing the same (``await Promise.all(to_js([w.write(x), w2.write(y)]))``
over ``new TransformStream()`` writables nothing reads): each of these is the 500 with ``The
Workers runtime canceled this request because it detected that your Worker's code had hung ...``
-- one input already settled (``Promise.all(to_js([Promise.resolve(1), write]))``), nested
combinators, and an ``all`` with a timer's promise once the timer fired too -- while a ``race``
with a timer's promise settles when the timer fires. Before, such a request waited forever. The
inputs are a JS array (``to_js``): a Python list's futures are borrowed proxies in production,
which reject at once (tests/test_runtime_promise_combinators_of_python_lists.py)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
import js
from js import Promise, TransformStream, TextEncoder, ReadableStream, setTimeout
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def write():
    writer = TransformStream.new().writable.getWriter()
    return writer.write(TextEncoder.new().encode("nobody reads this"))


def pipe():  # a source that never closes, piped: the pipe never ends
    return ReadableStream.new().pipeTo(TransformStream.new().writable)


def timer():
    return Promise.new(lambda resolve, reject: setTimeout(resolve, 50))


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        how = request.url.rsplit("/", 1)[1]
        if how == "all":
            await Promise.all(to_js([write(), write()]))
        elif how == "all-one-settled":
            await Promise.all(to_js([Promise.resolve(1), write()]))
        elif how == "race":
            await Promise.race(to_js([write(), pipe()]))
        elif how == "allSettled":
            await Promise.allSettled(to_js([write(), pipe()]))
        elif how == "any":
            await Promise.any(to_js([write(), write()]))
        elif how == "nested":
            await Promise.all(to_js([Promise.race(to_js([write()])), write()]))
        elif how == "all-timer":
            await Promise.all(to_js([write(), timer()]))
        elif how == "then":
            await Promise.all(to_js([write()])).then(lambda v: v)
        elif how == "race-timer":
            await Promise.race(to_js([write(), timer()]))
        return Response("done " + how)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["all", "all-one-settled", "race", "allSettled", "any", "nested", "all-timer", "then"])
async def test_a_combinator_of_hung_waits_is_a_hung_request(tmp_path, how):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(JsException, match="your Worker's code had hung and would never generate a response"):
        await asyncio.wait_for(worker.fetch(f"/{how}"), 30)  # the bound only keeps a miss from waiting forever


@pytest.mark.asyncio
async def test_a_race_with_a_timer_settles_when_the_timer_fires(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    resp = await asyncio.wait_for(worker.fetch("/race-timer"), 30)
    assert (resp.status, await resp.text()) == (200, "done race-timer")
