"""A loop callback of workers-env's own (a function of a ``workers_env`` module) that fails while a
Worker runs -- scheduled from the Worker's context -- is not printed as the Worker's failure in
Pyodide's webloop words (leftovers57's ``Exception in callback ...`` lines on its console): it goes
to the handler the loop had, so a bug of the emulator's reaches the host's handler (asyncio's
logger) and is not passed off as the Worker's. A JavaScript function the Worker schedules is the
Worker's (real Pyodide 0.28.2 prints ``Exception in callback function parse() { [native code] }()``
for ``loop.call_soon(js.JSON.parse, "{")``). audit34's mutant reporting every callback scheduled
from a Worker's context as the Worker's survived the tests before."""

from __future__ import annotations

import asyncio
from typing import Any

from workers_env.runtime import current
from workers_env.runtime.unhandled import install


def test_a_failing_callback_of_workers_envs_own_reaches_the_loops_handler(capsys) -> None:
    loop = asyncio.new_event_loop()
    seen: list[Any] = []
    loop.set_exception_handler(lambda _loop, context: seen.append(context.get("exception")))
    install(loop)
    runtime = current.WorkerRuntime(js_env=None, era=None)
    try:  # scheduled as the Worker's code schedules it: its runtime in the handle's context
        current.as_worker(runtime, loop.call_soon, current.runtime_in, None)
        loop.run_until_complete(asyncio.sleep(0))
    finally:
        loop.close()
    assert [type(error).__name__ for error in seen] == ["AttributeError"]
    assert "Exception in callback" not in capsys.readouterr().err
