"""``workers-env dev``'s stop signal silences the loop reports of the stopped server's Worker
(runtime/stopcutoff.py, pending56): its server's own loop, at once, also when the signal lands in
a loop the Worker's code runs inside a step of it (a new loop's ``run_until_complete``, the 0.28
and 314 eras' nested ``WebLoop``) -- the server's loop went unsilenced until the server's end
then, so a collection in between printed its waiting tasks (leftovers58) -- and the nested one.
No other loop: another server of the same process (a ``BackgroundServer``'s Worker, in its own
thread) still reports, whatever the stopped one's signal."""

from __future__ import annotations

import signal
import sys
import threading
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.cli.devstop import stoppable
from workers_env.runtime import server as server_module
from workers_env.runtime.server import BackgroundServer, bind, serve
from workers_env.runtime.unhandled import silenced

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

NESTING = '''
import asyncio
import signal
from workers import Response, WorkerEntrypoint

LOOPS = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        LOOPS.append(asyncio.get_running_loop())
        inner = asyncio.new_event_loop()
        LOOPS.append(inner)

        async def stopped_in_here():
            signal.raise_signal(signal.SIGINT)  # Ctrl+C while the Worker runs a loop of its own
            await asyncio.sleep(30)

        inner.run_until_complete(stopped_in_here())
        return Response("never")
'''

OTHER = '''
import asyncio
from workers import Response, WorkerEntrypoint

LOOPS = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        LOOPS.append(asyncio.get_running_loop())
        return Response("still here")
'''


def serve_once(worker, on_ready) -> int | None:
    """``workers-env dev``'s serving of ``worker`` in this process, ``on_ready`` called with its port."""
    sockets = bind("127.0.0.1", 0)
    port = sockets[0].getsockname()[1]
    with stoppable():
        return serve(worker, sockets=sockets, on_ready=lambda: on_ready(port))


def ask(port: int) -> None:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read()
    except OSError:
        pass  # (the stop cuts the request off)


def test_a_signal_in_a_loop_the_worker_nested_silences_the_servers_loop_at_once(tmp_path, monkeypatch):
    worker = load_worker(one_file_worker(tmp_path, NESTING) / "wrangler.toml")
    at_the_end: list[bool] = []
    ending = server_module.end_worker_tasks

    def end_worker_tasks(loop):  # the server's end, which silences its loop in any case
        at_the_end.append(silenced(loop))
        ending(loop)

    monkeypatch.setattr(server_module, "end_worker_tasks", end_worker_tasks)
    stopped = serve_once(worker, lambda port: threading.Thread(target=ask, args=(port,), daemon=True).start())
    assert stopped == signal.SIGINT
    server_loop, nested = worker.module.LOOPS
    assert at_the_end == [True]  # silenced by the signal, before the server's end
    assert silenced(server_loop) and silenced(nested)


def test_another_servers_loop_is_not_silenced(tmp_path):
    stopped_worker = load_worker(one_file_worker(tmp_path / "stopped", OTHER) / "wrangler.toml")
    other = load_worker(one_file_worker(tmp_path / "other", OTHER) / "wrangler.toml")
    with BackgroundServer(other) as running:
        ask_other = urllib.request.urlopen(running.url + "/", timeout=10).read()
        stopped = serve_once(stopped_worker, lambda port: signal.raise_signal(signal.SIGINT))
        after = urllib.request.urlopen(running.url + "/", timeout=10).read()
    assert (stopped, ask_other, after) == (signal.SIGINT, b"still here", b"still here")
    assert not any(silenced(loop) for loop in other.module.LOOPS)
