"""``worker.fetch`` of a Worker whose response body is still being written returns with the
headers, as production sends them, and the body reads chunk by chunk and can be canceled -- also
a body that never ends: a FastAPI/Starlette ``StreamingResponse`` of an endless generator under
the newest SDK (its bridge writes a ``TransformStream`` from the app's task, kept in
``ctx.waitUntil``), or a plain Worker's ``ReadableStream`` its ``waitUntil`` work keeps writing.
``worker.fetch`` waited for the ``waitUntil`` work first, so it never returned for those.

A JavaScript twin under ``wrangler dev`` 4.164.0 (``tools/wrangler/endless_stream_probe.py``)
sends the head with the first chunk at once, then a chunk each 10 ms, and once the client goes
the writer's next write fails (``undefined``: the stream canceled without a reason). A whole read
(``text()``) still returns once the request is over, its ``waitUntil`` work done."""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
from pathlib import Path

import forkserver
import pytest
from worker_helpers import read_until, sdk_worker

import workers_env
from workers_env import load_worker
from workers_env.runtime import clientbody
from workers_env.runtime.server import BackgroundServer

ASGI = """
import asyncio

import asgi
from starlette.applications import Starlette
from starlette.responses import StreamingResponse
from starlette.routing import Route
from workers import WorkerEntrypoint

SENT = []


async def endless():
    n = 0
    while True:
        SENT.append(n)
        yield f"chunk {n}\\n".encode()
        n += 1
        await asyncio.sleep(0.01)


async def stream(request):
    return StreamingResponse(endless(), media_type="text/plain")


app = Starlette(routes=[Route("/", stream)])


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await asgi.fetch(app, request, self.env, self.ctx)
"""

PLAIN = """
import asyncio

from js import TextEncoder, TransformStream
from workers import Response, WorkerEntrypoint

SENT = []
STOPPED = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def write():
            n = 0
            try:
                while True:
                    await writer.write(TextEncoder.new().encode(f"chunk {n}\\n"))
                    SENT.append(n)
                    n += 1
                    PAUSE
            except Exception as error:
                STOPPED.append(str(error))

        self.ctx.waitUntil(write())
        return Response(stream.readable, headers={"content-type": "text/plain"})
"""


async def _three_chunks_then_cancel(worker) -> list[str]:
    response = await asyncio.wait_for(worker.fetch("/"), 5)  # with the headers, the body still written
    assert response.status == 200 and response.headers.get("content-type").startswith("text/plain")
    reader = response.body.getReader()
    chunks = []
    for _ in range(3):
        read = await asyncio.wait_for(reader.read(), 5)
        assert not read.done
        chunks.append(bytes(read.value.to_py()).decode())
    await reader.cancel()
    return chunks


def _within(scenario, seconds: float = 20):
    """``asyncio.run(scenario())`` in a thread of its own, failing if it takes over ``seconds``:
    a writer that never waits starved the event loop before, so no timeout inside could fire."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(("ok", asyncio.run(scenario())))
        except BaseException as error:  # noqa: BLE001 - raised below, in the test's thread
            outcome.append(("error", error))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"not over after {seconds} s"
    kind, value = outcome[0]
    if kind == "error":
        raise value
    return value


async def _sent_after_the_cancel(module) -> tuple[int, int]:
    """How many chunks the writer had sent 0.1 s and 0.2 s after the cancel (the same: it stopped)."""
    await asyncio.sleep(0.1)  # its next write meets the cancel
    first = len(module.SENT)
    await asyncio.sleep(0.1)
    return first, len(module.SENT)


def test_an_endless_asgi_stream_returns_with_its_headers_and_reads_chunk_by_chunk(tmp_path):
    worker = load_worker(sdk_worker(tmp_path, ASGI, "1.9.5"))

    async def scenario() -> tuple[list[str], tuple[int, int]]:
        return await _three_chunks_then_cancel(worker), await _sent_after_the_cancel(worker.module)

    chunks, (first, later) = _within(scenario)
    assert chunks == ["chunk 0\n", "chunk 1\n", "chunk 2\n"] and first == later < 10


@pytest.mark.parametrize("pause", ["await asyncio.sleep(0.01)", "pass"])  # "pass": a writer that never waits
def test_a_stream_waituntil_work_keeps_writing_returns_and_cancels(tmp_path, pause):
    worker = load_worker(sdk_worker(tmp_path, PLAIN.replace("PAUSE", pause), "1.9.5"))

    async def scenario() -> tuple[list[str], tuple[int, int]]:
        return await _three_chunks_then_cancel(worker), await _sent_after_the_cancel(worker.module)

    chunks, (first, later) = _within(scenario)
    assert chunks == ["chunk 0\n", "chunk 1\n", "chunk 2\n"] and first == later < 2000  # (CLIENT_HOLDS + 3)
    assert worker.module.STOPPED == ["Error: undefined"]  # as the twin's writer: a cancel without a reason


FINITE = """
import asyncio

