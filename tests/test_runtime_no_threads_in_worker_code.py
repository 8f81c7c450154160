"""Production has no threads: anyio's thread pool (Starlette/FastAPI's ``run_in_threadpool``:
plain ``def`` routes, sync dependencies) raises ``RuntimeError: can't start new thread`` from
Worker code, except with workers-runtime-sdk 1.6.11 or later, whose patch runs the function
inline. Test code outside the Worker keeps anyio's threads."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import anyio.to_thread
import pytest
from worker_helpers import PYPROJECT, typical_pyproject

from workers_env import load_worker

ENTRY = '''
import threading

from fastapi import FastAPI
from workers import WorkerEntrypoint

app = FastAPI()


@app.get("/sync")
def sync_route():
    return {"thread": threading.current_thread() is threading.main_thread()}


@app.get("/async")
async def async_route():
    return {"ok": True}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(app, request.js_object, self.env)
'''


def worker(root: Path, date: str, *, lock: str | None = None):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.json").write_text(json.dumps({"name": "t", "main": "src/entry.py", "compatibility_date": date,
                                                    "compatibility_flags": ["python_workers"]}))
    typical_pyproject(root)
    if lock is not None:  # `pywrangler sync`'s, which runs only with a pyproject.toml
        if not (root / "pyproject.toml").exists():
            (root / "pyproject.toml").write_text(PYPROJECT)
        (root / "pylock.toml").write_text(f'[[packages]]\nname = "workers-runtime-sdk"\nversion = "{lock}"\n')
    return load_worker(root)


@pytest.mark.asyncio
async def test_a_sync_route_fails_where_no_sdk_runs_it_inline(tmp_path, caplog):
    built_in = worker(tmp_path / "a", "2026-03-24")
    with caplog.at_level(logging.ERROR, logger="asgi"):
        failed = await built_in.fetch("/sync")
    assert (failed.status, await failed.text()) == (500, "Internal Server Error")  # Starlette's answer
    assert "RuntimeError: can't start new thread" in caplog.text
    assert (await built_in.fetch("/async")).status == 200
    old_sdk = worker(tmp_path / "b", "2026-03-24", lock="1.6.10")
    assert (await old_sdk.fetch("/sync")).status == 500


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "lock"), [("2026-05-01", None), ("2026-03-24", "1.6.11")])
async def test_sdk_1_6_11_runs_sync_routes_inline(tmp_path, date, lock):
    resp = await worker(tmp_path, date, lock=lock).fetch("/sync")
    assert (resp.status, await resp.json()) == (200, {"thread": True})  # inline: the loop's own thread


@pytest.mark.asyncio
async def test_test_code_keeps_anyios_threads(tmp_path):
    await worker(tmp_path, "2026-03-24").fetch("/async")  # the wrapper is installed
    name = await anyio.to_thread.run_sync(lambda: threading.current_thread().name)
    assert name != threading.main_thread().name
