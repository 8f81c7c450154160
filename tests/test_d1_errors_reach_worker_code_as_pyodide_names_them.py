"""D1's errors reach Worker code as every JavaScript error does in production:
``pyodide.ffi.JsException`` by module and name (a traceback or a logged type reads the same),
caught by ``except pyodide.ffi.JsException`` and by ``except workers_env.JsException`` alike;
its message is D1's. (The async calls' errors kept workers-env's own module name.)"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

import workers_env
from workers_env import load_worker

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "00000000-0000-0000-0000-000000000009"\n'
ENTRY = """\
    import workers_env
    from pyodide.ffi import JsException
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            out = []
            db = self.env.DB
            for make in (lambda: db.prepare("SELECT * FROM nope").all(), lambda: db.exec("SELEC"),
                         lambda: db.batch([db.prepare("SELEC")]), lambda: db.withSession().prepare("SELEC").first()):
                try:
                    await make()
                except JsException as exc:
                    out.append(f"{type(exc).__module__}.{type(exc).__name__} {isinstance(exc, workers_env.JsException)}")
            return Response("|".join(out))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2026-01-01"])  # the external SDK's era and the built-in one
async def test_d1_errors_are_pyodide_ffi_js_exceptions(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=D1))
    assert await (await worker.fetch("/")).text() == "|".join(["pyodide.ffi.JsException True"] * 4)


ESCAPES = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.DB.prepare("SELEC 1").all()
            return Response("unreached")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2026-01-01"])
async def test_an_uncaught_d1_error_keeps_the_pyodide_name_after_the_request(tmp_path, date):
    """What a failing test's report prints: the class as Worker code raised it, named as
    Vectorize's and Workers AI's errors are, not by workers-env's own module once the run ended."""
    worker = load_worker(one_file_worker(tmp_path, ESCAPES, date=date, extra=D1))
    with pytest.raises(workers_env.JsException) as caught:
        await worker.fetch("/")
    assert f"{type(caught.value).__module__}.{type(caught.value).__qualname__}" == "pyodide.ffi.JsException"
    assert str(caught.value).startswith('Error: D1_ERROR: near "SELEC": syntax error')