from js import TextEncoder, TransformStream
from workers import Response, WorkerEntrypoint

DONE = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def write():
            for n in range(3):
                await writer.write(TextEncoder.new().encode(f"part {n}\\n"))
                await asyncio.sleep(0.01)
            await writer.close()
            await asyncio.sleep(0.05)
            DONE.append("after the body")

        self.ctx.waitUntil(write())
        return Response(stream.readable)
"""


def test_a_whole_read_of_a_streamed_body_returns_once_the_waituntil_work_is_done(tmp_path):
    worker = load_worker(sdk_worker(tmp_path, FINITE, "1.9.5"))

    async def scenario() -> tuple[list[str], str, list[str]]:
        response = await worker.fetch("/")
        before = list(worker.module.DONE)  # returned with the headers: the work goes on
        text = await response.text()
        return before, text, list(worker.module.DONE)

    assert asyncio.run(scenario()) == ([], "part 0\npart 1\npart 2\n", ["after the body"])


def test_dev_serves_an_endless_asgi_stream_chunk_by_chunk(tmp_path):
    worker = load_worker(sdk_worker(tmp_path, ASGI, "1.9.5"))
    with BackgroundServer(worker) as server, socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
        head, _, body = read_until(sock, b"chunk 2\n").partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK\r\n") and b"transfer-encoding: chunked" in head.lower()
    assert body.startswith(b"8\r\nchunk 0\n\r\n8\r\nchunk 1\n\r\n")


def test_a_whole_read_after_the_request_is_over_returns_at_once(tmp_path):
    worker = load_worker(sdk_worker(tmp_path, FINITE, "1.9.5"))

    async def scenario() -> tuple[list[str], str]:
        response = await worker.fetch("/")
        for _ in range(100):  # the body written whole (held for the caller) and the waitUntil work done:
            await asyncio.sleep(0.05)  # ~0.1 s of the Worker's sleeps, waited for up to 5 s (a loaded
            if worker.module.DONE:  # machine, 3.14.10 under the Python matrix, took over 0.5 s once)
                break
        done = list(worker.module.DONE)
        return done, await asyncio.wait_for(response.text(), 5)

    assert _within(scenario) == (["after the body"], "part 0\npart 1\npart 2\n")


def test_a_streamed_body_never_read_ends_quietly_with_the_tests_event_loop(pytester, monkeypatch):
    """A test that reads nothing of a streamed body it still holds ends its event loop with the
    writer still waiting: the client went away, which production does not log for a writer that
    catches its canceled write (the twin's ``writer stopped: undefined`` is the Worker's own line)
    -- not ``Uncaught exception in waitUntil()`` with a ``CancelledError`` at the loop's end; under
    pytest-asyncio, under ``asyncio.run`` with the ``worker`` fixture, in a plain script. Each keeps
    the response past its loop (``KEPT``): one dropped is canceled at once (clientbody), its writer
    stops and the request is over before the loop ends, so nothing of it is left for the loop's end
    to cancel (gone64: so written, the test passed with the loop-end path removed)."""
    pytester.makefile(".toml", wrangler='name = "s"\nmain = "src/entry.py"\ncompatibility_date = "2025-09-01"\n'
                                       'compatibility_flags = ["python_workers"]\n')
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(**{"src/entry": PLAIN.replace("PAUSE", "await asyncio.sleep(0.01)")})
    pytester.makepyfile(test_unread="""
        import asyncio
        import pytest
        from workers_env import load_worker

        KEPT = []  # each response, held past its test's event loop: its body unread as the loop ends

        async def fetched(worker):
            KEPT.append(await worker.fetch("/"))
            assert KEPT[-1].status == 200
            await asyncio.sleep(0.05)

        @pytest.mark.asyncio
        async def test_under_pytest_asyncio(worker):
            await fetched(worker)

        def test_under_asyncio_run(worker):
            asyncio.run(fetched(worker))

        def test_in_a_script_s_asyncio_run():
            asyncio.run(fetched(load_worker("wrangler.toml")))
    """)
    monkeypatch.setenv("PYTHONPATH", str(Path(workers_env.__file__).parent.parent))  # this tree's
    # (stderr as a user sees it, from a `python -m pytest` the suite's fork server starts: the
    # runtime it imports already imported, ~1 s of CPU of the ~2.3 s start; hypothesis's, anyio's and
    # pytest-benchmark's plugins, which the run does not use, left out of its start: ~0.5 s of CPU
    # importing hypothesis and trio)
    args = [sys.executable, "-m", "pytest", f"--basetemp={pytester.path / 'basetemp'}", "-p", "no:cacheprovider",
            "-p", "no:logging", "-p", "no:hypothesispytest", "-p", "no:anyio", "-p", "no:benchmark", "-s"]
    done = forkserver.run(args, cwd=pytester.path, capture_output=True, text=True, timeout=120)
    result = pytest.RunResult(done.returncode, done.stdout.splitlines(), done.stderr.splitlines(), 0.0)
    result.assert_outcomes(passed=3)
    assert "Uncaught" not in result.stdout.str() + result.stderr.str()


def test_a_body_no_one_reads_stops_its_writer_at_the_clients_hold(tmp_path, monkeypatch):
    """``worker.fetch``'s client takes ``CLIENT_HOLDS`` chunks off a writer that never waits and
    no more (memory bounded for a body that never ends); each chunk the caller reads lets one more
    be written. The hold is made 1,024 chunks here, as read when the client starts: its 16,384
    writes were ~5 s of CPU, and the stop is the same at any count."""
    holds = 1_024
    monkeypatch.setattr(clientbody, "CLIENT_HOLDS", holds)
    worker = load_worker(sdk_worker(tmp_path, PLAIN.replace("PAUSE", "pass"), "1.9.5"))

    async def settled(at_least: int) -> int:
        """The chunks written once ``at_least`` are and none came for 0.2 s (a stall of the
        writer under load is no stop: a quiet 0.2 s before that once ended the count early)."""
        while len(worker.module.SENT) < at_least:
            await asyncio.sleep(0.05)
        seen = -1
        while seen != len(worker.module.SENT):
            seen = len(worker.module.SENT)
            await asyncio.sleep(0.2)
        return seen

    async def scenario() -> tuple[int, int]:
        response = await worker.fetch("/")
        held = await settled(holds)
        reader = response.body.getReader()
        for _ in range(3):
            await reader.read()
        after = await settled(holds + 3)
        await reader.cancel()
        return held, after

    # (16,384 writes were some 3 s on a quiet machine, past 20 s at a load of 10-40 (flake55), which
    # then left the Worker writing in this thread while the next tests ran)
    assert _within(scenario, 180) == (holds, holds + 3)


FAILING = PLAIN.replace("PAUSE", "await asyncio.sleep(0.01)").replace("STOPPED = []\n", "STOPPED = []\nRAISED = []\n").replace(
    """        self.ctx.waitUntil(write())""", """\
        async def fails():
            await asyncio.sleep(0.01)
            RAISED.append("ValueError")
            raise ValueError("boom before the loop ends")

        async def fails_as_cancelled():
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:
                raise RuntimeError("boom as it is cancelled")

        self.ctx.waitUntil(write())
        self.ctx.waitUntil(fails())
        self.ctx.waitUntil(fails_as_cancelled())""")


async def _raised(worker, count: int) -> None:
    """Until the Worker's ``waitUntil`` work raised ``count`` failures on its own (``RAISED``), the
    one raised as it is cancelled left out: under a load of 30-40 a fixed 0.2 s once ended the loop
    before the handed-on task (due 0.05 s after the request) had raised (flake55)."""
    while count and len(worker.module.RAISED) < count:
        await asyncio.sleep(0.01)


def _logged_after_the_loop_ends(tmp_path, source, caplog, raised: int = 0):
    """Fetch ``/`` of the Worker ``source`` and end the event loop 0.2 s later (once its work raised
    ``raised`` failures), its stream unread:
    the worker, and workers-env's error records (message, exception type) -- asyncio.run names a
    task's error raised as it is cancelled too, under its own logger."""
    worker = load_worker(sdk_worker(tmp_path, source, "1.9.5"))

    async def scenario() -> None:
        response = await worker.fetch("/")  # kept: the loop ends mid-stream (a dropped body is canceled)
        assert response.status == 200
        await asyncio.sleep(0.2)
        await _raised(worker, raised)

    with caplog.at_level("ERROR", logger="workers_env"):
        _within(scenario)
    records = [r for r in caplog.records if r.name.startswith("workers_env")]
    assert all(r.error_names_kept for r in records)  # a 2026-08-01 Worker: enhanced_error_serialization's era
    return worker, [(r.getMessage(), r.exc_info[0].__name__ if r.exc_info else None) for r in records]


