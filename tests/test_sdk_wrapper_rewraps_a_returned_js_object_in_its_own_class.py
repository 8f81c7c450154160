"""A JS object a wrapper's call gives back comes back in that wrapper's own class: every
workers-runtime-sdk release's ``_convert_result`` returns ``self.__class__(converted)`` for a proxy
it does not pass through -- a service's ``_FetcherWrapper`` gives a ``_FetcherWrapper``, a binding's
``_BindingWrapper`` (a D1 statement) a ``_BindingWrapper`` (read in the 1.3.0-1.5.4 tags and the
1.6.4/1.6.5/1.9.5 wheels; measured with the real 1.6.4 and 1.9.5 SDKs in real Pyodide 314.0.6 and
0.28.2, tools/pyodide/sdk_rpc_result_probe.mjs: ``prep()`` of a ``_FetcherWrapper`` is one)."""

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
        statement = await self.env.SEARCH.prep()
        d1 = self.env.DB.prepare("select 1 as x")
        return Response.json([repr(type(statement)), await statement.first(), type(d1).__name__,
                              type(d1.bind()).__name__])
'''


class Statement:
    async def first(self):
        return 1


class Search:
    async def prep(self):
        return Statement()


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "module"), [("1.3.0", "workers._workers"), ("1.6.4", "workers.rpc"),
                                             ("1.9.5", "workers.rpc")])
async def test_a_services_returned_object_is_a_fetcher_wrapper(tmp_path: Path, sdk: str, module: str) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "gateway", "main": "src/entry.py", "compatibility_date": "2026-05-01",
        "compatibility_flags": ["python_workers"], "services": [{"binding": "SEARCH", "service": "search"}],
        "d1_databases": [{"binding": "DB", "database_name": "d", "database_id": "x"}]}))
    (tmp_path / "python_modules" / f"workers_runtime_sdk-{sdk}.dist-info").mkdir(parents=True)
    worker = load_worker(typical_pyproject(tmp_path), bindings={"SEARCH": Search()})
    assert await (await worker.fetch("/")).json() == [
        f"<class '{module}._FetcherWrapper'>", 1, "_BindingWrapper", "_BindingWrapper"]
