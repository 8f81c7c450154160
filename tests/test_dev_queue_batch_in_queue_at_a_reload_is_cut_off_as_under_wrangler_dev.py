"""A batch still in a Worker's ``queue()`` when ``workers-env dev`` reloads -- the Worker itself,
or any other Worker of a ``dev -c A -c B`` session -- is cut off: wrangler dev 4.164.0 restarts
the session's one runtime, so the handler runs no further (nothing it prints after its ``await``),
is not retried and no ``QUEUE`` line comes for it (measured with JavaScript twins whose
``queue()`` waits 5 s: ``tools/wrangler/dev_session_probe.py inflight``, ``start m attempt 1``
then nothing in the 15 s after the edit of b's code, of b's config, and of a lone Worker's own
code). Before, the batch ran on to its end here, printing ``ended``."""

from __future__ import annotations

import time
from pathlib import Path

from dev_reload_helpers import DevServer, python_project
from test_cli_dev_session_runs_every_workers_queue_consumer import HEAD
from worker_helpers import consumed_queue

SLOW = """\
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.JOBS.send(request.url.rsplit("/", 1)[-1])
        return Response("sent")

    async def queue(self, batch, env, ctx):
        for message in batch.messages:
            print("began", message.body, "attempt", message.attempts, flush=True)
            if message.body == "slow":
                await asyncio.sleep(1.5)
            print("ended", message.body, flush=True)
            message.ack()
"""

CONSUMED = consumed_queue(max_batch_timeout=0, max_retries=3)


def _cut_off_then_served(server: DevServer, edit: Path, text: str) -> None:
    assert server.get("/slow") == (200, "sent")
    server.wait_for("began slow attempt 1")
    began = time.monotonic()  # (seen here after dev printed it: its 1.5 s sleep began before)
    mark = server.edit(edit, text)
    server.wait_for("Local server updated and ready", after=mark)
    assert server.get("/quick") == (200, "sent")
    server.wait_for("ended quick")
    time.sleep(max(0.0, began + 2.5 - time.monotonic()))  # past the cut-off handler's sleep, and a retry's time
    assert "ended slow" not in server.output and server.output.count("began slow") == 1, server.output
    assert server.output.count("QUEUE jobs") == 1, server.output  # the quick batch's alone


def test_the_workers_own_reload_cuts_off_its_batch(tmp_path):
    project = python_project(tmp_path, SLOW, config_extra=CONSUMED)
    with DevServer(project) as server:
        _cut_off_then_served(server, project / "src" / "entry.py", SLOW + "# edited\n")


def test_the_workers_own_config_reload_cuts_off_its_batch(tmp_path):
    # (dev_session_probe.py inflight: a lone Worker's config edit too.) The batch's queue runs in
    # the env the edit retires, whose queues are not emptied: audit28's SV3 -- a cut-off handler
    # taken as returned -- settled it there and printed its QUEUE line
    project = python_project(tmp_path, SLOW, config_extra=CONSUMED)
    config = project / "wrangler.toml"
    with DevServer(project) as server:
        _cut_off_then_served(server, config, config.read_text() + '[vars]\nEDITED = "1"\n')


def _session(root: Path, a_source: str) -> DevServer:
    """``dev -c a -c b``: a consumes ``jobs`` (``a_source``), b sends to another queue."""
    for name, source, extra in (("a", a_source, CONSUMED), ("b", SLOW.replace("JOBS", "OTHER"), "")):
        (root / name / "src").mkdir(parents=True)
        (root / name / "src" / "entry.py").write_text(source)
        (root / name / "wrangler.toml").write_text(f'name = "{name}"\n{HEAD}{extra}')
    return DevServer(Path("a/wrangler.toml"), "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", cwd=root)


def test_another_session_workers_reload_cuts_off_the_batch(tmp_path):
    with _session(tmp_path, SLOW) as server:
        _cut_off_then_served(server, tmp_path / "b" / "src" / "entry.py", "# edited\n" + SLOW)


CATCHING = SLOW.replace('''                await asyncio.sleep(1.5)
''', '''                try:
                    await asyncio.sleep(1.5)
                except:  # noqa: E722 - catches the cut-off too, as such code does
                    print("caught", flush=True)
                await self.env.JOBS.send("after")
''').replace('''    async def fetch(self, request):
''', '''    async def fetch(self, request):
        if request.url.endswith("/collect"):  # (a collection that finds the cut-off code unreferenced closes it)
            import gc
            return Response(str(gc.collect() >= 0))
''')


def test_a_handler_that_catches_everything_runs_no_further_nor_at_the_stop(tmp_path):
    # wrangler kills the runtime: the twin's code after its await never runs, whatever it would
    # catch. review78: a bare except here caught the cancellation, printed, and sent "after" into
    # the new runtime's queue (delivered); a kept coroutine closed at exit ran it then. audit28:
    # one not kept (severable._keep) is closed by the next collection that finds it, running its
    # except -- "caught", "Exception ignored in" -- while dev serves on (a gc.collect() here)
    import signal

    project = python_project(tmp_path, CATCHING, config_extra=CONSUMED)
    with DevServer(project) as server:
        _cut_off_then_served(server, project / "src" / "entry.py", CATCHING + "# edited\n")
        assert server.get("/collect") == (200, "True")
        time.sleep(0.5)
        assert "caught" not in server.output and "after" not in server.output, server.output
        code, _took, after = server.stopped_by(signal.SIGINT)
    assert code == 130 and not any("caught" in line or "Exception ignored" in line for line in after), after


def test_a_handler_that_catches_everything_runs_no_further_at_another_session_workers_reload(tmp_path):
    # (audit28's QD4: the batch another Worker's reload cuts off cancelled but not severed -- the
    # bare except printed "caught" and sent "after", as the Worker's own reload did before review78)
    with _session(tmp_path, CATCHING) as server:
        _cut_off_then_served(server, tmp_path / "b" / "src" / "entry.py", "# edited\n" + SLOW)
        assert "caught" not in server.output and "after" not in server.output, server.output


WORKING = SLOW.replace('''from workers import Response, WorkerEntrypoint
''', '''from js import setTimeout
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


async def waited():
    try:
        await asyncio.sleep(1.5)
    except BaseException:
        print("waitUntil caught", flush=True)
    finally:
        print("waitUntil finally", flush=True)
    print("waitUntil ended", flush=True)


async def floating():
    try:
        await asyncio.sleep(1.5)
    finally:
        print("task ended", flush=True)
''').replace('''            if message.body == "slow":
''', '''            if message.body == "slow":
                self.ctx.waitUntil(waited())
                setTimeout(create_proxy(lambda: print("timer fired", flush=True)), 1500)
                asyncio.create_task(floating())
''')


def test_the_batchs_waituntil_work_timers_and_tasks_are_cut_off_with_it(tmp_path):
    # review79: a JavaScript twin's waitUntil promise, setTimeout, un-awaited async function and
    # finally, all due 3 s into queue(), print nothing after a reload 1.5 s in (wrangler dev
    # 4.164.0, dev_session_probe.py inflight-work); here each printed after the reload, the
    # waitUntil work's except and finally too, as only the handler itself was severed
    import signal

    project = python_project(tmp_path, WORKING, config_extra=CONSUMED)
    with DevServer(project) as server:
        _cut_off_then_served(server, project / "src" / "entry.py", WORKING + "# edited\n")
        code, _took, after = server.stopped_by(signal.SIGINT)
    printed = [line for line in server.output.splitlines() + after
               if line.startswith(("waitUntil", "timer", "task")) or "Task" in line or "never awaited" in line]
    assert code == 130 and printed == [], server.output