def test_a_waituntil_failure_is_still_logged_when_the_loop_ends_mid_stream(tmp_path, caplog):
    """The quiet end above is for the work cancelled with the loop: a waitUntil task that failed
    on its own is logged still -- under wrangler dev 4.164.0, a JavaScript twin's waitUntil promise
    that rejects after its client went away is ``✘ [ERROR] Uncaught Error: ...`` (review67)."""
    worker, logged = _logged_after_the_loop_ends(tmp_path, FAILING, caplog, raised=1)
    assert sorted(logged) == [("Uncaught exception in waitUntil()", "RuntimeError"),
                              ("Uncaught exception in waitUntil()", "ValueError")]
    assert worker.module.STOPPED == []  # (the writer: cancelled with the loop, quietly)


NESTED = FAILING.replace("""        self.ctx.waitUntil(write())
""", """        async def nested_fails():
            await asyncio.sleep(0.03)
            RAISED.append("KeyError")
            raise KeyError("nested boom")

        async def hands_on():
            await asyncio.sleep(0.02)
            self.ctx.waitUntil(nested_fails())

        self.ctx.waitUntil(write())
        self.ctx.waitUntil(hands_on())
""")



@pytest.mark.parametrize(("source", "failures"), [(FAILING, ["RuntimeError", "ValueError"]),
                                                  (NESTED, ["KeyError", "RuntimeError", "ValueError"])],
                         ids=["its-work", "work-its-work-handed-on"])
