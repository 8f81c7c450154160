"""``js.setTimeout`` / ``setInterval`` / ``clear*`` on the Worker's loop, with Pyodide's rule that
a plain Python function handed to JavaScript is a borrowed proxy, gone when the call returns."""

from __future__ import annotations

import asyncio
import textwrap

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = '''
import asyncio
from js import setTimeout, clearTimeout, setInterval, clearInterval, globalThis
from pyodide.ffi import create_proxy, create_once_callable
from workers import Response, WorkerEntrypoint

FIRED = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        FIRED.clear()
        setTimeout(create_once_callable(lambda tag: FIRED.append(tag)), 5, "once")
        cancelled = setTimeout(create_proxy(lambda: FIRED.append("cancelled")), 5)
        clearTimeout(cancelled)
        ticks = setInterval(create_proxy(lambda: FIRED.append("tick")), 1)
        async def later():
            FIRED.append("async")
        setTimeout(create_proxy(later), 1)
        setTimeout(lambda: FIRED.append("borrowed"), 1)  # a plain function: destroyed by now
        clearTimeout(12345)  # unknown ids are ignored
        for _ in range(500):  # at least 50 ms, and until the interval ticked twice (a loaded machine is slow)
            await asyncio.sleep(0.01)
            if _ >= 4 and FIRED.count("tick") >= 2:
                break
        clearInterval(ticks)
        count = FIRED.count("tick")
        await asyncio.sleep(0.02)
        return Response.json({"fired": sorted(set(FIRED)), "ticks_stopped": FIRED.count("tick") == count,
                              "several_ticks": count >= 2, "global": globalThis.setTimeout is setTimeout})
'''


@pytest.mark.asyncio
async def test_timers_run_on_the_workers_loop(tmp_path, caplog):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(
        'name = "t"\nmain = "src/entry.py"\ncompatibility_date = "2026-09-01"\ncompatibility_flags = ["python_workers"]\n')
    typical_pyproject(tmp_path)
    worker = load_worker(tmp_path)
    with caplog.at_level("ERROR", logger="workers_env.runtime"):
        body = await (await worker.fetch("/")).json()
    assert body == {"fired": ["async", "once", "tick"], "ticks_stopped": True, "several_ticks": True, "global": True}
    assert "This borrowed proxy was automatically destroyed at the end of a function call" in caplog.text


def test_a_timer_outside_a_running_loop_is_refused():
    from workers_env import JsException, js

    with pytest.raises(JsException) as info:
        js.setTimeout(lambda: None, 1)
    assert str(info.value) == "Error: setTimeout/setInterval need a running event loop (call them from Worker code)"
    assert asyncio.run(_ok()) is None


async def _ok():
    from workers_env import js

    js.clearTimeout(js.setTimeout(js.Object.new, 1000))  # scheduled and cleared inside a loop
