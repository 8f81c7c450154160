"""A function the service or Durable Object stub you supply (``load_worker(..., bindings=...)``, a
Python fake) returns reaches Worker code as a function a loaded Worker returns over Workers RPC
does (test_service_binding_returned_function_is_callable_from_sdk_1_6_5.py): the stub that calls
it -- callable in the built-in SDK's era (a JavaScript function), the caller's
``_FetcherWrapper`` before workers-runtime-sdk 1.6.5 (not callable, as that SDK hands it back), a
callable ``_RpcStubWrapper`` from 1.6.5; a call answers the function's result. audit31: it was
wrapped as an object of yours, never callable (``'_FetcherWrapper' object is not callable`` on
1.9.5 too, a non-callable ``JsProxy`` in the built-in era)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

WORKER = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        maker = await self.env.SEARCH.give()
        try:
            got = await maker(2)
        except TypeError as error:
            got = str(error)
        return Response.json([repr(type(maker)), callable(maker), got])
'''


class Search:
    async def give(self):
        async def times_ten(x):
            return x * 10
        return times_ten


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "wanted"), [
    (None, ["<class 'pyodide.ffi.JsProxy'>", True, 20]),
    ("1.6.4", ["<class 'workers.rpc._FetcherWrapper'>", False, "'_FetcherWrapper' object is not callable"]),
    ("1.9.5", ["<class 'workers.rpc._RpcStubWrapper'>", True, 20])])
async def test_a_returned_function_is_the_stub_rpc_hands_back(tmp_path: Path, sdk: str | None, wanted: list) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "gateway", "main": "src/entry.py", "compatibility_date": "2025-11-02" if sdk is None else "2026-05-01",
        "compatibility_flags": ["python_workers"], "services": [{"binding": "SEARCH", "service": "search"}]}))
    if sdk is not None:
        (tmp_path / "python_modules" / f"workers_runtime_sdk-{sdk}.dist-info").mkdir(parents=True)
        typical_pyproject(tmp_path)
    worker = load_worker(tmp_path, bindings={"SEARCH": Search()})
    assert await (await worker.fetch("/")).json() == wanted
