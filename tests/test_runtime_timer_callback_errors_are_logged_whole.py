"""What a timer's callback raises is the runtime's uncaught error: logged on the
``workers_env.runtime`` logger as ``Uncaught exception in a timer callback`` with the callback's
own exception (the traceback from the callback's frame, as Pyodide's), and the request goes on --
for a ``setTimeout`` set while a request runs; one the Worker's top level set without a delay runs
as a microtask once the top level has run, as workerd's ``setTimeoutTopLevelPatch`` does, and is
logged as a microtask's error (``... top-level setTimeout callback``: dev prints it once). workers-env's words, a Python logger's line with
the traceback; production logs ``Uncaught Error: <message>`` for a JS Worker's throwing timer
(``wrangler dev`` 4.164.0, measured), as README's log lines say."""

from __future__ import annotations

import asyncio
import logging

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
from js import setTimeout
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


def at_the_top_level():
    raise ValueError("boom at the top level")


setTimeout(create_proxy(at_the_top_level), 0)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        def in_the_request():
            raise ValueError("boom in the request")

        setTimeout(create_proxy(in_the_request), 0)
        for _ in range(200):
            await asyncio.sleep(0.005)
        return Response("still answered")
'''


@pytest.mark.asyncio
async def test_each_throwing_callback_is_logged_as_uncaught(tmp_path, caplog):
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        worker = load_worker(one_file_worker(tmp_path, ENTRY))
        response = await worker.fetch("/")
        assert await response.text() == "still answered"
        await asyncio.sleep(0)
    logged = [(r.getMessage(), str(r.exc_info[1]) if r.exc_info else None) for r in caplog.records
              if r.name == "workers_env.runtime"]
    assert logged == [("Uncaught exception in a top-level setTimeout callback", "boom at the top level"),
                      ("Uncaught exception in a timer callback", "boom in the request")]
    for record in caplog.records:  # the callback's own frames first, none of workers-env's
        tb = record.exc_info[2]
        assert tb.tb_frame.f_code.co_name in ("at_the_top_level", "in_the_request"), tb.tb_frame.f_code
