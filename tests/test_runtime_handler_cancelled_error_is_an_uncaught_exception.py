"""A ``CancelledError`` the Worker's own code raises (it awaited a task it had cancelled) is an
uncaught exception of the handler, as any other: in production the handler's coroutine ends
as a cancelled future, and Pyodide's conversion of it to the promise workerd awaits
(``pyproxy.c`` ``FutureDoneCallback``: ``future.result()`` raises) rejects it with a
``PythonError`` of type ``CancelledError`` carrying its traceback (Pyodide 0.28.2 under Node),
so workerd fails the request or event and logs it. In-process the caller gets
``HandlerCancelledError`` (a ``WorkersEnvError``; the ``CancelledError`` is its cause), not a
bare ``CancelledError`` that reads as the caller's own task being cancelled. A caller that
really cancels the request still sees a cancellation. Once, every one of these paths handed
the caller a bare ``CancelledError``."""

from __future__ import annotations

import asyncio
import logging

import pytest
from worker_helpers import OWN_CANCEL, one_file_worker

from workers_env import HandlerCancelledError, WorkersEnvError, load_worker

ENTRY = """
import asyncio
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint

SEEN = []


""" + OWN_CANCEL + """


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/own-cancel":
            await own_cancel()
        if path == "/value-error":
            raise ValueError("bad")
        if path == "/background":
            async def later():
                await own_cancel()
                SEEN.append("never")
            self.ctx.waitUntil(later())
        if path == "/hang":
            try:
                await asyncio.sleep(30)
            finally:
                SEEN.append("hang ended")
        return Response("answered")

    async def scheduled(self, controller, env, ctx):
        await own_cancel()

    async def queue(self, batch, env, ctx):
        await own_cancel()

    async def method(self):
        await own_cancel()
"""


def _worker(tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY))


def test_fetch_raises_it_as_a_handler_error_and_the_worker_keeps_answering(tmp_path):
    worker = _worker(tmp_path)

    async def scenario():
        with pytest.raises(ValueError, match="bad"):  # how any other handler error reaches the caller
            await worker.fetch("/value-error")
        with pytest.raises(HandlerCancelledError) as caught:
            await worker.fetch("/own-cancel")
        assert not asyncio.current_task().cancelling()  # this task was never cancelled
        answered = await worker.fetch("/")
        return caught.value, await answered.text()

    error, text = asyncio.run(scenario())
    assert text == "answered"
    assert isinstance(error, WorkersEnvError) and not isinstance(error, asyncio.CancelledError)
    assert isinstance(error.__cause__, asyncio.CancelledError)
    assert str(error).startswith("The Worker's fetch handler raised asyncio.CancelledError")


@pytest.mark.parametrize("event", ["scheduled", "queue", "rpc", "call"])
def test_events_and_rpc_raise_it_as_a_handler_error(tmp_path, event):
    worker = _worker(tmp_path)
    call = {"scheduled": lambda: worker.scheduled("* * * * *"), "queue": lambda: worker.queue(["m"]),
            "rpc": lambda: worker.rpc("method"), "call": lambda: worker.call(worker.module.own_cancel)}[event]

    async def scenario():
        with pytest.raises(HandlerCancelledError) as caught:
            await call()
        return caught.value

    error = asyncio.run(scenario())
    what = {"rpc": "RPC method", "call": "function called by worker.call()"}.get(event, f"{event} handler")
    assert str(error).startswith(f"The Worker's {what} raised asyncio.CancelledError")


def test_wait_until_work_that_raises_it_is_logged_as_uncaught(tmp_path, caplog):
    worker = _worker(tmp_path)

    async def scenario():
        answered = await worker.fetch("/background")
        return await answered.text()

    with caplog.at_level(logging.ERROR, logger="workers_env.worker"):
        assert asyncio.run(scenario()) == "answered"
    [record] = [r for r in caplog.records if r.getMessage() == "Uncaught exception in waitUntil()"]
    assert record.exc_info is not None and isinstance(record.exc_info[1], asyncio.CancelledError)
    shown = logging.Formatter().formatException(record.exc_info)  # the Worker's frames, as Pyodide's traceback
    assert "in later" in shown and "in own_cancel" in shown and "workers_env" not in shown
    assert "never" not in worker.module.SEEN


def test_a_caller_that_cancels_the_request_still_sees_a_cancellation(tmp_path):
    worker = _worker(tmp_path)

    async def scenario():
        with pytest.raises(TimeoutError):  # wait_for's cancellation of the request, turned into its timeout
            await asyncio.wait_for(worker.fetch("/hang"), 0.2)
        request = asyncio.ensure_future(worker.fetch("/hang"))
        await asyncio.sleep(0.2)
        request.cancel()
        with pytest.raises(asyncio.CancelledError):
            await request
        return request.cancelled()

    assert asyncio.run(scenario()) is True
    assert worker.module.SEEN == ["hang ended", "hang ended"]
