"""In the built-in SDK era (compatibility dates before 2026-04-21) the top-level ``asgi`` is
workerd's own module (src/pyodide/internal/workers-api/src/asgi.py), which has no ``Options``,
``entrypoint``, ``DEFAULT_OPTIONS``, ``close_stream_quietly`` or ``NULL_BODY_STATUSES``: those
are the external SDK's (``workers/asgi.py``). Importing one there is Python's own ImportError,
as deployed; in the external era the top-level ``asgi`` is ``workers.asgi`` and has them."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

BUILT_IN, EXTERNAL = "2024-12-30", "2026-05-01"
EXTERNAL_ONLY = ["Options", "entrypoint", "DEFAULT_OPTIONS", "close_stream_quietly", "NULL_BODY_STATUSES"]


@pytest.mark.parametrize("name", EXTERNAL_ONLY)
def test_the_external_sdks_names_do_not_import_from_the_built_in_asgi(tmp_path, name):
    one_file_worker(tmp_path, f"from asgi import {name}\n", date=BUILT_IN)
    with pytest.raises(ImportError, match=rf"cannot import name '{name}' from 'asgi'") as error:
        load_worker(tmp_path)
    assert "not emulated" not in str(error.value)


ENTRY = '''
import json

import asgi
from js import Response
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.new(json.dumps([sorted(n for n in asgi.__all__), [hasattr(asgi, n) for n in NAMES]]))

    on_fetch = fetch
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "has"), [(BUILT_IN, False), (EXTERNAL, True)])
async def test_each_era_sees_its_own_asgi_names(tmp_path, date, has):
    worker = load_worker(one_file_worker(tmp_path, f"NAMES = {EXTERNAL_ONLY!r}\n" + ENTRY, date=date))
    names, present = json.loads(await (await worker.fetch("/")).text())
    assert present == [has] * len(EXTERNAL_ONLY)
    if not has:  # workerd's asgi.py's public names (the module has no __all__: ``import *`` takes them)
        assert names == ["ASGI", "acquire_js_buffer", "background_tasks", "fetch", "logger", "process_request",
                         "process_websocket", "request_to_scope", "run_in_background", "start_application",
                         "websocket"]
    else:
        assert {"Options", "entrypoint", "DEFAULT_OPTIONS", "close_stream_quietly"} <= set(names)
