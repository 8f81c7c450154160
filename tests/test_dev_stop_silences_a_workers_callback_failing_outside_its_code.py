"""After ``workers-env dev``'s stop signal silences the loop, a loop callback the Worker scheduled
that fails outside the Worker's own code -- a builtin (``loop.call_soon(int, "x")``) or a JavaScript
function -- prints nothing, as wrangler dev 4.164.0 prints nothing of the isolate after its stop
(silence56); before the signal it is the Worker's failure in Pyodide's webloop words (leftovers57).
silence56's own check reads the failure's frames (Worker code raised it), which such a failure has
none of: audit34's mutant printing it after the signal survived the tests before."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from workers_env.runtime import current
from workers_env.runtime.unhandled import install, silence


@pytest.mark.parametrize("stopped", [True, False])
def test_a_workers_builtin_callback_failing_after_the_stop_prints_nothing(capsys, stopped: bool) -> None:
    loop = asyncio.new_event_loop()
    seen: list[Any] = []
    loop.set_exception_handler(lambda _loop, context: seen.append(context))
    install(loop)
    if stopped:
        silence(loop)  # the stop signal came
    try:  # scheduled by the Worker's code: its runtime (the 0.28 era) in the handle's context
        current.as_worker(current.WorkerRuntime(js_env=None, era=None), loop.call_soon, int, "x")
        loop.run_until_complete(asyncio.sleep(0))
    finally:
        loop.close()
    printed = capsys.readouterr().err.splitlines()
    assert seen == []
    assert printed[:2] == ([] if stopped else ["Exception in callback int()", "handle: <Handle int()>"])
