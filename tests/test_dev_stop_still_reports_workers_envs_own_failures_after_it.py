"""After ``workers-env dev``'s stop signal silences the loop (runtime/unhandled.py ``silence``), the
loop's handler drops a failing loop callback only when the Worker's own code raised it (silence56:
wrangler dev prints nothing of the isolate after its stop); a failure of anyone else's callback --
workers-env's own, a library's -- still goes to the handler the loop had, so a bug of the
emulator's own shutdown is not hidden. audit33's mutant dropping every failure once silenced
survived silence56's tests, which raised only from the Worker's code."""

from __future__ import annotations

import asyncio
from typing import Any

from workers_env.runtime.unhandled import install, silence


def _fails() -> None:  # (this test file's: no Worker file)
    raise RuntimeError("not the Worker's")


def test_a_callback_failure_not_of_the_workers_code_still_reaches_the_loops_handler() -> None:
    loop = asyncio.new_event_loop()
    seen: list[Any] = []
    loop.set_exception_handler(lambda _loop, context: seen.append(context.get("exception")))
    install(loop)
    silence(loop)  # the stop signal came
    try:
        loop.call_soon(_fails)
        loop.run_until_complete(asyncio.sleep(0))
    finally:
        loop.close()
    assert [str(error) for error in seen] == ["not the Worker's"]
