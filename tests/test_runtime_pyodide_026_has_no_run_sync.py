"""``pyodide.ffi.run_sync`` and ``can_run_sync`` exist from Pyodide 0.28 (compatibility dates
from 2025-09-29). workerd's 0.26.0a2 has neither: ``dir(pyodide.ffi)`` printed by a deployed
Worker in workerd #3322 (2025-01-03) lists neither, and workerd's own SDK catches the very
``ImportError: cannot import name 'run_sync' from 'pyodide.ffi'`` to say only
``cloudflare:workers`` and ``cloudflare:sockets`` can be imported "until the next python
runtime version"."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint
    import pyodide.ffi

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                from pyodide.ffi import run_sync
            except ImportError as exc:
                return Response.json(["missing", str(exc).split(" (")[0], hasattr(pyodide.ffi, "can_run_sync"),
                                      "run_sync" in dir(pyodide.ffi)])
            async def seven():
                return 7
            return Response.json(["present", run_sync(seven()), pyodide.ffi.can_run_sync()])
"""


@pytest.mark.asyncio
async def test_run_sync_is_an_import_error_on_pyodide_0_26(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01"))
    got = await (await worker.fetch("/")).json()
    assert got == ["missing", "cannot import name 'run_sync' from 'pyodide.ffi'", False, False]


@pytest.mark.asyncio
async def test_run_sync_waits_on_pyodide_0_28(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-29"))
    assert await (await worker.fetch("/")).json() == ["present", 7, True]
