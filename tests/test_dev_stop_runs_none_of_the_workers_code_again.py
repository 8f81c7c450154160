"""``workers-env dev`` stopped (Ctrl+C, SIGTERM) runs none of the Worker's code again, as
wrangler dev's stop ends workerd's isolate with its process: a ``waitUntil`` loop, a handler or a
``queue()`` that catches every exception around its ``await`` and waits again is not resumed -- neither its
``except`` nor its ``finally`` runs -- and dev exits 130 at once. review79: the stop's cancel was
thrown into that code, which printed and waited again, and dev never exited (the request's end
waited for its ``waitUntil`` work); a handler's ``finally`` printed after the signal
(runtime/tasks.py ``sever_worker_code``)."""

from __future__ import annotations

import signal
import socket

import pytest
from dev_reload_helpers import DevServer, python_project
from worker_helpers import consumed_queue

ENTRY = '''import asyncio
from workers import Response, WorkerEntrypoint


async def polls():
    while True:
        try:
            await asyncio.sleep(0.05)
        except:  # noqa: E722 - a retry loop as users write them, catching the stop's cancel too
            print("task caught", flush=True)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/held"):
            print("held", flush=True)
            try:
                while True:
                    try:
                        await asyncio.sleep(0.05)
                    except BaseException:
                        print("handler caught", flush=True)
            finally:
                print("handler finally", flush=True)
        self.ctx.waitUntil(polls())
        await self.env.JOBS.send("job")
        return Response("polling")

    async def queue(self, batch, env, ctx):
        print("queue began", flush=True)
        while True:
            try:
                await asyncio.sleep(0.05)
            except BaseException:
                print("queue caught", flush=True)
'''


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_code_that_catches_the_stop_neither_runs_nor_holds_it(tmp_path, sig):
    project = python_project(tmp_path, ENTRY, config_extra=consumed_queue(max_batch_timeout=0))
    with DevServer(project) as server:
        assert server.get("/") == (200, "polling")
        server.wait_for("queue began")
        with socket.create_connection(("127.0.0.1", server.port)) as held:
            held.sendall(b"GET /held HTTP/1.1\r\nHost: x\r\n\r\n")
            server.wait_for("held")
            code, took, after = server.stopped_by(sig)
    # (its code loops for ever; 30 s, not 10, for an exit at a load of 30-40: flake56)
    assert code == 128 + sig and took < 30, (code, took, server.output)
    assert not any("caught" in line or "finally" in line for line in after), after
