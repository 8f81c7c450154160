"""``setTimeout``/``setInterval`` take their delay as workerd does (``jsg::Optional<double>``,
then io-context.c++): JavaScript's ``ToNumber`` -- ``"abc"`` or ``undefined`` is NaN, which
like a negative delay is 0; a delay past 100 years is 100 years; a Python int past 2**53
reaches JavaScript as a BigInt, V8's ``TypeError`` -- where workers-env raised Python's
``ValueError`` for ``"abc"``; a callback that is not a function is jsg's ``TypeError`` when
the timer is set (it was accepted, then failed when it fired)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import json
from js import clearTimeout, setInterval, setTimeout
from pyodide.ffi import JsException, create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        fired = []
        for delay in ("abc", None, -5, "", "2"):
            setTimeout(create_proxy(lambda d=delay: fired.append(d)), delay)
        far = setTimeout(create_proxy(lambda: fired.append("far")), 1e300)
        clearTimeout(far)
        errors = []
        for call in (lambda: setTimeout(create_proxy(lambda: None), 2**70), lambda: setTimeout(5, 1),
                     lambda: setTimeout(), lambda: setInterval("code string")):
            try:
                call()
            except JsException as error:
                errors.append(f"{error.name}: {error.message}")
        await asyncio.sleep(0.05)
        return Response(json.dumps({"fired": fired, "errors": errors}))
"""


@pytest.mark.asyncio
async def test_odd_delays_and_callbacks(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    out = json.loads(await (await worker.fetch("/")).text())
    assert sorted(out["fired"], key=str) == sorted(["abc", None, -5, "", "2"], key=str)
    not_function = "TypeError: Failed to execute '{}' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'."
    assert out["errors"] == [
        "TypeError: Cannot convert a BigInt value to a number",
        not_function.format("setTimeout"),
        not_function.format("setTimeout"),
        not_function.format("setInterval"),
    ]
