"""``workers.import_from_javascript``: ``cloudflare:workers`` and ``cloudflare:sockets`` import
anywhere (both SDKs import them ahead: workers-runtime-sdk ``utils.py``), ``connect`` being
what workers-env cannot do; other modules through production's JSPI import (``run_sync``),
``cloudflare:vectorize``'s constants among them: from Pyodide 0.28 anywhere, the module's top
level too (workerd imports the main module with ``callPromising``; its ``top-level-tests``
asserts it), while Pyodide 0.26 has no ``run_sync`` and the SDK answers ``ImportError`` anywhere."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import NotEmulatedError, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint, import_from_javascript

sockets = import_from_javascript("cloudflare:sockets")  # at module top, as Cloudflare's docs show it
try:
    import_from_javascript("cloudflare:vectorize")
    TOP_LEVEL = "imported"
except ImportError as exc:
    TOP_LEVEL = str(exc)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        vectorize = import_from_javascript("cloudflare:vectorize")
        if request.url.endswith("/connect"):
            sockets.connect("example.com:443")
        return Response.json({"top": TOP_LEVEL, "cosine": vectorize.DistanceMetric.COSINE,
                              "all": vectorize.MetadataRetrievalLevel.ALL,
                              "bge": getattr(vectorize.KnownModel, "@cf/baai/bge-base-en-v1.5")})
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-10-01", "2026-05-01"])
async def test_javascript_modules_import_where_production_imports_them(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date)
    worker = load_worker(tmp_path)
    assert await (await worker.fetch("/")).json() == {
        "top": "imported", "cosine": "cosine", "all": "all", "bge": "@cf/baai/bge-base-en-v1.5"}
    with pytest.raises(NotEmulatedError, match="cloudflare:sockets connect"):
        await worker.fetch("/connect")


PYODIDE_026 = '''
from workers import Response, import_from_javascript

def attempt():
    try:
        import_from_javascript("cloudflare:vectorize")
        return "imported"
    except ImportError as exc:
        return str(exc)

TOP_LEVEL = attempt()
env_module = import_from_javascript("cloudflare:workers")

async def on_fetch(request, env):
    return Response.json([TOP_LEVEL, attempt(), env_module.env.NAME])
'''


@pytest.mark.asyncio
async def test_on_pyodide_026_only_workers_and_sockets_import_anywhere(tmp_path):
    one_file_worker(tmp_path, PYODIDE_026, date="2025-06-01", extra='[vars]\nNAME = "n"\n')
    message = ("Failed to import 'cloudflare:vectorize': Only 'cloudflare:workers' and 'cloudflare:sockets' are "
               "available until the next python runtime version.")
    assert await (await load_worker(tmp_path).fetch("/")).json() == [message, message, "n"]


UNKNOWN = '''
from workers import Response, WorkerEntrypoint, import_from_javascript


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            import_from_javascript("cloudflare:nothing")
        except ImportError as exc:
            return Response(str(exc))
        return Response("imported")
'''


@pytest.mark.asyncio
async def test_a_module_workers_env_does_not_emulate_is_an_import_error_naming_the_ones_it_does(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, UNKNOWN, date="2025-10-01"))
    assert await (await worker.fetch("/")).text() == (
        "Failed to import 'cloudflare:nothing': JavaScript module 'cloudflare:nothing' is not emulated by workers-env "
        "(cloudflare:workers, cloudflare:sockets and cloudflare:vectorize are; see \"The `workers` module\" "
        "in docs/runtime-stand-ins.md)")
