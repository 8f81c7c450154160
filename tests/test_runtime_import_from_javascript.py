"""``workers.import_from_javascript``: ``cloudflare:workers`` and ``cloudflare:sockets`` import
anywhere (both SDKs import them ahead: workers-runtime-sdk ``utils.py``), ``connect`` being
what workers-env cannot do; other modules only inside a handler (production's JSPI import),
``cloudflare:vectorize``'s constants among them; at module top production's ``ImportError``."""

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
async def test_javascript_modules_import_where_production_imports_them(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2026-05-01")
    worker = load_worker(tmp_path)
    assert await (await worker.fetch("/")).json() == {
        "top": "Failed to import 'cloudflare:vectorize': Only 'cloudflare:workers' and 'cloudflare:sockets' are "
               "available in the global scope.",
        "cosine": "cosine", "all": "all", "bge": "@cf/baai/bge-base-en-v1.5"}
    with pytest.raises(NotEmulatedError, match="cloudflare:sockets connect"):
        await worker.fetch("/connect")
