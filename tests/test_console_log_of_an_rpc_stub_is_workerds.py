"""``console.log`` of the stub of a function returned over Workers RPC, and of one of its RPC
properties, prints what wrangler dev 4.164.0 prints for a JavaScript Worker logging the same:
``RpcStub {}`` and ``RpcProperty {}`` (also inside an array: ``[ RpcStub {} ]``) -- measured by
audit32 with a JavaScript twin calling its own entrypoint, at 2026-05-01. workers-env printed the
stub as ``[Function (anonymous)]`` and a property as ``[Function: anything]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env import load_worker

WORKER = '''
from js import console
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        maker = await self.env.SEARCH.give()
        console.log("STUB", maker)
        console.log("PROP", maker.anything)
        console.log("LIST", to_js([maker]))
        return Response("logged")
'''


class Search:
    async def give(self):
        def times_ten(x):
            return x * 10
        return times_ten


@pytest.mark.asyncio
async def test_console_log_of_a_stub_and_its_property(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "gateway", "main": "src/entry.py", "compatibility_date": "2025-11-02",
        "compatibility_flags": ["python_workers"], "services": [{"binding": "SEARCH", "service": "search"}]}))
    worker = load_worker(tmp_path, bindings={"SEARCH": Search()})
    capsys.readouterr()
    assert await (await worker.fetch("/")).text() == "logged"
    assert capsys.readouterr().out.splitlines() == ["STUB RpcStub {}", "PROP RpcProperty {}", "LIST [ RpcStub {} ]"]
