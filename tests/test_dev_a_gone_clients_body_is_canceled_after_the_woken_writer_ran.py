"""When the dev server's sending of a body still being written fails -- its client hung up -- the
body is canceled as workerd's pump cancels it: after the code the failed chunk's read woke has run
(at most ``WOKEN_TURNS`` loop turns), and no later than a timer of the request that is due. So a
writer that writes again at once, or a few task steps later, has that write in flight when the
cancel comes (its write and its ``ready`` fail with the ``TypeError`` of a canceled
``TransformStream``), while a writer whose pause is a timer meets the cancel's reason
(``undefined``) at its next write, whether or not that timer is due by then (hangup51;
tools/wrangler/client_leaves_probe.py measures an at-once and a pausing writer under wrangler dev;
how many task steps a Python writer takes to resume under Pyodide is README's "Where we had to
choose").

The served tests (test_dev_a_body_being_written_fails_as_workerds_when_its_client_leaves.py) meet
both cases over a socket, where how many loop turns the failed send takes is up to the machine: the
cancel at once (``WOKEN_TURNS = 0``) and a due timer not ending the wait passed them unloaded
(audit27's H51b, H51c). Here the dev server's ASGI app is driven in-process, the client's hang-up
and the failed send at a chosen chunk, and the pause a timer due in the very next turn (``setTimeout``
0): what a 20 ms pause is once the loop is held up that long (2 of 30 runs under load, hangup51)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from test_dev_a_body_being_written_fails_as_workerds_when_its_client_leaves import ENTRY as SERVED
from test_dev_a_body_being_written_fails_as_workerds_when_its_client_leaves import GONE
from worker_helpers import asgi_exchange, one_file_worker

from workers_env import load_worker
from workers_env.runtime.workerapp import WorkerApp

#: the served test's Worker (a TransformStream's writer in waitUntil, what its failed write and
#: ``ready`` met in ``/seen``), its pause between writes a timer due in the next turn (``?timer``)
#: or a few task steps (``?yields``)
ENTRY = SERVED.replace("SEEN = {}\n", '''SEEN = {}


def a_timer_due_next_turn():
    future = asyncio.get_running_loop().create_future()
    js.setTimeout(create_proxy(lambda: future.done() or future.set_result(None)), 0)
    return future


async def a_few_task_steps():
    for _ in range(2):
        await asyncio.sleep(0)
''').replace("                    await asyncio.sleep(0.05)\n", '''                    pause = urlparse(request.url).query
                    await (a_timer_due_next_turn() if pause == "timer" else a_few_task_steps())
''')

SENT = 3  # body chunks the client takes before it hangs up


def _scope(target: str) -> dict[str, Any]:
    path, _, query = target.partition("?")
    return {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": query.encode(),
            "headers": [(b"host", b"localhost")], "scheme": "http", "server": ("localhost", 8787),
            "client": ("127.0.0.1", 1), "http_version": "1.1"}


async def _hang_up_after(app: WorkerApp, path: str, chunks: int) -> list[dict[str, Any]]:
    """``GET path`` through the dev server's app, its client hanging up once ``chunks`` pieces
    of the body went out: what the app sent."""
    sent: list[dict[str, Any]] = []
    gone = asyncio.Event()
    asked = []

    async def receive() -> dict[str, Any]:
        asked.append(True)
        if len(asked) == 1:
            return {"type": "http.request", "body": b"", "more_body": False}
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if sum(m["type"] == "http.response.body" for m in sent) == chunks:
            gone.set()

    await app(_scope(path), receive, send)
    return sent


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "seen"), [
    # the write the woken writer made at once is in flight when the cancel comes
    ("/transform?at-once", f"JsException: {GONE}; ready rejects {GONE}; desiredSize jsnull"),
    # so is the one it made a few task steps later (H51b, canceled before the writer ran again:
    # it met the reason instead, 'Error: undefined; ready resolves')
    ("/transform?yields", f"JsException: {GONE}; ready rejects {GONE}; desiredSize jsnull"),
    # the cancel comes before the writer's due timer fires (H51c: the timer fired within the
    # turns waited and the next write was in flight: the TypeError)
    ("/transform?timer", "JsException: Error: undefined; ready resolves; desiredSize jsnull"),
])
async def test_the_cancel_comes_after_the_woken_writer_and_before_its_due_timer(tmp_path: Path, path: str,
                                                                                 seen: str) -> None:
    app = WorkerApp(load_worker(one_file_worker(tmp_path, ENTRY)))
    sent = await _hang_up_after(app, path, SENT)
    # the piece under way as the hang-up was heard of went out too; the next one's send failed
    assert [m["type"] for m in sent] == ["http.response.start", *["http.response.body"] * (SENT + 1)]
    key = path if path.endswith("at-once") else path.partition("?")[0]  # (how the Worker keys what it saw)
    for _ in range(20):  # (the writer's waitUntil task ends a few turns after the request)
        if (found := (await asgi_exchange(app, "GET", "/seen"))[1].decode()) != "{}":
            break
        await asyncio.sleep(0)
    assert found == f'{{"{key}": "{seen}"}}'
