"""A signal stops ``workers-env dev`` at once also while the Worker's code waits in a
``run_sync`` -- ``time.sleep`` (Pyodide's from 0.28 drives the loop as ``run_sync`` does), a
nested ``run_sync`` -- in a handler or in a ``waitUntil`` task after the response, or holds the
loop's thread itself (a busy loop, Pyodide 0.26's blocking ``time.sleep``), as ``wrangler
dev`` 4.164.0 exits at once whatever the Worker does (130 for Ctrl+C, 143 for SIGTERM, nothing
printed). Before, the server shut down inside that ``run_sync`` (its own steps run there) and the
process could not return until the wait ended: deaf for the whole of a ``time.sleep(60)``
(review73; flaky48b had fixed the same at import). Microtasks queueing each other for ever (a
``queueMicrotask`` callback queueing itself), which hold workerd's isolate as they hold the loop
here, made dev deaf to every signal until review75 (wrangler's JS twin: 130/143 in 0.06-0.12 s,
tools/wrangler/dev_stop_signal_probe.py). Promise handlers chained for ever (``PyodideFuture.then``)
let the loop go between steps, but went on starting tasks as the stopped server's loop wound down,
and it dropped one with asyncio's ``Task was destroyed but it is pending!`` (8 of 8 stops with three
chains; wrangler's twin prints nothing) until leftovers50b."""

from __future__ import annotations

import http.client
import signal
import sys
import threading
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer, python_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

HEAD = """import asyncio, time
from workers import Response, WorkerEntrypoint

"""

def _after_the_response(*lines: str, imports: str = "") -> str:
    """A Worker answering at once whose ``waitUntil`` task then prints "waiting" and runs ``lines``."""
    body = "".join(f"            {line}\n" for line in lines)
    return imports + f"""
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        async def later():
            await asyncio.sleep(0)
            print("waiting", flush=True)
{body}        self.ctx.waitUntil(asyncio.ensure_future(later()))
        return Response("answered")
"""


ENTRIES = {
    "handler": HEAD + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        print("waiting", flush=True)
        time.sleep(60)
        return Response("late")
""",
    "nested": HEAD + """
from pyodide.ffi import run_sync


async def inner():
    time.sleep(60)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        print("waiting", flush=True)
        run_sync(inner())
        return Response("late")
""",
    "busy loop": HEAD + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        print("waiting", flush=True)
        while True:
            pass
""",
    "microtasks": HEAD + """
from js import queueMicrotask
from pyodide.ffi import create_proxy


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        print("waiting", flush=True)
        spin = create_proxy(lambda: queueMicrotask(spin))  # run before the answer is taken: never ends
        spin()
        return Response("never")
""",
    "microtasks after the response": HEAD + _after_the_response(
        "spin = create_proxy(lambda: queueMicrotask(spin))", "spin()",
        imports="from js import queueMicrotask\nfrom pyodide.ffi import create_proxy\n"),
    "busy loop callbacks": HEAD + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()

        def busy():  # a loop callback, not a task: cut off, asyncio would report it
            begun = time.monotonic()
            while time.monotonic() - begun < 0.5:
                pass
            loop.call_soon(busy)

        print("waiting", flush=True)
        loop.call_soon(busy)
        return Response("answered")
""",
    "promise chains": HEAD + """
from js import Promise
from pyodide.ffi import create_proxy


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        step = create_proxy(lambda _=None: Promise.resolve().then(step))  # a PyodideFuture's then, for ever
        for _ in range(3):  # three chains a loop turn apart: one has a task queued whenever the loop closes
            step()
            await asyncio.sleep(0)
        print("waiting", flush=True)
        return Response("answered")
""",
    "0.26 handler": HEAD + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        print("waiting", flush=True)
        time.sleep(60)  # Pyodide 0.26's blocks the loop's thread
        return Response("late")
""",
    "waitUntil": HEAD + _after_the_response("time.sleep(60)"),
}


@pytest.mark.parametrize("where", list(ENTRIES))
@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["sigterm", "ctrl-c"])
def test_a_signal_stops_dev_while_worker_code_waits_in_run_sync(tmp_path: Path, where: str, sig: int,
                                                               status: int) -> None:
    project = python_project(tmp_path / "app", ENTRIES[where])
    if where.startswith("0.26"):
        config = project / "wrangler.toml"
        config.write_text(config.read_text().replace("2026-05-01", "2025-09-01"))
    with DevServer(project) as dev:
        def ask() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", dev.port, timeout=90)
            try:
                conn.request("GET", "/")
                conn.getresponse().read()
            except (http.client.HTTPException, OSError):
                pass

        threading.Thread(target=ask, daemon=True).start()
        dev.wait_for("waiting")  # the Worker's code waits in run_sync
        code, took, after = dev.stopped_by(sig)
    assert code == status
    assert took < 30, took  # was 60 s: the whole sleep (< 10 was short for an exit at a load of 30-40, flake56)
    assert [line for line in after if "[wrangler:info]" not in line] == [], after