@pytest.mark.parametrize(("date", "names_kept"), [("2026-08-01", True), ("2026-04-20", False)])
def test_a_waituntil_failure_is_still_logged_when_the_loop_ends_after_the_body_was_dropped(tmp_path, caplog, source,
                                                                                           failures, date, names_kept):
    """The same when the test dropped the response unread: its body is canceled (the client went
    away), the request waits on for its waitUntil work, and the loop ends during that wait -- the
    failure that already happened and the one raised as it is cancelled are logged still (they
    were lost: the wait was cancelled with the loop before it logged anything), and so is one of a
    task that work handed to ``ctx.waitUntil`` meanwhile (review69: it went only to asyncio's
    ``exception was never retrieved``). Each record says whether the Worker's era keeps error
    names (``enhanced_error_serialization``, from 2026-04-21), as dev's console reads it (review72:
    nothing pinned it on this path)."""
    worker = load_worker(sdk_worker(tmp_path, source, "1.9.5", date=date))

    async def scenario() -> None:
        assert (await worker.fetch("/")).status == 200  # the response dropped at once
        await asyncio.sleep(0.2)
        await _raised(worker, len(failures) - 1)

    with caplog.at_level("ERROR", logger="workers_env"):
        _within(scenario)
    records = [r for r in caplog.records if r.name.startswith("workers_env")]
    logged = [(r.getMessage(), r.exc_info[0].__name__ if r.exc_info else None) for r in records]
    # (asyncio.run names the one raised as it is cancelled too)
    assert sorted(logged) == [("Uncaught exception in waitUntil()", name) for name in failures]
    assert {r.error_names_kept for r in records} == {names_kept}


STILL_RUNNING = PLAIN.replace("PAUSE", "await asyncio.sleep(0.01)").replace("""        self.ctx.waitUntil(write())""", """\
        async def fails_after_its_cancels():
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:
                for _ in range(5):  # still running when the request learns its loop ended
                    try:
                        await asyncio.sleep(0)
                    except asyncio.CancelledError:
                        pass
                raise RuntimeError("boom after the cancels")

        self.ctx.waitUntil(write())
        self.ctx.waitUntil(fails_after_its_cancels())""")


def test_a_waituntil_task_still_running_when_the_loop_ends_is_logged_when_it_fails(tmp_path, caplog):
    """The task above that failed as it was cancelled had ended by the time the request saw its loop
    end; one that goes on past its cancels and fails later is reported when it is done (audit22:
    without that, nothing of workers-env's logged it)."""
    _, logged = _logged_after_the_loop_ends(tmp_path, STILL_RUNNING, caplog)
    assert logged == [("Uncaught exception in waitUntil()", "RuntimeError")]
