"""``cloudflare.workers``, the SDK's import location before workerd#3537 moved it to ``workers``:
workerd still writes it into site-packages on Pyodide 0.26.0a2 with the built-in SDK
(``python-entrypoint-helper.ts`` ``injectWorkersApi``) -- compatibility dates before 2025-09-29 --
and nowhere else. It is a second copy of the SDK's files, so its entry-point base classes are
other classes than ``workers``', which workerd's ``introspection.py`` finds entrypoints by."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

LEGACY = '''
import cloudflare.workers
import workers
from cloudflare.workers import Response, fetch


async def on_fetch(request, env):
    return Response(repr([cloudflare.workers is workers,
                          cloudflare.workers.WorkerEntrypoint is workers.WorkerEntrypoint,
                          cloudflare.workers.WorkerEntrypoint.__module__,
                          "Response" in cloudflare.workers.__all__]))
'''

NEW_BASE = '''
import cloudflare.workers
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("imported")
'''

OLD_BASE = '''
from cloudflare.workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("found")
'''


@pytest.mark.asyncio
async def test_old_location_imports_on_pyodide_026(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, LEGACY, date="2024-12-01"))
    response = await worker.fetch("/")
    assert response.status == 200
    assert await response.text() == "[False, False, 'cloudflare.workers._workers', True]"


@pytest.mark.parametrize(("date", "flags"), [("2025-09-29", ()), ("2026-05-01", ()),
                                             ("2025-01-01", ("python_workers_20250116",)),
                                             ("2025-01-01", ("enable_python_external_sdk",))])
@pytest.mark.asyncio
async def test_no_old_location_elsewhere(tmp_path, date, flags):
    entry = NEW_BASE if date > "2025-08-14" else LEGACY
    with pytest.raises(ModuleNotFoundError, match="No module named 'cloudflare'"):  # at load or first request
        await load_worker(one_file_worker(tmp_path, entry, date=date, flags=flags)).fetch("/")


@pytest.mark.parametrize("date", ["2024-12-01", "2025-09-01"])
@pytest.mark.asyncio
async def test_entrypoint_extending_the_old_location_is_not_found(tmp_path, date):
    with pytest.raises(Exception, match="does not .*\\n.*Default extends a class imported from cloudflare.workers"):
        await load_worker(one_file_worker(tmp_path, OLD_BASE, date=date)).fetch("/")
