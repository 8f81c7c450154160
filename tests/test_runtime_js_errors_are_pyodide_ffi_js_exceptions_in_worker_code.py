"""A JavaScript error the runtime itself throws at Worker code (``JSON.parse`` of bad text, a
failed ``js.fetch``, ...) is, to the Worker, what Pyodide makes of every JS error:
``pyodide.ffi.JsException`` by module and name (``type(e).__module__``, ``e.__module__`` as
Pyodide 0.26.2 and 0.28.2 give it, ``repr(type(e))``, a traceback's last line), as the bindings'
errors already were; before, its module read
``workers_env._errors``. Outside Worker code it is ``workers_env.JsException`` under workers-env's
own module -- the same error object too, read by a test after the request -- and it pickles in
both."""

from __future__ import annotations

import pickle

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """\
    import pickle
    import js
    import pyodide.ffi
    import workers_env
    from workers import Response, WorkerEntrypoint

    KEPT = []

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                js.JSON.parse("{bad")
            except pyodide.ffi.JsException as exc:
                KEPT.append(exc)
                again = pickle.loads(pickle.dumps(exc))
                return Response.json([type(exc).__module__, exc.__module__, repr(type(exc)),
                                      isinstance(exc, workers_env.JsException), type(again) is type(exc),
                                      str(again) == str(exc)])
            return Response("no error")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-12-01", "2026-09-01"])  # the built-in SDK's era and the external one's
async def test_worker_code_sees_pyodide_ffi_js_exception(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == [
        "pyodide.ffi", "pyodide.ffi", "<class 'pyodide.ffi.JsException'>", True, True, True]
    kept = worker.module.KEPT[0]  # the same error, read by the test after the request: workers-env's names
    assert (type(kept).__module__, kept.__module__) == ("workers_env", "workers_env")
    assert isinstance(kept, JsException) and f"{type(kept)!r}" == "<class 'workers_env.JsException'>"


def test_outside_worker_code_it_keeps_workers_envs_module():
    assert JsException.__module__ == "workers_env"
    assert repr(JsException) == "<class 'workers_env.JsException'>"
    error = JsException("boom", name="TypeError")
    assert type(pickle.loads(pickle.dumps(error))) is JsException
