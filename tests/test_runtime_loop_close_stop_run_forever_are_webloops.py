"""``loop.close()``, ``loop.run_forever()`` and ``loop.stop()`` called by Worker code on the running
loop are Pyodide's ``WebLoop``'s, which has "no lifecycle management" (``webloop.py`` in the
standard library zip of Pyodide 0.26.0a4, 0.28.2 and 314.0.6, each measured under Node with the
same calls): ``close()`` and ``run_forever()`` do nothing (the loop is not closed and runs on);
``stop()`` is ``AbstractEventLoop.stop``'s bare ``NotImplementedError`` on 0.26 and 0.28, where
``WebLoop`` has none, and does nothing on 314.0.x (compatibility dates from 2026-09-08), which
adds it. CPython's refuse the running loop (``Cannot close a running event loop``, ``This event
loop is already running``) or, for ``stop()``, stop it under the request. A loop Worker code
makes (``asyncio.new_event_loop()``) is another ``WebLoop``, whose ``close()`` is ignored too."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    def outcome(call):
        try:
            return repr(call())
        except Exception as error:
            return f"{type(error).__name__}({error})"


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            loop = asyncio.get_running_loop()
            got = [outcome(loop.close), loop.is_closed(), outcome(loop.run_forever), outcome(loop.stop),
                   outcome(asyncio.get_event_loop().stop), loop.is_running()]
            got.append(await asyncio.sleep(0.01, "ran on"))
            fresh = asyncio.new_event_loop()
            fresh.close()  # a new WebLoop too ignores it (runtime/newloops.py)
            got.append(fresh.is_closed())
            return Response.json(got)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "stopped"), [("2025-09-01", "NotImplementedError()"),
                                                ("2026-05-01", "NotImplementedError()"),
                                                ("2026-09-08", "None")])
async def test_close_run_forever_and_stop_are_webloops(tmp_path, date, stopped):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    got = await (await worker.fetch("/")).json()
    assert got == ["None", False, "None", stopped, stopped, True, "ran on", False]


@pytest.mark.asyncio
async def test_outside_worker_code_they_are_asyncios_own():
    loop = asyncio.get_running_loop()
    with pytest.raises(RuntimeError, match="Cannot close a running event loop"):
        loop.close()
    with pytest.raises(RuntimeError, match="This event loop is already running"):
        loop.run_forever()
