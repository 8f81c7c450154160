"""``importlib.reload`` of a runtime module -- ``pyodide``, ``pyodide.ffi``, ``pyodide.http``,
``js``, ``workers`` -- returns the module itself, as in real Pyodide 0.26.0a4, 0.28.2 and 314.0.6
(measured under Node: ``reload(pyodide) is pyodide``, the same for ``js``, ``pyodide.ffi``,
``pyodide.http`` and ``pyodide_js``; ``pyodide.ffi.JsProxy`` the same class after; ``js`` still
works). It failed here with ``ModuleNotFoundError: spec not found for the module 'pyodide'``.
The stand-in has no file to run again, so its names stay the same objects (production re-runs
the SDK's ``workers/__init__.py``, making its classes anew)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import importlib

    import js
    import pyodide
    import pyodide.ffi
    import pyodide.http
    import workers
    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            proxy = pyodide.ffi.JsProxy
            same = [importlib.reload(m) is m for m in (pyodide, pyodide.ffi, pyodide.http, js, workers)]
            return Response.json(same + [pyodide.ffi.JsProxy is proxy, js.JSON.stringify(js.Object.new()),
                                         pyodide.__file__.startswith("/lib/python3"), pyodide.__spec__.name])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01", "2026-09-08"])
async def test_reload_returns_the_same_module(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    got = await (await worker.fetch("/")).json()
    assert got == [True, True, True, True, True, True, "{}", True, "pyodide"]
