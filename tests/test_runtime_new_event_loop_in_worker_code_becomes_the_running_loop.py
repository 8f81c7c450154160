"""``asyncio.new_event_loop()`` called by a handler is Pyodide's new ``WebLoop``, whose ``__init__``
makes it the running loop (``webloop.py`` of 0.26.0a4, 0.28.2, 314.0.6; measured under Node with
JSPI, as workerd runs Pyodide): ``get_running_loop()`` and ``get_event_loop()`` give it, it is
running and never closes, and a future made from then on (``asyncio.sleep``'s, a JS promise's) is
attached to it, so the handler's task, on the first loop, awaiting it is asyncio's
``RuntimeError: Task ... got Future ... attached to a different loop`` in every era (on 314.0.6
in the step that made the loop only: see the era test beside this one). Before,
workers-env gave a plain asyncio loop, not running, and the awaits went on."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    import js
    from pyodide.webloop import WebLoop
    from workers import Response, WorkerEntrypoint


    async def waited(awaitable):
        try:
            return await awaitable
        except RuntimeError as error:
            return str(error)


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            old = asyncio.get_running_loop()
            new = asyncio.new_event_loop()
            got = [type(new).__name__, isinstance(new, WebLoop), new is old,
                   asyncio.get_running_loop() is new, asyncio.get_event_loop() is new,
                   new.is_running(), repr(new.close()), new.is_closed()]
            got.append(await waited(asyncio.sleep(0.01)))
            got.append(await waited(js.Promise.resolve(1)))
            asyncio._set_running_loop(old)  # back on the first loop: its waits go on
            got.append(await asyncio.sleep(0.01, "ran on"))
            return Response.json(got)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "later_step"), [("2025-09-01", "fails"), ("2025-10-01", "fails"), ("2026-09-08", 1)])
async def test_a_new_loop_is_the_running_loop_and_the_handlers_awaits_fail(tmp_path, date, later_step):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    got = await (await worker.fetch("/")).json()
    assert got[:8] == ["WebLoop", True, False, True, True, True, "None", False]
    # the JS promise is awaited a step later: still on the new loop but on 314.0.6
    failed = got[8:9] if later_step != "fails" else got[8:10]
    for message in failed:
        assert message.startswith("Task <") and message.endswith("attached to a different loop"), message
        assert "got Future <PyodideFuture pending" in message
    if later_step != "fails":
        assert got[9] == later_step
    assert got[10] == "ran on"


@pytest.mark.asyncio
async def test_test_codes_new_loop_stays_asyncios(tmp_path):
    load_worker(one_file_worker(tmp_path, ENTRY, date="2025-10-01"))
    running = asyncio.get_running_loop()
    loop = asyncio.new_event_loop()
    try:
        assert isinstance(loop, asyncio.BaseEventLoop) and not loop.is_running()
        assert asyncio.get_running_loop() is running
    finally:
        loop.close()
    assert loop.is_closed()
