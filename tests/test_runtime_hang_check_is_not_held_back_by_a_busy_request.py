"""A request hung on a stream write is canceled promptly while another request on the same
event loop keeps its tasks busy: workerd's check is per request (a request is hung when no I/O
or timer of its own IoContext is left), so a neighbour streaming a large body, or looping over
``await asyncio.sleep(0)``, does not delay it. The check (runtime/stalls.py) waited while any
callback was about to run on the loop, so the hung request got its error only once the busy
one was done: after 2 s here, both through ``worker.fetch`` and under ``workers-env dev`` (the busy
request is busy for 1 s now: its spinning was the tests' CPU, and the hung one is answered in
about 0.06 s)."""

from __future__ import annotations

import asyncio
import http.client
import threading
import time

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
from js import IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

HUNG_ENDED = []  # when the hung request's handler was canceled

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()
        if request.url.endswith("/hung"):
            try:
                await asyncio.sleep(0.05)
                writer = IdentityTransformStream.new().writable.getWriter()
                await writer.write(Uint8Array.new(1))  # nothing will ever read it
                return Response("never")
            finally:
                HUNG_ENDED.append(loop.time())
        end = loop.time() + 1
        turns = 0
        while loop.time() < end:  # busy for 1 s, yielding to the loop at every turn -- or until
            await asyncio.sleep(0)  # 0.2 s after the hung one was canceled (its spinning is CPU)
            turns += 1
            if HUNG_ENDED:
                end = min(end, HUNG_ENDED[0] + 0.2)
        return Response(f"busy {turns > 0}, the hung one canceled first: {bool(HUNG_ENDED)}")
"""

HUNG = "detected that your Worker's code had hung"


async def timed(awaitable):
    started = time.monotonic()
    try:
        response = await awaitable
        return await response.text(), time.monotonic() - started
    except JsException as exc:
        return str(exc), time.monotonic() - started


@pytest.mark.asyncio
async def test_a_hung_request_fails_while_another_keeps_the_loop_busy(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    (hung, hung_after), (busy, busy_after) = await asyncio.gather(timed(worker.fetch("/hung")),
                                                                  timed(worker.fetch("/busy")))
    assert HUNG in hung
    assert busy == "busy True, the hung one canceled first: True"
    assert hung_after < busy_after  # answered while the other was still busy (about 0.06 s against 0.26 s);
    # before, it came only at the end of the busy one's 1 s


def test_under_dev_a_hung_request_is_answered_while_another_client_keeps_the_loop_busy(tmp_path):
    answers: dict[str, tuple[int, float]] = {}
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY))) as server:
        host, port = server.url.removeprefix("http://").split(":")

        def get(path: str) -> None:
            started = time.monotonic()
            connection = http.client.HTTPConnection(host, int(port), timeout=20)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            answers[path] = (response.status, time.monotonic() - started)
            connection.close()

        clients = [threading.Thread(target=get, args=(path,)) for path in ("/busy", "/hung")]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
    assert answers["/busy"][0] == 200 and answers["/hung"][0] == 500
    assert answers["/hung"][1] < answers["/busy"][1]  # answered while the other was still busy
